// Adversarial Messenger markdown through the parser and the transcript.
import { pageResults } from './page-results.mjs';

/** @param {import('./context.mjs').BenchContext} ctx */
export async function run({ url, errors, fmt }) {
  const rows = await pageResults(`${url}rich-text.html`, 'richTextResults', errors);
  console.log('\n100 KB of adversarial Messenger markdown, Chromium headless, production build, after a warm-up; each cell one task, median of 5 rounds\n');
  console.log('| pattern repeated | parser alone, all 100 KB ms | transcript receives it ms | "Show more" ms | slowest transcript task of any round ms |');
  console.log('|---|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(`| \`${JSON.stringify(r.pattern).slice(1, -1).slice(0, 24)}\` | ${fmt(r.parseMs)} | ${fmt(r.renderMs)} | ${fmt(r.showMoreMs)} | ${fmt(r.maxMs)} |`);
  }
  const longest = Math.max(...rows.flatMap((r) => [r.renderMs, r.showMoreMs]));
  console.log(`\nLongest transcript task (median): ${fmt(longest)} ms; the parser alone on all 100 KB: ${fmt(Math.max(...rows.map((r) => r.parseMs)))} ms.`);
  console.log('Target: no task over 16 ms (a transcript shows 4,000 characters of a message at first, 4,000 more per "Show more").');
}
