import type { DBSchema, IDBPDatabase } from 'idb';
import type { Message } from './model.js';

/** What the desk persists. One implementation over IndexedDB, one in memory. */
export interface Storage {
  /** `indexeddb`, or `memory` when IndexedDB was unavailable (private mode, blocked). */
  readonly kind: 'indexeddb' | 'memory';
  getDraft(conversationId: string): Promise<string | undefined>;
  setDraft(conversationId: string, text: string): Promise<void>;
  getTranscript(conversationId: string): Promise<Message[]>;
  putMessages(messages: readonly Message[]): Promise<void>;
  close(): void;
}

interface DeskDB extends DBSchema {
  drafts: { key: string; value: { conversationId: string; text: string; at: number } };
  transcripts: { key: [string, string]; value: Message & { storeKey: string }; indexes: { byConversation: [string, number] } };
}

const DB_VERSION = 1;

export function createMemoryStorage(): Storage {
  const drafts = new Map<string, string>();
  const messages = new Map<string, Message>();
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
    close() {
      db.close();
    },
  };
}
