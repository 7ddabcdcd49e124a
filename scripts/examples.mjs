// `npm run examples`: the host apps in examples/ against the package as published. Builds the package
// (unless --skip-build), packs it (`npm pack`), copies each app into a temporary directory next to the
// tarball, installs it, runs its `build` script (strict type check + production build) and drives the
// built page in headless Chromium: an offer arrives, the agent accepts it, sends a message, and a send
// containing "veto" is vetoed by the app's own event binding (the draft stays, nothing is sent).
// Fails on any install, type or build error, a failed step, or a console error on the page.
//
//   npm run examples [-- --skip-build] [-- --keep] [-- --update-locks] [-- <app> …]
//
// An app without a package-lock.json gets one written back from its install (--update-locks: every app).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  createReadStream,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, executablePath } from './chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const flags = new Set(args.filter((arg) => arg.startsWith('--')));
const all = readdirSync(join(root, 'examples'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(root, 'examples', entry.name, 'package.json')))
  .map((entry) => entry.name)
  .sort();
const picked = args.filter((arg) => !arg.startsWith('--'));
for (const name of picked) if (!all.includes(name)) throw new Error(`examples: no app "${name}" (have: ${all.join(', ')})`);
const apps = picked.length ? picked : all;

const started = Date.now();
const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const log = (text) => console.log(`[examples ${seconds()}] ${text}`);

function run(command, commandArgs, cwd) {
  const result = spawnSync(command, commandArgs, { cwd, stdio: 'inherit', env: { ...process.env, CI: 'true' } });
  if (result.status !== 0) throw new Error(`examples: \`${command} ${commandArgs.join(' ')}\` failed in ${cwd}`);
}

if (!flags.has('--skip-build')) {
  log('building the package');
  run('npm', ['run', 'build'], root);
}
if (!existsSync(join(root, 'dist/react.js')) || !existsSync(join(root, 'dist/types/index.d.ts'))) throw new Error('examples: dist/ is missing or incomplete; run npm run build');

const work = mkdtempSync(join(tmpdir(), 'cc-examples-'));
log(`packing into ${work}`);
const packed = JSON.parse(
  execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }),
);
renameSync(join(work, packed[0].filename), join(work, 'contact-center-elements.tgz'));

const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };
/** A static server for a built app (single-page: unknown paths get index.html). */
async function serve(dir) {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let file = resolve(dir, `.${path}`);
    if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory()) file = join(dir, 'index.html');
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return server;
}

/** The golden path on one built app. */
async function goldenPath(browser, name, dir) {
  const server = await serve(dir);
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  try {
    const { port } = server.address();
    await page.goto(`http://127.0.0.1:${port}/`);
    const step = async (what, action) => {
      try {
        await action();
      } catch (error) {
        throw new Error(`${name}: ${what}: ${error.message.split('\n')[0]}`, { cause: error });
      }
    };
    const panel = page.locator('cc-communication-panel');
    const field = panel.locator('textarea').first();
    await step('the offer appears and is accepted', async () => {
      await page.locator('cc-conversation-notification').getByRole('button', { name: 'Accept', exact: true }).click({ timeout: 15_000 });
    });
    await step('the composer opens', () => field.waitFor({ state: 'visible', timeout: 10_000 }));
    const hello = `Hello from ${name}`;
    await step('a message is sent', async () => {
      await field.fill(hello);
      await field.press('Enter');
      await panel.locator('cc-transcript').getByText(hello).first().waitFor({ timeout: 10_000 });
      await page.waitForFunction(() => document.querySelector('cc-communication-panel')?.shadowRoot?.querySelector('textarea')?.value === '');
    });
    const veto = 'please veto this message';
    await step('a send is vetoed by the app', async () => {
      await field.fill(veto);
      await field.press('Enter');
      await page.locator('#vetoed').getByText(veto).waitFor({ timeout: 10_000 });
      const draft = await field.inputValue();
      if (draft !== veto) throw new Error(`the draft should stay, it is "${draft}"`);
      if ((await panel.locator('cc-transcript').getByText(veto).count()) > 0) throw new Error('the vetoed message was sent');
    });
    const extra = page.locator('[data-check]');
    for (let i = 0; i < (await extra.count()); i++) {
      const check = extra.nth(i);
      const what = await check.getAttribute('data-check');
      const expected = await check.getAttribute('data-expect');
      await step(what ?? 'check', () =>
        page.waitForFunction(
          ([index, want]) => document.querySelectorAll('[data-check]')[index]?.textContent?.trim() === want,
          [i, expected],
          { timeout: 10_000 },
        ),
      );
    }
    if (problems.length) throw new Error(`${name}: ${problems.join('; ')}`);
  } finally {
    await context.close();
    server.close();
  }
}

/** Copies an app next to the tarball and installs it; writes its lockfile back when it has none. */
async function install(name) {
  const dir = join(work, name);
  cpSync(join(root, 'examples', name), dir, {
    recursive: true,
    filter: (path) => !/(^|[\\/])(node_modules|dist|\.angular)$/.test(path),
  });
  // The app's lockfile pins its own dependencies; the package itself always comes from this run's
  // tarball (a locked integrity would let npm reuse an older tarball from its cache).
  const lock = join(dir, 'package-lock.json');
  if (existsSync(lock)) writeFileSync(lock, JSON.stringify(withoutPackage(JSON.parse(readFileSync(lock, 'utf8'))), null, 2));
  const npmArgs = ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'];
  const child = spawn('npm', npmArgs, { cwd: dir, stdio: ['ignore', 'inherit', 'inherit'] });
  const code = await new Promise((done) => child.on('close', done));
  if (code !== 0) throw new Error(`examples: \`npm ${npmArgs.join(' ')}\` failed in ${dir}`);
  const own = join(root, 'examples', name, 'package-lock.json');
  if (!existsSync(own) || flags.has('--update-locks')) {
    writeFileSync(own, `${JSON.stringify(withoutPackage(JSON.parse(readFileSync(lock, 'utf8'))), null, 2)}\n`);
  }
}

/** A lockfile without the entry of contact-center-elements itself (its tarball changes with every build). */
function withoutPackage(lock) {
  delete lock.packages?.['node_modules/contact-center-elements'];
  return lock;
}

const failures = [];
/** Removing an app's node_modules takes a while: it runs while the next app installs. */
const removals = [];
let browser;
try {
  browser = await chromium.launch({ executablePath, args: chromiumArgs });
  // Installs wait on the network more than on the CPU: all of them at once, then one app at a time.
  log(`installing ${apps.join(', ')}`);
  const installs = new Map(apps.map((name) => [name, install(name).then(() => log(`${name}: installed`))]));
  for (const name of apps) {
    const dir = join(work, name);
    try {
      await installs.get(name);
      log(`${name}: type check and build`);
      run('npm', ['run', 'build'], dir);
      log(`${name}: golden path in Chromium`);
      const built = existsSync(join(dir, 'dist/browser')) ? join(dir, 'dist/browser') : join(dir, 'dist');
      await goldenPath(browser, name, built);
      log(`${name}: passed`);
    } catch (error) {
      failures.push(`${name}: ${error.message}`);
      log(`${name}: FAILED: ${error.message}`);
    }
    if (!flags.has('--keep')) removals.push(rm(dir, { recursive: true, force: true }));
  }
} finally {
  await browser?.close();
  await Promise.all(removals);
  if (!flags.has('--keep')) rmSync(work, { recursive: true, force: true });
}

if (failures.length) {
  console.error(`\n${failures.length} of ${apps.length} example apps failed:\n${failures.join('\n')}`);
  process.exit(1);
}
log(`${apps.length} example apps passed: ${apps.join(', ')}`);
