import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Conversation } from './model.js';
import type { OpenStorageOptions, OutboxEntry, Storage, StorageFallbackReason, StoredMessage } from './storage.js';

// The IndexedDB storage, loaded with idb when `openStorage` first opens the database (./storage.ts
// keeps the memory storage and the fallback to it in the first load).

interface DeskDB extends DBSchema {
  drafts: { key: string; value: { conversationId: string; text: string; at: number } };
  transcripts: { key: [string, string]; value: StoredMessage; indexes: { byConversation: [string, number]; byChange: number } };
  conversations: { key: string; value: Conversation };
  values: { key: string; value: { key: string; value: unknown } };
  outbox: { key: string; value: OutboxEntry };
}

const DB_VERSION = 4;

const byTime = (a: OutboxEntry, b: OutboxEntry): number => a.at - b.at;

/** Thrown by an operation on a connection that was closed and could not be opened again. */
const closedError = (): DOMException => new DOMException('IndexedDB closed', 'InvalidStateError');

/** The last change number given to a stored message (0 for none): the top of the byChange index. */
async function lastChange(byChange: { openKeyCursor(query: null, direction: 'prev'): Promise<{ key: unknown } | null> }): Promise<number> {
  const last = await byChange.openKeyCursor(null, 'prev');
  return typeof last?.key === 'number' ? last.key : 0;
}

/**
 * Opens the IndexedDB storage. Rejects with a `reason` (`blocked`, `unavailable`) when the database
 * cannot be opened in time, or with IndexedDB's own error; `openStorage` then keeps memory.
 */
export async function openIndexedDBStorage(name: string, options: OpenStorageOptions): Promise<Storage> {
  let db: IDBPDatabase<DeskDB> | undefined;
  let gone = false;
  let reopening: Promise<IDBPDatabase<DeskDB>> | undefined;

  const open = (): Promise<IDBPDatabase<DeskDB>> =>
    new Promise((resolve, reject) => {
      let blockedTimer: ReturnType<typeof setTimeout> | undefined;
      let settled = false;
      const settle = (): boolean => {
        const first = !settled;
        settled = true;
        clearTimeout(overall);
        clearTimeout(blockedTimer);
        return first;
      };
      const giveUp = (reason: StorageFallbackReason): void => {
        if (settle()) reject(Object.assign(new DOMException(`IndexedDB ${reason}`, 'TimeoutError'), { reason }));
      };
      const overall = setTimeout(() => giveUp('unavailable'), options.openTimeout ?? 10_000);
      const forget = (connection: IDBPDatabase<DeskDB>): void => {
        if (db === connection) db = undefined;
      };
      const opening = openDB<DeskDB>(name, DB_VERSION, {
        upgrade(database, oldVersion, _newVersion, transaction) {
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
          // Messages stored before have no change number: not in this index (read in full once).
          if (oldVersion < 4) transaction.objectStore('transcripts').createIndex('byChange', 'change');
        },
        blocked() {
          // Another tab keeps an older version open and does not close it: wait a little, then keep memory.
          blockedTimer ??= setTimeout(() => giveUp('blocked'), options.blockedTimeout ?? 3000);
        },
        blocking() {
          // Another CRM tab is upgrading the schema (or deleting the database): let it.
          void opening.then((connection) => {
            connection.close();
            forget(connection);
          });
        },
        terminated() {
          void opening.then(forget);
        },
      });
      opening.then(
        (connection) => (settle() ? resolve(connection) : connection.close()),
        (error: unknown) => settle() && reject(error),
      );
    });

  // Rejects (with the `reason` to keep memory for) when the database cannot be opened.
  db = await open();

  /** The open connection, opened again if it was closed under the page. */
  const connection = async (): Promise<IDBPDatabase<DeskDB>> => {
    if (db) return db;
    if (gone) throw closedError();
    reopening ??= open().then(
      (opened) => {
        reopening = undefined;
        db = opened;
        return opened;
      },
      () => {
        // A newer schema, or blocked again: this page stops using IndexedDB.
        gone = true;
        reopening = undefined;
        throw closedError();
      },
    );
    return reopening;
  };

  /** Runs one operation; if the connection was closed under it, opens it again and retries once. */
  const use = async <T>(operation: (database: IDBPDatabase<DeskDB>) => Promise<T>): Promise<T> => {
    const current = await connection();
    try {
      return await operation(current);
    } catch (error) {
      const closed = db !== current || (error as { name?: string })?.name === 'InvalidStateError';
      if (!closed || gone) throw error;
      if (db === current) db = undefined;
      return operation(await connection());
    }
  };

  return {
    kind: 'indexeddb',
    getDraft: (id) => use(async (d) => (await d.get('drafts', id))?.text),
    setDraft: (id, text) =>
      use(async (d) => {
        if (text) await d.put('drafts', { conversationId: id, text, at: Date.now() });
        else await d.delete('drafts', id);
      }),
    getTranscript: (id) =>
      use(async (d) => {
        const rows = await d.getAllFromIndex('transcripts', 'byConversation', IDBKeyRange.bound([id, -Infinity], [id, Infinity]));
        return rows.map(({ storeKey: _key, change: _change, ...message }) => message);
      }),
    async putMessages(list) {
      if (list.length === 0) return;
      await use(async (d) => {
        const tx = d.transaction('transcripts', 'readwrite');
        const done = tx.done;
        // Awaited below; a failure before then must not go unhandled.
        done.catch(() => undefined);
        // Each write takes the next change number: transactions over the store run one at a time,
        // across tabs too, so numbers only grow.
        let change = await lastChange(tx.store.index('byChange'));
        // One message is stored once, under its client id when it has one (its server id arrives later).
        await Promise.all([...list.map((m) => tx.store.put({ ...m, storeKey: m.clientId ?? m.id, change: ++change })), done]);
      });
    },
    scanMessages: (after, limit) => use((d) => d.getAll('transcripts', after ? IDBKeyRange.lowerBound(after, true) : undefined, limit)),
    latestChange: () =>
      use((d) => lastChange(d.transaction('transcripts').store.index('byChange'))),
    scanChanges: (after, limit) => use((d) => d.getAllFromIndex('transcripts', 'byChange', IDBKeyRange.lowerBound(after, true), limit)),
    async putConversations(list) {
      if (list.length === 0) return;
      await use(async (d) => {
        const tx = d.transaction('conversations', 'readwrite');
        await Promise.all([...list.map((c) => tx.store.put(c)), tx.done]);
      });
    },
    getConversations: () => use((d) => d.getAll('conversations')),
    getValue: <T>(key: string) => use(async (d) => (await d.get('values', key))?.value as T | undefined),
    setValue: (key, value) => use(async (d) => void (await d.put('values', { key, value }))),
    getOutbox: () => use(async (d) => (await d.getAll('outbox')).sort(byTime)),
    putOutbox: (entry, options) =>
      use(async (d) => {
        if (!options?.clearDraft) return void (await d.put('outbox', entry));
        // One transaction: the message is either still a draft or already in the outbox, never neither.
        const tx = d.transaction(['outbox', 'drafts'], 'readwrite');
        await Promise.all([tx.objectStore('outbox').put(entry), tx.objectStore('drafts').delete(entry.conversationId), tx.done]);
      }),
    deleteOutbox: (clientId) => use((d) => d.delete('outbox', clientId)),
    close() {
      gone = true;
      db?.close();
      db = undefined;
    },
  };
}
