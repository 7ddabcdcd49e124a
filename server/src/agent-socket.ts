import type { WebSocket } from 'ws';
import { TransportError, type Command } from '../../src/core/transport.js';
import { verifyAgentToken } from './auth.js';
import type { BridgeConfig } from './config.js';
import type { BridgeCore } from './core.js';

/** Events read from the log at a time while pumping. */
const PUMP_BATCH = 500;

/** How long a new socket may take to say hello. */
const HELLO_TIMEOUT_MS = 10_000;

/**
 * One agent's WebSocket, speaking docs/websocket-protocol.md: hello → welcome (or refused), the
 * snapshot or the replay after the given cursor, then live events; commands answered by id;
 * pings answered and sent every heartbeat; a socket silent for two heartbeats is closed.
 */
export class AgentSocket {
  agentId: string | undefined;
  readonly #ws: WebSocket;
  readonly #core: BridgeCore;
  readonly #config: BridgeConfig;
  readonly #uploadUrl: string;
  #sentUpTo: string | undefined;
  /** The cursor a hello resumes from, while it is being checked. */
  #resuming: string | undefined;
  #pumping = false;
  #again = false;
  #lastHeard = Date.now();
  readonly #helloTimer: NodeJS.Timeout;
  readonly #liveness: NodeJS.Timeout;
  /** Closes the socket when the agent's token expires (the client then connects again with a new one). */
  #expiry: NodeJS.Timeout | undefined;
  #gone = false;

  constructor(
    ws: WebSocket,
    core: BridgeCore,
    config: BridgeConfig,
    uploadUrl: string,
    readonly onReady: (socket: AgentSocket) => void,
    readonly onGone: (socket: AgentSocket) => void,
    /** The client's address (for the logs and the per-address limit). */
    readonly remote = '',
  ) {
    this.#ws = ws;
    this.#core = core;
    this.#config = config;
    this.#uploadUrl = uploadUrl;
    this.#helloTimer = setTimeout(() => this.close(4408, 'No hello in time.'), HELLO_TIMEOUT_MS);
    this.#liveness = setInterval(() => {
      if (Date.now() - this.#lastHeard > 2 * config.heartbeatMs) this.#ws.terminate();
      // The bridge's own ping: a browser tab in the background sends its pings late (its timers
      // are slowed), but answers this one at once, which keeps it alive.
      else if (this.agentId !== undefined) this.#send({ type: 'ping', at: Date.now() });
    }, config.heartbeatMs);
    ws.on('message', (data, isBinary) => {
      this.#lastHeard = Date.now();
      void this.#frame(isBinary ? undefined : data.toString()).catch((error: unknown) => {
        config.log.error('[bridge] socket frame failed:', error);
        this.close(1011, 'Internal error.');
      });
    });
    ws.on('close', () => this.#cleanup());
    ws.on('error', () => this.#cleanup());
  }

  #cleanup(): void {
    if (this.#gone) return;
    this.#gone = true;
    clearTimeout(this.#helloTimer);
    clearTimeout(this.#expiry);
    clearInterval(this.#liveness);
    this.onGone(this);
  }

  #send(frame: object): void {
    if (this.#ws.readyState === this.#ws.OPEN) this.#ws.send(JSON.stringify(frame));
  }

  close(code: number, reason: string): void {
    if (this.#ws.readyState === this.#ws.OPEN || this.#ws.readyState === this.#ws.CONNECTING) this.#ws.close(code, reason);
    this.#cleanup();
  }

  /** Drops the socket without a close handshake, as a network failure would. */
  terminate(): void {
    this.#ws.terminate();
    this.#cleanup();
  }

  async #frame(text: string | undefined): Promise<void> {
    let frame: unknown;
    try {
      frame = text === undefined ? undefined : JSON.parse(text);
    } catch {
      frame = undefined;
    }
    if (typeof frame !== 'object' || frame === null || Array.isArray(frame) || typeof (frame as { type?: unknown }).type !== 'string') {
      this.close(4400, 'A frame must be a JSON object with a string type.');
      return;
    }
    const f = frame as { type: string } & Record<string, unknown>;
    if (this.agentId === undefined) {
      if (f.type !== 'hello') {
        this.close(4400, 'The first frame must be hello.');
        return;
      }
      await this.#hello(f);
      return;
    }
    switch (f.type) {
      case 'ping':
        this.#send({ type: 'pong', at: f.at });
        return;
      case 'command':
        await this.#command(f.id, f.command);
        return;
      case 'hello':
        this.close(4400, 'hello was already sent.');
        return;
      default:
        return; // unknown frames are ignored (newer peers)
    }
  }

  async #hello(f: Record<string, unknown>): Promise<void> {
    clearTimeout(this.#helloTimer);
    if (f.protocol !== 1) {
      this.#send({ type: 'refused', code: 'invalid', message: `This bridge speaks protocol 1, not ${String(f.protocol)}.` });
      this.close(4400, 'Unsupported protocol.');
      return;
    }
    const claims = verifyAgentToken(this.#config.agentTokenSecret, f.token, Date.now());
    if (!claims) {
      this.#config.log.warn(`[bridge] socket refused from ${this.remote}: agent token missing, invalid or expired.`);
      this.#send({ type: 'refused', code: 'auth-expired', message: 'The agent token is missing, invalid or expired.' });
      this.close(4401, 'Token refused.');
      return;
    }
    this.agentId = claims.sub;
    // A token is good until its exp, not for the life of the socket. (setTimeout takes at most ~24.8 days.)
    this.#expiry = setTimeout(() => {
      this.#send({ type: 'refused', code: 'auth-expired', message: 'The agent token expired.' });
      this.close(4401, 'Token expired.');
    }, Math.min(claims.exp * 1000 - Date.now(), 2 ** 31 - 1));
    // A cursor this bridge never handed out (another backend, a wiped data directory) gets a snapshot instead.
    this.#resuming = typeof f.cursor === 'string' ? f.cursor : undefined;
    const cursor = typeof f.cursor === 'string' && (await this.#core.store.acceptsCursor(claims.sub, f.cursor)) ? f.cursor : undefined;
    await this.#core.agentConnected(claims.sub, claims.name, cursor === undefined);
    if (this.#gone) return;
    const snapshot = cursor === undefined ? await this.#core.snapshot(claims.sub) : undefined;
    this.#sentUpTo = cursor ?? snapshot!.cursor;
    this.#resuming = undefined;
    this.#send({
      type: 'welcome',
      protocol: 1,
      agent: { id: claims.sub, ...(claims.name !== undefined ? { name: claims.name } : {}) },
      capabilities: this.#core.capabilities,
      cursor: this.#sentUpTo,
      heartbeatMs: this.#config.heartbeatMs,
      uploadUrl: this.#uploadUrl,
    });
    if (snapshot) this.#send({ type: 'event', event: snapshot });
    this.onReady(this);
    await this.pump();
  }

  /** The oldest cursor this socket still needs the events after: what it has been sent, or the cursor it resumes from. */
  get position(): string | undefined {
    return this.#resuming ?? this.#sentUpTo;
  }

  /** Sends every event of the agent's log after what this socket has sent, in order. */
  async pump(): Promise<void> {
    if (this.agentId === undefined || this.#sentUpTo === undefined) return;
    if (this.#pumping) {
      this.#again = true;
      return;
    }
    this.#pumping = true;
    try {
      do {
        this.#again = false;
        const events = await this.#core.store.eventsAfter(this.agentId, this.#sentUpTo, PUMP_BATCH);
        for (const logged of events) {
          if (this.#gone) return;
          // Back-pressure: past the buffer the pump waits for the client to read; a client that does not read
          // within slowSocketMs holds no unbounded buffer here: it is cut off and resumes from its cursor.
          if (this.#ws.bufferedAmount > this.#config.maxSocketBufferBytes && !(await this.#drained())) {
            this.#config.log.warn(`[bridge] agent ${this.agentId}'s socket fell too far behind (${this.#ws.bufferedAmount} bytes queued); closed, it resumes from its cursor.`);
            this.terminate();
            return;
          }
          if (this.#gone) return;
          this.#send({ type: 'event', event: logged.event });
          this.#sentUpTo = logged.cursor;
        }
        if (events.length === PUMP_BATCH) this.#again = true;
      } while (this.#again && !this.#gone);
    } finally {
      this.#pumping = false;
    }
  }

  /** Resolves true once the socket's queue is back under the limit, false when it stays over it for slowSocketMs. */
  async #drained(): Promise<boolean> {
    const until = Date.now() + this.#config.slowSocketMs;
    while (this.#ws.bufferedAmount > this.#config.maxSocketBufferBytes) {
      if (this.#gone || Date.now() > until) return false;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return true;
  }

  async #command(id: unknown, command: unknown): Promise<void> {
    if (typeof id !== 'string' && typeof id !== 'number') {
      this.close(4400, 'A command needs an id.');
      return;
    }
    try {
      if (typeof command !== 'object' || command === null) throw new TransportError('invalid', 'A command must be an object.', { retryable: false });
      const result = await this.#core.execute(this.agentId!, command as Command);
      this.#send({ type: 'ack', id, result });
    } catch (error) {
      const e =
        error instanceof TransportError
          ? error
          : new TransportError('internal', 'The bridge failed to run the command.', { retryable: false, cause: error });
      if (!(error instanceof TransportError)) this.#config.log.error('[bridge] command failed:', error);
      this.#send({ type: 'error', id, error: { code: e.code, message: e.message, retryable: e.retryable } });
    }
  }
}
