// The README's code blocks that the size budgets and the bundle bench build, as a host writes them.
// A block is marked by an HTML comment on the line before its fence: `<!-- size: golden-path -->`.
// The name is the host entry it becomes (the same names as the budgets in .size-limit.mjs). An html
// block's host script is the content of its `<script type="module">`; a js block is the script.
// Modules of the host's own that a snippet imports (`./my-transport.js`) are written as empty stubs:
// they are the host's code, not the package's.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const marker = /^<!-- size: ([a-z0-9-]+) -->$/;

/**
 * Every marked code block of `markdown`, by name.
 * @param {string} markdown
 * @returns {Map<string, { lang: string, code: string, line: number }>}
 */
export function parseSizeSnippets(markdown) {
  const lines = markdown.replace(/\r\n/g, '\n').split('\n');
  /** @type {Map<string, { lang: string, code: string, line: number }>} */
  const snippets = new Map();
  lines.forEach((line, at) => {
    const name = marker.exec(line.trim())?.[1];
    if (!name) return;
    const fence = /^```(\w+)$/.exec(lines[at + 1] ?? '');
    if (!fence) throw new Error(`README.md:${at + 1}: "${line.trim()}" must be right before a fenced code block with a language.`);
    const close = lines.indexOf('```', at + 2);
    if (close === -1) throw new Error(`README.md:${at + 2}: the code block of "${name}" is not closed.`);
    if (snippets.has(name)) throw new Error(`README.md:${at + 1}: a second snippet named "${name}".`);
    snippets.set(name, { lang: fence[1], code: lines.slice(at + 2, close).join('\n'), line: at + 3 });
  });
  return snippets;
}

/** The marked code blocks of the project's README.md, by name. */
export function sizeSnippets() {
  return parseSizeSnippets(readFileSync(join(root, 'README.md'), 'utf8'));
}

/**
 * The host script of a snippet: an html block's `<script type="module">` (its indentation removed),
 * or a js block as it is.
 * @param {{ lang: string, code: string }} snippet
 */
export function hostScript({ lang, code }) {
  if (lang === 'js') return `${code}\n`;
  if (lang !== 'html') throw new Error(`a size snippet is an html or a js block, not ${lang}`);
  const script = /<script type="module">\n([\s\S]*?)\n\s*<\/script>/.exec(code);
  if (!script) throw new Error('an html size snippet needs a <script type="module"> block');
  const lines = script[1].split('\n');
  const indent = Math.min(...lines.filter((line) => line.trim()).map((line) => /^ */.exec(line)[0].length));
  return `${lines.map((line) => line.slice(indent)).join('\n')}\n`;
}

/**
 * The host's own modules a script imports by a relative path, each as a stub that exports the
 * imported names (a class each: the README's are a transport and the like).
 * @param {string} script
 * @returns {Map<string, string>} relative path → stub source
 */
export function hostModules(script) {
  /** @type {Map<string, string>} */
  const modules = new Map();
  for (const [, clause, path] of script.matchAll(/^import\s+([^'"]+?)\s+from\s+'(\.{1,2}\/[^']+)';$/gm)) {
    const named = /\{([^}]*)\}/.exec(clause)?.[1] ?? '';
    const names = named
      .split(',')
      .map((part) => part.trim().split(/\s+as\s+/)[0].trim())
      .filter(Boolean);
    const fallback = clause.replace(/\{[^}]*\}/, '').replace(/,/g, '').trim();
    const body = [
      "// The host's own module: a stub, so the build measures what the package costs.",
      ...names.map((name) => `export class ${name} {}`),
      ...(fallback && !fallback.startsWith('*') ? ['export default class {}'] : []),
    ];
    modules.set(path, `${body.join('\n')}\n`);
  }
  return modules;
}

/** Writes `text` to `file` unless it holds it already; atomically, since parallel builds read it. */
function writeFresh(file, text) {
  if (existsSync(file) && readFileSync(file, 'utf8') === text) return;
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

/**
 * Writes the snippet `name` as a host entry in `dir` (`<dir>/<name>.js` and the stubs beside it).
 * @param {string} name
 * @param {string} dir
 * @returns {string} the entry's path
 */
export function writeSnippet(name, dir, snippets = sizeSnippets()) {
  const snippet = snippets.get(name);
  if (!snippet) throw new Error(`README.md has no snippet marked <!-- size: ${name} -->`);
  const script = hostScript(snippet);
  const entry = join(dir, `${name}.js`);
  for (const [path, stub] of hostModules(script)) writeFresh(join(dir, path), stub);
  writeFresh(entry, `// README.md, line ${snippet.line}: the snippet marked <!-- size: ${name} -->, as a host writes it.\n${script}`);
  return entry;
}
