/**
 * A compact, DOM-free inverted index over message texts. It keeps no strings per message — no
 * texts, no keys (heap, and reload time): only the vocabulary, postings and typed columns.
 *
 * - Vocabulary: token strings, with token ids sorted by token for prefix ranges and lookups by
 *   binary search. New tokens wait in a small Map, merged into the sorted order in batches.
 * - Postings: per token, doc numbers ascending, in linked blocks inside one pooled Uint32Array
 *   (one object for every token's postings instead of one typed array per token).
 * - Docs are numbered in insertion order. Docs [0, sortedUpTo) are also in time order, so a query
 *   walking doc numbers downwards can stop early there; docs after it are ranked in full.
 * - A message is known by two 32-bit hashes of its storage key (plus its conversation), found
 *   through an open-addressing table; the key itself is read back from storage with the text.
 * - Other query words are checked with a per-doc stamp array: each word stamps the docs of its
 *   postings, in O(its postings), instead of a forward index (doc → tokens) that would double
 *   the heap and the reload work.
 * - After a reload, a token's postings stay in the snapshot's varint form until first used.
 */
import type { MessageAuthor } from '../model.js';
import { fold, tokenize } from './fold.js';

export const SNAPSHOT_FORMAT = 'cc-search-index';
/** Bump on any change of the snapshot layout or of folding/tokenizing: old snapshots are then rebuilt. */
export const SNAPSHOT_VERSION = 1;

/**
 * What is written to storage, in two values: reading them back is most of a reload, so the part
 * a query needs comes first and small; the part that recognizes messages again (for dedupe) is
 * read after it. Docs are in time order. Every array is exactly sized (structured clone copies
 * whole buffers).
 */
export interface SearchSnapshot {
  index: IndexSnapshot;
  keys: KeySnapshot;
}

export interface IndexSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  version: number;
  /** Pairs the two parts. */
  id: number;
  /** Tokens in sort order, `\n`-joined; a token's id is its position. */
  vocabulary: string;
  /** Postings per token, as LEB128 varints. */
  postingCounts: Uint8Array;
  /** Bytes of each token's postings, as LEB128 varints (a token is found without decoding the others). */
  postingBytes: Uint8Array;
  /** Each token's doc numbers in turn, ascending, as LEB128 varints of the gaps (the first from 0). */
  postings: Uint8Array;
  docs: number;
  /** Per doc: time as varints of the gaps (the first from 0), or as it is when not whole milliseconds. */
  at: Uint8Array | Float64Array;
  /** Per doc: conversation number × 4 + author code. */
  conversation: Uint16Array | Uint32Array;
  /** Conversation ids by conversation number, `\0`-joined. */
  conversations: string;
}

export interface KeySnapshot {
  format: typeof SNAPSHOT_FORMAT;
  version: number;
  id: number;
  /** Per doc: text hash, and the two key hashes. */
  hash: Uint32Array;
  keyHash: Uint32Array;
  keyCheck: Uint32Array;
}

export interface ConversationMeta {
  customerId: string;
  /** Folded customer name. */
  customerName: string;
  state: string;
}

export interface DocFilter {
  /** Customer id, or part of the folded customer name. */
  customer?: string;
  from?: number;
  to?: number;
  states?: readonly string[];
}

export interface DocInfo {
  conversationId: string;
  at: number;
  author: MessageAuthor;
  /** `hashKey(messageKey)`: how the message is found again in storage. Undefined until `attachKeys`. */
  key: readonly [number, number] | undefined;
}

export type AddOutcome = 'added' | 'unchanged' | 'skipped';

const AUTHORS: readonly MessageAuthor[] = ['customer', 'agent', 'system', 'bot'];
const AUTHOR_CODE: Readonly<Record<MessageAuthor, number>> = { customer: 0, agent: 1, system: 2, bot: 3 };
const NONE = 0xffffffff;
/** Up to this many tokens a prefix's postings are merged with a heap; beyond, through a bitmap of docs. */
const HEAP_MERGE_MAX = 16;

type Growable = Uint32Array | Uint16Array | Float64Array | Uint8Array;

function grow<T extends Growable>(array: T, need: number): T {
  if (need <= array.length) return array;
  const next = new (array.constructor as new (length: number) => T)(Math.max(need, Math.ceil(array.length * 1.5), 64));
  next.set(array);
  return next;
}

/** With slack to grow into, so the first add after a reload does not copy. */
function withSlack<T extends Growable>(source: T, length: number): T {
  const next = new (source.constructor as new (length: number) => T)(Math.ceil(length * 1.1) + 64);
  next.set(source.subarray(0, length));
  return next;
}

/** LEB128 writer for non-negative integers up to 2^53. */
class VarintWriter {
  bytes = new Uint8Array(1 << 16);
  length = 0;

  reserve(count: number): void {
    if (this.bytes.length - this.length < count * 8) this.bytes = grow(this.bytes, this.length + count * 8 + this.bytes.length);
  }

  write(value: number): void {
    let v = value;
    while (v >= 0x80) {
      this.bytes[this.length++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.bytes[this.length++] = v;
  }

  done(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

/** FNV-1a. */
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Two independent 32-bit hashes of a message key. Together (64 bits, within one conversation)
 * they stand for the key: a collision among a conversation's messages is not a practical concern.
 */
export function hashKey(key: string): [number, number] {
  let h = 0x9747b28c ^ key.length;
  for (let i = 0; i < key.length; i++) {
    h = Math.imul(h ^ key.charCodeAt(i), 0x5bd1e995);
    h ^= h >>> 13;
  }
  return [hashString(key), h >>> 0];
}

const slotOf = (keyHash: number, conversation: number, mask: number) => ((keyHash ^ Math.imul(conversation + 1, 0x9e3779b1)) >>> 0) & mask;

/**
 * A token cut out of a message with `match` may be a slice that keeps the whole text alive;
 * the vocabulary keeps its own flat copy.
 */
function ownString(token: string): string {
  return token.length < 13 ? token : token.split('').join('');
}

/** Bottom-up merge sort that yields between slices of work, so a large sort never blocks for long. */
function* mergeSort(input: Uint32Array, compare: (a: number, b: number) => number): Generator<void, Uint32Array> {
  const run = 2048;
  const n = input.length;
  let source = input.slice();
  for (let i = 0; i < n; i += run) {
    source.subarray(i, Math.min(n, i + run)).sort(compare);
    yield;
  }
  let target = new Uint32Array(n);
  for (let width = run; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      mergeRuns(source, target, lo, Math.min(n, lo + width), Math.min(n, lo + 2 * width), compare);
      yield;
    }
    [source, target] = [target, source];
  }
  return source;
}

// Long loops live in plain functions, not in the generators that call them: V8 does not replace
// a running generator with optimized code (no on-stack replacement), so a loop there would run
// unoptimized until its end, which matters on a cold reload.

/** Per token: count, and start in the packed postings (plus the end, last). False if the two varint lists don't add up. */
function decodeTokenTable(countBytes: Uint8Array, sizeBytes: Uint8Array, counts: Uint32Array, starts: Uint32Array): boolean {
  let c = 0;
  let z = 0;
  let bytes = 0;
  for (let t = 0; t < counts.length; t++) {
    let byte = countBytes[c++]!;
    let count = byte & 0x7f;
    for (let shift = 7; byte & 0x80 && shift < 35; shift += 7) count |= ((byte = countBytes[c++]!) & 0x7f) << shift;
    byte = sizeBytes[z++]!;
    let size = byte & 0x7f;
    for (let shift = 7; byte & 0x80 && shift < 35; shift += 7) size |= ((byte = sizeBytes[z++]!) & 0x7f) << shift;
    if (count === 0) return false;
    counts[t] = count;
    starts[t] = bytes;
    bytes += size >>> 0;
  }
  starts[counts.length] = bytes;
  return c === countBytes.length && z === sizeBytes.length;
}

/** Times from varint gaps (up to 2^53: arithmetic, not 32-bit shifts). False if the bytes don't fit. */
function decodeTimes(bytes: Uint8Array, into: Float64Array, n: number): boolean {
  let time = 0;
  let b = 0;
  for (let d = 0; d < n; d++) {
    // Most gaps fit 3 bytes: small-integer arithmetic for those, doubles beyond.
    let byte = bytes[b++]!;
    let gap = byte & 0x7f;
    if (byte & 0x80) {
      byte = bytes[b++]!;
      gap |= (byte & 0x7f) << 7;
      if (byte & 0x80) {
        byte = bytes[b++]!;
        gap |= (byte & 0x7f) << 14;
        for (let scale = 0x200000; byte & 0x80; scale *= 0x80) {
          byte = bytes[b++]!;
          gap += (byte & 0x7f) * scale;
        }
      }
    }
    into[d] = time += gap;
  }
  return b === bytes.length;
}

/** Splits `conversation × 4 + author`. False if a conversation number is out of range. */
function splitConversationColumn(column: Uint16Array | Uint32Array, conversations: Uint32Array, authors: Uint8Array, conversationCount: number): boolean {
  for (let d = 0; d < column.length; d++) {
    const value = column[d]!;
    const c = value >>> 2;
    if (c >= conversationCount) return false;
    conversations[d] = c;
    authors[d] = value & 3;
  }
  return true;
}

/** Puts docs [from, to) into an open-addressing table by key hash and conversation. */
function fillSlots(slots: Uint32Array, keyHash: Uint32Array, conversation: Uint32Array, from: number, to: number): void {
  const mask = slots.length - 1;
  for (let d = from; d < to; d++) {
    let slot = slotOf(keyHash[d]!, conversation[d]!, mask);
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = d + 1;
  }
}

/** `into[i] = source[order[i]]`. */
function gather<T extends Growable>(source: Growable, order: Uint32Array, into: T): T {
  for (let i = 0; i < order.length; i++) into[i] = source[order[i]!]!;
  return into;
}

/** Merges the sorted runs source[lo, mid) and source[mid, hi) into target[lo, hi). */
function mergeRuns(source: Uint32Array, target: Uint32Array, lo: number, mid: number, hi: number, compare: (a: number, b: number) => number): void {
  let i = lo;
  let j = mid;
  let k = lo;
  while (i < mid && j < hi) target[k++] = compare(source[i]!, source[j]!) <= 0 ? source[i++]! : source[j++]!;
  while (i < mid) target[k++] = source[i++]!;
  while (j < hi) target[k++] = source[j++]!;
}

/** Docs in [from, to) that are not dead. */
function liveDocs(dead: Uint8Array, from: number, to: number): Uint32Array {
  const docs = new Uint32Array(Math.max(0, to - from));
  let k = 0;
  for (let d = from; d < to; d++) if (!dead[d]) docs[k++] = d;
  return docs.subarray(0, k);
}

/** Merges two lists of docs, each in time order, into `order`. */
function mergeByTime(a: Uint32Array, b: Uint32Array, at: Float64Array, order: Uint32Array): void {
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    order[k++] = at[y]! < at[x]! || (at[y] === at[x] && y < x) ? (j++, y) : (i++, x);
  }
  while (i < a.length) order[k++] = a[i++]!;
  while (j < b.length) order[k++] = b[j++]!;
}

/**
 * A token's postings (its block chain from `tail`), renumbered and ascending, into `buffer`;
 * docs from `n` on and unnumbered (dead) ones left out. Returns how many.
 */
function renumberPostings(pool: Uint32Array, tail: number, tailLength: number, renumber: Uint32Array, n: number, buffer: Uint32Array): number {
  let k = 0;
  let descending = true;
  // Blocks come newest first: collected backwards, then reversed (or sorted, if renumbering reordered them).
  for (let o = tail, length = tailLength; o !== 0; o = pool[o]!, length = o === 0 ? 0 : pool[o + 1]!) {
    for (let i = o + 1 + length; i > o + 1; i--) {
      const d = pool[i]!;
      const mapped = d < n ? renumber[d]! : NONE;
      if (mapped === NONE) continue;
      if (k > 0 && mapped > buffer[k - 1]!) descending = false;
      buffer[k++] = mapped;
    }
  }
  const list = buffer.subarray(0, k);
  if (descending) list.reverse();
  else list.sort();
  return k;
}

function writeGaps(writer: VarintWriter, list: Uint32Array, k: number): void {
  writer.reserve(k);
  let previous = 0;
  for (let i = 0; i < k; i++) {
    writer.write(list[i]! - previous);
    previous = list[i]!;
  }
}

/** Varint gaps when the times are whole, ascending milliseconds; else the times as they are. */
function encodeTimes(times: Float64Array): Uint8Array | Float64Array {
  for (let i = 0; i < times.length; i++) {
    if (!Number.isSafeInteger(times[i]) || times[i]! < (i > 0 ? times[i - 1]! : 0)) return times;
  }
  const gaps = new VarintWriter();
  gaps.reserve(times.length);
  for (let i = 0; i < times.length; i++) gaps.write(times[i]! - (i > 0 ? times[i - 1]! : 0));
  return gaps.done();
}

function packConversationColumn(conversation: Uint32Array, author: Uint8Array, order: Uint32Array, into: Uint16Array | Uint32Array): void {
  for (let i = 0; i < order.length; i++) into[i] = conversation[order[i]!]! * 4 + author[order[i]!]!;
}

/** 0, 1, … n - 1. */
function identity(n: number): Uint32Array {
  const result = new Uint32Array(n);
  for (let i = 0; i < n; i++) result[i] = i;
  return result;
}

/** `result[order[i]] = i` over [0, n), NONE elsewhere. */
function inverse(order: Uint32Array, n: number): Uint32Array {
  const result = new Uint32Array(n).fill(NONE);
  for (let i = 0; i < order.length; i++) result[order[i]!] = i;
  return result;
}

/** Runs a sliced computation to its end at once. */
export function finish<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Sets the bit of every doc in a token's block chain; returns the lowest and highest doc. */
function setBits(pool: Uint32Array, tail: number, tailLength: number, bits: Uint32Array): [number, number] {
  let lowest = 0xffffffff;
  let highest = -1;
  for (let o = tail, length = tailLength; o !== 0; o = pool[o]!, length = o === 0 ? 0 : pool[o + 1]!) {
    const end = o + 2 + length;
    if (length > 0) {
      if (pool[o + 2]! < lowest) lowest = pool[o + 2]!;
      if (pool[end - 1]! > highest) highest = pool[end - 1]!;
    }
    for (let i = o + 2; i < end; i++) {
      const d = pool[i]!;
      bits[d >>> 5] = bits[d >>> 5]! | (1 << (d & 31));
    }
  }
  return [lowest, highest];
}

/** The set bits of words [from, to], highest first, as doc numbers into `out`. */
function readBitsDown(bits: Uint32Array, from: number, to: number, out: Uint32Array): number {
  let k = 0;
  for (let w = to; w >= from; w--) {
    let word = bits[w]!;
    while (word !== 0) {
      const bit = 31 - Math.clz32(word);
      out[k++] = (w << 5) + bit;
      word &= ~(1 << bit);
    }
  }
  return k;
}

/**
 * Keeps, in place, the docs of source[from, to) that are live, stamped (when `stamp` is not 0) and
 * inside the filter, moving them to `k` on (never past where they were read); returns the new end.
 */
function keepMatching(
  source: Uint32Array,
  from: number,
  to: number,
  k: number,
  dead: Uint8Array,
  stamps: Uint32Array,
  stamp: number,
  at: Float64Array,
  start: number,
  end: number,
  allowed: Uint8Array | undefined,
  conversation: Uint32Array,
): number {
  for (let i = from; i < to; i++) {
    const d = source[i]!;
    if (dead[d] || (stamp !== 0 && stamps[d] !== stamp)) continue;
    const time = at[d]!;
    if (time < start || time > end || (allowed && allowed[conversation[d]!] !== 1)) continue;
    source[k++] = d;
  }
  return k;
}

/** Merges two lists of docs, each newest first, into `into`, newest first. */
function mergeNewestFirst(a: Uint32Array, b: Uint32Array, at: Float64Array, into: Uint32Array): void {
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    into[k++] = at[x]! > at[y]! || (at[x] === at[y] && x > y) ? (i++, x) : (j++, y);
  }
  while (i < a.length) into[k++] = a[i++]!;
  while (j < b.length) into[k++] = b[j++]!;
}

/** Distinct conversations of `docs`, marking each in `seen` with `stamp`. */
function countDistinct(docs: Uint32Array, conversation: Uint32Array, seen: Uint32Array, stamp: number): number {
  let count = 0;
  for (let i = 0; i < docs.length; i++) {
    const c = conversation[docs[i]!]!;
    if (seen[c] !== stamp) {
      seen[c] = stamp;
      count++;
    }
  }
  return count;
}

interface Range {
  word: string;
  /** Ranks in the sorted vocabulary. */
  lo: number;
  hi: number;
  /** Unmerged tokens with the prefix. */
  fresh: number[];
  /** Postings over all of them. */
  total: number;
}

export class InvertedIndex {
  // ---- vocabulary ----
  #tokens: string[] = [];
  /** Ids of the first #merged tokens, sorted by token. Replaced, never mutated, when tokens merge in. */
  #sorted: Uint32Array = new Uint32Array(0);
  #merged = 0;
  /** Ids of tokens not merged into #sorted yet. */
  #freshIds = new Map<string, number>();

  // ---- postings ----
  #pool: Uint32Array = new Uint32Array(1024);
  /** Offset 0 means "no block". A block is [previous block, capacity, …doc numbers]. */
  #poolLength = 1;
  #tail: Uint32Array = new Uint32Array(64);
  #tailLength: Uint32Array = new Uint32Array(64);
  #count: Uint32Array = new Uint32Array(64);
  /**
   * After a reload, postings stay in the snapshot's varint form until a token is first used
   * (#tail 0 with a count): a reload decodes nothing it doesn't need.
   */
  #packed: Uint8Array = new Uint8Array(0);
  #packedAt: Uint32Array = new Uint32Array(0);

  // ---- docs ----
  #docs = 0;
  #live = 0;
  #sortedUpTo = 0;
  #at: Float64Array = new Float64Array(64);
  #conversation: Uint32Array = new Uint32Array(64);
  #author: Uint8Array = new Uint8Array(64);
  #hash: Uint32Array = new Uint32Array(64);
  #keyHash: Uint32Array = new Uint32Array(64);
  #keyCheck: Uint32Array = new Uint32Array(64);
  #dead: Uint8Array = new Uint8Array(64);
  /** False from a restore until `attachKeys`: messages can't be recognized, so none are added. */
  #keysAttached = true;
  #snapshotId = 0;
  /** Open addressing by key hash and conversation: doc + 1, 0 for an empty slot. */
  #slots: Uint32Array = new Uint32Array(1024);
  #slotsUsed = 0;

  // ---- conversations ----
  #conversationIds: string[] = [];
  #conversationNumbers = new Map<string, number>();
  #meta: (ConversationMeta | undefined)[] = [];

  // ---- query scratch, reused ----
  #marks: Uint8Array = new Uint8Array(0);
  #stamps: Uint32Array = new Uint32Array(0);
  #stamp = 0;
  /** Candidates of the full result set, and the result itself (see `matchShared`). */
  #scratch: Uint32Array = new Uint32Array(0);
  /** The full result set when docs out of time order are merged in. */
  #mergeBuffer: Uint32Array = new Uint32Array(0);
  #sharedGeneration = 0;
  /** One bit per doc, for the full result set of a prefix over several tokens. */
  #bits: Uint32Array = new Uint32Array(0);
  /** Per conversation number: the last count that saw it. */
  #seen: Uint32Array = new Uint32Array(0);
  #seenStamp = 0;

  /** Messages in the index (edited ones counted once). */
  get size(): number {
    return this.#live;
  }

  /** Counts `matchShared` calls: a result of it is still in place while this is unchanged. */
  get sharedGeneration(): number {
    return this.#sharedGeneration;
  }

  /** Distinct tokens. */
  get vocabularySize(): number {
    return this.#tokens.length;
  }

  /** Docs added out of time order since the last snapshot: queries rank them in full. */
  get unsortedDocs(): number {
    return this.#docs - this.#sortedUpTo;
  }

  /** Docs replaced by an edit, still taking room until the next snapshot. */
  get deadDocs(): number {
    return this.#docs - this.#live;
  }

  /**
   * Indexes one message. A message seen again with the same text (a status update, a re-delivery)
   * is `unchanged`; with a new text (an edit) its old entry is dropped and the new text indexed.
   */
  add(conversationId: string, messageKey: string, at: number, author: MessageAuthor, text: string): AddOutcome {
    // `\0` separates conversation ids in the snapshot; no real id contains it.
    if (!this.#keysAttached) throw new Error('InvertedIndex.add() before attachKeys()');
    if (!text || conversationId.includes('\0')) return 'skipped';
    const c = this.#conversationNumber(conversationId);
    const [keyHash, keyCheck] = hashKey(messageKey);
    const slot = this.#findSlot(keyHash, keyCheck, c);
    const hash = hashString(text);
    const known = slot >= 0 ? this.#slots[slot]! - 1 : -1;
    if (known >= 0) {
      if (this.#dead[known]) {
        // Emptied by an earlier edit: indexed anew below.
      } else if (this.#hash[known] === hash) {
        return 'unchanged';
      } else {
        this.#dead[known] = 1;
        this.#live--;
      }
    }
    const tokens = tokenize(text);
    if (tokens.length === 0) return known >= 0 ? 'added' : 'skipped';

    const d = this.#docs;
    if (d >= this.#at.length) this.#growDocs(d + 1);
    for (const token of tokens) {
      // A repeated word in one message is one posting.
      this.#appendPosting(this.#tokenId(token) ?? this.#newToken(token), d);
    }
    this.#at[d] = at;
    this.#conversation[d] = c;
    this.#author[d] = AUTHOR_CODE[author] ?? 0;
    this.#hash[d] = hash;
    this.#keyHash[d] = keyHash;
    this.#keyCheck[d] = keyCheck;
    this.#dead[d] = 0;
    if (slot >= 0) this.#slots[slot] = d + 1;
    else this.#insertSlot(-1 - slot, d);
    if (this.#sortedUpTo === d && (d === 0 || at >= this.#at[d - 1]!)) this.#sortedUpTo = d + 1;
    this.#docs = d + 1;
    this.#live++;
    // Queries scan unmerged tokens one by one: keep them few, but merge in batches.
    if (this.#freshIds.size >= Math.min(4096, Math.max(512, this.#merged >> 3))) this.mergeVocabulary();
    return 'added';
  }

  /** Keeps what the filters need to know about a conversation. */
  setConversation(conversationId: string, meta: ConversationMeta): void {
    if (conversationId.includes('\0')) return;
    this.#meta[this.#conversationNumber(conversationId)] = meta;
  }

  /** Sorts the tokens added since the last merge into the vocabulary. Cheap to call when idle. */
  mergeVocabulary(): void {
    const total = this.#tokens.length;
    if (this.#merged === total) return;
    const tokens = this.#tokens;
    const fresh = Array.from({ length: total - this.#merged }, (_, i) => this.#merged + i).sort((a, b) =>
      tokens[a]! < tokens[b]! ? -1 : 1,
    );
    // Each new token's place is found by binary search; the old ones between are copied in runs.
    const old = this.#sorted;
    const sorted = new Uint32Array(total);
    let from = 0;
    let k = 0;
    for (const t of fresh) {
      const token = tokens[t]!;
      let lo = from;
      let hi = old.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (tokens[old[mid]!]! < token) lo = mid + 1;
        else hi = mid;
      }
      sorted.set(old.subarray(from, lo), k);
      k += lo - from;
      sorted[k++] = t;
      from = lo;
    }
    sorted.set(old.subarray(from), k);
    this.#sorted = sorted;
    this.#merged = total;
    this.#freshIds.clear();
  }

  /**
   * Docs matching every word as a prefix of one of their tokens, newest first (by `at`), at most
   * `limit`; `more` when there are others.
   */
  search(words: readonly string[], filter: DocFilter, limit: number): { docs: number[]; more: boolean } {
    const none = { docs: [], more: false };
    if (words.length === 0 || this.#live === 0 || limit <= 0) return none;
    const ranges = words.map((word) => this.#range(word));
    let driver = ranges[0]!;
    for (const range of ranges) {
      if (range.total === 0) return none;
      if (range.total < driver.total) driver = range;
    }
    const stamp = this.#stampOthers(ranges, driver);
    const stamps = this.#stamps;
    const allowed = this.#allowedConversations(filter);
    const from = filter.from ?? -Infinity;
    const to = filter.to ?? Infinity;
    const at = this.#at;
    const dead = this.#dead;
    const conversation = this.#conversation;
    const accept = (d: number) => (stamp === 0 || stamps[d] === stamp) && (!allowed || allowed[conversation[d]!] === 1);

    // Docs after sortedUpTo are not in time order: their best `keep` are kept in a min-heap by time.
    const keep = limit + 1;
    const heapDoc = new Uint32Array(keep);
    let heapSize = 0;
    const older = (a: number, b: number) => at[a]! < at[b]! || (at[a] === at[b] && a < b);
    const heapPush = (d: number) => {
      if (heapSize === keep) {
        // Replace the oldest, sift down.
        let i = 0;
        for (;;) {
          const l = 2 * i + 1;
          const r = l + 1;
          let m = i;
          let md = d;
          if (l < heapSize && older(heapDoc[l]!, md)) {
            m = l;
            md = heapDoc[l]!;
          }
          if (r < heapSize && older(heapDoc[r]!, md)) m = r;
          if (m === i) break;
          heapDoc[i] = heapDoc[m]!;
          i = m;
        }
        heapDoc[i] = d;
        return;
      }
      let i = heapSize++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!older(d, heapDoc[parent]!)) break;
        heapDoc[i] = heapDoc[parent]!;
        i = parent;
      }
      heapDoc[i] = d;
    };
    const inOrder: number[] = [];
    const sortedUpTo = this.#sortedUpTo;

    /** Called with candidate docs in descending doc order; returns false to stop. */
    const visit = (d: number): boolean => {
      if (dead[d]) return true;
      const time = at[d]!;
      if (d >= sortedUpTo) {
        if (time < from || time > to || (heapSize === keep && !older(heapDoc[0]!, d))) return true;
        if (accept(d)) heapPush(d);
        return true;
      }
      // In time order from here on: older docs only.
      if (time < from) return false;
      if (time > to || !accept(d)) return true;
      inOrder.push(d);
      return inOrder.length < keep;
    };
    this.#candidates(driver, visit);

    const fromHeap = Array.from(heapDoc.subarray(0, heapSize)).sort((a, b) => (older(a, b) ? 1 : -1));
    const docs: number[] = [];
    let i = 0;
    let j = 0;
    while (docs.length < keep && (i < fromHeap.length || j < inOrder.length)) {
      if (j >= inOrder.length || (i < fromHeap.length && older(inOrder[j]!, fromHeap[i]!))) docs.push(fromHeap[i++]!);
      else docs.push(inOrder[j++]!);
    }
    const more = docs.length > limit;
    if (more) docs.length = limit;
    return { docs, more };
  }

  /**
   * Every doc matching every word as a prefix of one of its tokens (and the filter), newest first
   * (by `at`): the full result set, exact. Costs a walk over the words' postings, and no object
   * per doc; `search` is cheaper when only the newest few are needed.
   */
  matchAll(words: readonly string[], filter: DocFilter): Uint32Array {
    return this.matchShared(words, filter).slice();
  }

  /**
   * `matchAll` in the index's own buffer, without allocating one per query: valid until the next
   * `matchShared` or `matchAll` (see `sharedGeneration`) or change of the index.
   */
  matchShared(words: readonly string[], filter: DocFilter): Uint32Array {
    this.#sharedGeneration++;
    const none = new Uint32Array(0);
    if (words.length === 0 || this.#live === 0) return none;
    const ranges = words.map((word) => this.#range(word));
    let driver = ranges[0]!;
    for (const range of ranges) {
      if (range.total === 0) return none;
      if (range.total < driver.total) driver = range;
    }
    const stamp = this.#stampOthers(ranges, driver);
    const list = this.#tokensOf(driver);
    // At most one entry per posting of the driver; reused from query to query.
    if (this.#scratch.length < driver.total) this.#scratch = new Uint32Array(Math.max(driver.total, Math.ceil(this.#docs * 0.25)));
    const out = this.#scratch;
    let k = 0;
    if (list.length === 1) {
      k = this.#collectToken(list[0]!, out);
    } else {
      // Several tokens (a prefix): a doc may have more than one of them. Their docs are set in a
      // bitset, which is then read downwards.
      const words32 = (this.#docs >>> 5) + 1;
      if (this.#bits.length < words32) this.#bits = new Uint32Array(Math.ceil(words32 * 1.25));
      const bits = this.#bits;
      let highest = -1;
      let lowest = this.#docs;
      for (const t of list) {
        const [lo, hi] = setBits(this.#pool, this.#tail[t]!, this.#tailLength[t]!, bits);
        if (hi > highest) highest = hi;
        if (lo < lowest) lowest = lo;
      }
      if (highest >= 0) {
        k = readBitsDown(bits, lowest >>> 5, highest >>> 5, out);
        bits.fill(0, lowest >>> 5, (highest >>> 5) + 1);
      }
    }
    return this.#accepted(out, k, stamp, filter);
  }

  /** Conversations among `docs`. */
  conversationCount(docs: Uint32Array): number {
    const conversations = this.#conversationIds.length;
    if (this.#seen.length < conversations) this.#seen = new Uint32Array(Math.ceil(conversations * 1.25) + 16);
    if (this.#seenStamp >= 0xfffffffe) {
      this.#seen.fill(0);
      this.#seenStamp = 0;
    }
    return countDistinct(docs, this.#conversation, this.#seen, ++this.#seenStamp);
  }

  /**
   * Forgets a message (deleted, or edited down to nothing searchable). False when it was not in
   * the index.
   */
  remove(conversationId: string, messageKey: string): boolean {
    if (!this.#keysAttached) throw new Error('InvertedIndex.remove() before attachKeys()');
    const d = this.find(conversationId, messageKey);
    if (d < 0) return false;
    this.#dead[d] = 1;
    this.#live--;
    return true;
  }

  /** The live doc of a message, or -1 (also before `attachKeys`). */
  find(conversationId: string, messageKey: string): number {
    const c = this.#conversationNumbers.get(conversationId);
    if (c === undefined || !this.#keysAttached) return -1;
    const [keyHash, keyCheck] = hashKey(messageKey);
    const slot = this.#findSlot(keyHash, keyCheck, c);
    const d = slot >= 0 ? this.#slots[slot]! - 1 : -1;
    return d >= 0 && !this.#dead[d] ? d : -1;
  }

  /** Whether `d` is among `docs`, a list newest first as `matchAll` returns it. */
  includes(docs: Uint32Array, d: number): boolean {
    const at = this.#at;
    let lo = 0;
    let hi = docs.length;
    // Newest first: (time, doc) descending.
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const m = docs[mid]!;
      if (at[m]! > at[d]! || (at[m] === at[d] && m > d)) lo = mid + 1;
      else hi = mid;
    }
    return lo < docs.length && docs[lo] === d;
  }

  /** A token's docs, downwards, into `out`. */
  #collectToken(t: number, out: Uint32Array): number {
    const pool = this.#pool;
    let k = 0;
    for (let o = this.#tail[t]!, length = this.#tailLength[t]!; o !== 0; o = pool[o]!, length = o === 0 ? 0 : pool[o + 1]!) {
      for (let i = o + 1 + length; i > o + 1; i--) out[k++] = pool[i]!;
    }
    return k;
  }

  /**
   * Of the candidates (descending doc order, each once), those live, stamped by every other word
   * and passing the filter, newest first: docs in time order as they come, the others sorted by
   * time and merged in.
   */
  #accepted(candidates: Uint32Array, n: number, stamp: number, filter: DocFilter): Uint32Array {
    // One word, every doc live and in time order, no filter: every candidate, in order.
    if (stamp === 0 && this.#acceptsAll(filter)) return candidates.subarray(0, n);
    const allowed = this.#allowedConversations(filter);
    const from = filter.from ?? -Infinity;
    const to = filter.to ?? Infinity;
    const sortedUpTo = this.#sortedUpTo;
    // Candidates at or after sortedUpTo come first (highest doc numbers).
    let split = 0;
    while (split < n && candidates[split]! >= sortedUpTo) split++;
    const rest = candidates.slice(0, split);
    const r = keepMatching(rest, 0, split, 0, this.#dead, this.#stamps, stamp, this.#at, from, to, allowed, this.#conversation);
    // In place: the kept docs never overtake the ones read.
    const k = keepMatching(candidates, split, n, r, this.#dead, this.#stamps, stamp, this.#at, from, to, allowed, this.#conversation);
    if (r === 0) return candidates.subarray(r, k);
    const at = this.#at;
    const unsorted = rest.subarray(0, r).sort((a, b) => at[b]! - at[a]! || b - a);
    if (this.#mergeBuffer.length < k) this.#mergeBuffer = new Uint32Array(Math.max(k, this.#scratch.length));
    const docs = this.#mergeBuffer.subarray(0, k);
    mergeNewestFirst(unsorted, candidates.subarray(r, k), at, docs);
    return docs;
  }

  /** No doc is dead or out of time order, and the filter filters nothing: every candidate is a match, in order. */
  #acceptsAll(filter: DocFilter): boolean {
    return (
      this.#live === this.#docs &&
      this.#sortedUpTo === this.#docs &&
      filter.from === undefined &&
      filter.to === undefined &&
      !filter.customer?.trim() &&
      !filter.states?.length
    );
  }

  /** Stamps, word by word, the docs having every word other than the driver's; 0 when there are none. */
  #stampOthers(ranges: readonly Range[], driver: Range): number {
    // Each word stamps its docs only where the previous one did: the AND of them all.
    let stamp = 0;
    const stamps = this.#stamps.length >= this.#docs ? this.#stamps : (this.#stamps = new Uint32Array(Math.ceil(this.#docs * 1.25)));
    for (const other of ranges) {
      if (other === driver) continue;
      const previous = stamp;
      if (this.#stamp >= 0xfffffffe) {
        stamps.fill(0);
        this.#stamp = 0;
      }
      stamp = ++this.#stamp;
      this.#forEachPosting(other, (d) => {
        if (previous === 0 || stamps[d] === previous) stamps[d] = stamp;
      });
    }
    return stamp;
  }

  info(d: number): DocInfo {
    return {
      conversationId: this.#conversationIds[this.#conversation[d]!]!,
      at: this.#at[d]!,
      author: AUTHORS[this.#author[d]!]!,
      key: this.#keysAttached ? [this.#keyHash[d]!, this.#keyCheck[d]!] : undefined,
    };
  }

  /** Builds a snapshot at once (see `snapshotSteps` for the sliced version). */
  snapshot(): SearchSnapshot {
    return finish(this.snapshotSteps());
  }

  /**
   * Builds a snapshot in small steps (the generator yields between them), so the caller can give
   * the event loop a turn. Docs come out in time order without edited-away entries, tokens in sort
   * order without unused ones. What is added meanwhile is left out (and found again by the next
   * start's catch-up, or replayed by the caller).
   */
  *snapshotSteps(): Generator<void, SearchSnapshot> {
    this.mergeVocabulary();
    const n = this.#docs;
    const sortedTokens = this.#sorted;
    const tokens = this.#tokens;
    const dead = this.#dead.slice(0, n);
    const at = this.#at.slice(0, n);

    // Time order: the in-order prefix as it is, the rest sorted, then the two merged.
    const sortedUpTo = Math.min(this.#sortedUpTo, n);
    const prefix = liveDocs(dead, 0, sortedUpTo);
    yield;
    const sortedRest = yield* mergeSort(liveDocs(dead, sortedUpTo, n), (a, b) => at[a]! - at[b]! || a - b);
    const order = new Uint32Array(prefix.length + sortedRest.length);
    mergeByTime(prefix, sortedRest, at, order);
    const m = order.length;
    yield;
    const renumber = inverse(order, n);
    yield;

    // Each token's postings renumbered, written as varint gaps; tokens left with none are dropped.
    const vocabulary: string[] = [];
    const counts = new VarintWriter();
    const sizes = new VarintWriter();
    const postings = new VarintWriter();
    let buffer = new Uint32Array(1024);
    let work = 0;
    for (let r = 0; r < sortedTokens.length; r++) {
      const t = sortedTokens[r]!;
      this.#unpack(t);
      if (buffer.length < this.#count[t]!) buffer = new Uint32Array(this.#count[t]! * 2);
      const k = renumberPostings(this.#pool, this.#tail[t]!, this.#tailLength[t]!, renumber, n, buffer);
      work += k + 8;
      if (k === 0) continue;
      vocabulary.push(tokens[t]!);
      counts.write(k);
      const before = postings.length;
      writeGaps(postings, buffer, k);
      sizes.write(postings.length - before);
      if (work > 65536) {
        work = 0;
        yield;
      }
    }
    yield;

    const times = gather(at, order, new Float64Array(m));
    yield;
    const atColumn = encodeTimes(times);
    yield;
    const conversationColumn = this.#conversationIds.length * 4 <= 0xffff ? new Uint16Array(m) : new Uint32Array(m);
    packConversationColumn(this.#conversation, this.#author, order, conversationColumn);
    yield;
    const keyColumns = [this.#hash, this.#keyHash, this.#keyCheck].map((column) => gather(column, order, new Uint32Array(m)));
    yield;
    const id = (Math.random() * 0x100000000) >>> 0;
    return {
      index: {
        format: SNAPSHOT_FORMAT,
        version: SNAPSHOT_VERSION,
        id,
        docs: m,
        // Fields are read back in this order: the postings last, as they need no work on arrival.
        vocabulary: vocabulary.join('\n'),
        postingCounts: counts.done(),
        postingBytes: sizes.done(),
        at: atColumn,
        conversation: conversationColumn,
        conversations: this.#conversationIds.join('\0'),
        postings: postings.done(),
      },
      keys: {
        format: SNAPSHOT_FORMAT,
        version: SNAPSHOT_VERSION,
        id,
        hash: keyColumns[0]!,
        keyHash: keyColumns[1]!,
        keyCheck: keyColumns[2]!,
      },
    };
  }

  /** The index a snapshot describes, or undefined when it is of another version or inconsistent. */
  static fromSnapshot(snapshot: unknown): InvertedIndex | undefined {
    const s = snapshot as Partial<SearchSnapshot> | undefined;
    const index = finish(InvertedIndex.restoreSteps(s?.index));
    return index?.attachKeys(s?.keys) ? index : undefined;
  }

  /**
   * The searchable part of a snapshot, in small steps. The index answers queries at once, and
   * takes new messages once `attachKeys` has succeeded.
   */
  static *restoreSteps(snapshot: unknown): Generator<void, InvertedIndex | undefined> {
    const s = snapshot as Partial<IndexSnapshot> | undefined;
    if (!s || typeof s !== 'object') return undefined;
    const index = InvertedIndex.#restoreStart(s);
    if (!index || !index.#restoreVocabulary(s.vocabulary)) return undefined;
    yield;
    if (!index.#restoreTokens(s.postingCounts, s.postingBytes)) return undefined;
    yield;
    if (!index.#restoreTimes(s.at)) return undefined;
    yield;
    if (!index.#restoreConversations(s.conversation, s.conversations)) return undefined;
    return index.#restorePostings(s.postings) ? index : undefined;
  }

  /**
   * `restoreSteps` for a snapshot whose fields are still being read: each part is rebuilt as soon
   * as it arrives, so the rebuild overlaps the reading. `head` has the small fields.
   */
  static async restoreAsync(head: unknown, field: (name: keyof IndexSnapshot) => Promise<unknown>): Promise<InvertedIndex | undefined> {
    const s = head as Partial<IndexSnapshot> | undefined;
    if (!s || typeof s !== 'object') return undefined;
    const index = InvertedIndex.#restoreStart(s);
    if (!index) return undefined;
    const [vocabulary, counts, sizes, postings, at, conversation, conversations] = (
      ['vocabulary', 'postingCounts', 'postingBytes', 'postings', 'at', 'conversation', 'conversations'] as const
    ).map(field);
    if (!index.#restoreVocabulary(await vocabulary)) return undefined;
    if (!index.#restoreTokens(await counts, await sizes)) return undefined;
    if (!index.#restoreTimes(await at)) return undefined;
    if (!index.#restoreConversations(await conversation, await conversations)) return undefined;
    return index.#restorePostings(await postings) ? index : undefined;
  }

  static #restoreStart(s: Partial<IndexSnapshot>): InvertedIndex | undefined {
    if (s.format !== SNAPSHOT_FORMAT || s.version !== SNAPSHOT_VERSION || typeof s.docs !== 'number' || typeof s.id !== 'number') return undefined;
    const index = new InvertedIndex();
    index.#docs = index.#live = index.#sortedUpTo = s.docs;
    index.#snapshotId = s.id;
    index.#keysAttached = false;
    return index;
  }

  #restoreVocabulary(vocabulary: unknown): boolean {
    if (typeof vocabulary !== 'string') return false;
    this.#tokens = vocabulary ? vocabulary.split('\n') : [];
    this.#sorted = identity(this.#tokens.length);
    this.#merged = this.#tokens.length;
    return true;
  }

  /** Postings stay packed until used: only each token's count and start are decoded. */
  #restoreTokens(postingCounts: unknown, postingBytes: unknown): boolean {
    if (!(postingCounts instanceof Uint8Array && postingBytes instanceof Uint8Array)) return false;
    const v = this.#tokens.length;
    const counts = new Uint32Array(v + 64);
    const packedAt = new Uint32Array(v + 1);
    if (!decodeTokenTable(postingCounts, postingBytes, counts.subarray(0, v), packedAt)) return false;
    this.#tail = new Uint32Array(v + 64);
    this.#tailLength = new Uint32Array(v + 64);
    this.#count = counts;
    this.#packedAt = packedAt;
    return true;
  }

  /** After #restoreTokens: the packed postings must be exactly as long as the token table says. */
  #restorePostings(postings: unknown): boolean {
    if (!(postings instanceof Uint8Array) || postings.length !== this.#packedAt[this.#tokens.length]) return false;
    this.#packed = postings;
    // Sized for a quarter of the postings; it grows as tokens are used.
    this.#pool = new Uint32Array(Math.ceil(postings.length / 4) + 1024);
    return true;
  }

  #restoreTimes(at: unknown): boolean {
    const n = this.#docs;
    if (at instanceof Float64Array) {
      if (at.length !== n) return false;
      this.#at = withSlack(at, n);
      return true;
    }
    if (!(at instanceof Uint8Array)) return false;
    this.#at = new Float64Array(Math.ceil(n * 1.1) + 64);
    return decodeTimes(at, this.#at, n);
  }

  /** After #restoreTimes (the columns share its capacity). */
  #restoreConversations(conversation: unknown, conversations: unknown): boolean {
    const n = this.#docs;
    if (!(conversation instanceof Uint16Array || conversation instanceof Uint32Array) || conversation.length !== n || typeof conversations !== 'string') return false;
    const conversationIds = conversations ? conversations.split('\0') : [];
    const capacity = this.#at.length;
    this.#conversation = new Uint32Array(capacity);
    this.#author = new Uint8Array(capacity);
    if (!splitConversationColumn(conversation, this.#conversation, this.#author, conversationIds.length)) return false;
    this.#dead = new Uint8Array(capacity);
    for (const conversationId of conversationIds) this.#conversationNumber(conversationId);
    return true;
  }

  /** Adds the message keys of the snapshot this index was restored from; false if they do not belong to it. */
  attachKeys(snapshot: unknown): boolean {
    return finish(this.attachKeysSteps(snapshot));
  }

  /** `attachKeys` in small steps. */
  *attachKeysSteps(snapshot: unknown): Generator<void, boolean> {
    const s = snapshot as Partial<KeySnapshot> | undefined;
    const n = this.#docs;
    if (
      this.#keysAttached ||
      !s ||
      s.format !== SNAPSHOT_FORMAT ||
      s.version !== SNAPSHOT_VERSION ||
      s.id !== this.#snapshotId ||
      !(s.hash instanceof Uint32Array && s.hash.length === n) ||
      !(s.keyHash instanceof Uint32Array && s.keyHash.length === n) ||
      !(s.keyCheck instanceof Uint32Array && s.keyCheck.length === n)
    ) {
      return false;
    }
    const capacity = this.#at.length;
    const columns = [s.hash, s.keyHash, s.keyCheck].map((column) => {
      const grown = new Uint32Array(capacity);
      grown.set(column);
      return grown;
    });
    yield;
    let size = 1024;
    while (size < n * 2) size *= 2;
    const slots = new Uint32Array(size);
    for (let d = 0; d < n; d += 16384) {
      fillSlots(slots, columns[1]!, this.#conversation, d, Math.min(n, d + 16384));
      yield;
    }
    // Only now, all at once: add() must never see half of it.
    if (this.#keysAttached || n !== this.#docs) return false;
    [this.#hash, this.#keyHash, this.#keyCheck] = columns as [Uint32Array, Uint32Array, Uint32Array];
    this.#slots = slots;
    this.#slotsUsed = n;
    this.#keysAttached = true;
    return true;
  }

  // ---- internals ----

  /** The slot holding the message's doc, or -1 - the free slot where it would go. */
  #findSlot(keyHash: number, keyCheck: number, conversation: number): number {
    const mask = this.#slots.length - 1;
    for (let slot = slotOf(keyHash, conversation, mask); ; slot = (slot + 1) & mask) {
      const entry = this.#slots[slot]!;
      if (entry === 0) return -1 - slot;
      const d = entry - 1;
      if (this.#keyHash[d] === keyHash && this.#keyCheck[d] === keyCheck && this.#conversation[d] === conversation) return slot;
    }
  }

  #insertSlot(slot: number, d: number): void {
    this.#slots[slot] = d + 1;
    if (++this.#slotsUsed * 2 <= this.#slots.length) return;
    const slots = new Uint32Array(this.#slots.length * 2);
    const mask = slots.length - 1;
    for (const entry of this.#slots) {
      if (entry === 0) continue;
      let s = slotOf(this.#keyHash[entry - 1]!, this.#conversation[entry - 1]!, mask);
      while (slots[s] !== 0) s = (s + 1) & mask;
      slots[s] = entry;
    }
    this.#slots = slots;
  }

  #conversationNumber(conversationId: string): number {
    let c = this.#conversationNumbers.get(conversationId);
    if (c === undefined) {
      c = this.#conversationIds.length;
      this.#conversationIds.push(conversationId);
      this.#conversationNumbers.set(conversationId, c);
    }
    return c;
  }

  #growDocs(need: number): void {
    this.#at = grow(this.#at, need);
    this.#conversation = grow(this.#conversation, need);
    this.#author = grow(this.#author, need);
    this.#hash = grow(this.#hash, need);
    this.#keyHash = grow(this.#keyHash, need);
    this.#keyCheck = grow(this.#keyCheck, need);
    this.#dead = grow(this.#dead, need);
  }

  #tokenId(token: string): number | undefined {
    const sorted = this.#sorted;
    const tokens = this.#tokens;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const t = sorted[mid]!;
      const other = tokens[t]!;
      if (other === token) return t;
      if (other < token) lo = mid + 1;
      else hi = mid;
    }
    return this.#freshIds.get(token);
  }

  #newToken(token: string): number {
    const t = this.#tokens.length;
    const own = ownString(token);
    this.#tokens.push(own);
    this.#freshIds.set(own, t);
    if (t >= this.#tail.length) {
      this.#tail = grow(this.#tail, t + 1);
      this.#tailLength = grow(this.#tailLength, t + 1);
      this.#count = grow(this.#count, t + 1);
    }
    return t;
  }

  #allocateBlock(capacity: number, previous: number): number {
    this.#pool = grow(this.#pool, this.#poolLength + 2 + capacity);
    const o = this.#poolLength;
    this.#pool[o] = previous;
    this.#pool[o + 1] = capacity;
    this.#poolLength += 2 + capacity;
    return o;
  }

  #appendPosting(t: number, d: number): void {
    this.#unpack(t);
    const count = this.#count[t]!;
    if (count === 0) {
      const o = this.#allocateBlock(1, 0);
      this.#pool[o + 2] = d;
      this.#tail[t] = o;
      this.#tailLength[t] = 1;
      this.#count[t] = 1;
      return;
    }
    const o = this.#tail[t]!;
    const length = this.#tailLength[t]!;
    if (this.#pool[o + 1 + length] === d) return;
    if (length === this.#pool[o + 1]) {
      // Blocks grow with the list (a quarter of it), bounded so a reload's exact blocks waste little.
      const next = this.#allocateBlock(Math.min(1024, Math.max(4, count >> 2)), o);
      this.#pool[next + 2] = d;
      this.#tail[t] = next;
      this.#tailLength[t] = 1;
    } else {
      this.#pool[o + 2 + length] = d;
      this.#tailLength[t] = length + 1;
    }
    this.#count[t] = count + 1;
  }

  /** Tokens starting with `word`: a range of ranks in the sorted vocabulary plus unmerged tokens. */
  #range(word: string): Range {
    const sorted = this.#sorted;
    const tokens = this.#tokens;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tokens[sorted[mid]!]! < word) lo = mid + 1;
      else hi = mid;
    }
    const start = lo;
    hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tokens[sorted[mid]!]!.startsWith(word)) lo = mid + 1;
      else hi = mid;
    }
    let total = 0;
    for (let r = start; r < lo; r++) total += this.#count[sorted[r]!]!;
    const fresh: number[] = [];
    for (const [token, t] of this.#freshIds) {
      if (token.startsWith(word)) {
        fresh.push(t);
        total += this.#count[t]!;
      }
    }
    return { word, lo: start, hi: lo, fresh, total };
  }

  #allowedConversations(filter: DocFilter): Uint8Array | undefined {
    const customer = filter.customer?.trim() ?? '';
    const states = filter.states?.length ? filter.states : undefined;
    if (!customer && !states) return undefined;
    const name = fold(customer);
    const allowed = new Uint8Array(this.#conversationIds.length);
    for (let c = 0; c < allowed.length; c++) {
      const meta = this.#meta[c];
      if (!meta) continue;
      if (states && !states.includes(meta.state)) continue;
      if (customer && meta.customerId !== customer && !meta.customerName.includes(name)) continue;
      allowed[c] = 1;
    }
    return allowed;
  }

  /** The range's tokens, their postings unpacked. */
  #tokensOf(range: Range): number[] {
    const list = [...this.#sorted.subarray(range.lo, range.hi), ...range.fresh];
    for (const t of list) this.#unpack(t);
    return list;
  }

  /** Decodes a token's postings from the snapshot into one exact block. */
  #unpack(t: number): void {
    if (this.#tail[t] !== 0) return;
    const count = this.#count[t]!;
    if (count === 0) return;
    const o = this.#allocateBlock(count, 0);
    const pool = this.#pool;
    const bytes = this.#packed;
    const n = this.#docs;
    let b = this.#packedAt[t]!;
    let d = 0;
    for (let i = o + 2, end = o + 2 + count; i < end; i++) {
      let byte = bytes[b++]!;
      let gap = byte & 0x7f;
      for (let shift = 7; byte & 0x80 && shift < 35; shift += 7) {
        byte = bytes[b++]!;
        gap |= (byte & 0x7f) << shift;
      }
      d += gap >>> 0;
      // A damaged snapshot must not point past the docs.
      pool[i] = d < n ? d : n - 1;
    }
    this.#tail[t] = o;
    this.#tailLength[t] = count;
  }

  /** Every posting of the range's tokens, in no particular order (a doc once per token). */
  #forEachPosting(range: Range, visit: (d: number) => void): void {
    const list = this.#tokensOf(range);
    const pool = this.#pool;
    for (const t of list) {
      for (let o = this.#tail[t]!, length = this.#tailLength[t]!; o !== 0; o = pool[o]!, length = o === 0 ? 0 : pool[o + 1]!) {
        for (let i = o + 2, end = o + 2 + length; i < end; i++) visit(pool[i]!);
      }
    }
  }

  /** Feeds `visit` the docs having any token of the range, in descending doc order, each once. */
  #candidates(range: Range, visit: (d: number) => boolean): void {
    const list = this.#tokensOf(range);
    const pool = this.#pool;
    if (list.length === 1) {
      const t = list[0]!;
      for (let o = this.#tail[t]!, length = this.#tailLength[t]!; o !== 0; o = pool[o]!, length = o === 0 ? 0 : pool[o + 1]!) {
        for (let i = o + 1 + length; i > o + 1; i--) if (!visit(pool[i]!)) return;
      }
      return;
    }
    if (list.length <= HEAP_MERGE_MAX) {
      // k-way merge: a max-heap of list cursors by their current doc.
      const k = list.length;
      const block = new Uint32Array(k);
      const position = new Uint32Array(k); // index of the current doc inside its block
      const heap: number[] = [];
      const doc = (c: number) => pool[block[c]! + 2 + position[c]!]!;
      const siftDown = (i: number) => {
        const size = heap.length;
        for (;;) {
          const l = 2 * i + 1;
          let m = i;
          if (l < size && doc(heap[l]!) > doc(heap[m]!)) m = l;
          if (l + 1 < size && doc(heap[l + 1]!) > doc(heap[m]!)) m = l + 1;
          if (m === i) return;
          [heap[i], heap[m]] = [heap[m]!, heap[i]!];
          i = m;
        }
      };
      for (let c = 0; c < k; c++) {
        block[c] = this.#tail[list[c]!]!;
        position[c] = this.#tailLength[list[c]!]! - 1;
        heap.push(c);
      }
      for (let i = (heap.length >> 1) - 1; i >= 0; i--) siftDown(i);
      let last = -1;
      while (heap.length > 0) {
        const c = heap[0]!;
        const d = doc(c);
        if (d !== last) {
          if (!visit(d)) return;
          last = d;
        }
        if (position[c]! > 0) position[c]!--;
        else {
          const previous = pool[block[c]!]!;
          if (previous === 0) {
            heap[0] = heap[heap.length - 1]!;
            heap.pop();
          } else {
            block[c] = previous;
            position[c] = pool[previous + 1]! - 1;
          }
        }
        if (heap.length > 0) siftDown(0);
      }
      return;
    }
    // Many tokens (a short prefix): mark their docs, then walk the marks downwards.
    if (this.#marks.length < this.#docs) this.#marks = new Uint8Array(Math.ceil(this.#docs * 1.25));
    const marks = this.#marks;
    let highest = -1;
    let lowest = this.#docs;
    this.#forEachPosting(range, (d) => {
      marks[d] = 1;
      if (d > highest) highest = d;
      if (d < lowest) lowest = d;
    });
    for (let d = highest; d >= lowest; d--) {
      if (marks[d] && !visit(d)) break;
    }
    if (highest >= 0) marks.fill(0, lowest, highest + 1);
  }
}
