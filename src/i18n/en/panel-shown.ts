import type { Catalog } from '../catalog.js';
import type { PanelWorkdayStrings } from './panel-workday.js';

/**
 * English strings of the communication panel (and its transcript) that show up front; the wrap-up
 * area's and the transfer dialog's come with their lazy chunk (panel-workday.ts), which reads them
 * merged under the catalog's.
 */
export const panelShown: Omit<Catalog['panel'], keyof PanelWorkdayStrings> = {
  unnamedCustomer: 'Customer',
  empty: 'No messages yet.',
  noConversation: 'No conversation is open. Accept an incoming conversation to start.',
  transcriptLabel: (name) => `Conversation with ${name}`,
  composerLabel: 'Message',
  placeholder: 'Type a message',
  composerHint: 'Enter sends, Shift+Enter adds a line.',
  send: 'Send',
  more: 'More actions',
  attachFile: 'Attach file',
  endConversation: 'End conversation',
  closeConversation: 'Close conversation',
  wrapUp: 'The conversation has ended. Finish your wrap-up, then close it.',
  closed: 'This conversation is closed.',
  counter: (used, max) => `${used} / ${max}`,
  tooLong: (over) => (over === 1 ? '1 character too many' : `${over} characters too many`),
  typing: (name) => `${name} is typing…`,
  windowLeft: (time) => `Reply window: ${time} left`,
  windowLeftHumanAgent: (time) => `Human agent window: ${time} left`,
  windowClosed: 'Reply window closed',
  windowClosedHelp:
    'Messenger allows replies only within 24 hours of the customer’s last message (7 days with the human agent tag). You can send again once the customer writes.',
  windowNotOpen: 'You can reply once the customer has written.',
  dropHere: 'Drop files to attach',
  sendFailed: 'The message was not sent.',
  endFailed: 'The conversation could not be ended. Try again.',
  offlineHint: 'Messages you send are kept and go out when the connection is back.',
  storageFallback: 'Unsent messages and drafts are kept in this tab only: do not reload or close it until they have gone out.',
  storageReason: {
    unavailable: 'This browser offers no storage here (a private window?).',
    blocked: 'Another tab of this CRM is updating its storage.',
    closed: 'A newer version of this CRM took over the storage in another tab.',
    full: 'The disk is full.',
    failed: 'The browser could not save.',
  },
  putOnHold: 'Put on hold',
  resume: 'Resume',
  releaseToQueue: 'Release to queue',
  transfer: 'Transfer…',
  transitionFailed: 'The conversation state could not be changed. Try again.',
  waiting: 'The conversation is on hold. Resume it to reply.',
  privacy: 'This conversation may be monitored or recorded.',
  emoji: 'Insert emoji',
  replyingTo: (name, snippet) => (snippet ? `Replying to ${name}: ${snippet}` : `Replying to ${name}`),
  cancelReply: 'Cancel reply',
  loading: 'Loading…',
  retryLoad: 'Try again',
  partsFailed: 'The messages could not be loaded. Check the connection.',
  attachAgain: 'Ready: press Attach file again to choose the files.',
  filesNotAdded: 'The files were not added: another conversation was opened meanwhile. Add them again.',
};

/**
 * `<cc-communication-panel>`'s and `<cc-transcript>`'s English, typed as the whole part, as an element's
 * `strings` are. The wrap-up and transfer keys (`PanelWorkdayStrings`) are not in it: they come with
 * workday-part.ts, which alone reads them.
 */
export const panelShownStrings = { panel: panelShown } as Pick<Catalog, 'panel'>;
