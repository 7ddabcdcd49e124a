import { atom, computed, onMount, type ReadableAtom, type WritableAtom } from 'nanostores';
import {
  checkFile,
  createAttachmentPolicy,
  type AttachmentPolicy,
  type FileVerdict,
} from '../attachment-policy.js';
import { transition as checkedTransition } from '../conversation-state.js';
import { DeskError } from '../errors.js';
import { sniffFile } from '../sniff.js';
import type {
  AgentRef,
  AttachmentRef,
  BasePresence,
  Conversation,
  ConversationState,
  Message,
  MessageStatus,
  Offer,
} from '../model.js';
import { replyWindow, type ReplyWindow } from '../reply-window.js';
import {
  MAX_NOTE_LENGTH,
  validateNewRecord,
  type CrmRecord,
  type LinkSlot,
  type NewRecord,
  type Note,
  type RecordKind,
  type RecordRef,
  type SearchFilters,
  type SearchResults,
} from '../records.js';
import type { SearchService, SearchStatus } from '../search/types.js';
import { createMemoryStorage, openStorage, type OutboxEntry, type Storage } from '../storage.js';
import { backoff, Outbox } from '../outbox.js';
import {
  createClientId,
  toTransportError,
  TransportError,
  type Capabilities,
  type Transport,
  type TransportEvent,
} from '../transport.js';

export type ConnectionStatus = 'idle' | 'connecting' | 'online' | 'reconnecting' | 'offline' | 'auth-expired';

export const MAX_MESSAGE_LENGTH = 2000;

export interface DeskOptions {
  transport: Transport;
  agent?: AgentRef;
  /** Persistence. Default: IndexedDB, falling back to memory. Pass `'memory'` to keep nothing. */
  storage?: Storage | 'memory';
  /** Initial UI language (`en`, `pl`); `lang` on `<cc-agent-desk>` or the page overrides it. */
  locale?: string;
  /** Attachment policy (F4). */
  policy?: Partial<AttachmentPolicy>;
  /** Seconds an offer waits for Accept before it is withdrawn (F1). Default 120. */
  offerTimeout?: number;
  /** Whether the agent may reject offers (when the transport allows it). Default true. */
  allowReject?: boolean;
  /** Clock, for tests and stories. */
  now?: () => number;
  /** Random source for backoff jitter, for tests. */
  random?: () => number;
  /**
   * Automatic send attempts (with backoff, while connected) before a message shows "failed — retry".
   * Default 6. Errors that cannot succeed on retry (window closed, invalid) fail at once.
   */
  maxSendAttempts?: number;
}

/** A fresh outbox entry for an agent message (keyed by its client id). */
function outboxEntryOf(message: Message): OutboxEntry {
  return {
    clientId: message.clientId!,
    conversationId: message.conversationId,
    at: message.at,
    state: 'pending',
    attempts: 0,
    ...(message.text !== undefined ? { text: message.text } : {}),
    ...(message.attachments ? { attachments: message.attachments } : {}),
  };
}

/** Cursors only grow: compare by length, then text, so '10' comes after '9' even unpadded. */
function compareCursors(a: string, b: string): number {
  return a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
}

/** Message order: time, then the transport's cursor for messages of the same millisecond. */
function byTimeThenCursor(a: Message | undefined, b: Message): number {
  if (!a) return -1;
  if (a.at !== b.at) return a.at - b.at;
  // Within a millisecond: the transport's order first, then local messages with no cursor yet.
  // (Treating "no cursor" as equal to anything would make the order non-transitive.)
  if (a.cursor && b.cursor) return compareCursors(a.cursor, b.cursor);
  if (a.cursor) return -1;
  if (b.cursor) return 1;
  return 0;
}

const statusRank: Record<MessageStatus, number> = { failed: -1, sending: 0, sent: 1, delivered: 2, read: 3 };

/** One agent's state and rules. Framework-free and DOM-free; the only caller of the transport and storage. */
export class Desk {
  readonly transport: Transport;
  readonly agent: AgentRef;
  readonly policy: AttachmentPolicy;
  readonly offerTimeoutMs: number;
  readonly allowReject: boolean;
  readonly now: () => number;

  readonly $connection: WritableAtom<ConnectionStatus> = atom('idle');
  readonly $presence: WritableAtom<BasePresence> = atom('offline');
  readonly $offers: WritableAtom<readonly Offer[]> = atom([]);
  /** Offers that timed out, newest last, until the agent dismisses them or becomes available. */
  readonly $missedOffers: WritableAtom<readonly Offer[]> = atom([]);
  readonly $conversations: WritableAtom<Readonly<Record<string, Conversation>>> = atom({});
  readonly $activeConversationId: WritableAtom<string | undefined> = atom(undefined);
  readonly $activeConversation: ReadableAtom<Conversation | undefined>;
  readonly $locale: WritableAtom<string | undefined>;
  readonly $storageKind: WritableAtom<Storage['kind'] | 'pending'> = atom('pending');
  /** Wall clock that ticks once a second while anything listens. */
  readonly $now: ReadableAtom<number>;

  #messages = new Map<string, WritableAtom<readonly Message[]>>();
  #inbox = new Map<string, Message[]>();
  #inboxScheduled = false;
  #seen = new Map<string, Set<string>>();
  #typing = new Map<string, WritableAtom<boolean>>();
  #windows = new Map<string, ReadableAtom<ReplyWindow>>();
  #storage: Promise<Storage>;
  #unsubscribe: (() => void) | undefined;
  #connecting: Promise<void> | undefined;
  #offerTimer: ReturnType<typeof setTimeout> | undefined;
  #lastCursor: string | undefined;
  #pendingWrites: Message[] = [];
  #flushScheduled = false;
  #disposed = false;
  #outbox: Outbox;
  #outboxRestored: Promise<void>;
  #random: () => number;
  #reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  #reconnectAttempt = 0;

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
      maxBytes: Math.min(
        options.policy?.maxBytes ?? 5 * 1024 * 1024,
        options.transport.capabilities.maxAttachmentBytes ?? Infinity,
      ),
    });
    this.offerTimeoutMs = timeout * 1000;
    this.allowReject = options.allowReject ?? true;
    this.now = options.now ?? Date.now;
    this.#random = options.random ?? Math.random;
    this.$locale = atom(options.locale);
    this.$activeConversation = computed([this.$conversations, this.$activeConversationId], (all, id) =>
      id === undefined ? undefined : all[id],
    );
    const clock = atom(this.now());
    onMount(clock, () => {
      clock.set(this.now());
      const timer = setInterval(() => clock.set(this.now()), 1000);
      return () => clearInterval(timer);
    });
    this.$now = clock;
    const storage = options.storage === 'memory' ? createMemoryStorage() : options.storage;
    this.#storage = storage ? Promise.resolve(storage) : openStorage();
    void this.#storage.then((s) => this.$storageKind.set(s.kind));
    this.#outbox = new Outbox({
      storage: this.#storage,
      send: (entry) => this.#sendEntry(entry),
      online: () => this.$connection.get() === 'online',
      sent: (entry, ack) => this.#onSent(entry, ack),
      failed: (entry) => this.#onFailed(entry),
      random: this.#random,
      ...(options.maxSendAttempts !== undefined ? { maxAttempts: Math.max(1, options.maxSendAttempts) } : {}),
    });
    this.#outboxRestored = this.#restoreOutbox().catch(() => undefined);
    this.#openChannel();
  }

  get capabilities(): Capabilities {
    return this.transport.capabilities;
  }

  /** Whether the Reject button may be offered. */
  get canReject(): boolean {
    return this.allowReject && this.transport.capabilities.reject;
  }

  // ---- connection ----

  /**
   * Connects and starts listening. Safe to call more than once. If the connection drops later, or
   * this first attempt fails with a retryable error, the desk reconnects on its own with backoff
   * and jitter and backfills from the last cursor; it stops only on `auth-expired` or disconnect().
   */
  connect(): Promise<void> {
    if (this.#disposed) return Promise.reject(new DeskError('unsupported', 'This desk was disposed.'));
    if (this.#connecting) return this.#connecting;
    this.#unsubscribe ??= this.transport.subscribe((event) => this.#onEvent(event));
    this.#stopped = false;
    this.$connection.set(this.#reconnectAttempt > 0 ? 'reconnecting' : 'connecting');
    const epoch = this.#drops;
    const attempt = this.transport
      .connect(this.agent, this.#lastCursor === undefined ? {} : { cursor: this.#lastCursor })
      .then(
        (result) => {
          // Nothing received yet: resume from where this connection started.
          if (result?.cursor && this.#recentCursors.length === 0) this.#noteCursor(result.cursor);
          // The backend took the connection: backoff starts over even if it drops again at once.
          this.#reconnectAttempt = 0;
          // Dropped again while connecting: the reconnect already scheduled takes over.
          if (epoch !== this.#drops) return;
          this.$connection.set('online');
          if (this.$presence.get() === 'offline') this.$presence.set('available');
          void this.#outboxRestored.then(() => this.#outbox.kick());
        },
        (error: unknown) => {
          const failure = toTransportError(error);
          this.#connecting = undefined;
          if (failure.code === 'auth-expired') this.$connection.set('auth-expired');
          else if (failure.retryable && !this.#stopped) this.#scheduleReconnect();
          else this.$connection.set('offline');
          throw failure;
        },
      );
    this.#connecting = attempt;
    return attempt;
  }

  #stopped = false;

  #scheduleReconnect(): void {
    if (this.#disposed || this.#stopped || this.#reconnectTimer) return;
    this.#reconnectAttempt++;
    this.$connection.set('reconnecting');
    this.#reconnectTimer = setTimeout(() => {
      this.#reconnectTimer = undefined;
      this.connect().catch(() => undefined);
    }, backoff(this.#reconnectAttempt, this.#random));
  }

  #drops = 0;

  #onDisconnected(code: string | undefined): void {
    this.#drops++;
    this.#connecting = undefined;
    if (code === 'auth-expired') {
      this.$connection.set('auth-expired');
      return;
    }
    this.#scheduleReconnect();
  }

  async disconnect(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#reconnectTimer);
    this.#reconnectTimer = undefined;
    this.#connecting = undefined;
    this.$connection.set('offline');
    await this.transport.disconnect();
  }

  dispose(): void {
    this.#disposed = true;
    this.#channel?.close();
    this.#outbox.dispose();
    clearTimeout(this.#reconnectTimer);
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    clearTimeout(this.#offerTimer);
    void this.transport.disconnect().catch(() => undefined);
    void this.#storage.then((s) => s.close());
  }

  // ---- stores per conversation ----

  /** Messages of one conversation, oldest first. */
  messages(conversationId: string): ReadableAtom<readonly Message[]> {
    let store = this.#messages.get(conversationId);
    if (!store) {
      store = atom<readonly Message[]>([]);
      // Reading never misses a message that arrived earlier in the same task.
      const read = store.get.bind(store);
      store.get = () => {
        if (this.#inbox.size > 0) this.#flushInbox();
        return read();
      };
      this.#messages.set(conversationId, store);
      this.#seen.set(conversationId, new Set());
    }
    return store;
  }

  #flushInbox(): void {
    this.#inboxScheduled = false;
    if (this.#inbox.size === 0) return;
    const inbox = this.#inbox;
    this.#inbox = new Map();
    for (const [conversationId, messages] of inbox) {
      this.#mergeMessages(conversationId, messages);
    }
  }

  /** Whether the customer is typing. */
  typing(conversationId: string): ReadableAtom<boolean> {
    let store = this.#typing.get(conversationId);
    if (!store) {
      store = atom(false);
      this.#typing.set(conversationId, store);
    }
    return store;
  }

  /** F18: the live reply window of a conversation. */
  replyWindow(conversationId: string): ReadableAtom<ReplyWindow> {
    let store = this.#windows.get(conversationId);
    if (!store) {
      // $now only triggers the recount; the clock is read afresh so a new customer message counts from now.
      store = computed([this.$conversations, this.$now], (all) => {
        const conversation = all[conversationId];
        return conversation ? replyWindow(conversation, this.now()) : { open: false, mode: 'standard' as const, remainingMs: 0 };
      });
      this.#windows.set(conversationId, store);
    }
    return store;
  }

  // ---- offers ----

  async accept(offerId: string): Promise<Conversation> {
    const offer = this.#offer(offerId);
    const { conversation } = await this.transport.execute({ type: 'offer.accept', offerId });
    this.#removeOffer(offer.id);
    this.#upsertConversation(conversation);
    this.$activeConversationId.set(conversation.id);
    // Back from Inactive (a missed offer): tell the backend too, or it keeps routing around the agent.
    if (this.$presence.get() === 'inactive') void this.setPresence('available').catch(() => undefined);
    return conversation;
  }

  async reject(offerId: string): Promise<void> {
    const offer = this.#offer(offerId);
    if (!this.canReject) throw new DeskError('unsupported', 'Rejecting offers is turned off.');
    await this.transport.execute({ type: 'offer.reject', offerId });
    this.#removeOffer(offer.id);
  }

  /** Forgets missed offers (the "you missed a conversation" notice). */
  dismissMissed(): void {
    this.$missedOffers.set([]);
  }

  #offer(offerId: string): Offer {
    const offer = this.$offers.get().find((o) => o.id === offerId);
    if (!offer) throw new DeskError('unknown-offer', `No offer "${offerId}" is waiting.`);
    return offer;
  }

  #removeOffer(offerId: string): void {
    this.$offers.set(this.$offers.get().filter((o) => o.id !== offerId));
    this.#scheduleOfferExpiry();
  }

  #scheduleOfferExpiry(): void {
    clearTimeout(this.#offerTimer);
    const offers = this.$offers.get();
    if (offers.length === 0 || this.#disposed) return;
    const next = Math.min(...offers.map((o) => o.expiresAt ?? Infinity));
    if (!Number.isFinite(next)) return;
    this.#offerTimer = setTimeout(() => this.#expireOffers(), Math.max(0, next - this.now()));
  }

  #expireOffers(): void {
    const now = this.now();
    const expired = this.$offers.get().filter((o) => (o.expiresAt ?? Infinity) <= now);
    if (expired.length > 0) {
      this.$offers.set(this.$offers.get().filter((o) => !expired.includes(o)));
      this.$missedOffers.set([...this.$missedOffers.get(), ...expired]);
      // A missed offer goes back to the queue and the agent is marked Inactive (F1).
      this.$presence.set('inactive');
      for (const offer of expired) {
        void this.transport.execute({ type: 'offer.reject', offerId: offer.id }).catch(() => undefined);
      }
      void this.transport.execute({ type: 'presence.set', presence: 'inactive' }).catch(() => undefined);
    }
    this.#scheduleOfferExpiry();
  }

  // ---- conversations ----

  setActive(conversationId: string | undefined): void {
    if (conversationId !== undefined && !this.$conversations.get()[conversationId]) {
      throw new DeskError('unknown-conversation', `No conversation "${conversationId}".`);
    }
    this.$activeConversationId.set(conversationId);
  }

  /** Moves a conversation along F11; an illegal move throws ConversationStateError before anything is sent. */
  async transition(conversationId: string, to: ConversationState): Promise<Conversation> {
    const current = this.#conversation(conversationId);
    checkedTransition(current.state, to);
    const { conversation } = await this.transport.execute({ type: 'conversation.transition', conversationId, to });
    this.#upsertConversation(conversation);
    return conversation;
  }

  /** End conversation → Wrap-up. */
  end(conversationId: string): Promise<Conversation> {
    return this.transition(conversationId, 'wrap-up');
  }

  async setPresence(presence: Exclude<BasePresence, 'inactive'>): Promise<void> {
    const previous = this.$presence.get();
    this.$presence.set(presence);
    if (presence === 'available') this.$missedOffers.set([]);
    try {
      await this.transport.execute({ type: 'presence.set', presence });
    } catch (error) {
      this.$presence.set(previous);
      throw toTransportError(error);
    }
  }

  #conversation(conversationId: string): Conversation {
    const conversation = this.$conversations.get()[conversationId];
    if (!conversation) throw new DeskError('unknown-conversation', `No conversation "${conversationId}".`);
    return conversation;
  }

  #upsertConversation(conversation: Conversation): void {
    const all = this.$conversations.get();
    const known = all[conversation.id];
    // Keep the latest customer-message time even if the transport's snapshot is older.
    const lastCustomerMessageAt = Math.max(known?.lastCustomerMessageAt ?? -Infinity, conversation.lastCustomerMessageAt ?? -Infinity);
    const next = Number.isFinite(lastCustomerMessageAt) ? { ...conversation, lastCustomerMessageAt } : conversation;
    this.$conversations.set({ ...all, [conversation.id]: next });
    if (!known || known.state !== next.state) this.#log(next.id, { kind: 'state', state: next.state });
    this.#saveConversation(next);
    // Hydration is a convenience: a storage failure must not become an unhandled rejection.
    if (!known) void this.#hydrate(conversation.id).catch(() => undefined);
  }

  #conversationWrites = new Map<string, Conversation>();
  #conversationTimer: ReturnType<typeof setTimeout> | undefined;

  /** Conversations are kept (debounced) for search filters and read-only transcripts. */
  #saveConversation(conversation: Conversation): void {
    this.#conversationWrites.set(conversation.id, conversation);
    this.#search?.then((service) => service.updateConversation(conversation)).catch(() => undefined);
    if (this.#conversationTimer) return;
    this.#conversationTimer = setTimeout(() => {
      this.#conversationTimer = undefined;
      const batch = [...this.#conversationWrites.values()];
      this.#conversationWrites.clear();
      void this.#storage.then((s) => s.putConversations(batch)).catch(() => undefined);
    }, 100);
  }

  async #hydrate(conversationId: string): Promise<void> {
    const stored = await (await this.#storage).getTranscript(conversationId);
    if (stored.length > 0) this.#mergeMessages(conversationId, stored, false);
  }

  // ---- messages ----

  /**
   * Sends an agent message through the outbox: it is stored before anything goes out (a reload
   * cannot lose it), sent in order with retries and backoff, and never twice (its client id is the
   * idempotency key). Resolves with the message once acknowledged, or once it failed for good
   * (`failed`, see retry); while offline it waits for the reconnect. Rejects with DeskError on
   * input the desk refuses.
   */
  async send(conversationId: string, text: string, attachments: readonly AttachmentRef[] = []): Promise<Message> {
    const conversation = this.#conversation(conversationId);
    const body = text.trim();
    if (!body && attachments.length === 0) throw new DeskError('empty', 'There is nothing to send.');
    if (text.length > MAX_MESSAGE_LENGTH) {
      throw new DeskError('too-long', `Messages are limited to ${MAX_MESSAGE_LENGTH} characters.`);
    }
    if (!replyWindow(conversation, this.now()).open) {
      throw new DeskError('window-closed', 'The Messenger reply window is closed.');
    }
    const clientId = createClientId();
    const message: Message = {
      id: clientId,
      clientId,
      conversationId,
      author: 'agent',
      kind: attachments.length > 0 && !body ? 'attachment' : 'text',
      at: this.now(),
      status: 'sending',
      ...(body ? { text } : {}),
      ...(attachments.length > 0 ? { attachments: [...attachments] } : {}),
    };
    this.#mergeMessages(conversationId, [message]);
    // Durable before anything goes out: a reload or a crash from here on cannot lose it.
    const settled = this.#settled(clientId);
    await this.#outbox.enqueue(outboxEntryOf(message));
    this.#channel?.postMessage({ type: 'sent', conversationId, text });
    return settled;
  }

  /** Another tab of this agent's CRM sent `text` in a conversation (its composer draft is gone). */
  onRemoteSend(listener: (conversationId: string, text: string) => void): () => void {
    this.#remoteSendListeners.add(listener);
    return () => this.#remoteSendListeners.delete(listener);
  }

  #remoteSendListeners = new Set<(conversationId: string, text: string) => void>();
  #channel: BroadcastChannel | undefined;

  #openChannel(): void {
    if (typeof BroadcastChannel === 'undefined') return;
    this.#channel = new BroadcastChannel(`cc-desk:${this.agent.id}`);
    this.#channel.onmessage = (event: MessageEvent<{ type: string; conversationId: string; text: string }>) => {
      if (event.data?.type !== 'sent') return;
      for (const listener of this.#remoteSendListeners) listener(event.data.conversationId, event.data.text);
    };
  }

  #waiters = new Map<string, ((message: Message) => void)[]>();

  /** Resolves with the message once it is acknowledged or has failed for good. */
  #settled(clientId: string): Promise<Message> {
    return new Promise((resolve) => {
      const list = this.#waiters.get(clientId);
      if (list) list.push(resolve);
      else this.#waiters.set(clientId, [resolve]);
    });
  }

  #settle(conversationId: string, clientId: string): void {
    const message = this.#find(conversationId, clientId);
    const waiters = this.#waiters.get(clientId);
    this.#waiters.delete(clientId);
    if (message) for (const resolve of waiters ?? []) resolve(message);
  }

  /** Sends a failed message again with the same client id, so the backend can drop a duplicate. */
  async retry(conversationId: string, clientId: string): Promise<Message> {
    const message = this.messages(conversationId).get().find((m) => m.clientId === clientId);
    if (!message) throw new DeskError('unknown-conversation', `No message "${clientId}" in "${conversationId}".`);
    if (message.status !== 'failed') return message;
    const { error: _ignored, ...rest } = message;
    const sending: Message = { ...rest, status: 'sending' };
    this.#replaceMessage(sending);
    const settled = this.#settled(clientId);
    if (!(await this.#outbox.retry(clientId))) {
      // Not in the outbox (e.g. failed in another session before it had one): queue it again.
      await this.#outbox.enqueue(outboxEntryOf(message));
    }
    return settled;
  }

  /** Unsent agent messages in the outbox, all conversations. */
  get outboxSize(): number {
    return this.#outbox.size;
  }

  #sendEntry(entry: OutboxEntry): Promise<{ messageId: string; at: number }> {
    const send = () =>
      this.transport.execute({
        type: 'message.send',
        conversationId: entry.conversationId,
        clientId: entry.clientId,
        ...(entry.text !== undefined ? { text: entry.text } : {}),
        ...(entry.attachments ? { attachments: entry.attachments } : {}),
      });
    // Another tab of the same CRM may hold the same outbox: one sender per message at a time.
    const locks = (globalThis.navigator as { locks?: LockManager } | undefined)?.locks;
    if (!locks) return send();
    return locks.request(`cc-send:${entry.clientId}`, { ifAvailable: true }, (lock) =>
      lock ? send() : Promise.reject(new TransportError('conflict', 'Another tab is sending this message.')),
    );
  }

  #onSent(entry: OutboxEntry, ack: { messageId: string; at: number }): void {
    const current = this.#find(entry.conversationId, entry.clientId);
    if (!current) return;
    const { error: _ignored, ...rest } = current;
    this.#seen.get(entry.conversationId)?.add(ack.messageId);
    this.#replaceMessage({
      ...rest,
      id: ack.messageId,
      status: statusRank[current.status ?? 'sending'] > statusRank.sent ? current.status! : 'sent',
    });
    this.#settle(entry.conversationId, entry.clientId);
  }

  #onFailed(entry: OutboxEntry): void {
    const current = this.#find(entry.conversationId, entry.clientId);
    if (current) this.#replaceMessage({ ...current, status: 'failed', ...(entry.error ? { error: entry.error } : {}) });
    this.#settle(entry.conversationId, entry.clientId);
  }

  /** Shows what an earlier page left in the outbox, as sending (or failed), before it goes out. */
  async #restoreOutbox(): Promise<void> {
    const entries = await this.#outbox.restore();
    for (const entry of entries) {
      this.#mergeMessages(
        entry.conversationId,
        [
          {
            id: entry.clientId,
            clientId: entry.clientId,
            conversationId: entry.conversationId,
            author: 'agent',
            kind: entry.attachments?.length && !entry.text ? 'attachment' : 'text',
            at: entry.at,
            status: entry.state === 'failed' ? 'failed' : 'sending',
            ...(entry.text !== undefined ? { text: entry.text } : {}),
            ...(entry.attachments ? { attachments: entry.attachments } : {}),
            ...(entry.error ? { error: entry.error } : {}),
          },
        ],
        false,
      );
    }
    if (this.$connection.get() === 'online') this.#outbox.kick();
  }

  /** Tells the customer whether the agent is typing, when the transport supports it. */
  async setTyping(conversationId: string, on: boolean): Promise<void> {
    if (!this.capabilities.typing) return;
    try {
      await this.transport.execute({ type: 'typing.set', conversationId, on });
    } catch {
      // A lost typing indicator is harmless.
    }
  }

  // ---- attachments ----

  /** Checks files against the policy (F4). Nothing is uploaded. */
  checkFiles(files: readonly { name: string; size: number }[]): FileVerdict[] {
    return files.map((f) => checkFile(this.policy, f));
  }

  /**
   * Checks files against the policy, then sniffs the content of those that pass against their
   * extension (F4; the sniffer loads on first use). Nothing is uploaded.
   */
  async inspectFiles(files: readonly File[]): Promise<FileVerdict[]> {
    return Promise.all(
      files.map(async (file): Promise<FileVerdict> => {
        const verdict = checkFile(this.policy, file);
        if (!verdict.ok) return verdict;
        const sniffed = await sniffFile(file, verdict.extension).catch(() => ({ ok: true, detected: undefined }));
        return sniffed.ok
          ? verdict
          : { ok: false, name: file.name, reason: 'type-mismatch', extension: verdict.extension, detected: sniffed.detected ?? '?' };
      }),
    );
  }

  /** Uploads one file that passes the policy and the content check; rejects with DeskError('policy') otherwise. */
  async upload(
    conversationId: string,
    file: File,
    opts: { signal?: AbortSignal; onProgress?(sent: number): void } = {},
  ): Promise<AttachmentRef> {
    this.#conversation(conversationId);
    const [verdict] = await this.inspectFiles([file]);
    if (!verdict!.ok) throw new DeskError('policy', `${file.name}: ${verdict!.reason}`);
    if (!this.transport.upload || !this.capabilities.upload) {
      throw new DeskError('unsupported', 'This transport cannot send files.');
    }
    return this.transport.upload(
      file,
      { conversationId, clientId: createClientId(), name: verdict!.name, mimeType: file.type || 'application/octet-stream', size: file.size },
      opts,
    );
  }

  // ---- records (F7, F8) ----

  #require(capability: 'records' | 'notes' | 'search'): void {
    if (!this.capabilities[capability]) {
      throw new DeskError('unsupported', `This transport does not support ${capability}.`);
    }
  }

  /** Searches contacts, accounts and cases. */
  async searchRecords(
    query: string,
    options: { kinds?: RecordKind[]; customerId?: string; limit?: number } = {},
  ): Promise<CrmRecord[]> {
    this.#require('records');
    const { records } = await this.transport.execute({
      type: 'records.search',
      query: query.trim(),
      ...(options.kinds ? { kinds: options.kinds } : {}),
      ...(options.customerId ? { customerId: options.customerId } : {}),
      limit: options.limit ?? 20,
    });
    return records;
  }

  /** Quick-creates a case or contact (F7); invalid fields reject with DeskError('invalid') and send nothing. */
  async createRecord(conversationId: string | undefined, record: NewRecord): Promise<CrmRecord> {
    this.#require('records');
    const errors = validateNewRecord(record);
    if (Object.keys(errors).length > 0) {
      throw new DeskError('invalid', 'Some fields are not valid.', errors as Record<string, string>);
    }
    const { record: created } = await this.transport.execute({
      type: 'records.create',
      record,
      clientId: createClientId(),
      ...(conversationId ? { conversationId } : {}),
    });
    if (conversationId) this.#log(conversationId, { kind: 'created', record: created });
    return created;
  }

  /** Links a record: one contact-or-account and one case per conversation; linking replaces the slot's record. */
  async link(conversationId: string, record: RecordRef): Promise<Conversation> {
    this.#require('records');
    this.#conversation(conversationId);
    const { conversation } = await this.transport.execute({
      type: 'records.link',
      conversationId,
      record: { kind: record.kind, id: record.id, title: record.title },
    });
    this.#upsertConversation(conversation);
    this.#log(conversationId, { kind: 'link', record });
    return conversation;
  }

  /** Unlinks the record in a slot. The record itself is never deleted. */
  async unlink(conversationId: string, slot: LinkSlot): Promise<Conversation> {
    this.#require('records');
    const current = this.#conversation(conversationId).links?.[slot];
    const { conversation } = await this.transport.execute({ type: 'records.unlink', conversationId, slot });
    this.#upsertConversation(conversation);
    if (current) this.#log(conversationId, { kind: 'unlink', record: current });
    return conversation;
  }

  // ---- notes (F10) ----

  #notes = new Map<string, WritableAtom<readonly Note[]>>();

  /** Where a note on this conversation is saved: the linked case, else the linked contact or account. */
  noteTarget(conversationId: string): RecordRef | undefined {
    const links = this.$conversations.get()[conversationId]?.links;
    return links?.case ?? links?.customer;
  }

  /** Notes of one record, newest last. Call loadNotes() to fetch them. */
  notes(target: RecordRef): ReadableAtom<readonly Note[]> {
    const key = `${target.kind}:${target.id}`;
    let store = this.#notes.get(key);
    if (!store) {
      store = atom<readonly Note[]>([]);
      this.#notes.set(key, store);
    }
    return store;
  }

  async loadNotes(target: RecordRef): Promise<readonly Note[]> {
    this.#require('notes');
    const { notes } = await this.transport.execute({ type: 'notes.list', target });
    const store = this.notes(target) as WritableAtom<readonly Note[]>;
    store.set([...notes].sort((a, b) => a.at - b.at));
    return store.get();
  }

  /** Adds a note to the conversation's linked record; DeskError('no-link') when nothing is linked. */
  async addNote(conversationId: string, text: string): Promise<Note> {
    this.#require('notes');
    const target = this.noteTarget(conversationId);
    if (!target) throw new DeskError('no-link', 'Link a contact or a case before adding notes.');
    if (!text.trim()) throw new DeskError('empty', 'The note is empty.');
    if (text.length > MAX_NOTE_LENGTH) throw new DeskError('too-long', `Notes are limited to ${MAX_NOTE_LENGTH} characters.`);
    const { note } = await this.transport.execute({ type: 'notes.add', target, conversationId, text, clientId: createClientId() });
    const store = this.notes(target) as WritableAtom<readonly Note[]>;
    if (!store.get().some((n) => n.id === note.id)) store.set([...store.get(), note]);
    this.#log(conversationId, { kind: 'note', record: target });
    return note;
  }

  async getNoteDraft(conversationId: string): Promise<string> {
    return (await (await this.#storage).getDraft(`note:${conversationId}`)) ?? '';
  }

  async saveNoteDraft(conversationId: string, text: string): Promise<void> {
    await (await this.#storage).setDraft(`note:${conversationId}`, text);
  }

  // ---- timeline (F5) ----

  #timelines = new Map<string, WritableAtom<readonly TimelineEntry[]>>();

  /** What happened in a conversation, as seen by this desk: states, links, notes, created records. */
  timeline(conversationId: string): ReadableAtom<readonly TimelineEntry[]> {
    let store = this.#timelines.get(conversationId);
    if (!store) {
      store = atom<readonly TimelineEntry[]>([]);
      this.#timelines.set(conversationId, store);
    }
    return store;
  }

  #log(conversationId: string, entry: TimelineEntryInput): void {
    const store = this.timeline(conversationId) as WritableAtom<readonly TimelineEntry[]>;
    store.set([...store.get(), { ...entry, at: this.now() } as TimelineEntry]);
  }

  // ---- transcript search (F16) ----

  #search: Promise<SearchService> | undefined;
  readonly $searchStatus: WritableAtom<SearchStatus> = atom<SearchStatus>({ state: 'idle', indexed: 0 });

  /** Loads the search engine (lazily, in its own chunk) and starts indexing stored transcripts. */
  enableSearch(): Promise<SearchService> {
    this.#search ??= (async () => {
      this.$searchStatus.set({ state: 'loading', indexed: 0 });
      const [{ createSearchService }, storage] = await Promise.all([import('../search/service.js'), this.#storage]);
      return createSearchService({
        storage,
        conversations: () => this.$conversations.get(),
        onStatus: (status) => this.$searchStatus.set(status),
      });
    })();
    this.#search.catch((error: unknown) => this.$searchStatus.set({ state: 'error', indexed: 0, error: String(error) }));
    return this.#search;
  }

  /**
   * Full-text search over past and current transcripts: the local index, merged with the
   * transport's server search when it has one. Diacritic-insensitive, prefix, every word must match.
   */
  async searchTranscripts(query: string, filters: SearchFilters = {}, options: { limit?: number } = {}): Promise<SearchResults> {
    const limit = options.limit ?? 100;
    const service = await this.enableSearch();
    // The index keeps no texts: the hits' snippets are read back from storage.
    const local = await service.hydrate(service.search(query, filters, limit));
    if (!this.capabilities.search || !query.trim()) return local;
    try {
      const { hits } = await this.transport.execute({ type: 'transcripts.search', query, filters, limit });
      const seen = new Set(local.hits.map((h) => `${h.conversationId}/${h.messageKey}`));
      const server = hits.filter((h) => !seen.has(`${h.conversationId}/${h.messageKey}`)).map((h) => ({ ...h, source: 'server' as const }));
      const merged = [...local.hits, ...server].sort((a, b) => b.at - a.at).slice(0, limit);
      return { ...local, hits: merged, total: Math.min(limit, local.total + server.length), more: local.more || local.total + server.length > limit };
    } catch {
      // Server search is a bonus: local results stand on their own.
      return local;
    }
  }

  /** A conversation and its messages for read-only display: from memory, else storage, else the server. */
  async openTranscript(conversationId: string): Promise<{ conversation?: Conversation; messages: readonly Message[] }> {
    const known = this.$conversations.get()[conversationId];
    const inMemory = this.#messages.has(conversationId) ? this.messages(conversationId).get() : [];
    if (known && inMemory.length > 0) return { conversation: known, messages: inMemory };
    const storage = await this.#storage;
    const [stored, conversations] = await Promise.all([storage.getTranscript(conversationId), storage.getConversations()]);
    const conversation = known ?? conversations.find((c) => c.id === conversationId);
    if (stored.length > 0 || !this.capabilities.search) {
      return conversation ? { conversation, messages: stored } : { messages: stored };
    }
    const fromServer = await this.transport.execute({ type: 'transcripts.get', conversationId });
    return { conversation: fromServer.conversation, messages: fromServer.messages };
  }

  // ---- drafts ----

  async getDraft(conversationId: string): Promise<string> {
    return (await (await this.#storage).getDraft(conversationId)) ?? '';
  }

  async saveDraft(conversationId: string, text: string): Promise<void> {
    await (await this.#storage).setDraft(conversationId, text);
  }

  // ---- incoming ----

  #recentCursors: string[] = [];

  /**
   * Where a reconnect resumes. Events can arrive out of order (at-least-once delivery), so resuming
   * from the newest cursor could skip one still in flight; resuming from the oldest of the recent
   * ones replays a little more, and the replay is deduplicated.
   */
  #noteCursor(cursor: string): void {
    this.#recentCursors.push(cursor);
    if (this.#recentCursors.length > 16) this.#recentCursors.shift();
    let oldest = this.#recentCursors[0]!;
    for (const c of this.#recentCursors) if (compareCursors(c, oldest) < 0) oldest = c;
    this.#lastCursor = oldest;
  }

  #onEvent(event: TransportEvent): void {
    if (event.cursor) this.#noteCursor(event.cursor);
    // Anything that may refer to a just-received message sees it first.
    if (event.type !== 'message.received') this.#flushInbox();
    switch (event.type) {
      case 'transport.disconnected':
        this.#onDisconnected(event.code);
        return;
      case 'offer.created': {
        if (this.$offers.get().some((o) => o.id === event.offer.id)) return;
        const offer = { ...event.offer, expiresAt: event.offer.expiresAt ?? this.now() + this.offerTimeoutMs };
        this.$offers.set([...this.$offers.get(), offer]);
        this.#scheduleOfferExpiry();
        return;
      }
      case 'offer.withdrawn':
        this.#removeOffer(event.offerId);
        return;
      case 'conversation.updated':
        this.#upsertConversation(event.conversation);
        return;
      case 'message.received': {
        // Batched per task: a backfill of thousands of messages costs one copy of the list, not one each.
        const list = this.#inbox.get(event.message.conversationId);
        const message = { ...event.message, cursor: event.cursor };
        if (list) list.push(message);
        else this.#inbox.set(event.message.conversationId, [message]);
        if (!this.#inboxScheduled) {
          this.#inboxScheduled = true;
          queueMicrotask(() => this.#flushInbox());
        }
        if (message.author === 'customer') {
          this.#typing.get(message.conversationId)?.set(false);
          const conversation = this.$conversations.get()[message.conversationId];
          if (conversation && (conversation.lastCustomerMessageAt ?? -Infinity) < message.at) {
            this.#upsertConversation({ ...conversation, lastCustomerMessageAt: message.at });
          }
        }
        return;
      }
      case 'message.status': {
        // The client id may belong to another tab or a previous session: fall back to the server id.
        const current =
          (event.clientId === undefined ? undefined : this.#find(event.conversationId, event.clientId)) ??
          (event.messageId === undefined ? undefined : this.#find(event.conversationId, event.messageId));
        if (current) this.#replaceMessage(this.#withStatus(current, event.status));
        return;
      }
      case 'receipt': {
        const store = this.#messages.get(event.conversationId);
        if (!store) return;
        // A failed send never reached the customer, whatever its local time says.
        const changed: Message[] = [];
        const updated = store.get().map((m) => {
          if (m.author !== 'agent' || m.status === 'failed' || m.at > event.watermark) return m;
          const next = this.#withStatus(m, event.status);
          if (next !== m) changed.push(next);
          return next;
        });
        if (changed.length > 0) {
          store.set(updated);
          this.#persist(changed);
        }
        return;
      }
      case 'typing':
        (this.typing(event.conversationId) as WritableAtom<boolean>).set(event.on);
        return;
      case 'message.reaction': {
        const current = this.#find(event.conversationId, event.messageId);
        if (!current) return;
        const others = (current.reactions ?? []).filter((r) => !(r.by === event.reaction.by && r.emoji === event.reaction.emoji));
        this.#replaceMessage({ ...current, reactions: event.action === 'react' ? [...others, event.reaction] : others });
        return;
      }
      case 'message.edited': {
        const current = this.#find(event.conversationId, event.messageId);
        if (current) this.#replaceMessage({ ...current, text: event.text, editedAt: event.at });
        return;
      }
    }
  }

  #withStatus(message: Message, status: MessageStatus): Message {
    if (message.status === 'failed' && status !== 'failed') {
      const { error: _cleared, ...rest } = message;
      return { ...rest, status };
    }
    return statusRank[status] > statusRank[message.status ?? 'sending'] ? { ...message, status } : message;
  }

  #find(conversationId: string, key: string): Message | undefined {
    const list = this.#messages.get(conversationId)?.get() ?? this.messages(conversationId).get();
    for (let i = list.length - 1; i >= 0; i--) {
      const m = list[i]!;
      if (m.id === key || m.clientId === key) return m;
    }
    return undefined;
  }

  /** Adds messages, dropping ones already seen (server id or client id), keeping time order. */
  #mergeMessages(conversationId: string, incoming: readonly Message[], persist = true): void {
    const store = this.messages(conversationId) as WritableAtom<readonly Message[]>;
    const seen = this.#seen.get(conversationId)!;
    const fresh: Message[] = [];
    for (const m of incoming) {
      if (seen.has(m.id) || (m.clientId && seen.has(m.clientId))) continue;
      seen.add(m.id);
      if (m.clientId) seen.add(m.clientId);
      fresh.push(m);
    }
    if (fresh.length === 0) return;
    const list = store.get();
    const last = list[list.length - 1];
    const inOrder = fresh.every((m, i) => byTimeThenCursor(i === 0 ? last : fresh[i - 1], m) <= 0);
    const merged = list.concat(fresh);
    store.set(inOrder ? merged : merged.sort(byTimeThenCursor));
    if (persist) this.#persist(fresh);
  }

  #replaceMessage(message: Message): void {
    const store = this.#messages.get(message.conversationId);
    if (!store) return;
    const list = store.get();
    const key = message.clientId ?? message.id;
    for (let i = list.length - 1; i >= 0; i--) {
      const m = list[i]!;
      if ((m.clientId ?? m.id) === key) {
        const next = list.slice();
        next[i] = message;
        store.set(next);
        this.#persist([message]);
        return;
      }
    }
  }

  #persist(messages: readonly Message[]): void {
    for (const m of messages) this.#pendingWrites.push(m);
    if (this.#flushScheduled) return;
    this.#flushScheduled = true;
    setTimeout(() => this.#writeSome(), 50);
  }

  /** Writes in slices so a large backfill never holds the main thread for more than a frame. */
  #writeSome(): void {
    const batch = this.#pendingWrites.splice(0, 500);
    if (this.#pendingWrites.length > 0) setTimeout(() => this.#writeSome(), 0);
    else this.#flushScheduled = false;
    void this.#storage.then((s) => s.putMessages(batch)).catch(() => undefined);
    // Indexed as it is stored, so a message is searchable as soon as it is kept.
    this.#search?.then((service) => service.add(batch)).catch(() => undefined);
  }

}

type TimelineEntryInput =
  | { kind: 'state'; state: ConversationState }
  | { kind: 'link' | 'unlink' | 'note' | 'created'; record: RecordRef };

/** One line of a conversation's timeline (F5). */
export type TimelineEntry = TimelineEntryInput & { at: number };

/** Creates a desk for one agent. Nothing touches the DOM. */
export function createDesk(options: DeskOptions): Desk {
  return new Desk(options);
}

export { TransportError };
