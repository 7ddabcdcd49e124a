// npm run bench: builds the bench pages, runs them in headless Chromium and prints tables.
// `npm run bench -- panel`, `-- search`, `-- richtext` or `-- bundles` runs one of them (bundles: sizes beside the peers).
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const only = process.argv.slice(2);
const wants = (part) => only.length === 0 || only.includes(part);
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });

run('npx', ['vite', 'build', '-c', 'vite.bench.config.ts']);
// The bundles section packs the package as it is built (dist/).
if (wants('bundles')) run('npx', ['vite', 'build']);

const site = join(root, 'bench/out/site');
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  const file = join(site, path === '/' ? 'index.html' : path);
  if (!file.startsWith(site) || !existsSync(file) || statSync(file).isDirectory()) {
    res.writeHead(404).end();
    return;
  }
  const headers = { 'content-type': types[extname(file)] ?? 'application/octet-stream' };
  // Cross-origin isolation gives performance.now() 5 µs resolution instead of 100 µs (sub-ms queries).
  // The search bench's Worker too: a cross-origin isolated page starts only workers that are as well.
  if (path === '/search.html' || path.startsWith('/assets/search-worker')) Object.assign(headers, { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' });
  res.writeHead(200, headers).end(readFileSync(file));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/`;

const errors = [];
const fmt = (n) => n.toFixed(1);
// Each section is a module in bench/sections/ with `run(context)`; it prints its own tables.
const sections = ['panel', 'richtext', 'search', 'bundles'];
/** @type {import('./sections/context.mjs').BenchContext} */
const context = { root, url, errors, fmt };
for (const name of sections.filter(wants)) {
  const section = await import(`./sections/${name}.mjs`);
  await section.run(context);
}
server.close();

if (errors.length) {
  console.error('\nConsole errors during the bench:\n' + errors.join('\n'));
  process.exitCode = 1;
}
