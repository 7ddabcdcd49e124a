import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Desk, QueuedItem } from '../../src/core/desk/desk.js';
import { TransportError } from '../../src/core/transport.js';
import '../../src/elements/work-items/define.js';
import type { CcWorkItems } from '../../src/elements/work-items/work-items.js';
import { CcWorkItemOpenEvent, CcWorkItemPickEvent } from '../../src/elements/events.js';
import { loadCatalog } from '../../src/i18n/index.js';
import { simDesk, testTransportDesk } from '../harness.js';

const MINUTE = 60_000;

async function mount(desk: Desk, lang = 'en'): Promise<CcWorkItems> {
  if (lang !== 'en') await loadCatalog(lang);
  return fixture<CcWorkItems>(html`<cc-work-items .desk=${desk} lang=${lang}></cc-work-items>`);
}

const mineRows = (el: CcWorkItems): HTMLTableRowElement[] => [...el.shadowRoot!.querySelectorAll<HTMLTableRowElement>('[part="mine"] tbody tr')];
const names = (el: CcWorkItems): string[] => mineRows(el).map((row) => row.querySelector('.open-button')!.textContent!.trim());
const header = (el: CcWorkItems, column: string): HTMLTableCellElement => el.shadowRoot!.querySelector(`th[data-column="${column}"]`)!;
const openSection = (el: CcWorkItems): HTMLElement | null => el.shadowRoot!.querySelector('[part="open"]');

const queued = (id: string, name: string, minutesAgo: number): QueuedItem => ({
  conversationId: id,
  customer: { id: `cust-${id}`, name },
  channel: 'facebook',
  queue: 'Returns',
  requestedAt: Date.now() - minutesAgo * MINUTE,
  lastMessage: `<b>Hello</b> from ${name}`,
});

describe('<cc-work-items>', () => {
  it('lists my work items with state, queue, live wait time and the last message as text; axe clean', async () => {
    const { desk, transport } = await simDesk();
    const el = await mount(desk);
    expect(el.shadowRoot!.textContent).to.contain('You have no work items.');
    transport.startConversation({
      locale: 'en',
      customer: { name: 'Anna Nowak' },
      queue: 'Returns',
      requestedAt: Date.now() - 5 * MINUTE,
      firstMessage: '<img src=x onerror=alert(1)> my parcel is wet',
    });
    await waitUntil(() => mineRows(el).length === 1, 'the work item did not appear');
    const row = mineRows(el)[0]!;
    expect(row.querySelector('.badge')!.textContent).to.equal('Active');
    expect(row.textContent).to.contain('Returns');
    expect(row.querySelector('.wait')!.textContent!.trim()).to.match(/^5:0\d$/);
    await waitUntil(() => row.querySelector('.preview')!.textContent!.includes('<img src=x onerror=alert(1)> my parcel is wet'));
    expect(row.querySelector('img')).to.equal(null);
    // The wait time follows the desk's clock.
    const before = row.querySelector('.wait')!.textContent;
    await waitUntil(() => row.querySelector('.wait')!.textContent !== before, 'the wait time did not tick', { timeout: 3000 });
    expect(openSection(el), 'no queue capability, no open work items').to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('sorts by wait time and by each column, with aria-sort', async () => {
    const { desk, transport } = await simDesk();
    const el = await mount(desk);
    const now = Date.now();
    transport.startConversation({ locale: 'en', customer: { name: 'Bartek' }, queue: 'Billing', requestedAt: now - 2 * MINUTE });
    transport.startConversation({ locale: 'en', customer: { name: 'Anna' }, queue: 'Returns', requestedAt: now - 9 * MINUTE });
    transport.startConversation({ locale: 'en', customer: { name: 'Celina' }, queue: 'Sales', requestedAt: now - 5 * MINUTE });
    await waitUntil(() => mineRows(el).length === 3);
    // Longest wait first by default.
    expect(names(el)).to.deep.equal(['Anna', 'Celina', 'Bartek']);
    expect(header(el, 'wait').getAttribute('aria-sort')).to.equal('descending');
    header(el, 'wait').querySelector('button')!.click();
    await el.updateComplete;
    expect(header(el, 'wait').getAttribute('aria-sort')).to.equal('ascending');
    expect(names(el)).to.deep.equal(['Bartek', 'Celina', 'Anna']);
    header(el, 'customer').querySelector('button')!.click();
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['Anna', 'Bartek', 'Celina']);
    expect(header(el, 'customer').getAttribute('aria-sort')).to.equal('ascending');
    expect(header(el, 'wait').getAttribute('aria-sort')).to.equal('none');
    header(el, 'queue').querySelector('button')!.click();
    header(el, 'queue').querySelector('button')!.click();
    await el.updateComplete;
    expect(header(el, 'queue').getAttribute('aria-sort')).to.equal('descending');
    expect(names(el)).to.deep.equal(['Celina', 'Anna', 'Bartek']);
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('Sorted by queue, descending.');
  });

  it('opening a Waiting item from the keyboard fires cc-work-item-open, makes it Active and opens its session', async () => {
    const { desk, transport } = await simDesk();
    const el = await mount(desk);
    const first = transport.startConversation({ locale: 'en', customer: { name: 'Anna' }, requestedAt: Date.now() - 9 * MINUTE });
    const second = transport.startConversation({ locale: 'en', customer: { name: 'Bartek' }, requestedAt: Date.now() - 2 * MINUTE });
    await waitUntil(() => desk.sessions.$sessions.get().length === 2, 'sessions did not open');
    await desk.sessions.close(second.id);
    await waitUntil(() => desk.$conversations.get()[second.id]?.state === 'waiting', 'not waiting');
    await waitUntil(() => mineRows(el)[1]?.dataset['state'] === 'waiting');
    const events: CcWorkItemOpenEvent[] = [];
    el.addEventListener('cc-work-item-open', (event) => events.push(event));
    mineRows(el)[0]!.querySelector<HTMLButtonElement>('.open-button')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(el.shadowRoot!.activeElement?.textContent?.trim()).to.equal('Bartek');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => desk.$conversations.get()[second.id]?.state === 'active', 'the waiting item did not become active');
    expect(events.map((e) => e.conversationId)).to.deep.equal([second.id]);
    expect(desk.sessions.$sessions.get().map((s) => s.conversationId)).to.include(second.id);
    expect(desk.$activeConversationId.get()).to.equal(second.id);
    expect(first.id).to.not.equal(second.id);
  });

  it('a cancelled cc-work-item-open opens nothing', async () => {
    const { desk, transport } = await simDesk();
    const el = await mount(desk);
    const c = transport.startConversation({ locale: 'en', customer: { name: 'Anna' } });
    await waitUntil(() => desk.sessions.$sessions.get().length === 1);
    await desk.sessions.close(c.id);
    await waitUntil(() => mineRows(el)[0]?.dataset['state'] === 'waiting');
    el.addEventListener('cc-work-item-open', (event) => event.preventDefault());
    mineRows(el)[0]!.click();
    await desk.settled();
    expect(desk.$conversations.get()[c.id]?.state).to.equal('waiting');
    expect(desk.sessions.$sessions.get()).to.have.length(0);
  });

  it('open work items load when shown, and Pick fires cc-work-item-pick, then the conversation is mine and open', async () => {
    const { desk, transport } = await testTransportDesk({ sim: {}, capabilities: { queue: true } });
    const items = [queued('q-1', 'Dorota', 3), queued('q-2', 'Edward', 7)];
    transport.on('queue.list', () => ({ items: [...items] }));
    transport.on('queue.pick', (command) => {
      const item = items.find((i) => i.conversationId === command.conversationId)!;
      const conversation = transport.sim!.startConversation({ locale: 'en', id: undefined, customer: { name: item.customer.name } });
      return { conversation };
    });
    const el = await mount(desk);
    await waitUntil(() => el.shadowRoot!.querySelectorAll('[part="pick"]').length === 2, 'open work items did not load');
    expect(transport.executed('queue.list')).to.have.length(1);
    const row = openSection(el)!.querySelector('tbody tr')!;
    expect(row.textContent).to.contain('<b>Hello</b> from Dorota');
    expect(row.querySelector('b')).to.equal(null);
    await expect(el).to.be.accessible();
    const events: CcWorkItemPickEvent[] = [];
    el.addEventListener('cc-work-item-pick', (event) => events.push(event));
    openSection(el)!.querySelector<HTMLButtonElement>('[part="pick"][data-id="q-2"]')!.click();
    await waitUntil(() => names(el).includes('Edward'), 'the picked conversation is not among my work items');
    expect(events.map((e) => e.conversationId)).to.deep.equal(['q-2']);
    expect(transport.executed('queue.pick').map((c) => c.conversationId)).to.deep.equal(['q-2']);
    await waitUntil(() => el.shadowRoot!.querySelectorAll('[part="pick"]').length === 1);
    expect(desk.sessions.$sessions.get()).to.have.length(1);
  });

  it('a cancelled cc-work-item-pick leaves the item in the queue', async () => {
    const { desk, transport } = await testTransportDesk({ sim: {}, capabilities: { queue: true } });
    transport.on('queue.list', () => ({ items: [queued('q-1', 'Dorota', 3)] }));
    const el = await mount(desk);
    await waitUntil(() => el.shadowRoot!.querySelector('[part="pick"]'));
    el.addEventListener('cc-work-item-pick', (event) => event.preventDefault());
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="pick"]')!.click();
    await desk.settled();
    expect(transport.executed('queue.pick')).to.have.length(0);
    expect(el.shadowRoot!.querySelectorAll('[part="pick"]')).to.have.length(1);
  });

  it('a failed load shows Try again, which loads again', async () => {
    const { desk, transport } = await testTransportDesk({ sim: {}, capabilities: { queue: true } });
    transport.failNext('queue.list', new TransportError('network', 'down', { retryable: true }));
    transport.on('queue.list', () => ({ items: [] }));
    const el = await mount(desk, 'pl');
    await waitUntil(() => el.shadowRoot!.querySelector('.retry'), 'no Try again after a failed load');
    expect(openSection(el)!.textContent).to.contain('Nie udało się wczytać otwartych zadań.');
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector<HTMLButtonElement>('.retry')!.click();
    await waitUntil(() => openSection(el)!.textContent!.includes('Żadna rozmowa nie czeka na podjęcie.'), 'no empty queue after Try again');
    expect(transport.executed('queue.list')).to.have.length(2);
  });
  it('shows last messages without Messenger markers, as text; names wrap only between words and the preview shrinks with an ellipsis', async () => {
    const { desk, transport } = await testTransportDesk({ sim: {}, capabilities: { queue: true } });
    transport.on('queue.list', () => ({
      items: [{ ...queued('q-1', 'Joanna Grabowska', 3), lastMessage: 'Zwrot *149,99 zł* pobrany ~twice~ <b>x</b>' }],
    }));
    for (const name of ['Aleksandra Mazur', 'Małgorzata Kaczmarek-Kowalczyk', 'Grzegorz Brzęczyszczykiewicz']) {
      transport.sim!.startConversation({
        locale: 'pl',
        customer: { name },
        firstMessage: `Dzień dobry, zapłaciłam *149,99 zł* dwa razy ~twice~ za to samo zamówienie i nadal czekam na zwrot pieniędzy`,
      });
    }
    const el = await mount(desk);
    el.style.width = '680px';
    await waitUntil(() => mineRows(el).length === 3 && el.shadowRoot!.querySelectorAll('[part="pick"]').length === 1, 'rows did not load');
    const openPreview = openSection(el)!.querySelector<HTMLElement>('tbody .preview')!;
    expect(openPreview.textContent!.trim()).to.equal('Zwrot 149,99 zł pobrany twice <b>x</b>');
    for (const row of mineRows(el)) {
      const preview = row.querySelector<HTMLElement>('.preview')!;
      await waitUntil(() => preview.textContent!.includes('149,99'), 'no last message');
      expect(preview.textContent!.trim()).to.equal(
        'Dzień dobry, zapłaciłam 149,99 zł dwa razy twice za to samo zamówienie i nadal czekam na zwrot pieniędzy',
      );
      expect(preview.title).to.equal(preview.textContent!.trim());
      // The preview ends in an ellipsis inside the table instead of pushing it past its box.
      expect(preview.scrollWidth).to.be.above(preview.clientWidth);
      const button = row.querySelector<HTMLElement>('.open-button')!;
      const style = getComputedStyle(button);
      expect(style.overflowWrap).to.not.equal('anywhere');
      expect(style.wordBreak).to.not.equal('break-all');
      // Each word of the name stays on one line.
      const text = button.firstChild?.nodeType === Node.TEXT_NODE ? button.firstChild : [...button.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim())!;
      const value = text.textContent!;
      for (const match of value.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(text, match.index);
        range.setEnd(text, match.index + match[0].length);
        expect(range.getClientRects().length, `${match[0]} broken`).to.equal(1);
      }
    }
    const scroll = el.shadowRoot!.querySelector<HTMLElement>('[part="mine"] .scroll')!;
    expect(scroll.scrollWidth, 'nothing cut off').to.be.at.most(scroll.clientWidth);
    await expect(el).to.be.accessible();
  });
});
