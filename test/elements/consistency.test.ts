import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createMemoryStorage } from '../../src/core/storage.js';
import { SimulatedTransport } from '../../src/transports/simulated/index.js';
import { dispose, simDesk, testDesk, TestTransport } from '../harness.js';
import '../../src/elements/session-view/define.js';
import '../../src/elements/customer-form/define.js';
import '../../src/elements/record-search/define.js';
import type { CcRecordSearch } from '../../src/elements/record-search/record-search.js';
import '../../src/elements/agent-desk/define.js';
import '../../src/elements/transcript-search/define.js';
import '../../src/elements/conversation-notes/define.js';
import type { CcTranscriptSearch } from '../../src/elements/transcript-search/transcript-search.js';

describe('consistency: past conversations in transcript search', () => {
  it('a hit from a conversation of an earlier session shows the customer’s name, not its id', async () => {
    const storage = createMemoryStorage();
    // An earlier session: John's conversation is kept in storage, then the page goes away.
    const before = new SimulatedTransport({ seed: 5, capabilities: { search: false } });
    const earlier = testDesk({ transport: before, storage });
    await earlier.connect();
    const john = before.startConversation({ locale: 'en', customer: { id: 'cust-john', name: 'John Smith' }, firstMessage: 'Hello, my order 4471 is late' });
    await earlier.transition(john.id, 'wrap-up');
    await earlier.transition(john.id, 'closed');
    await earlier.settled();
    dispose(earlier);

    // Today's session on the same storage knows nothing of John's conversation in memory.
    const desk = testDesk({ transport: new SimulatedTransport({ seed: 6, capabilities: { search: false } }), storage });
    await desk.connect();
    expect(desk.$conversations.get()[john.id]).to.equal(undefined);
    const service = await desk.enableSearch();
    await service.ready();
    const wrapper = await fixture<HTMLElement>(html`<cc-agent-desk .desk=${desk} lang="en"><cc-transcript-search></cc-transcript-search></cc-agent-desk>`);
    const el = wrapper.querySelector<CcTranscriptSearch>('cc-transcript-search')!;
    await el.updateComplete;
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('#query')!;
    input.focus();
    await sendKeys({ type: '4471' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.shadowRoot!.querySelector('.group h3'), 'no results');
    expect(el.shadowRoot!.querySelector('.group h3')!.textContent!.trim()).to.equal('John Smith');
    expect(el.shadowRoot!.querySelector('.group-header')!.textContent).to.contain('Closed');
  });
});

describe('consistency: note authors', () => {
  async function notesBy(agent: { id: string; name?: string }, author: string): Promise<string> {
    const sim = new SimulatedTransport({ seed: 11 });
    const desk = testDesk({ transport: sim, agent });
    await desk.connect();
    const conversation = sim.startConversation({ locale: 'en', customer: { name: 'Anna Nowak' }, links: {} });
    desk.setActive(conversation.id);
    const kase = await desk.createRecord(conversation.id, { kind: 'case', fields: { subject: 'Delayed shipment' } });
    await desk.link(conversation.id, { kind: kase.kind, id: kase.id, title: kase.title });
    // A backend that keeps the author's id rather than a name.
    sim.crm.addNote({ target: { kind: 'case', id: kase.id, title: kase.title }, text: 'Called the courier.', author, clientId: 'seed-1' });
    const el = await fixture<HTMLElement>(html`<cc-conversation-notes .desk=${desk} lang="en"></cc-conversation-notes>`);
    await waitUntil(() => el.shadowRoot!.querySelector('.author'), 'no note shown');
    return el.shadowRoot!.querySelector('.author')!.textContent!;
  }

  it('a note the agent wrote shows the agent’s name, not the id', async () => {
    expect(await notesBy({ id: 'agent-ewa', name: 'Ewa Zielińska' }, 'agent-ewa')).to.equal('Ewa Zielińska');
    expect(await notesBy({ id: 'agent-ewa' }, 'agent-ewa')).to.equal('You');
    // Another author's name is shown as the CRM gives it.
    expect(await notesBy({ id: 'agent-ewa', name: 'Ewa Zielińska' }, 'Jan Kowalski')).to.equal('Jan Kowalski');
  });
});

describe('consistency: status words', () => {
  it('recent cases show the record status from the catalog, in English and Polish, never the raw code', async () => {
    for (const [lang, words] of [['en', ['Open', 'Closed']], ['pl', ['Otwarta', 'Zamknięta']]] as const) {
      const sim = new SimulatedTransport({ seed: 5 });
      const crm = new TestTransport({
        sim,
        records: [
          { kind: 'case', id: 'case-1', title: 'Parcel arrived damaged', status: 'open', customerId: 'cust-anna', updatedAt: Date.now() - 60_000 },
          { kind: 'case', id: 'case-2', title: 'Refund for order 5521', status: 'closed', customerId: 'cust-anna', updatedAt: Date.now() - 120_000 },
        ],
      });
      const desk = testDesk({ transport: crm });
      await desk.connect();
      const conversation = sim.startConversation({ locale: 'en', customer: { id: 'cust-anna', name: 'Anna Nowak' } });
      desk.setActive(conversation.id);
      const el = await fixture<HTMLElement>(html`<cc-customer-form .desk=${desk} lang=${lang}></cc-customer-form>`);
      const badges = () => [...el.shadowRoot!.querySelectorAll('[part="recent-cases"] li .badge[data-status]')].map((b) => b.textContent!.trim());
      await waitUntil(() => badges().length === 2, 'recent cases not shown');
      expect(badges()).to.deep.equal(words);
    }
  });
});

describe('consistency: dates in the page’s language', () => {
  it('transcript search’s date filters are labelled and show the chosen day as the element’s language writes it', async () => {
    const desk = testDesk({ transport: new SimulatedTransport({ seed: 5, capabilities: { search: false } }) });
    await desk.connect();
    for (const [lang, labels] of [['pl', ['Od', 'Do']], ['en', ['From', 'To']]] as const) {
      const wrapper = await fixture<HTMLElement>(html`<cc-agent-desk .desk=${desk} lang=${lang}><cc-transcript-search></cc-transcript-search></cc-agent-desk>`);
      const el = wrapper.querySelector<CcTranscriptSearch>('cc-transcript-search')!;
      await el.updateComplete;
      const from = el.shadowRoot!.querySelector<HTMLInputElement>('#from')!;
      const to = el.shadowRoot!.querySelector<HTMLInputElement>('#to')!;
      expect([from.labels![0]!.textContent, to.labels![0]!.textContent]).to.deep.equal(labels);
      from.value = '2026-11-20';
      from.dispatchEvent(new Event('change'));
      await el.updateComplete;
      const shown = el.shadowRoot!.getElementById(from.getAttribute('aria-describedby')!)!;
      expect(shown.textContent).to.equal(new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(new Date(2026, 10, 20)));
      expect(from.getAttribute('lang')).to.equal(lang);
    }
  });
});

describe('consistency: record search results are bounded', () => {
  it('twenty results scroll inside the list, and the keyboard brings the last one into view', async () => {
    const sim = new SimulatedTransport({ seed: 11 });
    const records = Array.from({ length: 20 }, (_, i) => ({ kind: 'contact' as const, id: `c-${i}`, title: `Anna Nowak ${i + 1}`, subtitle: `anna${i + 1}@example.com`, status: 'open' }));
    const transport = new TestTransport({ sim, records });
    const desk = testDesk({ transport });
    await desk.connect();
    const conversation = sim.startConversation({ locale: 'en', customer: { name: 'Anna Nowak' } });
    desk.setActive(conversation.id);
    const el = await fixture<CcRecordSearch>(html`<cc-record-search .desk=${desk} lang="en"></cc-record-search>`);
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]')!;
    input.focus();
    await sendKeys({ type: 'Anna' });
    await sendKeys({ press: 'Enter' });
    const list = el.shadowRoot!.querySelector<HTMLElement>('[part="results"]')!;
    await waitUntil(() => list.querySelectorAll('[part="result"]').length === 20, 'twenty results not shown');
    const before = el.getBoundingClientRect().height;
    // 20rem at the default 16 px root size; the element stays far shorter than twenty cards.
    expect(list.clientHeight).to.be.at.most(20 * 16 + 1);
    expect(list.scrollHeight).to.be.greaterThan(list.clientHeight);
    expect(before).to.be.below(list.scrollHeight);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'End' });
    const last = [...list.querySelectorAll('[part="result"]')].at(-1)!;
    expect(el.shadowRoot!.activeElement).to.equal(last.querySelector('button'));
    const box = last.getBoundingClientRect();
    const view = list.getBoundingClientRect();
    expect(box.bottom).to.be.at.most(view.bottom + 1);
    expect(box.top).to.be.at.least(view.top - 1);
  });
});

describe('consistency: Polish tab labels fit', () => {
  /** Whether every tab of the strip sits in one row and each of its lines of text is one line high. */
  function layout(tabs: HTMLElement[]): { rows: number; wrapped: string[] } {
    const tops = new Set(tabs.map((tab) => Math.round(tab.getBoundingClientRect().top)));
    const wrapped = tabs.flatMap((tab) =>
      [...tab.querySelectorAll<HTMLElement>('span')].filter((span) => {
        const lineHeight = parseFloat(getComputedStyle(span).lineHeight) || parseFloat(getComputedStyle(span).fontSize) * 1.4;
        return span.getClientRects().length > 1 || span.getBoundingClientRect().height > lineHeight * 1.5;
      }).map((span) => span.textContent!),
    );
    return { rows: tops.size, wrapped };
  }

  it('cc-session-view’s app tabs stay one row of one-line labels in Polish, even at the narrowest tab width', async () => {
    const { desk, transport } = await simDesk();
    const offer = transport.offer({ locale: 'pl', customer: { name: 'Anna Nowak' }, firstMessage: 'Dzień dobry' });
    await waitUntil(() => desk.$offers.get().some((o) => o.id === offer.id));
    const id = (await desk.accept(offer.id)).id;
    desk.sessions.openApp(id, { id: 'case-7', kind: 'record', record: { kind: 'case', id: '7', title: 'Pęknięta lampa' } });
    desk.sessions.openApp(id, { id: 'past-1', kind: 'transcript', conversationId: 'past-1', title: 'Anna Nowak, 12 listopada' });
    desk.sessions.openApp(id, { id: 'faq-1', kind: 'knowledge', articleId: 'faq-1', title: 'Zwroty i reklamacje' });
    const el = await fixture<HTMLElement>(html`<div style="width: 30rem"><cc-session-view .desk=${desk} lang="pl"></cc-session-view></div>`);
    const view = el.querySelector('cc-session-view')!;
    await waitUntil(() => view.shadowRoot!.querySelectorAll('[role="tab"]').length === 4, 'the app tabs are not shown');
    const { rows, wrapped } = layout([...view.shadowRoot!.querySelectorAll<HTMLElement>('[role="tab"]')]);
    expect(rows).to.equal(1);
    expect(wrapped, 'labels that wrap').to.deep.equal([]);
    // The kinds are read whole, not cut short.
    const cut = [...view.shadowRoot!.querySelectorAll<HTMLElement>('[role="tab"] .kind')].filter((k) => k.scrollWidth > k.clientWidth + 1).map((k) => k.textContent);
    expect(cut, 'kinds cut short').to.deep.equal([]);
  });

  it('cc-customer-form’s tabs stay one row in Polish in a 20rem column', async () => {
    const { desk, transport } = await simDesk();
    const conversation = transport.startConversation({
      locale: 'pl',
      customer: { name: 'Anna Nowak' },
      preChat: [{ question: 'Numer zamówienia', answer: '4471' }],
      visitor: { Przeglądarka: 'Firefox' },
    });
    desk.setActive(conversation.id);
    const el = await fixture<HTMLElement>(html`<div style="width: 20rem"><cc-customer-form .desk=${desk} lang="pl"></cc-customer-form></div>`);
    const form = el.querySelector('cc-customer-form')!;
    await waitUntil(() => form.shadowRoot!.querySelectorAll('[role="tab"]').length === 2, 'the tabs are not shown');
    const tabs = [...form.shadowRoot!.querySelectorAll<HTMLElement>('[role="tab"]')];
    expect(tabs.map((t) => t.textContent!.trim())).to.deep.equal(['Przed rozmową', 'Odwiedzający']);
    const { rows, wrapped } = layout(tabs);
    expect(rows).to.equal(1);
    expect(wrapped).to.deep.equal([]);
    for (const tab of tabs) expect(tab.getBoundingClientRect().height).to.be.below(parseFloat(getComputedStyle(tab).fontSize) * 3);
    const list = form.shadowRoot!.querySelector<HTMLElement>('[role="tablist"]')!;
    expect(list.scrollWidth, 'the tabs fit without scrolling').to.be.at.most(list.clientWidth + 1);
  });
});
