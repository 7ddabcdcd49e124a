import { atom, onMount, type ReadableAtom } from 'nanostores';
import { createAttachmentPolicy, type AttachmentPolicy, type FileVerdict } from '../attachment-policy.js';
import { canTransition } from '../conversation-state.js';
import type { AgentRef, AttachmentRef, BasePresence, Conversation, ConversationState, Message, Offer } from '../model.js';
import type { CrmRecord, LinkSlot, NewRecord, Note, RecordKind, RecordRef, SearchFilters, SearchResults } from '../records.js';
import type { ReplyWindow } from '../reply-window.js';
import type { SearchService, SearchStatus } from '../search/types.js';
import { createMemoryStorage, openStorage, type Storage } from '../storage.js';
import { TransportError, type Capabilities, type Transport, type TransportEvent } from '../transport.js';
import { AttachmentsSlice } from './attachments.js';
import { ComposerSlice, type Composer } from './composer.js';
import { ConnectionSlice } from './connection.js';
import { ConversationsSlice } from './conversations.js';
import { CrmSlice, type CreateAndLinkResult, type NotesStatus, type RecentCases } from './crm.js';
import { MessagesSlice } from './messages.js';
import { OffersSlice } from './offers.js';
import { SearchSlice } from './search.js';
import { SendingSlice } from './sending.js';
import { PendingWork, type ConnectionStatus, type DeskEvent, type SliceContext, type TimelineEntry } from './shared.js';

import type { DeskOptions } from './options.js';

export { MAX_MESSAGE_LENGTH } from './shared.js';
export type { DeskOptions } from './options.js';
export type { ConnectionStatus, DeskEvent, TimelineEntry } from './shared.js';
export type { Composer, ComposerState, PendingFile, PendingFileState, AddFilesOutcome } from './composer.js';
export type { RecentCases, NotesStatus, CreateAndLinkResult } from './crm.js';

type Listener<T extends DeskEvent['type']> = (event: Extract<DeskEvent, { type: T }>) => void;

/**
 * One agent's state and rules: a thin front over slices (connection, offers and presence,
 * conversations, messages, sending, composer, attachments, CRM, search). Framework-free and
 * DOM-free; the only caller of the transport and storage. Every public store is read-only;
 * state changes only through the methods.
 */
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
  readonly $searchStatus: ReadableAtom<SearchStatus>;
  /** Wall clock that ticks once a second while anything listens. */
  readonly $now: ReadableAtom<number>;

  readonly #locale = atom<string | undefined>(undefined);
  readonly #storageKind = atom<Storage['kind'] | 'pending'>('pending');
  readonly #pending = new PendingWork();
  readonly #listeners = new Map<DeskEvent['type'], Set<(event: DeskEvent) => void>>();
  readonly #connection: ConnectionSlice;
  readonly #offers: OffersSlice;
  readonly #conversations: ConversationsSlice;
  readonly #messages: MessagesSlice;
  readonly #sending: SendingSlice;
  readonly #attachments: AttachmentsSlice;
  readonly #composers: ComposerSlice;
  readonly #crm: CrmSlice;
  readonly #search: SearchSlice;
  readonly #storage: Promise<Storage>;
  #disposed = false;

  constructor(options: DeskOptions) {
    if (!options?.transport) throw new TypeError('createDesk needs a transport.');
    const timeout = options.offerTimeout ?? 120;
    if (!Number.isFinite(timeout) || timeout <= 0) {
      throw new RangeError(`offerTimeout must be a positive number of seconds, got ${String(options.offerTimeout)}.`);
    }
    this.transport = options.transport;
    this.agent = options.agent ?? { id: 'agent' };
    this.policy = createAttachmentPolicy({
      ...options.policy,
      maxBytes: Math.min(options.policy?.maxBytes ?? 5 * 1024 * 1024, options.transport.capabilities.maxAttachmentBytes ?? Infinity),
    });
    this.offerTimeoutMs = timeout * 1000;
    this.allowReject = options.allowReject ?? true;
    this.now = options.now ?? Date.now;
    this.#locale.set(options.locale);
    this.$locale = this.#locale;
    this.$storageKind = this.#storageKind;
    const clock = atom(this.now());
    onMount(clock, () => {
      clock.set(this.now());
      const timer = setInterval(() => clock.set(this.now()), 1000);
      return () => clearInterval(timer);
    });
    this.$now = clock;

    const storage = options.storage === 'memory' ? createMemoryStorage() : options.storage;
    const opened = storage ? Promise.resolve(storage) : openStorage();
    this.#storage = opened;
    void opened.then((s) => this.#storageKind.set(s.kind));
    const $status = atom<ConnectionStatus>('idle');
    const ctx: SliceContext = {
      transport: this.transport,
      agent: this.agent,
      now: this.now,
      random: options.random ?? Math.random,
      storage: opened,
      $connection: $status,
      isDisposed: () => this.#disposed,
      conversation: (id) => this.#conversations.get(id),
      upsertConversation: (c) => this.#conversations.upsert(c),
      log: (id, entry) => this.#conversations.log(id, entry),
      emit: (event) => this.#emit(event),
      track: (work) => this.#pending.track(work),
    };
    this.#connection = new ConnectionSlice(ctx, {
      onEvent: (event) => this.#route(event),
      onOnline: () => {
        this.#offers.onOnline();
        this.#sending.onOnline();
      },
    });
    // The connection slice owns the status; the context reads the same store.
    this.#connection.$status.listen((s) => $status.set(s));
    this.$connection = $status;
    this.#offers = new OffersSlice(ctx, this.offerTimeoutMs);
    this.$presence = this.#offers.$presence;
    this.$offers = this.#offers.$offers;
    this.$missedOffers = this.#offers.$missedOffers;
    this.#messages = new MessagesSlice(ctx, {
      stored: (batch) => this.#search.stored(batch),
      customerWrote: (id, at) => this.#conversations.customerWrote(id, at),
    });
    this.#conversations = new ConversationsSlice(ctx, this.$now, {
      // Hydration is a convenience: a storage failure must not become an unhandled rejection.
      onNew: (id) => void ctx.track(this.#messages.hydrate(id)).catch(() => undefined),
      onChange: (c) => this.#search.conversationChanged(c),
    });
    this.$conversations = this.#conversations.$conversations;
    this.$activeConversationId = this.#conversations.$activeId;
    this.$activeConversation = this.#conversations.$active;
    this.#sending = new SendingSlice(ctx, this.#messages, options.maxSendAttempts);
    this.#attachments = new AttachmentsSlice(ctx, this.policy);
    this.#composers = new ComposerSlice(ctx, this.#attachments);
    this.#crm = new CrmSlice(ctx);
    this.#search = new SearchSlice(ctx, this.#messages, () => this.#conversations.$conversations.get());
    this.$searchStatus = this.#search.$status;
    this.#pending.also(() => this.#sending.pending());
    this.on('remote-send', (event) => this.#composers.sentElsewhere(event.conversationId, event.text));
  }

  get capabilities(): Capabilities {
    return this.transport.capabilities;
  }

  /** Whether the Reject button may be offered. */
  get canReject(): boolean {
    return this.allowReject && this.transport.capabilities.reject;
  }

  // ---- the event router: one line per event type ----

  #route(event: TransportEvent): void {
    // Anything that may refer to a just-received message sees it first.
    if (event.type !== 'message.received') this.#messages.flush();
    switch (event.type) {
      case 'snapshot': return this.#snapshot(event.offers, event.conversations, event.messages);
      case 'offer.created': return this.#offers.received(event.offer);
      case 'offer.withdrawn': return this.#offers.withdrawn(event.offerId);
      case 'conversation.updated': return this.#conversations.upsert(event.conversation);
      case 'message.received': return this.#messages.received({ ...event.message, cursor: event.cursor });
      case 'message.status': return this.#messages.status(event);
      case 'receipt': return this.#messages.receipt(event);
      case 'typing': return this.#messages.setTyping(event.conversationId, event.on);
      case 'message.reaction': return this.#messages.reaction(event);
      case 'message.edited': return this.#messages.edited(event);
      case 'transport.disconnected': return; // handled by the connection slice
    }
  }

  #snapshot(offers: readonly Offer[], conversations: readonly Conversation[], messages: readonly Message[]): void {
    for (const conversation of conversations) this.#conversations.upsert(conversation);
    for (const message of messages) this.#messages.received(message);
    this.#offers.snapshot(offers);
  }

  // ---- desk events ----

  /** Listens to what the desk did on its own (`offer-expired`, `remote-send`). Returns the unsubscribe. */
  on<T extends DeskEvent['type']>(type: T, listener: Listener<T>): () => void {
    let set = this.#listeners.get(type);
    if (!set) this.#listeners.set(type, (set = new Set()));
    set.add(listener as (event: DeskEvent) => void);
    return () => set.delete(listener as (event: DeskEvent) => void);
  }

  #emit(event: DeskEvent): void {
    for (const listener of this.#listeners.get(event.type) ?? []) listener(event);
  }

  /** Resolves when nothing is pending: storage writes, sends while connected, uploads, timers that matter. */
  async settled(): Promise<void> {
    this.#messages.flush();
    await this.#pending.idle();
  }

  // ---- connection ----

  /**
   * Connects and starts listening. Safe to call more than once. If the connection drops later, or
   * this first attempt fails with a retryable error, the desk reconnects on its own with backoff
   * and jitter and backfills from its cursor; it stops only on `auth-expired` or disconnect().
   */
  connect(): Promise<void> {
    return this.#connection.connect();
  }

  disconnect(): Promise<void> {
    return this.#connection.disconnect();
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#sending.dispose();
    this.#connection.dispose();
    this.#offers.dispose();
    this.#conversations.dispose();
    this.#composers.dispose();
    this.#crm.dispose();
    void this.transport.disconnect().catch(() => undefined);
    void this.#pending.idle().then(() => this.#storage.then((s) => s.close()));
  }

  /** Sets the language the elements fall back to when the page says none. */
  setLocale(locale: string | undefined): void {
    this.#locale.set(locale);
  }

  // ---- per conversation ----

  /** One conversation as a store that changes only when that conversation does. */
  conversation(conversationId: string): ReadableAtom<Conversation | undefined> {
    return this.#conversations.store(conversationId);
  }

  /** Messages of one conversation, oldest first. */
  messages(conversationId: string): ReadableAtom<readonly Message[]> {
    return this.#messages.list(conversationId);
  }

  /** Whether the customer is typing. */
  typing(conversationId: string): ReadableAtom<boolean> {
    return this.#messages.typing(conversationId);
  }

  /** F18: the live reply window of a conversation. */
  replyWindow(conversationId: string): ReadableAtom<ReplyWindow> {
    return this.#conversations.replyWindow(conversationId);
  }

  /** The conversation's composer: draft, pending files and uploads, typing signal. */
  composer(conversationId: string): Composer {
    return this.#composers.get(conversationId);
  }

  /** What happened in a conversation, as seen by this desk: states, links, notes, created records. */
  timeline(conversationId: string): ReadableAtom<readonly TimelineEntry[]> {
    return this.#conversations.timeline(conversationId);
  }

  // ---- offers and presence ----

  async accept(offerId: string): Promise<Conversation> {
    const conversation = await this.#offers.accept(offerId);
    this.#conversations.upsert(conversation);
    this.#conversations.setActive(conversation.id);
    return conversation;
  }

  reject(offerId: string): Promise<void> {
    return this.#offers.reject(offerId, this.canReject);
  }

  /** Forgets missed offers (the "you missed a conversation" notice). */
  dismissMissed(): void {
    this.#offers.dismissMissed();
  }

  setPresence(presence: Exclude<BasePresence, 'inactive'>): Promise<void> {
    return this.#offers.setPresence(presence);
  }

  // ---- conversations ----

  setActive(conversationId: string | undefined): void {
    this.#conversations.setActive(conversationId);
  }

  /** Whether the conversation may move to `to` now (F11); the elements' End and Close use this. */
  canTransition(conversationId: string, to: ConversationState): boolean {
    const conversation = this.$conversations.get()[conversationId];
    return conversation !== undefined && canTransition(conversation.state, to);
  }

  /** Moves a conversation along F11; an illegal move throws ConversationStateError before anything is sent. */
  transition(conversationId: string, to: ConversationState): Promise<Conversation> {
    return this.#conversations.transition(conversationId, to);
  }

  /** End conversation → Wrap-up. */
  end(conversationId: string): Promise<Conversation> {
    return this.transition(conversationId, 'wrap-up');
  }

  // ---- sending ----

  /**
   * Sends an agent message through the outbox: it is stored before anything goes out (a reload
   * cannot lose it), sent in order with retries and backoff, and never twice (its client id is the
   * idempotency key). Resolves with the message once acknowledged, or once it failed for good
   * (`failed`, see retry); while offline it waits for the reconnect. Rejects with DeskError
   * (`not-active`, `window-closed`, `too-long`, `empty`) on input the desk refuses.
   */
  send(conversationId: string, text: string, attachments: readonly AttachmentRef[] = []): Promise<Message> {
    return this.#sending.send(conversationId, text, attachments);
  }

  /** Sends the conversation's composer (draft and ready files); a refusal gives them back. */
  sendComposer(conversationId: string): Promise<Message> {
    return this.#composers.get(conversationId).send((id, text, files) => this.send(id, text, files));
  }

  /** Sends a failed message again with the same client id, so the backend can drop a duplicate. */
  retry(conversationId: string, clientId: string): Promise<Message> {
    return this.#sending.retry(conversationId, clientId);
  }

  /** Another tab of this agent's CRM sent `text` in a conversation (its composer draft is gone). */
  onRemoteSend(listener: (conversationId: string, text: string) => void): () => void {
    return this.#sending.onRemoteSend(listener);
  }

  /** Unsent agent messages in the outbox, all conversations. */
  get outboxSize(): number {
    return this.#sending.size;
  }

  /** Tells the customer whether the agent is typing (the composer does this as the agent types). */
  async setTyping(conversationId: string, on: boolean): Promise<void> {
    if (!this.capabilities.typing) return;
    await this.transport.execute({ type: 'typing.set', conversationId, on }).catch(() => undefined);
  }

  async getDraft(conversationId: string): Promise<string> {
    return (await (await this.#storage).getDraft(conversationId)) ?? '';
  }

  async saveDraft(conversationId: string, text: string): Promise<void> {
    await (await this.#storage).setDraft(conversationId, text);
  }

  // ---- attachments (F4) ----

  /** Checks files against the policy. Nothing is uploaded. */
  checkFiles(files: readonly { name: string; size: number }[]): FileVerdict[] {
    return this.#attachments.check(files);
  }

  /** Checks files against the policy, then sniffs the content of those that pass. Nothing is uploaded. */
  inspectFiles(files: readonly File[]): Promise<FileVerdict[]> {
    return this.#attachments.inspect(files);
  }

  /** Uploads one file that passes the policy and the content check; rejects with DeskError('policy') otherwise. */
  upload(conversationId: string, file: File, opts: { signal?: AbortSignal; onProgress?(sent: number): void } = {}): Promise<AttachmentRef> {
    return this.#attachments.upload(conversationId, file, opts);
  }

  // ---- CRM (F5, F7, F8, F10) ----

  searchRecords(query: string, options: { kinds?: RecordKind[]; customerId?: string; limit?: number } = {}): Promise<CrmRecord[]> {
    return this.#crm.searchRecords(query, options);
  }

  /** Quick-creates a case or contact (F7); invalid fields reject with DeskError('invalid') and send nothing. */
  createRecord(conversationId: string | undefined, record: NewRecord): Promise<CrmRecord> {
    return this.#crm.createRecord(conversationId, record);
  }

  /** Creates a record and links it to the conversation; `beforeLink` may veto the link. */
  createAndLink(conversationId: string, record: NewRecord, beforeLink?: (ref: RecordRef) => boolean): Promise<CreateAndLinkResult> {
    return this.#crm.createAndLink(conversationId, record, beforeLink);
  }

  /** Links a record: one contact-or-account and one case per conversation; linking replaces the slot's record. */
  link(conversationId: string, record: RecordRef): Promise<Conversation> {
    return this.#crm.link(conversationId, record);
  }

  /** Unlinks the record in a slot. The record itself is never deleted. */
  unlink(conversationId: string, slot: LinkSlot): Promise<Conversation> {
    return this.#crm.unlink(conversationId, slot);
  }

  /** A customer's recent cases (loaded on first use); `loadRecentCases` refreshes. */
  recentCases(customerId: string): ReadableAtom<RecentCases> {
    return this.#crm.recentCases(customerId);
  }

  loadRecentCases(customerId: string): Promise<void> {
    return this.#crm.loadRecentCases(customerId);
  }

  /** Where a note on this conversation is saved: the linked case, else the linked contact or account. */
  noteTarget(conversationId: string): RecordRef | undefined {
    return this.#crm.noteTarget(this.$conversations.get()[conversationId]);
  }

  /** Notes of one record, newest last. Call loadNotes() to fetch them. */
  notes(target: RecordRef): ReadableAtom<readonly Note[]> {
    return this.#crm.notes(target);
  }

  notesStatus(target: RecordRef): ReadableAtom<NotesStatus> {
    return this.#crm.notesStatus(target);
  }

  loadNotes(target: RecordRef): Promise<readonly Note[]> {
    return this.#crm.loadNotes(target);
  }

  /** Adds a note to the conversation's linked record; DeskError('no-link') when nothing is linked. */
  addNote(conversationId: string, text: string): Promise<Note> {
    return this.#crm.addNote(conversationId, this.noteTarget(conversationId), text);
  }

  /** The conversation's unsaved note, kept across views and reloads. */
  noteDraft(conversationId: string): ReadableAtom<string> {
    return this.#crm.noteDraft(conversationId);
  }

  setNoteDraft(conversationId: string, text: string): void {
    this.#crm.setNoteDraft(conversationId, text);
  }

  getNoteDraft(conversationId: string): Promise<string> {
    return this.#crm.getNoteDraft(conversationId);
  }

  saveNoteDraft(conversationId: string, text: string): Promise<void> {
    return this.#crm.saveNoteDraft(conversationId, text);
  }

  // ---- transcript search (F16) ----

  /** Loads the search engine (lazily, in its own chunk) and starts indexing stored transcripts. */
  enableSearch(): Promise<SearchService> {
    return this.#search.enable();
  }

  /** Full-text search over past and current transcripts, merged with the server's search when there is one. */
  searchTranscripts(query: string, filters: SearchFilters = {}, options: { limit?: number } = {}): Promise<SearchResults> {
    return this.#search.search(query, filters, options);
  }

  /** A conversation and its messages for read-only display: from memory, else storage, else the server. */
  openTranscript(conversationId: string): Promise<{ conversation?: Conversation; messages: readonly Message[] }> {
    return this.#search.open(conversationId);
  }
}

/** Creates a desk for one agent. Nothing touches the DOM. */
export function createDesk(options: DeskOptions): Desk {
  return new Desk(options);
}

export { TransportError };
