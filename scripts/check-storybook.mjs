// Opens the built Storybook's smoke story in headless Chromium and fails unless every element is
// defined: a production build can "succeed" while tree-shaking drops element registrations.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, executablePath } from './chromium.mjs';

const root = 'storybook-static';
const storyId = 'checks-smoke--all-elements-defined';
const types = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
};

if (!existsSync(join(root, 'iframe.html'))) {
  console.error(`${root}/iframe.html is missing: run storybook build first.`);
  process.exit(1);
}

const server = createServer((request, response) => {
  const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  let file = join(root, path);
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file)) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(response);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());

const browser = await chromium.launch({
  executablePath,
  args: chromiumArgs,
});
let failure = '';
try {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`http://127.0.0.1:${port}/iframe.html?id=${storyId}&viewMode=story`);
  const outcome = await page
    .waitForSelector('[data-smoke="ok"], body.sb-show-errordisplay', { state: 'attached', timeout: 30_000 })
    .then((handle) => handle.evaluate((el) => (el.matches('[data-smoke="ok"]') ? 'ok' : 'error')))
    .catch(() => 'timeout');
  if (outcome === 'ok') {
    console.log(`Storybook smoke: ${await page.textContent('[data-smoke="ok"]')}`);
  } else {
    const shown = await page.evaluate(() => document.getElementById('error-message')?.textContent?.trim() ?? '');
    failure = `Storybook smoke story failed (${outcome}): ${[shown, ...errors].filter(Boolean).join(' | ') || 'no detail'}`;
  }
} finally {
  await browser.close();
  server.close();
}
if (failure) {
  console.error(failure);
  process.exit(1);
}
