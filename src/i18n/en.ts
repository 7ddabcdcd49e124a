import type { ConversationState, MessageStatus } from '../core/model.js';
import type { RejectionReason } from '../core/attachment-policy.js';
import type { ConnectionStatus } from '../core/desk/desk.js';
import type { FieldError, LinkSlot, RecordKind } from '../core/records.js';
import type { DeskErrorCode } from '../core/errors.js';
import type { TransportErrorCode } from '../core/transport.js';

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
  /** `<cc-transcript-search>` (F16). Message text and names arrive as arguments and stay plain text. */
  transcriptSearch: {
    formLabel: string;
    searchLabel: string;
    placeholder: string;
    search: string;
    filters: string;
    customer: string;
    customerPlaceholder: string;
    from: string;
    to: string;
    state: string;
    anyState: string;
    hint: string;
    preparing: string;
    indexing(n: number): string;
    indexed(n: number): string;
    unavailable: string;
    searching: string;
    results(n: number): string;
    inConversations(n: number): string;
    noResults: string;
    more(limit: number): string;
    failed: string;
    retry: string;
    resultsLabel: string;
    /** Hits in one conversation. */
    matches(n: number): string;
    /** Group title when the customer is not known (a past conversation). */
    unknownConversation(id: string): string;
    latestMatch(date: string): string;
    /** Toggle under a conversation's first few matches. */
    showAll(n: number): string;
    showFewer: string;
    open: string;
    openLabel(name: string): string;
    fromServer: string;
    author: Record<import('../core/model.js').MessageAuthor, string>;
    back: string;
    transcriptTitle(name: string): string;
    transcriptLabel(name: string): string;
    readOnly: string;
    startedAt(date: string): string;
    loadingTranscript: string;
    transcriptFailed: string;
  };
  /** `<cc-customer-form>` (F5, F6). Record titles, names and pre-chat text arrive as arguments and stay plain text. */
  customerForm: {
    noConversation: string;
    customer: string;
    locale: string;
    facebookId: string;
    notProvided: string;
    summary: string;
    channel: string;
    queue: string;
    waitingTime: string;
    skills: string;
    startedAt: string;
    closedAt: string;
    state: string;
    linkedRecords: string;
    linkedCase: string;
    linkedCustomer: string;
    noLinkedCase: string;
    noLinkedCustomer: string;
    kind: Record<RecordKind, string>;
    recentCases: string;
    recentLoading: string;
    recentEmpty: string;
    recentError: string;
    retry: string;
    /** Badge on the recent case that is linked to this conversation. */
    linked: string;
    updatedAt(time: string): string;
    timeline: string;
    timelineEmpty: string;
    event: {
      state(state: string): string;
      link(kind: RecordKind, title: string): string;
      unlink(kind: RecordKind, title: string): string;
      note(kind: RecordKind, title: string): string;
      created(kind: RecordKind, title: string): string;
    };
    /** Accessible name of the tab list. */
    details: string;
    preChat: string;
    preChatEmpty: string;
    visitor: string;
    visitorEmpty: string;
    session: string;
    timeInSession: string;
    notStarted: string;
    openNow: string;
    /** The agent's conversations that use capacity (active or in wrap-up). */
    inProgress(n: number): string;
  };
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
    /** The same, when the backend did not say. */
    startedUnknown: string;
    /** In place of the countdown when the offer's expiry is not known. */
    expiresUnknown: string;
    /** A time or a wait that is not known. */
    unknown: string;
  };
  panel: {
    /** The header's title when the backend sent no customer name. */
    unnamedCustomer: string;
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
    /** Under the connection banner while not online. */
    offlineHint: string;
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
    /** In place of a message whose data cannot be shown. */
    unreadable: string;
    /** Under a very long message: shows the next part of it. */
    showMore(remaining: number): string;
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
  /** `<cc-conversation-notes>` (F10). */
  notes: {
    /** Accessible name of the list of notes. */
    listLabel: string;
    /** The transport has no notes (capabilities.notes is false). */
    unavailable: string;
    noConversation: string;
    /** Nothing is linked, so there is nowhere to save a note. */
    noLink: string;
    /** Where notes are saved; the title is the record's (host-controlled) title. */
    savedTo: Record<RecordKind, (title: string) => string>;
    label: string;
    /** Read with the note field: how to save from the keyboard. */
    hint: string;
    counter(used: number, max: number): string;
    tooLong(over: number): string;
    add: string;
    saving: string;
    /** Announced politely once a note is saved. */
    saved: string;
    saveFailed: string;
    loading: string;
    loadFailed: string;
    retry: string;
    empty: string;
  };
  /** `<cc-record-search>` and `<cc-record-create>` (F7, F8). */
  records: {
    kinds: Record<RecordKind, string>;
    /** Record statuses by code; a code missing here is shown as it is. */
    statuses: Partial<Record<string, string>>;
    linkedHeading: string;
    slots: Record<LinkSlot, string>;
    nothingLinked: string;
    unlink: string;
    /** Accessible name of an Unlink button; starts with `unlink`. */
    unlinkLabel(kind: RecordKind, title: string): string;
    /** Unlinking never deletes (F8). */
    unlinkHint: string;
    searchLabel: string;
    searchPlaceholder: string;
    /** Read with the search field: how to reach the results from the keyboard. */
    searchHint: string;
    filterLabel: string;
    filters: Record<'all' | RecordKind, string>;
    resultsLabel: string;
    idle: string;
    searching: string;
    results(n: number): string;
    noResults(query: string): string;
    searchFailed: string;
    retry: string;
    link: string;
    /** Accessible name of a Link button; starts with `link`. */
    linkLabel(kind: RecordKind, title: string): string;
    /** The same, when linking replaces the record in the slot. */
    replaceLabel(kind: RecordKind, title: string, current: string): string;
    /** Text of the button of a result that is already linked. */
    linked: string;
    linkedLabel(kind: RecordKind, title: string): string;
    linkedNotice(title: string): string;
    unlinkedNotice(title: string): string;
    linkFailed: string;
    unlinkFailed: string;
    noConversation: string;
    createHeading: string;
    /** "New case" / "New contact": the quick-create buttons and form titles. */
    newRecord: Record<'case' | 'contact', string>;
    fields: {
      subject: string;
      description: string;
      priority: string;
      firstName: string;
      lastName: string;
      email: string;
      phone: string;
    };
    priorities: Record<'low' | 'normal' | 'high', string>;
    required: string;
    linkToConversation: string;
    submit: string;
    creating: string;
    cancel: string;
    /** One message per validation rule; `max` is the field's length limit. */
    errors: Record<FieldError, (field: string, max: number) => string>;
    summary(n: number): string;
    serverRejected: string;
    createFailed: string;
    created(kind: 'case' | 'contact', title: string): string;
    createdAndLinked(kind: 'case' | 'contact', title: string): string;
    createdNotLinked(kind: 'case' | 'contact', title: string): string;
    /** Speaker label of agent lines in a prefilled case description. */
    agent: string;
  };
  /** What the agent reads for a refusal or failure (see `errorText`); an error's own message is never shown. */
  errors: {
    /** The desk refused the request before it reached the transport (`DeskError`). */
    desk: Record<DeskErrorCode, string>;
    /** The transport failed (`TransportError`). */
    transport: Record<TransportErrorCode, string>;
    /** Any other error. */
    unknown: string;
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
  transcriptSearch: {
    formLabel: 'Transcript search',
    searchLabel: 'Search transcripts',
    placeholder: 'Words from any message',
    search: 'Search',
    filters: 'Filters',
    customer: 'Customer',
    customerPlaceholder: 'Name or id',
    from: 'From',
    to: 'To',
    state: 'State',
    anyState: 'Any',
    hint: 'Type words from a message. Every word must match, word beginnings are enough, and accents are optional: “zamowienie” also finds “zamówienie”.',
    preparing: 'Preparing search…',
    indexing: (n) => `Indexing… ${new Intl.NumberFormat('en').format(n)} ${n === 1 ? 'message' : 'messages'}`,
    indexed: (n) => `${new Intl.NumberFormat('en').format(n)} ${n === 1 ? 'message' : 'messages'} searchable`,
    unavailable: 'Search is not available right now.',
    searching: 'Searching…',
    results: (n) => (n === 1 ? '1 result' : `${n} results`),
    inConversations: (n) => (n === 1 ? 'in 1 conversation' : `in ${n} conversations`),
    noResults: 'No messages match. Check the spelling, use fewer words or clear a filter.',
    more: (limit) => `Showing the newest ${limit} matches — refine your search.`,
    failed: 'The search failed.',
    retry: 'Try again',
    resultsLabel: 'Search results',
    matches: (n) => (n === 1 ? '1 match' : `${n} matches`),
    unknownConversation: (id) => `Conversation ${id}`,
    latestMatch: (date) => `Latest match ${date}`,
    showAll: (n) => `Show all ${n} matches`,
    showFewer: 'Show fewer',
    open: 'Open transcript',
    openLabel: (name) => `Open transcript: ${name}`,
    fromServer: 'from the server',
    author: { customer: 'Customer', agent: 'Agent', system: 'System', bot: 'Bot' },
    back: 'Back to results',
    transcriptTitle: (name) => `Transcript: ${name}`,
    transcriptLabel: (name) => `Messages with ${name}`,
    readOnly: 'Read-only. The transcript opens at the newest message.',
    startedAt: (date) => `Started ${date}`,
    loadingTranscript: 'Loading the transcript…',
    transcriptFailed: 'The transcript could not be opened.',
  },
  customerForm: {
    noConversation: 'No conversation is open. Accept an incoming conversation to see the customer.',
    customer: 'Customer',
    locale: 'Language',
    facebookId: 'Facebook profile ID',
    notProvided: 'Not provided',
    summary: 'Conversation',
    channel: 'Channel',
    queue: 'Queue',
    waitingTime: 'Waiting time',
    skills: 'Skills',
    startedAt: 'Started',
    closedAt: 'Closed',
    state: 'State',
    linkedRecords: 'Linked records',
    linkedCase: 'Case',
    linkedCustomer: 'Contact or account',
    noLinkedCase: 'No case linked.',
    noLinkedCustomer: 'No contact or account linked.',
    kind: { contact: 'Contact', account: 'Account', case: 'Case' },
    recentCases: 'Recent cases',
    recentLoading: 'Loading recent cases…',
    recentEmpty: 'This customer has no cases yet.',
    recentError: 'Recent cases could not be loaded.',
    retry: 'Try again',
    linked: 'Linked',
    updatedAt: (time) => `Updated ${time}`,
    timeline: 'Timeline',
    timelineEmpty: 'Nothing has happened yet.',
    event: {
      state: (state) => `State: ${state}`,
      link: (kind, title) => `Linked ${kind} “${title}”`,
      unlink: (kind, title) => `Unlinked ${kind} “${title}”`,
      note: (kind, title) => `Note added to ${kind} “${title}”`,
      created: (kind, title) => `Created ${kind} “${title}”`,
    },
    details: 'Customer details',
    preChat: 'Pre-chat answers',
    preChatEmpty: 'The customer answered no pre-chat questions.',
    visitor: 'Visitor details',
    visitorEmpty: 'No visitor details.',
    session: 'Session',
    timeInSession: 'Time in session',
    notStarted: 'Not started yet',
    openNow: 'Open in this session',
    inProgress: (n) => (n === 1 ? '1 conversation in progress' : `${n} conversations in progress`),
  },
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
    startedUnknown: 'Started: unknown',
    expiresUnknown: 'Expires: unknown',
    unknown: 'unknown',
  },
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
    unreadable: 'This message could not be shown.',
    showMore: (n) => `Show more (${new Intl.NumberFormat('en').format(n)} more ${n === 1 ? 'character' : 'characters'})`,
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
      'type-mismatch': (name, detected) => `${name} is really a ${detected} file, not what its name says.`,
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
  notes: {
    listLabel: 'Notes',
    unavailable: 'Notes are not available.',
    noConversation: 'Open a conversation to see its notes.',
    noLink: 'Link a contact or a case to this conversation to add notes.',
    savedTo: {
      case: (title) => `Saved to case ${title}`,
      contact: (title) => `Saved to contact ${title}`,
      account: (title) => `Saved to account ${title}`,
    },
    label: 'New note',
    hint: 'Ctrl+Enter (⌘+Enter on a Mac) saves the note.',
    counter: (used, max) => `${used} / ${max}`,
    tooLong: (over) => (over === 1 ? '1 character too many' : `${over} characters too many`),
    add: 'Add note',
    saving: 'Saving…',
    saved: 'Note saved',
    saveFailed: 'The note was not saved. Your text is kept: try again.',
    loading: 'Loading notes…',
    loadFailed: 'The notes could not be loaded.',
    retry: 'Try again',
    empty: 'No notes yet.',
  },
  records: {
    kinds: { contact: 'Contact', account: 'Account', case: 'Case' },
    statuses: {
      new: 'New',
      open: 'Open',
      'in-progress': 'In progress',
      pending: 'Pending',
      resolved: 'Resolved',
      closed: 'Closed',
    },
    linkedHeading: 'Linked records',
    slots: { customer: 'Contact or account', case: 'Case' },
    nothingLinked: 'Nothing linked',
    unlink: 'Unlink',
    unlinkLabel: (kind, title) => `Unlink ${kind} ${title}`,
    unlinkHint: 'Unlinking removes only the link: the record is never deleted, and closing the conversation never closes the case.',
    searchLabel: 'Search contacts, accounts and cases',
    searchPlaceholder: 'Name, e-mail or case number',
    searchHint: 'Results appear as you type. Down arrow moves to the results.',
    filterLabel: 'Show',
    filters: { all: 'All', contact: 'Contacts', account: 'Accounts', case: 'Cases' },
    resultsLabel: 'Search results',
    idle: 'Type to search contacts, accounts and cases.',
    searching: 'Searching…',
    results: (n) => (n === 1 ? '1 result' : `${n} results`),
    noResults: (query) => `No records match “${query}”.`,
    searchFailed: 'Search failed.',
    retry: 'Try again',
    link: 'Link',
    linkLabel: (kind, title) => `Link ${kind} ${title}`,
    replaceLabel: (kind, title, current) => `Link ${kind} ${title}, replacing ${current}`,
    linked: 'Linked',
    linkedLabel: (kind, title) => `Linked: ${kind} ${title}`,
    linkedNotice: (title) => `Linked ${title}.`,
    unlinkedNotice: (title) => `Unlinked ${title}. The record itself is kept.`,
    linkFailed: 'The record could not be linked. Try again.',
    unlinkFailed: 'The record could not be unlinked. Try again.',
    noConversation: 'Open a conversation to link records to it.',
    createHeading: 'Create from this conversation',
    newRecord: { case: 'New case', contact: 'New contact' },
    fields: {
      subject: 'Subject',
      description: 'Description',
      priority: 'Priority',
      firstName: 'First name',
      lastName: 'Last name',
      email: 'E-mail',
      phone: 'Phone',
    },
    priorities: { low: 'Low', normal: 'Normal', high: 'High' },
    required: '(required)',
    linkToConversation: 'Link to this conversation',
    submit: 'Create',
    creating: 'Creating…',
    cancel: 'Cancel',
    errors: {
      required: (field) => `${field} is required.`,
      'too-long': (field, max) => `${field} can be at most ${max} characters long.`,
      email: () => 'Enter an e-mail address such as name@example.com.',
      phone: () => 'Enter a phone number: 6 to 20 digits, spaces, brackets or dashes, optionally starting with +.',
      choice: (field) => `Choose a ${field.toLowerCase()} from the list.`,
    },
    summary: (n) => (n === 1 ? 'Fix 1 field to create the record:' : `Fix ${n} fields to create the record:`),
    serverRejected: 'The CRM did not accept some fields. Fix them and try again.',
    createFailed: 'The record could not be created.',
    created: (kind, title) => `${kind === 'case' ? 'Case' : 'Contact'} “${title}” created.`,
    createdAndLinked: (kind, title) => `${kind === 'case' ? 'Case' : 'Contact'} “${title}” created and linked.`,
    createdNotLinked: (kind, title) =>
      `${kind === 'case' ? 'Case' : 'Contact'} “${title}” was created but could not be linked. Find it in the search to link it.`,
    agent: 'Agent',
  },
  errors: {
    desk: {
      'window-closed': 'The reply window is closed. You can send again once the customer writes.',
      'too-long': 'This is too long. Shorten it and try again.',
      empty: 'There is nothing to send.',
      'unknown-conversation': 'This conversation is no longer available.',
      'unknown-offer': 'This conversation is no longer waiting for you.',
      policy: 'This file cannot be sent.',
      unsupported: 'This is not available here.',
      invalid: 'Some details are not valid. Check them and try again.',
      'no-link': 'Link a contact or a case to this conversation first.',
      'not-active': 'Messages can be sent only while the conversation is active.',
      disposed: 'This workspace was closed. Reload the page.',
    },
    transport: {
      network: 'No connection to the server. Check the connection and try again.',
      timeout: 'The server did not answer in time. Try again.',
      'auth-expired': 'Your session has expired. Sign in again.',
      'not-found': 'The server could not find it. It may have been removed.',
      invalid: 'The server did not accept the request.',
      conflict: 'It was changed elsewhere in the meantime. Try again.',
      'window-closed': 'Messenger’s reply window is closed. You can send again once the customer writes.',
      policy: 'The server refused this message or file.',
      aborted: 'Cancelled.',
      unavailable: 'The service is unavailable right now. Try again later.',
      internal: 'The server ran into a problem. Try again later.',
    },
    unknown: 'Something went wrong. Try again.',
  },
};
