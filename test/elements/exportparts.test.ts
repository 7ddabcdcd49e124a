import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/communication-panel/define.js';
import type { CcCommunicationPanel } from '../../src/elements/communication-panel/communication-panel.js';
import { simDesk } from '../harness.js';

/** The parts of elements nested in the panel are re-exported, so a page styles them with `cc-communication-panel::part(…)`. */
describe('cc-communication-panel: nested parts from outside', () => {
  it('styles the transcript bubbles and text and the attachment list inside the panel from the light DOM', async () => {
    const { desk, transport } = await simDesk();
    const conversation = transport.startConversation({ locale: 'en', customer: { name: 'Anna Nowak' }, firstMessage: 'Hello there' });
    desk.setActive(conversation.id);
    await desk.send(conversation.id, 'Hi Anna, how can I help?');
    await desk.settled();
    const wrapper = await fixture<HTMLElement>(html`<div class="themed">
      <style>
        .themed cc-communication-panel::part(transcript-bubble) {
          outline: 3px solid rgb(1, 2, 3);
        }
        .themed cc-communication-panel::part(transcript-customer-bubble) {
          background-color: rgb(10, 20, 30);
        }
        .themed cc-communication-panel::part(transcript-agent-bubble) {
          background-color: rgb(40, 50, 60);
        }
        .themed cc-communication-panel::part(transcript-text) {
          letter-spacing: 3px;
        }
        .themed cc-communication-panel::part(transcript-author) {
          text-transform: uppercase;
        }
        .themed cc-communication-panel::part(attachment-list) {
          margin-top: 7px;
        }
      </style>
      <div style="height: 480px; display: flex"><cc-communication-panel .desk=${desk}></cc-communication-panel></div>
    </div>`);
    const panel = wrapper.querySelector<CcCommunicationPanel>('cc-communication-panel')!;
    const transcriptRoot = (): ShadowRoot | null | undefined => panel.shadowRoot?.querySelector('cc-transcript')?.shadowRoot;
    await waitUntil(() => transcriptRoot()?.querySelectorAll('.row.agent .bubble').length === 1, 'the agent message was not rendered');
    const root = transcriptRoot()!;
    const customer = root.querySelector<HTMLElement>('.row.customer .bubble')!;
    const agent = root.querySelector<HTMLElement>('.row.agent .bubble')!;
    expect(getComputedStyle(customer).outlineColor).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(customer).outlineWidth).to.equal('3px');
    expect(getComputedStyle(customer).backgroundColor).to.equal('rgb(10, 20, 30)');
    expect(getComputedStyle(agent).backgroundColor).to.equal('rgb(40, 50, 60)');
    expect(getComputedStyle(root.querySelector('.row.customer .text')!).letterSpacing).to.equal('3px');
    expect(getComputedStyle(root.querySelector('.row.customer .header')!).textTransform).to.equal('uppercase');
    const pickerRoot = panel.shadowRoot!.querySelector('cc-attachment-picker')!.shadowRoot!;
    await waitUntil(() => pickerRoot.querySelector('[part="list"]'), 'the attachment list was not rendered');
    expect(getComputedStyle(pickerRoot.querySelector('[part="list"]')!).marginTop).to.equal('7px');
  });

  it('applies a page rule to the nested bubbles while it is there, and the default look returns without it', async () => {
    const { desk, transport } = await simDesk();
    const conversation = transport.startConversation({ locale: 'en', customer: { name: 'Anna Nowak' }, firstMessage: 'Hello there' });
    desk.setActive(conversation.id);
    await desk.settled();
    const wrapper = await fixture<HTMLElement>(html`<div>
      <style>
        cc-communication-panel::part(transcript-bubble) {
          background-color: rgb(10, 20, 30);
        }
      </style>
      <div style="height: 480px; display: flex"><cc-communication-panel .desk=${desk}></cc-communication-panel></div>
    </div>`);
    const panel = wrapper.querySelector<CcCommunicationPanel>('cc-communication-panel')!;
    const bubble = (): HTMLElement | null | undefined =>
      panel.shadowRoot?.querySelector('cc-transcript')?.shadowRoot?.querySelector<HTMLElement>('.row.customer .bubble');
    await waitUntil(() => bubble(), 'the customer message was not rendered');
    expect(getComputedStyle(bubble()!).backgroundColor).to.equal('rgb(10, 20, 30)');
    // The default look of a bubble comes back when the rule is gone.
    wrapper.querySelector('style')!.remove();
    expect(getComputedStyle(bubble()!).backgroundColor).not.to.equal('rgb(10, 20, 30)');
  });
});
