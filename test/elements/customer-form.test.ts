import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Desk } from '../../src/core/desk/desk.js';
import type { Conversation } from '../../src/core/model.js';
import type { CrmRecord } from '../../src/core/records.js';
import { TransportError } from '../../src/core/transport.js';
import '../../src/elements/customer-form/define.js';
import type { CcCustomerForm } from '../../src/elements/customer-form/customer-form.js';
import { SimulatedTransport, type OfferInput } from '../../src/transports/simulated/index.js';
import { testDesk, TestTransport } from '../harness.js';

const MINUTE = 60_000;

const annaCases = (): CrmRecord[] => [
  { kind: 'case', id: 'case-1', title: 'Parcel arrived damaged', subtitle: 'CS-00412', status: 'open', customerId: 'cust-anna', updatedAt: Date.now() - 5 * MINUTE },
  { kind: 'case', id: 'case-2', title: 'Refund for order 5521', subtitle: 'CS-00398', status: 'closed', customerId: 'cust-anna' },
  { kind: 'case', id: 'case-9', title: 'Someone else’s case', status: 'open', customerId: 'cust-jan' },
];

/** The simulator with a tiny CRM in front: it finds only `cases` and owns the links it reports. */
async function makeDesk(options: { records?: boolean; cases?: CrmRecord[] } = {}): Promise<{ desk: Desk; crm: TestTransport; sim: SimulatedTransport }> {
  const sim = new SimulatedTransport({ seed: 5 });
  const records = options.records ?? true;
  const crm = new TestTransport({ sim, records: options.cases ?? annaCases(), capabilities: { records, notes: records } });
  const desk = testDesk({ transport: crm });
  await desk.connect();
  return { desk, crm, sim };
}

const anna: OfferInput = {
  conversationId: 'conv-anna',
  locale: 'en',
  customer: { id: 'cust-anna', name: 'Anna Nowak', locale: 'pl-PL', facebookId: '2718281828459045', avatarUrl: 'javascript:alert(1)' },
  queue: 'Orders',
  firstMessage: 'Where is my parcel?',
};

const jan: OfferInput = {
  conversationId: 'conv-jan',
  locale: 'en',
  customer: { id: 'cust-jan', name: 'Jan Kowalski' },
  queue: 'Billing',
};

/** A conversation no simulated customer talks in. */
const quiet = (fields: Pick<Conversation, 'id' | 'state' | 'requestedAt'> & Partial<Conversation>): Conversation => ({
  customer: { id: 'cust-quiet', name: 'Ola Quiet' },
  channel: 'facebook',
  queue: 'Orders',
  ...fields,
});

/** The form on the page, once the desk has settled (`settle: false` while a command is held on purpose). */
async function mount(
  desk: Desk,
  attrs: { lang?: string; view?: string; conversationId?: string; settle?: boolean } = {},
): Promise<CcCustomerForm> {
  const el = await fixture<CcCustomerForm>(html`
    <cc-customer-form
      .desk=${desk}
      lang=${attrs.lang ?? 'en'}
      view=${ifDefined(attrs.view)}
      conversation-id=${ifDefined(attrs.conversationId)}
    ></cc-customer-form>
  `);
  if (attrs.settle === false) await el.updateComplete;
  else await settle(el);
  return el;
}

async function settle(el: CcCustomerForm): Promise<void> {
  await el.activeDesk?.settled();
  await el.updateComplete;
}

function part(el: CcCustomerForm, name: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
}

function text(node: Element | null): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The `<dd>` after the `<dt>` with this label, inside a part. */
function field(el: CcCustomerForm, partName: string, label: string): string {
  const terms = [...(part(el, partName)?.querySelectorAll('dt') ?? [])];
  const dt = terms.find((d) => text(d) === label);
  return dt ? text(dt.nextElementSibling) : `(no field ${label})`;
}

function focused(el: CcCustomerForm): string {
  const active = el.shadowRoot!.activeElement;
  return active ? (active.id || active.localName) : 'outside';
}


/** Every image `root` ever shows, even one removed again at once (a failed load is dropped). */
function recordImages(root: ShadowRoot): string[] {
  const seen: string[] = [];
  const note = (node: Node): void => {
    if (node instanceof HTMLImageElement) seen.push(node.getAttribute('src') ?? '');
    if (node instanceof Element) node.querySelectorAll('img').forEach(note);
  };
  new MutationObserver((records) => records.forEach((r) => r.addedNodes.forEach(note))).observe(root, { childList: true, subtree: true });
  return seen;
}

describe('cc-customer-form', () => {
  it('is defined', () => {
    expect(customElements.get('cc-customer-form')).to.exist;
  });

  it('says there is no conversation, accessibly', async () => {
    const { desk } = await makeDesk();
    const el = await mount(desk);
    expect(text(part(el, 'empty'))).to.equal('No conversation is open. Accept an incoming conversation to see the customer.');
    expect(part(el, 'customer')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('renders the customer and the conversation summary', async () => {
    const { desk, sim } = await makeDesk();
    const c = sim.startConversation({ ...anna, requestedAt: Date.now() - 65_000 });
    desk.setActive(c.id);
    const el = await mount(desk);

    expect(text(part(el, 'name'))).to.equal('Anna Nowak');
    expect(field(el, 'customer', 'Language')).to.equal('Polish (Poland) (pl-PL)');
    expect(field(el, 'customer', 'Facebook profile ID')).to.equal('2718281828459045');
    expect(el.shadowRoot!.querySelector('img'), 'a javascript: avatar is never loaded').to.equal(null);

    expect(text(part(el, 'state'))).to.equal('Active');
    expect(field(el, 'summary', 'Channel')).to.equal('Facebook Messenger');
    expect(field(el, 'summary', 'Queue')).to.equal('Orders');
    // acceptedAt − requestedAt: frozen once accepted.
    expect(field(el, 'summary', 'Waiting time')).to.match(/^1:0[5-6]$/);
    expect(field(el, 'summary', 'Skills')).to.not.equal('Not provided');
    expect(part(el, 'summary')!.querySelectorAll('.chips li').length).to.equal(c.skills!.length);
    const started = part(el, 'summary')!.querySelector('time')!;
    expect(new Date(started.dateTime).getTime()).to.equal(c.requestedAt);
    expect(text(started)).to.match(/\d{1,2}:\d{2}/);
    await expect(el).to.be.accessible();
  });

  it('shows an http(s) avatar and renders customer-provided text as text', async () => {
    const { desk, sim, crm } = await makeDesk();
    crm.extend('conv-anna', {
      preChat: [{ question: 'Order number?', answer: '<img src=x onerror="window.pwned=1">' }],
      visitor: { '<b>Page</b>': 'javascript:alert(1)' },
    });
    // Served by the test server itself, so it loads without a network.
    const avatarUrl = `${location.origin}/test/fixtures/avatar.svg`;
    const c = sim.startConversation({
      ...anna,
      customer: { ...anna.customer, name: '<script>window.pwned=1</script>', avatarUrl },
    });
    desk.setActive(c.id);
    const el = await mount(desk);
    const avatar = () => el.shadowRoot!.querySelector<HTMLImageElement>('[part~="avatar"] img');
    await waitUntil(() => avatar()?.complete && avatar()!.naturalWidth > 0, 'the avatar never loaded');
    expect(text(part(el, 'name'))).to.equal('<script>window.pwned=1</script>');
    expect(el.shadowRoot!.querySelectorAll('script, b, a').length).to.equal(0);
    const images = el.shadowRoot!.querySelectorAll('img');
    expect(images.length).to.equal(1);
    expect(images[0]!.getAttribute('src')).to.equal(avatarUrl);
    expect(images[0]!.getAttribute('alt')).to.equal('');
    expect(text(el.shadowRoot!.querySelector('#panel-pre-chat'))).to.include('<img src=x onerror="window.pwned=1">');
    expect((window as { pwned?: number }).pwned).to.equal(undefined);
  });

  it('never fetches a relative or protocol-relative avatar URL against the page, and sends no referrer', async () => {
    const { desk, sim } = await makeDesk();
    const el = await mount(desk);
    const images = recordImages(el.shadowRoot!);
    // Resolved against the CRM's own origin, these would be requests made with the agent's cookies.
    const relative = ['/api/session/logout?all=1', 'api/session/logout', '//evil.example/a.png', '?logout=1'];
    for (const [i, avatarUrl] of relative.entries()) {
      const c = sim.startConversation({ ...anna, conversationId: `conv-relative-${i}`, customer: { ...anna.customer, avatarUrl } });
      desk.setActive(c.id);
      await waitUntil(() => part(el, 'name') !== null && el.conversation?.id === c.id, 'the conversation was not shown');
      await el.updateComplete;
    }
    expect(images).to.deep.equal([]);
    const avatarUrl = `${location.origin}/test/fixtures/avatar.svg`;
    const c = sim.startConversation({ ...anna, conversationId: 'conv-absolute', customer: { ...anna.customer, avatarUrl } });
    desk.setActive(c.id);
    await waitUntil(() => el.shadowRoot!.querySelector('img'), 'an absolute https avatar was not shown');
    expect(el.shadowRoot!.querySelector('img')!.getAttribute('referrerpolicy')).to.equal('no-referrer');
  });

  it('shows initials instead of an avatar that fails to load, never a broken image', async () => {
    const { desk, sim } = await makeDesk();
    // The test server answers 404: a failure that needs no network either.
    const c = sim.startConversation({ ...anna, customer: { ...anna.customer, avatarUrl: `${location.origin}/test/fixtures/no-such-avatar.png` } });
    desk.setActive(c.id);
    const el = await mount(desk);
    const image = () => el.shadowRoot!.querySelector<HTMLImageElement>('[part~="avatar"] img');
    await waitUntil(() => part(el, 'name') !== null && image()?.hidden, 'the broken avatar stayed');
    expect(image()!.getBoundingClientRect().width).to.equal(0);
    expect(text(part(el, 'avatar'))).to.equal('AN');
    expect(text(part(el, 'name'))).to.equal('Anna Nowak');
  });

  it('counts the waiting time live while nobody has accepted the conversation', async () => {
    const { desk, crm } = await makeDesk();
    // Announced directly: no scripted customer updates anything, so only the clock can move the figure.
    crm.emit({ type: 'conversation.updated', conversation: quiet({ id: 'conv-queued', state: 'open', requestedAt: Date.now() - 30_000 }) });
    const el = await mount(desk, { conversationId: 'conv-queued' });
    expect(text(part(el, 'state'))).to.equal('Open');
    const first = field(el, 'summary', 'Waiting time');
    expect(first).to.match(/^0:3[01]$/);
    await waitUntil(() => /^0:3[1-3]$/.test(field(el, 'summary', 'Waiting time')) && field(el, 'summary', 'Waiting time') !== first, 'waiting time did not move', { timeout: 2500 });
  });

  it('follows the active conversation and switches when it changes', async () => {
    const { desk, sim, crm } = await makeDesk();
    const a = sim.startConversation(anna);
    const j = sim.startConversation(jan);
    desk.setActive(a.id);
    const el = await mount(desk);
    expect(text(part(el, 'name'))).to.equal('Anna Nowak');
    await waitUntil(() => part(el, 'recent-cases')?.querySelectorAll('li').length === 2, 'Anna’s cases not shown');

    desk.setActive(j.id);
    await settle(el);
    expect(text(part(el, 'name'))).to.equal('Jan Kowalski');
    expect(field(el, 'summary', 'Queue')).to.equal('Billing');
    await waitUntil(() => text(part(el, 'recent-cases')).includes('Someone else’s case'), 'Jan’s cases not shown');
    expect(text(part(el, 'recent-cases'))).to.not.include('Parcel arrived damaged');
    expect(crm.executed('records.search').map((s) => s.customerId)).to.deep.equal(['cust-anna', 'cust-jan']);

    desk.setActive(undefined);
    await settle(el);
    expect(part(el, 'empty')).to.not.equal(null);
  });

  it('shows the conversation named by conversation-id, whatever is active', async () => {
    const { desk, sim } = await makeDesk();
    const a = sim.startConversation(anna);
    const j = sim.startConversation(jan);
    desk.setActive(j.id);
    const el = await mount(desk, { conversationId: a.id });
    expect(text(part(el, 'name'))).to.equal('Anna Nowak');
    desk.setActive(j.id);
    await settle(el);
    expect(text(part(el, 'name'))).to.equal('Anna Nowak');
    el.removeAttribute('conversation-id');
    await settle(el);
    expect(text(part(el, 'name'))).to.equal('Jan Kowalski');
  });

  it('lists recent cases of the customer, marks the linked one and shows linked records', async () => {
    const { desk, sim, crm } = await makeDesk();
    const c = sim.startConversation(anna);
    desk.setActive(c.id);
    const el = await mount(desk);
    await waitUntil(() => part(el, 'recent-cases')?.querySelectorAll('li').length === 2, 'recent cases not shown');
    expect(crm.executed('records.search')[0]).to.deep.include({ query: '', kinds: ['case'], customerId: 'cust-anna', limit: 5 });
    expect(field(el, 'links', 'Case')).to.equal('No case linked.');
    expect(field(el, 'links', 'Contact or account')).to.equal('No contact or account linked.');

    await desk.link(c.id, { kind: 'case', id: 'case-1', title: 'Parcel arrived damaged' });
    await desk.link(c.id, { kind: 'contact', id: 'contact-1', title: 'Anna Nowak' });
    await settle(el);
    expect(field(el, 'links', 'Case')).to.equal('Parcel arrived damaged');
    expect(field(el, 'links', 'Contact or account')).to.equal('Contact: Anna Nowak');
    await waitUntil(() => part(el, 'recent-cases')!.querySelector('.linked') !== null, 'linked case not marked');
    const linkedItem = part(el, 'recent-cases')!.querySelector('.linked')!.closest('li')!;
    expect(text(linkedItem)).to.include('Parcel arrived damaged');
    expect(text(linkedItem)).to.include('CS-00412');
    await expect(el).to.be.accessible();
  });

  it('says so when the customer has no cases, and while they load', async () => {
    const { desk, sim, crm } = await makeDesk({ cases: [] });
    crm.hold('records.search');
    const c = sim.startConversation(anna);
    desk.setActive(c.id);
    const el = await mount(desk, { settle: false });
    const section = part(el, 'recent-cases')!;
    expect(section.getAttribute('aria-busy')).to.equal('true');
    expect(text(section.querySelector('[role="status"]'))).to.equal('Loading recent cases…');
    await expect(el).to.be.accessible();

    crm.release('records.search');
    const j = sim.startConversation(jan);
    desk.setActive(j.id);
    await waitUntil(() => text(part(el, 'recent-cases')!.querySelector('[role="status"]')) === 'This customer has no cases yet.');
    expect(part(el, 'recent-cases')!.getAttribute('aria-busy')).to.equal('false');
  });

  it('hides recent cases when the transport has no records', async () => {
    const { desk, sim, crm } = await makeDesk({ records: false });
    const c = sim.startConversation(anna);
    desk.setActive(c.id);
    const el = await mount(desk);
    expect(part(el, 'name')).to.not.equal(null);
    expect(part(el, 'recent-cases')).to.equal(null);
    expect(part(el, 'links'), 'nothing can be linked, so no empty link slots either').to.equal(null);
    expect(crm.executed('records.search').length).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('shows an error when recent cases fail, and tries again on request', async () => {
    const { desk, sim, crm } = await makeDesk();
    crm.fail('records.search', new TransportError('unavailable', 'The CRM is down.'));
    const c = sim.startConversation(anna);
    desk.setActive(c.id);
    const el = await mount(desk);
    await waitUntil(() => part(el, 'recent-cases')!.querySelector('.retry') !== null, 'no error shown');
    expect(text(part(el, 'recent-cases')!.querySelector('[role="status"]'))).to.equal('Recent cases could not be loaded.');
    await expect(el).to.be.accessible();

    crm.fail('records.search', undefined);
    const retry = part(el, 'recent-cases')!.querySelector<HTMLButtonElement>('.retry')!;
    retry.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => part(el, 'recent-cases')!.querySelectorAll('li').length === 2, 'retry did not load');
    expect(part(el, 'recent-cases')!.querySelector('.retry')).to.equal(null);
    expect(focused(el)).to.equal('recent-title');
    expect(crm.executed('records.search').length).to.equal(2);
  });

  it('shows the timeline newest first as readable text', async () => {
    const { desk, sim } = await makeDesk();
    const c = sim.startConversation(anna);
    desk.setActive(c.id);
    const el = await mount(desk);
    await desk.link(c.id, { kind: 'case', id: 'case-1', title: 'Parcel arrived damaged' });
    await desk.addNote(c.id, 'Customer will send photos.');
    await desk.unlink(c.id, 'case');
    await settle(el);
    const items = [...part(el, 'timeline')!.querySelectorAll('li')].map((li) => text(li.querySelector('span')));
    expect(items).to.deep.equal([
      'Unlinked case “Parcel arrived damaged”',
      'Note added to case “Parcel arrived damaged”',
      'Linked case “Parcel arrived damaged”',
      'State: Active',
    ]);
    expect(part(el, 'timeline')!.querySelectorAll('li time').length).to.equal(4);
  });

  it('updates the state badge when the conversation moves to wrap-up, and shows a closed one', async () => {
    const { desk, sim } = await makeDesk();
    const c = sim.startConversation({ ...anna, requestedAt: Date.now() - 65_000 });
    desk.setActive(c.id);
    const el = await mount(desk);
    expect(text(part(el, 'state'))).to.equal('Active');

    await desk.end(c.id);
    await settle(el);
    expect(text(part(el, 'state'))).to.equal('Wrap-up');
    expect(text(part(el, 'timeline')!.querySelector('li span'))).to.equal('State: Wrap-up');

    await desk.transition(c.id, 'closed');
    await settle(el);
    expect(text(part(el, 'state'))).to.equal('Closed');
    expect(field(el, 'summary', 'Closed')).to.match(/\d{1,2}:\d{2}/);
    expect(field(el, 'summary', 'Waiting time')).to.match(/^1:0[5-6]$/);
    expect(text(part(el, 'name'))).to.equal('Anna Nowak');
    await expect(el).to.be.accessible();
  });

  it('switches tabs with the keyboard (arrows, Home, End) using a roving tabindex', async () => {
    const { desk, sim, crm } = await makeDesk();
    crm.extend('conv-anna', {
      preChat: [
        { question: 'What is your order number?', answer: '4471' },
        { question: 'How can we help?', answer: 'The parcel is late.' },
      ],
      visitor: { Browser: 'Firefox 128', 'Entry page': 'https://shop.example.com/orders/4471' },
    });
    const c = sim.startConversation(anna);
    desk.setActive(c.id);
    const el = await mount(desk);
    const tabs = () => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="tab"]')];
    const state = () => tabs().map((t) => `${t.id}:${t.getAttribute('aria-selected')}:${t.tabIndex}`);
    const visiblePanel = () => el.shadowRoot!.querySelector<HTMLElement>('[role="tabpanel"]:not([hidden])')!;

    expect(el.shadowRoot!.querySelector('[role="tablist"]')!.getAttribute('aria-label')).to.equal('Customer details');
    expect(state()).to.deep.equal(['tab-pre-chat:true:0', 'tab-visitor:false:-1']);
    expect(visiblePanel().getAttribute('aria-labelledby')).to.equal('tab-pre-chat');
    expect(text(visiblePanel())).to.include('What is your order number? 4471');

    tabs()[0]!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(state()).to.deep.equal(['tab-pre-chat:false:-1', 'tab-visitor:true:0']);
    expect(focused(el)).to.equal('tab-visitor');
    expect(visiblePanel().id).to.equal('panel-visitor');
    expect(text(visiblePanel())).to.include('Entry page https://shop.example.com/orders/4471');
    expect(visiblePanel().querySelector('a'), 'visitor values are text, not links').to.equal(null);

    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(focused(el)).to.equal('tab-pre-chat');
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(focused(el)).to.equal('tab-visitor');
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(focused(el)).to.equal('tab-pre-chat');
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(focused(el)).to.equal('tab-visitor');
    expect(el.tab).to.equal('visitor');

    // Tab leaves the tab list for the panel.
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal('panel-visitor');
    await expect(el).to.be.accessible();
  });

  it('says when there are no pre-chat answers or visitor details', async () => {
    const { desk, sim, crm } = await makeDesk();
    crm.extend('conv-anna', { preChat: [], visitor: {} });
    desk.setActive(sim.startConversation(anna).id);
    const el = await mount(desk);
    expect(text(el.shadowRoot!.querySelector('#panel-pre-chat'))).to.equal('The customer answered no pre-chat questions.');
    el.tab = 'visitor';
    await el.updateComplete;
    expect(text(el.shadowRoot!.querySelector('[role="tabpanel"]:not([hidden])'))).to.equal('No visitor details.');
  });

  it('shows the session view: state, time in session, linked records and what is open', async () => {
    const { desk, sim } = await makeDesk();
    const c = sim.startConversation(anna);
    sim.startConversation(jan);
    desk.setActive(c.id);
    await desk.link(c.id, { kind: 'case', id: 'case-1', title: 'Parcel arrived damaged' });
    const el = await mount(desk, { view: 'session' });
    expect(part(el, 'session')).to.not.equal(null);
    expect(part(el, 'summary')).to.equal(null);
    expect(part(el, 'recent-cases')).to.equal(null);
    expect(text(part(el, 'name'))).to.equal('Anna Nowak');
    expect(text(part(el, 'state'))).to.equal('Active');
    expect(field(el, 'session', 'Time in session')).to.match(/^0:0[0-2]$/);
    expect(field(el, 'session', 'Case')).to.equal('Parcel arrived damaged');
    expect(field(el, 'session', 'Contact or account')).to.equal('No contact or account linked.');
    expect(field(el, 'session', 'Open in this session')).to.equal('2 conversations in progress');
    await expect(el).to.be.accessible();

    await desk.end(c.id);
    await desk.transition(c.id, 'closed');
    await settle(el);
    expect(text(part(el, 'state'))).to.equal('Closed');
    expect(field(el, 'session', 'Open in this session')).to.equal('1 conversation in progress');
  });

  it('counts the time in session live', async () => {
    const { desk, crm } = await makeDesk();
    crm.emit({ type: 'conversation.updated', conversation: quiet({ id: 'conv-quiet', state: 'active', requestedAt: Date.now() - 40_000, acceptedAt: Date.now() - 10_000 }) });
    const el = await mount(desk, { view: 'session', conversationId: 'conv-quiet' });
    const first = field(el, 'session', 'Time in session');
    expect(first).to.match(/^0:1[01]$/);
    await waitUntil(() => /^0:1[1-3]$/.test(field(el, 'session', 'Time in session')) && field(el, 'session', 'Time in session') !== first, 'time in session did not run', { timeout: 2500 });
  });

  it('speaks Polish, with Polish plurals', async () => {
    const { desk, sim } = await makeDesk();
    const c = sim.startConversation(anna);
    for (const n of [1, 2, 3, 4]) sim.startConversation({ conversationId: `conv-more-${n}`, locale: 'pl' });
    desk.setActive(c.id);
    await desk.link(c.id, { kind: 'case', id: 'case-1', title: 'Paczka uszkodzona' });
    const el = await mount(desk, { lang: 'pl' });
    const headings = [...el.shadowRoot!.querySelectorAll('h2')].map(text);
    expect(headings).to.deep.equal(['Klient', 'Rozmowa', 'Powiązane rekordy', 'Ostatnie sprawy', 'Oś czasu']);
    expect(text(part(el, 'state'))).to.equal('Aktywna');
    expect(field(el, 'customer', 'Język')).to.equal('polski (Polska) (pl-PL)');
    expect(text(part(el, 'timeline')!.querySelector('li span'))).to.equal('Powiązano sprawę „Paczka uszkodzona”');
    expect(tabsText(el)).to.deep.equal(['Przed rozmową', 'Odwiedzający']);

    el.view = 'session';
    await settle(el);
    expect(field(el, 'session', 'Otwarte w tej sesji')).to.equal('5 rozmów w toku');
    await desk.end('conv-more-1');
    await settle(el);
    expect(field(el, 'session', 'Otwarte w tej sesji')).to.equal('5 rozmów w toku');
    await desk.transition('conv-more-1', 'closed');
    await desk.end('conv-more-2');
    await desk.transition('conv-more-2', 'closed');
    await desk.end('conv-more-3');
    await desk.transition('conv-more-3', 'closed');
    await settle(el);
    expect(field(el, 'session', 'Otwarte w tej sesji')).to.equal('2 rozmowy w toku');
    await expect(el).to.be.accessible();
  });
});

function tabsText(el: CcCustomerForm): string[] {
  return [...el.shadowRoot!.querySelectorAll('[role="tab"]')].map(text);
}
