import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/agent-desk/define.js';
import '../../src/elements/conversation-notification/define.js';
import '../../src/elements/session-tabs/define.js';
import '../../src/elements/communication-panel/define.js';
import { simDesk } from '../harness.js';

/** The demo's side pane: notification, session tabs and the panel in a column of fixed height. */
const SIDE = 'display: flex; flex-direction: column; gap: 12px; height: 560px; width: 380px; padding: 12px; box-sizing: border-box; --cc-notification-width: 100%';

/** How much of the transcript's log is on screen: its box, cut to the panel's and the pane's. */
function visibleTranscript(root: HTMLElement): number {
  const panel = root.querySelector('cc-communication-panel')!;
  const scroller = panel.shadowRoot!.querySelector('cc-transcript')!.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
  const boxes = [scroller, panel, root.querySelector('aside')!].map((e) => e.getBoundingClientRect());
  const top = Math.max(...boxes.map((b) => b.top));
  const bottom = Math.min(...boxes.map((b) => b.bottom));
  return Math.max(0, bottom - top);
}

async function sidePane(offers: number): Promise<HTMLElement> {
  const { desk, transport } = await simDesk({ seed: 4 });
  const conversation = transport.startConversation({ locale: 'en', customer: { name: 'Anna Nowak' }, firstMessage: 'Hello, my parcel is late' });
  transport.seedTranscript(conversation.id, 20);
  for (let i = 0; i < offers; i++) {
    transport.offer({ locale: 'en', customer: { name: `Customer ${i + 1}` }, firstMessage: 'I would like to change my delivery address, please, as soon as possible.' });
  }
  await waitUntil(() => desk.$offers.get().length === offers, 'the offers did not arrive');
  desk.setActive(conversation.id);
  await desk.settled();
  const root = await fixture<HTMLElement>(html`
    <cc-agent-desk .desk=${desk} lang="en">
      <aside style=${SIDE}>
        <cc-conversation-notification overlay style="flex: none"></cc-conversation-notification>
        <cc-session-tabs></cc-session-tabs>
        <cc-communication-panel style="flex: 1; min-height: 0"></cc-communication-panel>
      </aside>
    </cc-agent-desk>
  `);
  await waitUntil(() => root.querySelector('cc-communication-panel')?.shadowRoot?.querySelector('cc-transcript')?.shadowRoot?.querySelector('.scroller'), 'no transcript');
  const notification = root.querySelector('cc-conversation-notification')!;
  await notification.updateComplete;
  if (offers > 0) await waitUntil(() => notification.shadowRoot!.querySelector('[part="accept"]'), 'no offer card');
  return root;
}

describe('cc-conversation-notification overlay in a side pane', () => {
  it('with three offers waiting, the transcript keeps its height, and the card shows on top', async () => {
    const busy = await sidePane(3);
    const pane = busy.querySelector('aside')!;
    const panel = busy.querySelector('cc-communication-panel')!.getBoundingClientRect();
    const tabs = busy.querySelector('cc-session-tabs')!.getBoundingClientRect();
    // The panel gets the whole pane but the tabs and the gaps: the cards take nothing from it.
    expect(panel.height).to.be.at.least(pane.clientHeight - 24 - tabs.height - 2 * 12 - 1);
    const scroller = busy.querySelector('cc-communication-panel')!.shadowRoot!.querySelector('cc-transcript')!.shadowRoot!.querySelector('.scroller')!;
    // The log is all on screen (nothing pushed it out of the panel), and it is more than a few lines.
    expect(visibleTranscript(busy)).to.be.at.least(scroller.getBoundingClientRect().height - 1);
    expect(visibleTranscript(busy)).to.be.at.least(100);
    const notification = busy.querySelector('cc-conversation-notification')!;
    expect(notification.getBoundingClientRect().height).to.equal(0);
    // The card floats over the panel: Accept is what a click at its centre reaches.
    const accept = notification.shadowRoot!.querySelector<HTMLButtonElement>('[part="accept"]')!;
    const box = accept.getBoundingClientRect();
    expect(box.height).to.be.greaterThan(0);
    expect(notification.shadowRoot!.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)).to.equal(accept);
    // One card for all three: the other two are a stacked edge and one line.
    expect(notification.shadowRoot!.querySelectorAll('[part="card"]')).to.have.length(1);
    expect(notification.shadowRoot!.querySelector('.more')!.textContent).to.contain('2 more conversations waiting');
  });

  it('without overlay, the element takes the card’s height (the host page places it)', async () => {
    const root = await sidePane(1);
    const notification = root.querySelector('cc-conversation-notification')!;
    notification.overlay = false;
    await notification.updateComplete;
    const card = notification.shadowRoot!.querySelector('[part="card"]')!.getBoundingClientRect();
    expect(notification.getBoundingClientRect().height).to.be.at.least(card.height);
  });
});
