import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Desk } from '../../src/core/desk/desk.js';
import '../../src/define.js';
import type { SimulatedTransport } from '../../src/transports/simulated/index.js';
import { simDesk } from '../harness.js';

/**
 * The tags src/define.ts registers, read from the module itself, so an element added there is
 * measured here without anyone remembering to list it.
 */
async function definedTags(): Promise<string[]> {
  const source = await (await fetch('/src/define.ts')).text();
  const tags = [...source.matchAll(/elements\/([a-z-]+)\/define\.[jt]s/g)].map((m) => `cc-${m[1]}`);
  return [...new Set(tags)];
}

/** A CRM-like page: a record pane that scrolls on its own beside a 400 px side pane, nothing positioned. */
const PAGE = `
  html, body { margin: 0; padding: 0; }
  .crm { display: grid; grid-template-columns: minmax(0, 1fr) 360px; align-items: start; height: 100vh; }
  .record { height: 100vh; overflow: auto; }
  .side { height: 400px; overflow: auto; display: flex; flex-direction: column; }
`;

/** Tags the side pane holds (as the demo places them); every other tag goes into the record pane. */
const SIDE = new Set(['cc-conversation-notification', 'cc-session-tabs', 'cc-communication-panel']);

async function busyDesk(): Promise<{ desk: Desk; transport: SimulatedTransport }> {
  const { desk, transport } = await simDesk({ seed: 3, capabilities: { queue: true } });
  const names = ['Anna Nowak', 'Jan Kowalski', 'Maria Wiśniewska'];
  let last = '';
  for (const name of names) {
    const conversation = transport.startConversation({ locale: 'en', customer: { name }, firstMessage: `Hello, this is ${name}` });
    transport.seedTranscript(conversation.id, 30);
    last = conversation.id;
  }
  transport.queueConversation({ locale: 'pl' });
  transport.queueConversation({ locale: 'en' });
  transport.offer({ locale: 'en', customer: { name: 'Piotr Zieliński' } });
  transport.offer({ locale: 'pl', customer: { name: 'Ewa Lis' } });
  await waitUntil(() => desk.$offers.get().length === 2, 'the offers did not arrive');
  desk.setActive(last);
  await desk.settled();
  return { desk, transport };
}

describe('host page layout', () => {
  let style: HTMLStyleElement;
  beforeEach(() => {
    style = document.createElement('style');
    style.textContent = PAGE;
    document.head.append(style);
  });
  afterEach(() => style.remove());

  it('no element stretches the host page beyond its own box, in a fixed-height layout', async () => {
    const tags = await definedTags();
    expect(tags.length).to.be.greaterThan(10);
    for (const tag of tags) expect(customElements.get(tag), `${tag} is not defined`).to.not.equal(undefined);
    const { desk } = await busyDesk();
    const search = await desk.enableSearch();
    await search.ready();

    const content = tags.filter((t) => t !== 'cc-agent-desk' && !SIDE.has(t));
    const side = tags.filter((t) => SIDE.has(t));
    // Filler above the elements puts them below the fold of the record pane, where a hidden text
    // that escapes its element lands outside the viewport and stretches the document.
    const wrapper = await fixture<HTMLElement>(html`
      <cc-agent-desk .desk=${desk} lang="en">
        <div class="crm">
          <main class="record">
            <div style="height: 1200px">Record details</div>
            ${content.map((tag) => html`<section>${document.createElement(tag)}</section>`)}
          </main>
          <aside class="side">${side.map((tag) => document.createElement(tag))}</aside>
        </div>
      </cc-agent-desk>
    `);
    const elements = [...wrapper.querySelectorAll<HTMLElement & { updateComplete?: Promise<unknown> }>('*')].filter((e) => e.localName.startsWith('cc-'));
    await Promise.all(elements.map((e) => e.updateComplete));

    // Open what is cheap to open: the presence menu, transcript and record searches with results.
    const presence = wrapper.querySelector('cc-presence-picker');
    presence?.shadowRoot?.querySelector<HTMLButtonElement>('button[aria-haspopup]')?.click();
    const transcriptSearch = wrapper.querySelector('cc-transcript-search');
    const query = transcriptSearch?.shadowRoot?.querySelector<HTMLInputElement>('input[type="search"], #query');
    if (query) {
      query.value = 'Hello';
      query.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      query.form?.requestSubmit();
    }
    await desk.settled();
    await Promise.all(elements.map((e) => e.updateComplete));

    const root = document.documentElement;
    expect(root.scrollHeight, 'the document scrolls vertically').to.be.at.most(innerHeight);
    expect(root.scrollWidth, 'the document scrolls sideways').to.be.at.most(innerWidth);
  });
});
