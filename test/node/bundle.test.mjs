// What a host's bundler really ships. The host entries (README snippets, and size/) import the
// package by its name (resolved through package.json `exports` to dist/, which `npm run test:node`
// builds first); each is built here in memory by Vite, as a host builds it (vite.size.config.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hostBuild } from './build-entry.mjs';

/** Strings every Lit build leaves in a bundle (the version globals of lit-element, reactive-element and lit-html). */
const litMarkers = /litElementVersions|reactiveElementVersions|litHtmlVersions/;

const codeOf = (chunks) => chunks.map((chunk) => chunk.code).join('\n');

/** The plain strings of a catalog's namespaces that are whole phrases (several words), too specific to occur by chance. */
function phrasesOf(catalog, namespaces) {
  const leaves = (value) => (typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(leaves) : []);
  return new Set(namespaces.flatMap((namespace) => leaves(catalog[namespace])).filter((text) => text.includes(' ')));
}

/** Whether `code` holds `text` as a whole string literal (not inside a longer one). */
const holds = (code, text) => ['`', '"', "'"].some((quote) => code.includes(`${quote}${text}${quote}`));

const CRM_AND_SEARCH = ['customerForm', 'notes', 'records', 'transcriptSearch'];

test('a host that imports only createDesk from the package root bundles no Lit and no element', async () => {
  const { firstLoad, lazy } = await hostBuild('core');
  const code = codeOf([...firstLoad, ...lazy]);
  assert.ok(code.includes('offer.accept'), 'the desk is not in the core-only bundle');
  assert.ok(!litMarkers.test(code), 'Lit is in the core-only bundle');
  assert.ok(!/customElements|cc-agent-desk|cc-communication-panel/.test(code), 'an element is in the core-only bundle');
  // The desk's own (technical) error messages may read like some of the catalog's `errors`.
  const { en } = await import('../../dist/index.js');
  const catalog = [...phrasesOf(en, Object.keys(en).filter((namespace) => namespace !== 'errors')), en.errors.unknown];
  assert.deepEqual(
    catalog.filter((text) => holds(code, text)),
    [],
    'the English catalog is in the core-only bundle',
  );
});

test('the golden path bundles the English of its elements and none of the CRM and search elements', async () => {
  const { en } = await import('../../dist/index.js');
  const others = Object.keys(en).filter((namespace) => !CRM_AND_SEARCH.includes(namespace));
  const shared = phrasesOf(en, others);
  const crmOnly = [...phrasesOf(en, CRM_AND_SEARCH)].filter((text) => !shared.has(text));
  assert.ok(crmOnly.length > 50, 'precondition: the CRM and search elements have strings of their own');

  const { firstLoad, lazy } = await hostBuild('golden-path');
  const code = codeOf([...firstLoad, ...lazy]);
  assert.deepEqual(
    crmOnly.filter((text) => holds(code, text)),
    [],
    'English of the CRM or search elements is in the golden path',
  );
  // What the golden path's elements show is there, up front.
  const first = codeOf(firstLoad);
  for (const text of [en.notification.title, en.panel.placeholder, en.attachments.choose, en.errors.unknown]) {
    assert.ok(holds(first, text), `"${text}" is not in the golden path's first load`);
  }
  // The panel's transcript (and attachment picker) come with their own chunk, loaded after the panel.
  for (const text of [en.message.jumpToLatest]) {
    assert.ok(!holds(first, text), `"${text}" is in the golden path's first load`);
    assert.ok(
      lazy.some((chunk) => chunk.isDynamicEntry && holds(chunk.code, text)),
      `"${text}" is in no lazy chunk of the golden path`,
    );
  }
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
