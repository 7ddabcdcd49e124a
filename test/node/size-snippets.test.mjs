// The size budgets build the README's own snippets (scripts/readme-snippets.mjs): a code block marked
// `<!-- size: <entry> -->` is the host entry <entry>, so what the README shows is what `npm run size`
// and the bundle bench measure.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hostModules, hostScript, parseSizeSnippets, sizeSnippets, writeSnippet } from '../../scripts/readme-snippets.mjs';

const read = (path) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

const page = [
  '# A page',
  '',
  '<!-- size: page -->',
  '```html',
  '<cc-agent-desk id="desk"></cc-agent-desk>',
  '',
  '<script type="module">',
  "  import 'contact-center-elements/define';",
  "  import { createDesk } from 'contact-center-elements';",
  "  import { MyTransport, Helper as Other } from './my-transport.js';",
  "  import setUp from '../set-up.js';",
  '',
  '  setUp(createDesk({ transport: new MyTransport(), helper: new Other() }));',
  '</script>',
  '```',
  '',
  '```js',
  "import 'not-measured';",
  '```',
  '',
  '<!-- size: script -->',
  '```js',
  "import { createDesk } from 'contact-center-elements';",
  '```',
].join('\n');

test('a marked block becomes a host entry: the html module script without its indentation, the js block as it is', () => {
  const snippets = parseSizeSnippets(page);
  assert.deepEqual([...snippets.keys()], ['page', 'script']);
  assert.equal(snippets.get('page').line, 5);
  assert.equal(
    hostScript(snippets.get('page')),
    [
      "import 'contact-center-elements/define';",
      "import { createDesk } from 'contact-center-elements';",
      "import { MyTransport, Helper as Other } from './my-transport.js';",
      "import setUp from '../set-up.js';",
      '',
      'setUp(createDesk({ transport: new MyTransport(), helper: new Other() }));',
      '',
    ].join('\n'),
  );
  assert.equal(hostScript(snippets.get('script')), "import { createDesk } from 'contact-center-elements';\n");
});

test("the host's own modules a snippet imports are stubs that export the imported names", () => {
  const stubs = hostModules(hostScript(parseSizeSnippets(page).get('page')));
  assert.deepEqual([...stubs.keys()], ['./my-transport.js', '../set-up.js']);
  assert.match(stubs.get('./my-transport.js'), /^export class MyTransport \{\}$/m);
  assert.match(stubs.get('./my-transport.js'), /^export class Helper \{\}$/m);
  assert.match(stubs.get('../set-up.js'), /^export default class \{\}$/m);
  // A namespace import has no default export to stand in for.
  assert.doesNotMatch(hostModules("import * as ns from './x.js';").get('./x.js'), /export default/);
});

test('a README saved with Windows line ends gives the same entries', () => {
  const crlf = parseSizeSnippets(page.replace(/\n/g, '\r\n'));
  assert.equal(hostScript(crlf.get('page')), hostScript(parseSizeSnippets(page).get('page')));
  assert.equal(crlf.get('script').code, parseSizeSnippets(page).get('script').code);
});

test('writeSnippet writes the entry and its stubs beside it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'size-snippet-'));
  try {
    const entry = writeSnippet('page', join(dir, 'page'), parseSizeSnippets(page));
    assert.equal(entry, join(dir, 'page', 'page.js'));
    assert.match(readFileSync(entry, 'utf8'), /^setUp\(createDesk/m);
    assert.ok(existsSync(join(dir, 'page', 'my-transport.js')));
    assert.ok(existsSync(join(dir, 'set-up.js')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a marker must stand right before a fenced block, and names are unique', () => {
  assert.throws(() => parseSizeSnippets('<!-- size: a -->\n\n```js\nx\n```'), /must be right before a fenced code block/);
  assert.throws(() => parseSizeSnippets('<!-- size: a -->\n```js\nx\n```\n<!-- size: a -->\n```js\ny\n```'), /a second snippet named "a"/);
  assert.throws(() => hostScript({ lang: 'ts', code: 'x' }), /html or a js block/);
  assert.throws(() => parseSizeSnippets('<!-- size: a -->\n```js\nx'), /is not closed/);
});

test('the golden path, every element and the core budgets measure README snippets, and no size/ file shadows one', () => {
  const snippets = sizeSnippets();
  for (const name of ['golden-path', 'snippet', 'core']) assert.ok(snippets.has(name), `README.md marks no <!-- size: ${name} --> snippet`);
  const budgets = read('.size-limit.mjs');
  for (const name of snippets.keys()) {
    assert.ok(budgets.includes(`firstLoad('${name}')`), `.size-limit.mjs has no budget for the README snippet "${name}"`);
    assert.ok(!existsSync(new URL(`../../size/${name}.js`, import.meta.url)), `size/${name}.js shadows the README snippet "${name}"`);
  }
});

test('each README snippet imports the package by its name, as a host does, and its own modules by a relative path', () => {
  for (const [name, snippet] of sizeSnippets()) {
    const specifiers = [...hostScript(snippet).matchAll(/^import\s+(?:[^'"]+?\s+from\s+)?'([^']+)';$/gm)].map((match) => match[1]);
    assert.ok(specifiers.length > 0, `the "${name}" snippet imports nothing`);
    for (const specifier of specifiers) {
      assert.match(specifier, /^(contact-center-elements(\/[\w/-]+)?|\.{1,2}\/.+)$/, `the "${name}" snippet imports ${specifier}`);
    }
  }
});
