import type { ConversationState, MessageStatus } from '../core/model.js';
import type { RejectionReason } from '../core/attachment-policy.js';
import type { ConnectionStatus } from '../core/desk.js';

/** Every string the elements show. Plurals and numbers are functions so each language gets them right. */
export interface Catalog {
  lang: string;
  channel: { facebook: string };
  state: Record<ConversationState, string>;
  connection: Record<ConnectionStatus, string>;
  duration: {
    /** Countdown or remaining time such as "1:05" or "23 h 10 min". */
    seconds(n: number): string;
    minutes(n: number): string;
    hours(n: number): string;
    days(n: number): string;
  };
  conversations(n: number): string;
  notification: {
    title: string;
    from(name: string): string;
    channel: string;
    queue: string;
    waiting: string;
    firstMessage: string;
    expiresIn(seconds: number): string;
    accept: string;
    reject: string;
    moreWaiting(n: number): string;
    otherConversations: string;
    noOtherConversations: string;
    missedTitle: string;
    missed(name: string): string;
    becomeAvailable: string;
    dismiss: string;
    announce(name: string, queue: string): string;
    desktopTitle(name: string): string;
    failed: string;
    /** When another conversation of the customer started, e.g. "Started 10:32". */
    startedAt(time: string): string;
  };
  panel: {
    empty: string;
    noConversation: string;
    transcriptLabel(name: string): string;
    composerLabel: string;
    placeholder: string;
    /** Read by screen readers with the message field. */
    composerHint: string;
    send: string;
    more: string;
    attachFile: string;
    endConversation: string;
    closeConversation: string;
    wrapUp: string;
    closed: string;
    counter(used: number, max: number): string;
    tooLong(over: number): string;
    typing(name: string): string;
    windowLeft(time: string): string;
    windowLeftHumanAgent(time: string): string;
    windowClosed: string;
    windowClosedHelp: string;
    windowNotOpen: string;
    dropHere: string;
    sendFailed: string;
    endFailed: string;
  };
  message: {
    customer: string;
    agent: string;
    system: string;
    bot: string;
    status: Record<MessageStatus, string>;
    retry: string;
    unsupported: string;
    edited: string;
    sticker: string;
    image(name: string): string;
    download(name: string): string;
    openImage(name: string): string;
    closeImage: string;
    reactions(list: string): string;
    newMessages(n: number): string;
    jumpToLatest: string;
  };
  attachments: {
    label: string;
    choose: string;
    drop: string;
    limits(maxSize: string, extensions: string): string;
    /** Limits text when the policy allows every type that is not blocked. */
    limitsAnyType(maxSize: string): string;
    reasons: Record<RejectionReason, (name: string, detail: string) => string>;
    uploading(name: string, percent: number): string;
    uploaded(name: string): string;
    failed(name: string): string;
    cancel(name: string): string;
    remove(name: string): string;
    /** Visible text of the per-file buttons; their accessible names (cancel, remove) start with it. */
    cancelButton: string;
    removeButton: string;
    /** Shown for a file whose name is empty. */
    unnamed: string;
    cancelled(name: string): string;
    rejectedCount(n: number): string;
    size(bytes: number): string;
  };
}

const bytes = (n: number, locale: string): string => {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
};

export { bytes as formatBytes };

export const en: Catalog = {
  lang: 'en',
  channel: { facebook: 'Facebook Messenger' },
  state: { open: 'Open', active: 'Active', waiting: 'Waiting', 'wrap-up': 'Wrap-up', closed: 'Closed' },
  connection: {
    idle: 'Not connected',
    connecting: 'Connecting…',
    online: 'Online',
    reconnecting: 'Reconnecting…',
    offline: 'Offline',
    'auth-expired': 'Session expired: sign in again',
  },
  duration: {
    seconds: (n) => `${n} s`,
    minutes: (n) => `${n} min`,
    hours: (n) => `${n} h`,
    days: (n) => (n === 1 ? '1 day' : `${n} days`),
  },
  conversations: (n) => (n === 1 ? '1 conversation' : `${n} conversations`),
  notification: {
    title: 'Incoming conversation',
    from: (name) => `${name} wants to chat`,
    channel: 'Channel',
    queue: 'Queue',
    waiting: 'Waiting',
    firstMessage: 'First message',
    expiresIn: (s) => `Expires in ${s} s`,
    accept: 'Accept',
    reject: 'Reject',
    moreWaiting: (n) => (n === 1 ? '1 more conversation waiting' : `${n} more conversations waiting`),
    otherConversations: 'Other active conversations of this customer',
    noOtherConversations: 'No other active conversations.',
    missedTitle: 'Missed conversation',
    missed: (name) => `The conversation with ${name} went back to the queue. Your presence is now Inactive.`,
    becomeAvailable: 'Become available',
    dismiss: 'Dismiss',
    announce: (name, queue) => `Incoming Facebook conversation from ${name}, queue ${queue}.`,
    desktopTitle: (name) => `Facebook conversation from ${name}`,
    failed: 'That did not work. Try again.',
    startedAt: (time) => `Started ${time}`,
  },
  panel: {
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
  },
  message: {
    customer: 'Customer',
    agent: 'You',
    system: 'System',
    bot: 'Bot',
    status: { sending: 'Sending…', sent: 'Sent', delivered: 'Delivered', read: 'Read', failed: 'Failed' },
    retry: 'Retry',
    unsupported: 'Customer sent an unsupported message type.',
    edited: 'edited',
    sticker: 'Sticker',
    image: (name) => `Image ${name}`,
    download: (name) => `Download ${name}`,
    openImage: (name) => `Open image ${name}`,
    closeImage: 'Close image',
    reactions: (list) => `Reactions: ${list}`,
    newMessages: (n) => (n === 1 ? '1 new message' : `${n} new messages`),
    jumpToLatest: 'Jump to latest',
  },
  attachments: {
    label: 'Attachments',
    choose: 'Choose files',
    drop: 'or drop them here',
    limits: (max, ext) => `Up to ${max} each. Allowed: ${ext}.`,
    limitsAnyType: (max) => `Up to ${max} each.`,
    reasons: {
      empty: (name) => `${name} is empty.`,
      'too-large': (name, limit) => `${name} is larger than the ${limit} limit.`,
      'invalid-name': (name) => `${name} has a name that cannot be sent.`,
      'null-byte': (name) => `${name} has a hidden character in its name and was refused.`,
      'no-extension': (name) => `${name} has no file extension.`,
      'double-extension': (name) => `${name} hides its real type behind a double extension.`,
      'blocked-extension': (name, ext) => `${name}: .${ext} files are blocked.`,
      'extension-not-allowed': (name, ext) => `${name}: .${ext} files are not allowed.`,
    },
    uploading: (name, percent) => `Uploading ${name}: ${percent}%`,
    uploaded: (name) => `${name} is ready to send`,
    failed: (name) => `${name} could not be uploaded.`,
    cancel: (name) => `Cancel upload of ${name}`,
    remove: (name) => `Remove ${name}`,
    cancelButton: 'Cancel',
    removeButton: 'Remove',
    unnamed: '(no name)',
    cancelled: (name) => `Upload of ${name} cancelled.`,
    rejectedCount: (n) => (n === 1 ? '1 file was refused' : `${n} files were refused`),
    size: (n) => bytes(n, 'en'),
  },
};
