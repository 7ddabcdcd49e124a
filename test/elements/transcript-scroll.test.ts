import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Message } from '../../src/core/model.js';
import '../../src/elements/transcript/define.js';
import type { CcTranscript } from '../../src/elements/transcript/transcript.js';

const LINES = [
  'Hi!',
  'Where is my parcel? It was supposed to arrive on Monday and the tracking page has not changed since.',
  'Let me check that for you, one moment please.',
  'I have passed this to our claims team; they will email you within 3 working days. '.repeat(3),
  'Thanks 👍',
];

/** `count` messages of varied length (most rows differ from the transcript's estimate), oldest first. */
function history(count: number, prefix = 'm'): Message[] {
  const start = Date.UTC(2026, 0, 1);
  return Array.from({ length: count }, (_, i) => ({
    id: `${prefix}-${i}`,
    conversationId: 'conversation-1',
    author: i % 3 === 0 ? 'agent' : 'customer',
    kind: 'text',
    text: `${i}: ${LINES[(i * 7) % LINES.length]}`,
    at: start + i * 1000,
    ...(i % 3 === 0 ? { status: 'read' as const } : {}),
  }));
}

const nextFrame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));
const scrollerOf = (t: CcTranscript): HTMLElement => t.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
const rowsOf = (t: CcTranscript): HTMLElement[] => [...t.shadowRoot!.querySelectorAll<HTMLElement>('.row')];

/** Reads `read` every frame until it gives the same answer three frames running (layout has settled). */
async function steady<T>(read: () => T, message: string): Promise<T> {
  let last = JSON.stringify(read());
  let runs = 0;
  for (let frame = 0; frame < 300; frame++) {
    await nextFrame();
    const now = JSON.stringify(read());
    runs = now === last ? runs + 1 : 0;
    last = now;
    if (runs >= 3) return read();
  }
  throw new Error(message);
}

/** The row at the top edge of the view, and how far (px) the view's top lies below the row's top. */
function topOfView(t: CcTranscript): { key: string; offset: number } | undefined {
  const top = scrollerOf(t).getBoundingClientRect().top;
  for (const row of rowsOf(t)) {
    const box = row.getBoundingClientRect();
    if (box.bottom > top) return { key: row.dataset['key']!, offset: Math.round(top - box.top) };
  }
  return undefined;
}

/** Rendered rows reach from above the view's top to below its bottom, with no gap between them. */
function viewCovered(t: CcTranscript): boolean {
  const view = scrollerOf(t).getBoundingClientRect();
  const boxes = rowsOf(t).map((r) => r.getBoundingClientRect());
  if (boxes.length === 0 || boxes[0]!.top > view.top + 1 || boxes[boxes.length - 1]!.bottom < view.bottom - 1) return false;
  return boxes.every((box, i) => i === 0 || Math.abs(box.top - boxes[i - 1]!.bottom) < 1);
}

function newestInView(t: CcTranscript): boolean {
  const rows = rowsOf(t);
  const last = rows[rows.length - 1];
  if (!last || Number(last.dataset['index']) !== t.messages.length - 1) return false;
  const box = last.getBoundingClientRect();
  const view = scrollerOf(t).getBoundingClientRect();
  return box.bottom <= view.bottom + 1 && box.top >= view.top - 1;
}

describe('cc-transcript scrolling a long history', () => {
  it('leaves the scroll position where the reader put it while the rows coming into view are measured', async () => {
    const el = await fixture<CcTranscript>(html`<cc-transcript style="height: 300px" .messages=${history(3000)}></cc-transcript>`);
    await waitUntil(() => newestInView(el), 'the newest message is not in view');
    const scroller = scrollerOf(el);
    for (let step = 0; step < 12; step++) {
      const wanted = scroller.scrollTop - 700;
      scroller.scrollTop = wanted;
      await steady(() => [scroller.scrollTop, rowsOf(el).length, topOfView(el)], 'the view did not settle');
      // Rows above the view were rendered and measured (most differ from the estimate), yet nothing
      // rewrote the scroll position: a wheel or touch scroll in progress carries on undisturbed.
      expect(Math.abs(scroller.scrollTop - wanted)).to.be.below(1);
      expect(viewCovered(el), `rows cover the view after step ${step}`).to.equal(true);
    }
    expect(el.atLatest).to.equal(false);
  });

  it('keeps the message at the top of the view when the rows above it change height', async () => {
    const messages = history(2000);
    const el = await fixture<CcTranscript>(html`<cc-transcript style="height: 300px; width: 600px" .messages=${messages}></cc-transcript>`);
    await waitUntil(() => newestInView(el), 'the newest message is not in view');
    scrollerOf(el).scrollTop -= 2500;
    const before = await steady(() => topOfView(el), 'the view did not settle');
    // Narrower: every row rewraps, those above the view included.
    el.style.width = '380px';
    const after = await steady(() => topOfView(el), 'the view did not settle after the resize');
    expect(after!.key).to.equal(before!.key);
    expect(viewCovered(el)).to.equal(true);
  });

  it('reaches the very first message of a history taller than a browser lays out, and opens at the newest', async () => {
    // 300,000 rows are about 18 million pixels, more than a browser lays out in one scroller.
    const messages = history(300_000);
    const el = await fixture<CcTranscript>(html`<cc-transcript style="height: 300px" .messages=${messages}></cc-transcript>`);
    await waitUntil(() => newestInView(el), 'the newest message is not in view');
    const scroller = scrollerOf(el);
    expect(scroller.scrollHeight).to.be.below(17_000_000);
    // The reader drags to the top, again each time more history is found above.
    for (let tries = 0; tries < 50 && topOfView(el)?.key !== 'm-0'; tries++) {
      scroller.scrollTop = 0;
      await steady(() => [scroller.scrollTop, topOfView(el)], 'the view did not settle');
    }
    expect(topOfView(el)).to.deep.equal({ key: 'm-0', offset: 0 });
    expect(viewCovered(el)).to.equal(true);
    // At the top too, the spacer below stays within what a browser lays out.
    expect(scroller.scrollHeight).to.be.below(17_000_000);
    // And back to the newest: it is fully in view, and an appended message keeps it there.
    el.scrollToLatest();
    await waitUntil(() => newestInView(el), 'the newest message is not in view again');
    el.messages = [...messages, { ...messages[0]!, id: 'new-1', text: 'One more thing', at: messages[messages.length - 1]!.at + 1000 }];
    await waitUntil(() => newestInView(el) && rowsOf(el).at(-1)!.dataset['key'] === 'new-1', 'the appended message is not in view');
  });

  it('pages up with the keyboard from the newest message through rows not yet measured', async () => {
    const el = await fixture<CcTranscript>(html`<cc-transcript style="height: 300px" .messages=${history(3000)}></cc-transcript>`);
    await waitUntil(() => newestInView(el), 'the newest message is not in view');
    const scroller = scrollerOf(el);
    scroller.focus();
    const start = scroller.scrollTop;
    for (let i = 0; i < 10; i++) {
      await sendKeys({ press: 'PageUp' });
      await steady(() => [scroller.scrollTop, topOfView(el)], 'the view did not settle');
    }
    // Each press moves most of a view up; none of it is lost to rows measured on the way.
    expect(start - scroller.scrollTop).to.be.above(10 * scroller.clientHeight * 0.75);
    expect(viewCovered(el)).to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal(scroller);
  });
});
