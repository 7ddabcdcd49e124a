import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Desk } from '../../src/core/desk/desk.js';
import type { Conversation } from '../../src/core/model.js';
import { SimulatedTransport } from '../../src/transports/simulated/index.js';
import { testDesk } from '../harness.js';
import { en } from '../../src/i18n/en.js';
import { pl } from '../../src/i18n/pl.js';
import '../../src/elements/agent-desk/define.js';
import '../../src/elements/transcript-search/define.js';
import type { CcTranscriptSearch } from '../../src/elements/transcript-search/transcript-search.js';
import type { CcTranscript } from '../../src/elements/transcript/transcript.js';
import { CcOpenTranscriptEvent } from '../../src/elements/events.js';

const DAY = 24 * 60 * 60 * 1000;
/** Ten days ago at 10:00 local time: John's conversation happened then. */
const past = (() => {
  const d = new Date(Date.now() - 10 * DAY);
  d.setHours(10, 0, 0, 0);
  return d.getTime();
})();
const isoDay = (at: number): string => {
  const d = new Date(at);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

interface Setup {
  desk: Desk;
  transport: SimulatedTransport;
  el: CcTranscriptSearch;
  anna: Conversation;
  john: Conversation;
}

/** Two conversations (Polish and English) that both mention order 4471; John's is ten days old and closed. */
async function setup(options: { lang?: string; serverSearch?: boolean } = {}): Promise<Setup> {
  // Without server search the results are exactly what this desk has seen.
  const transport = new SimulatedTransport({ seed: 5, capabilities: { search: options.serverSearch ?? false } });
  const desk = testDesk({ transport });
  await desk.connect();
  const anna = transport.startConversation({
    locale: 'pl',
    customer: { id: 'cust-anna', name: 'Anna Nowak' },
    firstMessage: 'Dzień dobry, moje zamówienie 4471 nie dotarło',
  });
  transport.customerSays(anna.id, 'Czy mogę zmienić adres dostawy?');
  await desk.send(anna.id, 'Sprawdzę, co się dzieje z paczką.');
  const john = transport.startConversation({
    locale: 'en',
    customer: { id: 'cust-john', name: 'John Smith' },
    firstMessage: 'Hello, my order 4471 is late',
    requestedAt: past,
  });
  transport.customerSays(john.id, 'The parcel never arrived', { at: past + 60_000 });
  await desk.transition(john.id, 'wrap-up');
  await desk.transition(john.id, 'closed');
  // Messages are stored (and indexed) in batches shortly after they arrive.
  await desk.settled();
  const service = await desk.enableSearch();
  await service.ready();
  const wrapper = await fixture<HTMLElement>(html`
    <cc-agent-desk .desk=${desk} lang=${options.lang ?? 'en'}>
      <cc-transcript-search></cc-transcript-search>
    </cc-agent-desk>
  `);
  const el = wrapper.querySelector('cc-transcript-search')!;
  await el.updateComplete;
  return { desk, transport, el, anna, john: desk.$conversations.get()[john.id]! };
}

const root = (el: CcTranscriptSearch) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: CcTranscriptSearch, selector: string) => root(el).querySelector<T>(selector)!;
const groupTitles = (el: CcTranscriptSearch) => [...root(el).querySelectorAll('.group h3')].map((h) => h.textContent!.trim());
const marks = (el: CcTranscriptSearch) => [...root(el).querySelectorAll('mark')].map((m) => m.textContent);
const activeInside = (el: CcTranscriptSearch) => root(el).activeElement;

async function search(el: CcTranscriptSearch, text: string): Promise<void> {
  const input = $<HTMLInputElement>(el, '#query');
  input.focus();
  input.select();
  await sendKeys({ type: text });
  await sendKeys({ press: 'Enter' });
  await settled(el);
}

/** Waits for the search the last key started (Enter runs it at once and marks the results busy). */
async function settled(el: CcTranscriptSearch): Promise<void> {
  await el.updateComplete;
  await waitUntil(() => $(el, '.results').getAttribute('aria-busy') === 'false', 'search did not finish');
  await el.updateComplete;
}

describe('cc-transcript-search', () => {
  it('starts indexing when connected and shows a hint until something is typed; accessible', async () => {
    const { el, desk } = await setup();
    expect(desk.$searchStatus.get().state).to.equal('ready');
    expect($(el, '.hint').textContent).to.contain('Every word must match');
    expect($(el, '[part="index-status"]').textContent).to.match(/messages? searchable/);
    expect($<HTMLInputElement>(el, '#query').labels![0]!.textContent).to.equal('Search transcripts');
    await expect(el).to.be.accessible();
  });

  it('searches as you type: results grouped by conversation, "zamowienie" marks "zamówienie"', async () => {
    const { el } = await setup();
    const input = $<HTMLInputElement>(el, '#query');
    input.focus();
    await sendKeys({ type: 'zamowienie' });
    await waitUntil(() => root(el).querySelector('.group'), 'no results after typing');
    expect(groupTitles(el)).to.deep.equal(['Anna Nowak']);
    expect(marks(el)).to.deep.equal(['zamówienie']);
    const snippet = $(el, '.snippet');
    expect(snippet.textContent).to.equal('Dzień dobry, moje zamówienie 4471 nie dotarło');
    // Customer text is rendered as text nodes, never parsed.
    expect(snippet.querySelectorAll('*').length).to.equal(1);
    expect($(el, '.group-header').textContent).to.contain('Active').and.to.contain('1 match');
    expect($(el, '.summary').textContent!.trim()).to.equal('1 result in 1 conversation');
    // Announced once, after typing settles.
    await waitUntil(() => $(el, '[role="status"][aria-live="polite"]').textContent === '1 result in 1 conversation');
    await expect(el).to.be.accessible();
  });

  it('every word must match, and word beginnings are enough', async () => {
    const { el } = await setup();
    await search(el, '4471 zamow');
    expect(groupTitles(el)).to.deep.equal(['Anna Nowak']);
    expect(marks(el)).to.have.members(['zamów', '4471']);
    await search(el, '4471');
    expect(groupTitles(el)).to.deep.equal(['Anna Nowak', 'John Smith']);
    expect($(el, '.summary').textContent!.trim()).to.equal('2 results in 2 conversations');
  });

  it('lists three matches per conversation until the agent asks for all; a new message is found', async () => {
    const { el, desk, transport, anna } = await setup();
    transport.customerSays(anna.id, 'Paczka nadal nie przyszła');
    transport.customerSays(anna.id, 'Kurier mówi, że paczka jest w sortowni');
    transport.customerSays(anna.id, 'Czy paczka może przyjść jutro?');
    await desk.settled();
    await search(el, 'paczka');
    const hits = () => [...root(el).querySelectorAll('.hit .snippet')].map((p) => p.textContent);
    expect(hits()).to.deep.equal(['Czy paczka może przyjść jutro?', 'Kurier mówi, że paczka jest w sortowni', 'Paczka nadal nie przyszła']);
    expect($(el, '.summary').textContent!.trim()).to.equal('4 results in 1 conversation');
    const toggle = $<HTMLButtonElement>(el, 'button.toggle');
    expect(toggle.textContent!.trim()).to.equal('Show all 4 matches');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await el.updateComplete;
    expect(hits()).to.have.length(4);
    expect(hits()[3]).to.equal('Sprawdzę, co się dzieje z paczką.');
    expect(marks(el)[3]).to.equal('paczką');
    expect(toggle.textContent!.trim()).to.equal('Show fewer');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('counts every match, not only the listed ones, and lists the next page on request; counts follow adds, edits and deletes', async () => {
    const { el, desk, transport, anna, john } = await setup();
    const sent = Array.from({ length: 130 }, (_, i) => transport.customerSays(i % 10 === 0 ? john.id : anna.id, `Zwróćcie pieniądze za zamówienie ${i}`));
    await desk.settled();
    await (await desk.enableSearch()).ready();
    const listed = () => [...root(el).querySelectorAll('.group-header .meta')].map((m) => Number(/(\d+) match/u.exec(m.textContent!)![1]));
    const sum = (list: number[]) => list.reduce((a, b) => a + b, 0);
    // Without diacritics, two words, one of them a prefix.
    for (const query of ['zwroccie pieniadze', 'zwróć', 'ZWROCCIE']) {
      await search(el, query);
      expect($(el, '.summary').textContent!.trim(), query).to.equal('130 results in 2 conversations');
      expect($(el, '.more').textContent!.trim()).to.equal('Showing the newest 100 of 130.');
      expect(sum(listed())).to.equal(100);
    }
    // "zamówienie" is in Anna's first message too.
    await search(el, 'zamowienie');
    expect($(el, '.summary').textContent!.trim()).to.equal('131 results in 2 conversations');
    await search(el, 'zwroccie');
    const more = $<HTMLButtonElement>(el, 'button.show-more');
    expect(more.textContent!.trim()).to.equal('Show 30 more');
    more.focus();
    more.click();
    await waitUntil(() => !root(el).querySelector('button.show-more'), 'the next page never came');
    expect(sum(listed())).to.equal(130);
    expect(listed()).to.deep.equal([117, 13]);
    expect(root(el).querySelector('.more')).to.equal(null);
    expect($(el, '.summary').textContent!.trim()).to.equal('130 results in 2 conversations');
    // Focus goes on from the last conversation.
    expect(activeInside(el)).to.equal([...root(el).querySelectorAll('button.open')].at(-1));
    const toggle = $<HTMLButtonElement>(el, 'button.toggle');
    toggle.click();
    await el.updateComplete;
    const snippets = [...root(el).querySelectorAll('.group')[0]!.querySelectorAll('.snippet')].map((p) => p.textContent);
    expect(snippets[0]).to.equal('Zwróćcie pieniądze za zamówienie 129');
    expect(snippets.at(-1)).to.equal('Zwróćcie pieniądze za zamówienie 1');
    await expect(el).to.be.accessible();

    // An add, an edit that drops the word, and one that empties the message.
    transport.customerSays(anna.id, 'Zwróćcie wreszcie');
    transport.customerEdits(anna.id, sent[5]!.id, 'Już nieaktualne');
    transport.customerEdits(anna.id, sent[7]!.id, '');
    await desk.settled();
    await search(el, 'zwrocc');
    expect($(el, '.summary').textContent!.trim()).to.equal('129 results in 2 conversations');
    // A conversation opened to all its matches stays open when the next page comes.
    $<HTMLButtonElement>(el, 'button.toggle').click();
    await el.updateComplete;
    expect($(el, 'button.toggle').getAttribute('aria-expanded')).to.equal('true');
    $<HTMLButtonElement>(el, 'button.show-more').click();
    await waitUntil(() => !root(el).querySelector('button.show-more'), 'the next page never came');
    expect($(el, 'button.toggle').getAttribute('aria-expanded'), 'opened conversation closed by the next page').to.equal('true');
    expect(sum(listed())).to.equal(129);
    const texts = [...root(el).querySelectorAll('.snippet')].map((p) => p.textContent);
    expect(texts).to.include('Zwróćcie wreszcie');
    expect(texts).not.to.include('Zwróćcie pieniądze za zamówienie 5');
    expect(texts).not.to.include('Zwróćcie pieniądze za zamówienie 7');

    // A filter narrows the count and the pages: Anna's conversation is the active one.
    const select = $<HTMLSelectElement>(el, '#state');
    select.value = 'active';
    select.dispatchEvent(new Event('change'));
    await settled(el);
    expect($(el, '.summary').textContent!.trim()).to.equal('116 results in 1 conversation');
    expect($(el, 'button.show-more').textContent!.trim()).to.equal('Show 16 more');
    $<HTMLButtonElement>(el, 'button.show-more').click();
    await waitUntil(() => !root(el).querySelector('button.show-more'), 'the next page never came');
    expect(listed()).to.deep.equal([116]);
  });

  it('says when nothing matches; accessible', async () => {
    const { el } = await setup();
    await search(el, 'xylophone');
    expect($(el, '[part="empty"]').textContent).to.contain('No messages match');
    expect(root(el).querySelector('.group')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('filters narrow the results: state, customer, date range', async () => {
    const { el } = await setup();
    await search(el, '4471');
    expect(groupTitles(el)).to.have.length(2);

    const select = $<HTMLSelectElement>(el, '#state');
    select.value = 'closed';
    select.dispatchEvent(new Event('change'));
    await settled(el);
    expect(groupTitles(el)).to.deep.equal(['John Smith']);
    expect($(el, '.group-header').textContent).to.contain('Closed');
    select.value = 'active';
    select.dispatchEvent(new Event('change'));
    await settled(el);
    expect(groupTitles(el)).to.deep.equal(['Anna Nowak']);
    select.value = '';
    select.dispatchEvent(new Event('change'));
    await settled(el);
    expect(groupTitles(el)).to.have.length(2);

    const customer = $<HTMLInputElement>(el, '#customer');
    customer.focus();
    await sendKeys({ type: 'smith' });
    await waitUntil(() => groupTitles(el).length === 1, 'customer filter did not apply');
    expect(groupTitles(el)).to.deep.equal(['John Smith']);
    customer.value = '';
    customer.dispatchEvent(new Event('input'));
    await waitUntil(() => groupTitles(el).length === 2, 'clearing the customer filter did not widen the results');

    const from = $<HTMLInputElement>(el, '#from');
    const to = $<HTMLInputElement>(el, '#to');
    from.value = isoDay(past);
    from.dispatchEvent(new Event('change'));
    to.value = isoDay(past);
    to.dispatchEvent(new Event('change'));
    await settled(el);
    expect(groupTitles(el)).to.deep.equal(['John Smith']);
    from.value = isoDay(Date.now() - DAY);
    from.dispatchEvent(new Event('change'));
    to.value = '';
    to.dispatchEvent(new Event('change'));
    await settled(el);
    expect(groupTitles(el)).to.deep.equal(['Anna Nowak']);
  });

  it('keyboard only: type, arrow to a result, Enter opens the transcript, Escape returns focus', async () => {
    const { el } = await setup();
    $<HTMLInputElement>(el, '#query').focus();
    await sendKeys({ type: '4471' });
    await waitUntil(() => groupTitles(el).length === 2, 'no results');
    await sendKeys({ press: 'ArrowDown' });
    expect(activeInside(el)?.getAttribute('aria-label')).to.equal('Open transcript: Anna Nowak');
    await sendKeys({ press: 'ArrowDown' });
    const johnButton = activeInside(el) as HTMLButtonElement;
    expect(johnButton.getAttribute('aria-label')).to.equal('Open transcript: John Smith');

    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const heading = $(el, '#viewer-title');
    expect(activeInside(el)).to.equal(heading);
    expect(heading.textContent).to.equal('Transcript: John Smith');
    expect($(el, '.search').hidden).to.be.true;
    await waitUntil(() => root(el).querySelector('cc-transcript'), 'transcript not shown');
    const transcript = $<CcTranscript>(el, 'cc-transcript');
    await waitUntil(() => transcript.shadowRoot!.textContent!.includes('The parcel never arrived'));
    expect(transcript.messages.map((m) => m.text)).to.include('Hello, my order 4471 is late');
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(root(el).querySelector('.viewer')).to.equal(null);
    expect(activeInside(el)).to.equal(johnButton);

    // The Back button does the same; ArrowUp from the first result goes back to the query.
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await sendKeys({ press: 'Tab' });
    expect(activeInside(el)?.textContent?.trim()).to.equal('Back to results');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(activeInside(el)).to.equal(johnButton);
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowUp' });
    expect(activeInside(el)?.id).to.equal('query');
  });

  it('fires a cancelable cc-open-transcript first; cancelled, nothing opens', async () => {
    const { el, john } = await setup();
    await search(el, 'parcel');
    const button = $<HTMLButtonElement>(el, 'button.open');
    el.addEventListener(CcOpenTranscriptEvent.type, (e) => e.preventDefault(), { once: true });
    const opened = oneEvent(el, CcOpenTranscriptEvent.type);
    button.click();
    const event = (await opened) as unknown as CcOpenTranscriptEvent;
    expect(event.conversationId).to.equal(john.id);
    await el.updateComplete;
    expect(root(el).querySelector('.viewer')).to.equal(null);
  });

  it('shows an alert when the search fails, and Retry searches again; accessible', async () => {
    const { el, desk } = await setup();
    const real = desk.searchTranscripts.bind(desk);
    let fail = true;
    desk.searchTranscripts = (...args) => (fail ? Promise.reject(new Error('index unavailable')) : real(...args));
    await search(el, 'parcel');
    expect($(el, '[role="alert"]').textContent).to.equal('The search failed.');
    expect(root(el).querySelector('.group')).to.equal(null);
    await expect(el).to.be.accessible();
    fail = false;
    $<HTMLButtonElement>(el, 'button.retry').click();
    await waitUntil(() => groupTitles(el).length === 1, 'retry did not search again');
    expect(root(el).querySelector('[role="alert"]')).to.equal(null);
    expect(marks(el)).to.deep.equal(['parcel']);
  });

  it('merges the server results, marked as such, and opens a past conversation from the server', async () => {
    const { el, transport } = await setup({ serverSearch: true });
    await search(el, 'zamowienie');
    const sources = [...root(el).querySelectorAll('[part="source"]')];
    expect(sources.length).to.be.greaterThan(0);
    expect(sources[0]!.textContent).to.equal('from the server');
    // Anna's live message is found locally, and not listed twice although the server knows it too.
    const anna = [...root(el).querySelectorAll('.group')].find((g) => g.querySelector('h3')!.textContent === 'Anna Nowak')!;
    expect(anna.querySelectorAll('.hit')).to.have.length(1);
    expect(anna.querySelector('[part="source"]')).to.equal(null);
    // A past conversation the desk never held is titled by its id until opened.
    const past = transport.crm.pastConversations().map((p) => p.conversation);
    const button = [...root(el).querySelectorAll<HTMLButtonElement>('button.open')].find((b) => past.some((c) => c.id === b.dataset['conversation']))!;
    const conversation = past.find((c) => c.id === button.dataset['conversation'])!;
    expect(button.getAttribute('aria-label')).to.equal(`Open transcript: Conversation ${conversation.id}`);
    button.click();
    await waitUntil(() => root(el).querySelector('cc-transcript'), 'past transcript not shown');
    expect($(el, '#viewer-title').textContent).to.equal(`Transcript: ${conversation.customer.name}`);
    expect($(el, '.viewer-header').textContent).to.contain('Closed');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, 'button.back').click();
    await el.updateComplete;
    expect(activeInside(el)).to.equal(button);
    expect(button.getAttribute('aria-label')).to.equal(`Open transcript: ${conversation.customer.name}`);
  });

  it('speaks Polish, with Polish plurals', async () => {
    const t = pl.transcriptSearch;
    expect([1, 2, 5, 12, 22].map((n) => t.results(n))).to.deep.equal(['1 wynik', '2 wyniki', '5 wyników', '12 wyników', '22 wyniki']);
    expect([1, 3, 5].map((n) => t.inConversations(n))).to.deep.equal(['w 1 rozmowie', 'w 3 rozmowach', 'w 5 rozmowach']);
    expect([1, 2, 5].map((n) => t.matches(n))).to.deep.equal(['1 trafienie', '2 trafienia', '5 trafień']);
    expect(t.indexing(12345).replace(/\s/gu, ' ')).to.equal('Indeksowanie… 12 345 wiadomości');
    expect(en.transcriptSearch.indexing(12345)).to.equal('Indexing… 12,345 messages');
    expect([1, 2, 30].map((n) => t.showMore(n))).to.deep.equal(['Pokaż 1 następny', 'Pokaż 2 następne', 'Pokaż 30 następnych']);
    expect(t.more(100, 914)).to.equal('Pokazano 100 najnowszych z 914.');
    expect(en.transcriptSearch.more(100, 1914)).to.equal('Showing the newest 100 of 1,914.');

    const { el } = await setup({ lang: 'pl' });
    await waitUntil(() => $<HTMLInputElement>(el, '#query').labels![0]!.textContent === 'Szukaj w transkrypcjach', 'not in Polish');
    await search(el, '4471');
    expect($(el, '.summary').textContent!.trim()).to.equal('2 wyniki w 2 rozmowach');
    expect($(el, 'button.open').textContent!.trim()).to.equal('Otwórz transkrypcję');
    await expect(el).to.be.accessible();
  });
});
