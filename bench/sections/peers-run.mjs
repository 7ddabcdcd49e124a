// The transcript beside its peers, driven from Playwright: same data, contenders interleaved, rounds
// repeated; real wheel events (page.mouse.wheel) for the scroll figures. Used by panel.mjs.
import { collectErrors, launch } from './page-results.mjs';
import { percentile } from './stats.mjs';

const WHEELS = 600;
const WHEEL_PX = 100;
const WHEEL_EVERY_MS = 16;
const APPENDS = 20;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** One contender, one round: first frame, appends, wheel-scrolling up from the newest message, DOM, heap. */
async function measure(page, cdp, kind) {
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const before = await page.evaluate(() => window.peers.heap());
  const opened = await page.evaluate((k) => window.peers.mount(k), kind);
  const times = await page.evaluate((n) => window.peers.append(n), APPENDS);
  // Metrics are read outside the frame recording: reading them can hold the renderer for a while.
  const m0 = await metrics();
  const start = await page.evaluate(() => window.peers.startFrames());
  await page.mouse.move(start.x, start.y);
  const t0 = Date.now();
  for (let i = 0; i < WHEELS; i++) {
    await page.mouse.wheel(0, -WHEEL_PX);
    const wait = t0 + (i + 1) * WHEEL_EVERY_MS - Date.now();
    if (wait > 0) await sleep(wait);
  }
  // Let a smooth-scroll animation of the last events finish inside the recording.
  await sleep(300);
  const frames = await page.evaluate(() => window.peers.stopFrames());
  const m1 = await metrics();
  const end = await page.evaluate(() => window.peers.scrollTop());
  const dom = await page.evaluate(() => window.peers.dom());
  const after = await page.evaluate(() => window.peers.heap());
  await page.evaluate(() => window.peers.unmount());
  return {
    firstFrameMs: opened.firstFrameMs,
    newestVisible: opened.newestVisible,
    appendP50Ms: percentile(times, 50),
    appendP95Ms: percentile(times, 95),
    longestFrameMs: frames.longestFrameMs,
    droppedFrames: frames.droppedFrames,
    longestLoafMs: frames.longestLoafMs,
    // Frames over 50 ms: [ms since the first wheel event, length ms], for the log.
    longFrames: frames.long,
    // The renderer's main thread, busy (tasks) and within that style + layout, over the whole scroll.
    scrollTaskMs: (m1.TaskDuration - m0.TaskDuration) * 1000,
    scrollStyleLayoutMs: (m1.RecalcStyleDuration - m0.RecalcStyleDuration + m1.LayoutDuration - m0.LayoutDuration) * 1000,
    scrolledPx: start.scrollTop - end,
    domElements: dom,
    heapMB: (after - before) / 1e6,
  };
}

/**
 * @param {string} url the bench site
 * @param {string[]} errors
 * @param {{ size: number, kinds: string[], rounds: number }[]} plan
 * @param {(line: string) => void} log progress (stderr)
 */
export async function runPeers(url, errors, plan, log) {
  const browser = await launch(['--enable-precise-memory-info', '--js-flags=--expose-gc --max-old-space-size=4096']);
  const results = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(600_000);
    collectErrors(page, errors);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(`${url}peers.html`);
    await page.waitForFunction(() => window.peers);
    // Warm-up (JIT, style caches), not reported.
    await page.evaluate(() => window.peers.makeData(1000));
    for (const kind of ['ours', 'virtualizer', 'virtuoso', 'lit-map']) await page.evaluate((k) => window.peers.mount(k), kind);
    await page.evaluate(() => window.peers.unmount());
    for (const { size, kinds, rounds } of plan) {
      const t = Date.now();
      await page.evaluate((n) => window.peers.makeData(n), size);
      log(`[panel bench] ${size.toLocaleString('en')} messages generated in ${Date.now() - t} ms`);
      const rows = Object.fromEntries(kinds.map((k) => [k, []]));
      for (let round = 0; round < rounds; round++) {
        // Interleaved, and the order turns each round so no contender always goes first.
        const order = kinds.map((_, i) => kinds[(i + round) % kinds.length]);
        for (const kind of order) {
          try {
            const r = await measure(page, cdp, kind);
            rows[kind].push(r);
            log(`[panel bench] ${size} ${kind} round ${round + 1}: ${JSON.stringify(r)}`);
          } catch (error) {
            log(`[panel bench] ${size} ${kind} round ${round + 1} failed: ${error}`);
            await page.evaluate(() => window.peers.unmount()).catch(() => {});
          }
        }
      }
      results.push({ size, rows });
    }
  } finally {
    await browser.close();
  }
  return results;
}
