// The README's element and event code and test/types/readme-snippets.ts (which `npm run typecheck`
// compiles) must say the same, so a README change that no longer type-checks cannot go unnoticed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const read = (path) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8').replace(/\r\n/g, '\n');
const readme = read('README.md');
const checked = read('test/types/readme-snippets.ts');
const squeeze = (line) => line.trim().replace(/\s+/g, ' ');
const checkedLines = new Set(checked.split('\n').map(squeeze));

/** The body of every fenced block of one language. */
function blocks(language) {
  return [...readme.matchAll(new RegExp('^```' + language + '\\n([\\s\\S]*?)^```', 'gm'))].map((match) => match[1]);
}

/** README lines that the compiled file must hold as written. */
function assertLinesChecked(code, skip = () => false) {
  for (const line of code.split('\n').map(squeeze)) {
    if (!line || line.startsWith('import ') || skip(line)) continue;
    assert.ok(checkedLines.has(line), `README line not in test/types/readme-snippets.ts: ${line}`);
  }
}

test('the module script of "Drop the tags into your page" is type-checked', () => {
  const script = blocks('html')
    .map((html) => html.match(/<script type="module">\n([\s\S]*?)<\/script>/)?.[1])
    .find((code) => code?.includes('createDesk('));
  assert.ok(script, 'README has no module script that creates a desk');
  // The untyped lookup is checked through its typed form (querySelector('cc-agent-desk')!).
  assertLinesChecked(script, (line) => line.startsWith("document.getElementById('desk').desk"));
});

test('every ```js snippet outside the adapter section is type-checked', () => {
  const js = blocks('js');
  assert.ok(js.length > 0, 'README has no js snippet');
  for (const code of js) assertLinesChecked(code);
});

test('every event the README names is in the compiled list', () => {
  const section = readme.slice(readme.indexOf('### Events'), readme.indexOf('### Language'));
  const named = new Set([...section.matchAll(/`(cc-[a-z-]+)`/g)].map((match) => match[1]));
  const listed = new Set([...checked.matchAll(/^ {2}'(cc-[a-z-]+)': Cc\w+Event;$/gm)].map((match) => match[1]));
  assert.ok(named.size > 10, 'the Events section names no events');
  assert.deepEqual([...named].sort(), [...listed].sort());
});
