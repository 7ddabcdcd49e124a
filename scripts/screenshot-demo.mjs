// Drives the demo page (npm start) like an agent and saves what it looks like at each step.
// Usage: node scripts/screenshot-demo.mjs [url]   (default http://127.0.0.1:5173/)
// The page is served under the strict CSP a CRM may have (QUALITY.md), so a violation shows up as a
// console error. Exits 1 if the page logged a console error, threw, or a request failed.
import { mkdir } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { chromiumArgs, executablePath } from './chromium.mjs';

const url = process.argv[2] ?? 'http://127.0.0.1:5173/';
const csp = "script-src 'self'; style-src 'self'; require-trusted-types-for 'script'";
const outDir = new URL('../bench/out/', import.meta.url);
const out = (name) => new URL(name, outDir).pathname;

await mkdir(outDir, { recursive: true });

const browser = await chromium.launch({
  executablePath,
  args: chromiumArgs,
});

const problems = [];
let failed = false;
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.stack ?? error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  // Others edit the sources while this runs; a Vite hot reload mid-run would reset the page and
  // the screenshots. Answer Vite's HMR socket here instead of the server's, so no reload arrives.
  await page.routeWebSocket(/[?&]token=/, (socket) => {
    socket.send(JSON.stringify({ type: 'connected' }));
  });
  await page.route(
    (target) => target.href === new URL(url).href,
    async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': csp } });
    },
  );
  let loads = 0;
  page.on('load', () => {
    loads += 1;
  });

  await page.goto(url, { waitUntil: 'load' });
  // Start in English whatever an earlier run chose (the demo remembers the language).
  await page.evaluate(() => localStorage.clear());
  await page.reload({ waitUntil: 'load' });
  const loadsBeforeRun = loads;

  const accept = page.locator('cc-conversation-notification').getByRole('button', { name: 'Accept' });
  await accept.waitFor({ state: 'visible', timeout: 30_000 });
  await page.screenshot({ path: out('demo-offer.png') });
  console.log('saved bench/out/demo-offer.png');

  await accept.click();
  const composer = page.locator('cc-communication-panel').getByRole('textbox').first();
  await composer.waitFor({ state: 'visible', timeout: 10_000 });
  // Let the scripted customer type and send a few messages.
  await page.waitForTimeout(6_000);
  await composer.click();
  await composer.pressSequentially('Hello! Let me check the status of your order.', { delay: 15 });
  await composer.press('Enter');
  await page.waitForTimeout(1_500);
  await page.screenshot({ path: out('demo-conversation.png') });
  console.log('saved bench/out/demo-conversation.png');

  await page.getByRole('button', { name: 'Polski' }).click();
  await page.waitForTimeout(500);
  await page.screenshot({ path: out('demo-pl.png') });
  console.log('saved bench/out/demo-pl.png');

  // A narrow laptop window: the layout must still hold together.
  await page.setViewportSize({ width: 1000, height: 700 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: out('demo-1000.png') });
  console.log('saved bench/out/demo-1000.png');

  if (loads !== loadsBeforeRun) problems.push('the page reloaded during the run: the screenshots may not show each step');
  const sent = await page.locator('#event-log').textContent();
  if (!sent?.includes('cc-accept') || !sent.includes('cc-send')) {
    problems.push(`event log lacks cc-accept/cc-send: ${JSON.stringify(sent)}`);
  }
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  await browser.close();
}

if (problems.length > 0) {
  console.error(`\n${problems.length} problem(s):`);
  for (const problem of problems) console.error(`- ${problem}`);
}
process.exit(failed || problems.length > 0 ? 1 : 0);
