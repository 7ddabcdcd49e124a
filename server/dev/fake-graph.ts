import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { newMid, newPsid, postWebhook, ScriptedCustomer, type WebhookTarget } from './customer.js';

/** One Send API call the fake Graph received. */
export interface GraphCall {
  path: string;
  accessToken: string | undefined;
  body: Record<string, unknown>;
  /** What it answered: `message_id`, or the error. */
  answer: { message_id?: string; error?: FakeGraphError };
}

/** An error the fake Graph answers with, as Meta shapes it. */
export interface FakeGraphError {
  code: number;
  error_subcode?: number;
  message?: string;
  type?: string;
  /** HTTP status; 400 by default (Meta uses 400 for most, 500 for some temporary errors). */
  status?: number;
}

export interface FakeGraph {
  /** Base URL to use as GRAPH_API_URL. */
  url: string;
  /** Every Send API call, in order (sender actions included). */
  calls: GraphCall[];
  /** Answers the next `times` Send API calls with this error. */
  failNext(error: FakeGraphError, times?: number): void;
  /** Names the profile API answers with, by PSID. */
  profiles: Map<string, { first_name: string; last_name?: string }>;
  /** Where the scripted customers send their webhooks, and where echoes of sends go. */
  attach(target: WebhookTarget): void;
  /** A scripted customer (a new PSID unless given). */
  customer(psid?: string, name?: string): ScriptedCustomer;
  /** Resolves once every echo webhook the fake Graph sent has been answered. */
  settled(): Promise<void>;
  /** Holds every Send API call from now on (a hanging Graph API) until `release()`. */
  hold(): void;
  /** Answers the held calls (and the next ones at once); with `drop`, cuts them instead, as if Meta never took them. */
  release(options?: { drop?: boolean }): void;
  /** Send API calls waiting in a hold. */
  readonly held: number;
  close(): Promise<void>;
}

export interface FakeGraphOptions {
  port?: number;
  pageId?: string;
  /** Send `message_echoes` webhooks for every message sent, as Meta does (default true). */
  echoes?: boolean;
  /** The token the Send API must be called with (default: any non-empty). */
  accessToken?: string;
  /** Told of every Send API call as it is answered (benchmarks). */
  onCall?: (call: GraphCall) => void;
  /** Keep no list of calls (`calls` stays empty): long benchmark runs. */
  recordCalls?: boolean;
}

const TYPES = ['RESPONSE', 'UPDATE', 'MESSAGE_TAG'];
const ACTIONS = ['typing_on', 'typing_off', 'mark_seen'];
const ATTACHMENTS = ['image', 'audio', 'video', 'file', 'template'];

/** Why a Send API body is not what Meta takes, or undefined when it is. */
export function sendPayloadProblem(body: Record<string, unknown>): string | undefined {
  const recipient = body.recipient as { id?: unknown } | undefined;
  if (typeof recipient?.id !== 'string' || recipient.id === '') return 'recipient.id is required';
  if (body.sender_action !== undefined) {
    if (!ACTIONS.includes(String(body.sender_action))) return `unknown sender_action ${String(body.sender_action)}`;
    if (body.message !== undefined) return 'sender_action cannot be sent with message';
    return undefined;
  }
  if (!TYPES.includes(String(body.messaging_type))) return 'messaging_type must be RESPONSE, UPDATE or MESSAGE_TAG';
  if (body.messaging_type === 'MESSAGE_TAG' && body.tag !== 'HUMAN_AGENT') return 'MESSAGE_TAG needs a tag (HUMAN_AGENT)';
  if (body.messaging_type !== 'MESSAGE_TAG' && body.tag !== undefined) return 'tag is only allowed with MESSAGE_TAG';
  const message = body.message as { text?: unknown; attachment?: { type?: unknown; payload?: { url?: unknown; attachment_id?: unknown } } } | undefined;
  if (!message || typeof message !== 'object') return 'message or sender_action is required';
  const hasText = typeof message.text === 'string' && message.text !== '';
  if (hasText === (message.attachment !== undefined)) return 'message needs exactly one of text or attachment';
  if (hasText && (message.text as string).length > 2000) return 'text is longer than 2000 characters';
  if (message.attachment) {
    if (!ATTACHMENTS.includes(String(message.attachment.type))) return 'unknown attachment type';
    const url = message.attachment.payload?.url;
    if (!(typeof url === 'string' && /^https?:\/\//.test(url)) && message.attachment.payload?.attachment_id === undefined) {
      return 'attachment.payload needs an http(s) url or an attachment_id';
    }
  }
  return undefined;
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/**
 * A stand-in for Meta's Graph API: the Send API (`POST /{version}/me/messages`) and the user
 * profile (`GET /{version}/{psid}`). It checks each Send API body the way Meta does, records it,
 * answers with a message id (or the error it was told to fail with), and echoes messages back to
 * the bridge's webhook as Meta does when `message_echoes` is subscribed.
 */
export async function createFakeGraph(options: FakeGraphOptions = {}): Promise<FakeGraph> {
  const pageId = options.pageId ?? '100000000000001';
  const calls: GraphCall[] = [];
  const failures: FakeGraphError[] = [];
  const profiles = new Map<string, { first_name: string; last_name?: string }>();
  let target: WebhookTarget | undefined;
  const echoes = options.echoes ?? true;
  const posting = new Set<Promise<unknown>>();
  let holding: { promise: Promise<boolean>; resolve: (drop: boolean) => void } | undefined;
  let held = 0;
  const record = options.recordCalls ?? true;

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const token = url.searchParams.get('access_token') ?? req.headers.authorization?.replace(/^Bearer /, '') ?? undefined;
      const parts = url.pathname.split('/').filter(Boolean);
      if (req.method === 'POST' && parts.length === 3 && parts[1] === 'me' && parts[2] === 'messages') {
        const body = await readJson(req);
        if (holding) {
          held++;
          const drop = await holding.promise;
          held--;
          if (drop) {
            res.destroy();
            return;
          }
        }
        const call: GraphCall = { path: url.pathname, accessToken: token, body, answer: {} };
        if (record) calls.push(call);
        res.once('finish', () => options.onCall?.(call));
        if (!token || (options.accessToken !== undefined && token !== options.accessToken)) {
          call.answer.error = { code: 190, message: 'Invalid OAuth access token.', type: 'OAuthException' };
          json(res, 400, { error: call.answer.error });
          return;
        }
        const problem = sendPayloadProblem(body);
        if (problem) {
          call.answer.error = { code: 100, message: `(#100) ${problem}`, type: 'OAuthException' };
          json(res, 400, { error: call.answer.error });
          return;
        }
        const failure = failures.shift();
        if (failure) {
          const { status, ...error } = failure;
          call.answer.error = failure;
          json(res, status ?? 400, { error: { message: `(#${error.code}) Simulated error`, type: 'OAuthException', ...error } });
          return;
        }
        const recipient = (body.recipient as { id: string }).id;
        if (body.sender_action !== undefined) {
          json(res, 200, { recipient_id: recipient });
          return;
        }
        const mid = newMid();
        call.answer.message_id = mid;
        json(res, 200, { recipient_id: recipient, message_id: mid });
        const message = body.message as { text?: string; metadata?: string; attachment?: { type: string; payload: { url?: string } } };
        if (echoes && target) {
          const echo: Record<string, unknown> = { mid, is_echo: true, app_id: 424242 };
          if (message.text !== undefined) echo.text = message.text;
          if (message.metadata !== undefined) echo.metadata = message.metadata;
          if (message.attachment) echo.attachments = [{ type: message.attachment.type, payload: { url: message.attachment.payload.url } }];
          const t = target;
          const post = postWebhook(t, [{ sender: { id: t.pageId }, recipient: { id: recipient }, timestamp: Date.now(), message: echo }])
            .catch(() => undefined)
            .finally(() => posting.delete(post));
          posting.add(post);
        }
        return;
      }
      if (req.method === 'GET' && parts.length === 2) {
        const profile = profiles.get(decodeURIComponent(parts[1]!));
        if (profile) json(res, 200, { id: parts[1], ...profile });
        else json(res, 400, { error: { code: 100, message: 'Unsupported get request.' } });
        return;
      }
      json(res, 404, { error: { code: 803, message: 'Unknown path.' } });
    })().catch(() => {
      if (!res.headersSent) json(res, 500, { error: { code: 2, message: 'Fake Graph failure.' } });
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    profiles,
    failNext(error, times = 1) {
      for (let i = 0; i < times; i++) failures.push(error);
    },
    attach(next) {
      target = { ...next, pageId: next.pageId || pageId };
    },
    customer(psid = newPsid(), name) {
      if (name) {
        const [first, ...rest] = name.split(' ');
        profiles.set(psid, { first_name: first ?? name, ...(rest.length ? { last_name: rest.join(' ') } : {}) });
      }
      return new ScriptedCustomer(() => {
        if (!target) throw new Error('The fake Graph is not attached to a bridge (attach()).');
        return target;
      }, psid);
    },
    async settled() {
      while (posting.size > 0) await Promise.all(posting);
    },
    hold() {
      if (holding) return;
      let resolve!: (drop: boolean) => void;
      const promise = new Promise<boolean>((r) => (resolve = r));
      holding = { promise, resolve };
    },
    release(opts = {}) {
      const h = holding;
      holding = undefined;
      h?.resolve(opts.drop === true);
    },
    get held() {
      return held;
    },
    close() {
      holding?.resolve(true);
      holding = undefined;
      return new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}
