// Quick replies (F15): the `/` list and the commands behind desk.quickReplies load on first use.
// A page on the golden path (size/golden-path.js) loads neither up front, and the list's chunk is
// built from what the page already has, so it holds no second copy of Lit or the base element.
// Builds in memory; `npm run test:node` builds dist/ first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hostBuild } from './build-entry.mjs';

/** Only the list holds its styles; only the commands hold the storage key of own replies. */
const LIST = 'cc-qr-option';
const COMMANDS = 'quick-replies:own:';

test('size/golden-path.js loads the quick-reply list and commands only on use, each in one lazy chunk', async () => {
  const { firstLoad, lazy } = await hostBuild('golden-path');
  const first = firstLoad.map((chunk) => chunk.code).join('\n');
  assert.ok(first.includes('offer.accept'), 'the desk is not in the first load');
  for (const marker of [LIST, COMMANDS]) assert.ok(!first.includes(marker), `${marker} is in the first load`);
  const list = lazy.filter((chunk) => chunk.code.includes(LIST));
  const commands = lazy.filter((chunk) => chunk.code.includes(COMMANDS));
  assert.equal(list.length, 1, 'the list should be in one lazy chunk');
  assert.equal(commands.length, 1, 'the commands should be in one lazy chunk');
  // Built from the panel's Lit and base element: the list's chunk imports only the helpers it shares with the commands.
  assert.deepEqual(
    list[0].imports.filter((file) => !/quick-replies-text-/.test(file)),
    [],
    'the list chunk imports chunks of the first load (split out of it for this chunk)',
  );
});
