// The README's adapter snippet and test/types/readme-adapter.ts (which `npm run typecheck` compiles)
// must stay the same code, so the README never shows an adapter that does not compile.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const read = (path) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8').replace(/\r\n/g, '\n');

/** The first ```ts block after the `## <heading>` line. */
function firstTsBlockAfter(markdown, heading) {
  const lines = markdown.split('\n');
  const at = lines.indexOf(`## ${heading}`);
  assert.notEqual(at, -1, `README has no "## ${heading}" section`);
  const open = lines.indexOf('```ts', at);
  const next = lines.findIndex((line, i) => i > at && line.startsWith('## '));
  assert.ok(open !== -1 && (next === -1 || open < next), `"## ${heading}" has no \`\`\`ts block`);
  const close = lines.indexOf('```', open + 1);
  assert.notEqual(close, -1, `the \`\`\`ts block after "## ${heading}" is not closed`);
  return lines.slice(open + 1, close).join('\n');
}

/** The file without its leading comment lines, with src/ paths written as the package specifier. */
function asInReadme(source) {
  const lines = source.split('\n');
  let start = 0;
  while (start < lines.length && (lines[start].startsWith('//') || lines[start].trim() === '')) start++;
  return lines
    .slice(start)
    .join('\n')
    .replaceAll("from '../../src/index.js'", "from 'contact-center-elements'")
    .trimEnd();
}

test('the "Writing a Transport adapter" snippet is test/types/readme-adapter.ts', () => {
  const readme = firstTsBlockAfter(read('README.md'), 'Writing a Transport adapter');
  const file = asInReadme(read('test/types/readme-adapter.ts'));
  assert.ok(readme.includes('implements Transport'), 'the snippet is not an adapter');
  assert.equal(readme, file, 'README and test/types/readme-adapter.ts differ: change both together');
});
