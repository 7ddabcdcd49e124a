// What the published package holds: every module the manifest points at and every relative link in the
// README resolve to a file in `npm pack`'s list, so editors, Storybook-like tools and readers on the
// registry don't hit a dead path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const root = new URL('../../', import.meta.url);
const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' }));
const files = new Set(packed.files.map((file) => file.path));
const manifest = JSON.parse(readFileSync(new URL('custom-elements.json', root), 'utf8'));
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));

/** Every `path` and `module` in the manifest (references into other packages aside). */
function modulePaths(node, found = new Set()) {
  if (Array.isArray(node)) node.forEach((item) => modulePaths(item, found));
  else if (node && typeof node === 'object') {
    for (const key of ['path', 'module']) {
      if (typeof node[key] === 'string' && !node.package) found.add(node[key].replace(/^\.?\//, ''));
    }
    Object.values(node).forEach((value) => modulePaths(value, found));
  }
  return found;
}

test('the packed file list is the package (sanity)', () => {
  assert.ok(files.has('package.json'));
  assert.ok(files.has('README.md'));
  assert.ok(files.has('custom-elements.json'));
  assert.ok(files.has('dist/index.js'), 'dist is built and packed');
});

test("every module path in custom-elements.json is in the package", () => {
  const paths = modulePaths(manifest);
  assert.ok(paths.size > 10);
  const missing = [...paths].filter((path) => !files.has(path));
  assert.deepEqual(missing, [], 'manifest paths missing from the package');
});

test('every relative link in README.md is in the package', () => {
  const readme = readFileSync(new URL('README.md', root), 'utf8');
  const links = [...readme.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((match) => match[1])
    .filter((href) => !/^([a-z][a-z0-9+.-]*:|#)/i.test(href))
    .map((href) => href.replace(/#.*$/, '').replace(/^\.\//, ''));
  assert.ok(links.length > 0, 'the README has relative links to check');
  const missing = links.filter((href) => !files.has(href) && ![...files].some((file) => file.startsWith(`${href.replace(/\/$/, '')}/`)));
  assert.deepEqual(missing, [], 'README links missing from the package');
});

test('package.json states the Node version the build needs, and points at existing files', () => {
  assert.match(pkg.engines?.node ?? '', /\d+\.\d+/);
  const vite = JSON.parse(readFileSync(new URL('node_modules/vite/package.json', root), 'utf8'));
  assert.equal(pkg.engines.node, vite.engines.node, "the build's own floor (Vite's) is the package's");
  for (const field of ['customElements', 'web-types']) {
    assert.ok(files.has(pkg[field].replace(/^\.\//, '')), `${field}: ${pkg[field]} is packed`);
  }
});
