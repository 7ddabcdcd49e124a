import type { BasePresence, ConversationState, MessageStatus } from '../core/model.js';
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
    /** Under the count when only the newest matches are listed. */
    more(shown: number, total: number): string;
    /** Lists the next page of matches (`n` of them). */
    showMore(n: number): string;
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
    /** Shown while the desk keeps data in memory because the browser's storage failed. */
    storageFallback: string;
    /** Why, per `desk.$storageReason`. */
    storageReason: Record<'unavailable' | 'blocked' | 'closed' | 'full' | 'failed', string>;
    /** The state menu (F11): Active → Waiting. */
    putOnHold: string;
    /** Waiting → Active. */
    resume: string;
    /** Active → Open (back to the queue). */
    releaseToQueue: string;
    /** Opens the transfer dialog. */
    transfer: string;
    transferTitle: string;
    transferToQueue: string;
    transferToAgent: string;
    agentId: string;
    transferSubmit: string;
    cancel: string;
    /** A move of the state menu failed. */
    transitionFailed: string;
    /** In a Waiting conversation, where the composer is. */
    waiting: string;
    /** Wrap-up (F19): the disposition code. */
    disposition: string;
    dispositionNone: string;
    /** Next to the disposition label when a code must be chosen. */
    required: string;
    /** Under the disabled Close while a required code is missing. */
    closeNeedsDisposition: string;
    wrapUpNote: string;
    wrapUpTimer(time: string): string;
    wrapUpOverdue: string;
    /** The privacy banner (F17). */
    privacy: string;
    /** The composer's emoji button. */
    emoji: string;
    /** Above the message field while the agent quotes a customer message. */
    replyingTo(name: string, snippet: string): string;
    cancelReply: string;
    /** The accessible name of a part of the panel that is still loading (the transfer dialog). */
    loading: string;
    /** The button that loads the wrap-up area again after it failed to load. */
    retryLoad: string;
    /** The transcript and the attachment picker could not be loaded. */
    partsFailed: string;
    /** The attachment picker came in too long after Attach was pressed for the file chooser to open. */
    attachAgain: string;
    /** Files dropped or pasted while the picker loaded were not added: another conversation was opened meanwhile. */
    filesNotAdded: string;
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
    /** Read before a system message (the privacy notice, a state change): it is not from a person. */
    automated: string;
    /** The image viewer's zoom buttons and the zoom level read out. */
    zoomIn: string;
    zoomOut: string;
    zoomFit: string;
    zoomLevel(percent: number): string;
    /** A customer message's Reply button, and its accessible name (the message quoted). */
    reply: string;
    replyTo(snippet: string): string;
    /** Read before the quote of the message a message answers. */
    inReplyTo: string;
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
    /** The short policy under the composer's attach button: "PDF, JPG · up to 5 MB". */
    policy(types: string, maxSize: string): string;
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
    /** Author of a note the agent wrote, when the agent has no name. */
    you: string;
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
  /** `<cc-presence-picker>` (F12). A host's custom status labels come with the status. */
  presence: {
    label: string;
    statuses: Record<BasePresence, string>;
    /** Accessible name of the button: the current status, then what the button does. */
    buttonLabel(status: string): string;
    menuLabel: string;
    /** Why Inactive can't be picked. */
    inactiveHint: string;
    capacityLabel: string;
    /** "2 of 3". */
    capacity(used: number, total: number): string;
    capacityLong(used: number, total: number): string;
    /** The status follows capacity by itself. */
    automatic: string;
    manual: string;
    takesOffers: string;
    noOffers: string;
    /** Announced when capacity changed the status. */
    changedByCapacity(status: string, used: number, total: number): string;
    /** Announced when a missed offer made the agent Inactive. */
    changedByMissedOffer: string;
    /** Announced for any other change the agent did not make here. */
    changed(status: string): string;
    failed: string;
  };
  /** `<cc-work-items>` (F21). Customer names and messages arrive as arguments and stay plain text. */
  workItems: {
    mine: string;
    open: string;
    columns: Record<'customer' | 'state' | 'queue' | 'wait' | 'message', string>;
    /** Accessible name of a column's sort button. */
    sortBy(column: string): string;
    /** Announced after sorting. */
    sortedBy(column: string, ascending: boolean): string;
    mineHint: string;
    mineEmpty: string;
    openItem(name: string): string;
    openFailed: string;
    /** In place of a customer name the backend did not send. */
    unnamed: string;
    noMessage: string;
    attachment(name: string): string;
    loading: string;
    loadFailed: string;
    retry: string;
    refresh: string;
    openEmpty: string;
    count(n: number): string;
    pick: string;
    pickLabel(name: string): string;
    picking: string;
    picked(name: string): string;
    pickFailed: string;
  };
  /** `<cc-session-tabs>`, `<cc-session-view>` and `<cc-shortcuts>` (F6, F13). Customer names and app titles arrive as arguments and stay plain text. */
  sessions: {
    /** Accessible name of the session tab list. */
    tabsLabel: string;
    empty: string;
    /** A tab's title when the backend sent no customer name. */
    unnamedCustomer: string;
    unread(n: number): string;
    /** Accessible name of a tab's close button. */
    close(name: string): string;
    tabsHint: string;
    /** Sessions open out of the most there may be: "3 of 10". */
    count(n: number, max: number): string;
    full(max: number): string;
    /** Accessible name of a session's app tab list. */
    appsLabel(name: string): string;
    appKinds: Record<'customer' | 'record' | 'transcript' | 'knowledge' | 'app', string>;
    closeApp(title: string): string;
    appsHint: string;
    noSession: string;
    /** In an app's panel when the page put nothing there. */
    nothingShown(title: string): string;
    loading: string;
    shortcuts: {
      title: string;
      /** The button that opens the help. */
      open: string;
      close: string;
      intro: string;
      next: string;
      previous: string;
      jump: string;
      closeSession: string;
      accept: string;
      reject: string;
      help: string;
    };
  };
  /** `<cc-knowledge-search>` (F9). Article text arrives as arguments and stays plain text. */
  knowledge: {
    searchLabel: string;
    placeholder: string;
    hint: string;
    idle: string;
    searching: string;
    results(n: number): string;
    noResults(query: string): string;
    failed: string;
    retry: string;
    resultsLabel: string;
    /** A result's "updated" line; `date` is already formatted. */
    updated(date: string): string;
    back: string;
    loading: string;
    loadFailed: string;
    /** The article's address, opened in a new tab. */
    openArticle: string;
    shareLink: string;
    shareText: string;
    copy: string;
    actionsLabel: string;
    shared: string;
    copied: string;
    copyFailed: string;
    noConversation: string;
  };
  /** `<cc-sentiment-badge>` and `<cc-sentiment-alert>` (F14): the customer's mood. */
  sentiment: {
    levels: Record<import('../sentiment/index.js').SentimentLevel, string>;
    /** Read out before the level: "Customer sentiment: Negative". */
    label: string;
    /** On the tab of a session in the background whose customer is upset. */
    urgent: string;
    alertTitle: string;
    /** The alert's text; `level` is already a label of `levels`. */
    alert(level: string): string;
    dismiss: string;
    dismissLabel: string;
  };
  /** `<cc-quick-replies>` and the composer's placeholder check (F15). Reply texts stay plain text. */
  quickReplies: {
    /** The list's name. */
    label: string;
    /** Announced as the list changes. */
    count(n: number): string;
    noMatch: string;
    loading: string;
    failed: string;
    /** Marks the agent's own replies. */
    own: string;
    /** Under the composer while placeholders are left; `names` is e.g. `{caseNumber}, {queue}`. */
    fillIn(names: string): string;
    /** Part of the composer's description. */
    hint: string;
    /** The "…" menu item that saves the draft as an own reply, and what follows. */
    save: string;
    saved: string;
    /** Read with the list while an own reply is active. */
    removeHint: string;
    removed(title: string): string;
  };
  /** `<cc-smart-assist>` (F15). Article titles, names and message text arrive as arguments and stay plain text. */
  assist: {
    label: string;
    articles: string;
    cases: string;
    loading: string;
    /** Announced when suggestions arrive. */
    ready(articles: number, cases: number): string;
    empty: string;
    noArticles: string;
    noCases: string;
    failed: string;
    retry: string;
    unavailable: string;
    noConversation: string;
    shareLink: string;
    shareLinkLabel(title: string): string;
    open: string;
    openArticleLabel(title: string): string;
    openCaseLabel(name: string): string;
    /** A similar case whose customer is not known (a past conversation). */
    earlierConversation: string;
    shared: string;
  };
  /** `<cc-agent-script>` (F15). Step texts come from the host and stay plain text. */
  scripts: {
    label: string;
    /** "2 of 5 done". */
    progress(done: number, total: number): string;
    insert: string;
    shareLink: string;
    /** An article step without a title. */
    article(id: string): string;
    /** Announced when a step is ticked or unticked. */
    stepDone(label: string): string;
    stepUndone(label: string): string;
    allDone: string;
  };
  /** The composer's emoji picker (loaded on the first press of its button). */
  emoji: {
    label: string;
    search: string;
    noResults: string;
    categories: Record<'smileys' | 'people' | 'hearts' | 'nature' | 'objects', string>;
  };
  /** The panel's "…" menu items that start a call (F20). */
  callMenu: { voice: string; video: string; /** On a session tab with a call. */ active: string };
  /** `<cc-call-controls>` (F20) and the transcript's call lines. Customer names arrive as arguments and stay plain text. */
  calls: {
    label: string;
    incoming(media: 'voice' | 'video', name: string): string;
    calling(media: 'voice' | 'video', name: string): string;
    connecting: string;
    connected(media: 'voice' | 'video'): string;
    onHold: string;
    /** `reason` is already one of `reasons`. */
    ended(reason: string): string;
    reasons: Record<'hung-up' | 'customer-hung-up' | 'declined' | 'no-answer' | 'connection-lost' | 'permission-denied' | 'no-device' | 'failed' | 'other', string>;
    problems: Record<'permission-denied' | 'no-device' | 'failed', string>;
    accept: string;
    decline: string;
    mute: string;
    unmute: string;
    cameraOff: string;
    cameraOn: string;
    hold: string;
    resume: string;
    end: string;
    cancel: string;
    dismiss: string;
    /** `time` is "02:31". */
    timer(time: string): string;
    devices: string;
    microphone: string;
    camera: string;
    speaker: string;
    defaultDevice: string;
    remoteVideo(name: string): string;
    selfView: string;
    mutedNow: string;
    unmutedNow: string;
    /** Stands for a customer without a name. */
    customer: string;
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
