import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { TransportError } from '../../src/core/transport.js';
import { ScriptedCustomer, newPsid } from '../dev/customer.js';
import type { FakeGraph } from '../dev/fake-graph.js';
import { AgentSocket } from './agent-socket.js';
import { signAgentToken, verifyAgentToken } from './auth.js';
import { defaultConfig, type BridgeConfig } from './config.js';
import { BridgeCore } from './core.js';
import { GraphClient } from './graph.js';
import { JournalStore } from './journal-store.js';
import { RedisStore } from './redis-store.js';
import type { BridgeStore } from './store.js';
import { parseWebhook, verifySignature } from './webhook.js';

export type { BridgeConfig } from './config.js';
export type { BridgeStore } from './store.js';
export { configFromEnv } from './config.js';
export { signAgentToken, verifyAgentToken } from './auth.js';
export { JournalStore } from './journal-store.js';
export { RedisStore } from './redis-store.js';

export interface BridgeOptions extends Partial<BridgeConfig> {
  /** Another store (the journal by default). */
  store?: BridgeStore;
  /** An in-process fake Graph API: the /dev endpoints name customers through it and list its calls. */
  fakeGraph?: FakeGraph;
}

export interface Bridge {
  port: number;
  /** The agents' WebSocket URL: ws://host:port/agent. */
  url: string;
  httpUrl: string;
  config: BridgeConfig;
  /** Signs an agent token with the bridge's secret (tests, demo). */
  token(agentId: string, name?: string, ttlSeconds?: number): string;
  /** Resolves when every webhook received so far has been processed. */
  idle(): Promise<void>;
  close(): Promise<void>;
  /** Stops at once, as a killed process would: sockets cut, nothing finished or released (tests). */
  crash(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryable = false,
  ) {
    super(message);
  }
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  // Refused on the declared length, before a byte of the body is read.
  if (Number.isFinite(declared) && declared > limit) throw new HttpError(413, 'policy', 'The body is too large.');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpError(413, 'policy', 'The body is too large.');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

const STATUS: Record<string, number> = { invalid: 400, policy: 400, 'window-closed': 400, 'auth-expired': 401, 'not-found': 404, conflict: 409, unavailable: 503 };

/** The client's address, for the per-address limit and the logs. */
const remoteOf = (req: IncomingMessage): string => (req.socket as IncomingMessage['socket'] | null)?.remoteAddress ?? 'unknown';

/** Starts the bridge: HTTP (webhook, uploads, files, dev endpoints) and the agents' WebSocket on one port. */
export async function startBridge(options: BridgeOptions = {}): Promise<Bridge> {
  const { store: givenStore, fakeGraph, ...partial } = options;
  const config: BridgeConfig = { ...defaultConfig, ...partial };
  if (!config.agentTokenSecret) {
    if (!config.dev) throw new Error('AGENT_TOKEN_SECRET is required.');
    config.agentTokenSecret = 'demo-agent-token-secret';
  }
  if (!config.appSecret && !config.dev) throw new Error('APP_SECRET is required.');
  if (!config.appSecret) config.appSecret = 'demo-app-secret';
  if (!config.pageAccessToken && config.dev) config.pageAccessToken = 'demo-page-token';
  let store: BridgeStore;
  if (givenStore) store = givenStore;
  else if (config.redisUrl) {
    const redis = new RedisStore({ url: config.redisUrl, prefix: config.redisPrefix, log: config.log });
    await redis.ready();
    store = redis;
  } else store = new JournalStore(config.dataDir);
  const core = new BridgeCore(config, store, new GraphClient(config));
  const sockets = new Set<AgentSocket>();
  const perAddress = new Map<string, number>();
  const pending = new Set<Promise<void>>();
  let httpUrl = '';

  const pumpAgent = (agentId: string): void => {
    for (const socket of sockets) if (socket.agentId === agentId) void socket.pump();
  };
  core.onAppend(pumpAgent);
  // The embedded store never trims an agent's log past what a connected socket of the agent still needs.
  const embedded: BridgeStore = store;
  if (embedded instanceof JournalStore) {
    embedded.holdEvents((agentId) => {
      let oldest: string | undefined;
      for (const socket of sockets) {
        const at = socket.agentId === agentId ? socket.position : undefined;
        if (at !== undefined && (oldest === undefined || at < oldest)) oldest = at;
      }
      return oldest;
    });
  }
  // Another bridge appended to the log of an agent connected here; after an outage, catch up on every socket.
  store.shared?.watch(pumpAgent);
  store.shared?.onReconnect(() => {
    for (const socket of sockets) void socket.pump();
  });

  const cors = (req: IncomingMessage, res: ServerResponse): void => {
    const origin = config.corsOrigin ?? (config.dev ? '*' : undefined);
    if (!origin) return;
    res.setHeader('access-control-allow-origin', origin === '*' ? '*' : origin);
    res.setHeader('vary', 'origin');
    if (req.method === 'OPTIONS') {
      res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
      res.setHeader('access-control-allow-headers', 'authorization, content-type');
      res.setHeader('access-control-max-age', '600');
    }
  };

  const json = (res: ServerResponse, status: number, body: unknown): void => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  };

  const devCustomer = (psid?: string): ScriptedCustomer =>
    new ScriptedCustomer(() => ({ webhookUrl: `${httpUrl}/webhook`, appSecret: config.appSecret, pageId: 'page' }), psid ?? newPsid());

  async function devJson(req: IncomingMessage): Promise<Record<string, unknown>> {
    const raw = await readBody(req, 64 * 1024);
    try {
      const value: unknown = JSON.parse(raw.toString('utf8') || '{}');
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
    } catch {
      // fall through
    }
    throw new HttpError(400, 'invalid', 'The body must be a JSON object.');
  }

  async function dev(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (req.method === 'GET' && path === '/dev/graph-calls') {
      json(res, 200, { calls: fakeGraph?.calls ?? [] });
      return;
    }
    if (req.method !== 'POST') throw new HttpError(405, 'invalid', 'Use POST.');
    const body = await devJson(req);
    const text = typeof body.text === 'string' && body.text !== '' ? body.text : undefined;
    switch (path) {
      case '/dev/token': {
        if (typeof body.agentId !== 'string' || body.agentId === '') throw new HttpError(400, 'invalid', 'agentId is required.');
        const ttl = typeof body.ttlSeconds === 'number' ? body.ttlSeconds : 8 * 3600;
        json(res, 200, { token: signAgentToken(config.agentTokenSecret, { sub: body.agentId, ...(typeof body.name === 'string' ? { name: body.name } : {}) }, ttl) });
        return;
      }
      case '/dev/customer':
      case '/dev/queue': {
        const psid = newPsid();
        const name = typeof body.name === 'string' && body.name !== '' ? body.name : undefined;
        if (name && fakeGraph) fakeGraph.customer(psid, name);
        if (path === '/dev/queue') await core.holdNext(psid);
        await devCustomer(psid).says(text ?? (path === '/dev/queue' ? 'Is anyone there?' : 'Hello, I have a question about my order.'));
        await Promise.all(pending);
        json(res, 200, { psid });
        return;
      }
      case '/dev/say': {
        const record = typeof body.conversationId === 'string' ? await store.getConversation(body.conversationId) : undefined;
        if (!record) throw new HttpError(404, 'not-found', 'No such conversation.');
        const mid = await devCustomer(record.psid).says(text ?? 'Thanks!');
        await Promise.all(pending);
        json(res, 200, { mid });
        return;
      }
      case '/dev/withdraw': {
        if (!(await core.withdraw(String(body.offerId)))) throw new HttpError(404, 'not-found', 'No such pending offer.');
        json(res, 200, { ok: true });
        return;
      }
      case '/dev/drop': {
        let dropped = 0;
        for (const socket of [...sockets]) {
          if (body.agentId === undefined || socket.agentId === body.agentId) {
            socket.terminate();
            dropped++;
          }
        }
        json(res, 200, { dropped });
        return;
      }
      default:
        throw new HttpError(404, 'not-found', 'No such endpoint.');
    }
  }

  async function webhook(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method === 'GET') {
      const ok = url.searchParams.get('hub.mode') === 'subscribe' && sameSecret(url.searchParams.get('hub.verify_token'), config.verifyToken);
      res.writeHead(ok ? 200 : 403, { 'content-type': 'text/plain' });
      res.end(ok ? (url.searchParams.get('hub.challenge') ?? '') : 'Forbidden');
      return;
    }
    if (req.method !== 'POST') throw new HttpError(405, 'invalid', 'Use GET or POST.');
    const signature = req.headers['x-hub-signature-256'];
    if (typeof signature !== 'string') throw new HttpError(401, 'auth-expired', 'X-Hub-Signature-256 is missing.');
    const raw = await readBody(req, config.maxWebhookBytes);
    if (!verifySignature(raw, signature, config.appSecret)) throw new HttpError(403, 'auth-expired', 'The signature does not match.');
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      throw new HttpError(400, 'invalid', 'The webhook body is not JSON.');
    }
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('EVENT_RECEIVED');
    const work = core.inbound(parseWebhook(body)).finally(() => pending.delete(work));
    pending.add(work);
  }

  async function upload(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method !== 'POST') throw new HttpError(405, 'invalid', 'Use POST.');
    const auth = req.headers.authorization;
    const claims = verifyAgentToken(config.agentTokenSecret, auth?.startsWith('Bearer ') ? auth.slice(7) : undefined);
    if (!claims) {
      if (Number(req.headers['content-length']) > 0) req.socket.setTimeout(1000, () => req.destroy());
      throw new HttpError(401, 'auth-expired', 'The agent token is missing, invalid or expired.');
    }
    const conversationId = url.searchParams.get('conversationId');
    const clientId = url.searchParams.get('clientId');
    const name = (url.searchParams.get('name') ?? 'file').slice(0, 200) || 'file';
    if (!conversationId || !clientId) throw new HttpError(400, 'invalid', 'conversationId and clientId are required.');
    const bytes = await readBody(req, config.maxUploadBytes);
    const mimeType = (req.headers['content-type'] ?? 'application/octet-stream').split(';')[0]!.trim() || 'application/octet-stream';
    json(res, 200, await core.upload(claims.sub, { conversationId, clientId, name, mimeType }, bytes));
  }

  async function files(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'invalid', 'Use GET.');
    const id = path.split('/')[2] ?? '';
    const file = await store.getFile(id);
    const bytes = file && (await store.readFile(id));
    if (!file || !bytes) throw new HttpError(404, 'not-found', 'No such file.');
    res.writeHead(200, {
      'content-type': file.mimeType,
      'content-length': String(bytes.length),
      'x-content-type-options': 'nosniff',
      'content-security-policy': "sandbox; default-src 'none'",
      'cache-control': 'private, max-age=86400',
    });
    res.end(req.method === 'HEAD' ? undefined : bytes);
  }

  const server = createServer({
    headersTimeout: config.headersTimeoutMs,
    requestTimeout: config.requestTimeoutMs,
    // How often Node looks for requests past those timeouts.
    connectionsCheckingInterval: Math.max(50, Math.min(1000, config.headersTimeoutMs / 4)),
  }, (req, res) => {
    const url = new URL(req.url ?? '/', 'http://bridge');
    const path = url.pathname;
    const remote = remoteOf(req);
    void (async () => {
      if (path === '/upload' || path.startsWith('/dev/')) {
        cors(req, res);
        if (req.method === 'OPTIONS') {
          res.writeHead(204);
          res.end();
          return;
        }
      }
      if (path === '/webhook') await webhook(req, res, url);
      else if (path === '/upload') await upload(req, res, url);
      else if (path.startsWith('/files/')) await files(req, res, path);
      else if (path === '/health') json(res, 200, { ok: true });
      else if (config.dev && path.startsWith('/dev/')) await dev(req, res, path);
      else throw new HttpError(404, 'not-found', 'Not found.');
    })().catch((error: unknown) => {
      const e =
        error instanceof HttpError
          ? error
          : error instanceof TransportError
            ? new HttpError(STATUS[error.code] ?? 500, error.code, error.message, error.retryable)
            : new HttpError(500, 'unavailable', 'The bridge failed.', true);
      if (!(error instanceof HttpError) && !(error instanceof TransportError)) config.log.error('[bridge] request failed:', error);
      // Refusals are logged by address, path and reason: never a header, a token or the body.
      else if (e.status !== 404 && e.status !== 409) config.log.warn(`[bridge] ${req.method ?? '?'} ${path} from ${remote} refused: ${e.status} ${e.message}`);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      res.setHeader('connection', 'close');
      json(res, e.status, { error: { code: e.code, message: e.message, retryable: e.retryable } });
      // A refused body may still be arriving: discard what comes (nothing is kept) and close once answered.
      req.resume();
      if (!req.complete) res.once('finish', () => setTimeout(() => req.destroy(), 100).unref());
    });
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://bridge').pathname;
    if (path !== '/agent') {
      socket.destroy();
      return;
    }
    const remote = remoteOf(req);
    const open = perAddress.get(remote) ?? 0;
    if (open >= config.maxSocketsPerIp) {
      config.log.warn(`[bridge] socket refused from ${remote}: ${open} sockets open from there already (MAX_SOCKETS_PER_IP).`);
      socket.end('HTTP/1.1 429 Too Many Requests\r\nconnection: close\r\nretry-after: 10\r\ncontent-length: 0\r\n\r\n');
      return;
    }
    perAddress.set(remote, open + 1);
    let counted = true;
    const release = () => {
      if (!counted) return;
      counted = false;
      const left = (perAddress.get(remote) ?? 1) - 1;
      if (left <= 0) perAddress.delete(remote);
      else perAddress.set(remote, left);
    };
    socket.once('close', release);
    wss.handleUpgrade(req, socket, head, (ws) => {
      const agent = new AgentSocket(
        ws,
        core,
        config,
        `${httpUrl}/upload`,
        (s) => sockets.add(s),
        (s) => {
          sockets.delete(s);
          release();
        },
        remote,
      );
      sockets.add(agent);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  httpUrl = `http://${host}:${port}`;
  core.publicUrl = config.publicUrl ?? httpUrl;
  fakeGraph?.attach({ webhookUrl: `${httpUrl}/webhook`, appSecret: config.appSecret, pageId: '' });
  await core.start();

  return {
    port,
    url: `ws://${host}:${port}/agent`,
    httpUrl,
    config,
    token: (agentId, name, ttlSeconds = 3600) => signAgentToken(config.agentTokenSecret, { sub: agentId, ...(name ? { name } : {}) }, ttlSeconds),
    async idle() {
      while (pending.size > 0) await Promise.all(pending);
    },
    async close() {
      for (const socket of [...sockets]) socket.close(1001, 'The bridge is going away.');
      wss.close();
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      await Promise.all(pending);
      await core.stop();
      await store.close();
    },
    async crash() {
      for (const socket of [...sockets]) socket.terminate();
      wss.close();
      server.closeAllConnections();
      server.close();
      store.crash?.();
      await core.stop();
    },
  };
}

/** Whether `given` is the configured secret, in constant time (both hashed first, so lengths match). */
function sameSecret(given: string | null, secret: string): boolean {
  if (given === null || secret === '') return false;
  const digest = (text: string): Buffer => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(secret));
}
