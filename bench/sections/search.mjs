// Transcript search: build, heap, reload, queries.
import { collectErrors, launch, readResults } from './page-results.mjs';
import { median } from './stats.mjs';

/** @param {import('./context.mjs').BenchContext} ctx */
export async function run({ url, errors, fmt }) {
  // Its own browser: heap figures need a collectable heap and precise numbers.
  const browser = await launch(['--enable-precise-memory-info', '--js-flags=--expose-gc']);
  // One context for both pages: the second one reloads what the first stored in IndexedDB.
  const context = await browser.newContext();
  const runPage = async (path) => {
    const page = await context.newPage();
    collectErrors(page, errors);
    page.on('console', (m) => m.text().startsWith('[search bench]') && console.error(m.text()));
    await page.goto(`${url}${path}`);
    const results = await readResults(page, 'searchBenchResults', { timeout: 900_000, polling: 1000 });
    await page.close();
    return results;
  };
  try {
    const r = await runPage('search.html');
    // Reload in a new page: cold code, like a CRM page opened again, once IndexedDB has settled
    // after the first page's writes (100,000 messages).
    await new Promise((resolve) => setTimeout(resolve, 20_000));
    const reload = await runPage('search.html?reload');
    // The peers in a page of their own, after ours: their heaps must not weigh on our reload.
    const peers = await runPage('search.html?peers');
    const ms = (n) => (n < 1 ? n.toFixed(2) : n < 10 ? n.toFixed(1) : n.toFixed(0));
    const pair = (q) => `${ms(q.p50)} / ${ms(q.p95)}`;
    const row = (sets) => sets.map(pair).join(' | ');
    console.log(
      `\nTranscript search, ${r.messages.toLocaleString('en')} messages in ${r.conversations.toLocaleString('en')} conversations ` +
        `(${fmt(r.textMB)} MB text, English + Polish, ${r.vocabulary.toLocaleString('en')} distinct words), Chromium headless, production build; ` +
        `limit ${r.limit}, ${r.queries} queries of each kind drawn from the corpus, half typed without diacritics\n`,
    );
    console.log('| engine | build | heap | reload | 1-word p50 / p95 ms | 2-word AND p50 / p95 ms | prefix p50 / p95 ms |');
    console.log('|---|---:|---:|---:|---:|---:|---:|');
    console.log(`| naive \`includes\` scan over folded texts | — | ${fmt(r.naiveHeapMB)} MB | — | ${row(r.naive)} |`);
    console.log(`| ours | ${ms(r.buildMs / 1000)} s | ${fmt(r.indexHeapMB)} MB | ${ms(reload.reloadMs)} ms | ${row(r.ours)} |`);
    console.log(`| ours, every match counted and the first ${r.limit} hits made (what a desk search asks for) | | | | ${row(r.oursAll)} |`);
    console.log(`| ours, straight after a catch-up (before its first snapshot) | | | | ${row(r.beforeCompaction)} |`);
    console.log(`| ours, after a reload (new page) | | ${fmt(reload.reloadHeapMB)} MB | | ${row(reload.afterReload)} |`);
    console.log(`| ours, after a reload, every match counted and the first ${r.limit} hits made | | | | ${row(reload.afterReloadAll)} |`);
    console.log('\n| ours, in detail | |');
    console.log('|---|---:|');
    console.log(`| build: catch-up from IndexedDB / longest slice of work (slices over 16 ms) / longest main-thread task seen | ${ms(r.buildMs)} ms / ${ms(r.buildSliceMs)} ms (${r.buildSlices}) / ${ms(r.buildBlockMs)} ms |`);
    console.log(`| build: the engine alone, one synchronous loop, no storage | ${ms(r.engineMs)} ms |`);
    console.log(`| heap: after the build / after its snapshot (compacted) / after a reload | ${fmt(r.indexHeapMB)} / ${fmt(r.compactHeapMB)} / ${fmt(reload.reloadHeapMB)} MB |`);
    console.log(`| snapshot: size (searchable part) / write, built in slices, then compaction | ${fmt(r.snapshotMB)} MB (${fmt(r.indexPartMB)} MB) / ${ms(r.writeMs)} ms |`);
    console.log(`| snapshot write: longest slice (slices over 16 ms) / longest IndexedDB put, sync part / longest main-thread task seen | ${ms(r.writeSliceMs)} ms (${r.writeSlices}) / ${ms(r.writePutMs)} ms / ${ms(r.writeBlockMs)} ms |`);
    console.log(`| reload, new page: service start → index searchable (reading and rebuilding overlap) | ${ms(reload.reloadMs)} ms |`);
    console.log(`| reload, new page: the storage connection's first transaction, before (not counted) | ${ms(reload.firstTransactionMs)} ms |`);
    console.log(`| reload, then: message keys read and attached (new messages wait until then) | ${ms(reload.keysMs)} ms |`);
    console.log(`| reload, warm, one after the other: whole snapshot read / searchable part rebuilt (median of 3) | ${ms(reload.readMs)} ms / ${ms(reload.rebuildMs)} ms |`);
    console.log(`| catch-up check of the stored messages after the reload / longest slice (slices over 16 ms) / longest task seen | ${ms(reload.catchUpMs)} ms / ${ms(reload.longestSliceMs)} ms (${reload.catchUpSlices}) / ${ms(reload.catchUpBlockMs)} ms |`);
    console.log(`| new message searchable after add(): p50 / p95 / max | ${ms(r.freshP50Ms)} / ${ms(r.freshP95Ms)} / ${ms(r.freshMaxMs)} ms |`);
    console.log(`| texts of 20 hits read back from IndexedDB (hydrate), p50 | ${ms(r.hydrateP50Ms)} ms |`);
    for (const q of [...r.ours, ...r.filtered]) console.log(`| ${q.kind}: p50 / p95 / max | ${ms(q.p50)} / ${ms(q.p95)} / ${ms(q.max)} ms |`);
    const tasks = (l) => (l.count === 0 ? 'none' : `${ms(l.longest)} ms (${l.count})`);
    const chunked = r.buildLongTasks.longest >= r.writeLongTasks.longest ? r.buildLongTasks : r.writeLongTasks;
    // `before`: this bench, its long-task observer included, over the engine and storage as they were
    // before a reload read only what changed since the snapshot (a catch-up read every stored message,
    // in pages of 1,000), in one run on the same machine while nothing else ran. Run it again to compare.
    const rows = [
      [`build: catch-up of ${r.messages.toLocaleString('en')} stored messages, nothing indexed yet: longest task (how many)`, 'none', tasks(r.buildLongTasks)],
      ['build: time until ready', '2903 ms', `${ms(r.buildMs)} ms`],
      ['snapshot write (and compaction): longest task', '595 ms (1)', tasks(r.writeLongTasks)],
      ['reload, new page: until searchable: longest task', 'none', tasks(reload.restoreLongTasks)],
      ['reload, new page: catch-up (1,000 messages stored after the snapshot), searchable → fully ready', '1741 ms', `${ms(reload.catchUpMs)} ms`],
      ['reload, new page: catch-up: longest task', 'none', tasks(reload.catchUpLongTasks)],
      ['chunked: build + first snapshot on the main thread, in slices: time until stored / longest task', '2983 ms / 595 ms (1)', `${ms(r.buildMs + r.writeMs)} ms / ${tasks(chunked)}`],
      ['Worker (bench only): read, index and snapshot in a Worker, restored here in slices: time until ready / longest task', '—', `${ms(r.workerBuildMs)} ms / ${tasks(r.workerLongTasks)}`],
    ];
    console.log("\n| main thread while indexing (PerformanceObserver 'longtask': tasks ≥ 50 ms) | before (one run, same machine) | now |");
    console.log('|---|---:|---:|');
    for (const [what, before, now] of rows) console.log(`| ${what} | ${before} | ${now} |`);
    console.log('\nTargets: 1-word, 2-word and prefix p95 ≤ 5 ms, reload ≤ 150 ms, heap ≤ 40 MB, new message searchable ≤ 1 ms, no block > 16 ms.');
    printPeers(peers, ms);
  } finally {
    await browser.close();
  }
}

/** `median (min–max)` of the rounds. */
const spread = (values, format) => `${format(median(values))} (${format(Math.min(...values))}–${format(Math.max(...values))})`;
const percent = (n) => `${(n * 100).toFixed(n === 1 ? 0 : 2)} %`;

/** The side-by-side tables: build, heap, recall and precision, then query latencies; ours / best peer under each. */
function printPeers(p, ms) {
  const names = Object.keys(p.results);
  const peers = names.filter((n) => n !== 'ours');
  const kinds = p.results.ours[0].newest.map((q) => q.kind);
  const of = (name, pick) => p.results[name].map(pick);
  const ratio = (pick) => {
    const ours = median(of('ours', pick));
    const best = Math.min(...peers.map((n) => median(of(n, pick))));
    return `${(ours / best).toFixed(ours / best < 0.1 ? 3 : 2)}×`;
  };
  console.log(
    `\nSide by side: ${p.messages.toLocaleString('en')} messages (the corpus above), ${p.queries} queries of each kind drawn from it, ` +
      `contenders interleaved (another one first in each round), ${p.rounds} rounds; median of the rounds (min–max). ` +
      `Ground truth: every query word starts a word of the message, diacritics ignored (built apart from every engine). ` +
      `Peers as fair as each allows: our tokenizer (folded words) as theirs, prefix search, every word required ` +
      `(MiniSearch prefix + AND; FlexSearch "forward"; Orama threshold 0). Mean matches per query: ` +
      p.matches.map((m) => `${m.kind} ${Math.round(m.mean).toLocaleString('en')}`).join(', ') +
      '.\n',
  );
  console.log(`| engine | build, s | heap, MB | recall (${kinds.join(' / ')}) | precision | newest ${p.limit} exactly right, of ${p.queries} |`);
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const name of names) {
    const a = p.accuracy[name];
    console.log(
      `| ${name} | ${spread(of(name, (r) => r.buildMs / 1000), (n) => n.toFixed(2))} | ${spread(of(name, (r) => r.heapMB), (n) => n.toFixed(1))} | ` +
        `${a.map((k) => percent(k.recall)).join(' / ')} | ${a.map((k) => percent(k.precision)).join(' / ')} | ${a.map((k) => k.newestExact).join(' / ')} |`,
    );
  }
  console.log(`| ours / best peer | ${ratio((r) => r.buildMs)} | ${ratio((r) => r.heapMB)} | | | |`);

  const columns = kinds.flatMap((kind, i) => [
    { title: `${kind}: newest ${p.limit}`, pick: (r) => r.newest[i] },
    { title: `${kind}: every match`, pick: (r) => r.all[i] },
  ]);
  console.log(
    `\nQuery latency, ms, p50 / p95 (median of the rounds; the p95's min–max). "Every match": ours counts every match and makes the first ${p.limit} hits ` +
      `(desk searches); the peers return every match in their own order. "Newest ${p.limit}": the peers rank by relevance, so every match is sorted ` +
      `by time first (Orama sorts itself). A contender's kind stops after ${p.budgetMs / 1000} s of queries in a round (queries timed in brackets when fewer).\n`,
  );
  console.log(`| engine | ${columns.map((c) => c.title).join(' | ')} |`);
  console.log(`|---|${columns.map(() => '---:').join('|')}|`);
  for (const name of names) {
    const cells = columns.map(({ pick }) => {
      const timings = of(name, pick);
      const timed = Math.min(...timings.map((q) => q.timed));
      return (
        `${ms(median(timings.map((q) => q.p50)))} / ${ms(median(timings.map((q) => q.p95)))} ` +
        `(${ms(Math.min(...timings.map((q) => q.p95)))}–${ms(Math.max(...timings.map((q) => q.p95)))})` +
        (timed < p.queries ? ` [${timed}]` : '')
      );
    });
    console.log(`| ${name} | ${cells.join(' | ')} |`);
  }
  console.log(`| ours / best peer, p95 | ${columns.map(({ pick }) => ratio((r) => pick(r).p95)).join(' | ')} |`);
  console.log('\nTarget: every match p95 ≤ 1 ms for 1-word, prefix and no-diacritics queries at 100,000 messages.');
}
