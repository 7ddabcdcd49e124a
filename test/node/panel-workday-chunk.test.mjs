// The communication panel's wrap-up area (disposition code, note, timer, Close) and transfer dialog,
// with their styles and English, load on first use: when the conversation shown goes to wrap-up or
// the agent chooses "…" → Transfer. A page on the golden path (size/golden-path.js) loads none of it
// up front, and the chunk is built from what the page already has (Lit, the events, the desk's
// helpers come in as deps), so it imports nothing of the first load: a chunk that did would make the
// bundler split a shared chunk out of the first load. Builds in memory; `npm run test:node` builds dist/ first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hostBuild } from './build-entry.mjs';

/** Only the chunk holds these: the note's and the dialog's template attributes, their styles, their English. */
const PART = ['wrap-up-note', 'transfer-title', 'min(22rem, 90vw)', 'Choose a disposition code to close the conversation.', 'Wrap-up time is over', 'Transfer conversation'];

test('size/golden-path.js loads the panel\'s wrap-up area and transfer dialog only on use, in one lazy chunk that imports nothing of the first load', async () => {
  const { firstLoad, lazy } = await hostBuild('golden-path');
  const first = firstLoad.map((chunk) => chunk.code).join('\n');
  assert.ok(first.includes('offer.accept'), 'the desk is not in the first load');
  assert.ok(first.includes('The conversation has ended. Finish your wrap-up, then close it.'), "the wrap-up placeholder's notice is not in the first load");
  for (const marker of PART) assert.ok(!first.includes(marker), `${marker} is in the first load`);
  const part = lazy.filter((chunk) => chunk.isDynamicEntry && chunk.code.includes('transfer-title'));
  assert.equal(part.length, 1, 'the wrap-up area and the transfer dialog should be in one lazy chunk');
  for (const marker of PART) assert.ok(part[0].code.includes(marker), `${marker} is not in the chunk`);
  assert.deepEqual(part[0].imports, [], `the chunk imports ${part[0].imports.join(', ')}`);
  assert.ok(!/litHtmlVersions|reactiveElementVersions/.test(part[0].code), 'the chunk holds a second copy of Lit');
});
