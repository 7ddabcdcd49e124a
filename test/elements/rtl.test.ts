import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/communication-panel/define.js';
import '../../src/elements/conversation-notification/define.js';
import type { CcCommunicationPanel } from '../../src/elements/communication-panel/communication-panel.js';
import { simDesk } from '../harness.js';

const HEBREW = 'שלום, ההזמנה שלי עוד לא הגיעה';
const ARABIC_NAME = 'ليلى حداد';
const ENGLISH = 'Hello, it has not arrived yet';

async function stage() {
  const { desk, transport } = await simDesk();
  const conversation = transport.startConversation({ locale: 'en', customer: { name: ARABIC_NAME }, firstMessage: HEBREW });
  desk.setActive(conversation.id);
  // Separate groups, so each message has its own header and bubble.
  await desk.send(conversation.id, 'Hi! Let me check your order.');
  transport.customerSays(conversation.id, ENGLISH);
  await desk.settled();
  return { desk, transport, conversation };
}

async function panelIn(dir: 'rtl' | 'ltr', width = 640) {
  const { desk } = await stage();
  const wrapper = await fixture<HTMLElement>(html`<div dir=${dir} style="width: ${width}px">
    <div style="height: 520px; display: flex"><cc-communication-panel .desk=${desk}></cc-communication-panel></div>
  </div>`);
  const panel = wrapper.querySelector<CcCommunicationPanel>('cc-communication-panel')!;
  const transcript = (): ShadowRoot | null | undefined => panel.shadowRoot?.querySelector('cc-transcript')?.shadowRoot;
  await waitUntil(() => transcript()?.querySelectorAll('.row.customer .text').length === 2, 'the messages were not rendered');
  const root = transcript()!;
  const texts = [...root.querySelectorAll<HTMLElement>('.row.customer .text')];
  const hebrew = texts.find((t) => t.textContent === HEBREW)!;
  const english = texts.find((t) => t.textContent === ENGLISH)!;
  const bubbleOf = (el: Element): DOMRect => el.closest('.bubble')!.getBoundingClientRect();
  const agent = root.querySelector('.row.agent .bubble')!.getBoundingClientRect();
  const scroller = root.querySelector('.scroller')!.getBoundingClientRect();
  return { panel, root, hebrew, english, customer: bubbleOf(english), agent, scroller };
}

describe('right to left', () => {
  it('in an RTL page the agent bubbles sit on the left and the customer bubbles on the right', async () => {
    const { customer, agent, scroller } = await panelIn('rtl');
    expect(agent.left).to.be.lessThan(customer.left);
    expect(agent.right).to.be.lessThan(customer.right);
    // Against the edges: the agent's bubble starts near the left edge, the customer's ends near the right.
    expect(agent.left - scroller.left).to.be.lessThan(scroller.right - agent.right);
    expect(scroller.right - customer.right).to.be.lessThan(customer.left - scroller.left);
  });

  it('in an LTR page the same conversation is the other way round', async () => {
    const { customer, agent } = await panelIn('ltr');
    expect(agent.right).to.be.greaterThan(customer.right);
    expect(agent.left).to.be.greaterThan(customer.left);
  });

  it("each message's text takes its own direction (dir=auto): Hebrew reads right to left, English left to right, on either page", async () => {
    for (const dir of ['rtl', 'ltr'] as const) {
      const { hebrew, english } = await panelIn(dir);
      expect(hebrew.getAttribute('dir'), dir).to.equal('auto');
      expect(english.getAttribute('dir'), dir).to.equal('auto');
      expect(getComputedStyle(hebrew).direction, `Hebrew on an ${dir} page`).to.equal('rtl');
      expect(hebrew.matches(':dir(rtl)')).to.equal(true);
      expect(english.matches(':dir(ltr)'), `English on an ${dir} page`).to.equal(true);
      expect(getComputedStyle(english).direction, `English on an ${dir} page`).to.equal('ltr');
    }
  });

  it("the customer's name in the transcript and the header takes its own direction", async () => {
    const { panel, root } = await panelIn('ltr');
    const author = root.querySelector<HTMLElement>('.row.customer .header')!;
    expect(author.getAttribute('dir')).to.equal('auto');
    expect(author.matches(':dir(rtl)')).to.equal(true);
    const heading = panel.shadowRoot!.querySelector<HTMLElement>('header h2')!;
    expect(heading.textContent).to.equal(ARABIC_NAME);
    expect(heading.matches(':dir(rtl)')).to.equal(true);
  });

  it("the panel header mirrors: in RTL the customer's name is at the right and the menu button at the left", async () => {
    for (const dir of ['rtl', 'ltr'] as const) {
      const { panel } = await panelIn(dir, 960);
      const heading = panel.shadowRoot!.querySelector('header h2')!.getBoundingClientRect();
      const menu = panel.shadowRoot!.querySelector('[part="menu-button"]')!.getBoundingClientRect();
      expect(Math.abs(menu.top - heading.top), 'one row').to.be.lessThan(heading.height);
      if (dir === 'rtl') expect(menu.right).to.be.lessThan(heading.left);
      else expect(menu.left).to.be.greaterThan(heading.right);
    }
  });

  it("an offer card shows a right-to-left customer's name and first message in their own direction", async () => {
    const { desk, transport } = await simDesk();
    transport.offer({ locale: 'en', customer: { name: ARABIC_NAME }, firstMessage: HEBREW, otherConversations: [] });
    await desk.settled();
    const el = await fixture<HTMLElement>(html`<cc-conversation-notification dir="rtl" .desk=${desk}></cc-conversation-notification>`);
    await waitUntil(() => el.shadowRoot?.querySelector('.name'), 'the offer was not shown');
    const name = el.shadowRoot!.querySelector<HTMLElement>('.name')!;
    const preview = el.shadowRoot!.querySelector<HTMLElement>('.preview-text')!;
    expect(name.getAttribute('dir')).to.equal('auto');
    expect(preview.getAttribute('dir')).to.equal('auto');
    expect(getComputedStyle(preview).direction).to.equal('rtl');
  });
});
