// Drives the demo page (npm start) like an agent and saves what it looks like at each step: an offer,
// a conversation, then a workday — three sessions, the status by hand and back, a conversation on
// hold and reopened from My work, a wrap-up whose Close waits for a disposition code, a pick from the
// open queue, the shortcut help, Polish, a laptop window and a phone; then a small phone (360 × 640)
// where the offer and, once accepted, the composer are in view without scrolling.
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

/**
 * Records `page`'s console errors and uncaught errors in `problems` (each starting with `where`), and
 * serves the demo under the CSP. Others edit the sources while this runs; a Vite hot reload mid-run
 * would reset the page and the screenshots, so Vite's HMR socket is answered here, not by the server.
 */
async function watchAndServe(page, where = '') {
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${where}console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`${where}page error: ${error.stack ?? error.message}`));
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
}

try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await watchAndServe(page);
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  let loads = 0;
  page.on('load', () => {
    loads += 1;
  });

  await page.goto(url, { waitUntil: 'load' });
  // Start in English whatever an earlier run chose (the demo remembers the language).
  await page.evaluate(() => localStorage.clear());
  await page.reload({ waitUntil: 'load' });
  const loadsBeforeRun = loads;

  const shot = async (name, options = {}) => {
    await page.screenshot({ path: out(name), ...options });
    console.log(`saved bench/out/${name}`);
  };
  const expect = async (what, check, timeout = 10_000) => {
    const until = Date.now() + timeout;
    while (!(await check())) {
      if (Date.now() > until) throw new Error(`timed out: ${what}`);
      await page.waitForTimeout(100);
    }
  };

  const notification = page.locator('cc-conversation-notification');
  const accept = notification.getByRole('button', { name: 'Accept' });
  const panel = page.locator('cc-communication-panel');
  const tabs = page.locator('cc-session-tabs [role="tab"]');
  const presence = page.locator('cc-presence-picker');
  const presenceButton = presence.locator('[part="button"]');
  const presenceText = () => presenceButton.textContent().then((text) => text?.replace(/\s+/g, ' ').trim() ?? '');
  const workItems = page.locator('cc-work-items');
  const openRows = workItems.locator('[part="open"] tbody tr');

  await accept.waitFor({ state: 'visible', timeout: 30_000 });
  await shot('demo-offer.png');

  await accept.click();
  const composer = panel.getByRole('textbox').first();
  await composer.waitFor({ state: 'visible', timeout: 10_000 });
  // Let the scripted customer type and send a few messages.
  await page.waitForTimeout(6_000);
  await composer.click();
  await composer.pressSequentially('Hello! Let me check the status of your order.', { delay: 15 });
  await composer.press('Enter');
  await page.waitForTimeout(1_500);
  await shot('demo-conversation.png');

  // ---- the workday: two more customers arrive (one every ~9 s) and are accepted ----
  for (const count of [2, 3]) {
    await accept.waitFor({ state: 'visible', timeout: 30_000 });
    await accept.click();
    await expect(`${count} session tabs`, async () => (await tabs.count()) === count);
  }
  await page.waitForTimeout(800);
  await expect('presence Busy', async () => (await presenceText()).includes('Busy'));
  const capacityLine = await presence.locator('[part="capacity"]').textContent();
  if (!capacityLine?.includes('3 of 3')) problems.push(`capacity line should read 3 of 3: ${JSON.stringify(capacityLine)}`);
  await shot('demo-day-three-sessions.png');

  // ---- presence by hand: a custom status (Lunch, an Away), then back to Available ----
  await presenceButton.click();
  await presence.locator('[part="listbox"]').waitFor({ state: 'visible' });
  await shot('demo-day-presence-menu.png');
  await presence.getByRole('option', { name: 'Lunch' }).click();
  await expect('presence Lunch', async () => (await presenceText()).includes('Lunch'));
  await page.waitForTimeout(300);
  await shot('demo-day-presence-lunch.png');
  await presenceButton.click();
  await presence.getByRole('option', { name: 'Available', exact: true }).click();
  // Available follows capacity: with every slot taken it reads Busy – Do not disturb.
  await expect('presence follows capacity again', async () =>
    (await presence.locator('[part="capacity"]').textContent())?.includes('Follows your capacity'),
  );
  await page.waitForTimeout(300);
  await shot('demo-day-presence-available.png');

  // ---- put the conversation in front on hold: Waiting on its tab and in My work ----
  const front = page.locator('cc-session-tabs [role="tab"][aria-selected="true"]');
  const heldId = await front.getAttribute('data-id');
  await panel.locator('[part="menu-button"]').click();
  await shot('demo-day-panel-menu.png');
  await panel.getByRole('menuitem', { name: 'Put on hold' }).click();
  const heldRow = workItems.locator(`[part="mine"] tr[data-id="${heldId}"]`);
  await expect('the held conversation is Waiting in My work', async () =>
    (await heldRow.getAttribute('data-state').catch(() => null)) === 'waiting',
  );
  await page.waitForTimeout(400);
  await shot('demo-day-on-hold.png');
  // Closing its tab parks it: the conversation waits in My work, the slot is free.
  // The close buttons sit in the same order as the tabs.
  await page
    .locator('cc-session-tabs [part="close"]')
    .nth(await tabs.evaluateAll((all, id) => all.findIndex((tab) => tab.dataset.id === id), heldId))
    .click();
  await expect('its tab goes', async () => (await tabs.count()) === 2);
  await page.waitForTimeout(400);
  await shot('demo-day-tab-closed.png');

  // ---- reopen it from My work ----
  await heldRow.locator('button.open-button').click();
  await expect('the session is back', async () => (await tabs.count()) === 3);
  await page.waitForTimeout(500);
  await shot('demo-day-reopened.png');

  // ---- end one: wrap-up; Close waits for a disposition code ----
  await panel.locator('[part="menu-button"]').click();
  await panel.getByRole('menuitem', { name: 'End conversation' }).click();
  const close = panel.locator('[part~="close"]');
  await close.waitFor({ state: 'visible' });
  await page.waitForTimeout(400);
  if (!(await close.isDisabled())) problems.push('Close should be blocked until a disposition code is chosen');
  await shot('demo-day-wrap-up.png');
  await panel.locator('[part="disposition"]').selectOption('resolved');
  await expect('Close enabled', async () => !(await close.isDisabled()));
  await shot('demo-day-wrap-up-chosen.png');
  await close.click();
  await page.waitForTimeout(800);
  await shot('demo-day-closed.png');

  // ---- pick one from the open queue ----
  await expect('open work items listed', async () => (await openRows.count()) > 0, 15_000);
  const openBefore = await openRows.count();
  const pick = workItems.locator('[part="pick"]').first();
  await pick.scrollIntoViewIfNeeded();
  await pick.click();
  await expect('picked from the queue', async () => (await openRows.count()) < openBefore, 15_000);
  await page.waitForTimeout(800);
  await shot('demo-day-picked.png');

  // ---- keyboard shortcuts help ----
  await page.locator('cc-shortcuts [part="open"]').click();
  const help = page.locator('cc-shortcuts [part="dialog"]');
  await help.waitFor({ state: 'visible' });
  await shot('demo-day-shortcuts.png');
  await page.keyboard.press('Escape');
  await help.waitFor({ state: 'hidden' });

  await page.getByRole('button', { name: 'Polski' }).click();
  await page.waitForTimeout(500);
  await page.locator('.record').evaluate((record) => record.scrollTo(0, 0));
  await shot('demo-pl.png');

  // A narrow laptop window: the layout must still hold together.
  await page.setViewportSize({ width: 1000, height: 700 });
  await page.waitForTimeout(300);
  await shot('demo-1000.png');

  // A phone: everything stacks; the whole page is captured.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(400);
  await shot('demo-390.png');
  await shot('demo-390-full.png', { fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 0) problems.push(`at 390 px the page scrolls sideways by ${overflow} px`);

  // A small phone, fresh (English, nothing accepted): the contact-center pane comes first, so the
  // offer card with Accept and Reject is above the fold; once accepted, the composer and Send are too.
  const phone = await browser.newPage({ viewport: { width: 360, height: 640 } });
  await watchAndServe(phone, '360 px ');
  await phone.goto(url, { waitUntil: 'load' });
  const inView = async (locator, what) => {
    const box = await locator.boundingBox();
    if (!box || box.y < 0 || box.y + box.height > 640 || box.x < 0 || box.x + box.width > 360) {
      problems.push(`at 360 × 640 ${what} is not in view without scrolling: ${JSON.stringify(box)}`);
    }
  };
  const phoneAccept = phone.locator('cc-conversation-notification').getByRole('button', { name: 'Accept' });
  await phoneAccept.waitFor({ state: 'visible', timeout: 30_000 });
  await phone.waitForTimeout(400);
  await inView(phoneAccept, 'Accept');
  await inView(phone.locator('cc-conversation-notification').getByRole('button', { name: 'Reject' }), 'Reject');
  await phone.screenshot({ path: out('demo-360-offer.png') });
  console.log('saved bench/out/demo-360-offer.png');
  await phoneAccept.click();
  const phoneComposer = phone.locator('cc-communication-panel').getByRole('textbox').first();
  await phoneComposer.waitFor({ state: 'visible', timeout: 10_000 });
  await phone.waitForTimeout(3_000);
  await inView(phoneComposer, 'the composer');
  await inView(phone.locator('cc-communication-panel').getByRole('button', { name: 'Send', exact: true }), 'Send');
  await phone.screenshot({ path: out('demo-360-conversation.png') });
  console.log('saved bench/out/demo-360-conversation.png');
  if ((await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)) > 0) problems.push('at 360 px the page scrolls sideways');
  await phone.close();

  if (loads !== loadsBeforeRun) problems.push('the page reloaded during the run: the screenshots may not show each step');
  const sent = await page.locator('#event-log').textContent();
  for (const type of ['cc-accept', 'cc-send', 'cc-presence', 'cc-transition', 'cc-work-item-open', 'cc-work-item-pick']) {
    if (!sent?.includes(type)) problems.push(`event log lacks ${type}`);
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
