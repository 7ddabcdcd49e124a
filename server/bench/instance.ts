import { getHeapStatistics } from 'node:v8';
import { startBridge } from '../src/index.js';

/**
 * One bridge of the benchmark, in a process of its own so that its CPU and memory are measured alone.
 * Configured by a JSON argument; reports `ready` and, every `sampleMs`, its CPU and memory over IPC.
 * Started with `--expose-gc`: every `gcEvery` samples it also forces a full collection and reports the
 * heap left after it (what is really retained, apart from garbage V8 has not collected yet).
 */
const options = JSON.parse(process.argv[2] ?? '{}') as Record<string, unknown> & { sampleMs?: number; gcEvery?: number };
const gc = (globalThis as { gc?: () => void }).gc;
const gcEvery = options.gcEvery ?? 5;
let samples = 0;
const quiet = () => undefined;
const bridge = await startBridge({ ...options, port: 0, log: { info: quiet, warn: quiet, error: (...args: unknown[]) => console.error(...args) } });
process.send?.({ type: 'ready', url: bridge.url, httpUrl: bridge.httpUrl });
let cpu = process.cpuUsage();
let at = performance.now();
const timer = setInterval(() => {
  const now = performance.now();
  const used = process.cpuUsage(cpu);
  const memory = process.memoryUsage();
  let retained: number | undefined;
  if (gc && ++samples % gcEvery === 0) {
    gc();
    retained = getHeapStatistics().used_heap_size;
  }
  process.send?.({ type: 'sample', cpu: (used.user + used.system) / 1000 / (now - at), rss: memory.rss, heap: memory.heapUsed, ...(retained !== undefined ? { retained } : {}) });
  cpu = process.cpuUsage();
  at = now;
}, options.sampleMs ?? 1000);
process.on('message', (message: { type?: string }) => {
  if (message.type !== 'stop') return;
  clearInterval(timer);
  void bridge.close().then(() => process.exit(0));
});
