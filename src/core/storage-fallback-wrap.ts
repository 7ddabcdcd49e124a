// The storage fault fallback (FallbackStorage), a chunk of its own: it loads with IndexedDB storage,
// the only storage it wraps, so pages on memory storage never load it.
import type { OutboxEntry, Storage, StorageFallbackReason, StoredMessage } from './storage.js';

/** What a failed write says about the storage; `undefined` when the data, not the storage, is at fault. */
function reasonOf(error: unknown): StorageFallbackReason | undefined {
  switch ((error as { name?: unknown } | undefined)?.name) {
    case 'DataCloneError':
    case 'DataError':
      return undefined;
    case 'QuotaExceededError':
      return 'full';
    case 'InvalidStateError':
    case 'TransactionInactiveError':
    case 'VersionError':
      return 'closed';
    default:
      return 'failed';
  }
}

/** Union of two lists by key, the second winning. */
function union<T>(first: readonly T[] | undefined, second: readonly T[], key: (item: T) => string): T[] {
  const byKey = new Map<string, T>();
  for (const item of first ?? []) byKey.set(key(item), item);
  for (const item of second) byKey.set(key(item), item);
  return [...byKey.values()];
}

const messageKey = (m: { conversationId: string; clientId?: string; id: string }): string => `${m.conversationId}\u0000${m.clientId ?? m.id}`;
const scanKey = (m: StoredMessage): string => `${m.conversationId}\u0000${m.storeKey}`;

/**
 * Storage that never strands the desk: when a write to the storage it was given fails (quota
 * exceeded, the connection closed for good, anything but bad data), it keeps that write and every
 * later one in memory, and says so (`kind: 'memory'` with a `reason`). Reads after that combine
 * what the first storage still gives with what memory holds; deletes go to both.
 */
export class FallbackStorage implements Storage {
  readonly #primary: Storage;
  readonly #changed: (storage: Storage) => void;
  readonly #createMemory: () => Storage;
  #memory: Storage | undefined;
  #reason: StorageFallbackReason | undefined;

  /** `createMemory` is the page's own memory storage (this chunk imports nothing the page has loaded). */
  constructor(primary: Storage, changed: (storage: Storage) => void, createMemory: () => Storage) {
    this.#primary = primary;
    this.#changed = changed;
    this.#createMemory = createMemory;
  }

  get kind(): Storage['kind'] {
    return this.#memory ? 'memory' : this.#primary.kind;
  }

  get reason(): StorageFallbackReason | undefined {
    return this.#memory ? this.#reason : this.#primary.reason;
  }

  getDraft(id: string): Promise<string | undefined> {
    return this.#read((s) => s.getDraft(id), (first, memory) => memory ?? first);
  }

  setDraft(id: string, text: string): Promise<void> {
    return text ? this.#write((s) => s.setDraft(id, text)) : this.#delete((s) => s.setDraft(id, ''));
  }

  getTranscript(id: string): ReturnType<Storage['getTranscript']> {
    return this.#read(
      (s) => s.getTranscript(id),
      (first, memory) => union(first, memory, messageKey).sort((a, b) => a.at - b.at),
    );
  }

  putMessages(messages: Parameters<Storage['putMessages']>[0]): Promise<void> {
    return this.#write((s) => s.putMessages(messages));
  }

  scanMessages(after: [string, string] | undefined, limit: number): Promise<StoredMessage[]> {
    return this.#read(
      (s) => s.scanMessages(after, limit),
      (first, memory) =>
        union(first, memory, scanKey)
          .sort((a, b) => (scanKey(a) < scanKey(b) ? -1 : scanKey(a) > scanKey(b) ? 1 : 0))
          .slice(0, limit),
    );
  }

  /** Change numbers are the first storage's: once writes go to memory, they no longer tell what changed. */
  async latestChange(): Promise<number> {
    if (this.#memory || !this.#primary.latestChange) throw new Error('changes not numbered');
    return this.#primary.latestChange();
  }

  async scanChanges(after: number, limit: number): Promise<StoredMessage[]> {
    if (this.#memory || !this.#primary.scanChanges) throw new Error('changes not numbered');
    return this.#primary.scanChanges(after, limit);
  }

  putConversations(conversations: Parameters<Storage['putConversations']>[0]): Promise<void> {
    return this.#write((s) => s.putConversations(conversations));
  }

  getConversations(): ReturnType<Storage['getConversations']> {
    return this.#read((s) => s.getConversations(), (first, memory) => union(first, memory, (c) => c.id));
  }

  getValue<T>(key: string): Promise<T | undefined> {
    return this.#read((s) => s.getValue<T>(key), (first, memory) => memory ?? first);
  }

  setValue(key: string, value: unknown): Promise<void> {
    return this.#write((s) => s.setValue(key, value));
  }

  getOutbox(): Promise<OutboxEntry[]> {
    return this.#read(
      (s) => s.getOutbox(),
      (first, memory) => union(first, memory, (e) => e.clientId).sort((a, b) => a.at - b.at),
    );
  }

  putOutbox(entry: OutboxEntry, options?: { clearDraft?: boolean }): Promise<void> {
    return this.#write(async (s) => {
      await s.putOutbox(entry, options);
      // Memory holds the draft now; the one left in the first storage must not come back either.
      if (options?.clearDraft && s !== this.#primary) await this.#primary.setDraft(entry.conversationId, '').catch(() => undefined);
    });
  }

  deleteOutbox(clientId: string): Promise<void> {
    return this.#delete((s) => s.deleteOutbox(clientId));
  }

  close(): void {
    this.#primary.close();
    this.#memory?.close();
  }

  /** A failure of the first storage: memory from now on when it is one that calls for it, else thrown. */
  #fallBack(error: unknown): void {
    const reason = reasonOf(error);
    if (!reason) throw error;
    if (this.#memory) return;
    this.#memory = this.#createMemory();
    this.#reason = reason;
    this.#changed(this);
  }

  async #write(run: (storage: Storage) => Promise<void>): Promise<void> {
    if (!this.#memory) {
      try {
        return await run(this.#primary);
      } catch (error) {
        this.#fallBack(error);
      }
    }
    return run(this.#memory!);
  }

  async #delete(run: (storage: Storage) => Promise<void>): Promise<void> {
    if (!this.#memory) return this.#write(run);
    await Promise.all([run(this.#memory), run(this.#primary).catch(() => undefined)]);
  }

  async #read<T>(run: (storage: Storage) => Promise<T>, combine: (first: T | undefined, memory: T) => T): Promise<T> {
    if (!this.#memory) {
      try {
        return await run(this.#primary);
      } catch (error) {
        this.#fallBack(error);
      }
    }
    const [first, memory] = await Promise.all([run(this.#primary).catch(() => undefined), run(this.#memory!)]);
    return combine(first, memory);
  }
}

