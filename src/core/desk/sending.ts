import { DeskError } from '../errors.js';
import type { AttachmentRef, Message } from '../model.js';
import { Outbox } from '../outbox.js';
import { MAX_MESSAGE_LENGTH, sendBlock } from '../rules.js';
import type { OutboxEntry } from '../storage.js';
import { createClientId, TransportError } from '../transport.js';
import type { MessagesSlice } from './messages.js';
import { statusRank, type SliceContext } from './shared.js';


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

const refusals = {
  'not-active': 'Messages can be sent only in an Active conversation.',
  'window-closed': 'The Messenger reply window is closed.',
  'too-long': `Messages are limited to ${MAX_MESSAGE_LENGTH} characters.`,
  empty: 'There is nothing to send.',
} as const;

/**
 * Sending (F3): every agent message goes through a durable outbox, in order per conversation,
 * with retries and backoff, never twice (its client id is the idempotency key, and one tab sends
 * a message at a time); another tab of the same agent hears about each send.
 */
export class SendingSlice {
  readonly #ctx: SliceContext;
  readonly #messages: MessagesSlice;
  readonly #outbox: Outbox;
  readonly #restored: Promise<void>;
  #waiters = new Map<string, ((message: Message) => void)[]>();
  #channel: BroadcastChannel | undefined;
  #remoteListeners = new Set<(conversationId: string, text: string) => void>();
  #idle: { promise: Promise<void>; resolve: () => void } | undefined;

  constructor(ctx: SliceContext, messages: MessagesSlice, maxAttempts: number | undefined) {
    this.#ctx = ctx;
    this.#messages = messages;
    this.#outbox = new Outbox({
      storage: ctx.storage,
      send: (entry) => this.#sendEntry(entry),
      online: () => ctx.$connection.get() === 'online',
      sent: (entry, ack) => this.#onSent(entry, ack),
      failed: (entry) => this.#onFailed(entry),
      random: ctx.random,
      ...(maxAttempts !== undefined ? { maxAttempts: Math.max(1, maxAttempts) } : {}),
    });
    this.#restored = ctx.track(this.#restore().catch(() => undefined));
    this.#openChannel();
  }

  get size(): number {
    return this.#outbox.size;
  }

  /** Pending while the connection is up and the outbox still has messages to send. */
  pending(): Promise<void> | undefined {
    if (this.#ctx.$connection.get() !== 'online' || this.#waiters.size === 0) return undefined;
    this.#idle ??= (() => {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      return { promise, resolve };
    })();
    return this.#idle.promise;
  }

  onOnline(): void {
    void this.#restored.then(() => this.#outbox.kick());
  }

  async send(conversationId: string, text: string, attachments: readonly AttachmentRef[] = []): Promise<Message> {
    const conversation = this.#ctx.conversation(conversationId);
    const block = sendBlock(conversation, this.#ctx.now(), text, attachments.length);
    if (block) throw new DeskError(block, refusals[block]);
    const body = text.trim();
    const clientId = createClientId();
    const message: Message = {
      id: clientId,
      clientId,
      conversationId,
      author: 'agent',
      kind: attachments.length > 0 && !body ? 'attachment' : 'text',
      at: this.#ctx.now(),
      status: 'sending',
      ...(body ? { text } : {}),
      ...(attachments.length > 0 ? { attachments: [...attachments] } : {}),
    };
    this.#messages.merge(conversationId, [message]);
    // Durable before anything goes out: a reload or a crash from here on cannot lose it.
    const settled = this.#settled(clientId);
    await this.#ctx.track(this.#outbox.enqueue(outboxEntryOf(message)));
    this.#channel?.postMessage({ type: 'sent', conversationId, text });
    return settled;
  }

  async retry(conversationId: string, clientId: string): Promise<Message> {
    const message = this.#messages.list(conversationId).get().find((m) => m.clientId === clientId);
    if (!message) throw new DeskError('unknown-conversation', `No message "${clientId}" in "${conversationId}".`);
    if (message.status !== 'failed') return message;
    const { error: _ignored, ...rest } = message;
    this.#messages.replace({ ...rest, status: 'sending' });
    const settled = this.#settled(clientId);
    if (!(await this.#outbox.retry(clientId))) {
      // Not in the outbox (e.g. failed in another session before it had one): queue it again.
      await this.#outbox.enqueue(outboxEntryOf(message));
    }
    return settled;
  }

  onRemoteSend(listener: (conversationId: string, text: string) => void): () => void {
    this.#remoteListeners.add(listener);
    return () => this.#remoteListeners.delete(listener);
  }

  dispose(): void {
    this.#channel?.close();
    this.#outbox.dispose();
    this.#idle?.resolve();
  }

  #openChannel(): void {
    if (typeof BroadcastChannel === 'undefined') return;
    this.#channel = new BroadcastChannel(`cc-desk:${this.#ctx.agent.id}`);
    this.#channel.onmessage = (event: MessageEvent<{ type: string; conversationId: string; text: string }>) => {
      if (event.data?.type !== 'sent') return;
      this.#ctx.emit({ type: 'remote-send', conversationId: event.data.conversationId, text: event.data.text });
      for (const listener of this.#remoteListeners) listener(event.data.conversationId, event.data.text);
    };
  }

  /** Resolves with the message once it is acknowledged or has failed for good. */
  #settled(clientId: string): Promise<Message> {
    return new Promise((resolve) => {
      const list = this.#waiters.get(clientId);
      if (list) list.push(resolve);
      else this.#waiters.set(clientId, [resolve]);
    });
  }

  #settle(conversationId: string, clientId: string): void {
    const message = this.#messages.find(conversationId, clientId);
    const waiters = this.#waiters.get(clientId);
    this.#waiters.delete(clientId);
    if (message) for (const resolve of waiters ?? []) resolve(message);
    if (this.#waiters.size === 0 && this.#idle) {
      this.#idle.resolve();
      this.#idle = undefined;
    }
  }

  #sendEntry(entry: OutboxEntry): Promise<{ messageId: string; at: number }> {
    const send = () =>
      this.#ctx.transport.execute({
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
    const current = this.#messages.find(entry.conversationId, entry.clientId);
    if (current) {
      const { error: _ignored, ...rest } = current;
      this.#messages.see(entry.conversationId, ack.messageId);
      this.#messages.replace({
        ...rest,
        id: ack.messageId,
        status: statusRank[current.status ?? 'sending'] > statusRank.sent ? current.status! : 'sent',
      });
    }
    this.#settle(entry.conversationId, entry.clientId);
  }

  #onFailed(entry: OutboxEntry): void {
    const current = this.#messages.find(entry.conversationId, entry.clientId);
    if (current) this.#messages.replace({ ...current, status: 'failed', ...(entry.error ? { error: entry.error } : {}) });
    this.#settle(entry.conversationId, entry.clientId);
  }

  /** Shows what an earlier page left in the outbox, as sending (or failed), before it goes out. */
  async #restore(): Promise<void> {
    const entries = await this.#outbox.restore();
    for (const entry of entries) {
      this.#messages.merge(
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
    if (this.#ctx.$connection.get() === 'online') this.#outbox.kick();
  }
}
