// What a host's bundler really ships. The entries in size/ are tiny host scripts that import the
// package by its name (resolved through package.json `exports` to dist/, which `npm run test:node`
// builds first); each is built here in memory by Vite, as a host builds it (vite.size.config.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Strings every Lit build leaves in a bundle (the version globals of lit-element, reactive-element and lit-html). */
const litMarkers = /litElementVersions|reactiveElementVersions|litHtmlVersions/;

/** Builds size/<entry>.js: `firstLoad` is what a page loads before running it, `lazy` the chunks it loads on use. */
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

const codeOf = (chunks) => chunks.map((chunk) => chunk.code).join('\n');

test('a host that imports only createDesk from the package root bundles no Lit and no element', async () => {
  const { firstLoad, lazy } = await hostBuild('core');
  const code = codeOf([...firstLoad, ...lazy]);
  assert.ok(code.includes('offer.accept'), 'the desk is not in the core-only bundle');
  assert.ok(!litMarkers.test(code), 'Lit is in the core-only bundle');
  assert.ok(!/customElements|cc-agent-desk|cc-communication-panel/.test(code), 'an element is in the core-only bundle');
});

test('the README snippet (define + createDesk) loads Lit up front and the Polish catalog only on use', async () => {
  const { en, loadCatalog } = await import('../../dist/index.js');
  const polish = (await loadCatalog('pl')).state.open;
  assert.notEqual(polish, en.state.open, 'precondition: a wording that differs between English and Polish');

  const { firstLoad, lazy } = await hostBuild('snippet');
  assert.ok(litMarkers.test(codeOf(firstLoad)), 'the elements are not in the first load');
  assert.ok(!codeOf(firstLoad).includes(polish), 'the Polish catalog is in the first load');
  assert.ok(
    lazy.some((chunk) => chunk.isDynamicEntry && chunk.code.includes(polish)),
    'no lazy chunk holds the Polish catalog',
  );
});
