import { closeSync, existsSync, fdatasyncSync, mkdirSync, openSync, readFileSync, readSync, renameSync, truncateSync, writeSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { usesCapacity } from '../../src/core/conversation-state.js';
import type { Message } from '../../src/core/model.js';
import {
  CURSOR_WIDTH,
  formatCursor,
  type AgentRecord,
  type BridgeStore,
  type ConversationRecord,
  type FileRecord,
  type LoggedEvent,
  type OfferRecord,
  type SentRecord,
  type UnstampedEvent,
} from './store.js';
import type { TransportEvent } from '../../src/core/transport.js';

/** One line of the journal: an upsert of one record. */
type Entry =
  | { k: 'conv'; v: ConversationRecord }
  | { k: 'msg'; v: Message }
  | { k: 'ev'; v: LoggedEvent }
  | { k: 'key'; v: string; at?: number }
  | { k: 'sent'; v: SentRecord; at?: number }
  | { k: 'offer'; v: OfferRecord }
  | { k: 'agent'; v: AgentRecord }
  | { k: 'file'; v: FileRecord }
  | { k: 'part'; v: { clientId: string; messageId: string } }
  | { k: 'trim'; v: { agentId: string; upTo: number } };

export interface JournalStoreOptions {
  /**
   * Events kept per agent (at least; trimmed in steps): older ones are dropped and a cursor before them
   * gets a snapshot. Never trimmed past the position of a connected socket (see `holdEvents`).
   */
  maxEventsPerAgent?: number;
  /** The newest events of each agent kept parsed in memory; older kept ones are read back from the journal (with a directory). */
  hotEventsPerAgent?: number;
  /** How long dedupe keys (webhook mids…) and sent client ids are kept, ms. */
  keyTtlMs?: number;
  /** The clock (tests). */
  now?: () => number;
}

/** Where one line sits in the journal: byte offset and length. */
interface Ref {
  o: number;
  n: number;
}

/** A sent client id: when it was stored, and its record (on disk with a directory). */
type Sent = { at: number; record: SentRecord } | { at: number; o: number; n: number };

/** One agent's event log: cursor numbers with the place of each event's line, and the newest events parsed. */
interface AgentLog {
  seqs: number[];
  offs: number[];
  lens: number[];
  /** The parsed events; a hole where an older event is only on disk. */
  objs: (LoggedEvent | undefined)[];
  /** Entries before this index are on disk only. */
  spilled: number;
  /** The newest cursor number trimmed away (0: none); a cursor before it gets a snapshot. */
  trimmedUpTo: number;
}

const emptyLog = (): AgentLog => ({ seqs: [], offs: [], lens: [], objs: [], spilled: 0, trimmedUpTo: 0 });

const DAY = 24 * 60 * 60 * 1000;

/**
 * The default store: every change appended as one JSON line to `journal.jsonl` and flushed to disk
 * (fdatasync) before the bridge answers; replayed on start. A torn last line (a crash mid-write) is
 * skipped. On start, a journal much longer than the state it holds is rewritten compactly (write to a
 * temporary file, then rename). Uploaded files go to `files/`.
 *
 * Memory stays bounded over a long run: open conversations with their messages and offers, and each
 * agent's newest events, are held parsed; closed conversations, their messages and older events are
 * read back from the journal by their line's offset. Each agent's log keeps its newest
 * `maxEventsPerAgent` events (and everything a connected socket has not been sent yet); dedupe keys and
 * sent client ids expire after `keyTtlMs`. Without a directory it keeps everything in memory (tests).
 */
export class JournalStore implements BridgeStore {
  readonly #dir: string | undefined;
  #fd: number | undefined;
  /** Reads lines back (closed conversations, their messages, older events). */
  #rfd: number | undefined;
  #size = 0;
  #seq = 0;
  readonly #maxEvents: number;
  readonly #hotEvents: number;
  readonly #keyTtl: number;
  readonly #now: () => number;
  #held: ((agentId: string) => string | undefined) | undefined;
  /** Conversations not closed. */
  readonly #conversations = new Map<string, ConversationRecord>();
  /** Closed conversations: on disk (a record without a directory). */
  readonly #closed = new Map<string, Ref | ConversationRecord>();
  /** Messages of conversations not closed (all of them without a directory). */
  readonly #messages = new Map<string, Message>();
  /** The newest line of every message (with a directory). */
  readonly #messageRefs = new Map<string, Ref>();
  readonly #byConversation = new Map<string, string[]>();
  readonly #events = new Map<string, AgentLog>();
  /** Dedupe key → when it was claimed (insertion order is claim order). */
  readonly #keys = new Map<string, number>();
  /** Client id → its record and when it was stored (insertion order is time order). */
  readonly #sent = new Map<string, Sent>();
  readonly #offers = new Map<string, OfferRecord>();
  readonly #agents = new Map<string, AgentRecord>();
  readonly #files = new Map<string, FileRecord>();
  readonly #memoryFiles = new Map<string, Buffer>();
  readonly #parts = new Map<string, string[]>();

  constructor(dir?: string, options: JournalStoreOptions = {}) {
    this.#maxEvents = Math.max(1, options.maxEventsPerAgent ?? 10_000);
    this.#hotEvents = Math.max(1, options.hotEventsPerAgent ?? 64);
    this.#keyTtl = options.keyTtlMs ?? 7 * DAY;
    this.#now = options.now ?? Date.now;
    this.#dir = dir;
    if (!dir) return;
    mkdirSync(join(dir, 'files'), { recursive: true });
    const path = join(dir, 'journal.jsonl');
    const lines = this.#load(path);
    const records = this.#countEntries();
    if (lines > records * 2 + 1000) {
      const out = openSync(`${path}.tmp`, 'w');
      let chunk = '';
      for (const entry of this.#entries()) {
        chunk += `${JSON.stringify(entry)}\n`;
        if (chunk.length > 1 << 20) {
          writeSync(out, chunk);
          chunk = '';
        }
      }
      writeSync(out, chunk);
      fdatasyncSync(out);
      closeSync(out);
      renameSync(`${path}.tmp`, path);
      this.#reset();
      this.#load(path);
    }
    this.#fd = openSync(path, 'a');
  }

  /** Replays the journal at `path`; returns the number of lines. */
  #load(path: string): number {
    let lines = 0;
    if (existsSync(path)) {
      const bytes = readFileSync(path);
      let end = bytes.length;
      // A crash mid-write leaves a torn last line: cut it off, so the next record starts on a line of its own.
      if (end > 0 && bytes[end - 1] !== 0x0a) {
        end = bytes.lastIndexOf(0x0a) + 1;
        truncateSync(path, end);
      }
      this.#rfd = openSync(path, 'r');
      this.#size = end;
      for (let start = 0; start < end;) {
        let stop = bytes.indexOf(0x0a, start);
        if (stop < 0 || stop > end) stop = end;
        if (stop > start) {
          let entry: Entry | undefined;
          try {
            entry = JSON.parse(bytes.toString('utf8', start, stop)) as Entry;
          } catch {
            entry = undefined; // a torn write
          }
          if (entry) {
            this.#apply(entry, { o: start, n: stop - start }, true);
            lines++;
          }
        }
        start = stop + 1;
      }
    } else {
      closeSync(openSync(path, 'a'));
      this.#rfd = openSync(path, 'r');
    }
    for (const agentId of this.#events.keys()) this.#trim(agentId);
    return lines;
  }

  #reset(): void {
    if (this.#rfd !== undefined) closeSync(this.#rfd);
    this.#rfd = undefined;
    this.#size = 0;
    this.#seq = 0;
    for (const map of [
      this.#conversations,
      this.#closed,
      this.#messages,
      this.#messageRefs,
      this.#byConversation,
      this.#events,
      this.#keys,
      this.#sent,
      this.#offers,
      this.#agents,
      this.#files,
      this.#parts,
    ])
      map.clear();
  }

  #read<T>(ref: Ref): T {
    const buffer = Buffer.allocUnsafe(ref.n);
    readSync(this.#rfd!, buffer, 0, ref.n, ref.o);
    return (JSON.parse(buffer.toString('utf8')) as { v: T }).v;
  }

  #countEntries(): number {
    let events = 0;
    for (const log of this.#events.values()) events += log.seqs.length + 1;
    let parts = 0;
    for (const ids of this.#parts.values()) parts += ids.length;
    return (
      this.#agents.size +
      this.#conversations.size +
      this.#closed.size +
      (this.#dir ? this.#messageRefs.size : this.#messages.size) +
      this.#offers.size +
      this.#keys.size +
      this.#sent.size +
      this.#files.size +
      parts +
      events
    );
  }

  /** The state as journal lines (what a compaction writes). */
  *#entries(): Generator<Entry> {
    for (const v of this.#agents.values()) yield { k: 'agent', v };
    for (const v of this.#conversations.values()) yield { k: 'conv', v };
    for (const v of this.#closed.values())
      yield {
        k: 'conv',
        v: 'conversation' in v ? v : this.#read<ConversationRecord>(v),
      };
    for (const [id, ref] of this.#messageRefs) yield { k: 'msg', v: this.#messages.get(id) ?? this.#read<Message>(ref) };
    if (!this.#dir) for (const v of this.#messages.values()) yield { k: 'msg', v };
    for (const v of this.#offers.values()) yield { k: 'offer', v };
    for (const [v, at] of this.#keys) yield { k: 'key', v, at };
    for (const sent of this.#sent.values()) yield { k: 'sent', v: this.#sentRecord(sent), at: sent.at };
    for (const v of this.#files.values()) yield { k: 'file', v };
    for (const [clientId, ids] of this.#parts) for (const messageId of ids) yield { k: 'part', v: { clientId, messageId } };
    const events: [number, string, number][] = [];
    for (const [agentId, log] of this.#events) {
      if (log.trimmedUpTo > 0) yield { k: 'trim', v: { agentId, upTo: log.trimmedUpTo } };
      log.seqs.forEach((seq, i) => events.push([seq, agentId, i]));
    }
    events.sort((a, b) => a[0] - b[0]);
    for (const [, agentId, i] of events) yield { k: 'ev', v: this.#event(this.#events.get(agentId)!, i) };
  }

  #sentRecord(sent: Sent): SentRecord {
    return 'record' in sent ? sent.record : this.#read<SentRecord>(sent);
  }

  #event(log: AgentLog, i: number): LoggedEvent {
    return log.objs[i] ?? this.#read<LoggedEvent>({ o: log.offs[i]!, n: log.lens[i]! });
  }

  #apply(entry: Entry, ref: Ref | undefined, replaying = false): void {
    switch (entry.k) {
      case 'conv': {
        const record = entry.v;
        const id = record.conversation.id;
        if (record.conversation.state === 'closed') {
          this.#conversations.delete(id);
          this.#closed.set(id, this.#dir && ref ? ref : record);
          if (this.#dir) for (const m of this.#byConversation.get(id) ?? []) this.#messages.delete(m);
          // Settled offers of a closed conversation are not asked for again.
          for (const [offerId, o] of this.#offers) if (o.offer.conversationId === id && o.state !== 'pending') this.#offers.delete(offerId);
        } else {
          if (this.#closed.delete(id) && this.#dir) {
            for (const m of this.#byConversation.get(id) ?? []) this.#messages.set(m, this.#read<Message>(this.#messageRefs.get(m)!));
          }
          this.#conversations.set(id, record);
        }
        break;
      }
      case 'msg': {
        const m = entry.v;
        if (!this.#messages.has(m.id) && !this.#messageRefs.has(m.id)) {
          const list = this.#byConversation.get(m.conversationId) ?? [];
          list.push(m.id);
          this.#byConversation.set(m.conversationId, list);
        }
        if (this.#dir && ref) {
          this.#messageRefs.set(m.id, ref);
          if (this.#closed.has(m.conversationId)) this.#messages.delete(m.id);
          else this.#messages.set(m.id, m);
        } else this.#messages.set(m.id, m);
        break;
      }
      case 'ev': {
        const { agentId, cursor } = entry.v;
        let log = this.#events.get(agentId);
        if (!log) {
          log = emptyLog();
          this.#events.set(agentId, log);
        }
        const seq = Number(cursor);
        log.seqs.push(seq);
        log.offs.push(ref?.o ?? 0);
        log.lens.push(ref?.n ?? 0);
        log.objs.push(entry.v);
        this.#seq = Math.max(this.#seq, seq);
        if (replaying) {
          // Only the newest events stay parsed; older ones are read back from the journal.
          if (log.seqs.length > this.#maxEvents * 2) this.#trim(agentId);
          this.#spill(log);
        }
        break;
      }
      case 'trim': {
        const log = this.#events.get(entry.v.agentId) ?? emptyLog();
        log.trimmedUpTo = Math.max(log.trimmedUpTo, entry.v.upTo);
        this.#events.set(entry.v.agentId, log);
        break;
      }
      case 'key': {
        const at = entry.at ?? this.#now();
        if (this.#now() - at >= this.#keyTtl) break;
        this.#keys.delete(entry.v);
        this.#keys.set(entry.v, at);
        break;
      }
      case 'sent': {
        this.#parts.delete(entry.v.clientId);
        const at = entry.at ?? this.#now();
        if (this.#now() - at >= this.#keyTtl) break;
        this.#sent.delete(entry.v.clientId);
        this.#sent.set(entry.v.clientId, this.#dir && ref ? { at, o: ref.o, n: ref.n } : { at, record: entry.v });
        break;
      }
      case 'part':
        this.#parts.set(entry.v.clientId, [...(this.#parts.get(entry.v.clientId) ?? []), entry.v.messageId]);
        break;
      case 'offer':
        if (entry.v.state !== 'pending' && this.#closed.has(entry.v.offer.conversationId)) this.#offers.delete(entry.v.offer.id);
        else this.#offers.set(entry.v.offer.id, entry.v);
        break;
      case 'agent':
        this.#agents.set(entry.v.id, entry.v);
        break;
      case 'file':
        this.#files.set(entry.v.id, entry.v);
        break;
    }
  }

  #write(entry: Entry): void {
    if (this.#fd === undefined) {
      this.#apply(entry, undefined);
      return;
    }
    const line = `${JSON.stringify(entry)}\n`;
    const length = Buffer.byteLength(line);
    writeSync(this.#fd, line);
    fdatasyncSync(this.#fd);
    this.#apply(entry, { o: this.#size, n: length - 1 });
    this.#size += length;
  }

  /** Drops the agent's oldest events past `maxEventsPerAgent` (in steps), never past what a connected socket still needs. */
  #trim(agentId: string): void {
    const log = this.#events.get(agentId);
    if (!log) return;
    const over = log.seqs.length - this.#maxEvents;
    if (over <= 0 || over < Math.floor(this.#maxEvents / 8)) return;
    let count = over;
    const held = this.#held?.(agentId);
    if (held !== undefined) {
      const after = this.#indexAfter(log, Number(held));
      count = Math.min(count, after);
    }
    if (count <= 0) return;
    log.trimmedUpTo = Math.max(log.trimmedUpTo, log.seqs[count - 1]!);
    log.seqs.splice(0, count);
    log.offs.splice(0, count);
    log.lens.splice(0, count);
    log.objs.splice(0, count);
    log.spilled = Math.max(0, log.spilled - count);
  }

  /** Keeps only the newest `hotEventsPerAgent` events parsed (with a directory). */
  #spill(log: AgentLog): void {
    if (!this.#dir) return;
    const until = log.seqs.length - this.#hotEvents;
    for (; log.spilled < until; log.spilled++) log.objs[log.spilled] = undefined;
  }

  /** The index of the first event after cursor number `seq` (binary search: the log is in order). */
  #indexAfter(log: AgentLog, seq: number): number {
    let lo = 0;
    let hi = log.seqs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (log.seqs[mid]! <= seq) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Tells the store where each agent's connected sockets stand: `held(agentId)` is the oldest cursor a
   * socket of the agent has been sent (or resumes from); events after it are never trimmed.
   */
  holdEvents(held: (agentId: string) => string | undefined): void {
    this.#held = held;
  }

  #conversation(id: string): ConversationRecord | undefined {
    const hot = this.#conversations.get(id);
    if (hot) return hot;
    const closed = this.#closed.get(id);
    if (!closed) return undefined;
    return 'conversation' in closed ? closed : this.#read<ConversationRecord>(closed);
  }

  async getConversation(id: string) {
    return this.#conversation(id);
  }
  async openConversationOf(psid: string) {
    for (const r of this.#conversations.values()) if (r.psid === psid) return r;
    return undefined;
  }
  async conversationsOf(agentId: string) {
    return [...this.#conversations.values()].filter((r) => r.agentId === agentId);
  }
  async unassignedConversations() {
    return [...this.#conversations.values()]
      .filter((r) => r.agentId === undefined && r.conversation.state === 'open')
      .sort((a, b) => a.conversation.requestedAt - b.conversation.requestedAt);
  }
  async putConversation(record: ConversationRecord) {
    this.#write({ k: 'conv', v: record });
  }
  #message(id: string): Message | undefined {
    const hot = this.#messages.get(id);
    if (hot) return hot;
    const ref = this.#messageRefs.get(id);
    return ref ? this.#read<Message>(ref) : undefined;
  }
  async getMessage(id: string) {
    return this.#message(id);
  }
  async putMessage(message: Message) {
    this.#write({ k: 'msg', v: message });
  }
  async messagesOf(conversationId: string, limit: number) {
    const ids = this.#byConversation.get(conversationId) ?? [];
    return ids.slice(-limit).map((id) => this.#message(id)!);
  }
  async appendEvent(agentId: string, event: UnstampedEvent) {
    const cursor = formatCursor(this.#seq + 1);
    const logged: LoggedEvent = {
      cursor,
      agentId,
      event: { ...event, cursor } as TransportEvent,
    };
    this.#write({ k: 'ev', v: logged });
    const log = this.#events.get(agentId)!;
    this.#trim(agentId);
    this.#spill(log);
    return logged;
  }
  async eventsAfter(agentId: string, cursor: string | undefined, limit = Infinity) {
    const log = this.#events.get(agentId);
    if (!log) return [];
    const from = cursor === undefined ? 0 : this.#indexAfter(log, Number(cursor));
    const to = Math.min(log.seqs.length, from + limit);
    const out: LoggedEvent[] = [];
    for (let i = from; i < to; i++) out.push(this.#event(log, i));
    return out;
  }
  async headCursor(_agentId?: string) {
    return formatCursor(this.#seq);
  }
  async acceptsCursor(agentId: string, cursor: string) {
    if (cursor.length !== CURSOR_WIDTH || !/^\d+$/.test(cursor) || cursor > formatCursor(this.#seq)) return false;
    // Events after the cursor may have been trimmed away: then only a snapshot is complete.
    return Number(cursor) >= (this.#events.get(agentId)?.trimmedUpTo ?? 0);
  }
  /** Forgets dedupe keys and sent client ids older than `keyTtlMs` (both maps are in time order). */
  #expire(): void {
    const before = this.#now() - this.#keyTtl;
    for (const [key, at] of this.#keys) {
      if (at > before) break;
      this.#keys.delete(key);
    }
    for (const [clientId, { at }] of this.#sent) {
      if (at > before) break;
      this.#sent.delete(clientId);
    }
  }
  async claimKey(key: string) {
    this.#expire();
    if (this.#keys.has(key)) return false;
    this.#write({ k: 'key', v: key, at: this.#now() });
    return true;
  }
  async getSent(clientId: string) {
    const sent = this.#sent.get(clientId);
    return sent && this.#sentRecord(sent);
  }
  async putSent(record: SentRecord) {
    this.#expire();
    this.#write({ k: 'sent', v: record, at: this.#now() });
  }
  async getOffer(id: string) {
    return this.#offers.get(id);
  }
  async putOffer(record: OfferRecord) {
    this.#write({ k: 'offer', v: record });
  }
  async createOffer(record: OfferRecord, capacity: number) {
    const conversation = this.#conversation(record.offer.conversationId);
    if (conversation?.agentId !== undefined) return 'taken' as const;
    for (const o of this.#offers.values()) if (o.state === 'pending' && o.offer.conversationId === record.offer.conversationId) return 'taken' as const;
    if ((await this.loads([record.agentId]))[0]! >= capacity) return 'full' as const;
    this.#write({ k: 'offer', v: record });
    return 'created' as const;
  }
  async settleOffer(next: OfferRecord, conversation?: ConversationRecord) {
    const current = this.#offers.get(next.offer.id);
    if (current?.state !== 'pending' || current.agentId !== next.agentId) return false;
    this.#write({ k: 'offer', v: next });
    if (conversation) this.#write({ k: 'conv', v: conversation });
    return true;
  }
  async sentParts(clientId: string) {
    return [...(this.#parts.get(clientId) ?? [])];
  }
  async addSentPart(clientId: string, messageId: string) {
    this.#write({ k: 'part', v: { clientId, messageId } });
  }
  // One process: the bridge shares the calls in flight itself.
  async leaseSend() {
    return true;
  }
  async releaseSend() {}
  async pendingOffers(agentId?: string) {
    return [...this.#offers.values()].filter((o) => o.state === 'pending' && (agentId === undefined || o.agentId === agentId));
  }
  async loads(agentIds: string[]) {
    const load = new Map<string, number>();
    for (const r of this.#conversations.values()) {
      if (r.agentId !== undefined && usesCapacity(r.conversation.state)) load.set(r.agentId, (load.get(r.agentId) ?? 0) + 1);
    }
    for (const o of this.#offers.values()) if (o.state === 'pending') load.set(o.agentId, (load.get(o.agentId) ?? 0) + 1);
    return agentIds.map((id) => load.get(id) ?? 0);
  }
  async getAgent(id: string) {
    return this.#agents.get(id);
  }
  async putAgent(record: AgentRecord) {
    this.#write({ k: 'agent', v: record });
  }
  async agents() {
    return [...this.#agents.values()];
  }
  async getFile(id: string) {
    return this.#files.get(id);
  }
  async fileByClientId(clientId: string) {
    for (const f of this.#files.values()) if (f.clientId === clientId) return f;
    return undefined;
  }
  async putFile(record: FileRecord, bytes: Buffer) {
    if (this.#dir) await writeFile(join(this.#dir, 'files', record.id), bytes);
    else this.#memoryFiles.set(record.id, bytes);
    this.#write({ k: 'file', v: record });
  }
  async readFile(id: string) {
    if (!this.#files.has(id)) return undefined;
    if (!this.#dir) return this.#memoryFiles.get(id);
    try {
      return await readFile(join(this.#dir, 'files', id));
    } catch {
      return undefined;
    }
  }
  async close() {
    if (this.#fd !== undefined) closeSync(this.#fd);
    if (this.#rfd !== undefined) closeSync(this.#rfd);
    this.#fd = undefined;
    this.#rfd = undefined;
  }
}
