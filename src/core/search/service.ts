/**
 * The local transcript search service: an inverted index kept in memory, restored from a snapshot
 * in storage, caught up with stored messages in slices that leave the event loop free, and written
 * back when idle. Loaded lazily by `desk.enableSearch()`.
 */
import type { Conversation, Message } from '../model.js';
import type { SearchFilters, SearchHit, SearchResults } from '../records.js';
import type { Storage } from '../storage.js';
import { fold, queryWords } from './fold.js';
import { hashKey, InvertedIndex, type ConversationMeta, type SearchSnapshot } from './inverted-index.js';
import type { SearchService, SearchServiceOptions, SearchStatus } from './types.js';

export { highlight, type HighlightRange } from './highlight.js';
export { fold, queryWords, tokenize } from './fold.js';
export { hashKey, InvertedIndex, SNAPSHOT_VERSION, type SearchSnapshot } from './inverted-index.js';

/** Storage value key of the index snapshot. */
export const SNAPSHOT_KEY = 'search-index';

export interface SearchTuning {
  /** Quiet time after the last change before the snapshot is written. */
  persistDelayMs?: number;
  /** Longest a change waits for its snapshot, however busy the desk. */
  persistMaxWaitMs?: number;
  /** Longest stretch of indexing work between two turns of the event loop. */
  sliceMs?: number;
}

const SCAN_PAGE = 1000;
/** Messages indexed inside `add()` itself; more wait for the next slice. */
const SYNC_ADD_MAX = 200;
/** Keys and texts of recently added or shown messages, so fresh hits need no storage read. */
const RECENT_TEXTS = 2000;
/** Out-of-order or edited-away docs beyond which the live index is rebuilt from its snapshot. */
const COMPACT_AFTER = 1000;

const yieldToEventLoop = (): Promise<void> =>
  typeof scheduler !== 'undefined' && typeof scheduler.yield === 'function'
    ? scheduler.yield()
    : new Promise((resolve) => setTimeout(resolve, 0));

const now = () => performance.now();

function indexable(message: Message): boolean {
  return message.kind !== 'unsupported' && typeof message.text === 'string' && message.text.trim() !== '';
}

const storeKeyOf = (message: Message) => message.clientId ?? message.id;
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
  #index = new InvertedIndex();
  #loaded = false;
  readonly #started: Promise<void>;
  #markLoaded!: () => void;
  readonly #load = new Promise<void>((resolve) => (this.#markLoaded = resolve));
  /** Messages waiting for the snapshot to load, or beyond what one `add()` indexes. */
  #queue: Message[] = [];
  #draining: Promise<void> | undefined;
  readonly #recent = new Map<string, { key: string; text: string }>();
  /** Local hits whose key and text are still to be read from storage, with their key hashes. */
  readonly #unresolved = new WeakMap<SearchHit, readonly [number, number]>();
  readonly #conversations = new Map<string, ConversationMeta>();
  /** Messages indexed while a compacted index is being built, to be added to it too. */
  #replay: [Message, string][] | undefined;
  #state: SearchStatus['state'] = 'loading';
  #error: string | undefined;
  #dirtySince: number | undefined;
  #persistTimer: ReturnType<typeof setTimeout> | undefined;
  #writing: Promise<void> | undefined;

  constructor(options: SearchServiceOptions, tuning: SearchTuning) {
    this.#options = options;
    this.#storage = options.storage;
    this.#persistDelayMs = tuning.persistDelayMs ?? 2000;
    this.#persistMaxWaitMs = tuning.persistMaxWaitMs ?? 30_000;
    this.#sliceMs = tuning.sliceMs ?? 6;
    this.#started = this.#start();
  }

  add(messages: readonly Message[]): void {
    const fresh = messages.filter(indexable);
    if (fresh.length === 0) return;
    for (const m of fresh) this.#remember(m.conversationId, storeKeyOf(m), m.text!);
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
    }
  }

  updateConversation(conversation: Conversation): void {
    const meta = { customerId: conversation.customer.id, customerName: fold(conversation.customer.name ?? ''), state: conversation.state };
    this.#conversations.set(conversation.id, meta);
    this.#index.setConversation(conversation.id, meta);
  }

  search(query: string, filters: SearchFilters, limit: number): SearchResults {
    const terms = queryWords(query);
    if (terms.length === 0) return { query, terms, hits: [], total: 0, more: false };
    const { docs, more } = this.#index.search(terms, filters, limit);
    const hits = docs.map((d): SearchHit => {
      const { conversationId, at, author, key } = this.#index.info(d);
      const recent = this.#recent.get(recentId(conversationId, key));
      const hit: SearchHit = { conversationId, messageKey: recent?.key ?? '', at, text: recent?.text ?? '', author, source: 'local' };
      if (!recent) this.#unresolved.set(hit, key);
      return hit;
    });
    return { query, terms, hits, total: hits.length, more };
  }

  async hydrate(results: SearchResults): Promise<SearchResults> {
    const missing = new Set(results.hits.filter((h) => this.#unresolved.has(h)).map((h) => h.conversationId));
    if (missing.size === 0) return results;
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
      const key = this.#unresolved.get(hit);
      if (!key) {
        hits.push(hit);
        continue;
      }
      const message = stored.get(recentId(hit.conversationId, key));
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

  async #start(): Promise<void> {
    this.#report('loading');
    try {
      const [snapshot, stored] = await Promise.all([
        this.#storage.getValue<SearchSnapshot>(SNAPSHOT_KEY).catch(() => undefined),
        this.#storage.getConversations().catch(() => [] as Conversation[]),
      ]);
      // A snapshot of another version, or a damaged one, is rebuilt from the stored messages.
      const restored = InvertedIndex.fromSnapshot(snapshot);
      if (restored) this.#index = restored;
      else if (snapshot !== undefined) this.#markDirty();
      for (const c of stored) this.updateConversation(c);
      for (const c of Object.values(this.#options.conversations())) this.updateConversation(c);
      for (const [id, meta] of this.#conversations) this.#index.setConversation(id, meta);
    } finally {
      this.#loaded = true;
      this.#markLoaded();
    }
    try {
      this.#report('indexing');
      await this.#catchUp();
      this.#drain();
      while (this.#draining) await this.#draining;
      this.#report('ready');
    } catch (error) {
      // What is indexed stays searchable; the error is shown as the status.
      this.#error = error instanceof Error ? error.message : String(error);
      this.#report('error');
    }
  }

  /** Indexes stored messages the snapshot does not have (written since, or never snapshotted). */
  async #catchUp(): Promise<void> {
    let after: [string, string] | undefined;
    for (;;) {
      const page = await this.#storage.scanMessages(after, SCAN_PAGE);
      await this.#indexSliced(page, (m) => m.storeKey);
      this.#report('indexing');
      if (page.length < SCAN_PAGE) return;
      const last = page[page.length - 1]!;
      after = [last.conversationId, last.storeKey];
    }
  }

  #drain(): void {
    if (this.#draining || !this.#loaded || this.#queue.length === 0) return;
    const run = async () => {
      while (this.#queue.length > 0) {
        const batch = this.#queue.splice(0, SCAN_PAGE);
        await this.#indexSliced(batch, storeKeyOf);
        if (this.#state === 'indexing') this.#report('indexing');
      }
    };
    // Cleared asynchronously, after the assignment, even when there was nothing to wait for.
    this.#draining = run().finally(() => (this.#draining = undefined));
  }

  /** Indexes in slices of at most `sliceMs`, giving the event loop a turn between them. */
  async #indexSliced<M extends Message>(messages: readonly M[], keyOf: (m: M) => string): Promise<void> {
    let i = 0;
    while (i < messages.length) {
      const deadline = now() + this.#sliceMs;
      do {
        const end = Math.min(messages.length, i + 16);
        for (; i < end; i++) if (indexable(messages[i]!)) this.#index1(messages[i]!, keyOf(messages[i]!));
      } while (i < messages.length && now() < deadline);
      if (i < messages.length) await yieldToEventLoop();
    }
  }

  #index1(message: Message, key: string): void {
    this.#replay?.push([message, key]);
    const outcome = this.#index.add(message.conversationId, key, message.at, message.author, message.text!);
    if (outcome === 'added') this.#markDirty();
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
      const deadline = now() + this.#sliceMs;
      let step = steps.next();
      while (!step.done && now() < deadline) step = steps.next();
      if (step.done) return step.value;
      await yieldToEventLoop();
    }
  }

  async #write(): Promise<void> {
    this.#dirtySince = undefined;
    const index = this.#index;
    const compact = index.unsortedDocs > COMPACT_AFTER || index.deadDocs > Math.max(COMPACT_AFTER, index.size / 10);
    if (compact) this.#replay = [];
    try {
      const snapshot = await this.#sliced(index.snapshotSteps());
      await this.#storage.setValue(SNAPSHOT_KEY, snapshot);
      // After a catch-up in key order (or many edits), the index the snapshot describes answers
      // faster (docs in time order) in less memory: it replaces the live one.
      if (compact) {
        const compacted = await this.#sliced(InvertedIndex.restoreSteps(snapshot));
        if (compacted && this.#index === index) {
          for (const [m, key] of this.#replay!) compacted.add(m.conversationId, key, m.at, m.author, m.text!);
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
