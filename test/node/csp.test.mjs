/* global window, document -- page.evaluate() callbacks run in the browser */
// The golden path on a page served with a strict Content Security Policy and Trusted Types:
// the demo is built for production, served with the header, and driven in Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, executablePath } from '../../scripts/chromium.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const site = join(root, '.csp-demo');
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; require-trusted-types-for 'script'";
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

test('golden path under script-src/style-src self and Trusted Types: zero violations, zero errors', async () => {
  execFileSync('npx', ['vite', 'build', '-c', 'vite.demo.config.ts'], { cwd: root, stdio: 'inherit' });
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    const file = join(site, path === '/' ? 'index.html' : path);
    if (!file.startsWith(site) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'content-security-policy': CSP });
    res.end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  const problems = [];
  try {
    const page = await browser.newPage();
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    // Injected by the browser itself, not by the page: allowed under the policy.
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    // Prove the policy is on and violations are seen: an inline style attribute must be reported.
    await page.evaluate(() => document.body.setAttribute('style', 'color: red'));
    await page.waitForFunction(() => window.__violations.length > 0);
    await page.evaluate(() => {
      document.body.removeAttribute('style');
      window.__violations = [];
    });
    problems.length = 0;
    const accept = page.locator('cc-conversation-notification').getByRole('button', { name: 'Accept' });
    await accept.click({ timeout: 15_000 });
    const composer = page.locator('cc-communication-panel').getByRole('textbox', { name: 'Message' });
    await composer.fill('Checking under a strict CSP *now*');
    await composer.press('Enter');
    await page.locator('cc-communication-panel cc-transcript').getByText('Checking under a strict CSP').waitFor({ timeout: 5000 });
    // The lazy emoji picker (its chunk, its constructed style sheet, its templates) and reply-to under the same policy.
    await page.locator('cc-communication-panel').getByRole('button', { name: 'Insert emoji' }).click();
    await page.locator('cc-communication-panel').getByRole('button', { name: 'red heart love' }).click();
    await page.locator('cc-communication-panel cc-transcript').getByRole('button', { name: /^Reply to/ }).first().click();
    await composer.press('Enter');
    await page.locator('cc-communication-panel cc-transcript').getByText('❤️').waitFor({ timeout: 5000 });
    const violations = await page.evaluate(() => window.__violations);
    assert.deepEqual(violations, [], 'CSP violations');
    assert.deepEqual(problems, [], 'console errors');
  } finally {
    await browser.close();
    server.close();
  }
});
