// `npm run demo:bridge`: the whole real Messenger path on this machine, without Facebook.
//
//   scripted customers ──signed webhooks──▶ bridge (server/, demo mode) ◀──WebSocketTransport── demo CRM page
//                      ◀──── fake Graph API (records every Send API call) ◀──────┘
//
// The bridge runs in demo mode with the fake Graph API (server/dev/fake-graph.ts); customers arrive
// on their own and answer the agent's replies. The demo page opens with `?bridge=<socket URL>`, so it
// talks to the bridge through WebSocketTransport instead of the simulator.
//
// Usage: npm run demo:bridge [-- --check]
//   --check   drive the page in headless Chromium (an offer appears, accept, a customer message
//             arrives, the agent's reply reaches the fake Graph API), then exit 0 or 1.
// Environment: BRIDGE_PORT (default 8787), DEMO_PORT (the page, default 5174), CUSTOMER_EVERY_MS
// (default 45000), DATA_DIR (keep the bridge's data across restarts; default memory).
import { mkdir } from 'node:fs/promises';
import { tsImport } from 'tsx/esm/api';
import { createServer } from 'vite';

const check = process.argv.includes('--check');
const bridgePort = Number(process.env.BRIDGE_PORT ?? (check ? 0 : 8787));
const pagePort = Number(process.env.DEMO_PORT ?? 5174);
const customerEvery = Number(process.env.CUSTOMER_EVERY_MS ?? 45_000);
const quiet = { info() {}, warn: console.warn, error: console.error };

const { startBridge } = await tsImport('../server/src/index.ts', import.meta.url);
const { createFakeGraph } = await tsImport('../server/dev/fake-graph.ts', import.meta.url);

const graph = await createFakeGraph();
const bridge = await startBridge({
  dev: true,
  port: bridgePort,
  fakeGraph: graph,
  graphApiUrl: graph.url,
  dataDir: process.env.DATA_DIR || undefined,
  log: check ? quiet : console,
});

// ---- scripted customers: each opens with a question and answers every reply of the agent ----

const SCRIPTS = [
  {
    name: 'Maja Nowak',
    lines: [
      'Hi! My parcel 48213 has been stuck in Poznań for three days.',
      'It was due on Monday, and the tracking page has not moved since.',
      'Could you send it by courier to my office instead?',
      'Perfect, thank you for the help!',
    ],
  },
  {
    name: 'Tom Fischer',
    lines: [
      'Hello, invoice 2025/05/114 shows the wrong VAT rate.',
      'It says 23 %, but our contract says 8 %.',
      'Great, I will wait for the corrected one.',
    ],
  },
  {
    name: 'Zofia Wójcik',
    lines: [
      'Dzień dobry, chciałabym zamówić odbiór zwrotnych palet.',
      'Chodzi o 12 palet z magazynu w Gdańsku.',
      'Dziękuję, to wszystko.',
    ],
  },
];

/** @type {Map<string, { customer: import('../server/dev/customer.ts').ScriptedCustomer, lines: string[], next: number }>} */
const customers = new Map();
let arrivals = 0;

/** Customers who arrive on their own; more wait in the queue than an agent can take. */
const MAX_ARRIVALS = 12;

async function customerArrives() {
  if (arrivals >= MAX_ARRIVALS) return;
  const script = SCRIPTS[arrivals % SCRIPTS.length];
  arrivals += 1;
  const customer = graph.customer(undefined, script.name);
  customers.set(customer.psid, { customer, lines: script.lines, next: 1 });
  await customer.says(script.lines[0]);
  if (!check) console.info(`[customer] ${script.name} writes: ${script.lines[0]}`);
}

// What the bridge sent through the fake Send API: the customer reads it and answers.
let seen = 0;
const watcher = setInterval(() => {
  for (; seen < graph.calls.length; seen++) {
    const call = graph.calls[seen];
    const recipient = call.body.recipient?.id;
    const message = call.body.message;
    if (!message || !call.answer.message_id) continue;
    if (!check) console.info(`[fake Graph] Send API → ${recipient}: ${message.text ?? `(${message.attachment?.type ?? 'attachment'})`}`);
    const who = customers.get(recipient);
    if (!who) continue;
    setTimeout(() => {
      void (async () => {
        await who.customer.delivered(Date.now(), [call.answer.message_id]);
        await who.customer.reads(Date.now());
        const line = who.lines[who.next];
        if (line === undefined) return;
        who.next += 1;
        await who.customer.says(line);
      })().catch((error) => console.error('[customer] could not write:', error));
    }, 1200);
  }
}, 250);

await customerArrives();
const arrivalsTimer = setInterval(() => void customerArrives().catch((error) => console.error('[customer] could not arrive:', error)), customerEvery);

// ---- the demo page, served by Vite as `npm start` does, on its own port ----

const vite = await createServer({
  configFile: new URL('../vite.config.ts', import.meta.url).pathname,
  server: { port: pagePort, strictPort: true },
  logLevel: check ? 'warn' : 'info',
});
await vite.listen();
const pageUrl = `http://127.0.0.1:${pagePort}/?bridge=${bridge.url}`;

async function stop(code = 0) {
  clearInterval(watcher);
  clearInterval(arrivalsTimer);
  await vite.close();
  await bridge.close();
  await graph.close();
  process.exit(code);
}

if (check) {
  const ok = await drive(pageUrl).catch((error) => {
    console.error(`demo:bridge check failed: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  });
  await stop(ok ? 0 : 1);
} else {
  console.info(`
  The real path, locally:
    demo CRM page   ${pageUrl}
    bridge          ${bridge.httpUrl}  (webhook ${bridge.httpUrl}/webhook, agents ${bridge.url})
    fake Graph API  ${graph.url}  (Send API calls: ${bridge.httpUrl}/dev/graph-calls)
  A customer is waiting; another arrives every ${Math.round(customerEvery / 1000)} s (${MAX_ARRIVALS} in all).
  One more now: curl -X POST ${bridge.httpUrl}/dev/customer -H 'content-type: application/json' -d '{"text":"Hi!"}'
  Ctrl+C stops everything.
`);
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

/** Plays the agent in headless Chromium; true when every step worked and the page logged no error. */
async function drive(url) {
  const { chromium } = await import('playwright-core');
  const { chromiumArgs, executablePath } = await import('./chromium.mjs');
  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  const problems = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await page.goto(url, { waitUntil: 'load' });
    await page.evaluate(() => localStorage.clear());

    const accept = page.locator('cc-conversation-notification').getByRole('button', { name: 'Accept' });
    await accept.waitFor({ state: 'visible', timeout: 30_000 });
    console.info('ok   an offer appears');
    await accept.click();

    const panel = page.locator('cc-communication-panel');
    const [first, second] = SCRIPTS[0].lines;
    await panel.getByText(first).first().waitFor({ timeout: 10_000 });
    console.info('ok   accepted: the customer’s first message is in the transcript');

    const reply = `We are on it: parcel 48213 goes out by courier today (${Date.now().toString(36)}).`;
    const composer = panel.getByRole('textbox').first();
    await composer.click();
    await composer.fill(reply);
    await composer.press('Enter');
    const until = Date.now() + 10_000;
    let call;
    while (!(call = graph.calls.find((c) => c.body.message?.text === reply && c.answer.message_id))) {
      if (Date.now() > until) throw new Error('the agent’s reply never reached the fake Graph API');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    console.info(`ok   the reply reached the fake Graph API (messaging_type ${call.body.messaging_type}, recipient ${call.body.recipient.id})`);
    // The customer reads what the page sent and writes again, through a signed webhook.
    await panel.getByText(second).first().waitFor({ timeout: 10_000 });
    console.info('ok   the customer’s answer arrives over the socket');
    await mkdir(new URL('../bench/out/', import.meta.url), { recursive: true });
    await page.screenshot({ path: new URL('../bench/out/demo-bridge.png', import.meta.url).pathname });
    console.info('saved bench/out/demo-bridge.png');
  } finally {
    await browser.close();
  }
  for (const problem of problems) console.error(problem);
  return problems.length === 0;
}
