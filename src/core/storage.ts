import type { AttachmentRef, Conversation, Message } from './model.js';

/** An agent message not yet acknowledged by the backend. Survives reloads; keyed by its client id. */
export interface OutboxEntry {
  clientId: string;
  conversationId: string;
  /** Sent by the desk on its own (the privacy notice). */
  automated?: boolean;
  text?: string;
  attachments?: AttachmentRef[];
  /** The message it quotes. */
  replyTo?: string;
  /** When the agent sent it, epoch ms. */
  at: number;
  /** `failed`: gave up retrying on its own; waits for the agent's Retry. */
  state: 'pending' | 'failed';
  attempts: number;
  error?: { code: string; message: string; retryable: boolean };
}

/**
 * A stored message with its storage key (client id when it has one, else server id) and, where
 * the storage numbers its writes, its change number (see `Storage.latestChange`).
 */
export type StoredMessage = Message & { storeKey: string; change?: number };

/**
 * Why a storage keeps only memory although IndexedDB was wanted: IndexedDB was `unavailable`
 * (private mode, no permission, a newer schema), `blocked` by another tab that keeps an older
 * version open, `closed` under this tab and not reopened, `full` (quota exceeded), or a write
 * `failed` otherwise.
 */
export type StorageFallbackReason = 'unavailable' | 'blocked' | 'closed' | 'full' | 'failed';

/** What the desk persists. One implementation over IndexedDB, one in memory. */
export interface Storage {
  /** `indexeddb`, or `memory` when IndexedDB was unavailable (private mode, blocked). */
  readonly kind: 'indexeddb' | 'memory';
  /** Set when this storage keeps only memory because IndexedDB could not be used. */
  readonly reason?: StorageFallbackReason;
  getDraft(conversationId: string): Promise<string | undefined>;
  setDraft(conversationId: string, text: string): Promise<void>;
  getTranscript(conversationId: string): Promise<Message[]>;
  putMessages(messages: readonly Message[]): Promise<void>;
  /** Reads stored messages in key order, `limit` at a time, after the key `after` (all when undefined). */
  scanMessages(after: [string, string] | undefined, limit: number): Promise<StoredMessage[]>;
  /**
   * Every message write takes the next change number (across tabs sharing the storage): the
   * highest so far, 0 before any. Absent, or rejecting, when this storage does not number its
   * writes; callers then read every stored message instead.
   */
  latestChange?(): Promise<number>;
  /** Messages last written after change `after`, in change order, `limit` at a time (go on from the last one's `change`). */
  scanChanges?(after: number, limit: number): Promise<StoredMessage[]>;
  /** Conversations seen by the desk, kept for search filters and read-only transcripts. */
  putConversations(conversations: readonly Conversation[]): Promise<void>;
  getConversations(): Promise<Conversation[]>;
  /** Small key-value store for the desk's own data (e.g. the search index snapshot). */
  getValue<T>(key: string): Promise<T | undefined>;
  setValue(key: string, value: unknown): Promise<void>;
  /** Unsent agent messages, oldest first. */
  getOutbox(): Promise<OutboxEntry[]>;
  /**
   * Keeps an unsent message. With `clearDraft`, the conversation's draft is deleted in the same
   * write, so a reload at any moment finds the text in exactly one of the two places.
   */
  putOutbox(entry: OutboxEntry, options?: { clearDraft?: boolean }): Promise<void>;
  deleteOutbox(clientId: string): Promise<void>;
  close(): void;
}

const byTime = (a: OutboxEntry, b: OutboxEntry): number => a.at - b.at;

const compareKeys = (a: [string, string], b: [string, string]): number =>
  a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;

export function createMemoryStorage(): Storage {
  const drafts = new Map<string, string>();
  const messages = new Map<string, Message>();
  const changes = new Map<string, number>();
  let change = 0;
  const conversations = new Map<string, Conversation>();
  const values = new Map<string, unknown>();
  const outbox = new Map<string, OutboxEntry>();
  return {
    kind: 'memory',
    async getDraft(id) {
      return drafts.get(id);
    },
    async setDraft(id, text) {
      if (text) drafts.set(id, text);
      else drafts.delete(id);
    },
    async getTranscript(id) {
      return [...messages.values()].filter((m) => m.conversationId === id).sort((a, b) => a.at - b.at);
    },
    async putMessages(list) {
      for (const m of list) {
        const key = `${m.conversationId}/${m.clientId ?? m.id}`;
        messages.set(key, m);
        changes.set(key, ++change);
      }
    },
    async scanMessages(after, limit) {
      const all = [...messages.values()]
        .map((m) => ({ ...m, storeKey: m.clientId ?? m.id }))
        .sort((a, b) => compareKeys([a.conversationId, a.storeKey], [b.conversationId, b.storeKey]));
      const start = after ? all.findIndex((m) => compareKeys([m.conversationId, m.storeKey], after) > 0) : 0;
      return start < 0 ? [] : all.slice(start, start + limit);
    },
    async latestChange() {
      return change;
    },
    async scanChanges(after, limit) {
      return [...changes]
        .filter(([, at]) => at > after)
        .sort((a, b) => a[1] - b[1])
        .slice(0, limit)
        .map(([key, at]) => ({ ...messages.get(key)!, storeKey: messages.get(key)!.clientId ?? messages.get(key)!.id, change: at }));
    },
    async putConversations(list) {
      for (const c of list) conversations.set(c.id, c);
    },
    async getConversations() {
      return [...conversations.values()];
    },
    async getValue<T>(key: string) {
      return values.get(key) as T | undefined;
    },
    async setValue(key, value) {
      values.set(key, value);
    },
    async getOutbox() {
      return [...outbox.values()].map((e) => structuredClone(e)).sort(byTime);
    },
    async putOutbox(entry, options) {
      outbox.set(entry.clientId, structuredClone(entry));
      if (options?.clearDraft) drafts.delete(entry.conversationId);
    },
    async deleteOutbox(clientId) {
      outbox.delete(clientId);
    },
    close() {},
  };
}

/** How long `openStorage` waits before it keeps memory instead. */
export interface OpenStorageOptions {
  /** Milliseconds to wait while another tab blocks the upgrade (keeps an older version open). Default 3000. */
  blockedTimeout?: number;
  /** Milliseconds to wait for the database to open at all. Default 10000. */
  openTimeout?: number;
}

const memoryBecause = (reason: StorageFallbackReason): Storage => ({ ...createMemoryStorage(), reason });

/**
 * IndexedDB storage. Resolves to memory storage when IndexedDB cannot be opened (or another tab
 * blocks the upgrade for longer than `blockedTimeout`), so the desk keeps working and reports
 * `kind: 'memory'` with the `reason`. When the connection is closed under the page (a newer tab
 * upgraded the schema, the database was deleted, the browser ended it), the next operation opens
 * it again and retries once; if that fails the operation rejects, and the desk keeps memory.
 */
export async function openStorage(name = 'contact-center-elements', options: OpenStorageOptions = {}): Promise<Storage> {
  if (typeof indexedDB === 'undefined') return memoryBecause('unavailable');
  // The IndexedDB implementation (with idb) loads here, on first open; if it cannot load, memory.
  const indexedDb = await import('./storage-idb.js').catch(() => undefined);
  if (!indexedDb) return memoryBecause('unavailable');
  try {
    return await indexedDb.openIndexedDBStorage(name, options);
  } catch (error) {
    return memoryBecause((error as { reason?: StorageFallbackReason }).reason ?? 'unavailable');
  }
}
