/**
 * The local transcript search service: an inverted index kept in memory, restored from a snapshot
 * in storage, caught up with stored messages in slices that leave the event loop free, and written
 * back when idle. Loaded lazily by `desk.enableSearch()`.
 */
import type { Conversation, Message } from '../model.js';
import type { SearchFilters, SearchHit, SearchResults } from '../records.js';
import type { Storage, StoredMessage } from '../storage.js';
import { fold, queryWords } from './fold.js';
import { hashKey, InvertedIndex, type ConversationMeta } from './inverted-index.js';
import type { SearchMatches, SearchService, SearchServiceOptions, SearchStatus } from './types.js';

export { fold, queryWords, tokenize } from './fold.js';
export { finish, hashKey, InvertedIndex, SNAPSHOT_VERSION, type IndexSnapshot, type KeySnapshot, type SearchSnapshot } from './inverted-index.js';

/**
 * Storage value keys of the snapshot: what queries need, read first; then the message keys, whose
 * head is kept per slot (`search-index-keys/0`, `/1`) so that the index head, written last, is
 * the one value that switches a reload from one snapshot to the next.
 */
export const SNAPSHOT_KEY = 'search-index';
export const SNAPSHOT_KEYS_KEY = 'search-index-keys';
const keysHeadKey = (slot: number) => `${SNAPSHOT_KEYS_KEY}/${slot}`;

export interface SearchTuning {
  /** Quiet time after the last change before the snapshot is written. */
  persistDelayMs?: number;
  /** Longest a change waits for its snapshot, however busy the desk. */
  persistMaxWaitMs?: number;
  /** Longest stretch of indexing work between two turns of the event loop. */
  sliceMs?: number;
  /** Largest array stored in one IndexedDB value. */
  chunkBytes?: number;
  /** Where the time goes (bench): `read` (read and rebuilt, overlapped) and `keys` on start, `slice` per slice of work, `put` per snapshot value written (its synchronous part). */
  onTiming?(what: 'read' | 'keys' | 'slice' | 'put', ms: number): void;
}

/**
 * Stored messages read at a time. Reading a page back from IndexedDB (its values are copied into
 * the page as they are first touched) is one task on the main thread: small enough pages keep it
 * short, and the next page is asked for before the current one is indexed.
 */
const SCAN_PAGE = 250;
/** Messages indexed inside `add()` itself; more wait for the next slice. */
const SYNC_ADD_MAX = 200;
/** Keys and texts of recently added or shown messages, so fresh hits need no storage read. */
const RECENT_TEXTS = 2000;
/** Out-of-order or edited-away docs beyond which the live index is rebuilt from its snapshot. */
const COMPACT_AFTER = 1000;

const now = () => performance.now();

/** Longest the page's other tasks (timers, messages, a socket's events) wait behind indexing. */
const FAIR_MS = 40;
let behindOthersAt = 0;

/**
 * A turn of the event loop. `scheduler.yield()` resumes ahead of the page's other tasks of the
 * same priority (input and rendering still go first): every `FAIR_MS`, the work waits behind
 * them instead, so a long run of slices never holds them up for longer.
 */
const yieldToEventLoop = (): Promise<void> => {
  if (typeof scheduler !== 'undefined' && typeof scheduler.yield === 'function' && now() - behindOthersAt < FAIR_MS) return scheduler.yield();
  behindOthersAt = now();
  return new Promise((resolve) => setTimeout(resolve, 0));
};

function indexable(message: Message): boolean {
  return message.kind !== 'unsupported' && typeof message.text === 'string' && message.text.trim() !== '';
}

const storeKeyOf = (message: Message) => message.clientId ?? message.id;

/**
 * One IndexedDB put clones its value on the main thread (here about 12–35 ms per MB): arrays and
 * strings larger than this go into values of their own, so no write blocks for more than a frame.
 * Under 64 KB, Chromium keeps a value inline instead of in a blob file, which reads back faster.
 */
const CHUNK_BYTES = 60 * 1024;
/** Smaller fields stay in the head; larger ones are read in parallel once the head is known. */
const INLINE_BYTES = 8 * 1024;

type Typed = Uint8Array | Uint16Array | Uint32Array | Float64Array;
const TYPED: Record<string, new (length: number) => Typed> = { Uint8Array, Uint16Array, Uint32Array, Float64Array };
interface Chunked {
  chunks: number;
  /** A typed array's constructor name, or `string`. */
  type: string;
  length: number;
}
const isChunked = (value: unknown): value is Chunked =>
  typeof value === 'object' && value !== null && typeof (value as Chunked).chunks === 'number' && ((value as Chunked).type in TYPED || (value as Chunked).type === 'string');

/**
 * The values that store `value` under `base`: its large arrays and strings cut into chunks under
 * `base/slot/field/i`, then the small head (written last, read first) that points to them. Writes
 * alternate between two slots, so a write cut short never damages the chunks the current head uses.
 */
function toParts(base: string, value: object, slot: number, chunkBytes = CHUNK_BYTES, headKey = base): [string, unknown][] {
  const head: Record<string, unknown> = { slot };
  const parts: [string, unknown][] = [];
  const inline = Math.min(INLINE_BYTES, chunkBytes);
  for (const [field, v] of Object.entries(value)) {
    if (typeof v === 'string' && v.length > inline) {
      // Strings here are mostly one byte per character.
      const chunks = Math.ceil(v.length / chunkBytes);
      for (let i = 0; i < chunks; i++) parts.push([`${base}/${slot}/${field}/${i}`, v.slice(i * chunkBytes, (i + 1) * chunkBytes)]);
      head[field] = { chunks, type: 'string', length: v.length } satisfies Chunked;
    } else if (ArrayBuffer.isView(v) && v.byteLength > inline) {
      const array = v as Typed;
      const per = Math.max(1, Math.floor(chunkBytes / array.BYTES_PER_ELEMENT));
      const chunks = Math.ceil(array.length / per);
      for (let i = 0; i < chunks; i++) parts.push([`${base}/${slot}/${field}/${i}`, array.slice(i * per, (i + 1) * per)]);
      head[field] = { chunks, type: array.constructor.name, length: array.length } satisfies Chunked;
    } else {
      head[field] = v;
    }
  }
  parts.push([headKey, head]);
  return parts;
}

/** The stored snapshot, as `InvertedIndex.fromSnapshot` takes it (tests, bench). */
export async function readSnapshot(storage: Storage): Promise<{ index: unknown; keys: unknown }> {
  const index = await fromParts(storage, SNAPSHOT_KEY);
  const keys = index ? await readKeys(storage, index['slot'] === 1 ? 1 : 0) : undefined;
  return { index, keys };
}

/** The message keys that go with the index head of `slot` (a snapshot written before heads were kept per slot: the one head). */
async function readKeys(storage: Storage, slot: number): Promise<Record<string, unknown> | undefined> {
  return (await fromParts(storage, SNAPSHOT_KEYS_KEY, keysHeadKey(slot))) ?? fromParts(storage, SNAPSHOT_KEYS_KEY);
}

/**
 * Starts reading back what `toParts` wrote: the head first, then every chunk at once. A field
 * whose chunks are missing or damaged reads as undefined, and the snapshot is then refused.
 */
async function openParts(storage: Storage, base: string, headKey = base): Promise<{ head: Record<string, unknown> | undefined; slot: number; field(name: string): Promise<unknown> }> {
  const head = await storage.getValue<Record<string, unknown>>(headKey);
  if (!head || typeof head !== 'object') return { head: undefined, slot: 0, field: async () => undefined };
  const slot = head['slot'] === 1 ? 1 : 0;
  const fields = new Map<string, Promise<unknown>>();
  for (const [name, v] of Object.entries(head)) {
    // A failed read is a missing field (never an unhandled rejection, even if nobody waits for it).
    fields.set(name, isChunked(v) ? readChunks(storage, `${base}/${slot}/${name}`, v).catch(() => undefined) : Promise.resolve(v));
  }
  return { head, slot, field: (name) => fields.get(name) ?? Promise.resolve(undefined) };
}

async function readChunks(storage: Storage, prefix: string, layout: Chunked): Promise<unknown> {
  const chunks = await Promise.all(Array.from({ length: layout.chunks }, (_, i) => storage.getValue<unknown>(`${prefix}/${i}`)));
  if (layout.type === 'string') {
    const text = chunks.every((chunk) => typeof chunk === 'string') ? chunks.join('') : undefined;
    return text?.length === layout.length ? text : undefined;
  }
  const Type = TYPED[layout.type]!;
  const array = new Type(layout.length);
  let offset = 0;
  for (const chunk of chunks) {
    if (!(chunk instanceof Type) || offset + chunk.length > layout.length) return undefined;
    array.set(chunk, offset);
    offset += chunk.length;
  }
  return offset === layout.length ? array : undefined;
}

/** Everything `toParts` wrote, read back. */
async function fromParts(storage: Storage, base: string, headKey = base): Promise<Record<string, unknown> | undefined> {
  const { head, field } = await openParts(storage, base, headKey);
  if (!head) return undefined;
  const names = Object.keys(head);
  const values = await Promise.all(names.map(field));
  return Object.fromEntries(names.map((name, i) => [name, values[i]]));
}

const recentId = (conversationId: string, [keyHash, keyCheck]: readonly [number, number]) => `${conversationId}\0${keyHash}\0${keyCheck}`;

export function createSearchService(options: SearchServiceOptions & { tuning?: SearchTuning }): SearchService {
  return new LocalSearchService(options, options.tuning ?? {});
}

class LocalSearchService implements SearchService {
  readonly #storage: Storage;
  readonly #options: SearchServiceOptions;
  readonly #persistDelayMs: number;
  readonly #persistMaxWaitMs: number;
  readonly #sliceMs: number;
  readonly #chunkBytes: number;
  readonly #onTiming: NonNullable<SearchTuning['onTiming']>;
  #index = new InvertedIndex();
  #loaded = false;
  readonly #started: Promise<void>;
  #markLoaded!: () => void;
  readonly #load = new Promise<void>((resolve) => (this.#markLoaded = resolve));
  /** Messages waiting for the snapshot to load, or beyond what one `add()` indexes. */
  #queue: Message[] = [];
  /** Messages emptied (nothing left to find) while others wait in the queue: removed once it is drained. */
  readonly #removals = new Map<string, Message>();
  #draining: Promise<void> | undefined;
  readonly #recent = new Map<string, { key: string; text: string }>();
  /** Local hits whose key and text are still to be read from storage: how to get their key hashes. */
  readonly #unresolved = new WeakMap<SearchHit, () => readonly [number, number] | undefined>();
  readonly #conversations = new Map<string, ConversationMeta>();
  #conversationChanges = 0;
  /** Messages indexed while a compacted index is being built, to be added to it too. */
  #replay: [Message, string][] | undefined;
  #state: SearchStatus['state'] = 'loading';
  #error: string | undefined;
  #dirtySince: number | undefined;
  #persistTimer: ReturnType<typeof setTimeout> | undefined;
  #writing: Promise<void> | undefined;
  /** Chunk slot of the stored snapshot: the next write goes to the other one. */
  #slot = 0;
  /** Every message storage numbered up to this change is in the index (undefined: not known). */
  #change: number | undefined;

  constructor(options: SearchServiceOptions, tuning: SearchTuning) {
    this.#options = options;
    this.#storage = options.storage;
    this.#persistDelayMs = tuning.persistDelayMs ?? 2000;
    this.#persistMaxWaitMs = tuning.persistMaxWaitMs ?? 30_000;
    this.#sliceMs = tuning.sliceMs ?? 6;
    this.#chunkBytes = tuning.chunkBytes ?? CHUNK_BYTES;
    this.#onTiming = tuning.onTiming ?? (() => undefined);
    this.#started = this.#start();
  }

  add(messages: readonly Message[]): void {
    const fresh = messages.filter(indexable);
    if (fresh.length < messages.length) this.#forget(messages.filter((m) => !indexable(m)));
    if (fresh.length === 0) return;
    for (const m of fresh) {
      this.#remember(m.conversationId, storeKeyOf(m), m.text!);
      this.#removals.delete(recentId(m.conversationId, hashKey(storeKeyOf(m))));
    }
    if (!this.#loaded || this.#queue.length > 0) {
      this.#queue.push(...fresh);
      this.#drain();
      return;
    }
    const first = fresh.slice(0, SYNC_ADD_MAX);
    for (const m of first) this.#index1(m, storeKeyOf(m));
    if (fresh.length > first.length) {
      this.#queue.push(...fresh.slice(SYNC_ADD_MAX));
      this.#drain();
      return;
    }
    // Keep the "N messages searchable" count current for messages indexed as they arrive.
    if (this.#state === 'ready') this.#report('ready');
  }

  /** Changes with every message indexed or dropped and every conversation update (filters). */
  #matchState(): string {
    return `${this.#index.size}/${this.#index.deadDocs}/${this.#conversationChanges}`;
  }

  updateConversation(conversation: Conversation): void {
    this.#conversationChanges++;
    const meta = { customerId: conversation.customer.id, customerName: fold(conversation.customer.name ?? ''), state: conversation.state };
    this.#conversations.set(conversation.id, meta);
    this.#index.setConversation(conversation.id, meta);
  }

  search(query: string, filters: SearchFilters, limit: number): SearchResults {
    const terms = queryWords(query);
    if (terms.length === 0) return { query, terms, hits: [], total: 0, more: false };
    const index = this.#index;
    const { docs, more } = index.search(terms, filters, limit);
    const hits = docs.map((d) => this.#hit(index, d));
    return { query, terms, hits, total: hits.length, more };
  }

  searchAll(query: string, filters: SearchFilters): SearchMatches {
    const terms = queryWords(query);
    // Doc numbers only, in the index's own buffer (no allocation per query): a page's hits are
    // made when it is asked for. Matched again when the buffer went to another query since, or
    // anything changed.
    let index = this.#index;
    let docs: Uint32Array = new Uint32Array(0);
    let generation = -1;
    let state = '';
    let conversationCount = 0;
    const current = (): Uint32Array => {
      const now = this.#matchState();
      if (terms.length === 0 || (index === this.#index && generation === index.sharedGeneration && state === now)) return docs;
      index = this.#index;
      docs = index.matchShared(terms, filters);
      generation = index.sharedGeneration;
      state = now;
      conversationCount = index.conversationCount(docs);
      return docs;
    };
    const total = current().length;
    return {
      query,
      terms,
      total,
      conversationCount,
      has: (conversationId, messageKey) => {
        const list = current();
        const d = index.find(conversationId, messageKey);
        return d >= 0 && index.includes(list, d);
      },
      page: (offset, limit) => {
        const list = current();
        const from = Math.min(list.length, Math.max(0, Math.floor(offset)));
        const to = Math.min(list.length, from + Math.max(0, Math.floor(limit)));
        const hits: SearchHit[] = [];
        for (let i = from; i < to; i++) hits.push(this.#hit(index, list[i]!));
        return { query, terms, hits, total: list.length, conversationCount, offset: from, more: to < list.length };
      },
    };
  }

  async hydrate(results: SearchResults): Promise<SearchResults> {
    const missing = new Set(results.hits.filter((h) => this.#unresolved.has(h)).map((h) => h.conversationId));
    if (missing.size === 0) return results;
    await this.#load;
    // The index knows a message by its conversation and key hashes: found again in its transcript.
    const stored = new Map<string, { key: string; text: string }>();
    await Promise.all(
      [...missing].map(async (conversationId) => {
        const messages = await this.#storage.getTranscript(conversationId).catch(() => [] as Message[]);
        for (const m of messages) {
          const key = storeKeyOf(m);
          if (m.text) stored.set(recentId(conversationId, hashKey(key)), { key, text: m.text });
        }
      }),
    );
    const hits: SearchHit[] = [];
    for (const hit of results.hits) {
      const keyOf = this.#unresolved.get(hit);
      if (!keyOf) {
        hits.push(hit);
        continue;
      }
      const key = keyOf();
      const message = key && stored.get(recentId(hit.conversationId, key));
      // No longer stored (or emptied): nothing to show.
      if (!message) continue;
      this.#remember(hit.conversationId, message.key, message.text);
      hits.push({ ...hit, messageKey: message.key, text: message.text });
    }
    return { ...results, hits, total: results.total - (results.hits.length - hits.length) };
  }

  async ready(): Promise<void> {
    await this.#started;
    while (this.#draining) await this.#draining;
  }

  async persist(): Promise<void> {
    await this.#load;
    clearTimeout(this.#persistTimer);
    this.#persistTimer = undefined;
    while (this.#writing) await this.#writing;
    if (this.#dirtySince === undefined) return;
    this.#writing = this.#write().finally(() => (this.#writing = undefined));
    await this.#writing;
  }

  // ---- internals ----

  /** A local hit; its text and key come from the recent messages, else later from `hydrate`. */
  #hit(index: InvertedIndex, d: number): SearchHit {
    const { conversationId, at, author, key } = index.info(d);
    const recent = key && this.#recent.get(recentId(conversationId, key));
    const hit: SearchHit = { conversationId, messageKey: recent?.key ?? '', at, text: recent?.text ?? '', author, source: 'local' };
    // Right after a reload the keys may still be loading: asked for again by hydrate().
    if (!recent) this.#unresolved.set(hit, () => key ?? index.info(d).key);
    return hit;
  }

  async #start(): Promise<void> {
    this.#report('loading');
    /** The change the snapshot covers stored messages up to, if it says. */
    let since: number | undefined;
    try {
      for (const c of Object.values(this.#options.conversations())) this.updateConversation(c);
      let t = now();
      // Each part is rebuilt as it arrives: the rebuild overlaps the reading.
      const parts = await openParts(this.#storage, SNAPSHOT_KEY).catch(() => ({ head: undefined, slot: 0, field: async () => undefined }));
      const snapshot = parts.head;
      this.#slot = parts.slot;
      // A snapshot of another version, or a damaged one, is rebuilt from the stored messages.
      const restored = snapshot ? await InvertedIndex.restoreAsync(snapshot, parts.field).catch(() => undefined) : undefined;
      this.#onTiming('read', now() - t);
      if (restored) {
        for (const [id, meta] of this.#conversations) restored.setConversation(id, meta);
        // Searchable from here on; new messages wait for the keys.
        this.#index = restored;
        this.#report('indexing');
        t = now();
        const keys = await readKeys(this.#storage, this.#slot).catch(() => undefined);
        if (!(await this.#sliced(restored.attachKeysSteps(keys)))) {
          // Without its keys the index can't tell new messages from known ones: start over.
          this.#index = new InvertedIndex();
          for (const [id, meta] of this.#conversations) this.#index.setConversation(id, meta);
          this.#markDirty();
        } else if (typeof keys?.['change'] === 'number') {
          since = keys['change'];
        }
        this.#onTiming('keys', now() - t);
      } else if (snapshot !== undefined) {
        this.#markDirty();
      }
      // Stored conversations only serve filters: read after the index, not competing with it.
      const stored = await this.#storage.getConversations().catch(() => [] as Conversation[]);
      for (const c of stored) if (!this.#conversations.has(c.id)) this.updateConversation(c);
    } catch {
      // Whatever went wrong with the snapshot, the stored messages rebuild the index.
      this.#index = new InvertedIndex();
      for (const [id, meta] of this.#conversations) this.#index.setConversation(id, meta);
    } finally {
      this.#loaded = true;
      this.#markLoaded();
    }
    try {
      this.#report('indexing');
      await this.#catchUp(since);
      this.#drain();
      while (this.#draining) await this.#draining;
      this.#report('ready');
      // A large catch-up leaves docs in key order: compact now rather than after the quiet spell.
      if (this.#index.unsortedDocs > COMPACT_AFTER) void this.persist().catch(() => undefined);
    } catch (error) {
      // What is indexed stays searchable; the error is shown as the status.
      this.#error = error instanceof Error ? error.message : String(error);
      this.#report('error');
    }
  }

  /**
   * Indexes stored messages the snapshot does not have: when storage numbers its writes and the
   * snapshot says up to which change it covers them, only those written since; else every one.
   */
  async #catchUp(since: number | undefined): Promise<void> {
    // Read first: whatever is stored by then is read below, so the index covers up to it.
    const latest = await this.#latestChange();
    if (since !== undefined && latest !== undefined && since <= latest) {
      try {
        await this.#indexChanges(since, true);
        this.#change = latest;
        return;
      } catch {
        // Read everything instead.
      }
    }
    await this.#scanPages((previous) => {
      const last = previous?.[previous.length - 1];
      return this.#storage.scanMessages(last && [last.conversationId, last.storeKey], SCAN_PAGE);
    }, true);
    this.#change = latest;
  }

  /** The storage's latest change number, or undefined when it does not number its writes. */
  async #latestChange(): Promise<number | undefined> {
    const latest = await this.#storage.latestChange?.().catch(() => undefined);
    return typeof latest === 'number' ? latest : undefined;
  }

  /** Indexes the messages stored after change `since` (rejects when storage does not number its writes). */
  async #indexChanges(since: number, progress: boolean): Promise<void> {
    await this.#scanPages((previous) => this.#storage.scanChanges!(previous ? previous[previous.length - 1]!.change! : since, SCAN_PAGE), progress);
  }

  /**
   * Indexes pages of stored messages until one comes back short; each page is asked for (from the
   * one before) before the one before is indexed, so reading overlaps indexing.
   */
  async #scanPages(read: (previous: StoredMessage[] | undefined) => Promise<StoredMessage[]>, progress: boolean): Promise<void> {
    let page = await read(undefined);
    for (;;) {
      const next = page.length >= SCAN_PAGE ? read(page) : undefined;
      // Awaited below; a failure meanwhile must not go unhandled.
      next?.catch(() => undefined);
      // The page may have been read back in this task: its indexing starts in the next one.
      await yieldToEventLoop();
      await this.#indexSliced(page, (m) => m.storeKey);
      if (progress) this.#report('indexing');
      if (!next) return;
      page = await next;
    }
  }

  #drain(): void {
    if (!this.#draining && this.#queue.length === 0) this.#forget([]);
    if (this.#draining || !this.#loaded || this.#queue.length === 0) return;
    const run = async () => {
      while (this.#queue.length > 0) {
        const batch = this.#queue.splice(0, SCAN_PAGE);
        await this.#indexSliced(batch, storeKeyOf);
        if (this.#state === 'indexing') this.#report('indexing');
      }
      this.#forget([]);
    };
    // Cleared asynchronously, after the assignment, even when there was nothing to wait for.
    this.#draining = run().finally(() => (this.#draining = undefined));
  }

  /** Indexes in slices of at most `sliceMs`, giving the event loop a turn between them. */
  async #indexSliced<M extends Message>(messages: readonly M[], keyOf: (m: M) => string): Promise<void> {
    let i = 0;
    while (i < messages.length) {
      const start = now();
      const deadline = start + this.#sliceMs;
      do {
        const end = Math.min(messages.length, i + 16);
        for (; i < end; i++) {
          const m = messages[i]!;
          // A message read back emptied (edited to nothing, or no longer text) takes its earlier text out of the index.
          if (indexable(m)) this.#index1(m, keyOf(m));
          else this.#unindex1(m, keyOf(m));
        }
      } while (i < messages.length && now() < deadline);
      this.#onTiming('slice', now() - start);
      if (i < messages.length) await yieldToEventLoop();
    }
  }

  #index1(message: Message, key: string): void {
    this.#replay?.push([message, key]);
    const outcome = this.#index.add(message.conversationId, key, message.at, message.author, message.text!);
    if (outcome === 'added') this.#markDirty();
  }

  #unindex1(message: Message, key: string): void {
    this.#recent.delete(recentId(message.conversationId, hashKey(key)));
    this.#replay?.push([message, key]);
    if (!this.#index.remove(message.conversationId, key)) return;
    this.#markDirty();
    if (this.#state === 'ready') this.#report('ready');
  }

  /**
   * Messages left with nothing to find (emptied, or no longer text): their earlier text is dropped
   * from the index. Messages queued before them are indexed first.
   */
  #forget(messages: readonly Message[]): void {
    for (const m of messages) {
      const id = recentId(m.conversationId, hashKey(storeKeyOf(m)));
      this.#recent.delete(id);
      this.#removals.set(id, m);
    }
    if (!this.#loaded || this.#queue.length > 0 || this.#removals.size === 0) return;
    let removed = false;
    for (const m of this.#removals.values()) {
      this.#replay?.push([m, storeKeyOf(m)]);
      removed = this.#index.remove(m.conversationId, storeKeyOf(m)) || removed;
    }
    this.#removals.clear();
    if (removed) {
      this.#markDirty();
      if (this.#state === 'ready') this.#report('ready');
    }
  }

  #remember(conversationId: string, key: string, text: string): void {
    const id = recentId(conversationId, hashKey(key));
    this.#recent.delete(id);
    this.#recent.set(id, { key, text });
    if (this.#recent.size > RECENT_TEXTS) this.#recent.delete(this.#recent.keys().next().value!);
  }

  /** Written after a quiet spell, but never much later than the first change. */
  #markDirty(): void {
    const t = now();
    this.#dirtySince ??= t;
    clearTimeout(this.#persistTimer);
    const delay = Math.max(0, Math.min(this.#persistDelayMs, this.#dirtySince + this.#persistMaxWaitMs - t));
    this.#persistTimer = setTimeout(() => {
      this.#persistTimer = undefined;
      void this.persist().catch(() => undefined);
    }, delay);
  }

  /** Runs sliced work to its end, giving the event loop a turn every `sliceMs`. */
  async #sliced<T>(steps: Generator<void, T>): Promise<T> {
    for (;;) {
      const start = now();
      const deadline = start + this.#sliceMs;
      let step = steps.next();
      while (!step.done && now() < deadline) step = steps.next();
      this.#onTiming('slice', now() - start);
      if (step.done) return step.value;
      await yieldToEventLoop();
    }
  }

  async #write(): Promise<void> {
    // Messages other tabs stored since the last snapshot (this tab's are indexed as stored) go
    // into this one too, so that it covers every stored message up to `latest`.
    const since = this.#change;
    const latest = since === undefined ? undefined : await this.#latestChange();
    const covered = latest !== undefined && (await this.#indexChanges(since!, false).then(() => true, () => false)) ? latest : undefined;
    this.#dirtySince = undefined;
    const index = this.#index;
    const compact = index.unsortedDocs > COMPACT_AFTER || index.deadDocs > Math.max(COMPACT_AFTER, index.size / 10);
    if (compact) this.#replay = [];
    try {
      const snapshot = await this.#sliced(index.snapshotSteps());
      // Keys first: an index part without its keys is discarded on load, never misread.
      const slot = this.#slot ^ 1;
      const keys = covered === undefined ? snapshot.keys : { ...snapshot.keys, change: covered };
      // The index head last: until it is written, a reload reads the previous snapshot whole.
      for (const [key, value] of [...toParts(SNAPSHOT_KEYS_KEY, keys, slot, this.#chunkBytes, keysHeadKey(slot)), ...toParts(SNAPSHOT_KEY, snapshot.index, slot, this.#chunkBytes)]) {
        const t = now();
        const written = this.#storage.setValue(key, value);
        this.#onTiming('put', now() - t);
        await written;
      }
      this.#slot = slot;
      if (covered !== undefined) this.#change = covered;
      // After a catch-up in key order (or many edits), the index the snapshot describes answers
      // faster (docs in time order) in less memory: it replaces the live one.
      if (compact) {
        const compacted = await this.#sliced(InvertedIndex.restoreSteps(snapshot.index));
        if (compacted && (await this.#sliced(compacted.attachKeysSteps(snapshot.keys))) && this.#index === index) {
          for (const [m, key] of this.#replay!) {
            if (indexable(m)) compacted.add(m.conversationId, key, m.at, m.author, m.text!);
            else compacted.remove(m.conversationId, key);
          }
          for (const [id, meta] of this.#conversations) compacted.setConversation(id, meta);
          this.#index = compacted;
        }
      }
    } catch (error) {
      // Tried again with the next change; the stored messages stay the source of truth.
      this.#dirtySince ??= now();
      throw error;
    } finally {
      if (compact) this.#replay = undefined;
    }
  }

  #report(state: SearchStatus['state']): void {
    this.#state = state;
    const status: SearchStatus = { state, indexed: this.#index.size };
    if (state === 'error' && this.#error) status.error = this.#error;
    this.#options.onStatus(status);
  }
}
