import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Desk } from '../../src/core/desk/desk.js';
import type { AppTab } from '../../src/core/desk/facades.js';
import '../../src/elements/session-view/define.js';
import type { CcSessionView } from '../../src/elements/session-view/session-view.js';
import type { CcAppCloseEvent, CcAppSelectEvent } from '../../src/elements/events.js';
import type { SimulatedTransport } from '../../src/transports/simulated/index.js';
import { simDesk } from '../harness.js';

/** Offers a conversation and accepts it, as the agent would: it opens as a session in front. */
async function acceptFrom(desk: Desk, transport: SimulatedTransport, name: string): Promise<string> {
  const offer = transport.offer({ locale: 'en', customer: { name }, firstMessage: `Hello from ${name}` });
  await waitUntil(() => desk.$offers.get().some((o) => o.id === offer.id), 'offer not shown');
  return (await desk.accept(offer.id)).id;
}

async function setup(names: string[]): Promise<{ el: CcSessionView; desk: Desk; ids: string[] }> {
  const { desk, transport } = await simDesk();
  const ids: string[] = [];
  for (const name of names) ids.push(await acceptFrom(desk, transport, name));
  const el = await fixture<CcSessionView>(html`<cc-session-view .desk=${desk}>
    <p slot="app-record">The page’s record view</p>
  </cc-session-view>`);
  return { el, desk, ids };
}

const CASE: AppTab = { id: 'case-7', kind: 'record', record: { kind: 'case', id: '7', title: 'Cracked lamp' } };
const NOTE: AppTab = { id: 'faq-1', kind: 'knowledge', articleId: 'faq-1', title: 'Returns policy' };

const tabs = (el: CcSessionView): HTMLElement[] => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="tab"]')];
const titles = (el: CcSessionView): string[] => tabs(el).map((t) => t.querySelector('.title')!.textContent!);
const selected = (el: CcSessionView): string | undefined => tabs(el).find((t) => t.getAttribute('aria-selected') === 'true')?.querySelector('.title')?.textContent ?? undefined;
const closeButton = (el: CcSessionView, title: string): HTMLButtonElement | null =>
  el.shadowRoot!.querySelector<HTMLButtonElement>(`[part="close"][aria-label="Close ${title}"]`);
const focusedTitle = (el: CcSessionView): string | null | undefined => el.shadowRoot!.activeElement?.querySelector('.title')?.textContent;
/** The slot content the panel shows: the assigned elements of the innermost slot that has any. */
const panelSlotted = (el: CcSessionView): string[] => {
  const panel = el.shadowRoot!.querySelector('[role="tabpanel"]')!;
  return [...panel.querySelectorAll('slot')].flatMap((s) => s.assignedElements().map((e) => e.textContent!.trim()));
};

describe('<cc-session-view>', () => {
  it('shows the session in front and follows it when another comes to the front', async () => {
    const { el, desk, ids } = await setup(['Anna Nowak', 'Jan Kowalski']);
    expect(titles(el)).to.deep.equal(['Jan Kowalski']);
    expect(el.shadowRoot!.querySelector('[role="tabpanel"] cc-customer-form')!.getAttribute('conversation-id')).to.equal(ids[1]);
    desk.sessions.focus(ids[0]!);
    await waitUntil(() => titles(el)[0] === 'Anna Nowak', 'the view did not follow the session in front');
    expect(el.shadowRoot!.querySelector('[role="tabpanel"] cc-customer-form')!.getAttribute('conversation-id')).to.equal(ids[0]);
  });

  it('says so when no session is open', async () => {
    const { el } = await setup([]);
    expect(el.shadowRoot!.textContent).to.contain('No session is open.');
    expect(el.matches(':state(empty)')).to.equal(true);
  });

  it('opening a record app shows its tab in front and the page’s record slot', async () => {
    const { el, desk, ids } = await setup(['Anna Nowak']);
    desk.sessions.openApp(ids[0]!, CASE);
    await waitUntil(() => titles(el).length === 2, 'no tab for the record');
    expect(titles(el)).to.deep.equal(['Anna Nowak', 'Cracked lamp']);
    expect(selected(el)).to.equal('Cracked lamp');
    expect(panelSlotted(el)).to.deep.equal(['The page’s record view']);
    const panel = el.shadowRoot!.querySelector('[role="tabpanel"]')!;
    expect(panel.getAttribute('aria-labelledby')).to.equal(tabs(el)[1]!.id);
    await expect(el).to.be.accessible();
  });

  it('clicking a tab fires cc-app-select and shows that app; a cancelled select keeps the shown one', async () => {
    const { el, desk, ids } = await setup(['Anna Nowak']);
    desk.sessions.openApp(ids[0]!, CASE);
    await waitUntil(() => selected(el) === 'Cracked lamp', 'record not in front');
    el.addEventListener('cc-app-select', (e) => e.preventDefault(), { once: true });
    tabs(el)[0]!.click();
    await el.updateComplete;
    expect(selected(el)).to.equal('Cracked lamp');

    const seen: CcAppSelectEvent[] = [];
    el.addEventListener('cc-app-select', (e) => seen.push(e));
    tabs(el)[0]!.click();
    await waitUntil(() => selected(el) === 'Anna Nowak', 'customer form not in front');
    expect(seen.map((e) => [e.conversationId, e.appId])).to.deep.equal([[ids[0], 'customer']]);
    expect(el.shadowRoot!.querySelector('[role="tabpanel"] cc-customer-form')).to.exist;
  });

  it('closing an app fires a cancelable cc-app-close: cancelled, the tab stays; otherwise it goes', async () => {
    const { el, desk, ids } = await setup(['Anna Nowak']);
    desk.sessions.openApp(ids[0]!, CASE);
    await waitUntil(() => closeButton(el, 'Cracked lamp') !== null, 'no close button');
    el.addEventListener('cc-app-close', (e) => e.preventDefault(), { once: true });
    closeButton(el, 'Cracked lamp')!.click();
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['Anna Nowak', 'Cracked lamp']);
    expect(desk.sessions.$sessions.get()[0]!.apps.map((a) => a.id)).to.deep.equal(['customer', 'case-7']);

    const seen: CcAppCloseEvent[] = [];
    el.addEventListener('cc-app-close', (e) => seen.push(e));
    closeButton(el, 'Cracked lamp')!.click();
    await waitUntil(() => titles(el).length === 1, 'record tab not closed');
    expect(seen.map((e) => [e.conversationId, e.appId])).to.deep.equal([[ids[0], 'case-7']]);
    expect(selected(el)).to.equal('Anna Nowak');
  });

  it('the customer form is the anchor: it has no close button and Delete leaves it', async () => {
    const { el, desk, ids } = await setup(['Anna Nowak']);
    desk.sessions.openApp(ids[0]!, CASE);
    await waitUntil(() => titles(el).length === 2, 'no record tab');
    expect(el.shadowRoot!.querySelectorAll('[part="close"]')).to.have.length(1);
    expect(closeButton(el, 'Customer')).to.equal(null);
    const closes: CcAppCloseEvent[] = [];
    el.addEventListener('cc-app-close', (e) => closes.push(e));
    tabs(el)[0]!.focus();
    await sendKeys({ press: 'Delete' });
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['Anna Nowak', 'Cracked lamp']);
    expect(closes).to.have.length(0);
  });

  it('moves with arrows, Home and End; Enter shows the focused app, Delete closes it and focus stays on a tab', async () => {
    const { el, desk, ids } = await setup(['Anna Nowak']);
    desk.sessions.openApp(ids[0]!, CASE);
    desk.sessions.openApp(ids[0]!, NOTE);
    await waitUntil(() => titles(el).length === 3, 'apps not shown');
    expect(selected(el)).to.equal('Returns policy');
    tabs(el)[2]!.focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(focusedTitle(el)).to.equal('Anna Nowak');
    await sendKeys({ press: 'ArrowLeft' });
    expect(focusedTitle(el)).to.equal('Returns policy');
    await sendKeys({ press: 'Home' });
    expect(focusedTitle(el)).to.equal('Anna Nowak');
    await sendKeys({ press: 'End' });
    expect(focusedTitle(el)).to.equal('Returns policy');
    await sendKeys({ press: 'ArrowLeft' });
    expect(focusedTitle(el)).to.equal('Cracked lamp');
    // Manual activation: moving focus does not change the app in front.
    expect(selected(el)).to.equal('Returns policy');
    expect(tabs(el).filter((t) => t.tabIndex === 0)).to.have.length(1);

    await sendKeys({ press: 'Enter' });
    await waitUntil(() => selected(el) === 'Cracked lamp', 'Enter did not show the app');
    expect(panelSlotted(el)).to.deep.equal(['The page’s record view']);

    await sendKeys({ press: 'Delete' });
    await waitUntil(() => titles(el).length === 2, 'Delete did not close the app');
    expect(titles(el)).to.deep.equal(['Anna Nowak', 'Returns policy']);
    expect(el.shadowRoot!.activeElement?.getAttribute('role')).to.equal('tab');
  });

  it('in a right-to-left page ArrowLeft moves to the next app', async () => {
    const { desk, transport } = await simDesk();
    const id = await acceptFrom(desk, transport, 'Anna Nowak');
    desk.sessions.openApp(id, CASE);
    desk.sessions.openApp(id, NOTE);
    const wrapper = await fixture<HTMLDivElement>(html`<div dir="rtl"><cc-session-view .desk=${desk}></cc-session-view></div>`);
    const el = wrapper.querySelector('cc-session-view')!;
    await el.updateComplete;
    tabs(el)[0]!.focus();
    await sendKeys({ press: 'ArrowLeft' });
    expect(focusedTitle(el)).to.equal('Cracked lamp');
    await sendKeys({ press: 'ArrowRight' });
    expect(focusedTitle(el)).to.equal('Anna Nowak');
  });

  it('a transcript app shows that conversation’s messages', async () => {
    const { el, desk, ids } = await setup(['Anna Nowak', 'Jan Kowalski']);
    desk.sessions.openApp(ids[1]!, { id: 'earlier', kind: 'transcript', conversationId: ids[0]!, title: 'Earlier conversation' });
    await waitUntil(() => selected(el) === 'Earlier conversation', 'transcript not in front');
    const transcript = el.shadowRoot!.querySelector('[role="tabpanel"] cc-transcript')!;
    await waitUntil(() => transcript.shadowRoot?.textContent?.includes('Hello from Anna Nowak'), 'messages not shown');
    await expect(el).to.be.accessible();
  });
});
