import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Desk } from '../../src/core/desk/desk.js';
import type { CrmRecord } from '../../src/core/records.js';
import { TransportError, type Capabilities } from '../../src/core/transport.js';
import '../../src/elements/record-search/define.js';
import type { CcRecordSearch } from '../../src/elements/record-search/record-search.js';
import type { CcRecordCreate } from '../../src/elements/record-create/record-create.js';
import { CcCreateRecordEvent, CcLinkEvent, CcRecordCreatedEvent, CcUnlinkEvent } from '../../src/elements/events.js';
import { loadCatalog } from '../../src/i18n/index.js';
import { pl } from '../../src/i18n/pl.js';
import { SimulatedTransport } from '../../src/transports/simulated/index.js';
import { testDesk, TestTransport } from '../harness.js';

interface Setup {
  el: CcRecordSearch;
  desk: Desk;
  transport: TestTransport;
  conversationId: string;
}

async function setup(
  options: { capabilities?: Partial<Capabilities>; lang?: string; records?: CrmRecord[]; noConversation?: boolean } = {},
): Promise<Setup> {
  const sim = new SimulatedTransport({ seed: 11 });
  const transport = new TestTransport({
    sim,
    ...(options.records ? { records: options.records } : {}),
    ...(options.capabilities ? { capabilities: options.capabilities } : {}),
  });
  const desk = testDesk({ transport });
  await desk.connect();
  const conversation = sim.startConversation({
    locale: 'en',
    customer: { name: 'Anna Nowak' },
    firstMessage: 'My parcel arrived damaged, the box was wet.',
  });
  if (!options.noConversation) desk.setActive(conversation.id);
  // Polish loads on first use; loading it first keeps the test from reading a moment of English.
  if (options.lang) await loadCatalog(options.lang);
  const el = await fixture<CcRecordSearch>(html`<cc-record-search .desk=${desk} lang=${options.lang ?? 'en'}></cc-record-search>`);
  return { el, desk, transport, conversationId: conversation.id };
}

const $ = <T extends Element = HTMLElement>(el: CcRecordSearch, selector: string): T | null => el.shadowRoot!.querySelector<T>(selector);
const field = (el: CcRecordSearch): HTMLInputElement => $<HTMLInputElement>(el, 'input[type="search"]')!;
const results = (el: CcRecordSearch): HTMLLIElement[] => [...el.shadowRoot!.querySelectorAll<HTMLLIElement>('[part="result"]')];
const resultNamed = (el: CcRecordSearch, title: string): HTMLLIElement | undefined =>
  results(el).find((li) => li.querySelector('.title')?.textContent === title);
const linkButton = (el: CcRecordSearch, title: string): HTMLButtonElement => resultNamed(el, title)!.querySelector('button')!;
const statusLine = (el: CcRecordSearch): string => $(el, '.status-line')?.textContent?.trim() ?? '';
const slotText = (el: CcRecordSearch, slot: 'customer' | 'case'): string =>
  el.shadowRoot!.querySelectorAll('.slot dd')[slot === 'customer' ? 0 : 1]!.textContent!.replace(/\s+/g, ' ').trim();
const unlinkButton = (el: CcRecordSearch, slot: 'customer' | 'case'): HTMLButtonElement | null =>
  $<HTMLButtonElement>(el, `[part="unlink"][data-slot="${slot}"]`);
const focused = (el: CcRecordSearch): Element | null => el.shadowRoot!.activeElement;

/** Compares by identity and describes elements by their name: chai's diff of two elements is too big to report. */
function expectFocused(el: CcRecordSearch, target: Element | null | undefined): void {
  const active = focused(el);
  const describe = (node: Element | null | undefined): string =>
    node ? `<${node.localName}> "${node.getAttribute('aria-label') ?? node.textContent!.trim()}"` : String(node);
  expect(active === target && target != null, `focus is on ${describe(active)}, expected ${describe(target)}`).to.equal(true);
}

/** Types into the search field and waits for the debounced search to answer. */
async function search(el: CcRecordSearch, transport: TestTransport, text: string): Promise<void> {
  const before = transport.executed('records.search').length;
  field(el).focus();
  field(el).select();
  await sendKeys({ type: text });
  await waitUntil(
    () => transport.executed('records.search').length > before && (el.searchState === 'results' || el.searchState === 'error'),
    `no answer for "${text}"`,
    { timeout: 3000 },
  );
  await el.updateComplete;
}

async function shiftTab(): Promise<void> {
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ up: 'Shift' });
}

describe('cc-record-search', () => {
  it('is defined, with cc-record-create', () => {
    expect(customElements.get('cc-record-search')).to.exist;
    expect(customElements.get('cc-record-create')).to.exist;
  });

  it('shows empty slots, the never-deletes hint and the idle search, and is accessible', async () => {
    const { el } = await setup();
    expect(slotText(el, 'customer')).to.equal('Nothing linked');
    expect(slotText(el, 'case')).to.equal('Nothing linked');
    expect($(el, '#unlink-hint')!.textContent).to.contain('the record is never deleted');
    expect(statusLine(el)).to.equal('Type to search contacts, accounts and cases.');
    expect(field(el).getAttribute('aria-controls')).to.equal('results');
    expect($(el, '#results')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('searches after a pause while typing (one command), shows kind, title, subtitle and status, and is accessible', async () => {
    const { el, transport } = await setup();
    await search(el, transport, 'o');
    await search(el, transport, 'zwrot');
    expect(transport.executed('records.search').map((c) => c.query)).to.deep.equal(['o', 'zwrot']);
    expect(results(el)).to.have.lengthOf(1);
    const row = results(el)[0]!;
    expect(row.querySelector('.badge')!.textContent).to.equal('Case');
    expect(row.querySelector('.subtitle')!.textContent).to.equal('CS-00398');
    expect(row.querySelector('.status')!.textContent).to.equal('In progress');
    expect(statusLine(el)).to.equal('1 result');

    field(el).select();
    await sendKeys({ type: 'nowak' });
    await waitUntil(() => results(el).length === 2, 'results for "nowak"');
    // "n", "no", "now"… typed quickly became one search.
    expect(transport.executed('records.search').map((c) => c.query)).to.deep.equal(['o', 'zwrot', 'nowak']);
    expect(statusLine(el)).to.equal('2 results');
    expect(results(el).map((li) => li.querySelector('.title')!.textContent)).to.deep.equal(['Anna Nowak', 'Nowak Logistics sp. z o.o.']);
    expect(linkButton(el, 'Anna Nowak').getAttribute('aria-label')).to.equal('Link contact Anna Nowak');
    await expect(el).to.be.accessible();
  });

  it('searches at once on Enter', async () => {
    const { el, transport } = await setup();
    field(el).focus();
    await sendKeys({ type: 'kowalski' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.searchState === 'results', 'no results');
    expect(transport.executed('records.search')).to.have.lengthOf(1);
    expect(results(el)).to.have.lengthOf(1);
  });

  it('marks the results busy while searching', async () => {
    const { el, transport } = await setup();
    transport.hold('records.search');
    field(el).focus();
    await sendKeys({ type: 'anna' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.searchState === 'searching');
    await el.updateComplete;
    expect($(el, '#results')!.getAttribute('aria-busy')).to.equal('true');
    expect(statusLine(el)).to.equal('Searching…');
    transport.release('records.search');
    await waitUntil(() => el.searchState === 'results');
    await el.updateComplete;
    expect($(el, '#results')!.getAttribute('aria-busy')).to.equal('false');
  });

  it('filters by kind', async () => {
    const { el, transport } = await setup();
    await search(el, transport, 'a');
    expect(new Set(results(el).map((li) => li.querySelector('.badge')!.textContent))).to.have.lengthOf(3);
    $<HTMLInputElement>(el, 'input[type="radio"][value="case"]')!.click();
    await waitUntil(() => transport.executed('records.search').length === 2 && el.searchState === 'results');
    await el.updateComplete;
    expect(transport.executed('records.search')[1]!.kinds).to.deep.equal(['case']);
    expect(results(el).length).to.be.greaterThan(0);
    expect(results(el).every((li) => li.querySelector('.badge')!.textContent === 'Case')).to.equal(true);
  });

  it('says when nothing matches, accessibly', async () => {
    const { el, transport } = await setup();
    await search(el, transport, 'zzz');
    expect(results(el)).to.have.lengthOf(0);
    expect(statusLine(el)).to.equal('No records match “zzz”.');
    await expect(el).to.be.accessible();
  });

  it('shows a failed search with Try again, accessibly, and recovers', async () => {
    const { el, transport } = await setup();
    transport.failNext('records.search', new TransportError('unavailable', 'CRM is down'));
    await search(el, transport, 'anna');
    expect(el.searchState).to.equal('error');
    const alert = $(el, '.search [role="alert"]')!;
    expect(alert.textContent).to.contain('Search failed.');
    await expect(el).to.be.accessible();
    alert.querySelector('button')!.click();
    await waitUntil(() => el.searchState === 'results', 'retry did not search');
    await el.updateComplete;
    expect(results(el)).to.have.lengthOf(1);
    expectFocused(el, field(el));
  });

  it('keyboard only: type → Down → Enter links; Unlink from the keyboard clears it; the record is still found', async () => {
    const { el, desk, transport, conversationId } = await setup();
    const links: CcLinkEvent[] = [];
    el.addEventListener(CcLinkEvent.type, (e) => links.push(e));
    await search(el, transport, 'anna');
    await sendKeys({ press: 'ArrowDown' });
    expectFocused(el, linkButton(el, 'Anna Nowak'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => slotText(el, 'customer').includes('Anna Nowak'), 'link not shown in the linked area');

    expect(links).to.have.lengthOf(1);
    expect(links[0]!.conversationId).to.equal(conversationId);
    expect(links[0]!.record).to.deep.equal({ kind: 'contact', id: 'contact-1', title: 'Anna Nowak' });
    expect(transport.executed('records.link')).to.have.lengthOf(1);
    expect(desk.$conversations.get()[conversationId]!.links?.customer?.id).to.equal('contact-1');
    expect(slotText(el, 'case')).to.equal('Nothing linked');
    expect($(el, '.notice')!.textContent).to.equal('Linked Anna Nowak.');
    // Focus stays on the result, which now says it is linked.
    expectFocused(el, linkButton(el, 'Anna Nowak'));
    expect(linkButton(el, 'Anna Nowak').textContent!.trim()).to.equal('Linked');
    expect(linkButton(el, 'Anna Nowak').getAttribute('aria-disabled')).to.equal('true');

    // Back up to the Unlink button with Shift+Tab only.
    const unlink = unlinkButton(el, 'customer')!;
    expect(unlink.getAttribute('aria-label')).to.equal('Unlink contact Anna Nowak');
    expect(unlink.getAttribute('aria-describedby')).to.equal('unlink-hint');
    for (let i = 0; i < 10 && focused(el) !== unlink; i++) await shiftTab();
    expectFocused(el, unlink);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => slotText(el, 'customer') === 'Nothing linked', 'unlink not shown');
    expect(transport.executed('records.unlink').map((c) => c.slot)).to.deep.equal(['customer']);
    expect($(el, '.notice')!.textContent).to.equal('Unlinked Anna Nowak. The record itself is kept.');
    await waitUntil(() => focused(el) === field(el), 'focus did not return to the search field');

    // Unlinking deleted nothing: the contact is still found.
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => transport.executed('records.search').length === 2 && el.searchState === 'results');
    await el.updateComplete;
    expect(resultNamed(el, 'Anna Nowak')).to.exist;
    expect(linkButton(el, 'Anna Nowak').textContent!.trim()).to.equal('Link');
  });

  it('moves between results with the arrow keys and back to the field with Escape', async () => {
    const { el, transport } = await setup();
    await search(el, transport, 'nowak');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    expectFocused(el, linkButton(el, 'Nowak Logistics sp. z o.o.'));
    await sendKeys({ press: 'ArrowUp' });
    expectFocused(el, linkButton(el, 'Anna Nowak'));
    await sendKeys({ press: 'End' });
    expectFocused(el, linkButton(el, 'Nowak Logistics sp. z o.o.'));
    await sendKeys({ press: 'Escape' });
    expectFocused(el, field(el));
  });

  it('linking a second contact replaces the first; a case goes to its own slot', async () => {
    const { el, transport, conversationId, desk } = await setup();
    await search(el, transport, 'a');
    linkButton(el, 'Anna Nowak').click();
    await waitUntil(() => slotText(el, 'customer').includes('Anna Nowak'));
    expect(linkButton(el, 'Jan Kowalski').getAttribute('aria-label')).to.equal('Link contact Jan Kowalski, replacing Anna Nowak');
    expect(linkButton(el, 'Nowak Logistics sp. z o.o.').getAttribute('aria-label')).to.equal(
      'Link account Nowak Logistics sp. z o.o., replacing Anna Nowak',
    );
    expect(linkButton(el, 'Parcel arrived damaged').getAttribute('aria-label')).to.equal('Link case Parcel arrived damaged');

    linkButton(el, 'Jan Kowalski').click();
    await waitUntil(() => slotText(el, 'customer').includes('Jan Kowalski'));
    expect(slotText(el, 'customer')).not.to.contain('Anna Nowak');
    linkButton(el, 'Parcel arrived damaged').click();
    await waitUntil(() => slotText(el, 'case').includes('Parcel arrived damaged'));
    expect(slotText(el, 'customer')).to.contain('Jan Kowalski');
    expect(transport.executed('records.link').map((c) => c.record.id)).to.deep.equal(['contact-1', 'contact-2', 'case-1']);
    expect(desk.$conversations.get()[conversationId]!.links).to.deep.include({
      customer: { kind: 'contact', id: 'contact-2', title: 'Jan Kowalski' },
    });
    expect(results(el).filter((li) => li.hasAttribute('data-linked'))).to.have.lengthOf(2);
    await expect(el).to.be.accessible();
  });

  it('a cancelled cc-link links nothing', async () => {
    const { el, desk, transport } = await setup();
    el.addEventListener(CcLinkEvent.type, (e) => e.preventDefault());
    await search(el, transport, 'anna');
    linkButton(el, 'Anna Nowak').click();
    await desk.settled();
    await el.updateComplete;
    expect(transport.executed('records.link')).to.have.lengthOf(0);
    expect(slotText(el, 'customer')).to.equal('Nothing linked');
  });

  it('a cancelled cc-unlink keeps the link', async () => {
    const { el, transport, desk, conversationId } = await setup();
    await desk.link(conversationId, { kind: 'case', id: 'case-1', title: 'Parcel arrived damaged' });
    await el.updateComplete;
    const seen: CcUnlinkEvent[] = [];
    el.addEventListener(CcUnlinkEvent.type, (e) => {
      seen.push(e);
      e.preventDefault();
    });
    unlinkButton(el, 'case')!.click();
    await desk.settled();
    await el.updateComplete;
    expect(seen).to.have.lengthOf(1);
    expect(seen[0]!.slot).to.equal('case');
    expect(seen[0]!.record.id).to.equal('case-1');
    expect(seen[0]!.cancelable && seen[0]!.bubbles && seen[0]!.composed).to.equal(true);
    expect(transport.executed('records.unlink')).to.have.lengthOf(0);
    expect(slotText(el, 'case')).to.contain('Parcel arrived damaged');
  });

  it('shows a failed link', async () => {
    const { el, transport } = await setup();
    transport.failNext('records.link', new TransportError('network', 'offline'));
    await search(el, transport, 'anna');
    linkButton(el, 'Anna Nowak').click();
    await waitUntil(() => $(el, '.linked [role="alert"]')!.textContent === 'The record could not be linked. Try again.');
    expect(slotText(el, 'customer')).to.equal('Nothing linked');
  });

  it('opens quick-create with focus inside, prefilled, and Cancel returns focus to its button', async () => {
    const { el } = await setup();
    const newCase = $<HTMLButtonElement>(el, 'button[data-create="case"]')!;
    newCase.focus();
    await sendKeys({ press: 'Enter' });
    const form = (): CcRecordCreate | null => $<CcRecordCreate>(el, 'cc-record-create');
    await waitUntil(() => form()?.shadowRoot?.activeElement?.getAttribute('name') === 'subject', 'focus did not move into the form');
    expect(newCase.getAttribute('aria-expanded')).to.equal('true');
    expect(newCase.getAttribute('aria-controls')).to.equal('quick-create');
    const subject = form()!.shadowRoot!.querySelector<HTMLInputElement>('[name="subject"]')!;
    expect(subject.value).to.equal('My parcel arrived damaged, the box was wet.');
    await expect(el).to.be.accessible();

    form()!.shadowRoot!.querySelector<HTMLButtonElement>('[part="cancel"]')!.click();
    await waitUntil(() => !form(), 'form not closed');
    await waitUntil(() => focused(el) === newCase, 'focus did not return to New case');
    expect(newCase.getAttribute('aria-expanded')).to.equal('false');
  });

  it('quick-creates a contact, links it, closes the form and returns focus', async () => {
    const { el, transport } = await setup();
    const created: CcRecordCreatedEvent[] = [];
    const intents: CcCreateRecordEvent[] = [];
    el.addEventListener(CcRecordCreatedEvent.type, (e) => created.push(e));
    el.addEventListener(CcCreateRecordEvent.type, (e) => intents.push(e));
    const newContact = $<HTMLButtonElement>(el, 'button[data-create="contact"]')!;
    newContact.click();
    const form = (): CcRecordCreate | null => $<CcRecordCreate>(el, 'cc-record-create');
    await waitUntil(() => form()?.shadowRoot?.activeElement, 'form not focused');
    const lastName = form()!.shadowRoot!.querySelector<HTMLInputElement>('[name="lastName"]')!;
    expect(lastName.value).to.equal('Nowak');
    form()!.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit"]')!.click();
    await waitUntil(() => !form(), 'form not closed after create');
    expect(intents).to.have.lengthOf(1);
    expect(created).to.have.lengthOf(1);
    expect(created[0]!.linked).to.equal(true);
    expect(transport.executed('records.create')).to.have.lengthOf(1);
    expect(slotText(el, 'customer')).to.contain('Anna Nowak');
    expect($(el, '.notice')!.textContent).to.equal('Contact “Anna Nowak” created and linked.');
    await waitUntil(() => focused(el) === newContact, 'focus did not return to New contact');
  });

  it('a cancelled cc-create-record creates nothing and keeps the form open', async () => {
    const { el, desk, transport } = await setup();
    el.addEventListener(CcCreateRecordEvent.type, (e) => e.preventDefault());
    $<HTMLButtonElement>(el, 'button[data-create="case"]')!.click();
    await el.updateComplete;
    const form = $<CcRecordCreate>(el, 'cc-record-create')!;
    await form.updateComplete;
    form.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit"]')!.click();
    await desk.settled();
    await el.updateComplete;
    expect(transport.executed('records.create')).to.have.lengthOf(0);
    expect(transport.executed('records.link')).to.have.lengthOf(0);
    expect($(el, 'cc-record-create')).to.exist;
  });

  it('hides itself when the transport has no records', async () => {
    const { el } = await setup({ capabilities: { records: false } });
    expect(getComputedStyle(el).display).to.equal('none');
    expect(field(el) === null, 'the search field is rendered').to.equal(true);
  });

  it('says so when there is no conversation, accessibly', async () => {
    const { el } = await setup({ noConversation: true });
    expect(el.shadowRoot!.textContent).to.contain('Open a conversation to link records to it.');
    expect(field(el) === null, 'the search field is rendered').to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('follows conversation-id over the active conversation', async () => {
    const { el, desk, transport } = await setup();
    const other = transport.sim.startConversation({ locale: 'en', customer: { name: 'Jan Kowalski' } });
    await desk.link(other.id, { kind: 'contact', id: 'contact-2', title: 'Jan Kowalski' });
    el.conversationId = other.id;
    await el.updateComplete;
    expect(slotText(el, 'customer')).to.contain('Jan Kowalski');
  });

  it("works on the simulator's own CRM: find the customer's contact, link it, unlink it, the contact remains", async () => {
    const transport = new SimulatedTransport({ seed: 3 });
    const desk = testDesk({ transport });
    await desk.connect();
    const conversation = transport.startConversation({ locale: 'en', customer: { name: 'Megan Oduya' }, links: {} });
    desk.setActive(conversation.id);
    const contact = transport.crm.contactOf(conversation.customer.id)!;
    const el = await fixture<CcRecordSearch>(html`<cc-record-search .desk=${desk}></cc-record-search>`);
    field(el).focus();
    await sendKeys({ type: 'megan oduya' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => resultNamed(el, 'Megan Oduya'), 'the customer was not found');
    linkButton(el, 'Megan Oduya').click();
    await waitUntil(() => slotText(el, 'customer').includes('Megan Oduya'), 'not linked');
    expect(transport.conversation(conversation.id)!.links?.customer?.id).to.equal(contact.id);
    unlinkButton(el, 'customer')!.click();
    await waitUntil(() => slotText(el, 'customer') === 'Nothing linked', 'not unlinked');
    expect(transport.conversation(conversation.id)!.links?.customer).to.equal(undefined);
    expect(transport.crm.record(contact.id)?.title).to.equal('Megan Oduya');
  });

  it('speaks Polish, with Polish plurals for result counts', async () => {
    const kowalscy: CrmRecord[] = [1, 2, 3, 4, 5].map((n) => ({
      kind: n <= 3 ? 'contact' : 'case',
      id: `k-${n}`,
      title: `Kowalski ${n}`,
      ...(n > 3 ? { status: 'closed' } : {}),
    }));
    const { el, transport } = await setup({ lang: 'pl', records: kowalscy });
    expect($(el, 'label[for="search"]')!.textContent).to.equal('Szukaj kontaktów, kont i spraw');
    expect(slotText(el, 'customer')).to.equal('Brak powiązania');
    await search(el, transport, 'kowal');
    expect(statusLine(el)).to.equal('5 wyników');
    expect(linkButton(el, 'Kowalski 1').getAttribute('aria-label')).to.equal('Powiąż kontakt Kowalski 1');
    expect(linkButton(el, 'Kowalski 4').getAttribute('aria-label')).to.equal('Powiąż sprawę Kowalski 4');
    expect(resultNamed(el, 'Kowalski 4')!.querySelector('.status')!.textContent).to.equal('Zamknięta');
    $<HTMLInputElement>(el, 'input[type="radio"][value="contact"]')!.click();
    await waitUntil(() => statusLine(el) === '3 wyniki', 'no Polish count for 3');
    expect(pl.records.results(1)).to.equal('1 wynik');
    expect(pl.records.results(22)).to.equal('22 wyniki');
    expect(pl.records.results(12)).to.equal('12 wyników');
    await expect(el).to.be.accessible();
  });
});
