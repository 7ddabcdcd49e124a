import { atom, type ReadableAtom, type WritableAtom } from 'nanostores';
import type { Message, MessageStatus } from '../model.js';
import type { MessageStatusEvent, ReactionEvent, EditEvent, ReceiptEvent } from '../transport.js';
import { byTimeThenCursor, loadValidator, statusRank, type SliceContext } from './shared.js';

export interface MessageHooks {
  /** Messages just stored (the search index takes them). */
  stored(batch: readonly Message[]): void;
  /** A customer message arrived (moves the reply window, stops the typing indicator). */
  customerWrote(conversationId: string, at: number): void;
  /** The customer edited a message (sentiment reads it again). */
  customerEdited?(conversationId: string): void;
}

/**
 * Messages of every conversation: one store per conversation, deduplicated by server id and client
 * id, kept in time order, receipts and statuses that only move forward, reactions and edits, the
 * customer's typing indicator, and writing them to storage in slices.
 */
export class MessagesSlice {
  readonly #ctx: SliceContext;
  readonly #hooks: MessageHooks;
  #lists = new Map<string, WritableAtom<readonly Message[]>>();
  #seen = new Map<string, Set<string>>();
  #typing = new Map<string, WritableAtom<boolean>>();
  #inbox = new Map<string, Message[]>();
  #inboxScheduled = false;
  #pendingWrites: Message[] = [];
  #writing: Promise<void> | undefined;

  constructor(ctx: SliceContext, hooks: MessageHooks) {
    this.#ctx = ctx;
    this.#hooks = hooks;
  }

  /** Messages of one conversation, oldest first. */
  list(conversationId: string): ReadableAtom<readonly Message[]> {
    return this.#list(conversationId);
  }

  has(conversationId: string): boolean {
    return this.#lists.has(conversationId);
  }

  typing(conversationId: string): ReadableAtom<boolean> {
    let store = this.#typing.get(conversationId);
    if (!store) {
      store = atom(false);
      this.#typing.set(conversationId, store);
    }
    return store;
  }

  setTyping(conversationId: string, on: boolean): void {
    (this.typing(conversationId) as WritableAtom<boolean>).set(on);
  }

  /** Batched per task: a backfill of thousands of messages costs one copy of the list, not one each. */
  received(message: Message): void {
    const list = this.#inbox.get(message.conversationId);
    if (list) list.push(message);
    else this.#inbox.set(message.conversationId, [message]);
    if (!this.#inboxScheduled) {
      this.#inboxScheduled = true;
      queueMicrotask(() => this.flush());
    }
    if (message.author === 'customer') {
      this.#typing.get(message.conversationId)?.set(false);
      this.#hooks.customerWrote(message.conversationId, message.at);
    }
  }

  /** Applies messages still waiting in the batch (before anything may refer to them). */
  flush(): void {
    this.#inboxScheduled = false;
    if (this.#inbox.size === 0) return;
    const inbox = this.#inbox;
    this.#inbox = new Map();
    for (const [conversationId, messages] of inbox) this.merge(conversationId, messages);
  }

  status(event: MessageStatusEvent): void {
    // The client id may belong to another tab or a previous session: fall back to the server id.
    const current =
      (event.clientId === undefined ? undefined : this.find(event.conversationId, event.clientId)) ??
      (event.messageId === undefined ? undefined : this.find(event.conversationId, event.messageId));
    if (current) this.replace(this.withStatus(current, event.status));
  }

  receipt(event: ReceiptEvent): void {
    const store = this.#lists.get(event.conversationId);
    if (!store) return;
    // A failed send never reached the customer, whatever its local time says.
    const changed: Message[] = [];
    const updated = store.get().map((m) => {
      // Only what the backend acknowledged can have reached the customer: not a message still in
      // the outbox (sending) nor one that failed, whatever its local time says.
      if (m.author !== 'agent' || m.status === 'failed' || m.status === 'sending' || m.at > event.watermark) return m;
      const next = this.withStatus(m, event.status);
      if (next !== m) changed.push(next);
      return next;
    });
    if (changed.length > 0) {
      store.set(updated);
      this.#persist(changed);
    }
  }

  reaction(event: ReactionEvent): void {
    const current = this.find(event.conversationId, event.messageId);
    if (!current) return;
    const others = (current.reactions ?? []).filter((r) => !(r.by === event.reaction.by && r.emoji === event.reaction.emoji));
    this.replace({ ...current, reactions: event.action === 'react' ? [...others, event.reaction] : others });
  }

  edited(event: EditEvent): void {
    const current = this.find(event.conversationId, event.messageId);
    // Only the customer edits on Messenger: an edit never rewrites what the agent sent.
    if (current?.author !== 'customer') return;
    this.replace({ ...current, text: event.text, editedAt: event.at });
    this.#hooks.customerEdited?.(event.conversationId);
  }

  withStatus(message: Message, status: MessageStatus): Message {
    if (message.status === 'failed' && status !== 'failed') {
      const { error: _cleared, ...rest } = message;
      return { ...rest, status };
    }
    return statusRank[status] > statusRank[message.status ?? 'sending'] ? { ...message, status } : message;
  }

  find(conversationId: string, key: string): Message | undefined {
    const list = this.#list(conversationId).get();
    for (let i = list.length - 1; i >= 0; i--) {
      const m = list[i]!;
      if (m.id === key || m.clientId === key) return m;
    }
    return undefined;
  }

  /** Marks a server id as known, so its echo is dropped. */
  see(conversationId: string, id: string): void {
    this.#list(conversationId);
    this.#seen.get(conversationId)!.add(id);
  }

  /** Adds messages, dropping ones already seen (server id or client id), keeping time order. */
  merge(conversationId: string, incoming: readonly Message[], persist = true): void {
    const store = this.#list(conversationId);
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

  replace(message: Message): void {
    const store = this.#lists.get(message.conversationId);
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

  /** Shows what storage kept of a conversation (after a reload), without writing it back. */
  async hydrate(conversationId: string): Promise<void> {
    const [stored, { messageOf }] = await Promise.all([(await this.#ctx.storage).getTranscript(conversationId), loadValidator()]);
    // What an older version stored is checked like anything from the transport.
    const valid = stored.flatMap((m) => {
      try {
        return [messageOf(m)];
      } catch {
        return [];
      }
    });
    if (valid.length > 0) this.merge(conversationId, valid, false);
  }

  #list(conversationId: string): WritableAtom<readonly Message[]> {
    let store = this.#lists.get(conversationId);
    if (!store) {
      store = atom<readonly Message[]>([]);
      // Reading never misses a message that arrived earlier in the same task.
      const read = store.get.bind(store);
      store.get = () => {
        if (this.#inbox.size > 0) this.flush();
        return read();
      };
      this.#lists.set(conversationId, store);
      this.#seen.set(conversationId, new Set());
    }
    return store;
  }

  #persist(messages: readonly Message[]): void {
    for (const m of messages) this.#pendingWrites.push(m);
    if (this.#writing) return;
    this.#writing = this.#ctx.track(
      new Promise<void>((resolve) => {
        setTimeout(() => void this.#writeAll().finally(resolve), 50);
      }),
    );
  }

  /** Writes in slices so a large backfill never holds the main thread for more than a frame. */
  async #writeAll(): Promise<void> {
    while (this.#pendingWrites.length > 0) {
      const batch = this.#pendingWrites.splice(0, 500);
      await (await this.#ctx.storage).putMessages(batch).catch(() => undefined);
      // Indexed as it is stored, so a message is searchable as soon as it is kept.
      this.#hooks.stored(batch);
      if (this.#pendingWrites.length > 0) await new Promise((resolve) => setTimeout(resolve, 0));
    }
    this.#writing = undefined;
  }
}
