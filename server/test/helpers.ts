import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import type { Command, TransportEvent } from '../../src/core/transport.js';
import { createFakeGraph, type FakeGraph } from '../dev/fake-graph.js';
import { startBridge, type Bridge, type BridgeOptions } from '../src/index.js';

export const APP_SECRET = 'test-app-secret';
export const VERIFY_TOKEN = 'test-verify-token';
export const DAY = 24 * 60 * 60 * 1000;

/** Waits for a condition, polling; fails naming `what` after `timeout` ms. */
export function waitFor<T>(check: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeout = 3000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const start = Date.now();
    let busy = false;
    const poll = setInterval(() => {
      if (busy) return;
      busy = true;
      Promise.resolve()
        .then(check)
        .then((value) => {
          busy = false;
          if (value !== undefined && value !== false) {
            clearInterval(poll);
            resolve(value);
          } else if (Date.now() - start > timeout) {
            clearInterval(poll);
            reject(new Error(`Timed out waiting for ${what}.`));
          }
        }, (error: unknown) => {
          clearInterval(poll);
          reject(error instanceof Error ? error : new Error(String(error)));
        });
    }, 5);
  });
}

export interface Setup {
  bridge: Bridge;
  graph: FakeGraph;
  clock: { t: number };
  logs: string[];
  dataDir: string | undefined;
  options: BridgeOptions;
  /** Starts another bridge on the same data directory (after close()). */
  restart(): Promise<Bridge>;
  close(): Promise<void>;
}

export async function setup(options: BridgeOptions & { persistent?: boolean } = {}): Promise<Setup> {
  const { persistent, ...rest } = options;
  const graph = await createFakeGraph();
  const clock = { t: Date.UTC(2026, 0, 10, 12) };
  const logs: string[] = [];
  const record = (...args: unknown[]) => logs.push(args.map((a) => (a instanceof Error ? a.message : String(a))).join(' '));
  const dataDir = persistent ? mkdtempSync(join(tmpdir(), 'bridge-test-')) : undefined;
  const config: BridgeOptions = {
    port: 0,
    dev: true,
    appSecret: APP_SECRET,
    verifyToken: VERIFY_TOKEN,
    pageAccessToken: 'test-page-token',
    agentTokenSecret: 'test-agent-secret',
    graphApiUrl: graph.url,
    sendRetryDelaysMs: [1, 1],
    rateLimitBackoffMs: 60_000,
    now: () => clock.t,
    log: { info: record, warn: record, error: record },
    fakeGraph: graph,
    ...(dataDir ? { dataDir } : {}),
    ...rest,
  };
  let bridge = await startBridge(config);
  const s: Setup = {
    get bridge() {
      return bridge;
    },
    graph,
    clock,
    logs,
    dataDir,
    options: config,
    async restart() {
      bridge = await startBridge(config);
      return bridge;
    },
    async close() {
      await bridge.close();
      await graph.close();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return s;
}

type Frame = { type: string } & Record<string, unknown>;
type Answer = { ok: true; result: Record<string, unknown> } | { ok: false; error: { code: string; message: string; retryable: boolean } };

/** An agent speaking the WebSocket protocol directly. */
export class Agent {
  readonly frames: Frame[] = [];
  readonly events: TransportEvent[] = [];
  ws!: WebSocket;
  closed: { code: number; reason: string } | undefined;
  #seq = 0;
  #answers = new Map<string, (a: Answer) => void>();

  constructor(
    readonly bridge: () => Bridge,
    readonly id: string,
    readonly token: string = bridge().token(id, `Agent ${id}`),
  ) {}

  /** Opens a socket and sends hello; resolves with welcome (or the refusal). */
  async connect(opts: { cursor?: string; hello?: object } = {}): Promise<Frame> {
    this.closed = undefined;
    this.frames.length = 0;
    this.ws = new WebSocket(this.bridge().url);
    this.ws.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as Frame;
      this.frames.push(frame);
      if (frame.type === 'event') this.events.push(frame.event as TransportEvent);
      if (frame.type === 'ack') this.#answers.get(frame.id as string)?.({ ok: true, result: frame.result as Record<string, unknown> });
      if (frame.type === 'error') this.#answers.get(frame.id as string)?.({ ok: false, error: frame.error as { code: string; message: string; retryable: boolean } });
    });
    this.ws.on('close', (code, reason) => (this.closed = { code, reason: reason.toString() }));
    await new Promise<void>((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('error', reject);
    });
    this.ws.send(JSON.stringify(opts.hello ?? { type: 'hello', protocol: 1, token: this.token, ...(opts.cursor ? { cursor: opts.cursor } : {}) }));
    return waitFor(() => this.frames.find((f) => f.type === 'welcome' || f.type === 'refused') ?? (this.closed ? { type: 'closed', ...this.closed } : undefined), 'welcome');
  }

  send(frame: object | string): void {
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** Runs a command; resolves with the ack or the error (never rejects). */
  run(command: Command | Record<string, unknown>): Promise<Answer> {
    const id = `r-${++this.#seq}`;
    const answer = new Promise<Answer>((resolve) => this.#answers.set(id, resolve));
    this.send({ type: 'command', id, command });
    return answer;
  }

  /** Runs a command and returns its result; throws on an error answer. */
  async ok<T = Record<string, unknown>>(command: Command | Record<string, unknown>): Promise<T> {
    const answer = await this.run(command);
    if (!answer.ok) throw new Error(`${String((command as { type: string }).type)} failed: ${answer.error.code} ${answer.error.message}`);
    return answer.result as T;
  }

  /** The first event (from index `from`) that matches. */
  event<T extends TransportEvent['type']>(type: T, match: (e: Extract<TransportEvent, { type: T }>) => boolean = () => true, from = 0): Promise<Extract<TransportEvent, { type: T }>> {
    return waitFor(
      () => this.events.slice(from).find((e): e is Extract<TransportEvent, { type: T }> => e.type === type && match(e as Extract<TransportEvent, { type: T }>)),
      `a "${type}" event for ${this.id}`,
    );
  }

  eventsOf<T extends TransportEvent['type']>(type: T): Extract<TransportEvent, { type: T }>[] {
    return this.events.filter((e): e is Extract<TransportEvent, { type: T }> => e.type === type);
  }

  get lastCursor(): string | undefined {
    return this.events.at(-1)?.cursor;
  }

  async close(): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return;
    const done = new Promise((resolve) => this.ws.once('close', resolve));
    this.ws.close(1000);
    await done;
  }
}

/** A customer writes to the page for the first time; resolves with the offer the agent got. */
export async function newConversation(s: Setup, agent: Agent, text = 'Hello?', name?: string) {
  const from = agent.events.length;
  const customer = s.graph.customer(undefined, name);
  await customer.says(text);
  const created = await agent.event('offer.created', (e) => e.offer.firstMessage === text, from);
  return { customer, offer: created.offer, cursor: created.cursor };
}

/** A conversation the agent has accepted. */
export async function activeConversation(s: Setup, agent: Agent, text = 'Hello?') {
  const { customer, offer } = await newConversation(s, agent, text);
  await agent.ok({ type: 'offer.accept', offerId: offer.id });
  // Accepting marks the customer's messages seen (a Send API call made after the ack): let it land first.
  await waitFor(
    () => s.graph.calls.some((c) => (c.body as { sender_action?: string; recipient?: { id: string } }).sender_action === 'mark_seen' && (c.body as { recipient: { id: string } }).recipient.id === customer.psid),
    'mark_seen',
  );
  return { customer, offer, conversationId: offer.conversationId };
}
