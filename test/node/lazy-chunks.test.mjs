// Parts of the desk that a page needs only on first use: the CRM commands (records, links, notes,
// recent cases), the content sniffer (the first file the agent adds) and the IndexedDB storage with
// idb (when the desk opens its storage; the memory storage it falls back to stays in the first load). A host's Vite build, made in
// memory from the entries in size/ against dist/ (`npm run test:node` builds it first), must keep
// them out of the first load and in chunks of their own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Builds size/<entry>.js as a host does: `firstLoad` is what a page loads before running it, `lazy` the rest. */
async function hostBuild(entry) {
  const result = await build({
    root,
    configFile: `${root}vite.size.config.ts`,
    mode: entry,
    logLevel: 'silent',
    build: { write: false, emptyOutDir: false },
  });
  const chunks = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output).filter((o) => o.type === 'chunk');
  const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const firstLoad = new Set();
  const walk = (chunk) => {
    if (firstLoad.has(chunk)) return;
    firstLoad.add(chunk);
    for (const file of chunk.imports) walk(byFile.get(file));
  };
  chunks.filter((chunk) => chunk.isEntry).forEach(walk);
  assert.ok(firstLoad.size > 0, `no entry chunk built for size/${entry}.js`);
  return { firstLoad: [...firstLoad], lazy: chunks.filter((chunk) => !firstLoad.has(chunk)) };
}

/**
 * What only each part holds: the command only the CRM commands send, one of the sniffer's
 * signatures, the IndexedDB index name, the offer tone's volume ramp (the notification's alerts).
 */
const parts = [
  ['the CRM commands', 'records.create'],
  ['the content sniffer', 'GIF89a'],
  ['the IndexedDB storage', 'byConversation'],
];
const elementParts = [['the offer alerts (tone, desktop notification)', 'exponentialRampToValueAtTime']];

for (const entry of ['golden-path', 'core']) {
  test(`size/${entry}.js loads the CRM commands, the content sniffer, the IndexedDB storage${entry === 'core' ? '' : ' and the offer alerts'} only on first use`, async () => {
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
