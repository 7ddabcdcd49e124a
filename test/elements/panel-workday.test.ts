import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Desk } from '../../src/core/desk/desk.js';
import { createMemoryStorage } from '../../src/core/storage.js';
import { SimulatedTransport } from '../../src/transports/simulated/index.js';
import { dispose, testDesk } from '../harness.js';
import { panelWithConversation } from '../panel-setup.js';
import '../../src/elements/agent-desk/define.js';
import '../../src/elements/communication-panel/define.js';
import type { CcCommunicationPanel } from '../../src/elements/communication-panel/communication-panel.js';
import type { CcTransferEvent, CcTransitionEvent } from '../../src/elements/events.js';

const DISPOSITIONS = [
  { id: 'resolved', label: { en: 'Resolved', pl: 'Rozwiązane' }, group: { en: 'Outcome', pl: 'Wynik' } },
  { id: 'refund', label: { en: 'Refund issued', pl: 'Zwrot wydany' }, group: { en: 'Orders', pl: 'Zamówienia' } },
];

const setup = panelWithConversation;

const root = (panel: CcCommunicationPanel) => panel.shadowRoot!;
const stateOf = (desk: Desk, id: string) => desk.$conversations.get()[id]!.state;

async function menuItems(panel: CcCommunicationPanel): Promise<string[]> {
  if (!root(panel).querySelector('[role="menu"]')) root(panel).querySelector<HTMLButtonElement>('.menu-button')!.click();
  await panel.updateComplete;
  return [...root(panel).querySelectorAll<HTMLButtonElement>('[role="menuitem"]')].map((b) => b.textContent!.trim());
}

async function choose(panel: CcCommunicationPanel, label: string): Promise<void> {
  await menuItems(panel);
  const item = [...root(panel).querySelectorAll<HTMLButtonElement>('[role="menuitem"]')].find((b) => b.textContent!.trim() === label);
  expect(item, `no menu item "${label}"`).to.exist;
  item!.click();
  await panel.updateComplete;
}

describe('cc-communication-panel: states, transfer, wrap-up, privacy', () => {
  it('lists only the legal moves of each state', async () => {
    const { panel, desk, conversationId } = await setup();
    expect(await menuItems(panel)).to.deep.equal(['Attach file', 'End conversation', 'Put on hold', 'Release to queue']);
    await choose(panel, 'Put on hold');
    await waitUntil(() => stateOf(desk, conversationId) === 'waiting');
    expect(await menuItems(panel)).to.deep.equal(['Attach file', 'Resume', 'Release to queue', 'Close conversation']);
    await choose(panel, 'Resume');
    await waitUntil(() => stateOf(desk, conversationId) === 'active');
    await choose(panel, 'End conversation');
    await waitUntil(() => stateOf(desk, conversationId) === 'wrap-up');
    expect(await menuItems(panel)).to.deep.equal(['Attach file', 'Close conversation']);
  });

  it('puts the conversation on hold and resumes it, each behind a cancelable cc-transition', async () => {
    const { panel, desk, transport, conversationId } = await setup();
    const seen: string[] = [];
    let veto = true;
    panel.addEventListener('cc-transition', (event: CcTransitionEvent) => {
      seen.push(event.to);
      if (veto) event.preventDefault();
    });
    await choose(panel, 'Put on hold');
    expect(seen).to.deep.equal(['waiting']);
    await desk.settled();
    expect(transport.conversation(conversationId)!.state).to.equal('active');

    veto = false;
    await choose(panel, 'Put on hold');
    await waitUntil(() => transport.conversation(conversationId)!.state === 'waiting');
    await panel.updateComplete;
    expect(root(panel).textContent).to.contain('on hold');
    expect(root(panel).querySelector('[part="state"]')!.textContent).to.contain('Waiting');
    await expect(panel).to.be.accessible();
    await choose(panel, 'Resume');
    await waitUntil(() => transport.conversation(conversationId)!.state === 'active');
    expect(seen).to.deep.equal(['waiting', 'waiting', 'active']);
  });

  it('offers Transfer only with the capability, and sends conversation.transfer from the dialog', async () => {
    const plain = await setup();
    expect(await menuItems(plain.panel)).not.to.include('Transfer…');
    plain.panel.remove();

    const { panel, transport, conversationId } = await setup({ capabilities: { transfer: { queues: ['Billing', 'Returns'], agents: true } } });
    await choose(panel, 'Transfer…');
    // The dialog loads on first use.
    await waitUntil(() => root(panel).querySelector('dialog')?.open, 'the transfer dialog did not open');
    const dialog = root(panel).querySelector('dialog')!;
    expect([...dialog.querySelectorAll('label')].map((l) => l.textContent!.trim())).to.include.members(['Billing', 'Returns', 'Agent ID']);
    await expect(panel).to.be.accessible();

    const intents: CcTransferEvent['to'][] = [];
    panel.addEventListener('cc-transfer', (event: CcTransferEvent) => intents.push(event.to));
    dialog.querySelector<HTMLInputElement>('input[value="queue:Returns"]')!.click();
    await panel.updateComplete;
    dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => transport.transfers.length === 1, 'no conversation.transfer reached the backend');
    expect(intents).to.deep.equal([{ queue: 'Returns' }]);
    expect(transport.transfers[0]).to.deep.equal({ conversationId, to: { queue: 'Returns' } });
    await waitUntil(() => !root(panel).querySelector('dialog'));
    expect(root(panel).activeElement).to.equal(root(panel).querySelector('.menu-button'));
  });

  it('blocks Close with a reason until a required disposition is chosen, then sends it with the transition', async () => {
    const { panel, desk, transport, conversationId } = await setup({ desk: { wrapUp: { dispositions: DISPOSITIONS, required: true } } });
    await choose(panel, 'End conversation');
    await waitUntil(() => stateOf(desk, conversationId) === 'wrap-up');
    // The wrap-up area loads on first use.
    await waitUntil(() => root(panel).querySelector('[part="close"]'), 'no wrap-up area');
    const close = root(panel).querySelector<HTMLButtonElement>('[part="close"]')!;
    expect(close.disabled).to.equal(true);
    const reason = root(panel).querySelector(`#${close.getAttribute('aria-describedby')}`)!;
    expect(reason.textContent).to.contain('Choose a disposition code');
    expect(root(panel).querySelector('label[for="disposition"]')!.textContent).to.contain('required');
    expect([...root(panel).querySelectorAll('optgroup')].map((g) => g.label)).to.deep.equal(['Outcome', 'Orders']);
    await expect(panel).to.be.accessible();

    const select = root(panel).querySelector<HTMLSelectElement>('select')!;
    select.value = 'refund';
    select.dispatchEvent(new Event('change'));
    const note = root(panel).querySelector<HTMLTextAreaElement>('[part="wrap-up-note"]')!;
    expect(note.maxLength).to.be.greaterThan(0);
    note.value = 'Refund sent to the card.';
    note.dispatchEvent(new Event('input'));
    await panel.updateComplete;
    expect(close.disabled).to.equal(false);
    expect(root(panel).querySelector('#close-reason')).to.equal(null);
    close.click();
    await waitUntil(() => transport.wrapUps.length === 1, 'the wrap-up did not reach the backend');
    expect(transport.wrapUps[0]).to.deep.equal({ conversationId, disposition: 'refund', note: 'Refund sent to the card.' });
    await waitUntil(() => stateOf(desk, conversationId) === 'closed');
  });

  it('counts the wrap-up down in a timer and shows when it is overdue', async () => {
    const { panel, desk, conversationId } = await setup({ desk: { wrapUp: { seconds: 1, atZero: 'remind' } } });
    await desk.end(conversationId);
    const timer = () => root(panel).querySelector('[role="timer"][part="wrap-up-timer"]');
    await waitUntil(timer, 'no wrap-up timer');
    expect(timer()!.textContent).to.match(/Wrap-up: 0:0[01] left/);
    await waitUntil(() => timer()!.textContent!.includes('Wrap-up time is over'), 'the timer never went overdue', { timeout: 4000 });
    expect(timer()!.classList.contains('overdue')).to.equal(true);
    expect(stateOf(desk, conversationId)).to.equal('wrap-up');
    await expect(panel).to.be.accessible();
  });

  it('shows the privacy banner when a notice is configured, and the notice as a system message', async () => {
    const none = await setup();
    expect(root(none.panel).querySelector('[part="privacy"]')).to.equal(null);
    none.panel.remove();

    const { panel, transport } = await setup({ desk: { privacyNotice: { en: 'We may record this chat.', pl: 'Rozmowa może być nagrywana.' } } });
    const banner = root(panel).querySelector('[part="privacy"]')!;
    expect(banner.getAttribute('role')).to.equal('status');
    expect(banner.textContent).to.contain('This conversation may be monitored or recorded.');
    await waitUntil(() => transport.automatedMessages.length === 1, 'the notice was not sent');
    expect(transport.automatedMessages[0]!.text).to.equal('We may record this chat.');
    const transcript = root(panel).querySelector('cc-transcript')!;
    await waitUntil(() => (transcript.shadowRoot!.textContent ?? '').includes('We may record this chat.'), 'the notice is not in the transcript');
    await expect(panel).to.be.accessible();
  });

  it('shows the banner in Polish', async () => {
    const { panel } = await setup({ lang: 'pl', desk: { privacyNotice: 'Notice' } });
    await waitUntil(() => root(panel).querySelector('[part="privacy"]')?.textContent?.includes('monitorowana'), 'no Polish banner');
  });

  it('sends the notice once, also after a reload with a new desk on the same storage and transport', async () => {
    const storage = createMemoryStorage();
    const transport = new SimulatedTransport({ seed: 12 });
    const desk = testDesk({ transport, storage, privacyNotice: 'We may record this chat.' });
    await desk.connect();
    const offer = transport.offer({ locale: 'en' });
    await desk.accept(offer.id);
    await waitUntil(() => transport.automatedMessages.length === 1);
    await desk.settled();
    dispose(desk);
    await transport.disconnect();

    const again = testDesk({ transport, storage, privacyNotice: 'We may record this chat.' });
    await again.connect();
    await waitUntil(() => again.$conversations.get()[offer.conversationId] !== undefined, 'the conversation did not come back');
    await again.settled();
    await fixture(html`<cc-communication-panel .desk=${again}></cc-communication-panel>`);
    await again.settled();
    const sends = transport.sentMessages.filter((m) => m.clientId === `privacy-${offer.conversationId}`);
    expect(sends).to.have.length(1);
    expect(transport.automatedMessages).to.have.length(1);
  });
});
