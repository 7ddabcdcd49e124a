import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Desk } from '../../src/core/desk/desk.js';
import { createMemoryStorage, type Storage } from '../../src/core/storage.js';
import { SimulatedTransport } from '../../src/transports/simulated/index.js';
import { FaultTransport } from '../../src/transports/fault/index.js';
import { dispose, testDesk } from '../harness.js';
import '../../src/elements/agent-desk/define.js';
import '../../src/elements/communication-panel/define.js';
import type { CcCommunicationPanel } from '../../src/elements/communication-panel/communication-panel.js';
import type { CcTranscript } from '../../src/elements/transcript/transcript.js';
import { CcSendEvent, type CcRetryEvent } from '../../src/elements/events.js';

interface Setup {
  desk: Desk;
  transport: SimulatedTransport;
  panel: CcCommunicationPanel;
  conversationId: string;
}

/** Moves both clocks, so reply-window tests need not wait a day. */
let skew = 0;
const now = () => Date.now() + skew;

async function setup(options: { storage?: Storage; lang?: string; accept?: boolean; customerName?: string } = {}): Promise<Setup> {
  skew = 0;
  const transport = new SimulatedTransport({ seed: 7, now });
  // One attempt: a failure shows at once instead of after the automatic retries.
  const desk = testDesk({ transport, storage: options.storage ?? 'memory', now, maxSendAttempts: 1 });
  await desk.connect();
  const offer = transport.offer({ locale: 'en', customer: { name: options.customerName ?? 'Anna Nowak' }, firstMessage: 'Hello, my order is late' });
  const wrapper = await fixture<HTMLElement>(html`
    <cc-agent-desk .desk=${desk} lang=${options.lang ?? 'en'}>
      <cc-communication-panel style="height: 600px; display: flex"></cc-communication-panel>
    </cc-agent-desk>
  `);
  const panel = wrapper.querySelector('cc-communication-panel')!;
  if (options.accept !== false) await desk.accept(offer.id);
  await panel.updateComplete;
  return { desk, transport, panel, conversationId: offer.conversationId };
}

const transcriptOf = (panel: CcCommunicationPanel) => panel.shadowRoot!.querySelector('cc-transcript') as CcTranscript;
const textOf = (el: Element) => (el.shadowRoot ?? el).textContent ?? '';
const textarea = (panel: CcCommunicationPanel) => panel.shadowRoot!.querySelector('textarea')!;

async function typeInto(panel: CcCommunicationPanel, text: string): Promise<void> {
  const field = textarea(panel);
  field.focus();
  await sendKeys({ type: text });
  await panel.updateComplete;
}

describe('cc-communication-panel', () => {
  it('says no conversation is open before one is accepted, and is accessible', async () => {
    const { panel } = await setup({ accept: false });
    expect(textOf(panel)).to.contain('No conversation is open');
    await expect(panel).to.be.accessible();
  });

  it('shows the accepted conversation: customer, state and first message', async () => {
    const { panel } = await setup();
    const header = panel.shadowRoot!.querySelector('header')!;
    expect(header.textContent).to.contain('Anna Nowak');
    expect(header.textContent).to.contain('Active');
    const transcript = transcriptOf(panel);
    await waitUntil(() => textOf(transcript).includes('Hello, my order is late'));
    await expect(panel).to.be.accessible();
  });

  it('sends on Enter with a client id, keeps Shift+Enter as a new line, and clears the draft', async () => {
    const { panel, transport } = await setup();
    await typeInto(panel, 'First line');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ type: 'second line' });
    expect(transport.sentMessages).to.have.length(0);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => transport.sentMessages.length === 1);
    const sent = transport.sentMessages[0]!;
    expect(sent.text).to.equal('First line\nsecond line');
    expect(sent.clientId).to.match(/^c-/);
    await panel.updateComplete;
    expect(textarea(panel).value).to.equal('');
    await waitUntil(() => textOf(transcriptOf(panel)).includes('second line'));
  });

  it('sends nothing when the host cancels cc-send, and keeps the text', async () => {
    const { panel, desk, transport, conversationId } = await setup();
    panel.addEventListener('cc-send', (e) => e.preventDefault());
    await typeInto(panel, 'Do not send this');
    await sendKeys({ press: 'Enter' });
    await desk.settled();
    await panel.updateComplete;
    expect(desk.messages(conversationId).get().filter((m) => m.author === 'agent')).to.have.length(0);
    expect(transport.sentMessages).to.have.length(0);
    expect(textarea(panel).value).to.equal('Do not send this');
  });

  it('fires cc-send with the text before sending', async () => {
    const { panel, desk, conversationId } = await setup();
    let seen: CcSendEvent | undefined;
    let agentMessagesAtEvent = -1;
    document.addEventListener(
      'cc-send',
      (e) => {
        seen = e as CcSendEvent;
        // Nothing may have reached the desk yet: the host can still veto.
        agentMessagesAtEvent = desk.messages(conversationId).get().filter((m) => m.author === 'agent').length;
      },
      { once: true },
    );
    await typeInto(panel, 'Observed');
    await sendKeys({ press: 'Enter' });
    expect(seen).to.be.instanceOf(CcSendEvent);
    expect(seen!.text).to.equal('Observed');
    expect(seen!.cancelable).to.equal(true);
    expect(agentMessagesAtEvent).to.equal(0);
    await waitUntil(() => desk.messages(conversationId).get().some((m) => m.author === 'agent'));
  });

  it('shows a received image with its numeric name, a PDF as a safe download, a sticker, and the unsupported-message text', async () => {
    const { panel, transport, conversationId } = await setup();
    const image = transport.customerSendsImage(conversationId);
    transport.customerSendsFile(conversationId);
    transport.customerSendsSticker(conversationId);
    transport.customerSendsUnsupported(conversationId);
    const transcript = transcriptOf(panel);
    await waitUntil(() => textOf(transcript).includes('Customer sent an unsupported message type.'));
    const name = image.attachments![0]!.name;
    expect(name).to.match(/^\d+_\d+\.jpg$/);
    expect(textOf(transcript)).to.contain(name);
    expect(transcript.shadowRoot!.querySelector('.thumb img')).to.exist;
    expect(transcript.shadowRoot!.querySelector('img.sticker')).to.exist;
    const download = transcript.shadowRoot!.querySelector<HTMLAnchorElement>('a.file')!;
    expect(download.getAttribute('download')).to.match(/\.pdf$/);
    await expect(panel).to.be.accessible();
  });

  it('renders Messenger markdown as formatting and never makes a javascript: link', async () => {
    const { panel, transport, conversationId } = await setup();
    transport.customerSays(conversationId, '*bold* _it_ ~gone~ `code` https://example.com/a_b javascript:alert(1) <img src=x onerror=alert(2)>');
    const transcript = transcriptOf(panel);
    await waitUntil(() => transcript.shadowRoot!.querySelector('strong'));
    const root = transcript.shadowRoot!;
    expect(root.querySelector('strong')!.textContent).to.equal('bold');
    expect(root.querySelector('em')!.textContent).to.equal('it');
    expect(root.querySelector('s')!.textContent).to.equal('gone');
    expect(root.querySelector('code')!.textContent).to.equal('code');
    const links = [...root.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).to.deep.equal(['https://example.com/a_b']);
    expect(root.querySelector('.bubble img')).to.equal(null);
    expect(textOf(transcript)).to.contain('<img src=x onerror=alert(2)>');
  });

  it('shows failed — retry, and retry resends with the same client id', async () => {
    const { panel, transport } = await setup();
    transport.failNextSends = 1;
    await typeInto(panel, 'Flaky network');
    await sendKeys({ press: 'Enter' });
    const transcript = transcriptOf(panel);
    await waitUntil(() => transcript.shadowRoot!.querySelector('.retry'));
    expect(textOf(transcript)).to.contain('Failed');
    expect(transport.sentMessages).to.have.length(0);
    transcript.shadowRoot!.querySelector<HTMLButtonElement>('.retry')!.click();
    await waitUntil(() => transport.sentMessages.length === 1);
    await waitUntil(() => !transcript.shadowRoot!.querySelector('.retry'));
  });

  it('retry fires one cc-retry from the panel; cancelling it resends nothing', async () => {
    const { desk, panel, transport, conversationId } = await setup();
    transport.failNextSends = 1;
    await typeInto(panel, 'Flaky network');
    await sendKeys({ press: 'Enter' });
    const transcript = transcriptOf(panel);
    await waitUntil(() => transcript.shadowRoot!.querySelector('.retry'), 'no Retry button');
    // The panel asks the desk synchronously after its intent, so counting calls shows a veto at once.
    let retries = 0;
    const retry = desk.retry.bind(desk);
    desk.retry = (...args) => {
      retries++;
      return retry(...args);
    };
    const seen: CcRetryEvent[] = [];
    const veto = (event: CcRetryEvent) => {
      seen.push(event);
      event.preventDefault();
    };
    document.addEventListener('cc-retry', veto);
    try {
      transcript.shadowRoot!.querySelector<HTMLButtonElement>('.retry')!.click();
    } finally {
      document.removeEventListener('cc-retry', veto);
    }
    expect(seen).to.have.length(1);
    expect(seen[0]!.target).to.equal(panel);
    expect(seen[0]!.conversationId).to.equal(conversationId);
    expect(seen[0]!.clientId).to.be.a('string');
    expect(retries).to.equal(0);
    expect(transport.sentMessages).to.have.length(0);

    transcript.shadowRoot!.querySelector<HTMLButtonElement>('.retry')!.click();
    expect(retries).to.equal(1);
    await waitUntil(() => transport.sentMessages.length === 1, 'the retry was not sent');
  });

  it('counts characters and refuses more than 2,000', async () => {
    const { panel, transport } = await setup();
    const field = textarea(panel);
    field.value = 'x'.repeat(2001);
    field.dispatchEvent(new Event('input'));
    await panel.updateComplete;
    expect(textOf(panel)).to.contain('2001 / 2000');
    expect(textOf(panel)).to.contain('1 character too many');
    const send = panel.shadowRoot!.querySelector<HTMLButtonElement>('[part="send"]')!;
    expect(send.disabled).to.equal(true);
    field.focus();
    await sendKeys({ press: 'Enter' });
    expect(transport.sentMessages).to.have.length(0);
  });

  it('blocks the composer with an explanation when the reply window has closed', async () => {
    const { panel, transport, conversationId } = await setup();
    skew = 25 * 60 * 60 * 1000;
    await waitUntil(() => textarea(panel).disabled, 'composer not blocked', { timeout: 3000 });
    expect(textOf(panel)).to.contain('Reply window closed');
    expect(textOf(panel)).to.contain('24 hours');
    await expect(panel).to.be.accessible();
    transport.customerSays(conversationId, 'I am back');
    await waitUntil(() => !textarea(panel).disabled);
    expect(panel.shadowRoot!.querySelector('[part="window"]')!.textContent).to.match(/Reply window: 23 h 59 min left|Reply window: 24 h 0 min left/);
  });

  it('keeps the draft across a reload', async () => {
    const storage = createMemoryStorage();
    const first = await setup({ storage });
    await typeInto(first.panel, 'Half-written answer');
    first.panel.remove();
    // The page goes away: what it wrote is kept, its connection closes.
    await first.desk.settled();
    dispose(first.desk);
    await first.transport.disconnect();
    const desk = testDesk({ transport: first.transport, storage });
    await desk.connect();
    // The backend's snapshot brings the open conversation back; the desk reopens it.
    await waitUntil(() => desk.$activeConversationId.get() === first.conversationId, 'the open conversation did not come back');
    const panel = await fixture<CcCommunicationPanel>(html`<cc-communication-panel .desk=${desk}></cc-communication-panel>`);
    await waitUntil(() => textarea(panel)?.value === 'Half-written answer');
  });

  it('ends the conversation into wrap-up, then closes it', async () => {
    const { panel, desk, conversationId } = await setup();
    panel.shadowRoot!.querySelector<HTMLButtonElement>('.menu-button')!.click();
    await panel.updateComplete;
    const end = [...panel.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')].find((b) =>
      b.textContent!.includes('End conversation'),
    )!;
    end.click();
    await waitUntil(() => desk.$conversations.get()[conversationId]!.state === 'wrap-up');
    // The wrap-up area loads on first use.
    await waitUntil(() => panel.shadowRoot!.querySelector('[part="close"]'), 'no wrap-up area');
    expect(textOf(panel)).to.contain('Wrap-up');
    await expect(panel).to.be.accessible();
    const close = [...panel.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.includes('Close conversation'))!;
    close.click();
    await waitUntil(() => desk.$conversations.get()[conversationId]!.state === 'closed');
  });

  it('operates the … menu from the keyboard', async () => {
    const { panel } = await setup();
    const button = panel.shadowRoot!.querySelector<HTMLButtonElement>('.menu-button')!;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => panel.shadowRoot!.activeElement?.getAttribute('role') === 'menuitem', 'focus did not move into the menu');
    expect((panel.shadowRoot!.activeElement as HTMLElement).textContent).to.contain('Attach file');
    await sendKeys({ press: 'ArrowDown' });
    expect((panel.shadowRoot!.activeElement as HTMLElement).textContent).to.contain('End conversation');
    await sendKeys({ press: 'Escape' });
    await panel.updateComplete;
    expect(panel.shadowRoot!.querySelector('[role="menu"]')).to.equal(null);
    expect(panel.shadowRoot!.activeElement).to.equal(button);
  });

  it('moves focus into the … menu from the keyboard when its first item is disabled (wrap-up)', async () => {
    const { panel, desk, conversationId } = await setup();
    await desk.transition(conversationId, 'wrap-up');
    await waitUntil(() => desk.$conversations.get()[conversationId]!.state === 'wrap-up');
    await panel.updateComplete;
    const button = panel.shadowRoot!.querySelector<HTMLButtonElement>('.menu-button')!;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await panel.updateComplete;
    // Attach file is disabled while the composer is closed: focus goes to the first item that works.
    await waitUntil(() => panel.shadowRoot!.activeElement?.getAttribute('role') === 'menuitem', 'focus did not move into the menu');
    expect((panel.shadowRoot!.activeElement as HTMLButtonElement).disabled).to.equal(false);
    await sendKeys({ press: 'ArrowDown' });
    expect(panel.shadowRoot!.activeElement?.getAttribute('role')).to.equal('menuitem');
    expect((panel.shadowRoot!.activeElement as HTMLButtonElement).disabled).to.equal(false);
  });

  it('renders 10,000 messages with a small DOM and shows the newest one', async () => {
    const { panel, transport, conversationId } = await setup();
    transport.seedTranscript(conversationId, 10_000);
    const transcript = transcriptOf(panel);
    await waitUntil(() => transcript.messages.length > 10_000);
    await transcript.updateComplete;
    const rows = () => transcript.shadowRoot!.querySelectorAll('.row');
    const scroller = transcript.shadowRoot!.querySelector('.scroller')!;
    /** The last rendered row lies inside the visible part of the scroller. */
    const newestInView = (): boolean => {
      const all = rows();
      if (all.length === 0) return false;
      const last = all[all.length - 1]!.getBoundingClientRect();
      const view = scroller.getBoundingClientRect();
      return last.bottom <= view.bottom + 1 && last.top >= view.top - 1;
    };
    // Rows are measured and placed over the next frames.
    await waitUntil(newestInView, 'the newest message is not in view');
    expect(rows().length).to.be.below(80);
    expect(transcript.shadowRoot!.querySelectorAll('*').length).to.be.below(800);
  });

  for (const [lang, fallback] of [['en', 'Customer'], ['pl', 'Klient']] as const) {
    it(`names the customer in the header when the backend sent no name (${lang})`, async () => {
      const { panel } = await setup({ customerName: '', lang });
      await waitUntil(() => panel.shadowRoot!.querySelector('header h2'), 'no header');
      expect(panel.shadowRoot!.querySelector('header h2')!.textContent!.trim()).to.equal(fallback);
      await waitUntil(() => textOf(transcriptOf(panel)).includes('Hello, my order is late'), 'the first message is not shown');
      await expect(panel).to.be.accessible();
    });
  }

  it('speaks Polish', async () => {
    const { panel, transport, conversationId } = await setup({ lang: 'pl' });
    transport.customerSendsUnsupported(conversationId);
    await waitUntil(() => textOf(transcriptOf(panel)).includes('Klient wysłał nieobsługiwany typ wiadomości.'));
    expect(textOf(panel)).to.contain('Aktywna');
    expect(panel.shadowRoot!.querySelector('[part="send"]')!.textContent).to.contain('Wyślij');
  });

  it('uploads a pasted image, sends it, and shows it in the transcript', async () => {
    const { panel, transport } = await setup();
    const data = new DataTransfer();
    data.items.add(new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])], 'label.png', { type: 'image/png' }));
    textarea(panel).dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, composed: true, cancelable: true }));
    await waitUntil(() => transport.uploads.length === 1, 'not uploaded');
    const send = panel.shadowRoot!.querySelector<HTMLButtonElement>('[part="send"]')!;
    await waitUntil(() => !send.disabled, 'send stays disabled with a ready attachment');
    send.click();
    await waitUntil(() => transport.sentMessages.length === 1);
    expect(transport.sentMessages[0]!.attachments?.[0]?.name).to.equal('label.png');
    const transcript = transcriptOf(panel);
    await waitUntil(() => transcript.shadowRoot!.querySelector('.agent .thumb img'), 'image not shown');
  });

  it('refuses a 30 MB file and invoice.pdf.exe dropped on the panel, uploading nothing', async () => {
    const { panel, desk, transport } = await setup();
    const data = new DataTransfer();
    data.items.add(new File([new Uint8Array(30 * 1024 * 1024)], 'scan.pdf', { type: 'application/pdf' }));
    data.items.add(new File(['MZ'], 'invoice.pdf.exe', { type: 'application/octet-stream' }));
    const rejected = new Promise<Event>((resolve) => panel.addEventListener('cc-files-rejected', resolve, { once: true }));
    panel.shadowRoot!.querySelector('[part="transcript"]')!.dispatchEvent(
      new DragEvent('drop', { dataTransfer: data, bubbles: true, composed: true, cancelable: true }),
    );
    await rejected;
    const picker = panel.shadowRoot!.querySelector('cc-attachment-picker')!;
    await waitUntil(() => textOf(picker).includes('invoice.pdf.exe'));
    expect(textOf(picker)).to.contain('larger than');
    expect(textOf(picker)).to.contain('double extension');
    await picker.settled();
    await desk.settled();
    expect(transport.uploads).to.have.length(0);
  });

  it('shows a banner while reconnecting, keeps what the agent sends, and sends it once back online', async () => {
    const backend = new SimulatedTransport({ seed: 8 });
    const network = new FaultTransport(backend, { seed: 1 });
    const desk = testDesk({ transport: network, random: () => 0 });
    await desk.connect();
    const conversation = backend.startConversation({ locale: 'en', links: {} });
    await waitUntil(() => desk.$conversations.get()[conversation.id]);
    desk.setActive(conversation.id);
    const panel = await fixture<CcCommunicationPanel>(html`<cc-communication-panel .desk=${desk}></cc-communication-panel>`);
    // Keep the connection down until the test lets it back.
    const connect = network.connect.bind(network);
    let release!: () => void;
    const back = new Promise<void>((resolve) => (release = resolve));
    network.connect = async (...args) => (await back, connect(...args));
    network.dropConnection();
    await waitUntil(() => panel.shadowRoot!.querySelector('[part="connection"]'), 'no banner');
    expect(panel.shadowRoot!.querySelector('[part="connection"]')!.textContent).to.contain('Reconnecting');
    await expect(panel).to.be.accessible();
    await typeInto(panel, 'Written while offline');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => textOf(transcriptOf(panel)).includes('Written while offline'));
    expect(backend.sentMessages).to.have.length(0);
    expect(desk.outboxSize).to.equal(1);
    release();
    await waitUntil(() => backend.sentMessages.length === 1, 'not sent after reconnect', { timeout: 5000 });
    await waitUntil(() => !panel.shadowRoot!.querySelector('[part="connection"]'));
    expect(desk.outboxSize).to.equal(0);
  });

  it('clears a draft that another tab of the same agent just sent, so it cannot be sent twice', async () => {
    const storage = createMemoryStorage();
    const first = await setup({ storage });
    // A second tab: its own connection (the same seeded world) and desk, for the same agent and conversation.
    const transport2 = new SimulatedTransport({ seed: 7, now });
    const desk2 = testDesk({ transport: transport2, storage, maxSendAttempts: 1 });
    await desk2.connect();
    const offer2 = transport2.offer({ locale: 'en', customer: { name: 'Anna Nowak' }, firstMessage: 'Hello, my order is late' });
    expect(offer2.conversationId).to.equal(first.conversationId);
    await desk2.accept(offer2.id);
    const other = await fixture<CcCommunicationPanel>(html`<cc-communication-panel .desk=${desk2}></cc-communication-panel>`);
    await typeInto(first.panel, 'Same answer');
    const field = textarea(other);
    field.value = 'Same answer';
    field.dispatchEvent(new Event('input'));
    await other.updateComplete;
    textarea(first.panel).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => textarea(other).value === '', 'the other tab kept the sent draft');
  });

  it('tells the agent when the browser cannot store any more, and the message still goes out', async () => {
    // A disk that fills up: every outbox write is refused.
    const full: Storage = {
      ...createMemoryStorage(),
      kind: 'indexeddb',
      async putOutbox() {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
    };
    const { panel, transport, conversationId } = await setup({ storage: full });
    expect(panel.shadowRoot!.querySelector('[part="storage"]')).to.equal(null);
    await typeInto(panel, 'Kept in memory');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => panel.shadowRoot!.querySelector('[part="storage"]'), 'no storage notice');
    const notice = panel.shadowRoot!.querySelector('[part="storage"]')!;
    expect(notice.getAttribute('role')).to.equal('status');
    expect(notice.textContent).to.include('The disk is full.');
    expect(notice.textContent).to.include('kept in this tab only');
    await waitUntil(() => transport.sentMessages.some((m) => m.conversationId === conversationId && m.text === 'Kept in memory'), 'not sent');
  });
});
