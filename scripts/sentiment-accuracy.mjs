// node scripts/sentiment-accuracy.mjs: how often the default sentiment analyzer
// (contact-center-elements/sentiment) agrees with the human labels of
// test/fixtures/sentiment-labelled.json, exactly and within one level, overall and per language.
// The entry is built in memory with Vite (the library's own toolchain), then imported.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const result = await build({
  root,
  configFile: false,
  logLevel: 'silent',
  build: {
    write: false,
    target: 'es2022',
    minify: false,
    lib: { entry: `${root}src/sentiment/index.ts`, formats: ['es'], fileName: 'sentiment' },
  },
});
const output = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
const chunk = output.find((o) => o.type === 'chunk' && o.isEntry);
const { createLexiconAnalyzer, SENTIMENT_LEVELS } = await import(`data:text/javascript;base64,${Buffer.from(chunk.code).toString('base64')}`);

const set = JSON.parse(readFileSync(`${root}test/fixtures/sentiment-labelled.json`, 'utf8'));
const analyzer = createLexiconAnalyzer();
const rank = (level) => SENTIMENT_LEVELS.indexOf(level);
const rows = new Map([['all', { n: 0, exact: 0, near: 0 }]]);
const misses = [];
const confusion = SENTIMENT_LEVELS.map(() => SENTIMENT_LEVELS.map(() => 0));
for (const { text, lang, level } of set) {
  if (rank(level) < 0) throw new Error(`Unknown level "${level}" for ${JSON.stringify(text)}`);
  const got = analyzer.analyze([text]);
  const off = Math.abs(rank(got) - rank(level));
  confusion[rank(level)][rank(got)]++;
  if (off > 0) misses.push({ off, lang, level, got, text });
  for (const key of ['all', lang]) {
    const row = rows.get(key) ?? { n: 0, exact: 0, near: 0 };
    row.n++;
    if (off === 0) row.exact++;
    if (off <= 1) row.near++;
    rows.set(key, row);
  }
}

const pct = (part, whole) => `${((100 * part) / whole).toFixed(1)} %`;
if (process.argv.includes('--misses')) {
  for (const m of misses.sort((a, b) => b.off - a.off)) console.log(`${m.off} ${m.lang} ${m.level} → ${m.got}: ${m.text}`);
  console.log();
}
console.log(`Default sentiment analyzer on ${set.length} labelled customer messages (test/fixtures/sentiment-labelled.json)\n`);
console.log('| messages | count | exact level | within one level |');
console.log('|---|---:|---:|---:|');
for (const [key, row] of rows) {
  const name = key === 'all' ? 'all' : key === 'en' ? 'English' : key === 'pl' ? 'Polish' : key;
  console.log(`| ${name} | ${row.n} | ${pct(row.exact, row.n)} | ${pct(row.near, row.n)} |`);
}
console.log('\nLabel (rows) against the analyzer (columns):\n');
console.log(`| | ${SENTIMENT_LEVELS.join(' | ')} |`);
console.log(`|---|${SENTIMENT_LEVELS.map(() => '---:').join('|')}|`);
SENTIMENT_LEVELS.forEach((level, i) => console.log(`| ${level} | ${confusion[i].join(' | ')} |`));
