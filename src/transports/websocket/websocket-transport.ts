/**
 * The WebSocket transport: the Transport contract over the JSON protocol of
 * docs/websocket-protocol.md — one socket per agent tab for the handshake, events, commands and
 * heartbeats, and one HTTP endpoint for uploads. Any backend that speaks the protocol works with it,
 * the reference bridge in server/ among them.
 *
 * Works in browsers and in Node: Node 20 has no global WebSocket, so pass one (`ws`'s) as the
 * `WebSocket` option. Nothing here touches the DOM.
 */
import type { AgentRef, AttachmentRef } from '../../core/model.js';
import {
  TransportError,
  type Capabilities,
  type Command,
  type ConnectOptions,
  type ConnectResult,
  type ResultOf,
  type Transport,
  type TransportErrorCode,
  type TransportEvent,
  type UploadMeta,
} from '../../core/transport.js';

/** The protocol version this adapter speaks (`hello.protocol`). */
export const PROTOCOL_VERSION = 1;

/**
 * What the adapter needs of a WebSocket: the browser's and the `ws` package's both fit. The handlers
 * take `never` so either implementation's own event types are accepted.
 */
export interface WebSocketLike {
  onopen: ((event: never) => void) | null;
  onmessage: ((event: never) => void) | null;
  onclose: ((event: never) => void) | null;
  onerror: ((event: never) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export type WebSocketConstructor = new (url: string) => WebSocketLike;

export interface WebSocketTransportOptions {
  /** The agent socket, `ws(s)://…/agent`. */
  url: string;
  /** The agent's token. Give `getToken` instead when tokens expire. */
  token?: string;
  /**
   * Asked for a token before every new connection and every upload. When the server closes a
   * connection because its token expired (4401 after the welcome), the adapter reports a plain drop,
   * so the desk reconnects and this is asked for a fresh token; only a token refused at the hello
   * ends in `auth-expired`.
   */
  getToken?: () => string | Promise<string>;
  /** The WebSocket class. Default: the global one. Node 20 has none: pass `ws`'s (`import { WebSocket } from 'ws'`). */
  WebSocket?: WebSocketConstructor;
  /** Where uploads go. Default: the server's `welcome.uploadUrl`, else the socket URL with http(s) and the path `/upload`. */
  uploadUrl?: string;
  /**
   * Milliseconds between pings; two without any frame from the server mean a dead connection.
   * Default: the server's `welcome.heartbeatMs` (15 000 without one). Keep it at or below the server's.
   */
  heartbeatMs?: number;
  /** What `capabilities` answers before the server's `welcome` says (the desk reads `maxAttachmentBytes` when it is created). */
  capabilities?: Partial<Capabilities>;
  /** Used for uploads where there is no XMLHttpRequest (Node). Default: the global one. */
  fetch?: typeof fetch;
  /** Used for uploads, for progress events. Default: the global one in browsers (unless `fetch` is given). */
  XMLHttpRequest?: typeof XMLHttpRequest;
}

/** Capabilities before the server's welcome: a Messenger page through the reference bridge. */
export const DEFAULT_CAPABILITIES: Readonly<Capabilities> = Object.freeze({
  reject: true,
  upload: true,
  typing: true,
  maxAttachmentBytes: 25 * 1024 * 1024,
});

const DEFAULT_HEARTBEAT_MS = 15_000;

/** Close codes of the protocol. */
export const CloseCode = Object.freeze({
  normal: 1000,
  deadConnection: 4000,
  protocolError: 4400,
  tokenRefused: 4401,
  helloTimeout: 4408,
  replaced: 4409,
});

const ERROR_CODES: ReadonlySet<string> = new Set<TransportErrorCode>([
  'network', 'timeout', 'auth-expired', 'not-found', 'invalid', 'conflict', 'window-closed', 'policy', 'aborted', 'unavailable', 'internal',
]);

type Frame = { type: string } & Record<string, unknown>;

interface Waiting {
  resolve(result: unknown): void;
  reject(error: TransportError): void;
}

/** One socket, from open to close. */
interface Link {
  socket: WebSocketLike;
  token: string;
  welcomed: boolean;
  settle: { resolve(result: ConnectResult): void; reject(error: TransportError): void };
  ping?: ReturnType<typeof setInterval>;
  silence?: ReturnType<typeof setTimeout>;
  heartbeatMs: number;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const aborted = () => new TransportError('aborted', 'Cancelled.', { retryable: false });

/** The error a close code stands for (the table "Close codes" of the protocol). */
function closeCodeError(code: number): TransportErrorCode {
  if (code === CloseCode.tokenRefused) return 'auth-expired';
  if (code === CloseCode.protocolError) return 'internal';
  return 'network';
}

/** A `{ code, message, retryable }` from the server as a TransportError; an unknown code is `fallback`. */
function serverError(error: unknown, fallback: TransportErrorCode): TransportError {
  const body = isObject(error) ? error : {};
  const code = typeof body['code'] === 'string' && ERROR_CODES.has(body['code']) ? (body['code'] as TransportErrorCode) : fallback;
  const message = typeof body['message'] === 'string' ? body['message'] : `The server answered "${code}".`;
  return new TransportError(code, message, typeof body['retryable'] === 'boolean' ? { retryable: body['retryable'] } : {});
}

/** What an HTTP status means when the body does not say. */
function statusError(status: number): TransportErrorCode {
  if (status === 401 || status === 403) return 'auth-expired';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 413) return 'policy';
  if (status === 408 || status === 504) return 'timeout';
  return status >= 500 ? 'unavailable' : 'invalid';
}

function httpError(status: number, text: string): TransportError {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const fallback = statusError(status);
  return isObject(body) && isObject(body['error']) ? serverError(body['error'], fallback) : new TransportError(fallback, `The upload failed (HTTP ${status}).`);
}

/** `ws(s)://host/…` → `http(s)://host/upload`. */
function defaultUploadUrl(socketUrl: string): string {
  const url = new URL(socketUrl);
  url.protocol = url.protocol === 'wss:' ? 'https:' : 'http:';
  url.pathname = '/upload';
  url.search = '';
  url.hash = '';
  return url.href;
}

export class WebSocketTransport implements Transport {
  readonly #options: WebSocketTransportOptions;
  readonly #listeners = new Set<(event: TransportEvent) => void>();
  readonly #waiting = new Map<string, Waiting>();
  #capabilities: Capabilities;
  #link: Link | undefined;
  #opening: Promise<ConnectResult> | undefined;
  /** Bumped by disconnect(): a connect still asking for its token is then dropped. */
  #epoch = 0;
  #requests = 0;
  #token: string | undefined;
  #uploadUrl: string | undefined;
  #agent: AgentRef | undefined;

  constructor(options: WebSocketTransportOptions) {
    if (!options.url) throw new TypeError('WebSocketTransport needs a url.');
    if (options.token === undefined && !options.getToken) throw new TypeError('WebSocketTransport needs a token or getToken.');
    this.#options = options;
    this.#capabilities = { ...DEFAULT_CAPABILITIES, ...options.capabilities };
  }

  /** The constructor's capabilities until the server's `welcome`, then the server's. */
  get capabilities(): Capabilities {
    return this.#capabilities;
  }

  /** The agent the server's `welcome` named (undefined before the first welcome). */
  get agent(): AgentRef | undefined {
    return this.#agent;
  }

  /** True between the server's `welcome` and the end of that connection. */
  get connected(): boolean {
    return this.#link?.welcomed === true;
  }

  /** The agent is the one the token names; the server says which in its welcome (`agent`). */
  connect(_agent: AgentRef, { cursor, signal }: ConnectOptions = {}): Promise<ConnectResult> {
    // Idempotent: while connected or connecting, a second call opens nothing new.
    if (this.#opening) return this.#opening;
    const opening = this.#open(cursor, signal);
    this.#opening = opening;
    opening.catch(() => {
      if (this.#opening === opening) this.#opening = undefined;
    });
    return opening;
  }

  async disconnect(): Promise<void> {
    this.#epoch++;
    this.#opening = undefined;
    const link = this.#link;
    if (link) this.#end(link, { code: 'aborted', reason: 'Disconnected.', close: CloseCode.normal, quiet: true });
  }

  subscribe(listener: (event: TransportEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async execute<C extends Command>(command: C, { signal }: { signal?: AbortSignal } = {}): Promise<ResultOf<C>> {
    if (signal?.aborted) throw aborted();
    // Sent while the connection is being opened: wait for the server's welcome.
    if (this.#opening && !this.#link?.welcomed) await this.#opening.catch(() => undefined);
    const link = this.#link;
    if (!link?.welcomed) throw new TransportError('network', 'Not connected to the server.');
    const id = `r-${++this.#requests}`;
    return new Promise<ResultOf<C>>((resolve, reject) => {
      const onAbort = () => {
        // The server may still act on it; its answer is then ignored.
        this.#waiting.delete(id);
        reject(aborted());
      };
      const done = () => signal?.removeEventListener('abort', onAbort);
      this.#waiting.set(id, {
        resolve: (result) => {
          done();
          resolve(result as ResultOf<C>);
        },
        reject: (error) => {
          done();
          reject(error);
        },
      });
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#send(link, { type: 'command', id, command });
    });
  }

  async upload(file: Blob, meta: UploadMeta, { signal, onProgress }: { signal?: AbortSignal; onProgress?(sent: number): void } = {}): Promise<AttachmentRef> {
    if (signal?.aborted) throw aborted();
    // A fresh token when the host can give one: the connection's may have expired since.
    const token = this.#options.getToken ? await this.#askToken() : (this.#token ?? (await this.#askToken()));
    if (signal?.aborted) throw aborted();
    let url: URL;
    try {
      url = new URL(this.#options.uploadUrl ?? this.#uploadUrl ?? defaultUploadUrl(this.#options.url));
    } catch (error) {
      throw new TransportError('invalid', 'The upload URL is not a URL.', { retryable: false, cause: error });
    }
    url.searchParams.set('conversationId', meta.conversationId);
    url.searchParams.set('clientId', meta.clientId);
    url.searchParams.set('name', meta.name);
    const request = { url: url.href, token, type: meta.mimeType || 'application/octet-stream', file, signal, onProgress };
    const XHR = this.#options.XMLHttpRequest ?? (this.#options.fetch ? undefined : globalThis.XMLHttpRequest);
    return XHR ? uploadWithXhr(XHR, request) : uploadWithFetch(this.#options.fetch ?? globalThis.fetch, request);
  }

  async #askToken(): Promise<string> {
    const { token, getToken } = this.#options;
    if (!getToken) return token!;
    try {
      const fresh = await getToken();
      if (typeof fresh !== 'string' || !fresh) throw new Error('getToken() gave no token.');
      return fresh;
    } catch (error) {
      if (error instanceof TransportError) throw error;
      throw new TransportError('unavailable', `Could not get a token: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }

  async #open(cursor: string | undefined, signal: AbortSignal | undefined): Promise<ConnectResult> {
    const epoch = this.#epoch;
    if (signal?.aborted) throw aborted();
    const token = await this.#askToken();
    if (signal?.aborted || epoch !== this.#epoch) throw aborted();
    const Socket = this.#options.WebSocket ?? (globalThis.WebSocket as WebSocketConstructor | undefined);
    if (!Socket) {
      throw new TransportError('internal', 'There is no global WebSocket here (Node 20): pass one as the WebSocket option, e.g. the ws package.', { retryable: false });
    }
    return new Promise<ConnectResult>((resolve, reject) => {
      let socket: WebSocketLike;
      try {
        socket = new Socket(this.#options.url);
      } catch (error) {
        reject(new TransportError('invalid', `Could not open ${this.#options.url}.`, { retryable: false, cause: error }));
        return;
      }
      const link: Link = { socket, token, welcomed: false, settle: { resolve, reject }, heartbeatMs: DEFAULT_HEARTBEAT_MS };
      this.#link = link;
      this.#token = token;
      socket.onopen = () => this.#send(link, { type: 'hello', protocol: PROTOCOL_VERSION, token, ...(cursor === undefined ? {} : { cursor }) });
      socket.onmessage = ({ data }: { data: unknown }) => this.#receive(link, data);
      socket.onclose = ({ code, reason }: { code: number; reason: string }) =>
        this.#end(link, { code: closeCodeError(code), reason: reason || `The connection closed (${code}).` });
      // A close event follows every error.
      socket.onerror = () => undefined;
      // The desk gives up on a connect that hangs: drop this socket, so its retry opens a new one.
      signal?.addEventListener('abort', () => {
        if (!link.welcomed) this.#end(link, { code: 'aborted', reason: 'Cancelled.', close: CloseCode.normal });
      }, { once: true });
    });
  }

  #receive(link: Link, data: unknown): void {
    if (this.#link !== link) return;
    let frame: unknown;
    try {
      frame = typeof data === 'string' ? JSON.parse(data) : undefined;
    } catch {
      frame = undefined;
    }
    if (!isObject(frame) || typeof frame['type'] !== 'string') {
      this.#end(link, { code: 'internal', reason: 'The server sent a frame that is not a protocol frame.', close: CloseCode.protocolError });
      return;
    }
    // Any frame is a sign of life.
    this.#alive(link);
    this.#handle(link, frame as Frame);
  }

  #handle(link: Link, frame: Frame): void {
    switch (frame.type) {
      case 'welcome':
        if (!link.welcomed) this.#welcome(link, frame);
        return;
      case 'refused': {
        const refusal = serverError({ code: frame['code'], message: frame['message'], retryable: false }, 'auth-expired');
        this.#end(link, { code: refusal.code, reason: refusal.message, close: CloseCode.normal });
        return;
      }
      case 'event': {
        const event = frame['event'];
        // A light check of the shape; the desk validates the events themselves.
        if (!isObject(event) || typeof event['type'] !== 'string' || typeof event['cursor'] !== 'string') return;
        if (event['type'] === 'transport.disconnected') return;
        this.#emit(event as unknown as TransportEvent);
        return;
      }
      case 'ack':
      case 'error': {
        const id = frame['id'];
        const waiting = typeof id === 'string' ? this.#waiting.get(id) : undefined;
        if (!waiting) return;
        this.#waiting.delete(id as string);
        if (frame.type === 'ack') waiting.resolve(frame['result']);
        else waiting.reject(serverError(frame['error'], 'internal'));
        return;
      }
      case 'ping':
        // The server's own heartbeat: answered at once, so a background tab whose timers the
        // browser slows down still counts as alive.
        this.#send(link, { type: 'pong', at: frame['at'] });
        return;
      default:
        // pong, and frame types of newer servers.
        return;
    }
  }

  #welcome(link: Link, frame: Frame): void {
    link.welcomed = true;
    const caps = frame['capabilities'];
    if (isObject(caps)) {
      this.#capabilities = { ...(caps as Partial<Capabilities>), reject: caps['reject'] === true, upload: caps['upload'] === true, typing: caps['typing'] === true };
    }
    const agent = frame['agent'];
    if (isObject(agent) && typeof agent['id'] === 'string') this.#agent = agent as unknown as AgentRef;
    if (typeof frame['uploadUrl'] === 'string') this.#uploadUrl = frame['uploadUrl'];
    const serverBeat = frame['heartbeatMs'];
    link.heartbeatMs = this.#options.heartbeatMs ?? (typeof serverBeat === 'number' && serverBeat > 0 ? serverBeat : DEFAULT_HEARTBEAT_MS);
    link.ping = setInterval(() => this.#send(link, { type: 'ping', at: Date.now() }), link.heartbeatMs);
    this.#alive(link);
    const cursor = frame['cursor'];
    link.settle.resolve(typeof cursor === 'string' && cursor ? { cursor } : {});
  }

  /** Restarts the dead-connection clock: two heartbeats without a frame from the server. */
  #alive(link: Link): void {
    if (!link.welcomed) return;
    clearTimeout(link.silence);
    link.silence = setTimeout(
      () => this.#end(link, { code: 'network', reason: 'The server fell silent for two heartbeats.', close: CloseCode.deadConnection }),
      2 * link.heartbeatMs,
    );
  }

  #send(link: Link, frame: Frame): void {
    if (this.#link !== link) return;
    try {
      link.socket.send(JSON.stringify(frame));
    } catch (error) {
      this.#end(link, { code: 'network', reason: `Could not send: ${error instanceof Error ? error.message : String(error)}` });
    }
  }

  /**
   * Ends a connection once: stops its clocks, closes its socket (when `close` is given), fails the
   * commands still waiting with `network`, and either fails the connect() that opened it or, after the
   * welcome and unless `quiet`, tells subscribers with `transport.disconnected`.
   */
  #end(link: Link, how: { code: TransportErrorCode; reason: string; close?: number; quiet?: boolean }): void {
    if (this.#link !== link) return;
    // The token expired during a welcomed connection: with getToken the reconnect brings a fresh one.
    if (how.code === 'auth-expired' && link.welcomed && this.#options.getToken) how = { ...how, code: 'network' };
    this.#link = undefined;
    this.#opening = undefined;
    clearInterval(link.ping);
    clearTimeout(link.silence);
    const { socket } = link;
    socket.onopen = socket.onmessage = socket.onerror = socket.onclose = null;
    if (how.close !== undefined) {
      try {
        socket.close(how.close, how.reason.slice(0, 60));
      } catch {
        // A reason over 123 bytes (UTF-8) throws: close without one.
        try {
          socket.close(how.close);
        } catch {
          // Already closed.
        }
      }
    }
    const waiting = [...this.#waiting.values()];
    this.#waiting.clear();
    for (const w of waiting) w.reject(new TransportError('network', 'The connection closed before the server answered.'));
    if (!link.welcomed) {
      link.settle.reject(new TransportError(how.code, how.reason));
      return;
    }
    if (!how.quiet) this.#emit({ type: 'transport.disconnected', cursor: '', reason: how.reason, code: how.code });
  }

  #emit(event: TransportEvent): void {
    for (const listener of [...this.#listeners]) listener(event);
  }
}

interface UploadRequest {
  url: string;
  token: string;
  type: string;
  file: Blob;
  signal: AbortSignal | undefined;
  onProgress: ((sent: number) => void) | undefined;
}

function parseRef(text: string): AttachmentRef {
  try {
    const ref: unknown = JSON.parse(text);
    if (isObject(ref) && typeof ref['id'] === 'string') return ref as unknown as AttachmentRef;
  } catch {
    // Reported below.
  }
  throw new TransportError('internal', 'The upload answer is not an attachment.', { retryable: false });
}

/** In browsers: upload progress events. */
function uploadWithXhr(XHR: typeof XMLHttpRequest, { url, token, type, file, signal, onProgress }: UploadRequest): Promise<AttachmentRef> {
  return new Promise((resolve, reject) => {
    const xhr = new XHR();
    let sent = 0;
    const progress = (bytes: number) => {
      if (bytes < sent) return;
      sent = bytes;
      onProgress?.(bytes);
    };
    const onAbort = () => xhr.abort();
    const finish = () => signal?.removeEventListener('abort', onAbort);
    xhr.open('POST', url);
    xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.setRequestHeader('Content-Type', type);
    xhr.upload.onprogress = (event) => progress(event.loaded);
    xhr.onload = () => {
      finish();
      if (xhr.status < 200 || xhr.status >= 300) {
        reject(httpError(xhr.status, xhr.responseText));
        return;
      }
      try {
        const ref = parseRef(xhr.responseText);
        if (sent < file.size) progress(file.size);
        resolve(ref);
      } catch (error) {
        reject(error as TransportError);
      }
    };
    xhr.onerror = () => {
      finish();
      reject(new TransportError('network', 'The upload failed.'));
    };
    xhr.onabort = () => {
      finish();
      reject(aborted());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    xhr.send(file);
  });
}

/** In Node (no XMLHttpRequest): one progress call when the body is sent. */
async function uploadWithFetch(fetcher: typeof fetch, { url, token, type, file, signal, onProgress }: UploadRequest): Promise<AttachmentRef> {
  let response: Response;
  let text: string;
  try {
    response = await fetcher(url, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': type }, body: file, signal: signal ?? null });
    text = await response.text();
  } catch (error) {
    if (signal?.aborted) throw aborted();
    throw new TransportError('network', `The upload failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (!response.ok) throw httpError(response.status, text);
  const ref = parseRef(text);
  onProgress?.(file.size);
  return ref;
}
