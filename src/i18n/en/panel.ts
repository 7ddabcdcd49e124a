import type { Catalog } from '../catalog.js';

/** English strings of the communication panel (and its transcript). */
export const panelStrings: Pick<Catalog, 'panel'> = {
  panel: {
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
  },
};
