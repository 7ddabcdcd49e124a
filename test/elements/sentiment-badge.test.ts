import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { SentimentLevel } from '../../src/core/desk/desk.js';
import { LEVELS } from '../../src/core/desk/sentiment.js';
import '../../src/elements/sentiment-badge/define.js';
import type { CcSentimentBadge } from '../../src/elements/sentiment-badge/sentiment-badge.js';
import { CcSentimentDismissEvent, type CcSentimentAlert } from '../../src/elements/sentiment-badge/sentiment-alert.js';
import { testTransportDesk } from '../harness.js';

const EN: Record<SentimentLevel, string> = {
  'very-negative': 'Very negative',
  negative: 'Negative',
  'slightly-negative': 'Slightly negative',
  neutral: 'Neutral',
  'slightly-positive': 'Slightly positive',
  positive: 'Positive',
  'very-positive': 'Very positive',
};
const PL: Record<SentimentLevel, string> = {
  'very-negative': 'Bardzo negatywny',
  negative: 'Negatywny',
  'slightly-negative': 'Lekko negatywny',
  neutral: 'Neutralny',
  'slightly-positive': 'Lekko pozytywny',
  positive: 'Pozytywny',
  'very-positive': 'Bardzo pozytywny',
};

const text = (el: Element): string => (el.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ').trim();
const shown = (el: Element, selector: string): HTMLElement | null => el.shadowRoot!.querySelector<HTMLElement>(selector);

async function deskWithConversation() {
  const on = await testTransportDesk();
  on.transport.emit({
    type: 'conversation.updated',
    conversation: { id: 'c1', customer: { id: 'u1', name: 'Anna Nowak' }, channel: 'facebook', queue: 'Sales', state: 'active', requestedAt: Date.now() },
  });
  await on.desk.settled();
  return on;
}

describe('<cc-sentiment-badge>', () => {
  it('names each of the seven levels in text beside its shape, never by colour alone', async () => {
    const shapes = new Set<string>();
    for (const level of LEVELS) {
      const el = await fixture<CcSentimentBadge>(html`<cc-sentiment-badge lang="en" level=${level}></cc-sentiment-badge>`);
      expect(shown(el, '.text')!.textContent).to.equal(EN[level]);
      expect(text(el)).to.contain(`Customer sentiment: ${EN[level]}`);
      expect(shown(el, '[part="badge"]')!.dataset['level']).to.equal(level);
      shapes.add(shown(el, '[part="icon"]')!.textContent!);
      expect(el.matches(':state(alert)')).to.equal(['very-negative', 'negative', 'slightly-negative'].includes(level));
      await expect(el).to.be.accessible();
    }
    expect(shapes.size).to.equal(7);
  });

  it('speaks Polish', async () => {
    for (const level of LEVELS) {
      const el = await fixture<CcSentimentBadge>(html`<cc-sentiment-badge lang="pl" level=${level}></cc-sentiment-badge>`);
      await waitUntil(() => shown(el, '.text')!.textContent === PL[level], `no Polish label for ${level}`);
      expect(text(el)).to.contain('Nastrój klienta:');
    }
  });

  it("follows the desk's sentiment of its conversation", async () => {
    const { desk, transport } = await deskWithConversation();
    const el = await fixture<CcSentimentBadge>(html`<cc-sentiment-badge lang="en" .desk=${desk} conversation-id="c1"></cc-sentiment-badge>`);
    expect(shown(el, '.text')!.textContent).to.equal('Neutral');
    transport.emit({ type: 'sentiment', conversationId: 'c1', level: 'negative' });
    await el.updateComplete;
    expect(shown(el, '.text')!.textContent).to.equal('Negative');
    expect(el.matches(':state(alert)')).to.equal(true);
    // Not in the background: no urgent marker.
    expect(shown(el, '[part="urgent"]')).to.equal(null);
  });

  it('on a background session, an alert level reads "needs urgent attention" until it recovers', async () => {
    const { desk, transport } = await deskWithConversation();
    const el = await fixture<CcSentimentBadge>(html`<cc-sentiment-badge lang="en" compact background .desk=${desk} conversation-id="c1"></cc-sentiment-badge>`);
    // Compact: nothing to say at Neutral.
    expect(shown(el, '[part="badge"]')).to.equal(null);
    transport.emit({ type: 'sentiment', conversationId: 'c1', level: 'slightly-negative' });
    await el.updateComplete;
    expect(shown(el, '[part="urgent"]')!.textContent).to.contain('Needs urgent attention');
    expect(el.matches(':state(urgent)')).to.equal(true);
    await expect(el).to.be.accessible();
    transport.emit({ type: 'sentiment', conversationId: 'c1', level: 'slightly-positive' });
    await el.updateComplete;
    expect(shown(el, '[part="urgent"]')).to.equal(null);
    expect(el.matches(':state(urgent)')).to.equal(false);
    expect(shown(el, '.text')!.textContent).to.equal('Slightly positive');
  });
});

describe('<cc-sentiment-alert>', () => {
  it('alerts once the sentiment crosses into negative; Dismiss hides it until the next crossing', async () => {
    const { desk, transport } = await deskWithConversation();
    const el = await fixture<CcSentimentAlert>(html`<cc-sentiment-alert lang="en" .desk=${desk} conversation-id="c1"></cc-sentiment-alert>`);
    expect(shown(el, '[role="alert"]')).to.equal(null);
    transport.emit({ type: 'sentiment', conversationId: 'c1', level: 'very-negative' });
    await el.updateComplete;
    const alert = shown(el, '[role="alert"]')!;
    expect(text(el)).to.contain('The customer seems upset');
    expect(text(el)).to.contain('Sentiment: Very negative.');
    expect(el.matches(':state(shown)')).to.equal(true);
    expect(alert).to.not.equal(null);
    await expect(el).to.be.accessible();

    // A vetoed dismiss keeps it.
    const veto = (event: CcSentimentDismissEvent) => event.preventDefault();
    el.addEventListener(CcSentimentDismissEvent.type, veto, { once: true });
    shown(el, '[part="dismiss"]')!.click();
    await el.updateComplete;
    expect(shown(el, '[role="alert"]')).to.not.equal(null);

    let dismissed: string | undefined;
    el.addEventListener('cc-sentiment-dismiss', (event) => (dismissed = event.conversationId), { once: true });
    shown(el, '[part="dismiss"]')!.click();
    await el.updateComplete;
    expect(dismissed).to.equal('c1');
    expect(shown(el, '[role="alert"]')).to.equal(null);
    expect(el.matches(':state(shown)')).to.equal(false);
    expect(desk.sentiment.of('c1').get().dismissed).to.equal(true);

    transport.emit({ type: 'sentiment', conversationId: 'c1', level: 'neutral' });
    transport.emit({ type: 'sentiment', conversationId: 'c1', level: 'negative' });
    await el.updateComplete;
    expect(text(el)).to.contain('Sentiment: Negative.');
  });

  it('speaks Polish', async () => {
    const { desk, transport } = await deskWithConversation();
    const el = await fixture<CcSentimentAlert>(html`<cc-sentiment-alert lang="pl" .desk=${desk} conversation-id="c1"></cc-sentiment-alert>`);
    transport.emit({ type: 'sentiment', conversationId: 'c1', level: 'negative' });
    await waitUntil(() => text(el).includes('Klient wydaje się zdenerwowany'), 'no Polish alert');
    expect(text(el)).to.contain('Nastrój: Negatywny.');
    expect(shown(el, '[part="dismiss"]')!.textContent).to.equal('Zamknij');
    await expect(el).to.be.accessible();
  });
});
