import { closeSync, existsSync, fdatasyncSync, mkdirSync, openSync, readFileSync, renameSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
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
  | { k: 'key'; v: string }
  | { k: 'sent'; v: SentRecord }
  | { k: 'offer'; v: OfferRecord }
  | { k: 'agent'; v: AgentRecord }
  | { k: 'file'; v: FileRecord }
  | { k: 'part'; v: { clientId: string; messageId: string } };

/**
 * The default store: the whole state in memory, every change appended as one JSON line to
 * `journal.jsonl` and flushed to disk (fdatasync) before the bridge answers; replayed on start.
 * A torn last line (a crash mid-write) is skipped. On start, a journal much longer than the state
 * it holds is rewritten compactly (write to a temporary file, then rename). Uploaded files go to
 * `files/`. Without a directory it keeps everything in memory (tests).
 */
export class JournalStore implements BridgeStore {
  readonly #dir: string | undefined;
  #fd: number | undefined;
  #seq = 0;
  readonly #conversations = new Map<string, ConversationRecord>();
  readonly #messages = new Map<string, Message>();
  readonly #byConversation = new Map<string, string[]>();
  readonly #events = new Map<string, LoggedEvent[]>();
  readonly #keys = new Set<string>();
  readonly #sent = new Map<string, SentRecord>();
  readonly #offers = new Map<string, OfferRecord>();
  readonly #agents = new Map<string, AgentRecord>();
  readonly #files = new Map<string, FileRecord>();
  readonly #memoryFiles = new Map<string, Buffer>();
  readonly #parts = new Map<string, string[]>();

  constructor(dir?: string) {
    this.#dir = dir;
    if (!dir) return;
    mkdirSync(join(dir, 'files'), { recursive: true });
    const path = join(dir, 'journal.jsonl');
    let lines = 0;
    if (existsSync(path)) {
      const text = readFileSync(path, 'utf8');
      // A crash mid-write leaves a torn last line: cut it off, so the next record starts on a line of its own.
      if (text !== '' && !text.endsWith('\n')) truncateSync(path, Buffer.byteLength(text.slice(0, text.lastIndexOf('\n') + 1)));
      for (const line of text.split('\n')) {
        if (!line) continue;
        let entry: Entry;
        try {
          entry = JSON.parse(line) as Entry;
        } catch {
          continue; // a torn write at the end
        }
        this.#apply(entry);
        lines++;
      }
    }
    const records = this.#entries().length;
    if (lines > records * 2 + 1000) {
      writeFileSync(`${path}.tmp`, this.#entries().map((e) => `${JSON.stringify(e)}\n`).join(''));
      renameSync(`${path}.tmp`, path);
    }
    this.#fd = openSync(path, 'a');
  }

  #entries(): Entry[] {
    const events = [...this.#events.values()].flat().sort((a, b) => (a.cursor < b.cursor ? -1 : 1));
    return [
      ...[...this.#agents.values()].map((v) => ({ k: 'agent', v }) as const),
      ...[...this.#conversations.values()].map((v) => ({ k: 'conv', v }) as const),
      ...[...this.#messages.values()].map((v) => ({ k: 'msg', v }) as const),
      ...[...this.#offers.values()].map((v) => ({ k: 'offer', v }) as const),
      ...[...this.#keys].map((v) => ({ k: 'key', v }) as const),
      ...[...this.#sent.values()].map((v) => ({ k: 'sent', v }) as const),
      ...[...this.#files.values()].map((v) => ({ k: 'file', v }) as const),
      ...[...this.#parts].flatMap(([clientId, ids]) => ids.map((messageId) => ({ k: 'part', v: { clientId, messageId } }) as const)),
      ...events.map((v) => ({ k: 'ev', v }) as const),
    ];
  }

  #apply(entry: Entry): void {
    switch (entry.k) {
      case 'conv':
        this.#conversations.set(entry.v.conversation.id, entry.v);
        break;
      case 'msg': {
        const m = entry.v;
        if (!this.#messages.has(m.id)) {
          const list = this.#byConversation.get(m.conversationId) ?? [];
          list.push(m.id);
          this.#byConversation.set(m.conversationId, list);
        }
        this.#messages.set(m.id, m);
        break;
      }
      case 'ev': {
        const list = this.#events.get(entry.v.agentId) ?? [];
        list.push(entry.v);
        this.#events.set(entry.v.agentId, list);
        this.#seq = Math.max(this.#seq, Number(entry.v.cursor));
        break;
      }
      case 'key':
        this.#keys.add(entry.v);
        break;
      case 'sent':
        this.#sent.set(entry.v.clientId, entry.v);
        this.#parts.delete(entry.v.clientId);
        break;
      case 'part':
        this.#parts.set(entry.v.clientId, [...(this.#parts.get(entry.v.clientId) ?? []), entry.v.messageId]);
        break;
      case 'offer':
        this.#offers.set(entry.v.offer.id, entry.v);
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
    this.#apply(entry);
    if (this.#fd === undefined) return;
    writeSync(this.#fd, `${JSON.stringify(entry)}\n`);
    fdatasyncSync(this.#fd);
  }

  async getConversation(id: string) {
    return this.#conversations.get(id);
  }
  async openConversationOf(psid: string) {
    for (const r of this.#conversations.values()) if (r.psid === psid && r.conversation.state !== 'closed') return r;
    return undefined;
  }
  async conversationsOf(agentId: string) {
    return [...this.#conversations.values()].filter((r) => r.agentId === agentId && r.conversation.state !== 'closed');
  }
  async unassignedConversations() {
    return [...this.#conversations.values()]
      .filter((r) => r.agentId === undefined && r.conversation.state === 'open')
      .sort((a, b) => a.conversation.requestedAt - b.conversation.requestedAt);
  }
  async putConversation(record: ConversationRecord) {
    this.#write({ k: 'conv', v: record });
  }
  async getMessage(id: string) {
    return this.#messages.get(id);
  }
  async putMessage(message: Message) {
    this.#write({ k: 'msg', v: message });
  }
  async messagesOf(conversationId: string, limit: number) {
    const ids = this.#byConversation.get(conversationId) ?? [];
    return ids.slice(-limit).map((id) => this.#messages.get(id)!);
  }
  async appendEvent(agentId: string, event: UnstampedEvent) {
    const cursor = formatCursor(this.#seq + 1);
    const logged: LoggedEvent = { cursor, agentId, event: { ...event, cursor } as TransportEvent };
    this.#write({ k: 'ev', v: logged });
    return logged;
  }
  async eventsAfter(agentId: string, cursor: string | undefined, limit = Infinity) {
    const list = this.#events.get(agentId) ?? [];
    if (cursor === undefined) return list.slice(0, limit);
    // Binary search: the log is in cursor order.
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.cursor <= cursor) lo = mid + 1;
      else hi = mid;
    }
    return list.slice(lo, lo + limit);
  }
  async headCursor(_agentId?: string) {
    return formatCursor(this.#seq);
  }
  async acceptsCursor(_agentId: string, cursor: string) {
    return cursor.length === CURSOR_WIDTH && /^\d+$/.test(cursor) && cursor <= formatCursor(this.#seq);
  }
  async claimKey(key: string) {
    if (this.#keys.has(key)) return false;
    this.#write({ k: 'key', v: key });
    return true;
  }
  async getSent(clientId: string) {
    return this.#sent.get(clientId);
  }
  async putSent(record: SentRecord) {
    this.#write({ k: 'sent', v: record });
  }
  async getOffer(id: string) {
    return this.#offers.get(id);
  }
  async putOffer(record: OfferRecord) {
    this.#write({ k: 'offer', v: record });
  }
  async createOffer(record: OfferRecord, capacity: number) {
    const conversation = this.#conversations.get(record.offer.conversationId);
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
    this.#fd = undefined;
  }
}
