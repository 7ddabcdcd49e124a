import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CustomPresence, Desk } from '../../src/core/desk/desk.js';
import '../../src/elements/presence-picker/define.js';
import type { CcPresencePicker } from '../../src/elements/presence-picker/presence-picker.js';
import { CcPresenceEvent } from '../../src/elements/events.js';
import { loadCatalog } from '../../src/i18n/index.js';
import { simDesk, testTransportDesk } from '../harness.js';

const CUSTOM: CustomPresence[] = [
  { id: 'lunch', label: { en: 'Lunch', pl: 'Przerwa obiadowa' }, base: 'away' },
  { id: 'training', label: 'Training', base: 'busy-dnd' },
];

async function mount(desk: Desk, lang = 'en'): Promise<CcPresencePicker> {
  if (lang !== 'en') await loadCatalog(lang);
  return fixture<CcPresencePicker>(html`<cc-presence-picker .desk=${desk} lang=${lang}></cc-presence-picker>`);
}

const $ = <T extends Element = HTMLElement>(el: CcPresencePicker, selector: string): T => el.shadowRoot!.querySelector<T>(selector)!;
const button = (el: CcPresencePicker): HTMLButtonElement => $<HTMLButtonElement>(el, '[part="button"]');
const shown = (el: CcPresencePicker): string => $(el, '[part="button"] .text').textContent!.trim();
const option = (el: CcPresencePicker, id: string): HTMLElement => $(el, `[role="option"][data-id="${id}"]`);
const activeOption = (el: CcPresencePicker): HTMLElement | null => el.shadowRoot!.querySelector('[role="option"][data-active]');
const announced = (el: CcPresencePicker): string => $(el, '[role="status"]').textContent!.trim();
const capacityText = (el: CcPresencePicker): string => $(el, '[part="capacity"]').textContent!.replace(/\s+/g, ' ').trim();

async function openWithKeyboard(el: CcPresencePicker): Promise<void> {
  button(el).focus();
  await sendKeys({ press: 'ArrowDown' });
  await el.updateComplete;
  await waitUntil(() => el.shadowRoot!.activeElement?.id === 'listbox', 'the list did not take focus');
}

describe('<cc-presence-picker>', () => {
  it('shows the status, capacity and that the status follows capacity; axe clean open and closed', async () => {
    const { desk } = await simDesk({}, { presences: CUSTOM, capacity: { total: 3 } });
    const el = await mount(desk);
    expect(shown(el)).to.equal('Available');
    expect(capacityText(el)).to.contain('Capacity: 0 of 3').and.contain('Follows your capacity');
    await expect(el).to.be.accessible();
    button(el).click();
    await el.updateComplete;
    expect(button(el).getAttribute('aria-expanded')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('picking a status with the keyboard fires cc-presence and changes the desk presence', async () => {
    const { desk, transport } = await testTransportDesk({ sim: {} });
    const el = await mount(desk);
    const events: CcPresenceEvent[] = [];
    el.addEventListener('cc-presence', (event) => events.push(event));
    await openWithKeyboard(el);
    // Available is the current status; typing "a" goes to the next status starting with A: Away.
    await sendKeys({ press: 'a' });
    await el.updateComplete;
    expect(activeOption(el)?.dataset['id']).to.equal('away');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => desk.$presence.get() === 'away', 'presence did not change');
    expect(events.map((e) => [e.presence, e.base])).to.deep.equal([['away', 'away']]);
    expect(transport.executed('presence.set').at(-1)).to.deep.include({ presence: 'away' });
    expect(desk.presence.$manual.get()).to.equal(true);
    await el.updateComplete;
    expect(shown(el)).to.equal('Away');
    expect(capacityText(el)).to.contain('Set by you');
    // Focus is back on the button, the list closed, and the agent's own change is not announced.
    expect(el.shadowRoot!.activeElement).to.equal(button(el));
    expect(el.open).to.equal(false);
    expect(announced(el)).to.equal('');
  });

  it('a cancelled cc-presence changes nothing', async () => {
    const { desk, transport } = await testTransportDesk({ sim: {} });
    const el = await mount(desk);
    const before = transport.executed('presence.set').length;
    el.addEventListener('cc-presence', (event) => event.preventDefault());
    button(el).click();
    await el.updateComplete;
    option(el, 'offline').click();
    await el.updateComplete;
    await desk.settled();
    expect(desk.$presence.get()).to.equal('available');
    expect(transport.executed('presence.set').length).to.equal(before);
    expect(shown(el)).to.equal('Available');
  });

  it('custom statuses are listed under their base, in the page language, and picked by id', async () => {
    const { desk } = await simDesk({}, { presences: CUSTOM });
    const el = await mount(desk, 'pl');
    const ids = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')].map((o) => o.dataset['id']);
    expect(ids).to.deep.equal(['available', 'busy', 'busy-dnd', 'training', 'away', 'lunch', 'offline', 'inactive']);
    expect(option(el, 'lunch').closest('[role="group"]')?.getAttribute('aria-label')).to.equal('Nieobecny');
    expect(option(el, 'lunch').textContent).to.contain('Przerwa obiadowa');
    const events: CcPresenceEvent[] = [];
    el.addEventListener('cc-presence', (event) => events.push(event));
    button(el).click();
    await el.updateComplete;
    option(el, 'lunch').click();
    await waitUntil(() => desk.presence.$status.get() === 'lunch');
    expect(desk.$presence.get()).to.equal('away');
    expect(events.map((e) => [e.presence, e.base])).to.deep.equal([['lunch', 'away']]);
    await el.updateComplete;
    expect(shown(el)).to.equal('Przerwa obiadowa');
    await expect(el).to.be.accessible();
  });

  it('Inactive is listed with why, and cannot be picked', async () => {
    const { desk } = await simDesk();
    const el = await mount(desk);
    let fired = 0;
    el.addEventListener('cc-presence', () => fired++);
    await openWithKeyboard(el);
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    const inactive = activeOption(el)!;
    expect(inactive.dataset['id']).to.equal('inactive');
    expect(inactive.getAttribute('aria-disabled')).to.equal('true');
    expect(inactive.textContent).to.contain('missed conversation');
    await sendKeys({ press: 'Enter' });
    inactive.click();
    await el.updateComplete;
    expect(fired).to.equal(0);
    expect(desk.$presence.get()).to.equal('available');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.open).to.equal(false);
    expect(el.shadowRoot!.activeElement).to.equal(button(el));
  });

  it('capacity moves the status to Busy, then Busy – Do not disturb when full, and says so', async () => {
    const { desk, transport } = await simDesk({}, { capacity: { total: 3 } });
    const el = await mount(desk);
    transport.startConversation({ locale: 'en', customer: { name: 'Anna Nowak' } });
    await waitUntil(() => desk.$presence.get() === 'busy', 'not busy after one conversation');
    await el.updateComplete;
    expect(shown(el)).to.equal('Busy');
    expect(capacityText(el)).to.contain('1 of 3');
    expect(announced(el)).to.equal('Your status is now Busy: 1 of 3 conversation slots in use.');
    transport.startConversation({ locale: 'en', customer: { name: 'Jan Kowalski' } });
    transport.startConversation({ locale: 'en', customer: { name: 'Zofia Wiśniewska' } });
    await waitUntil(() => desk.$presence.get() === 'busy-dnd', 'not DND at full capacity');
    await el.updateComplete;
    expect(shown(el)).to.equal('Busy – Do not disturb');
    expect(capacityText(el)).to.contain('3 of 3').and.contain('Follows your capacity');
    expect(announced(el)).to.contain('Busy – Do not disturb');
  });

  it('a missed offer makes the agent Inactive, announced; Available then hands control back to capacity', async () => {
    const { desk, transport } = await simDesk({}, { offerTimeout: 0.05 });
    const el = await mount(desk);
    transport.offer({ locale: 'en', customer: { name: 'Anna Nowak' } });
    await waitUntil(() => desk.$presence.get() === 'inactive', 'not inactive after the offer expired', { timeout: 5000 });
    await el.updateComplete;
    expect(shown(el)).to.equal('Inactive');
    expect(announced(el)).to.equal('You missed a conversation: your status is now Inactive.');
    expect(el.shadowRoot!.textContent).to.contain('Choose another status');
    await expect(el).to.be.accessible();
    button(el).click();
    await el.updateComplete;
    option(el, 'available').click();
    await waitUntil(() => desk.$presence.get() === 'available');
    expect(desk.presence.$manual.get()).to.equal(false);
  });
});
