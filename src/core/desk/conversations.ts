import { atom, computed, type ReadableAtom } from 'nanostores';
import { transition as checkedTransition } from '../conversation-state.js';
import { DeskError } from '../errors.js';
import type { Conversation, ConversationState } from '../model.js';
import { replyWindow, type ReplyWindow } from '../reply-window.js';
import { compareCursors, type SliceContext, type TimelineEntry, type TimelineEntryInput } from './shared.js';

const ACTIVE_KEY = 'active-conversation';

export interface ConversationHooks {
  /** A conversation this desk had not seen (load its stored messages). */
  onNew(id: string): void;
  /** Any change (the search index keeps conversation fields for its filters). */
  onChange(conversation: Conversation): void;
}

/**
 * Conversations (F11): the list, the active one, a store per conversation, the state machine,
 * the reply window and the timeline. The active conversation is kept in storage, so a reload
 * opens it again once the backend's snapshot brings it back.
 */
export class ConversationsSlice {
  readonly #ctx: Omit<SliceContext, 'conversation' | 'upsertConversation' | 'log'>;
  readonly #hooks: ConversationHooks;
  readonly $conversations = atom<Readonly<Record<string, Conversation>>>(Object.create(null) as Record<string, Conversation>);
  readonly $activeId = atom<string | undefined>(undefined);
  readonly $active: ReadableAtom<Conversation | undefined>;
  readonly #$now: ReadableAtom<number>;
  #byId = new Map<string, ReadableAtom<Conversation | undefined>>();
  #windows = new Map<string, ReadableAtom<ReplyWindow>>();
  #timelines = new Map<string, ReturnType<typeof atom<readonly TimelineEntry[]>>>();
  #writes = new Map<string, Conversation>();
  #writeTimer: ReturnType<typeof setTimeout> | undefined;
  /** The active conversation of the previous page, until it comes back. */
  #restoreActive: Promise<string | undefined>;
  #activeChosen = false;

  constructor(
    ctx: Omit<SliceContext, 'conversation' | 'upsertConversation' | 'log'>,
    $now: ReadableAtom<number>,
    hooks: ConversationHooks,
  ) {
    this.#ctx = ctx;
    this.#$now = $now;
    this.#hooks = hooks;
    this.$active = computed([this.$conversations, this.$activeId], (all, id) => (id === undefined ? undefined : all[id]));
    this.#restoreActive = ctx.storage.then((s) => s.getValue<string>(`${ACTIVE_KEY}:${ctx.agent.id}`)).catch(() => undefined);
  }

  get(id: string): Conversation {
    const conversation = this.$conversations.get()[id];
    if (!conversation) throw new DeskError('unknown-conversation', `No conversation "${id}".`);
    return conversation;
  }

  /** One conversation as a store: it changes only when that conversation does. */
  store(id: string): ReadableAtom<Conversation | undefined> {
    let store = this.#byId.get(id);
    if (!store) {
      store = computed(this.$conversations, (all) => all[id]);
      this.#byId.set(id, store);
    }
    return store;
  }

  setActive(id: string | undefined): void {
    if (id !== undefined && !this.$conversations.get()[id]) {
      throw new DeskError('unknown-conversation', `No conversation "${id}".`);
    }
    this.#activeChosen = true;
    this.$activeId.set(id);
    void this.#ctx.track(this.#ctx.storage.then((s) => s.setValue(`${ACTIVE_KEY}:${this.#ctx.agent.id}`, id ?? null))).catch(() => undefined);
  }

  async transition(id: string, to: ConversationState, wrapUp?: { disposition?: string; note?: string }): Promise<Conversation> {
    checkedTransition(this.get(id).state, to);
    const { conversation } = await this.#ctx.track(
      this.#ctx.transport.execute({ type: 'conversation.transition', conversationId: id, to, ...(wrapUp ? { wrapUp } : {}) }),
    );
    this.upsert(conversation);
    return conversation;
  }

  /** Hands an Active conversation to a queue or another agent, when the transport can (F11). */
  async transfer(id: string, to: { queue: string } | { agentId: string }): Promise<Conversation> {
    checkedTransition(this.get(id).state, 'open');
    if (!this.#ctx.transport.capabilities.transfer) throw new DeskError('unsupported', 'This transport cannot transfer conversations.');
    const { conversation } = await this.#ctx.track(this.#ctx.transport.execute({ type: 'conversation.transfer', conversationId: id, to }));
    this.upsert(conversation);
    return conversation;
  }

  #cursors = new Map<string, string>();

  /**
   * A `conversation.updated` event: applied unless this conversation already had one at or after its
   * cursor (a replay after a reconnect repeats a few events, and must not rewind the state).
   */
  updated(conversation: Conversation, cursor: string): void {
    const last = this.#cursors.get(conversation.id);
    if (cursor && last !== undefined && compareCursors(cursor, last) <= 0) return;
    if (cursor) this.#cursors.set(conversation.id, cursor);
    this.upsert(conversation);
  }

  upsert(conversation: Conversation): void {
    const all = this.$conversations.get();
    const known = all[conversation.id];
    // Keep the latest customer-message time even if the transport's snapshot is older.
    const last = Math.max(known?.lastCustomerMessageAt ?? -Infinity, conversation.lastCustomerMessageAt ?? -Infinity);
    const next = Number.isFinite(last) ? { ...conversation, lastCustomerMessageAt: last } : conversation;
    // Ids are data, never object keys with meaning: no prototype, so `constructor` or `__proto__` is just an id.
    this.$conversations.set(Object.assign(Object.create(null) as Record<string, Conversation>, all, { [conversation.id]: next }));
    if (!known || known.state !== next.state) this.log(next.id, { kind: 'state', state: next.state });
    this.#save(next);
    this.#hooks.onChange(next);
    if (!known) {
      this.#hooks.onNew(conversation.id);
      void this.#maybeRestoreActive(conversation);
    }
  }

  /** A customer message moves the reply window. */
  customerWrote(id: string, at: number): void {
    const conversation = this.$conversations.get()[id];
    if (conversation && (conversation.lastCustomerMessageAt ?? -Infinity) < at) this.upsert({ ...conversation, lastCustomerMessageAt: at });
  }

  replyWindow(id: string): ReadableAtom<ReplyWindow> {
    let store = this.#windows.get(id);
    if (!store) {
      // $now only triggers the recount; the clock is read afresh so a new customer message counts from now.
      store = computed([this.store(id), this.#$now], (conversation) =>
        conversation ? replyWindow(conversation, this.#ctx.now()) : { open: false, mode: 'standard' as const, remainingMs: 0 },
      );
      this.#windows.set(id, store);
    }
    return store;
  }

  timeline(id: string): ReadableAtom<readonly TimelineEntry[]> {
    return this.#timeline(id);
  }

  log(id: string, entry: TimelineEntryInput): void {
    const store = this.#timeline(id);
    store.set([...store.get(), { ...entry, at: this.#ctx.now() } as TimelineEntry]);
  }

  dispose(): void {
    clearTimeout(this.#writeTimer);
  }

  #timeline(id: string) {
    let store = this.#timelines.get(id);
    if (!store) {
      store = atom<readonly TimelineEntry[]>([]);
      this.#timelines.set(id, store);
    }
    return store;
  }

  async #maybeRestoreActive(conversation: Conversation): Promise<void> {
    const previous = await this.#restoreActive;
    if (this.#activeChosen || previous !== conversation.id || conversation.state === 'closed') return;
    if (this.$activeId.get() === undefined && this.$conversations.get()[conversation.id]) this.$activeId.set(conversation.id);
  }

  /** Conversations are kept (debounced) for search filters and read-only transcripts. */
  #save(conversation: Conversation): void {
    this.#writes.set(conversation.id, conversation);
    if (this.#writeTimer) return;
    let done!: () => void;
    void this.#ctx.track(new Promise<void>((resolve) => (done = resolve)));
    this.#writeTimer = setTimeout(() => {
      this.#writeTimer = undefined;
      const batch = [...this.#writes.values()];
      this.#writes.clear();
      void this.#ctx.storage
        .then((s) => s.putConversations(batch))
        .catch(() => undefined)
        .finally(done);
    }, 100);
  }
}
