import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Desk } from '../../src/core/desk/desk.js';
import '../../src/elements/communication-panel/define.js';
import type { CcCommunicationPanel } from '../../src/elements/communication-panel/communication-panel.js';
import type { CcSentimentDismissEvent } from '../../src/elements/sentiment-badge/events.js';
import type { SimulatedTransport } from '../../src/transports/simulated/index.js';
import { simDesk } from '../harness.js';

// The panel without `…/define/sentiment-badge`: it loads the badge and the alert (and their English)
// on first use, and they behave as the ones the page defines up front. Nothing else in this file
// defines them, so the order of the tests matters: the first one checks they are not loaded yet.

async function accept(desk: Desk, transport: SimulatedTransport, name: string, locale: 'en' | 'pl' = 'en'): Promise<string> {
  const offer = transport.offer({ locale, customer: { name }, firstMessage: 'Hello, I have a question about my order.' });
  await waitUntil(() => desk.$offers.get().some((o) => o.id === offer.id), 'offer not shown');
  return (await desk.accept(offer.id)).id;
}

const inner = (host: Element, selector: string): HTMLElement | null => host.shadowRoot!.querySelector<HTMLElement>(selector);
const levelText = (badge: Element | null): string | undefined => badge?.shadowRoot?.querySelector('.text')?.textContent ?? undefined;
const clean = (el: Element | null | undefined): string => (el?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
const panelOf = (desk: Desk, lang = 'en') =>
  fixture<CcCommunicationPanel>(html`<cc-communication-panel lang=${lang} .desk=${desk} style="height: 500px; display: flex"></cc-communication-panel>`);

describe('sentiment elements loaded by the panel on first use (F14)', () => {
  it('are not loaded by a panel whose desk has no sentiment', async () => {
    const { desk, transport } = await simDesk({}, { sentiment: false });
    await accept(desk, transport, 'Anna Nowak');
    const panel = await panelOf(desk);
    await panel.updateComplete;
    expect(inner(panel, 'cc-sentiment-badge')).to.equal(null);
    expect(customElements.get('cc-sentiment-badge')).to.equal(undefined);
    expect(customElements.get('cc-sentiment-alert')).to.equal(undefined);
  });

  it('load with the first conversation that has sentiment: the badge follows it, the alert shows and dismisses', async () => {
    const { desk, transport } = await simDesk();
    const id = await accept(desk, transport, 'Anna Nowak');
    const panel = await panelOf(desk);
    await customElements.whenDefined('cc-sentiment-badge');
    await customElements.whenDefined('cc-sentiment-alert');
    const badge = inner(panel, 'cc-sentiment-badge')!;
    await waitUntil(() => levelText(badge) === 'Neutral', 'no Neutral badge in the header');
    expect(clean(badge)).to.contain('Customer sentiment: Neutral');

    transport.customerGetsAngry(id);
    await desk.settled();
    await waitUntil(() => levelText(badge) === 'Negative', 'the badge did not move');
    expect(badge.matches(':state(alert)')).to.equal(true);
    const alertHost = panel.shadowRoot!.querySelector('cc-sentiment-alert')!;
    await waitUntil(() => alertHost.shadowRoot!.querySelector('[role="alert"]') !== null, 'no alert in the panel');
    expect(clean(alertHost)).to.contain('The customer seems upset');
    expect(alertHost.matches(':state(shown)')).to.equal(true);
    await expect(panel).to.be.accessible();

    // A cancelled dismiss keeps it; an accepted one hides it.
    const dismissals: string[] = [];
    const keep = (event: CcSentimentDismissEvent) => (dismissals.push(event.conversationId), event.preventDefault());
    panel.addEventListener('cc-sentiment-dismiss', keep);
    (alertHost.shadowRoot!.querySelector('[part="dismiss"]') as HTMLElement).click();
    await alertHost.updateComplete;
    expect(dismissals).to.deep.equal([id]);
    expect(alertHost.shadowRoot!.querySelector('[role="alert"]')).to.not.equal(null);
    panel.removeEventListener('cc-sentiment-dismiss', keep);
    (alertHost.shadowRoot!.querySelector('[part="dismiss"]') as HTMLElement).click();
    await waitUntil(() => alertHost.shadowRoot!.querySelector('[role="alert"]') === null, 'the alert did not go away');
    expect(desk.sentiment.of(id).get()).to.include({ alert: true, dismissed: true });
  });

  it('speak Polish in a Polish panel', async () => {
    const { desk, transport } = await simDesk();
    const id = await accept(desk, transport, 'Zofia Wójcik', 'pl');
    const panel = await panelOf(desk, 'pl');
    transport.customerGetsAngry(id);
    await desk.settled();
    const alertHost = inner(panel, 'cc-sentiment-alert')!;
    await waitUntil(() => clean(alertHost).includes('Klient wydaje się zdenerwowany'), 'no Polish alert');
    expect(levelText(inner(panel, 'cc-sentiment-badge'))).to.equal('Negatywny');
  });
});
