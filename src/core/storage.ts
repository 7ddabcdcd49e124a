import type { DBSchema, IDBPDatabase } from 'idb';
import type { AttachmentRef, Conversation, Message } from './model.js';

/** An agent message not yet acknowledged by the backend. Survives reloads; keyed by its client id. */
export interface OutboxEntry {
  clientId: string;
  conversationId: string;
  text?: string;
  attachments?: AttachmentRef[];
  /** When the agent sent it, epoch ms. */
  at: number;
  /** `failed`: gave up retrying on its own; waits for the agent's Retry. */
  state: 'pending' | 'failed';
  attempts: number;
  error?: { code: string; message: string; retryable: boolean };
}

/** A stored message with its storage key (client id when it has one, else server id). */
export type StoredMessage = Message & { storeKey: string };

/** What the desk persists. One implementation over IndexedDB, one in memory. */
export interface Storage {
  /** `indexeddb`, or `memory` when IndexedDB was unavailable (private mode, blocked). */
  readonly kind: 'indexeddb' | 'memory';
  getDraft(conversationId: string): Promise<string | undefined>;
  setDraft(conversationId: string, text: string): Promise<void>;
  getTranscript(conversationId: string): Promise<Message[]>;
  putMessages(messages: readonly Message[]): Promise<void>;
  /** Reads stored messages in key order, `limit` at a time, after the key `after` (all when undefined). */
  scanMessages(after: [string, string] | undefined, limit: number): Promise<StoredMessage[]>;
  /** Conversations seen by the desk, kept for search filters and read-only transcripts. */
  putConversations(conversations: readonly Conversation[]): Promise<void>;
  getConversations(): Promise<Conversation[]>;
  /** Small key-value store for the desk's own data (e.g. the search index snapshot). */
  getValue<T>(key: string): Promise<T | undefined>;
  setValue(key: string, value: unknown): Promise<void>;
  /** Unsent agent messages, oldest first. */
  getOutbox(): Promise<OutboxEntry[]>;
  putOutbox(entry: OutboxEntry): Promise<void>;
  deleteOutbox(clientId: string): Promise<void>;
  close(): void;
}

interface DeskDB extends DBSchema {
  drafts: { key: string; value: { conversationId: string; text: string; at: number } };
  transcripts: { key: [string, string]; value: StoredMessage; indexes: { byConversation: [string, number] } };
  conversations: { key: string; value: Conversation };
  values: { key: string; value: { key: string; value: unknown } };
  outbox: { key: string; value: OutboxEntry };
}

const DB_VERSION = 3;

const byTime = (a: OutboxEntry, b: OutboxEntry): number => a.at - b.at;

const compareKeys = (a: [string, string], b: [string, string]): number =>
  a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;

export function createMemoryStorage(): Storage {
  const drafts = new Map<string, string>();
  const messages = new Map<string, Message>();
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
      for (const m of list) messages.set(`${m.conversationId}/${m.clientId ?? m.id}`, m);
    },
    async scanMessages(after, limit) {
      const all = [...messages.values()]
        .map((m) => ({ ...m, storeKey: m.clientId ?? m.id }))
        .sort((a, b) => compareKeys([a.conversationId, a.storeKey], [b.conversationId, b.storeKey]));
      const start = after ? all.findIndex((m) => compareKeys([m.conversationId, m.storeKey], after) > 0) : 0;
      return start < 0 ? [] : all.slice(start, start + limit);
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
    async putOutbox(entry) {
      outbox.set(entry.clientId, structuredClone(entry));
    },
    async deleteOutbox(clientId) {
      outbox.delete(clientId);
    },
    close() {},
  };
}

/**
 * IndexedDB storage. Resolves to memory storage when IndexedDB cannot be opened,
 * so the desk keeps working and reports `kind: 'memory'`.
 */
export async function openStorage(name = 'contact-center-elements'): Promise<Storage> {
  if (typeof indexedDB === 'undefined') return createMemoryStorage();
  let db: IDBPDatabase<DeskDB>;
  try {
    const { openDB } = await import('idb');
    db = await openDB<DeskDB>(name, DB_VERSION, {
      upgrade(database, oldVersion) {
        if (oldVersion < 1) {
          database.createObjectStore('drafts', { keyPath: 'conversationId' });
          const transcripts = database.createObjectStore('transcripts', { keyPath: ['conversationId', 'storeKey'] });
          transcripts.createIndex('byConversation', ['conversationId', 'at']);
        }
        if (oldVersion < 2) {
          database.createObjectStore('conversations', { keyPath: 'id' });
          database.createObjectStore('values', { keyPath: 'key' });
        }
        if (oldVersion < 3) database.createObjectStore('outbox', { keyPath: 'clientId' });
      },
      blocking() {
        // Another CRM tab is upgrading the schema: let it.
        db.close();
      },
    });
  } catch {
    return createMemoryStorage();
  }
  return {
    kind: 'indexeddb',
    async getDraft(id) {
      return (await db.get('drafts', id))?.text;
    },
    async setDraft(id, text) {
      if (text) await db.put('drafts', { conversationId: id, text, at: Date.now() });
      else await db.delete('drafts', id);
    },
    async getTranscript(id) {
      const rows = await db.getAllFromIndex('transcripts', 'byConversation', IDBKeyRange.bound([id, -Infinity], [id, Infinity]));
      return rows.map(({ storeKey: _key, ...message }) => message);
    },
    async putMessages(list) {
      if (list.length === 0) return;
      const tx = db.transaction('transcripts', 'readwrite');
      // One message is stored once, under its client id when it has one (its server id arrives later).
      await Promise.all([...list.map((m) => tx.store.put({ ...m, storeKey: m.clientId ?? m.id })), tx.done]);
    },
    async scanMessages(after, limit) {
      const range = after ? IDBKeyRange.lowerBound(after, true) : undefined;
      return db.getAll('transcripts', range, limit);
    },
    async putConversations(list) {
      if (list.length === 0) return;
      const tx = db.transaction('conversations', 'readwrite');
      await Promise.all([...list.map((c) => tx.store.put(c)), tx.done]);
    },
    async getConversations() {
      return db.getAll('conversations');
    },
    async getValue<T>(key: string) {
      return (await db.get('values', key))?.value as T | undefined;
    },
    async setValue(key, value) {
      await db.put('values', { key, value });
    },
    async getOutbox() {
      return (await db.getAll('outbox')).sort(byTime);
    },
    async putOutbox(entry) {
      await db.put('outbox', entry);
    },
    async deleteOutbox(clientId) {
      await db.delete('outbox', clientId);
    },
    close() {
      db.close();
    },
  };
}
