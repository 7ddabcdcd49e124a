import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Desk } from '../../src/core/desk/desk.js';
import '../../src/define.js';
import type { SimulatedTransport } from '../../src/transports/simulated/index.js';
import { AGENT_SCRIPTS } from '../../src/transports/simulated/agent-scripts.js';
import { simDesk } from '../harness.js';

/**
 * Narrow and embedded layouts: every element src/define.ts registers, mounted with real content
 * in a phone-wide column (360 × 640) and in a short CRM side pane (360 × 400), stays inside its
 * box, keeps its key controls on screen and its buttons at least 24 × 24 px (WCAG 2.2 target size).
 */

type Host = HTMLElement & { updateComplete?: Promise<unknown> };

/** The tags src/define.ts registers, read from the module itself (as the host-layout test does). */
async function definedTags(): Promise<string[]> {
  const source = await (await fetch('/src/define.ts')).text();
  const tags = [...source.matchAll(/elements\/([a-z-]+)\/define\.[jt]s/g)].map((m) => `cc-${m[1]}`);
  return [...new Set(tags)].filter((t) => t !== 'cc-agent-desk');
}

async function busyDesk(): Promise<{ desk: Desk; transport: SimulatedTransport; active: string }> {
  const { desk, transport } = await simDesk(
    { seed: 3, capabilities: { queue: true }, reportsSentiment: true },
    {
      scripts: [...AGENT_SCRIPTS],
      privacyNotice: { en: 'This conversation may be monitored or recorded to improve our service.' },
    },
  );
  let active = '';
  let first = '';
  for (const name of ['Anna Nowak-Wiśniewska', 'Jan Kowalski', 'Maria Wiśniewska']) {
    const conversation = transport.startConversation({ locale: 'en', queue: 'Reklamacje', customer: { name }, firstMessage: `Hello, this is ${name}` });
    transport.seedTranscript(conversation.id, 24);
    active = conversation.id;
    first ||= conversation.id;
  }
  // A background session whose customer lost patience: its tab shows the urgent sentiment badge.
  transport.customerGetsAngry(first);
  transport.queueConversation({ locale: 'pl' });
  transport.queueConversation({ locale: 'en' });
  transport.offer({ locale: 'en', customer: { name: 'Piotr Zieliński' } });
  await waitUntil(() => desk.$offers.get().length === 1, 'the offer did not arrive');
  desk.setActive(active);
  transport.customerSays(active, 'Mój numer zamówienia to ZAM-2025-000123456789, przesyłka wciąż nie dotarła do magazynu w Poznaniu');
  await desk.settled();
  await desk.addNote(active, 'Customer called twice about the delayed pallet delivery; promised a callback tomorrow.').catch(() => undefined);
  await desk.settled();
  return { desk, transport, active };
}

/** Every element in `root` and in the shadow roots below it. */
function* walk(root: ParentNode): Generator<Element> {
  for (const el of root.querySelectorAll('*')) {
    yield el;
    if (el.shadowRoot) yield* walk(el.shadowRoot);
  }
}

/** Everything `host` renders: its shadow tree (and the shadow trees below it) and its light children. */
function* inside(host: Element): Generator<Element> {
  if (host.shadowRoot) yield* walk(host.shadowRoot);
  yield* walk(host);
}

/** The composed parent: the host for a shadow root, the slot's host chain otherwise. */
function parentOf(el: Element): Element | null {
  if (el.assignedSlot) return el.assignedSlot;
  if (el.parentElement) return el.parentElement;
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/**
 * True when an ancestor below `stop` scrolls sideways and itself fits, so what sticks out of it is
 * reachable by scrolling (a tab strip). Content an `overflow: hidden` ancestor cuts off is not.
 */
function scrollsSideways(el: Element, stop: Element): boolean {
  for (let p = parentOf(el); p && p !== stop; p = parentOf(p)) {
    const s = getComputedStyle(p);
    if (s.overflowX === 'auto' || s.overflowX === 'scroll') {
      const r = p.getBoundingClientRect();
      if (r.right <= stop.getBoundingClientRect().right + 1) return true;
    }
  }
  return false;
}

function shown(el: Element): boolean {
  const r = el.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) return false;
  const s = getComputedStyle(el);
  if (s.visibility === 'hidden' || s.display === 'contents') return false;
  // Screen-reader-only text (clipped to a pixel) is not on the page.
  if (s.position === 'absolute' && r.width <= 1 && r.height <= 1) return false;
  if (s.clip === 'rect(0px, 0px, 0px, 0px)' || s.clipPath === 'inset(50%)') return false;
  for (let p = parentOf(el); p; p = parentOf(p)) {
    if (p instanceof HTMLDetailsElement && !p.open && el.localName !== 'summary') return false;
    // Inside screen-reader-only text: clipped away with its box.
    const ps = getComputedStyle(p);
    const pr = p.getBoundingClientRect();
    if (ps.clipPath === 'inset(50%)' || (ps.overflow === 'hidden' && pr.width <= 1 && pr.height <= 1)) return false;
  }
  return true;
}

function describeEl(el: Element): string {
  const id = el.id ? `#${el.id}` : '';
  const cls = el.getAttribute('class') ? `.${el.getAttribute('class')!.trim().split(/\s+/).join('.')}` : '';
  const part = el.getAttribute('part') ? `[part=${el.getAttribute('part')}]` : '';
  const text = (el.textContent ?? '').trim().slice(0, 24);
  return `<${el.localName}${id}${cls}${part}>${text ? ` "${text}"` : ''}`;
}

/** What is wrong with `host` laid out in `box`: overflow to the right, buttons under 24 × 24. */
function problems(host: Host, box: HTMLElement): string[] {
  const found: string[] = [];
  const right = box.getBoundingClientRect().right;
  if (host.scrollWidth > host.clientWidth + 1 && getComputedStyle(host).display !== 'inline') {
    found.push(`${host.localName} scrolls sideways (${host.scrollWidth} > ${host.clientWidth})`);
  }
  if (box.scrollWidth > box.clientWidth + 1) found.push(`${host.localName} widens its box (${box.scrollWidth} > ${box.clientWidth})`);
  for (const el of inside(host)) {
    if (!shown(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.right > right + 1 && !scrollsSideways(el, box)) found.push(`${describeEl(el)} sticks out by ${Math.round(r.right - right)} px`);
    const isButton = el.localName === 'button' || el.getAttribute('role') === 'button' || el.getAttribute('role') === 'tab';
    if (isButton && (r.width < 23.5 || r.height < 23.5)) found.push(`${describeEl(el)} is ${Math.round(r.width)} × ${Math.round(r.height)} px`);
  }
  return found;
}

function within(el: Element | null | undefined, box: HTMLElement, what: string): void {
  expect(el, `${what} is missing`).to.be.instanceOf(Element);
  const r = el!.getBoundingClientRect();
  const b = box.getBoundingClientRect();
  expect(r.width * r.height, `${what} has no size`).to.be.greaterThan(0);
  expect(r.top >= b.top - 1 && r.bottom <= b.bottom + 1, `${what} (${Math.round(r.top)}–${Math.round(r.bottom)}) is outside the box's height (${b.top}–${b.bottom})`).to.equal(true);
  expect(r.left >= b.left - 1 && r.right <= b.right + 1, `${what} (${Math.round(r.left)}–${Math.round(r.right)}) is outside the box's width`).to.equal(true);
}

function deep<T extends Element>(root: Element | null | undefined, selector: string): T | null {
  if (!root) return null;
  for (const el of walk(root.shadowRoot ?? root)) if (el.matches(selector)) return el as T;
  return null;
}

async function settle(desk: Desk, root: ParentNode): Promise<void> {
  await desk.settled();
  const hosts = [...walk(root)].filter((e): e is Host => e.localName.startsWith('cc-'));
  await Promise.all(hosts.map((e) => e.updateComplete));
  await new Promise((r) => requestAnimationFrame(r));
}

/** Mounts `tag` alone in a `width` × `height` box (a side pane that scrolls on its own). */
async function mount(desk: Desk, tag: string, width: number, height: number, lang = 'en'): Promise<{ host: Host; box: HTMLElement }> {
  const wrapper = await fixture<HTMLElement>(html`
    <cc-agent-desk .desk=${desk} lang=${lang}>
      <div class="box" style="width: ${width}px; height: ${height}px; overflow: auto; display: flex; flex-direction: column;"></div>
    </cc-agent-desk>
  `);
  const box = wrapper.querySelector<HTMLElement>('.box')!;
  const host = document.createElement(tag) as Host;
  // The panel and the notification fill the pane as a side pane gives them its height.
  if (tag === 'cc-communication-panel') host.style.cssText = 'flex: 1 1 auto; min-height: 0;';
  box.append(host);
  await settle(desk, wrapper);
  return { host, box };
}

/** Fills what each element needs to show its full content (search results, an open menu). */
async function fill(desk: Desk, host: Host): Promise<void> {
  const input = deep<HTMLInputElement>(host, 'input[type="search"], input#query, input[name="query"]');
  if (input && host.localName !== 'cc-communication-panel') {
    input.value = host.localName === 'cc-record-search' ? 'a' : 'Hello';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    input.form?.requestSubmit();
  }
  // Open menus: they must fit the pane too.
  if (host.localName === 'cc-presence-picker') deep<HTMLButtonElement>(host, 'button[aria-haspopup]')?.click();
  if (host.localName === 'cc-communication-panel') deep<HTMLButtonElement>(host, '[part="menu-button"]')?.click();
  await settle(desk, host);
}

const SIZES = [
  { name: '360 × 640', width: 360, height: 640, lang: 'en' },
  { name: 'side pane 360 × 400', width: 360, height: 400, lang: 'en' },
  { name: 'side pane 360 × 400 in Polish', width: 360, height: 400, lang: 'pl' },
] as const;

describe('narrow and embedded layouts', () => {
  for (const size of SIZES) {
    it(`every element fits ${size.name}: nothing sticks out to the right, buttons at least 24 × 24`, async () => {
      const tags = await definedTags();
      expect(tags.length).to.be.greaterThan(10);
      const { desk } = await busyDesk();
      const search = await desk.enableSearch();
      await search.ready();
      const report: string[] = [];
      for (const tag of tags) {
        const { host, box } = await mount(desk, tag, size.width, size.height, size.lang);
        await fill(desk, host);
        report.push(...problems(host, box));
      }
      expect(report, report.join('\n')).to.deep.equal([]);
    });
  }

  it('the measure itself finds what sticks out and a small button', async () => {
    const box = await fixture<HTMLElement>(html`<div style="width: 360px; height: 400px; overflow: auto"></div>`);
    const host = document.createElement('div') as Host;
    host.attachShadow({ mode: 'open' }).innerHTML = '<div style="width: 420px">wide</div><button style="width: 16px; height: 16px; padding: 0">x</button>';
    box.append(host);
    const found = problems(host, box);
    expect(found.some((p) => p.includes('sticks out')), found.join('; ')).to.equal(true);
    expect(found.some((p) => p.includes('16 × 16')), found.join('; ')).to.equal(true);
  });

  for (const lang of ['en', 'pl']) {
    it(`the panel under the session tabs in a 360 × 400 side pane (${lang}): composer and Send in the pane, the transcript keeps 120 px`, async () => {
      const { desk } = await busyDesk();
      const { host: tabs, box } = await mount(desk, 'cc-session-tabs', 360, 400, lang);
      const host = document.createElement('cc-communication-panel') as Host;
      host.style.cssText = 'flex: 1 1 auto; min-height: 0;';
      box.append(host);
      await settle(desk, box);
      expect(tabs.getBoundingClientRect().height).to.be.greaterThan(20);
      within(deep(host, 'textarea'), box, 'the composer');
      const send = [...walk(host.shadowRoot!)].find((e) => e.localName === 'button' && /^\s*(send|wyślij)\s*$/i.test(e.textContent ?? '') && shown(e));
      within(send, box, 'the Send button');
      within(deep(host, '[part="menu-button"]'), box, 'the … menu button');
      // The customer's name is read in full on the header's first row (with English badges; Polish
      // ones are longer and a long name may end in an ellipsis).
      const name = deep<HTMLElement>(host, 'header h2');
      if (lang === 'en') expect(name!.scrollWidth, `the name "${name!.textContent}" is cut`).to.be.at.most(name!.clientWidth + 1);
      const transcript = deep(host, 'cc-transcript');
      expect(transcript, 'the transcript').to.be.instanceOf(Element);
      const height = transcript!.getBoundingClientRect().height;
      expect(height, `the transcript is ${Math.round(height)} px tall`).to.be.at.least(120);
      expect(problems(host, box)).to.deep.equal([]);
    });
  }

  it('the panel, a width container, still takes the width of a flex row it sits in', async () => {
    const { desk } = await busyDesk();
    const row = await fixture<HTMLElement>(html`<div style="display: flex; width: 600px; height: 480px">
      <cc-communication-panel .desk=${desk}></cc-communication-panel>
    </div>`);
    const host = row.firstElementChild as Host;
    await settle(desk, row);
    expect(host.getBoundingClientRect().width).to.be.closeTo(600, 1);
    within(deep(host, 'textarea'), row, 'the composer');
  });

  it('the offer card in a 360 × 400 side pane: Accept and Reject are on screen', async () => {
    const { desk } = await busyDesk();
    const { host, box } = await mount(desk, 'cc-conversation-notification', 360, 400);
    const buttons = [...walk(host.shadowRoot!)].filter((e) => e.localName === 'button' && shown(e));
    const accept = buttons.find((b) => /accept/i.test(b.textContent ?? ''));
    const reject = buttons.find((b) => /reject|decline/i.test(b.textContent ?? ''));
    within(accept, box, 'Accept');
    within(reject, box, 'Reject');
  });

  it('the session tabs at 360 px (Polish) scroll sideways instead of wrapping into rows, and a close button covers nothing', async () => {
    const { desk } = await busyDesk();
    const { host, box } = await mount(desk, 'cc-session-tabs', 360, 400, 'pl');
    const tabs = [...walk(host.shadowRoot!)].filter((e) => e.getAttribute('role') === 'tab' && shown(e));
    expect(tabs.length).to.be.at.least(3);
    const tops = new Set(tabs.map((t) => Math.round(t.getBoundingClientRect().top)));
    expect(tops.size, 'the tabs wrap into rows').to.equal(1);
    // A tab's close button covers nothing of its tab (name, state, unread count, sentiment).
    const closers = [...walk(host.shadowRoot!)].filter((e) => e.getAttribute('part') === 'close' && shown(e));
    expect(closers.length).to.equal(tabs.length);
    tabs.forEach((tab, i) => {
      const c = closers[i]!.getBoundingClientRect();
      for (const el of [...walk(tab)].filter(shown)) {
        if (el.children.length > 0 && !el.shadowRoot) continue;
        const r = el.getBoundingClientRect();
        const overlap = r.left < c.right - 1 && r.right > c.left + 1 && r.top < c.bottom - 1 && r.bottom > c.top + 1;
        expect(overlap, `the close button covers ${describeEl(el)} in tab ${i + 1}`).to.equal(false);
      }
    });
    let strip = parentOf(tabs[0]!);
    while (strip && getComputedStyle(strip).overflowX !== 'auto' && getComputedStyle(strip).overflowX !== 'scroll') strip = parentOf(strip);
    expect(strip, 'no ancestor of the tabs scrolls sideways').to.be.instanceOf(Element);
    expect(strip!.getBoundingClientRect().right).to.be.at.most(box.getBoundingClientRect().right + 1);
  });

  it('the record search at 360 px: the search input is in the box', async () => {
    const { desk } = await busyDesk();
    const { host, box } = await mount(desk, 'cc-record-search', 360, 400);
    within(deep(host, 'input'), box, 'the record search input');
  });
});
