import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFakeGraph, type FakeGraph } from '../dev/fake-graph.js';
import { startBridge, type Bridge, type BridgeOptions } from '../src/index.js';
import { APP_SECRET, VERIFY_TOKEN, waitFor } from './helpers.js';

/** The redis-server binary, or undefined when it is not installed (outside CI the Redis tests are skipped then). */
export function redisServerPath(): string | undefined {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).stdout.trim();
  if (found) return found;
  if (process.env.CI) throw new Error('redis-server is required in CI (.ci/run installs the Debian package redis-server).');
  return undefined;
}

/** Why the Redis tests are skipped, or false when they run. */
export const skipRedis: string | false = redisServerPath() ? false : 'redis-server is not installed (apt-get install redis-server)';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const answers = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
  });

export interface RedisServer {
  url: string;
  port: number;
  /** Stops it (SIGTERM: Redis flushes its append-only file) and starts it again on the same port and data. */
  restart(): Promise<void>;
  stop(): Promise<void>;
  /** Starts it again after stop(). */
  start(): Promise<void>;
}

/** A real redis-server on a free loopback port, its data (AOF, fsync `always` by default) in a temporary directory. */
export async function startRedis(options: { fsync?: 'always' | 'everysec' } = {}): Promise<RedisServer> {
  const bin = redisServerPath();
  if (!bin) throw new Error('redis-server is not installed.');
  const dir = mkdtempSync(join(tmpdir(), 'bridge-redis-'));
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--appendfsync', options.fsync ?? 'always', '--save', '', '--protected-mode', 'no'], {
      stdio: 'ignore',
    });
    await waitFor(() => answers(port), `redis-server on port ${port}`, 10_000);
  };
  const stop = async () => {
    const c = child;
    child = undefined;
    if (!c || c.exitCode !== null) return;
    const exited = new Promise((resolve) => c.once('exit', resolve));
    c.kill('SIGTERM');
    await exited;
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    start,
    async restart() {
      await stop();
      await start();
    },
    async stop() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Cluster {
  redis: RedisServer;
  graph: FakeGraph;
  clock: { t: number };
  logs: string[];
  bridges: Bridge[];
  options: BridgeOptions;
  /** Starts another bridge on the same Redis. */
  add(extra?: Partial<BridgeOptions>): Promise<Bridge>;
  close(): Promise<void>;
}

let clusters = 0;

/** Several bridges on one Redis (a key prefix of their own) and one fake Graph API, whose webhooks go to the first bridge. */
export async function cluster(instances: number, options: Partial<BridgeOptions> = {}, given?: RedisServer): Promise<Cluster> {
  const redis = given ?? (await startRedis());
  const graph = await createFakeGraph();
  const clock = { t: Date.UTC(2026, 0, 10, 12) };
  const logs: string[] = [];
  const record = (...args: unknown[]) => logs.push(args.map((a) => (a instanceof Error ? a.message : String(a))).join(' '));
  const config: BridgeOptions = {
    port: 0,
    dev: true,
    appSecret: APP_SECRET,
    verifyToken: VERIFY_TOKEN,
    pageAccessToken: 'test-page-token',
    agentTokenSecret: 'test-agent-secret',
    graphApiUrl: graph.url,
    sendRetryDelaysMs: [1, 1],
    now: () => clock.t,
    log: { info: record, warn: record, error: record },
    fakeGraph: graph,
    redisUrl: redis.url,
    redisPrefix: `t${process.pid}-${++clusters}:`,
    sendLeaseMs: 400,
    offerSweepMs: 50,
    ...options,
  };
  const bridges: Bridge[] = [];
  const add = async (extra: Partial<BridgeOptions> = {}) => {
    const bridge = await startBridge({ ...config, ...extra });
    bridges.push(bridge);
    // Customers' webhooks (and the echoes of sends) reach the first bridge.
    graph.attach({ webhookUrl: `${bridges[0]!.httpUrl}/webhook`, appSecret: APP_SECRET, pageId: '' });
    return bridge;
  };
  for (let i = 0; i < instances; i++) await add();
  return {
    redis,
    graph,
    clock,
    logs,
    bridges,
    options: config,
    add,
    async close() {
      for (const bridge of bridges) await bridge.close().catch(() => undefined);
      await graph.close();
      if (!given) await redis.stop();
    },
  };
}
