// The communication panel: first frame, append, DOM size.
import { chromium } from 'playwright-core';
import { chromiumArgs, executablePath } from '../../scripts/chromium.mjs';

/** @param {import('./context.mjs').BenchContext} ctx */
export async function run({ url, errors, fmt }) {
  const browser = await chromium.launch({
    executablePath,
    args: chromiumArgs,
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(url);
    await page.waitForFunction(() => window.benchResults || window.benchError, null, { timeout: 240_000 });
    const error = await page.evaluate(() => window.benchError);
    if (error) throw new Error(error);
    const rows = await page.evaluate(() => window.benchResults);
    console.log('\nCommunication panel, Chromium headless, 720×600 panel, production build\n');
    console.log('| messages | first frame ms | append p50 ms | append p95 ms | append max ms | DOM elements | newest visible |');
    console.log('|---:|---:|---:|---:|---:|---:|:---:|');
    for (const r of rows) {
      console.log(`| ${r.messages.toLocaleString('en')} | ${fmt(r.firstFrameMs)} | ${fmt(r.appendP50Ms)} | ${fmt(r.appendP95Ms)} | ${fmt(r.appendMaxMs)} | ${r.domElements} | ${r.newestVisible ? 'yes' : 'NO'} |`);
    }
    console.log('\nTargets: first frame ≤ 50 ms, append ≤ 16 ms with the new message fully visible, DOM size independent of length.');
  } finally {
    await browser.close();
  }
}
