// The library build drops indentation inside html`…`, svg`…` and css`…` literals
// (scripts/minify-templates.mjs). What it must keep: line breaks (pre-line text, source-map lines),
// every expression, preformatted content, CSS strings, the spaces calc() and selectors need.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { minifyTemplates } from '../../scripts/minify-templates.mjs';

const run = (code) => minifyTemplates(code, 'module.ts') ?? code;

test('html: indentation goes, line breaks and expressions stay', () => {
  const code = 'const t = html`\n    <p class="a ${x}">\n      ${y}\n    </p>\n  `;';
  assert.equal(run(code), 'const t = html`\n<p class="a ${x}">\n${y}\n</p>\n`;');
  assert.equal(run(code).split('\n').length, code.split('\n').length);
});

test('html: a template with <pre> or <textarea> is left as written', () => {
  for (const code of ['html`<pre>\n  a\n    b</pre>`', 'html`\n  <textarea>\n  x</textarea>`']) assert.equal(run(code), code);
});

test('html: spaces within a line, no-break spaces and whitespace after a backslash stay', () => {
  assert.equal(run('html`a\u00a0\n  b`'), 'html`a\u00a0\nb`');
  assert.equal(run('html`<b>a</b>  <i>b</i>`'), 'html`<b>a</b>  <i>b</i>`');
  assert.equal(run('html`a\\\n    b`'), 'html`a\\\n    b`');
});

test('css: comments and spaces around punctuation go; strings, calc() and combinators stay', () => {
  const code = "css`\n  /* note */\n  :host .a > b, c {\n    width: calc(100% - 2px);\n    font-family: 'A, B', x;\n  }\n`";
  assert.equal(run(code), "css`\n\n:host .a > b,c{\nwidth:calc(100% - 2px);\nfont-family:'A, B',x;\n}\n`");
});

test('other tags, untagged templates and strings are not touched', () => {
  const code = 'const a = `\n    x`; const b = sql`\n    y`; const c = "html`\\n  z`";';
  assert.equal(run(code), code);
});
