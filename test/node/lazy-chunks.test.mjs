// Parts of the desk that a page needs only on first use: the CRM commands (records, links, notes,
// recent cases), the content sniffer (the first file the agent adds) and the IndexedDB storage with
// idb (when the desk opens its storage; the memory storage it falls back to stays in the first load). A host's Vite build, made in
// memory from the host entries (README snippets, size/) against dist/ (`npm run test:node` builds it first), must keep
// them out of the first load and in chunks of their own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hostBuild } from './build-entry.mjs';

/**
 * What only each part holds: the command only the CRM commands send, one of the sniffer's
 * signatures, the IndexedDB index name, the offer tone's volume ramp (the notification's alerts),
 * the transfer dialog's heading id (the panel's wrap-up and transfer chunk).
 */
const parts = [
  ['the CRM commands', 'records.create'],
  ['the content sniffer', 'GIF89a'],
  ['the IndexedDB storage', 'byConversation'],
  ['the smart assist commands', 'assist.suggest'],
  ['the agent script commands', 'script-progress/'],
];
const elementParts = [
  ['the offer alerts (tone, desktop notification)', 'exponentialRampToValueAtTime'],
  ['the emoji picker', 'red heart love'],
  ["the panel's wrap-up area and transfer dialog", 'transfer-title'],
];

for (const entry of ['golden-path', 'core']) {
  test(`the ${entry} host entry loads the CRM commands, the content sniffer, the IndexedDB storage${entry === 'core' ? '' : ' and the offer alerts'} only on first use`, async () => {
    const { firstLoad, lazy } = await hostBuild(entry);
    const first = firstLoad.map((chunk) => chunk.code).join('\n');
    assert.ok(first.includes('offer.accept'), 'the desk is not in the first load');
    for (const [what, marker] of entry === 'core' ? parts : [...parts, ...elementParts]) {
      assert.ok(!first.includes(marker), `${what} are in the first load`);
      assert.ok(
        lazy.some((chunk) => chunk.isDynamicEntry && chunk.code.includes(marker)),
        `no chunk loaded on use holds ${what}`,
      );
    }
  });
}
