import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Desk } from '../../src/core/desk/desk.js';
import { createMemoryStorage, type Storage } from '../../src/core/storage.js';
import { SimulatedTransport } from '../../src/transports/simulated/index.js';
import '../../src/elements/agent-desk/define.js';
import '../../src/elements/communication-panel/define.js';
import type { CcCommunicationPanel } from '../../src/elements/communication-panel/communication-panel.js';
import { dispose, testDesk } from '../harness.js';

/** The panel's draft and files are the desk's composer: shared by views, kept across switches and reloads. */

async function connectedDesk(transport: SimulatedTransport, storage: Storage): Promise<Desk> {
  const desk = testDesk({ transport, storage });
  await desk.connect();
  return desk;
}

/** A desk with one accepted conversation. */
async function start(storage: Storage = createMemoryStorage()) {
  const transport = new SimulatedTransport({ seed: 7 });
  const desk = await connectedDesk(transport, storage);
  const offer = transport.offer({ locale: 'en', customer: { name: 'Anna Nowak' }, firstMessage: 'Hello' });
  await desk.accept(offer.id);
  return { transport, desk, storage, conversationId: offer.conversationId };
}

async function mount(desk: Desk, conversationIds: (string | undefined)[] = [undefined]): Promise<CcCommunicationPanel[]> {
  const wrapper = await fixture<HTMLElement>(html`
    <cc-agent-desk .desk=${desk} lang="en">
      ${conversationIds.map(
        (id) => html`<cc-communication-panel conversation-id=${ifDefined(id)} style="height: 300px; display: flex"></cc-communication-panel>`,
      )}
    </cc-agent-desk>
  `);
  const panels = [...wrapper.querySelectorAll('cc-communication-panel')];
  await Promise.all(panels.map((panel) => panel.updateComplete));
  return panels;
}

const textarea = (panel: CcCommunicationPanel) => panel.shadowRoot!.querySelector('textarea')!;
const sendButton = (panel: CcCommunicationPanel) => panel.shadowRoot!.querySelector<HTMLButtonElement>('[part="send"]')!;
/** Name and state of every file the panel's picker lists. */
const filesOf = (panel: CcCommunicationPanel): string[] => {
  const picker = panel.shadowRoot!.querySelector('cc-attachment-picker');
  return [...(picker?.shadowRoot?.querySelectorAll<HTMLElement>('[part="item"]') ?? [])].map(
    (item) => `${item.textContent!.includes('label.png') ? 'label.png' : '?'}:${item.dataset.state}`,
  );
};

async function typeInto(panel: CcCommunicationPanel, text: string): Promise<void> {
  textarea(panel).focus();
  await sendKeys({ type: text });
  await panel.updateComplete;
}

function paste(panel: CcCommunicationPanel): void {
  const data = new DataTransfer();
  data.items.add(new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])], 'label.png', { type: 'image/png' }));
  textarea(panel).dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, composed: true, cancelable: true }));
}

describe('cc-communication-panel: the composer lives in the desk', () => {
  it('a second panel on the same conversation shows the same draft and the same pending file', async () => {
    const { desk, transport, conversationId } = await start();
    const [first, second] = await mount(desk, [undefined, conversationId]);
    await typeInto(first!, 'Your parcel left today');
    await waitUntil(() => textarea(second!).value === 'Your parcel left today', 'the second panel does not show the draft');

    // A slow upload, so both panels show it while it is still running.
    transport.latency = 400;
    paste(first!);
    await waitUntil(() => filesOf(second!).join() === 'label.png:uploading', 'the second panel does not show the running upload');
    expect(filesOf(first!)).to.deep.equal(['label.png:uploading']);
    expect(sendButton(second!).disabled, 'Send waits for the upload in every view').to.equal(true);
    await waitUntil(() => filesOf(second!).join() === 'label.png:ready' && !sendButton(second!).disabled, 'the upload did not end in the second panel');
    transport.latency = 0;

    // Sent from the second view, it is gone from both.
    sendButton(second!).click();
    await waitUntil(() => transport.sentMessages.length === 1, 'not sent');
    expect(transport.sentMessages[0]!.text).to.equal('Your parcel left today');
    expect(transport.sentMessages[0]!.attachments?.map((a) => a.name)).to.deep.equal(['label.png']);
    await waitUntil(() => textarea(first!).value === '' && filesOf(first!).length === 0, 'the first panel kept what was sent');
  });

  it('keeps the draft and the files when the agent switches to another conversation and back', async () => {
    const { desk, transport, conversationId } = await start();
    const [panel] = await mount(desk);
    await typeInto(panel!, 'Half an answer');
    paste(panel!);
    await waitUntil(() => filesOf(panel!).join() === 'label.png:ready', 'not uploaded');

    const other = transport.offer({ locale: 'en', customer: { name: 'Jan Kowalski' }, firstMessage: 'Hi' });
    await desk.accept(other.id);
    await waitUntil(() => panel!.shadowRoot!.querySelector('h2')?.textContent === 'Jan Kowalski', 'the panel did not follow the active conversation');
    expect(textarea(panel!).value).to.equal('');
    expect(filesOf(panel!)).to.deep.equal([]);

    desk.setActive(conversationId);
    await waitUntil(() => textarea(panel!).value === 'Half an answer', 'the draft was lost on the way back');
    await waitUntil(() => filesOf(panel!).join() === 'label.png:ready', 'the file was lost on the way back');
    sendButton(panel!).click();
    await waitUntil(() => transport.sentMessages.length === 1, 'not sent');
    expect(transport.sentMessages[0]!.conversationId).to.equal(conversationId);
    expect(transport.sentMessages[0]!.text).to.equal('Half an answer');
    expect(transport.sentMessages[0]!.attachments?.map((a) => a.name), 'the file is sent with the text').to.deep.equal(['label.png']);
  });

  it('brings back the draft and a ready attachment after a reload, and sends them', async () => {
    const first = await start();
    const [panel] = await mount(first.desk);
    await typeInto(panel!, 'Here is the label');
    paste(panel!);
    await waitUntil(() => filesOf(panel!).join() === 'label.png:ready', 'not uploaded');
    await first.desk.settled();
    // The page goes away: its desk and panel with it.
    fixtureCleanup();
    dispose(first.desk);

    const desk = await connectedDesk(first.transport, first.storage);
    await waitUntil(() => desk.$activeConversationId.get() === first.conversationId, 'the open conversation did not come back');
    const [reloaded] = await mount(desk);
    await waitUntil(() => textarea(reloaded!)?.value === 'Here is the label', 'the draft did not come back');
    await waitUntil(() => filesOf(reloaded!).join() === 'label.png:ready', 'the attachment did not come back ready');
    await waitUntil(() => !sendButton(reloaded!).disabled, 'Send stays disabled');
    sendButton(reloaded!).click();
    await waitUntil(() => first.transport.sentMessages.length === 1, 'not sent');
    const sent = first.transport.sentMessages[0]!;
    expect(sent.text).to.equal('Here is the label');
    // Uploaded before the reload, not again.
    expect(first.transport.uploads).to.have.length(1);
    expect(sent.attachments).to.deep.equal([first.transport.uploads[0]!.attachment]);
  });

  it('has no draft timer of its own: the desk writes the draft, even after the panel is gone', async () => {
    const { desk, storage, transport, conversationId } = await start();
    const [panel] = await mount(desk);
    await typeInto(panel!, 'Checking');
    expect(transport.agentTyping(conversationId), 'the customer sees the agent typing').to.equal(true);
    await desk.settled();
    expect(await storage.getDraft(conversationId)).to.equal('Checking');

    await sendKeys({ type: ' now' });
    panel!.remove();
    await desk.settled();
    expect(await storage.getDraft(conversationId)).to.equal('Checking now');
  });
});
