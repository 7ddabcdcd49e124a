import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Desk, DeskEvent } from '../../src/core/desk/desk.js';
import '../../src/elements/communication-panel/define.js';
import '../../src/elements/session-tabs/define.js';
import type { CcCommunicationPanel } from '../../src/elements/communication-panel/communication-panel.js';
import type { CcSessionTabs } from '../../src/elements/session-tabs/session-tabs.js';
import type { SimulatedTransport } from '../../src/transports/simulated/index.js';
import { simDesk } from '../harness.js';

// F14 in the agent's workspace: the badge in the panel header and on each session tab, the alert
// in the panel, and the urgent marker on a background session.

async function accept(desk: Desk, transport: SimulatedTransport, name: string, locale: 'en' | 'pl' = 'en'): Promise<string> {
  const offer = transport.offer({ locale, customer: { name }, firstMessage: 'Hello, I have a question about my order.' });
  await waitUntil(() => desk.$offers.get().some((o) => o.id === offer.id), 'offer not shown');
  return (await desk.accept(offer.id)).id;
}

const inner = (host: Element, selector: string): HTMLElement | null => host.shadowRoot!.querySelector<HTMLElement>(selector);
const levelText = (badge: Element): string | undefined => badge.shadowRoot!.querySelector('.text')?.textContent ?? undefined;
const clean = (el: Element | null | undefined): string => (el?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('sentiment in the panel and the session tabs (F14)', () => {
  it('three angry messages move the panel badge to Very negative and show an alert, with a desk event', async () => {
    const { desk, transport } = await simDesk();
    const events: DeskEvent[] = [];
    desk.on('sentiment-alert', (event) => events.push(event));
    const id = await accept(desk, transport, 'Anna Nowak');
    const panel = await fixture<CcCommunicationPanel>(html`<cc-communication-panel lang="en" .desk=${desk} style="height: 500px; display: flex"></cc-communication-panel>`);
    // The sentiment elements load on first use.
    await customElements.whenDefined('cc-sentiment-badge');
    const badge = inner(panel, 'cc-sentiment-badge')!;
    await waitUntil(() => clean(badge).includes('Neutral'), 'no badge in the header');
    expect(clean(inner(panel, 'cc-sentiment-alert'))).to.equal('');

    transport.customerGetsAngry(id);
    await desk.settled();
    // The greeting counts too: the lexicon reads the four messages as Negative.
    await waitUntil(() => levelText(badge) === 'Negative', 'the badge did not move');
    expect(desk.sentiment.of(id).get()).to.include({ level: 'negative', alert: true, source: 'local' });
    expect(events).to.deep.equal([{ type: 'sentiment-alert', conversationId: id, level: 'negative' }]);
    const alertHost = inner(panel, 'cc-sentiment-alert')!;
    await waitUntil(() => alertHost.shadowRoot!.querySelector('[role="alert"]') !== null, 'no alert in the panel');
    expect(clean(alertHost)).to.contain('The customer seems upset');
    expect(alertHost.checkVisibility()).to.equal(true);
    await expect(panel).to.be.accessible();

    // Dismissed, it stays away while the customer stays angry.
    (alertHost.shadowRoot!.querySelector('[part="dismiss"]') as HTMLElement).click();
    await waitUntil(() => alertHost.shadowRoot!.querySelector('[role="alert"]') === null, 'the alert did not go away');
    transport.customerSays(id, 'Still nothing. Terrible!');
    await desk.settled();
    expect(alertHost.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
    expect(events).to.have.length(1);
  });

  it('a background session whose customer is upset gets "needs urgent attention" on its tab, until it recovers', async () => {
    const { desk, transport } = await simDesk();
    const angry = await accept(desk, transport, 'Anna Nowak');
    const calm = await accept(desk, transport, 'Jan Kowalski');
    expect(desk.$activeConversationId.get()).to.equal(calm);
    const tabs = await fixture<CcSessionTabs>(html`<cc-session-tabs lang="en" .desk=${desk}></cc-session-tabs>`);
    const tab = (id: string) => inner(tabs, `[role="tab"][data-id="${id}"]`)!;
    const badgeOf = (id: string) => tab(id).querySelector('cc-sentiment-badge')!;

    transport.customerGetsAngry(angry);
    transport.customerGetsAngry(calm);
    await desk.settled();
    await waitUntil(() => clean(badgeOf(angry)).includes('Needs urgent attention'), 'no urgent marker on the background tab');
    expect(clean(badgeOf(angry))).to.contain('Customer sentiment: Negative');
    expect(badgeOf(angry).shadowRoot!.querySelector('[part="urgent"]')!.checkVisibility()).to.equal(true);
    // The session in front is upset too, but the agent is looking at it: no urgent marker there.
    expect(levelText(badgeOf(calm))).to.equal('Negative');
    expect(clean(badgeOf(calm))).to.not.contain('Needs urgent attention');
    await expect(tabs).to.be.accessible();

    // Bringing it to the front clears the marker; sending it back shows it again.
    desk.sessions.focus(angry);
    await waitUntil(() => !clean(badgeOf(angry)).includes('Needs urgent attention'), 'the marker stayed on the front session');
    expect(clean(badgeOf(calm))).to.contain('Needs urgent attention');

    // Recovered above Slightly negative: no marker.
    for (const text of ['Thank you so much, that is great!', 'Perfect, it works now, thanks!', 'You were very helpful, thank you!', 'Great service, I am happy.', 'Excellent, thanks a lot!', 'Wonderful, have a nice day!']) {
      transport.customerSays(calm, text);
    }
    await desk.settled();
    await waitUntil(() => !clean(badgeOf(calm)).includes('Needs urgent attention'), 'the marker stayed after recovery');
    expect(levelText(badgeOf(calm))).to.equal('Very positive');
  });

  it('shows no sentiment when the desk has none (sentiment: false, no transport sentiment)', async () => {
    const { desk, transport } = await simDesk({}, { sentiment: false });
    const id = await accept(desk, transport, 'Anna Nowak');
    const panel = await fixture<CcCommunicationPanel>(html`<cc-communication-panel lang="en" .desk=${desk} style="height: 500px; display: flex"></cc-communication-panel>`);
    const tabs = await fixture<CcSessionTabs>(html`<cc-session-tabs lang="en" .desk=${desk}></cc-session-tabs>`);
    transport.customerGetsAngry(id);
    await desk.settled();
    await panel.updateComplete;
    expect(inner(panel, 'cc-sentiment-badge')).to.equal(null);
    expect(inner(panel, 'cc-sentiment-alert')).to.equal(null);
    expect(inner(tabs, 'cc-sentiment-badge')).to.equal(null);
    expect(desk.sentiment.enabled).to.equal(false);
  });

  it('speaks Polish in the panel', async () => {
    const { desk, transport } = await simDesk();
    const id = await accept(desk, transport, 'Zofia Wójcik', 'pl');
    const panel = await fixture<CcCommunicationPanel>(html`<cc-communication-panel lang="pl" .desk=${desk} style="height: 500px; display: flex"></cc-communication-panel>`);
    transport.customerGetsAngry(id);
    await desk.settled();
    const alertHost = inner(panel, 'cc-sentiment-alert')!;
    await waitUntil(() => clean(alertHost).includes('Klient wydaje się zdenerwowany'), 'no Polish alert');
    expect(levelText(inner(panel, 'cc-sentiment-badge')!)).to.equal('Negatywny');
  });
});
