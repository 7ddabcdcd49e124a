// The default sentiment analyzer and its word lists ship as their own entry,
// contact-center-elements/sentiment: the package build has a chunk for it, and a host page that
// imports only the desk (the README's core snippet) or the golden path (its README snippet) does not load it up
// front: the desk loads it, as a lazy chunk, with the first customer message it analyzes (F14). The
// local analysis around it and the badge and alert are lazy chunks too.
// Builds in memory; `npm run test:node` builds dist/ first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { hostBuild, root } from './build-entry.mjs';

/** Only the word lists hold these: a Polish stem and the negated-only entries. */
const markers = ['zachwyc', 'odpisuj'];

/** Builds the host entry <entry>: `first` is the code a page loads before running it, `lazy` each lazy chunk's code. */
async function hostFirstLoad(entry) {
  const { firstLoad, lazy } = await hostBuild(entry);
  return { first: firstLoad.map((chunk) => chunk.code).join('\n'), lazy: lazy.map((chunk) => chunk.code) };
}

test('the package exports the sentiment analyzer as an entry of its own', async () => {
  const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
  assert.equal(pkg.exports['./sentiment']?.import, './dist/sentiment.js');
  assert.ok(existsSync(`${root}dist/sentiment.js`), 'dist/sentiment.js is missing: build the package first');
  const entry = readFileSync(`${root}dist/sentiment.js`, 'utf8');
  for (const marker of markers) assert.ok(entry.includes(marker), `dist/sentiment.js does not hold its word lists (${marker})`);
  for (const file of ['index.js', 'elements.js', 'define.js']) {
    const code = readFileSync(`${root}dist/${file}`, 'utf8');
    for (const marker of markers) assert.ok(!code.includes(marker), `dist/${file} holds the sentiment word lists`);
  }
  const analyzer = (await import(`${root}dist/sentiment.js`)).createLexiconAnalyzer();
  assert.equal(analyzer.analyze([]), 'neutral');
  assert.equal(analyzer.analyze(['Dziękuję, wszystko działa idealnie!']).endsWith('positive'), true);
});

for (const entry of ['core', 'golden-path']) {
  test(`the ${entry} host entry loads the sentiment analyzer only on use, in one lazy chunk`, async () => {
    const { first, lazy } = await hostFirstLoad(entry);
    assert.ok(first.includes('offer.accept'), 'the desk is not in the first load');
    for (const marker of markers) assert.ok(!first.includes(marker), `the sentiment word lists are in the first load of the ${entry} host entry`);
    const holders = lazy.filter((code) => markers.every((marker) => code.includes(marker)));
    assert.equal(holders.length, 1, `the word lists should be in one lazy chunk of the ${entry} host entry`);
    assert.ok(!holders[0].includes('offer.accept'), 'the desk is in the analyzer chunk');
  });
}

/**
 * Only the sentiment badge and alert (their English strings) and the local analysis (the one caller
 * of `analyzer.analyze(texts)`) hold these.
 */
const codeMarkers = ['The customer seems upset', 'Needs urgent attention', '.analyze('];

test('the golden-path host entry loads the sentiment analysis, badge and alert only on use, in chunks that import nothing', async () => {
  const { firstLoad, lazy } = await hostBuild('golden-path');
  const first = firstLoad.map((chunk) => chunk.code).join('\n');
  for (const marker of codeMarkers) {
    assert.ok(!first.includes(marker), `the first load of the golden-path host entry holds sentiment code (${marker})`);
    const holders = lazy.filter((chunk) => chunk.code.includes(marker));
    assert.ok(holders.length > 0, `no lazy chunk of the golden-path host entry holds ${marker}`);
    // A lazy chunk that imports modules of the first load makes the bundler split them out of it.
    for (const chunk of holders) assert.deepEqual(chunk.imports, [], `${chunk.fileName} (${marker}) imports ${chunk.imports.join(', ')}`);
  }
});

test('the sentiment host entry loads the analyzer and nothing of the desk', async () => {
  const { first } = await hostFirstLoad('sentiment');
  for (const marker of markers) assert.ok(first.includes(marker), `the word lists are not in the first load (${marker})`);
  assert.ok(!first.includes('offer.accept'), 'the desk is in the sentiment entry');
});
