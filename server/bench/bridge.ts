import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { WebSocket } from 'ws';
import { newMid, newPsid } from '../dev/customer.js';
import { createFakeGraph } from '../dev/fake-graph.js';
import { signAgentToken } from '../src/auth.js';
import { signBody } from '../src/webhook.js';
import { startRedis, type RedisServer } from '../test/redis.js';

/**
 * `npm run bench:bridge`: load and soak on loopback. Simulated agents over WebSockets accept every
 * offer, answer every customer message (through the fake Graph API) and close each conversation after
 * its last message; customers write through signed webhooks at a fixed rate. Measured: webhook → agent
 * latency, send → Graph latency, each bridge process's CPU and memory over time (RSS, and the heap left
 * after a forced full collection: what is really retained), and messages lost or delivered twice. One
 * bridge on the embedded store (its journal in a temporary data directory, on a RAM disk where there is
 * one: the store's own work is measured, not the disk's flush latency), then several on Redis.
 */

export interface BenchOptions {
  agents: number;
  conversations: number;
  /** Customer messages per second. */
  rate: number;
  /** Seconds of load. */
  duration: number;
  /** Seconds to wait for the last deliveries after the load. */
  drain: number;
  /** Bridges on Redis. */
  instances: number;
  configs: ('embedded' | 'redis')[];
  /** Sampling period of CPU and memory, ms. */
  sampleMs: number;
}

export interface Sample {
  t: number;
  cpu: number;
  rss: number;
  heap: number;
  /** Heap used right after a forced full collection (taken every few samples). */
  retained?: number;
}

export interface BenchResult {
  name: string;
  instances: number;
  messages: number;
  delivered: number;
  lost: number;
  duplicated: number;
  replies: number;
  repliesLost: number;
  repliesDuplicated: number;
  webhookToAgent: { p50: number; p95: number; p99: number };
  /** The same for the messages posted after the first 10 s of load (warm: connections made, code compiled). */
  webhookToAgentWarm: { p50: number; p95: number; p99: number };
  sendToGraph: { p50: number; p95: number; p99: number };
  samples: Sample[][];
  seconds: number;
  /** When the customers stopped writing, s on the samples' clock. */
  loadEnd: number;
}

const APP_SECRET = 'bench-app-secret';
const TOKEN_SECRET = 'bench-agent-token-secret';

function percentiles(values: number[]): { p50: number; p95: number; p99: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN);
  return { p50: at(50), p95: at(95), p99: at(99) };
}

interface Instance {
  child: ChildProcess;
  url: string;
  httpUrl: string;
  samples: Sample[];
}

async function spawnInstance(options: Record<string, unknown>, started: number): Promise<Instance> {
  const child = fork(fileURLToPath(new URL('./instance.ts', import.meta.url)), [JSON.stringify(options)], { execArgv: ['--expose-gc', '--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const samples: Sample[] = [];
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`A bridge process exited (${String(code)}).`)));
    child.on('message', (m: { type: string; url?: string; httpUrl?: string; cpu?: number; rss?: number; heap?: number; retained?: number }) => {
      if (m.type === 'ready') resolve({ child, url: m.url!, httpUrl: m.httpUrl!, samples });
      if (m.type === 'sample') {
        samples.push({ t: (performance.now() - started) / 1000, cpu: m.cpu!, rss: m.rss!, heap: m.heap!, ...(m.retained !== undefined ? { retained: m.retained } : {}) });
      }
    });
  });
}

async function stopInstance(instance: Instance): Promise<void> {
  if (instance.child.exitCode !== null) return;
  instance.child.removeAllListeners('exit');
  const exited = new Promise((resolve) => instance.child.once('exit', resolve));
  instance.child.send({ type: 'stop' });
  const timer = setTimeout(() => instance.child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

type Frame = { type: string; id?: string; event?: { type: string; offer?: { id: string; conversationId: string }; message?: { id: string; author: string; conversationId: string; text?: string } } };

/** Runs one configuration. */
export async function runOne(name: string, instances: number, options: BenchOptions, redis?: RedisServer): Promise<BenchResult> {
  const started = performance.now();
  const now = () => performance.now();
  const sentAt = new Map<string, number>(); // mid → when its webhook was posted
  const deliveries = new Map<string, number>(); // mid → times an agent got it
  const latencies: number[] = [];
  const warmLatencies: number[] = [];
  let warmFrom = Infinity;
  const replyAt = new Map<string, number>(); // clientId → when the agent sent it
  const graphCalls = new Map<string, number>(); // clientId → Send API calls that took it
  const graphLatencies: number[] = [];
  const graph = await createFakeGraph({
    recordCalls: false,
    onCall: (call) => {
      const metadata = (call.body.message as { metadata?: string } | undefined)?.metadata;
      if (!metadata?.startsWith('ccb:') || !call.answer.message_id) return;
      const clientId = metadata.slice(4);
      graphCalls.set(clientId, (graphCalls.get(clientId) ?? 0) + 1);
      const at = replyAt.get(clientId);
      if (at !== undefined && graphCalls.get(clientId) === 1) graphLatencies.push(now() - at);
    },
  });
  const bridges: Instance[] = [];
  const prefix = `bench-${Date.now()}:`;
  const dataDir = redis ? undefined : mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'bench-bridge-'));
  try {
    for (let i = 0; i < instances; i++) {
      bridges.push(
        await spawnInstance(
          {
            appSecret: APP_SECRET,
            agentTokenSecret: TOKEN_SECRET,
            pageAccessToken: 'bench-page-token',
            graphApiUrl: graph.url,
            maxSocketsPerIp: 100_000,
            sampleMs: options.sampleMs,
            ...(redis ? { redisUrl: redis.url, redisPrefix: prefix } : { dataDir }),
          },
          started,
        ),
      );
    }
    graph.attach({ webhookUrl: `${bridges[0]!.httpUrl}/webhook`, appSecret: APP_SECRET, pageId: 'page' });

    // ---- agents ----
    const sockets: WebSocket[] = [];
    await Promise.all(
      Array.from({ length: options.agents }, async (_, i) => {
        const id = `bench-agent-${i}`;
        const ws = new WebSocket(bridges[i % bridges.length]!.url);
        sockets.push(ws);
        let seq = 0;
        const answers = new Map<string, (ok: boolean) => void>();
        const run = (command: object) =>
          new Promise<boolean>((resolve) => {
            const cid = `${id}-${++seq}`;
            answers.set(cid, resolve);
            ws.send(JSON.stringify({ type: 'command', id: cid, command }));
          });
        const accepted = new Map<string, Promise<boolean>>();
        const reply = async (message: { id: string; conversationId: string; text?: string }) => {
          await accepted.get(message.conversationId);
          const clientId = `r-${message.id}`;
          replyAt.set(clientId, now());
          const ok = await run({ type: 'message.send', conversationId: message.conversationId, clientId, text: `Re: ${message.text ?? ''}`.slice(0, 200) });
          if (ok && message.text?.endsWith(' last')) {
            await run({ type: 'conversation.transition', conversationId: message.conversationId, to: 'wrap-up' });
            await run({ type: 'conversation.transition', conversationId: message.conversationId, to: 'closed' });
          }
        };
        ws.on('message', (data) => {
          const frame = JSON.parse(data.toString()) as Frame;
          if ((frame.type === 'ack' || frame.type === 'error') && frame.id) {
            answers.get(frame.id)?.(frame.type === 'ack');
            answers.delete(frame.id);
            return;
          }
          const event = frame.event;
          if (frame.type !== 'event' || !event) return;
          if (event.type === 'offer.created' && event.offer) accepted.set(event.offer.conversationId, run({ type: 'offer.accept', offerId: event.offer.id }));
          if (event.type === 'message.received' && event.message?.author === 'customer') {
            const mid = event.message.id;
            const at = sentAt.get(mid);
            const count = (deliveries.get(mid) ?? 0) + 1;
            deliveries.set(mid, count);
            if (at !== undefined && count === 1) {
              latencies.push(now() - at);
              if (at >= warmFrom) warmLatencies.push(now() - at);
            }
            if (count === 1) void reply(event.message);
          }
        });
        await new Promise<void>((resolve, reject) => {
          ws.once('open', () => resolve());
          ws.once('error', reject);
        });
        ws.send(JSON.stringify({ type: 'hello', protocol: 1, token: signAgentToken(TOKEN_SECRET, { sub: id, name: `Agent ${i}` }, 3600) }));
      }),
    );

    // ---- customers ----
    const total = Math.round(options.rate * options.duration);
    const perConversation = Math.max(1, Math.round(total / options.conversations));
    const group = Math.max(1, Math.round(options.rate)); // conversations written to at once: one message each per second
    const schedule: { psid: string; text: string }[] = [];
    const psids = Array.from({ length: options.conversations }, () => newPsid());
    for (let g = 0; g < options.conversations && schedule.length < total; g += group) {
      for (let j = 0; j < perConversation; j++) {
        for (let c = g; c < Math.min(g + group, options.conversations); c++) {
          schedule.push({ psid: psids[c]!, text: `Customer ${c} message ${j}${j === perConversation - 1 ? ' last' : ''}` });
        }
      }
    }
    schedule.length = Math.min(schedule.length, total);
    const mids: string[] = [];
    const posts = new Set<Promise<void>>();
    let failedPosts = 0;
    const loadStart = now();
    warmFrom = loadStart + 10_000;
    let next = 0;
    await new Promise<void>((resolve) => {
      const tick = () => {
        const due = Math.min(schedule.length, Math.floor(((now() - loadStart) / 1000) * options.rate));
        for (; next < due; next++) {
          const item = schedule[next]!;
          const mid = newMid();
          mids.push(mid);
          const body = JSON.stringify({
            object: 'page',
            entry: [{ id: 'page', time: Date.now(), messaging: [{ sender: { id: item.psid }, recipient: { id: 'page' }, timestamp: Date.now(), message: { mid, text: item.text } }] }],
          });
          sentAt.set(mid, now());
          const target = bridges[next % bridges.length]!; // a load balancer in front of the bridges
          const post = fetch(`${target.httpUrl}/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(body, APP_SECRET) }, body })
            .then(async (r) => {
              await r.arrayBuffer();
              if (r.status !== 200) failedPosts++;
            })
            .catch(() => void failedPosts++)
            .finally(() => posts.delete(post));
          posts.add(post);
        }
        if (next >= schedule.length) resolve();
        else setTimeout(tick, 5);
      };
      tick();
    });
    const loadEnd = (now() - started) / 1000;
    await Promise.all(posts);
    const drainUntil = now() + options.drain * 1000;
    const complete = () => mids.every((m) => deliveries.has(m)) && [...replyAt.keys()].every((c) => graphCalls.has(c));
    while (!complete() && now() < drainUntil) await new Promise((resolve) => setTimeout(resolve, 50));
    const seconds = (now() - loadStart) / 1000;
    for (const ws of sockets) ws.terminate();
    const lost = mids.filter((m) => !deliveries.has(m)).length + failedPosts;
    const duplicated = mids.filter((m) => (deliveries.get(m) ?? 0) > 1).length;
    const replies = [...replyAt.keys()];
    return {
      name,
      instances,
      messages: mids.length,
      delivered: mids.filter((m) => deliveries.has(m)).length,
      lost,
      duplicated,
      replies: replies.length,
      repliesLost: replies.filter((c) => !graphCalls.has(c)).length,
      repliesDuplicated: replies.filter((c) => (graphCalls.get(c) ?? 0) > 1).length,
      webhookToAgent: percentiles(latencies),
      webhookToAgentWarm: percentiles(warmLatencies),
      sendToGraph: percentiles(graphLatencies),
      samples: bridges.map((b) => b.samples),
      seconds,
      loadEnd,
    };
  } finally {
    for (const bridge of bridges) await stopInstance(bridge);
    await graph.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function runBench(options: BenchOptions): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const config of options.configs) {
    if (config === 'embedded') {
      results.push(await runOne('1 bridge, embedded store', 1, options));
      continue;
    }
    // AOF flushed every second: the setting server/README.md recommends.
    const redis = await startRedis({ fsync: 'everysec' });
    try {
      results.push(await runOne(`${options.instances} bridges, Redis`, options.instances, options, redis));
    } finally {
      await redis.stop();
    }
  }
  return results;
}

const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '–');
const mb = (v: number) => (v / 1024 / 1024).toFixed(0);

/** Least-squares slope of `pick` over the samples of the `seconds` before `end` (the end of the load), MB per minute. */
export function slope(samples: Sample[], pick: (s: Sample) => number | undefined, end: number, seconds = 40): number {
  const points = samples.filter((s) => s.t >= end - seconds && s.t <= end && pick(s) !== undefined).map((s) => [s.t, pick(s)! / 1024 / 1024] as const);
  if (points.length < 2) return NaN;
  const mt = points.reduce((a, [t]) => a + t, 0) / points.length;
  const mv = points.reduce((a, [, v]) => a + v, 0) / points.length;
  const num = points.reduce((a, [t, v]) => a + (t - mt) * (v - mv), 0);
  const den = points.reduce((a, [t]) => a + (t - mt) ** 2, 0);
  return den ? (num / den) * 60 : NaN;
}
const perMinute = (v: number) => (Number.isFinite(v) ? `${v >= 0 ? '+' : ''}${v.toFixed(1)}` : '–');

/** The results as markdown: the summary, then CPU and memory over time. */
export function table(results: BenchResult[], options: BenchOptions): string {
  const lines = [
    `${options.agents} agents, ${options.conversations} conversations, ${options.rate} customer messages/s for ${options.duration} s (each answered by its agent through the fake Graph API).`,
    '',
    '| Configuration | Messages | Webhook → agent p50 / p95 / p99 (ms) | … after the first 10 s | Send → Graph p50 / p95 / p99 (ms) | Lost | Duplicated | Replies lost / duplicated | CPU avg / max per bridge | RSS first → last sample (MB) | Heap after GC first → last (MB) | Slope over the last 40 s of load, RSS / heap after GC (MB/min) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of results) {
    const cpu = r.samples.map((s) => {
      const values = s.map((x) => x.cpu * 100);
      return `${(values.reduce((a, b) => a + b, 0) / Math.max(1, values.length)).toFixed(0)}% / ${Math.max(0, ...values).toFixed(0)}%`;
    });
    const rss = r.samples.map((s) => `${mb(s[0]?.rss ?? 0)} → ${mb(s.at(-1)?.rss ?? 0)}`);
    const retained = r.samples.map((s) => {
      const gced = s.filter((x) => x.retained !== undefined);
      return gced.length ? `${mb(gced[0]!.retained!)} → ${mb(gced.at(-1)!.retained!)}` : '–';
    });
    const slopes = r.samples.map((s) => `${perMinute(slope(s, (x) => x.rss, r.loadEnd))} / ${perMinute(slope(s, (x) => x.retained, r.loadEnd))}`);
    lines.push(
      `| ${r.name} | ${r.messages} (${r.replies} replies) | ${ms(r.webhookToAgent.p50)} / ${ms(r.webhookToAgent.p95)} / ${ms(r.webhookToAgent.p99)} | ${ms(r.webhookToAgentWarm.p50)} / ${ms(r.webhookToAgentWarm.p95)} / ${ms(r.webhookToAgentWarm.p99)} | ${ms(r.sendToGraph.p50)} / ${ms(r.sendToGraph.p95)} / ${ms(r.sendToGraph.p99)} | ${r.lost} | ${r.duplicated} | ${r.repliesLost} / ${r.repliesDuplicated} | ${cpu.join('; ')} | ${rss.join('; ')} | ${retained.join('; ')} | ${slopes.join('; ')} |`,
    );
  }
  lines.push('', 'CPU and memory over time (each bridge process; RSS MB / heap MB / heap after the latest forced GC MB / CPU %):', '');
  const every = Math.max(1, Math.round(10_000 / options.sampleMs));
  const columns = results.flatMap((r) => r.samples.map((_, i) => `${r.name}${r.samples.length > 1 ? ` #${i + 1}` : ''}`));
  lines.push(`| t (s) | ${columns.join(' | ')} |`, `| --- | ${columns.map(() => '---').join(' | ')} |`);
  const rows = Math.max(...results.flatMap((r) => r.samples.map((s) => s.length)));
  for (let i = every - 1; i < rows; i += every) {
    const cells = results.flatMap((r) =>
      r.samples.map((s) => {
        if (!s[i]) return '';
        const gced = s.slice(0, i + 1).findLast((x) => x.retained !== undefined)?.retained;
        return `${mb(s[i]!.rss)} / ${mb(s[i]!.heap)} / ${gced !== undefined ? mb(gced) : '–'} / ${(s[i]!.cpu * 100).toFixed(0)}`;
      }),
    );
    lines.push(`| ${((i + 1) * options.sampleMs / 1000).toFixed(0)} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      agents: { type: 'string', default: '200' },
      conversations: { type: 'string', default: '2000' },
      rate: { type: 'string', default: '100' },
      duration: { type: 'string', default: '60' },
      drain: { type: 'string', default: '20' },
      instances: { type: 'string', default: '2' },
      configs: { type: 'string', default: 'embedded,redis' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.info('npm run bench:bridge -- [--agents 200] [--conversations 2000] [--rate 100] [--duration 60] [--drain 20] [--instances 2] [--configs embedded,redis]');
    return;
  }
  const bounded = (v: string, max: number, what: string) => {
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0 || n > max) throw new Error(`--${what} must be a number in (0, ${max}].`);
    return n;
  };
  const options: BenchOptions = {
    agents: bounded(values.agents, 2000, 'agents'),
    conversations: bounded(values.conversations, 100_000, 'conversations'),
    rate: bounded(values.rate, 2000, 'rate'),
    duration: bounded(values.duration, 600, 'duration'),
    drain: bounded(values.drain, 120, 'drain'),
    instances: bounded(values.instances, 8, 'instances'),
    configs: values.configs.split(',').filter((c): c is 'embedded' | 'redis' => c === 'embedded' || c === 'redis'),
    sampleMs: 1000,
  };
  const results = await runBench(options);
  console.info(table(results, options));
  if (results.some((r) => r.lost || r.duplicated || r.repliesLost || r.repliesDuplicated)) process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
