import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Message } from '../../src/core/model.js';
import type { TransportEvent } from '../../src/core/transport.js';
import type { AgentRecord, BridgeStore, ConversationRecord, FileRecord, LoggedEvent, OfferRecord, SentRecord, UnstampedEvent } from './store.js';

/**
 * Cursors of this store are Redis stream ids (`ms-seq`) made fixed-width, so that plain text order (and
 * the protocol's `compareCursors`) sorts them: 15 digits of milliseconds, then 10 of sequence.
 */
const MS_WIDTH = 15;
const SEQ_WIDTH = 10;
export const REDIS_CURSOR_WIDTH = MS_WIDTH + SEQ_WIDTH;
const ZERO = '0'.repeat(REDIS_CURSOR_WIDTH);

export function encodeStreamId(id: string): string {
  const [ms = '0', seq = '0'] = id.split('-');
  return ms.padStart(MS_WIDTH, '0') + seq.padStart(SEQ_WIDTH, '0');
}

export function decodeCursor(cursor: string): string {
  return `${BigInt(cursor.slice(0, MS_WIDTH)).toString()}-${BigInt(cursor.slice(MS_WIDTH)).toString()}`;
}

/**
 * Updates a conversation and its indexes: by open customer, by agent, those using the agent's capacity
 * (active, wrap-up: `usesCapacity` of src/core/conversation-state.ts), and the waiting ones by request time.
 */
const PUT_CONV = `
local function putconv(p, id, json, psid, agent, state, requested)
  local old = redis.call('HGET', p .. 'conv', id)
  if old then
    local o = cjson.decode(old)
    if type(o.agentId) == 'string' then
      redis.call('SREM', p .. 'conv:agent:' .. o.agentId, id)
      redis.call('SREM', p .. 'conv:load:' .. o.agentId, id)
    end
    if type(o.psid) == 'string' and redis.call('HGET', p .. 'conv:psid', o.psid) == id then redis.call('HDEL', p .. 'conv:psid', o.psid) end
  end
  redis.call('ZREM', p .. 'conv:waiting', id)
  redis.call('HSET', p .. 'conv', id, json)
  if state ~= 'closed' then
    redis.call('HSET', p .. 'conv:psid', psid, id)
    if agent ~= '' then
      redis.call('SADD', p .. 'conv:agent:' .. agent, id)
      if state == 'active' or state == 'wrap-up' then redis.call('SADD', p .. 'conv:load:' .. agent, id) end
    elseif state == 'open' then redis.call('ZADD', p .. 'conv:waiting', requested, id) end
  end
end
`;

const SCRIPTS = {
  putConv: { numberOfKeys: 0, lua: `${PUT_CONV} putconv(ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7]) return 1` },
  // ARGV: prefix, offerId, conversationId, offer json, agentId, capacity → 1 created, 0 taken, -1 full
  createOffer: {
    numberOfKeys: 0,
    lua: `
local p = ARGV[1]
if redis.call('HEXISTS', p .. 'offer:conv', ARGV[3]) == 1 then return 0 end
local c = redis.call('HGET', p .. 'conv', ARGV[3])
if c and type(cjson.decode(c).agentId) == 'string' then return 0 end
if redis.call('SCARD', p .. 'conv:load:' .. ARGV[5]) + redis.call('SCARD', p .. 'offer:of:' .. ARGV[5]) >= tonumber(ARGV[6]) then return -1 end
redis.call('HSET', p .. 'offer', ARGV[2], ARGV[4])
redis.call('HSET', p .. 'offer:pending', ARGV[2], ARGV[5])
redis.call('SADD', p .. 'offer:of:' .. ARGV[5], ARGV[2])
redis.call('HSET', p .. 'offer:conv', ARGV[3], ARGV[2])
return 1`,
  },
  // ARGV: prefix, offerId, agentId, offer json, conversationId[, conversation json, psid, agent, state, requested]
  settleOffer: {
    numberOfKeys: 0,
    lua: `${PUT_CONV}
local p = ARGV[1]
local cur = redis.call('HGET', p .. 'offer', ARGV[2])
if not cur then return 0 end
local o = cjson.decode(cur)
if o.state ~= 'pending' or o.agentId ~= ARGV[3] then return 0 end
redis.call('HSET', p .. 'offer', ARGV[2], ARGV[4])
redis.call('HDEL', p .. 'offer:pending', ARGV[2])
redis.call('SREM', p .. 'offer:of:' .. ARGV[3], ARGV[2])
if redis.call('HGET', p .. 'offer:conv', ARGV[5]) == ARGV[2] then redis.call('HDEL', p .. 'offer:conv', ARGV[5]) end
if #ARGV > 5 then putconv(p, ARGV[5], ARGV[6], ARGV[7], ARGV[8], ARGV[9], ARGV[10]) end
return 1`,
  },
  // ARGV: prefix, agent ids… — each one's conversations using capacity plus pending offers
  loads: {
    numberOfKeys: 0,
    lua: `
local p = ARGV[1]
local out = {}
for i = 2, #ARGV do out[#out + 1] = redis.call('SCARD', p .. 'conv:load:' .. ARGV[i]) + redis.call('SCARD', p .. 'offer:of:' .. ARGV[i]) end
return out`,
  },
  // KEYS: message hash, conversation's list; ARGV: id, json
  putMessage: { numberOfKeys: 2, lua: `if redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) == 1 then redis.call('RPUSH', KEYS[2], ARGV[1]) end return 1` },
  // KEYS: lease; ARGV: owner, ms — takes or renews
  lease: {
    numberOfKeys: 1,
    lua: `local v = redis.call('GET', KEYS[1]) if v == false or v == ARGV[1] then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1 end return 0`,
  },
  // KEYS: lease; ARGV: owner
  release: { numberOfKeys: 1, lua: `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0` },
} as const;

type Scripted = Redis & {
  putConv(...args: string[]): Promise<number>;
  createOffer(...args: string[]): Promise<number>;
  settleOffer(...args: string[]): Promise<number>;
  putMessage(...args: string[]): Promise<number>;
  loads(...args: string[]): Promise<number[]>;
  lease(...args: string[]): Promise<number>;
  release(...args: string[]): Promise<number>;
};

export interface RedisStoreOptions {
  url: string;
  /** Prefix of every key and of the notification channel. */
  prefix?: string;
  /** Events kept per agent (older ones are trimmed; a cursor before them gets a snapshot). */
  maxEventsPerAgent?: number;
  /** How long dedupe keys (webhook mids…) are kept, seconds. */
  keyTtlSeconds?: number;
  /** How long the bridges' lock is held without renewal, ms. */
  lockMs?: number;
  log?: Pick<Console, 'info' | 'warn' | 'error'>;
}

const parse = <T>(json: string | null | undefined): T | undefined => (json ? (JSON.parse(json) as T) : undefined);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A Redis URL without its password, for the logs. */
export const redactUrl = (url: string): string => url.replace(/\/\/([^@/]*)@/, '//***@');

/**
 * The store of several bridges on one Redis (see server/README.md, "Several instances"): records as
 * JSON in hashes, each agent's log a stream (stream ids are the cursors), dedupe keys with SET NX and a
 * TTL, offers created and settled by Lua scripts, a lease-based lock that serialises the bridges'
 * changes, and a pub/sub channel that tells every bridge which agent's log grew.
 */
export class RedisStore implements BridgeStore {
  readonly #redis: Scripted;
  readonly #sub: Redis;
  readonly #p: string;
  readonly #channel: string;
  readonly #maxEvents: number;
  readonly #keyTtl: number;
  readonly #lockMs: number;
  readonly #log: Pick<Console, 'info' | 'warn' | 'error'>;
  readonly #watchers = new Set<(agentId: string) => void>();
  readonly #reconnects = new Set<() => void>();
  #down = false;

  constructor(options: RedisStoreOptions) {
    this.#p = options.prefix ?? 'ccb:';
    this.#channel = `${this.#p}appended`;
    this.#maxEvents = options.maxEventsPerAgent ?? 10_000;
    this.#keyTtl = options.keyTtlSeconds ?? 7 * 24 * 3600;
    this.#lockMs = options.lockMs ?? 5000;
    this.#log = options.log ?? console;
    const common = {
      // Commands wait through an outage (a Redis restart) instead of failing: nothing the bridge took is dropped.
      maxRetriesPerRequest: null,
      enableAutoPipelining: true,
      retryStrategy: (times: number) => Math.min(50 * times, 1000),
      lazyConnect: false,
    };
    this.#redis = new Redis(options.url, { ...common, scripts: SCRIPTS }) as Scripted;
    this.#sub = new Redis(options.url, common);
    const where = redactUrl(options.url);
    for (const connection of [this.#redis, this.#sub]) {
      connection.on('error', (error: Error) => {
        if (this.#down) return;
        this.#down = true;
        this.#log.warn(`[bridge] Redis at ${where} unreachable (${(error as NodeJS.ErrnoException).code ?? error.message}); reconnecting.`);
      });
    }
    this.#redis.on('ready', () => {
      if (!this.#down) return;
      this.#down = false;
      this.#log.info(`[bridge] Redis at ${where} is back.`);
    });
    let subscribed = false;
    this.#sub.on('ready', () => {
      // ioredis subscribes again by itself; appends made while the channel was down are caught up by a pump.
      if (subscribed) for (const listener of this.#reconnects) listener();
      subscribed = true;
    });
    this.#sub.on('message', (_channel: string, agentId: string) => {
      for (const listener of this.#watchers) listener(agentId);
    });
    void this.#sub.subscribe(this.#channel);
  }

  /** Resolves once both connections are up. */
  async ready(): Promise<void> {
    await Promise.all([this.#redis.ping(), this.#sub.status === 'ready' ? undefined : new Promise((resolve) => this.#sub.once('ready', resolve))]);
  }

  readonly shared = {
    exclusive: <T>(scope: string, fn: () => Promise<T>): Promise<T> => this.#exclusive(scope, fn),
    watch: (listener: (agentId: string) => void): void => void this.#watchers.add(listener),
    onReconnect: (listener: () => void): void => void this.#reconnects.add(listener),
  };

  async #exclusive<T>(scope: string, fn: () => Promise<T>): Promise<T> {
    const key = `${this.#p}lock:${scope}`;
    const token = randomUUID();
    for (let wait = 1; ; wait = Math.min(wait * 2, 5)) {
      if ((await this.#redis.set(key, token, 'PX', this.#lockMs, 'NX')) === 'OK') break;
      await sleep(wait * (0.5 + Math.random()));
    }
    const renew = setInterval(() => void this.#redis.lease(key, token, String(this.#lockMs)).catch(() => undefined), this.#lockMs / 3);
    try {
      return await fn();
    } finally {
      clearInterval(renew);
      await this.#redis.release(key, token).catch(() => undefined);
    }
  }

  // ---- conversations ----

  async getConversation(id: string) {
    return parse<ConversationRecord>(await this.#redis.hget(`${this.#p}conv`, id));
  }
  async openConversationOf(psid: string) {
    const id = await this.#redis.hget(`${this.#p}conv:psid`, psid);
    const record = id ? await this.getConversation(id) : undefined;
    return record && record.conversation.state !== 'closed' ? record : undefined;
  }
  async #conversations(ids: string[]): Promise<ConversationRecord[]> {
    if (ids.length === 0) return [];
    return (await this.#redis.hmget(`${this.#p}conv`, ...ids)).map((j) => parse<ConversationRecord>(j)).filter((r): r is ConversationRecord => r !== undefined);
  }
  async conversationsOf(agentId: string) {
    const records = await this.#conversations(await this.#redis.smembers(`${this.#p}conv:agent:${agentId}`));
    return records.filter((r) => r.agentId === agentId && r.conversation.state !== 'closed');
  }
  async unassignedConversations() {
    const records = await this.#conversations(await this.#redis.zrange(`${this.#p}conv:waiting`, 0, -1));
    return records.filter((r) => r.agentId === undefined && r.conversation.state === 'open');
  }
  #convArgs(r: ConversationRecord): string[] {
    return [JSON.stringify(r), r.psid, r.agentId ?? '', r.conversation.state, String(r.conversation.requestedAt)];
  }
  async putConversation(record: ConversationRecord) {
    await this.#redis.putConv(this.#p, record.conversation.id, ...this.#convArgs(record));
  }

  // ---- messages ----

  async getMessage(id: string) {
    return parse<Message>(await this.#redis.hget(`${this.#p}msg`, id));
  }
  async putMessage(message: Message) {
    await this.#redis.putMessage(`${this.#p}msg`, `${this.#p}msgs:${message.conversationId}`, message.id, JSON.stringify(message));
  }
  async messagesOf(conversationId: string, limit: number) {
    const start = limit >= 1e9 ? 0 : -limit;
    const ids = await this.#redis.lrange(`${this.#p}msgs:${conversationId}`, start, -1);
    if (ids.length === 0) return [];
    return (await this.#redis.hmget(`${this.#p}msg`, ...ids)).map((j) => parse<Message>(j)).filter((m): m is Message => m !== undefined);
  }

  // ---- event logs ----

  async appendEvent(agentId: string, event: UnstampedEvent) {
    const [[error, id]] = (await this.#redis
      .pipeline()
      .xadd(`${this.#p}ev:${agentId}`, 'MAXLEN', '~', String(this.#maxEvents), '*', 'e', JSON.stringify(event))
      .publish(this.#channel, agentId)
      .exec()) as [[Error | null, string]];
    if (error) throw error;
    const cursor = encodeStreamId(id);
    return { cursor, agentId, event: { ...event, cursor } as TransportEvent } satisfies LoggedEvent;
  }
  async eventsAfter(agentId: string, cursor: string | undefined, limit?: number) {
    const from = cursor === undefined ? '-' : `(${decodeCursor(cursor)}`;
    const entries = limit === undefined
      ? await this.#redis.xrange(`${this.#p}ev:${agentId}`, from, '+')
      : await this.#redis.xrange(`${this.#p}ev:${agentId}`, from, '+', 'COUNT', limit);
    return entries.map(([id, fields]): LoggedEvent => {
      const c = encodeStreamId(id);
      return { cursor: c, agentId, event: { ...(JSON.parse(fields[1]!) as object), cursor: c } as TransportEvent };
    });
  }
  async headCursor(agentId: string) {
    const [last] = await this.#redis.xrevrange(`${this.#p}ev:${agentId}`, '+', '-', 'COUNT', 1);
    return last ? encodeStreamId(last[0]) : ZERO;
  }
  async acceptsCursor(agentId: string, cursor: string) {
    if (!new RegExp(`^\\d{${REDIS_CURSOR_WIDTH}}$`).test(cursor)) return false;
    if (cursor > (await this.headCursor(agentId))) return false;
    if (cursor === ZERO) return true;
    // Events after the cursor may have been trimmed away: then only a snapshot is complete.
    const info = (await this.#redis.call('XINFO', 'STREAM', `${this.#p}ev:${agentId}`).catch(() => undefined)) as unknown[] | undefined;
    if (!info) return false;
    const deleted = info[info.indexOf('max-deleted-entry-id') + 1];
    return typeof deleted !== 'string' || encodeStreamId(deleted) <= cursor;
  }

  // ---- dedupe and sends ----

  async claimKey(key: string) {
    // A token of this claim: when the connection drops after Redis took the SET and the command is sent
    // again, the repeat finds its own token and still counts as the claim (else the item would be lost).
    const token = randomUUID();
    if ((await this.#redis.set(`${this.#p}key:${key}`, token, 'EX', this.#keyTtl, 'NX')) === 'OK') return true;
    return (await this.#redis.get(`${this.#p}key:${key}`)) === token;
  }
  async getSent(clientId: string) {
    return parse<SentRecord>(await this.#redis.hget(`${this.#p}sent`, clientId));
  }
  async putSent(record: SentRecord) {
    await this.#redis.pipeline().hset(`${this.#p}sent`, record.clientId, JSON.stringify(record)).del(`${this.#p}parts:${record.clientId}`).exec();
  }
  async sentParts(clientId: string) {
    return this.#redis.lrange(`${this.#p}parts:${clientId}`, 0, -1);
  }
  async addSentPart(clientId: string, messageId: string) {
    await this.#redis.rpush(`${this.#p}parts:${clientId}`, messageId);
  }
  async leaseSend(clientId: string, owner: string, ms: number) {
    return (await this.#redis.lease(`${this.#p}lease:${clientId}`, owner, String(Math.max(1, Math.round(ms))))) === 1;
  }
  async releaseSend(clientId: string, owner: string) {
    await this.#redis.release(`${this.#p}lease:${clientId}`, owner);
  }

  // ---- offers ----

  async getOffer(id: string) {
    return parse<OfferRecord>(await this.#redis.hget(`${this.#p}offer`, id));
  }
  async putOffer(record: OfferRecord) {
    const id = record.offer.id;
    const pipe = this.#redis.pipeline().hset(`${this.#p}offer`, id, JSON.stringify(record));
    if (record.state === 'pending') {
      pipe.hset(`${this.#p}offer:pending`, id, record.agentId).sadd(`${this.#p}offer:of:${record.agentId}`, id).hset(`${this.#p}offer:conv`, record.offer.conversationId, id);
    } else pipe.hdel(`${this.#p}offer:pending`, id).srem(`${this.#p}offer:of:${record.agentId}`, id);
    await pipe.exec();
  }
  async createOffer(record: OfferRecord, capacity: number) {
    const answer = await this.#redis.createOffer(this.#p, record.offer.id, record.offer.conversationId, JSON.stringify(record), record.agentId, String(capacity));
    return answer === 1 ? ('created' as const) : answer === 0 ? ('taken' as const) : ('full' as const);
  }
  async settleOffer(next: OfferRecord, conversation?: ConversationRecord) {
    const args = [this.#p, next.offer.id, next.agentId, JSON.stringify(next), next.offer.conversationId, ...(conversation ? this.#convArgs(conversation) : [])];
    return (await this.#redis.settleOffer(...args)) === 1;
  }
  async pendingOffers(agentId?: string) {
    const pending = await this.#redis.hgetall(`${this.#p}offer:pending`);
    const ids = Object.keys(pending).filter((id) => agentId === undefined || pending[id] === agentId);
    if (ids.length === 0) return [];
    const offers = (await this.#redis.hmget(`${this.#p}offer`, ...ids)).map((j) => parse<OfferRecord>(j));
    return offers.filter((o): o is OfferRecord => o?.state === 'pending').sort((a, b) => a.offer.requestedAt - b.offer.requestedAt);
  }

  // ---- agents and files ----

  async loads(agentIds: string[]) {
    return agentIds.length === 0 ? [] : this.#redis.loads(this.#p, ...agentIds);
  }
  async getAgent(id: string) {
    return parse<AgentRecord>(await this.#redis.hget(`${this.#p}agent`, id));
  }
  async putAgent(record: AgentRecord) {
    await this.#redis.hset(`${this.#p}agent`, record.id, JSON.stringify(record));
  }
  async agents() {
    return (await this.#redis.hvals(`${this.#p}agent`)).map((j) => JSON.parse(j) as AgentRecord).sort((a, b) => (a.id < b.id ? -1 : 1));
  }
  async getFile(id: string) {
    return parse<FileRecord>(await this.#redis.hget(`${this.#p}file`, id));
  }
  async fileByClientId(clientId: string) {
    const id = await this.#redis.hget(`${this.#p}file:client`, clientId);
    return id ? this.getFile(id) : undefined;
  }
  async putFile(record: FileRecord, bytes: Buffer) {
    await this.#redis
      .multi()
      .set(`${this.#p}file:bytes:${record.id}`, bytes)
      .hset(`${this.#p}file`, record.id, JSON.stringify(record))
      .hset(`${this.#p}file:client`, record.clientId, record.id)
      .exec();
  }
  async readFile(id: string) {
    return (await this.#redis.getBuffer(`${this.#p}file:bytes:${id}`)) ?? undefined;
  }

  async close() {
    await Promise.allSettled([this.#sub.quit(), this.#redis.quit()]);
  }
  crash() {
    this.#sub.disconnect();
    this.#redis.disconnect();
  }
}
