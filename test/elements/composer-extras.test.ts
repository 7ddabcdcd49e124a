import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Desk } from '../../src/core/desk/desk.js';
import { createMemoryStorage, type Storage } from '../../src/core/storage.js';
import '../../src/elements/agent-desk/define.js';
import '../../src/elements/communication-panel/define.js';
import type { CcCommunicationPanel } from '../../src/elements/communication-panel/communication-panel.js';
import type { CcTranscript } from '../../src/elements/transcript/transcript.js';
import { loadCatalog } from '../../src/i18n/index.js';
import { dispose, testDesk, TestTransport } from '../harness.js';
import { SimulatedTransport } from '../../src/transports/simulated/index.js';

/** The composer a designer signs off: emoji picker, reply-to, the attachment policy, uploads in the panel. */

async function start(storage: Storage = createMemoryStorage(), policy?: { allow?: string[]; maxBytes?: number }) {
  const transport = new TestTransport({ sim: new SimulatedTransport({ seed: 3 }) });
  const desk = testDesk({ transport, storage, ...(policy ? { policy } : {}) });
  await desk.connect();
  const offer = transport.sim.offer({ locale: 'en', customer: { name: 'Anna Nowak' }, firstMessage: 'Where is my parcel?' });
  await desk.accept(offer.id);
  return { transport, desk, storage, conversationId: offer.conversationId };
}

async function mount(desk: Desk, lang = 'en'): Promise<CcCommunicationPanel> {
  const wrapper = await fixture<HTMLElement>(html`
    <cc-agent-desk .desk=${desk} lang=${lang}>
      <cc-communication-panel style="height: 520px; display: flex"></cc-communication-panel>
    </cc-agent-desk>
  `);
  const panel = wrapper.querySelector('cc-communication-panel')!;
  await panel.updateComplete;
  return panel;
}

const $ = <T extends Element = HTMLElement>(panel: CcCommunicationPanel, selector: string) => panel.shadowRoot!.querySelector<T>(selector);
const textarea = (panel: CcCommunicationPanel) => $<HTMLTextAreaElement>(panel, 'textarea')!;
const transcriptOf = (panel: CcCommunicationPanel) => $<CcTranscript>(panel, 'cc-transcript')!;
/** The deepest focused element, through shadow roots. */
const focused = (): Element | null => {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
};

describe('composer: emoji picker', () => {
  it('loads on the first press, focuses its search, inserts the chosen emoji at the caret and gives focus back', async () => {
    const { desk, conversationId } = await start();
    const panel = await mount(desk);
    expect($(panel, '.emoji-picker'), 'nothing of the picker before the first press').to.equal(null);
    const field = textarea(panel);
    field.focus();
    await sendKeys({ type: 'Hello there' });
    field.setSelectionRange(5, 5);
    const button = $<HTMLButtonElement>(panel, '[part="emoji-button"]')!;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    button.click();
    await waitUntil(() => $(panel, '.emoji-picker'), 'the picker did not open');
    await waitUntil(() => focused()?.classList.contains('emoji-search'), 'focus did not go into the picker');
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect($(panel, '.emoji-picker')!.getAttribute('role')).to.equal('dialog');

    // Search, then arrow into the results and choose with Enter.
    await sendKeys({ type: 'red heart' });
    await panel.updateComplete;
    await sendKeys({ press: 'ArrowDown' });
    expect(focused()?.getAttribute('aria-label')).to.equal('red heart love');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !$(panel, '.emoji-picker'), 'the picker did not close after choosing');
    expect(field.value).to.equal('Hello❤️ there');
    expect(desk.composer(conversationId).draft, 'the draft is the desk’s').to.equal('Hello❤️ there');
    await waitUntil(() => focused() === field, 'focus did not come back to the message field');
    expect(field.selectionStart, 'the caret is after the emoji').to.equal('Hello❤️'.length);
  });

  it('Escape closes it and returns focus to the message field; arrows move through the grid', async () => {
    const { desk } = await start();
    const panel = await mount(desk);
    $<HTMLButtonElement>(panel, '[part="emoji-button"]')!.click();
    await waitUntil(() => focused()?.classList.contains('emoji-search'), 'focus did not go into the picker');
    await sendKeys({ press: 'ArrowDown' });
    const first = focused();
    expect(first?.classList.contains('emoji')).to.equal(true);
    await sendKeys({ press: 'ArrowRight' });
    expect(focused()).not.to.equal(first);
    expect(focused()?.classList.contains('emoji')).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !$(panel, '.emoji-picker'), 'Escape did not close the picker');
    await waitUntil(() => focused() === textarea(panel), 'focus did not return to the message field');
    expect(textarea(panel).value, 'nothing was inserted').to.equal('');
  });

  it('speaks Polish when the panel does', async () => {
    await loadCatalog('pl');
    const { desk } = await start();
    const panel = await mount(desk, 'pl');
    const button = $<HTMLButtonElement>(panel, '[part="emoji-button"]')!;
    expect(button.getAttribute('aria-label')).to.equal('Wstaw emoji');
    button.click();
    await waitUntil(() => $(panel, '.emoji-picker'), 'the picker did not open');
    expect($(panel, '.emoji-search')!.getAttribute('aria-label')).to.equal('Szukaj emoji');
    expect($(panel, '.emoji-heading')!.textContent).to.equal('Buźki');
    expect($(panel, 'button.emoji')!.getAttribute('aria-label')).to.equal('szeroki uśmiech');
    await expect(panel).to.be.accessible();
  });
});

describe('composer: reply-to', () => {
  it('Reply on a customer message quotes it; Send carries replyTo and the sent message shows the quote', async () => {
    const { desk, transport, conversationId } = await start();
    const panel = await mount(desk);
    const transcript = transcriptOf(panel);
    await waitUntil(() => transcript.shadowRoot!.querySelector('[part="reply"]'), 'no Reply button on the customer message');
    const reply = transcript.shadowRoot!.querySelector<HTMLButtonElement>('[part="reply"]')!;
    expect(reply.getAttribute('aria-label')).to.equal('Reply to “Where is my parcel?”');
    reply.click();
    await panel.updateComplete;
    const bar = $(panel, '[part="replying"]');
    expect(bar?.textContent).to.contain('Replying to Anna Nowak: Where is my parcel?');
    expect(bar?.querySelector('[role="status"]'), 'announced').to.not.equal(null);
    expect(focused(), 'the agent can type the answer at once').to.equal(textarea(panel));
    await expect(panel).to.be.accessible();

    await sendKeys({ type: 'It left today.' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => transport.executed('message.send').length === 1, 'nothing was sent');
    const quoted = desk.messages(conversationId).get().find((m) => m.text === 'Where is my parcel?')!;
    expect(transport.executed('message.send')[0]!.replyTo).to.equal(quoted.id);
    await panel.updateComplete;
    expect($(panel, '[part="replying"]'), 'the quote is gone from the composer once sent').to.equal(null);
    await waitUntil(() => {
      const rows = [...transcript.shadowRoot!.querySelectorAll('.row.agent')];
      return rows.some((row) => row.querySelector('.quote')?.textContent?.trim() === 'In reply to: Where is my parcel?' && row.textContent!.includes('It left today.'));
    }, 'the sent message does not show its quote');

    // The other direction: the customer answers quoting the agent's message (Messenger's reply_to).
    const sent = desk.messages(conversationId).get().find((m) => m.text === 'It left today.')!;
    transport.sim.customerSays(conversationId, 'Great, thanks!', { replyTo: sent.id });
    await waitUntil(() => {
      const rows = [...transcript.shadowRoot!.querySelectorAll('.row.customer')];
      return rows.some((row) => row.querySelector('.quote')?.textContent?.trim() === 'In reply to: It left today.' && row.textContent!.includes('Great, thanks!'));
    }, 'the customer’s reply does not show its quote');
  });

  it('× and Escape cancel the reply; nothing is quoted then', async () => {
    const { desk, transport, conversationId } = await start();
    const panel = await mount(desk);
    const transcript = transcriptOf(panel);
    await waitUntil(() => transcript.shadowRoot!.querySelector('[part="reply"]'));
    transcript.shadowRoot!.querySelector<HTMLButtonElement>('[part="reply"]')!.click();
    await panel.updateComplete;
    const cancel = $<HTMLButtonElement>(panel, '[part="replying"] button')!;
    cancel.focus();
    cancel.click();
    await panel.updateComplete;
    expect($(panel, '[part="replying"]')).to.equal(null);
    expect(focused() === textarea(panel), 'the × goes away: the focus goes back to the message field').to.equal(true);
    expect(desk.composer(conversationId).$state.get().replyTo).to.equal(undefined);

    transcript.shadowRoot!.querySelector<HTMLButtonElement>('[part="reply"]')!.click();
    await panel.updateComplete;
    expect($(panel, '[part="replying"]')).to.not.equal(null);
    textarea(panel).focus();
    await sendKeys({ press: 'Escape' });
    await panel.updateComplete;
    expect($(panel, '[part="replying"]'), 'Escape cancels the reply').to.equal(null);

    await sendKeys({ type: 'Plain answer' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => transport.executed('message.send').length === 1);
    expect(transport.executed('message.send')[0]!.replyTo).to.equal(undefined);
  });

  it('the reply survives a reload: a new desk on the same storage still quotes it, and sends it', async () => {
    const storage = createMemoryStorage();
    const first = await start(storage);
    const quoted = first.desk.messages(first.conversationId).get().find((m) => m.author === 'customer')!;
    first.desk.composer(first.conversationId).setReplyTo(quoted.id);
    first.desk.composer(first.conversationId).setDraft('Checking now');
    await first.desk.composer(first.conversationId).flush();
    await first.desk.settled();

    // The same backend, a new page.
    fixtureCleanup();
    dispose(first.desk);
    const transport = new TestTransport({ sim: first.transport.sim });
    const desk = testDesk({ transport, storage });
    await desk.connect();
    await waitUntil(() => desk.$activeConversationId.get() === first.conversationId, 'the open conversation did not come back');
    const panel = await mount(desk);
    await waitUntil(() => $(panel, '[part="replying"]')?.textContent?.includes('Replying to Anna Nowak: Where is my parcel?'), 'the quote did not come back');
    expect(textarea(panel).value).to.equal('Checking now');
    await panel.send();
    expect(transport.executed('message.send').at(-1)!.replyTo).to.equal(quoted.id);
  });

  it('the outbox keeps replyTo over a reload before the message went out', async () => {
    const storage = createMemoryStorage();
    const first = await start(storage);
    const quoted = first.desk.messages(first.conversationId).get().find((m) => m.author === 'customer')!;
    first.transport.hold('message.send');
    first.desk.composer(first.conversationId).setReplyTo(quoted.id);
    first.desk.composer(first.conversationId).setDraft('On its way');
    void first.desk.sendComposer(first.conversationId).catch(() => undefined);
    await waitUntil(async () => (await storage.getOutbox()).length === 1, 'the message is not in the outbox');
    expect((await storage.getOutbox())[0]!.replyTo).to.equal(quoted.id);
  });
});

describe('composer: attachment policy and uploads in the panel', () => {
  it('shows the policy before a file is chosen, as the attach button’s description (en and pl)', async () => {
    const { desk } = await start(createMemoryStorage(), { allow: ['pdf', 'jpg', 'jpeg', 'png', 'docx'], maxBytes: 5 * 1024 * 1024 });
    const panel = await mount(desk);
    const attach = $<HTMLButtonElement>(panel, '[part="attach-button"]')!;
    const policy = $(panel, '#' + attach.getAttribute('aria-describedby'))!;
    expect(policy.textContent!.trim()).to.equal('PDF, JPG, PNG, DOCX · up to 5 MB');
    await loadCatalog('pl');
    panel.closest('cc-agent-desk')!.setAttribute('lang', 'pl');
    await waitUntil(() => $(panel, '[part="policy"]')!.textContent!.trim() === 'PDF, JPG, PNG, DOCX · do 5 MB', 'no Polish policy');
  });

  it('a file attached in the panel shows its progress and Cancel there, and Cancel aborts the upload', async () => {
    const { desk, transport, conversationId } = await start();
    transport.holdUpload('manual.pdf');
    const panel = await mount(desk);
    const picker = $(panel, 'cc-attachment-picker')!;
    const file = new File(['%PDF-1.4 a manual'], 'manual.pdf', { type: 'application/pdf' });
    const data = new DataTransfer();
    data.items.add(file);
    textarea(panel).dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, composed: true, cancelable: true }));
    await waitUntil(() => picker.shadowRoot!.querySelector('[part="item"][data-state="uploading"]'), 'the panel does not show the upload');
    const item = picker.shadowRoot!.querySelector<HTMLElement>('[part="item"]')!;
    expect(item.checkVisibility(), 'visible in the panel').to.equal(true);
    expect(item.textContent).to.contain('manual.pdf');
    const progress = item.querySelector('progress')!;
    expect(progress.getAttribute('part')).to.equal('progress');
    expect(progress.max).to.equal(file.size);
    const cancel = item.querySelector('button')!;
    expect(cancel.textContent!.trim()).to.equal('Cancel');
    cancel.click();
    await waitUntil(() => desk.composer(conversationId).$state.get().files[0]?.state === 'cancelled', 'Cancel did not stop the upload');
    await waitUntil(() => picker.shadowRoot!.querySelector('[part="item"][data-state="cancelled"]'), 'the panel does not show it cancelled');
    expect(transport.uploads.length, 'nothing was uploaded').to.equal(0);
    expect(desk.composer(conversationId).busy).to.equal(false);
  });
});

describe('composer: reply-to is the page’s to veto', () => {
  it('a cancelled cc-reply quotes nothing', async () => {
    const { desk, conversationId } = await start();
    const panel = await mount(desk);
    let seen = 0;
    panel.addEventListener('cc-reply', (event) => {
      seen++;
      expect(event.messageId).to.be.a('string');
      event.preventDefault();
    });
    const transcript = transcriptOf(panel);
    await waitUntil(() => transcript.shadowRoot!.querySelector('[part="reply"]'));
    transcript.shadowRoot!.querySelector<HTMLButtonElement>('[part="reply"]')!.click();
    await panel.updateComplete;
    expect(seen, 'the page hears it once').to.equal(1);
    expect($(panel, '[part="replying"]')).to.equal(null);
    expect(desk.composer(conversationId).$state.get().replyTo).to.equal(undefined);
  });
});
