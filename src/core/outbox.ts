import type { OutboxEntry, Storage } from './storage.js';
import { toTransportError, type TransportError } from './transport.js';

/** Automatic attempts (while connected) before a message is marked failed and waits for Retry. */
export const MAX_AUTOMATIC_ATTEMPTS = 6;

/** Exponential backoff with jitter: 0.5 s, 1 s, 2 s … capped at 30 s, each scaled by 50–100 %. */
export function backoff(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(30_000, 500 * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling * (0.5 + random() * 0.5));
}

export interface OutboxHooks {
  storage: Promise<Storage>;
  /** Sends one entry (message.send with its client id). */
  send(entry: OutboxEntry): Promise<{ messageId: string; at: number }>;
  /** Whether sending can be tried now (the connection is up). */
  online(): boolean;
  sent(entry: OutboxEntry, ack: { messageId: string; at: number }): void;
  failed(entry: OutboxEntry): void;
  random?: () => number;
  /** Automatic attempts before a message is marked failed. Default MAX_AUTOMATIC_ATTEMPTS. */
  maxAttempts?: number;
}

/**
 * Unsent agent messages, kept in storage under their client ids so they survive a reload. Each
 * conversation's queue is sent one message at a time, oldest first, so the customer reads them in
 * the order written; a retry reuses the client id, so the backend never stores one twice.
 */
export class Outbox {
  #hooks: OutboxHooks;
  #queues = new Map<string, OutboxEntry[]>();
  #running = new Set<string>();
  #timers = new Map<string, ReturnType<typeof setTimeout>>();
  #disposed = false;

  constructor(hooks: OutboxHooks) {
    this.#hooks = hooks;
  }

  /** Entries waiting, in every conversation. */
  get size(): number {
    let n = 0;
    for (const queue of this.#queues.values()) n += queue.length;
    return n;
  }

  /** Reads what an earlier page left unsent; the desk shows them and sends them once connected. */
  async restore(): Promise<OutboxEntry[]> {
    const entries = await (await this.#hooks.storage).getOutbox();
    for (const entry of entries) this.#queue(entry.conversationId).push(entry);
    return entries;
  }

  /**
   * Keeps the message durably, then sends it when its turn comes. Rejects, and keeps nothing, when
   * storage could not take it. `clearDraft` deletes the conversation's draft in the same write.
   */
  async enqueue(entry: OutboxEntry, options?: { clearDraft?: boolean }): Promise<void> {
    await (await this.#hooks.storage).putOutbox(entry, options);
    this.#queue(entry.conversationId).push(entry);
    this.#drain(entry.conversationId);
  }

  /**
   * The agent's Retry: back into the queue with a fresh attempt count and the same client id.
   * False when the entry is not here; rejects, leaving it failed, when storage cannot take it.
   */
  async retry(clientId: string): Promise<boolean> {
    for (const [conversationId, queue] of this.#queues) {
      const entry = queue.find((e) => e.clientId === clientId);
      if (!entry) continue;
      if (entry.state === 'failed') {
        const before = { ...entry };
        entry.state = 'pending';
        entry.attempts = 0;
        delete entry.error;
        try {
          await (await this.#hooks.storage).putOutbox(entry);
        } catch (error) {
          // Not stored again: it stays failed, as it was.
          Object.assign(entry, before);
          throw error;
        }
      }
      this.#drain(conversationId);
      return true;
    }
    return false;
  }

  /** Whether an entry with this client id is waiting here (pending or failed). */
  has(clientId: string): boolean {
    for (const queue of this.#queues.values()) if (queue.some((e) => e.clientId === clientId)) return true;
    return false;
  }

  /** Drops an entry another tab has sent (its outcome is known); returns whether it was here. */
  forget(clientId: string): boolean {
    for (const queue of this.#queues.values()) {
      const index = queue.findIndex((e) => e.clientId === clientId);
      if (index >= 0) {
        queue.splice(index, 1);
        return true;
      }
    }
    return false;
  }

  /** Tries every queue now (e.g. after a reconnect). */
  kick(): void {
    for (const [conversationId, timer] of this.#timers) {
      clearTimeout(timer);
      this.#timers.delete(conversationId);
    }
    for (const conversationId of this.#queues.keys()) this.#drain(conversationId);
  }

  dispose(): void {
    this.#disposed = true;
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
  }

  #queue(conversationId: string): OutboxEntry[] {
    let queue = this.#queues.get(conversationId);
    if (!queue) {
      queue = [];
      this.#queues.set(conversationId, queue);
    }
    return queue;
  }

  #drain(conversationId: string): void {
    if (this.#running.has(conversationId) || this.#timers.has(conversationId) || this.#disposed) return;
    this.#running.add(conversationId);
    void this.#run(conversationId).finally(() => {
      this.#running.delete(conversationId);
      // Something enqueued while this run was finishing gets its own run.
      if (this.#hooks.online() && this.#queue(conversationId).some((e) => e.state === 'pending')) this.#drain(conversationId);
    });
  }

  async #run(conversationId: string): Promise<void> {
    const queue = this.#queue(conversationId);
    for (;;) {
      const entry = queue.find((e) => e.state === 'pending');
      if (!entry || !this.#hooks.online() || this.#disposed) return;
      let error: TransportError;
      try {
        const ack = await this.#hooks.send(entry);
        // A desk that went away (a reload) leaves the entry to the next page.
        if (this.#disposed) return;
        const index = queue.indexOf(entry);
        if (index >= 0) queue.splice(index, 1);
        await (await this.#hooks.storage).deleteOutbox(entry.clientId).catch(() => undefined);
        this.#hooks.sent(entry, ack);
        continue;
      } catch (thrown) {
        error = toTransportError(thrown);
      }
      if (this.#disposed) return;
      // Another tab sent it meanwhile (see forget): nothing left to do for this one.
      if (!queue.includes(entry)) continue;
      entry.error = { code: error.code, message: error.message, retryable: error.retryable };
      // While the connection is down nothing counts as an attempt: the reconnect sends it.
      if (error.retryable && !this.#hooks.online()) return;
      entry.attempts++;
      if (!error.retryable || entry.attempts >= (this.#hooks.maxAttempts ?? MAX_AUTOMATIC_ATTEMPTS)) {
        entry.state = 'failed';
        await (await this.#hooks.storage).putOutbox(entry).catch(() => undefined);
        this.#hooks.failed(entry);
        continue;
      }
      await (await this.#hooks.storage).putOutbox(entry).catch(() => undefined);
      // Later messages wait behind this one, so the order the agent wrote is the order sent.
      const timer = setTimeout(() => {
        this.#timers.delete(conversationId);
        this.#drain(conversationId);
      }, backoff(entry.attempts, this.#hooks.random));
      this.#timers.set(conversationId, timer);
      return;
    }
  }
}
