// The communication panel (first frame, append, DOM size), and the transcript beside its peers.
import { pageResults } from './page-results.mjs';
import { runPeers } from './peers-run.mjs';
import { median } from './stats.mjs';

const PEERS = ['virtualizer', 'virtuoso'];
const LABELS = { ours: '`<cc-transcript>`', virtualizer: '@lit-labs/virtualizer', virtuoso: 'react-virtuoso', 'lit-map': 'Lit `repeat` (floor)' };
const METRICS = [
  ['firstFrameMs', 'first frame ms'],
  ['appendP50Ms', 'append p50 ms'],
  ['appendP95Ms', 'append p95 ms'],
  ['longestFrameMs', 'scroll: longest frame ms'],
  ['droppedFrames', 'scroll: dropped frames / 600 wheels'],
  ['longestLoafMs', 'scroll: longest animation frame (LoAF) ms'],
  ['scrollTaskMs', 'scroll: main thread busy ms'],
  ['scrollStyleLayoutMs', 'scroll: of which style + layout ms'],
  ['scrolledPx', 'scroll: distance px'],
  ['domElements', 'DOM elements'],
  ['heapMB', 'heap MB (beyond the data)'],
];

// BENCH_PEER_SIZES=10000,100000 and BENCH_ROUNDS=1 shorten a run while working on one figure.
const sizes = (process.env.BENCH_PEER_SIZES ?? '10000,100000,1000000').split(',').map(Number);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const plan = sizes.map((size) => ({
  size,
  // The floor renders every row: 10,000 only. A million: ours and the peers, one round each.
  kinds: size <= 10_000 ? ['ours', 'virtualizer', 'virtuoso', 'lit-map'] : ['ours', 'virtualizer', 'virtuoso'],
  rounds: size >= 1_000_000 ? 1 : rounds,
}));

/** @param {import('./context.mjs').BenchContext} ctx */
export async function run({ url, errors, fmt }) {
  await panel(url, errors, fmt);

  const results = await runPeers(url, errors, plan, (line) => console.error(line));
  const cell = (values) => {
    const v = values.filter((x) => Number.isFinite(x));
    if (v.length === 0) return '—';
    const f = (x) => (Number.isInteger(x) ? String(x) : fmt(x));
    return v.length === 1 ? f(v[0]) : `${f(Math.min(...v))} / **${f(median(v))}** / ${f(Math.max(...v))}`;
  };
  for (const { size, rows } of results) {
    const kinds = Object.keys(rows);
    const n = Math.max(...kinds.map((k) => rows[k].length));
    console.log(`\nThe transcript beside its peers, ${size.toLocaleString('en')} messages, Chromium headless, 720×600, production build; ${n === 0 ? 'no contender completed' : n === 1 ? 'one round' : `min / **median** / max of ${n} interleaved rounds`}; ${WHEELS_NOTE}\n`);
    console.log(`| | ${kinds.map((k) => LABELS[k]).join(' | ')} | ours / best peer |`);
    console.log(`|---|${kinds.map(() => '---:').join('|')}|---:|`);
    for (const [key, label] of METRICS) {
      const ours = rows.ours?.length ? median(rows.ours.map((r) => r[key])) : NaN;
      const peers = PEERS.filter((k) => rows[k]?.length).map((k) => median(rows[k].map((r) => r[key])));
      // Lower is better, except the distance scrolled, where the peers' longest is the reference.
      const best = key === 'scrolledPx' ? Math.max(...peers) : Math.min(...peers);
      const ratio = peers.length && best > 0 && Number.isFinite(ours) ? `${(ours / best).toFixed(2)}×` : '—';
      console.log(`| ${label} | ${kinds.map((k) => cell(rows[k].map((r) => r[key]))).join(' | ')} | ${ratio} |`);
    }
    const hidden = kinds.filter((k) => rows[k].some((r) => !r.newestVisible));
    if (hidden.length) console.log(`\nNewest message not visible after opening: ${hidden.map((k) => LABELS[k]).join(', ')}.`);
    const missing = kinds.filter((k) => rows[k].length === 0);
    if (missing.length) console.log(`\nDid not complete: ${missing.map((k) => LABELS[k]).join(', ')} (see the log above).`);
  }

  // How each of our costs grows with the length of the conversation.
  const ours = results.filter((r) => r.rows.ours?.length);
  if (ours.length > 1) {
    console.log('\nHow `<cc-transcript>` costs grow with the conversation (medians; × is the growth from the previous size)\n');
    console.log(`| | ${ours.map((r) => r.size.toLocaleString('en')).join(' | ')} |`);
    console.log(`|---|${ours.map(() => '---:').join('|')}|`);
    for (const [key, label] of METRICS.filter(([k]) => k !== 'scrolledPx' && k !== 'longestLoafMs')) {
      const values = ours.map((r) => median(r.rows.ours.map((x) => x[key])));
      console.log(`| ${label} | ${values.map((v, i) => `${fmt(v)}${i > 0 && values[i - 1] > 0 ? ` (${(v / values[i - 1]).toFixed(1)}×)` : ''}`).join(' | ')} |`);
    }
  }
  console.log('\nTargets: scroll longest frame ≤ 50 ms and dropped frames ≤ react-virtuoso\'s at 10,000 and 100,000. Timings from a shared 2-core machine: read the ratios, not the absolute figures.');
}

const WHEELS_NOTE = 'scroll = 600 wheel events of −100 px, one per 16 ms, from the newest message up (Playwright `page.mouse.wheel`); frames from requestAnimationFrame timestamps, a frame of k × 16.7 ms counts k − 1 dropped';

async function panel(url, errors, fmt) {
  const rows = await pageResults(url, 'benchResults', errors);
  console.log('\nCommunication panel, Chromium headless, 720×600 panel, production build\n');
  console.log('| messages | first frame ms | append p50 ms | append p95 ms | append max ms | DOM elements | newest visible |');
  console.log('|---:|---:|---:|---:|---:|---:|:---:|');
  for (const r of rows) {
    console.log(`| ${r.messages.toLocaleString('en')} | ${fmt(r.firstFrameMs)} | ${fmt(r.appendP50Ms)} | ${fmt(r.appendP95Ms)} | ${fmt(r.appendMaxMs)} | ${r.domElements} | ${r.newestVisible ? 'yes' : 'NO'} |`);
  }
  console.log('\nTargets: first frame ≤ 50 ms, append ≤ 16 ms with the new message fully visible, DOM size independent of length.');
}
