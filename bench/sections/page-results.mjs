// One bench page in a headless Chromium of its own: what the panel and rich-text sections share.
import { chromium } from 'playwright-core';
import { chromiumArgs, executablePath } from '../../scripts/chromium.mjs';

/**
 * Opens `pageUrl`, waits until the page sets `window[resultsKey]` (or `window.benchError`, thrown) and
 * returns it. Page errors and console errors go to `errors`.
 * @param {string} pageUrl
 * @param {string} resultsKey
 * @param {string[]} errors
 */
export async function pageResults(pageUrl, resultsKey, errors) {
  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(pageUrl);
    await page.waitForFunction((key) => window[key] || window.benchError, resultsKey, { timeout: 240_000 });
    const error = await page.evaluate(() => window.benchError);
    if (error) throw new Error(error);
    return await page.evaluate((key) => window[key], resultsKey);
  } finally {
    await browser.close();
  }
}
