// Headless Chromium for the bench pages: launching it, collecting a page's errors, and reading the
// results a page sets on `window` — what the panel, rich-text, search and peer sections share.
import { chromium } from 'playwright-core';
import { chromiumArgs, executablePath } from '../../scripts/chromium.mjs';

/** A headless Chromium with the project's arguments, plus `extra`. */
export function launch(extra = []) {
  return chromium.launch({ executablePath, args: [...chromiumArgs, ...extra] });
}

/**
 * Page errors and console errors of `page` go to `errors`.
 * @param {import('playwright-core').Page} page
 * @param {string[]} errors
 */
export function collectErrors(page, errors) {
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
}

/**
 * Waits until the page sets `window[resultsKey]` (or `window.benchError`, thrown) and returns it.
 * @param {import('playwright-core').Page} page
 * @param {string} resultsKey
 */
export async function readResults(page, resultsKey, { timeout = 240_000, polling = undefined } = {}) {
  await page.waitForFunction((key) => window[key] || window.benchError, resultsKey, { timeout, ...(polling ? { polling } : {}) });
  const error = await page.evaluate(() => window.benchError);
  if (error) throw new Error(error);
  return await page.evaluate((key) => window[key], resultsKey);
}

/**
 * Opens `pageUrl` in a Chromium of its own and returns what it sets on `window[resultsKey]`.
 * @param {string} pageUrl
 * @param {string} resultsKey
 * @param {string[]} errors
 */
export async function pageResults(pageUrl, resultsKey, errors) {
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    collectErrors(page, errors);
    await page.goto(pageUrl);
    return await readResults(page, resultsKey);
  } finally {
    await browser.close();
  }
}
