// npm run bench: builds the bench page, runs it in headless Chromium and prints a table.
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, executablePath } from '../scripts/chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });

run('npx', ['vite', 'build', '-c', 'vite.bench.config.ts']);
run('npm', ['run', '--silent', 'size:build']);

const site = join(root, 'bench/out/site');
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  const file = join(site, path === '/' ? 'index.html' : path);
  if (!file.startsWith(site) || !existsSync(file) || statSync(file).isDirectory()) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({
  executablePath,
  args: chromiumArgs,
});
const errors = [];
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(url);
  await page.waitForFunction(() => window.benchResults || window.benchError, null, { timeout: 240_000 });
  const error = await page.evaluate(() => window.benchError);
  if (error) throw new Error(error);
  const rows = await page.evaluate(() => window.benchResults);
  const fmt = (n) => n.toFixed(1);
  console.log('\nCommunication panel, Chromium headless, 720×600 panel, production build\n');
  console.log('| messages | first frame ms | append p50 ms | append p95 ms | append max ms | DOM elements | newest visible |');
  console.log('|---:|---:|---:|---:|---:|---:|:---:|');
  for (const r of rows) {
    console.log(`| ${r.messages.toLocaleString('en')} | ${fmt(r.firstFrameMs)} | ${fmt(r.appendP50Ms)} | ${fmt(r.appendP95Ms)} | ${fmt(r.appendMaxMs)} | ${r.domElements} | ${r.newestVisible ? 'yes' : 'NO'} |`);
  }
  console.log('\nTargets: first frame ≤ 50 ms, append ≤ 16 ms with the new message fully visible, DOM size independent of length.');
} finally {
  await browser.close();
  server.close();
}

console.log('\nBundle sizes (minified, gzip -9, all dependencies bundled; lazy chunks excluded)\n');
console.log('| bundle | raw KB | gzip KB | budget KB |');
console.log('|---|---:|---:|---:|');
for (const [name, budget] of [['golden-path', 40], ['all', 70]]) {
  const file = join(root, '.size', `${name}.js`);
  if (!existsSync(file)) continue;
  const body = readFileSync(file);
  console.log(`| ${name} | ${(body.length / 1024).toFixed(1)} | ${(gzipSync(body, { level: 9 }).length / 1024).toFixed(1)} | ${budget} |`);
}
if (errors.length) {
  console.error('\nConsole errors during the bench:\n' + errors.join('\n'));
  process.exitCode = 1;
}
