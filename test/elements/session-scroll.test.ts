import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Desk } from '../../src/core/desk/desk.js';
import type { Message } from '../../src/core/model.js';
import '../../src/elements/agent-desk/define.js';
import '../../src/elements/communication-panel/define.js';
import '../../src/elements/transcript/define.js';
import type { CcCommunicationPanel } from '../../src/elements/communication-panel/communication-panel.js';
import type { CcTranscript } from '../../src/elements/transcript/transcript.js';
import type { SimulatedTransport } from '../../src/transports/simulated/index.js';
import { simDesk } from '../harness.js';

const HISTORY = 200;

/** Offers a conversation and accepts it: it opens as a session in front. */
async function acceptFrom(desk: Desk, transport: SimulatedTransport, name: string): Promise<string> {
  const offer = transport.offer({ locale: 'en', customer: { name }, firstMessage: `Hello from ${name}` });
  await waitUntil(() => desk.$offers.get().some((o) => o.id === offer.id), 'offer not shown');
  return (await desk.accept(offer.id)).id;
}

const nextFrame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));

/** Reads `read` every frame until it gives the same answer three frames running (layout has settled). */
async function steady<T>(read: () => T, same: (a: T, b: T) => boolean, message: string): Promise<T> {
  let last = read();
  let runs = 0;
  for (let frame = 0; frame < 300; frame++) {
    await nextFrame();
    const now = read();
    runs = same(last, now) ? runs + 1 : 0;
    last = now;
    if (runs >= 3) return now;
  }
  throw new Error(message);
}

const scrollerOf = (t: CcTranscript): HTMLElement => t.shadowRoot!.querySelector<HTMLElement>('.scroller')!;

/** The row at the top edge of the view, and how far (px) the view's top lies below the row's top. */
function topOfView(t: CcTranscript): { key: string; offset: number } | undefined {
  const top = scrollerOf(t).getBoundingClientRect().top;
  for (const row of t.shadowRoot!.querySelectorAll<HTMLElement>('.row')) {
    const box = row.getBoundingClientRect();
    if (box.bottom > top) return { key: row.dataset['key']!, offset: top - box.top };
  }
  return undefined;
}

/** How far (px) the view's top lies below the top of the row of this message; undefined when it is not rendered. */
function placeOf(t: CcTranscript, key: string): number | undefined {
  const row = [...t.shadowRoot!.querySelectorAll<HTMLElement>('.row')].find((r) => r.dataset['key'] === key);
  return row ? scrollerOf(t).getBoundingClientRect().top - row.getBoundingClientRect().top : undefined;
}

const sameTop = (a: ReturnType<typeof topOfView>, b: ReturnType<typeof topOfView>): boolean =>
  a !== undefined && b !== undefined && a.key === b.key && Math.abs(a.offset - b.offset) < 1;

/** The newest row is rendered and fully inside the view. */
function newestInView(t: CcTranscript): boolean {
  const rows = t.shadowRoot!.querySelectorAll<HTMLElement>('.row');
  const last = rows[rows.length - 1];
  if (!last || Number(last.dataset['index']) !== t.messages.length - 1) return false;
  const box = last.getBoundingClientRect();
  const view = scrollerOf(t).getBoundingClientRect();
  return box.bottom <= view.bottom + 1 && box.top >= view.top - 1;
}

const scrollOf = (desk: Desk, id: string) => desk.sessions.$sessions.get().find((s) => s.conversationId === id)?.scroll;

async function setup(): Promise<{ desk: Desk; transport: SimulatedTransport; panel: CcCommunicationPanel; ids: string[] }> {
  const { desk, transport } = await simDesk();
  const ids = [await acceptFrom(desk, transport, 'Anna Nowak'), await acceptFrom(desk, transport, 'Jan Kowalski')];
  for (const id of ids) transport.seedTranscript(id, HISTORY);
  await waitUntil(() => ids.every((id) => desk.messages(id).get().length > HISTORY), 'history not loaded');
  const wrapper = await fixture<HTMLElement>(html`
    <cc-agent-desk .desk=${desk} lang="en">
      <cc-communication-panel style="height: 500px; display: flex"></cc-communication-panel>
    </cc-agent-desk>
  `);
  const panel = wrapper.querySelector('cc-communication-panel')!;
  await panel.updateComplete;
  return { desk, transport, panel, ids };
}

const transcriptOf = (panel: CcCommunicationPanel): CcTranscript => panel.shadowRoot!.querySelector('cc-transcript')!;

/** Brings a session to the front and waits until the panel's transcript shows its messages. */
async function show(desk: Desk, panel: CcCommunicationPanel, id: string): Promise<CcTranscript> {
  desk.sessions.focus(id);
  await waitUntil(() => transcriptOf(panel)?.messages[0]?.conversationId === id, `session ${id} not shown`);
  const transcript = transcriptOf(panel);
  await transcript.updateComplete;
  return transcript;
}

describe('session scroll position (F13)', () => {
  it('switching sessions and back keeps the message that was at the top of the view', async () => {
    const { desk, panel, ids } = await setup();
    const [anna, jan] = ids as [string, string];
    let transcript = await show(desk, panel, anna);
    await waitUntil(() => newestInView(transcript), 'Anna’s transcript does not open at the newest message');

    // The agent scrolls up into the history.
    const scroller = scrollerOf(transcript);
    scroller.scrollTop = Math.round(scroller.scrollHeight / 2);
    await waitUntil(() => !transcript.atLatest, 'scrolling up did not leave the newest message');
    const before = await steady(() => topOfView(transcript), sameTop, 'Anna’s view does not settle');
    expect(before, 'no row at the top of the view').to.not.equal(undefined);
    expect(transcript.scrollPosition?.messageId).to.equal(before!.key);

    transcript = await show(desk, panel, jan);
    expect(scrollOf(desk, anna)?.messageId, 'Anna’s place was not remembered').to.equal(before!.key);
    await waitUntil(() => newestInView(transcript), 'Jan’s transcript is not at the newest message');
    expect(transcript.atLatest).to.equal(true);
    expect(transcript.scrollPosition).to.equal(undefined);

    transcript = await show(desk, panel, anna);
    const near = (): boolean => {
      const place = placeOf(transcript, before!.key);
      return place !== undefined && Math.abs(place - before!.offset) <= 3;
    };
    await waitUntil(near, 'Anna’s transcript did not come back to the same message');
    await steady(() => topOfView(transcript), sameTop, 'Anna’s view does not settle after switching back');
    expect(near(), 'the message moved after switching back').to.equal(true);
    expect(transcript.atLatest).to.equal(false);
  });

  it('a session left at the newest message stays there, and new messages keep it there', async () => {
    const { desk, transport, panel, ids } = await setup();
    const [anna, jan] = ids as [string, string];
    let transcript = await show(desk, panel, jan);
    await waitUntil(() => newestInView(transcript), 'Jan’s transcript does not open at the newest message');

    transcript = await show(desk, panel, anna);
    expect(scrollOf(desk, jan)).to.equal(undefined);
    const scroller = scrollerOf(transcript);
    scroller.scrollTop = 0;
    await waitUntil(() => !transcript.atLatest, 'scrolling to the top did not leave the newest message');
    await steady(() => topOfView(transcript), sameTop, 'Anna’s view does not settle');

    transport.customerSays(jan, 'Still there?');
    transcript = await show(desk, panel, jan);
    await waitUntil(() => newestInView(transcript), 'Jan’s transcript did not come back to the newest message');
    expect(transcript.atLatest).to.equal(true);
    expect(transcript.scrollPosition).to.equal(undefined);
    const last = transcript.shadowRoot!.querySelectorAll('.row');
    expect(last[last.length - 1]!.textContent).to.contain('Still there?');
    expect(scrollOf(desk, anna), 'Anna’s place was not remembered').to.not.equal(undefined);
  });
});

describe('<cc-transcript> scrollPosition and restoreScroll', () => {
  const messages: Message[] = Array.from({ length: 120 }, (_, i) => ({
    id: `m-${i}`,
    conversationId: 'conversation-1',
    author: i % 2 === 0 ? 'customer' : 'agent',
    kind: 'text',
    text: `Line ${i}`,
    at: Date.UTC(2024, 0, 1) + i * 10 * 60_000,
  }));

  async function transcript(): Promise<CcTranscript> {
    const el = await fixture<CcTranscript>(html`<cc-transcript style="height: 300px" .messages=${messages}></cc-transcript>`);
    await waitUntil(() => newestInView(el), 'does not open at the newest message');
    return el;
  }

  it('has no position while pinned to the newest message', async () => {
    const el = await transcript();
    expect(el.scrollPosition).to.equal(undefined);
  });

  it('puts the given message at the top of the view, that many pixels into it, and reports it back', async () => {
    const el = await transcript();
    el.restoreScroll({ messageId: 'm-40', offset: 10 });
    await waitUntil(() => Math.abs((placeOf(el, 'm-40') ?? 99) - 10) <= 2, 'm-40 is not 10px into the top of the view');
    expect(el.atLatest).to.equal(false);
    const position = el.scrollPosition!;
    expect(position.messageId).to.equal('m-40');
    expect(Math.abs(position.offset - 10)).to.be.at.most(2);
  });

  it('pins to the newest message for undefined or a message it does not hold', async () => {
    const el = await transcript();
    el.restoreScroll({ messageId: 'm-10', offset: 0 });
    await waitUntil(() => Math.abs(placeOf(el, 'm-10') ?? 99) <= 2, 'm-10 is not at the top of the view');
    el.restoreScroll({ messageId: 'no-such-message', offset: 0 });
    await waitUntil(() => newestInView(el), 'an unknown message did not pin the view to the newest one');
    expect(el.atLatest).to.equal(true);
    expect(el.scrollPosition).to.equal(undefined);

    el.restoreScroll({ messageId: 'm-10', offset: 0 });
    await waitUntil(() => Math.abs(placeOf(el, 'm-10') ?? 99) <= 2, 'm-10 is not at the top of the view');
    el.restoreScroll(undefined);
    await waitUntil(() => newestInView(el), 'undefined did not pin the view to the newest one');
    expect(el.scrollPosition).to.equal(undefined);
  });
});
