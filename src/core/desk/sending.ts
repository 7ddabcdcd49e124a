import { DeskError } from '../errors.js';
import type { AttachmentRef, Message } from '../model.js';
import { Outbox } from '../outbox.js';
import { MAX_MESSAGE_LENGTH, sendBlock } from '../rules.js';
import type { OutboxEntry } from '../storage.js';
import { createClientId, TransportError, type TransportErrorCode } from '../transport.js';
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
    ...(message.replyTo ? { replyTo: message.replyTo } : {}),
    ...(message.author === 'system' ? { automated: true } : {}),
  };
}

/** What the backend answered to a send. */
type Ack = { messageId: string; at: number };

/** How the composer sends: its draft is deleted with the outbox write, and it hears when that is done. */
export interface SendOptions {
  clearDraft?: boolean;
  /**
   * A message the desk sends on its own (the privacy notice): shown as a system message, sent as
   * `automated`, under this fixed client id so that every tab and reload sends the same one.
   */
  automatedId?: string;
  /** The customer message the agent quotes. */
  replyTo?: string;
  stored?(): void;
}

/** What one tab tells the others of the same agent. */
type ChannelMessage =
  | { type: 'sent'; conversationId: string; text: string }
  | { type: 'delivered'; conversationId: string; clientId: string; messageId: string; at: number };

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
  #waiters = new Map<string, { resolve: (message: Message) => void; sent: Message }[]>();
  #channel: BroadcastChannel | undefined;
  #remoteListeners = new Set<(conversationId: string, text: string) => void>();
  #idle: { promise: Promise<void>; resolve: () => void } | undefined;
  readonly #timeoutMs: number;
  /** Aborted on dispose: sends in flight and waits for another tab's send lock. */
  readonly #stop = new AbortController();
  /** Outcomes of sends another tab made, by client id (the latest few hundred). */
  #heard = new Map<string, Ack>();

  constructor(ctx: SliceContext, messages: MessagesSlice, options: { maxAttempts?: number | undefined; timeoutMs: number }) {
    const { maxAttempts } = options;
    this.#ctx = ctx;
    this.#messages = messages;
    this.#timeoutMs = options.timeoutMs;
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

  async send(conversationId: string, text: string, attachments: readonly AttachmentRef[] = [], options: SendOptions = {}): Promise<Message> {
    const conversation = this.#ctx.conversation(conversationId);
    const block = sendBlock(conversation, this.#ctx.now(), text, attachments.length);
    if (block) throw new DeskError(block, refusals[block]);
    const body = text.trim();
    const clientId = options.automatedId ?? createClientId();
    const message: Message = {
      id: clientId,
      clientId,
      conversationId,
      author: options.automatedId ? 'system' : 'agent',
      kind: options.automatedId ? 'system' : attachments.length > 0 && !body ? 'attachment' : 'text',
      at: this.#ctx.now(),
      status: 'sending',
      ...(body ? { text } : {}),
      ...(attachments.length > 0 ? { attachments: [...attachments] } : {}),
      ...(options.replyTo ? { replyTo: options.replyTo } : {}),
    };
    this.#messages.merge(conversationId, [message]);
    // Durable before anything goes out: a reload or a crash from here on cannot lose it.
    const settled = this.#settled(message);
    if (!(await this.#store(outboxEntryOf(message), options.clearDraft ? { clearDraft: true } : undefined))) return settled;
    options.stored?.();
    this.#post({ type: 'sent', conversationId, text });
    return settled;
  }

  async retry(conversationId: string, clientId: string): Promise<Message> {
    const message = this.#messages.list(conversationId).get().find((m) => m.clientId === clientId);
    if (!message) throw new DeskError('unknown-conversation', `No message "${clientId}" in "${conversationId}".`);
    if (message.status !== 'failed') return message;
    const { error: _ignored, ...rest } = message;
    this.#messages.replace({ ...rest, status: 'sending' });
    const settled = this.#settled({ ...rest, status: 'sending' });
    try {
      // Not in the outbox (never stored, or failed in another session before it had one): store it again.
      if (!(await this.#ctx.track(this.#outbox.retry(clientId)))) await this.#store(outboxEntryOf(message));
    } catch {
      this.#notStored(outboxEntryOf(message));
    }
    return settled;
  }

  /**
   * A conversation's stored messages were read back. One that storage kept as sending while no
   * outbox holds it any more (the page went away between the two writes) would wait forever: it
   * shows failed, and Retry sends it again under the same client id (the backend drops a duplicate).
   */
  async hydrated(conversationId: string): Promise<void> {
    await this.#restored;
    const stuck = (clientId: string | undefined): clientId is string =>
      clientId !== undefined && !this.#outbox.has(clientId) && !this.#waiters.has(clientId) && this.#messages.find(conversationId, clientId)?.status === 'sending';
    if (!this.#messages.list(conversationId).get().some((m) => m.author === 'agent' && stuck(m.clientId))) return;
    // Another tab may be sending it right now: its outcome comes through the channel.
    const shared = await (await this.#ctx.storage).getOutbox();
    for (const m of this.#messages.list(conversationId).get()) {
      if (m.author === 'agent' && stuck(m.clientId) && !shared.some((e) => e.clientId === m.clientId)) {
        this.#notStored({ ...outboxEntryOf(m), state: 'failed' });
      }
    }
  }

  onRemoteSend(listener: (conversationId: string, text: string) => void): () => void {
    this.#remoteListeners.add(listener);
    return () => this.#remoteListeners.delete(listener);
  }

  dispose(): void {
    this.#channel?.close();
    this.#channel = undefined;
    this.#outbox.dispose();
    this.#stop.abort();
    // A send still waiting (offline, or for its answer) settles with what is known: nothing hangs.
    for (const [clientId, waiters] of this.#waiters) {
      for (const { resolve, sent } of waiters) resolve(this.#messages.find(sent.conversationId, clientId) ?? sent);
    }
    this.#waiters.clear();
    this.#idle?.resolve();
  }

  /**
   * Writes the entry to the outbox; true once it is stored. When storage cannot take it, nothing
   * was kept, so nothing is sent: the message shows failed, and Retry stores it again.
   */
  async #store(entry: OutboxEntry, options?: { clearDraft: boolean }): Promise<boolean> {
    try {
      await this.#ctx.track(this.#outbox.enqueue(entry, options));
      return true;
    } catch {
      this.#notStored(entry);
      return false;
    }
  }

  #notStored(entry: OutboxEntry): void {
    const error = new TransportError('unavailable', 'The message could not be kept on this device.');
    this.#onFailed({ ...entry, state: 'failed', error: { code: error.code, message: error.message, retryable: true } });
  }

  #post(message: ChannelMessage): void {
    try {
      this.#channel?.postMessage(message);
    } catch {
      // Another tab not hearing of it is harmless: it waits for the lock, then checks the outbox.
    }
  }

  #openChannel(): void {
    if (typeof BroadcastChannel === 'undefined') return;
    this.#channel = new BroadcastChannel(`cc-desk:${this.#ctx.agent.id}`);
    this.#channel.onmessage = (event: MessageEvent<ChannelMessage>) => {
      const data = event.data;
      if (data?.type === 'delivered') return this.#deliveredElsewhere(data);
      if (data?.type !== 'sent') return;
      this.#ctx.emit({ type: 'remote-send', conversationId: data.conversationId, text: data.text });
      for (const listener of this.#remoteListeners) listener(data.conversationId, data.text);
    };
  }

  /** Another tab sent one of this agent's messages: if this tab shows it, it shows it sent, and will not send it. */
  #deliveredElsewhere({ conversationId, clientId, messageId, at }: ChannelMessage & { type: 'delivered' }): void {
    this.#heard.set(clientId, { messageId, at });
    if (this.#heard.size > 500) this.#heard.delete(this.#heard.keys().next().value!);
    const current = this.#messages.find(conversationId, clientId);
    // A copy this tab wrote back while the other one was sending must not be sent after a reload.
    if (this.#outbox.forget(clientId)) void this.#ctx.track(this.#ctx.storage.then((s) => s.deleteOutbox(clientId))).catch(() => undefined);
    if (current && (current.status === 'sending' || current.status === 'failed' || current.id === clientId)) {
      this.#onSent({ conversationId, clientId }, { messageId, at });
    }
  }

  /** Resolves with the message once it is acknowledged, has failed for good, or the desk goes away. */
  #settled(sent: Message): Promise<Message> {
    return new Promise((resolve) => {
      const waiter = { resolve, sent };
      const list = this.#waiters.get(sent.clientId!);
      if (list) list.push(waiter);
      else this.#waiters.set(sent.clientId!, [waiter]);
    });
  }

  #settle(conversationId: string, clientId: string): void {
    const message = this.#messages.find(conversationId, clientId);
    const waiters = this.#waiters.get(clientId);
    this.#waiters.delete(clientId);
    // Every waiter settles, even if the message left the list meanwhile.
    for (const { resolve, sent } of waiters ?? []) resolve(message ?? sent);
    if (this.#waiters.size === 0 && this.#idle) {
      this.#idle.resolve();
      this.#idle = undefined;
    }
  }

  /**
   * Sends one outbox entry. Another tab of the same CRM may hold the same outbox, so one tab sends a
   * message at a time (a Web Lock per client id); a tab that finds it taken waits for the lock and
   * then takes the other tab's outcome instead of sending again.
   */
  async #sendEntry(entry: OutboxEntry): Promise<Ack> {
    const locks = (globalThis.navigator as { locks?: LockManager } | undefined)?.locks;
    if (!locks) return this.#execute(entry);
    const name = `cc-send:${entry.clientId}`;
    const mine = await locks.request(name, { ifAvailable: true }, (lock) => (lock ? this.#sendHolding(entry) : undefined));
    return mine ?? locks.request(name, { signal: this.#stop.signal }, () => this.#afterOtherTab(entry));
  }

  /** Sends while holding the lock; the outcome is told and the entry deleted before the lock is released. */
  async #sendHolding(entry: OutboxEntry): Promise<Ack> {
    const heard = this.#heard.get(entry.clientId);
    if (heard) return heard;
    const ack = await this.#execute(entry);
    this.#post({ type: 'delivered', conversationId: entry.conversationId, clientId: entry.clientId, messageId: ack.messageId, at: ack.at });
    await (await this.#ctx.storage).deleteOutbox(entry.clientId).catch(() => undefined);
    return ack;
  }

  /** The other tab let go of the message: what became of it? */
  async #afterOtherTab(entry: OutboxEntry): Promise<Ack> {
    const heard = this.#heard.get(entry.clientId);
    if (heard) return heard;
    const stored = await (await this.#ctx.storage).getOutbox().catch(() => undefined);
    const other = stored?.find((e) => e.clientId === entry.clientId);
    // Gone from the shared outbox: the other tab sent it (its server id comes with its message).
    if (stored && !other) return { messageId: entry.clientId, at: this.#ctx.now() };
    if (other?.state === 'failed') {
      const error = other.error ?? { code: 'internal', message: 'The send failed in another tab.' };
      throw new TransportError(error.code as TransportErrorCode, error.message, { retryable: false });
    }
    return this.#sendHolding(entry);
  }

  /** One `message.send`, aborted after the send timeout (a retryable `timeout`) or when the desk goes away. */
  #execute(entry: OutboxEntry): Promise<Ack> {
    const abort = new AbortController();
    const stop = (): void => abort.abort(new TransportError('aborted', 'The desk was disposed.', { retryable: false }));
    this.#stop.signal.addEventListener('abort', stop);
    const timer = setTimeout(
      () => abort.abort(new TransportError('timeout', `No answer to the send within ${this.#timeoutMs} ms.`)),
      this.#timeoutMs,
    );
    const aborted = new Promise<never>((_resolve, reject) => {
      abort.signal.addEventListener('abort', () => reject(abort.signal.reason as Error));
    });
    const answer = this.#ctx.transport.execute(
      {
        type: 'message.send',
        conversationId: entry.conversationId,
        clientId: entry.clientId,
        ...(entry.text !== undefined ? { text: entry.text } : {}),
        ...(entry.attachments ? { attachments: entry.attachments } : {}),
        ...(entry.replyTo ? { replyTo: entry.replyTo } : {}),
        ...(entry.automated ? { automated: true } : {}),
      },
      { signal: abort.signal },
    );
    // A transport that ignores the signal cannot hold the conversation: the race ends at the timeout.
    return Promise.race([answer, aborted]).finally(() => {
      clearTimeout(timer);
      this.#stop.signal.removeEventListener('abort', stop);
    });
  }

  #onSent(entry: Pick<OutboxEntry, 'conversationId' | 'clientId'>, ack: Ack): void {
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
            author: entry.automated ? 'system' : 'agent',
            kind: entry.automated ? 'system' : entry.attachments?.length && !entry.text ? 'attachment' : 'text',
            at: entry.at,
            status: entry.state === 'failed' ? 'failed' : 'sending',
            ...(entry.text !== undefined ? { text: entry.text } : {}),
            ...(entry.attachments ? { attachments: entry.attachments } : {}),
            ...(entry.replyTo ? { replyTo: entry.replyTo } : {}),
            ...(entry.error ? { error: entry.error } : {}),
          },
        ],
        false,
      );
    }
    if (this.#ctx.$connection.get() === 'online') this.#outbox.kick();
  }
}
