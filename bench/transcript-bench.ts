/**
 * Runs in Chromium (production build). Measures the communication panel on a simulated
 * conversation of N messages: first frame, append-until-visible, DOM size. Results go to
 * `window.benchResults` for bench/run.mjs to print.
 */
import { createDesk } from '../src/core/desk/desk.js';
import { SimulatedTransport } from '../src/transports/simulated/index.js';
import '../src/elements/agent-desk/define.js';
import '../src/elements/communication-panel/define.js';
// Its transcript and picker registered up front, as a page that loaded them while idle has them: the
// first frame measures rendering, not fetching a chunk.
import '../src/elements/communication-panel/parts.js';
import type { CcCommunicationPanel } from '../src/elements/communication-panel/communication-panel.js';
import type { CcTranscript } from '../src/elements/transcript/transcript.js';
import { afterPaint, nextFrame } from './frames.js';

interface Row {
  messages: number;
  firstFrameMs: number;
  appendP50Ms: number;
  appendP95Ms: number;
  appendMaxMs: number;
  domElements: number;
  newestVisible: boolean;
}


const idle = () => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 1000 }));
const settle = async () => {
  await new Promise((resolve) => setTimeout(resolve, 100));
  for (let i = 0; i < 5; i++) await idle();
};

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

function lastRowVisible(transcript: CcTranscript, key?: string): boolean {
  const root = transcript.shadowRoot!;
  const scroller = root.querySelector('.scroller')!;
  const rows = root.querySelectorAll<HTMLElement>('.row');
  const last = rows[rows.length - 1];
  if (!last || (key && last.dataset['key'] !== key)) return false;
  const view = scroller.getBoundingClientRect();
  const rect = last.getBoundingClientRect();
  return rect.top >= view.top - 0.5 && rect.bottom <= view.bottom + 0.5;
}

async function measure(count: number): Promise<Row> {
  const stage = document.getElementById('stage')!;
  stage.replaceChildren();
  const transport = new SimulatedTransport({ seed: 42 });
  const desk = createDesk({ transport, storage: 'memory' });
  await desk.connect();
  const conversation = transport.startConversation({ locale: 'pl' });
  transport.seedTranscript(conversation.id, count);
  desk.setActive(conversation.id);
  // The panel is measured, not the seeding: let the desk finish its background writes first.
  await settle();

  const panel = document.createElement('cc-communication-panel') as CcCommunicationPanel;
  panel.desk = desk;
  const start = performance.now();
  stage.append(panel);
  await panel.updateComplete;
  const transcript = panel.shadowRoot!.querySelector('cc-transcript') as CcTranscript;
  await transcript.updateComplete;
  const firstFrame = (await afterPaint()) - start;
  const newestVisible = lastRowVisible(transcript);

  const appendTimes: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now();
    const message = transport.customerSays(conversation.id, `Nowa wiadomość ${i}: czy zamówienie już wyszło? ${'tekst '.repeat(i % 7)}`);
    // Visible = the new row is laid out fully inside the scroller; checked as soon as Lit has rendered.
    await panel.updateComplete;
    await transcript.updateComplete;
    while (!lastRowVisible(transcript, message.id)) {
      await nextFrame();
      if (performance.now() - t0 > 2000) throw new Error(`message ${i} never became visible`);
    }
    appendTimes.push(performance.now() - t0);
    await afterPaint();
    await idle();
  }
  const domElements = transcript.shadowRoot!.querySelectorAll('*').length + panel.shadowRoot!.querySelectorAll('*').length;
  desk.dispose();
  return {
    messages: desk.messages(conversation.id).get().length,
    firstFrameMs: firstFrame,
    appendP50Ms: percentile(appendTimes, 50),
    appendP95Ms: percentile(appendTimes, 95),
    appendMaxMs: Math.max(...appendTimes),
    domElements,
    newestVisible,
  };
}

async function run(): Promise<void> {
  const results: Row[] = [];
  await measure(1000); // warm-up: JIT and style caches, not reported
  for (const count of [10_000, 100_000]) results.push(await measure(count));
  (window as unknown as { benchResults: Row[] }).benchResults = results;
}

run().catch((error: unknown) => {
  (window as unknown as { benchError: string }).benchError = String((error as Error)?.stack ?? error);
});
