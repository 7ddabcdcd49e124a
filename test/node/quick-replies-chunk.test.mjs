// Quick replies (F15): the `/` list, the composer's quick-reply part and the commands behind
// desk.quickReplies load on first use. A page on the golden path (the README's golden-path snippet) loads none of
// them up front, and the list's chunk is built from what the page already has, so it holds no second
// copy of Lit or the base element. Builds in memory; `npm run test:node` builds dist/ first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hostBuild } from './build-entry.mjs';

/** Only the list holds its styles; only the commands hold the storage key of own replies. */
const LIST = 'cc-qr-option';
const COMMANDS = 'quick-replies:own:';
/** Only the composer's part holds Save as quick reply (its event and notice) and the unfilled-placeholder notice (its strings and styles). */
const PART = ['cc-quick-reply-save', 'Saved as a quick reply', 'Fill in ${', '.placeholders mark'];

test('the golden-path host entry loads the quick-reply list, the composer part and the commands only on use, each in one lazy chunk', async () => {
  const { firstLoad, lazy } = await hostBuild('golden-path');
  const first = firstLoad.map((chunk) => chunk.code).join('\n');
  assert.ok(first.includes('offer.accept'), 'the desk is not in the first load');
  for (const marker of [LIST, COMMANDS, ...PART]) assert.ok(!first.includes(marker), `${marker} is in the first load`);
  const list = lazy.filter((chunk) => chunk.code.includes(LIST));
  const commands = lazy.filter((chunk) => chunk.code.includes(COMMANDS));
  assert.equal(list.length, 1, 'the list should be in one lazy chunk');
  assert.equal(commands.length, 1, 'the commands should be in one lazy chunk');
  for (const marker of PART) assert.ok(list[0].code.includes(marker), `${marker} is not in the list's chunk`);
  // Built from the panel's Lit and base element: the list's chunk, and the helpers it shares with the
  // commands, import nothing of the first load (which would split it).
  const firstFiles = new Set(firstLoad.map((chunk) => chunk.fileName));
  const byFile = new Map(lazy.map((chunk) => [chunk.fileName, chunk]));
  const reached = new Set();
  const walk = (chunk) => {
    for (const file of chunk.imports) {
      assert.ok(!firstFiles.has(file), `${chunk.fileName} imports ${file} of the first load`);
      if (reached.has(file)) continue;
      reached.add(file);
      walk(byFile.get(file));
    }
  };
  walk(list[0]);
});
