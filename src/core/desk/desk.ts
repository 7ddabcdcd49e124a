import { atom, type ReadableAtom } from 'nanostores';
import type { AttachmentPolicy, FileVerdict } from '../attachment-policy.js';
import { canTransition } from '../conversation-state.js';
import { DeskError } from '../errors.js';
import type { AgentRef, AttachmentRef, BasePresence, Conversation, ConversationState, Message, Offer } from '../model.js';
import type { CrmRecord, LinkSlot, NewRecord, Note, RecordKind, RecordRef, SearchFilters, SearchPageOptions, SearchResults } from '../records.js';
import type { ReplyWindow } from '../reply-window.js';
import type { SearchService, SearchStatus } from '../search/types.js';
import type { Storage, StorageFallbackReason } from '../storage.js';
import { TransportError, type Capabilities, type Transport, type TransportEvent } from '../transport.js';
import type { Composer } from './composer.js';
import type { CreateAndLinkResult, NotesStatus, RecentCases } from './crm.js';
import { createClock, type ConnectionStatus, type DeskEvent, type TimelineEntry } from './shared.js';
import { disposeSlices, wireSlices, type Slices } from './slices.js';
import type { Knowledge, PresenceStatus, Presence, Privacy, QuickReplies, Sentiment, Sessions, Assist, Scripts, Calls, WorkItems, WrapUp } from './facades.js';
import { resolveOptions, type DeskOptions } from './options.js';

export { MAX_MESSAGE_LENGTH } from './shared.js';
export type { DeskOptions } from './options.js';
export type { ConnectionStatus, DeskEvent, TimelineEntry } from './shared.js';
export type { Composer, ComposerState, PendingFile, PendingFileState, AddFilesOutcome } from './composer.js';
export type { RecentCases, NotesStatus, CreateAndLinkResult } from './crm.js';
export type * from './facades.js';

/** The workday slices the desk hands out as they are: typed as their read-only facades (facades.ts). */
type Workday = 'sessions' | 'presence' | 'wrapUp' | 'workItems' | 'privacy' | 'knowledge' | 'sentiment' | 'quickReplies' | 'assist' | 'scripts' | 'calls';

/** One agent's state and rules: a thin front over slices, DOM-free, the only caller of the transport and storage; every public store is read-only. */
export class Desk {
  readonly transport: Transport;
  readonly agent: AgentRef;
  readonly policy: AttachmentPolicy;
  readonly offerTimeoutMs: number;
  readonly allowReject: boolean;
  readonly now: () => number;

  readonly $connection: ReadableAtom<ConnectionStatus>;
  readonly $presence: ReadableAtom<BasePresence>;
  readonly $offers: ReadableAtom<readonly Offer[]>;
  /** Offers that timed out, newest last, until the agent dismisses them or becomes available. */
  readonly $missedOffers: ReadableAtom<readonly Offer[]>;
  readonly $conversations: ReadableAtom<Readonly<Record<string, Conversation>>>;
  readonly $activeConversationId: ReadableAtom<string | undefined>;
  readonly $activeConversation: ReadableAtom<Conversation | undefined>;
  readonly $locale: ReadableAtom<string | undefined>;
  readonly $storageKind: ReadableAtom<Storage['kind'] | 'pending'>;
  /** Why the desk keeps only memory (IndexedDB `unavailable`, `blocked`, `closed`, `full`, `failed`); undefined otherwise. */
  readonly $storageReason: ReadableAtom<StorageFallbackReason | undefined>;
  readonly $searchStatus: ReadableAtom<SearchStatus>;
  /** Wall clock that ticks once a second while anything listens. */
  readonly $now: ReadableAtom<number>;
  readonly sessions: Sessions;
  readonly presence: Presence;
  readonly wrapUp: WrapUp;
  readonly workItems: WorkItems;
  readonly privacy: Privacy;
  readonly knowledge: Knowledge;
  /** F14: the customer's sentiment per conversation, and alerts when it turns negative. */
  readonly sentiment: Sentiment;
  /** F15: quick replies for the composer (`/` in the panel): the host's and the agent's own. */
  readonly quickReplies: QuickReplies;
  /** F15: smart assist (related articles and similar cases) and agent scripts per queue. */
  readonly assist: Assist;
  readonly scripts: Scripts;
  readonly calls: Calls;

  readonly #locale = atom<string | undefined>(undefined);
  readonly #s: Slices;
  readonly #storage: Promise<Storage>;
  #disposed = false;

  constructor(options: DeskOptions) {
    const o = resolveOptions(options);
    this.transport = o.transport;
    this.agent = o.agent;
    this.policy = o.policy;
    this.offerTimeoutMs = o.offerTimeoutMs;
    this.allowReject = o.allowReject;
    this.now = o.now;
    this.#locale.set(o.locale);
    this.$locale = this.#locale;
    ({ $kind: this.$storageKind, $reason: this.$storageReason } = o.storageStatus);
    this.$now = createClock(this.now);
    this.#storage = o.storage;
    this.#s = wireSlices(o, this.$now, {
      isDisposed: () => this.#disposed, locale: () => this.#locale.get(),
      route: (event) => this.#route(event),
    });
    this.$connection = this.#s.$connection;
    this.$presence = this.#s.presence.$presence;
    ({ sessions: this.sessions, presence: this.presence, wrapUp: this.wrapUp, workItems: this.workItems, privacy: this.privacy, knowledge: this.knowledge, sentiment: this.sentiment, quickReplies: this.quickReplies, assist: this.assist, scripts: this.scripts, calls: this.calls } = this.#s satisfies Pick<Desk, Workday>);
    ({ $offers: this.$offers, $missedOffers: this.$missedOffers } = this.#s.offers);
    ({ $conversations: this.$conversations, $activeId: this.$activeConversationId, $active: this.$activeConversation } = this.#s.conversations);
    this.$searchStatus = this.#s.search.$status;
  }

  /** The transport's capabilities as the desk honours them: `upload` only with an `upload()` to call. */
  get capabilities(): Capabilities {
    return this.transport.upload ? this.transport.capabilities : { ...this.transport.capabilities, upload: false };
  }

  /** Whether the Reject button may be offered. */
  get canReject(): boolean {
    return this.allowReject && this.transport.capabilities.reject;
  }

  #route(event: TransportEvent): void {
    // Anything that may refer to a just-received message sees it first.
    if (event.type !== 'message.received') this.#s.messages.flush();
    switch (event.type) {
      case 'snapshot': return this.#snapshot(event.offers, event.conversations, event.messages);
      case 'offer.created': return this.#s.offers.received(event.offer);
      case 'offer.withdrawn': return this.#s.offers.withdrawn(event.offerId);
      case 'conversation.updated': return this.#s.conversations.updated(event.conversation, event.cursor);
      case 'message.received': return this.#s.messages.received({ ...event.message, cursor: event.cursor });
      case 'message.status': return this.#s.messages.status(event);
      case 'receipt': return this.#s.messages.receipt(event);
      case 'typing': return this.#s.messages.setTyping(event.conversationId, event.on);
      case 'message.reaction': return this.#s.messages.reaction(event);
      case 'message.edited': return this.#s.messages.edited(event);
      case 'sentiment': return this.#s.sentiment.reported(event);
      case 'transport.disconnected': return; // handled by the connection slice
      default: return void this.#s.calls.received(event).catch(() => undefined); // call.* (F20): only those get past the boundary
    }
  }

  #snapshot(offers: readonly Offer[], conversations: readonly Conversation[], messages: readonly Message[]): void {
    for (const conversation of conversations) this.#s.conversations.upsert(conversation);
    for (const message of messages) this.#s.messages.received(message);
    this.#s.offers.snapshot(offers);
  }

  /** Listens to what the desk did on its own (`offer-expired`, `remote-send`, `sentiment-alert`). Returns the unsubscribe. */
  on<T extends DeskEvent['type']>(type: T, listener: (event: Extract<DeskEvent, { type: T }>) => void): () => void {
    return this.#s.events.on(type, listener);
  }

  /** Resolves when nothing is pending: storage writes, sends while connected, uploads, timers that matter. */
  async settled(): Promise<void> {
    this.#s.messages.flush();
    await this.#s.pending.idle();
  }

  /**
   * Connects and starts listening; safe to call more than once. A later drop, or a retryable failure of this first attempt, is
   * retried on its own with backoff and jitter and backfilled from the cursor; it stops only on `auth-expired` or disconnect().
   */
  connect(): Promise<void> {
    return this.#s.connection.connect();
  }

  disconnect(): Promise<void> {
    return this.#s.connection.disconnect();
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    disposeSlices(this.#s);
    void this.#s.pending.idle().then(() => this.#storage.then((s) => s.close())); // writes already started finish first
  }

  /** Sets the language the elements fall back to when the page says none. */
  setLocale(locale: string | undefined): void {
    this.#locale.set(locale);
  }

  /** One conversation as a store that changes only when that conversation does. */
  conversation(conversationId: string): ReadableAtom<Conversation | undefined> {
    return this.#s.conversations.store(conversationId);
  }

  /** Messages of one conversation, oldest first. */
  messages(conversationId: string): ReadableAtom<readonly Message[]> {
    return this.#s.messages.list(conversationId);
  }

  /** Whether the customer is typing. */
  typing(conversationId: string): ReadableAtom<boolean> {
    return this.#s.messages.typing(conversationId);
  }

  /** F18: the live reply window of a conversation. */
  replyWindow(conversationId: string): ReadableAtom<ReplyWindow> {
    return this.#s.conversations.replyWindow(conversationId);
  }

  /** The conversation's composer: draft, pending files and uploads, typing signal. */
  composer(conversationId: string): Composer {
    return this.#s.composers.get(conversationId);
  }

  /** What happened in a conversation, as seen by this desk: states, links, notes, created records. */
  timeline(conversationId: string): ReadableAtom<readonly TimelineEntry[]> {
    return this.#s.conversations.timeline(conversationId);
  }

  /** Accepts an offer: it opens as a session in front, and the privacy notice goes out. Refused past the session cap. */
  async accept(offerId: string): Promise<Conversation> {
    if (this.#s.sessions.full) throw new DeskError('session-limit', `At most ${this.#s.sessions.max} sessions can be open.`);
    const conversation = await this.#s.offers.accept(offerId);
    this.#s.conversations.upsert(conversation);
    await this.#s.sessions.open(conversation.id);
    void this.#s.privacy.started(conversation);
    return conversation;
  }

  reject(offerId: string): Promise<void> {
    return this.#s.offers.reject(offerId, this.canReject);
  }

  /** Forgets missed offers (the "you missed a conversation" notice). */
  dismissMissed(): void {
    this.#s.offers.dismissMissed();
  }

  /** Sets the agent's status: a base presence or a custom one's id (Available hands it back to capacity). */
  async setPresence(status: PresenceStatus): Promise<void> {
    // Choosing Available is the agent's answer to "you missed a conversation".
    if (status === 'available') this.#s.offers.dismissMissed();
    await this.#s.presence.set(status);
  }

  setActive(conversationId: string | undefined): void {
    this.#s.conversations.setActive(conversationId);
  }

  /** Whether the conversation may move to `to` now (F11); the elements' End and Close use this. */
  canTransition(conversationId: string, to: ConversationState): boolean {
    const conversation = this.$conversations.get()[conversationId];
    return conversation !== undefined && canTransition(conversation.state, to);
  }

  /** Moves a conversation along F11; an illegal move throws ConversationStateError before anything is sent.
   *  Wrap-up → Closed carries the disposition and note, and is refused without a required code. */
  async transition(conversationId: string, to: ConversationState): Promise<Conversation> {
    const wrapUp = to === 'closed' ? this.#s.wrapUp.payload(this.#s.conversations.get(conversationId)) : undefined;
    return this.#s.conversations.transition(conversationId, to, wrapUp);
  }

  /** Hands an Active conversation to a queue or an agent (when `capabilities.transfer` allows); it becomes Open. */
  transfer(conversationId: string, to: { queue: string } | { agentId: string }): Promise<Conversation> {
    return this.#s.conversations.transfer(conversationId, to);
  }

  /** End conversation → Wrap-up. */
  end(conversationId: string): Promise<Conversation> {
    return this.transition(conversationId, 'wrap-up');
  }

  /**
   * Sends an agent message through the outbox: it is stored before anything goes out (a reload cannot lose it), sent in
   * order with retries and backoff, and never twice (its client id is the idempotency key). Resolves with the message once
   * acknowledged, or once it failed for good (`failed`, see retry); while offline it waits for the reconnect. Rejects with
   * DeskError (`not-active`, `window-closed`, `too-long`, `empty`) on input the desk refuses.
   */
  send(conversationId: string, text: string, attachments: readonly AttachmentRef[] = []): Promise<Message> {
    return this.#s.sending.send(conversationId, text, attachments);
  }

  /** Sends the conversation's composer (draft and ready files); a refusal (also `unfilled-placeholder`) gives them back. */
  sendComposer(conversationId: string): Promise<Message> {
    return this.#s.composers.get(conversationId).send((id, text, files, how) => this.#s.sending.send(id, text, files, how));
  }

  /** Sends a failed message again with the same client id, so the backend can drop a duplicate. */
  retry(conversationId: string, clientId: string): Promise<Message> {
    return this.#s.sending.retry(conversationId, clientId);
  }

  /** Another tab of this agent's CRM sent `text` in a conversation (its composer draft is gone). */
  onRemoteSend(listener: (conversationId: string, text: string) => void): () => void {
    return this.#s.sending.onRemoteSend(listener);
  }

  /** Unsent agent messages in the outbox, all conversations. */
  get outboxSize(): number {
    return this.#s.sending.size;
  }

  /** Tells the customer whether the agent is typing (the composer does this as the agent types). */
  async setTyping(conversationId: string, on: boolean): Promise<void> {
    if (this.capabilities.typing) await this.transport.execute({ type: 'typing.set', conversationId, on }).catch(() => undefined);
  }

  async getDraft(conversationId: string): Promise<string> {
    return (await (await this.#storage).getDraft(conversationId)) ?? '';
  }

  async saveDraft(conversationId: string, text: string): Promise<void> {
    await (await this.#storage).setDraft(conversationId, text);
  }

  /** Checks files against the policy. Nothing is uploaded. */
  checkFiles(files: readonly { name: string; size: number }[]): FileVerdict[] {
    return this.#s.attachments.check(files);
  }

  /** Checks files against the policy, then sniffs the content of those that pass. Nothing is uploaded. */
  inspectFiles(files: readonly File[]): Promise<FileVerdict[]> {
    return this.#s.attachments.inspect(files);
  }

  /** Uploads one file that passes the policy and the content check; rejects with DeskError('policy') otherwise. */
  upload(conversationId: string, file: File, opts: { signal?: AbortSignal; onProgress?(sent: number): void } = {}): Promise<AttachmentRef> {
    return this.#s.attachments.upload(conversationId, file, opts);
  }

  searchRecords(query: string, options: { kinds?: RecordKind[]; customerId?: string; limit?: number } = {}): Promise<CrmRecord[]> {
    return this.#s.crm.searchRecords(query, options);
  }

  /** Quick-creates a case or contact (F7); invalid fields reject with DeskError('invalid') and send nothing. */
  createRecord(conversationId: string | undefined, record: NewRecord): Promise<CrmRecord> {
    return this.#s.crm.createRecord(conversationId, record);
  }

  /** Creates a record and links it to the conversation; `beforeLink` may veto the link. */
  createAndLink(conversationId: string, record: NewRecord, beforeLink?: (ref: RecordRef) => boolean): Promise<CreateAndLinkResult> {
    return this.#s.crm.createAndLink(conversationId, record, beforeLink);
  }

  /** Links a record: one contact-or-account and one case per conversation; linking replaces the slot's record. */
  link(conversationId: string, record: RecordRef): Promise<Conversation> {
    return this.#s.crm.link(conversationId, record);
  }

  /** Unlinks the record in a slot. The record itself is never deleted. */
  unlink(conversationId: string, slot: LinkSlot): Promise<Conversation> {
    return this.#s.crm.unlink(conversationId, slot);
  }

  /** A customer's recent cases (loaded on first use); `loadRecentCases` refreshes. */
  recentCases(customerId: string): ReadableAtom<RecentCases> {
    return this.#s.crm.recentCases(customerId);
  }

  loadRecentCases(customerId: string): Promise<void> {
    return this.#s.crm.loadRecentCases(customerId);
  }

  /** Where a note on this conversation is saved: the linked case, else the linked contact or account. */
  noteTarget(conversationId: string): RecordRef | undefined {
    return this.#s.crm.noteTarget(this.$conversations.get()[conversationId]);
  }

  /** Notes of one record, newest last. Call loadNotes() to fetch them. */
  notes(target: RecordRef): ReadableAtom<readonly Note[]> {
    return this.#s.crm.notes(target);
  }

  notesStatus(target: RecordRef): ReadableAtom<NotesStatus> {
    return this.#s.crm.notesStatus(target);
  }

  loadNotes(target: RecordRef): Promise<readonly Note[]> {
    return this.#s.crm.loadNotes(target);
  }

  /** Adds a note to the conversation's linked record; DeskError('no-link') when nothing is linked. */
  addNote(conversationId: string, text: string): Promise<Note> {
    return this.#s.crm.addNote(conversationId, this.noteTarget(conversationId), text);
  }

  /** The conversation's unsaved note, kept across views and reloads. */
  noteDraft(conversationId: string): ReadableAtom<string> {
    return this.#s.crm.noteDraft(conversationId);
  }

  setNoteDraft(conversationId: string, text: string): void {
    this.#s.crm.setNoteDraft(conversationId, text);
  }

  getNoteDraft(conversationId: string): Promise<string> {
    return this.#s.crm.getNoteDraft(conversationId);
  }

  saveNoteDraft(conversationId: string, text: string): Promise<void> {
    return this.#s.crm.saveNoteDraft(conversationId, text);
  }

  /** Loads the search engine (lazily, in its own chunk) and starts indexing stored transcripts. */
  enableSearch(): Promise<SearchService> {
    return this.#s.search.enable();
  }

  /** Full-text search, merged with the server's: the newest `limit` (100) matches and `total`, every match counted; `after`
   *  (the results shown) appends the next page to them; the server is asked on the first page only. */
  searchTranscripts(query: string, filters: SearchFilters = {}, options: SearchPageOptions = {}): Promise<SearchResults> {
    return this.#s.search.search(query, filters, options);
  }

  /** A conversation and its messages for read-only display: from memory, else storage, else the server. */
  openTranscript(conversationId: string): Promise<{ conversation?: Conversation; messages: readonly Message[] }> {
    return this.#s.search.open(conversationId);
  }
}

/** Creates a desk for one agent. Nothing touches the DOM. */
export function createDesk(options: DeskOptions): Desk {
  return new Desk(options);
}
export { TransportError };
