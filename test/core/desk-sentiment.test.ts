import { expect, waitUntil } from '@open-wc/testing';
import type { Desk, DeskEvent, SentimentAnalyzer, SentimentLevel } from '../../src/core/desk/desk.js';
import { isAlertLevel, LEVELS } from '../../src/core/desk/sentiment.js';
import { customerTexts } from '../../src/core/desk/sentiment-engine.js';
import type { Conversation, Message } from '../../src/core/model.js';
import { createLexiconAnalyzer, SENTIMENT_LEVELS } from '../../src/sentiment/index.js';
import { ANGRY_MESSAGES } from '../../src/transports/simulated/scripts.js';
import { simDesk, testDesk, TestTransport } from '../harness.js';

const NOW = Date.now();
const POSITIVE = [
  'Thank you so much, that is great!',
  'Perfect, it works now, thanks!',
  'You were very helpful, thank you!',
  'Great service, I am happy.',
  'Excellent, thanks a lot!',
  'Wonderful, have a nice day!',
];

function conversation(id = 'c1'): Conversation {
  return { id, customer: { id: `u-${id}`, name: 'Anna Nowak' }, channel: 'facebook', queue: 'Sales', state: 'active', requestedAt: NOW };
}

let seq = 0;
function message(text: string | undefined, overrides: Partial<Message> = {}): Message {
  seq++;
  return { id: `m${seq}`, conversationId: 'c1', author: 'customer', kind: 'text', at: NOW + seq, ...(text === undefined ? {} : { text }), ...overrides };
}

async function setup(
  options: { capabilities?: { sentiment?: boolean }; sentiment?: SentimentAnalyzer | (() => Promise<SentimentAnalyzer>) | false } = {},
): Promise<{ desk: Desk; transport: TestTransport; alerts: Extract<DeskEvent, { type: 'sentiment-alert' }>[] }> {
  const transport = new TestTransport({ capabilities: options.capabilities ?? {} });
  const desk = testDesk({ transport, ...('sentiment' in options ? { sentiment: options.sentiment } : {}) });
  await desk.connect();
  transport.emit({ type: 'conversation.updated', conversation: conversation() });
  const alerts: Extract<DeskEvent, { type: 'sentiment-alert' }>[] = [];
  desk.on('sentiment-alert', (event) => alerts.push(event));
  await desk.settled();
  return { desk, transport, alerts };
}

function say(transport: TestTransport, texts: readonly string[], overrides: Partial<Message> = {}): Message[] {
  return texts.map((text) => transport.emit({ type: 'message.received', message: message(text, overrides) })).map((e) => (e as { message: Message }).message);
}

/** A counting analyzer over the real lexicon. */
function counting(): SentimentAnalyzer & { calls: (readonly string[])[] } {
  const lexicon = createLexiconAnalyzer();
  const calls: (readonly string[])[] = [];
  return { calls, analyze: (texts) => (calls.push(texts), lexicon.analyze(texts)) };
}

const rank = (level: SentimentLevel): number => LEVELS.indexOf(level);

describe('desk.sentiment (F14)', () => {
  it('knows the same seven levels as the analyzer, and alerts at Slightly negative and below', () => {
    expect(LEVELS).to.deep.equal(SENTIMENT_LEVELS);
    expect(LEVELS.filter(isAlertLevel)).to.deep.equal(['very-negative', 'negative', 'slightly-negative']);
  });

  it('starts Neutral, with nothing known', async () => {
    const { desk } = await setup();
    expect(desk.sentiment.of('c1').get()).to.deep.equal({ level: 'neutral', source: 'initial', alert: false, dismissed: false });
    expect(desk.sentiment.of('unknown').get().level).to.equal('neutral');
  });

  it('three angry customer messages move it to Very negative and raise one alert', async () => {
    const { desk, transport, alerts } = await setup();
    say(transport, ANGRY_MESSAGES.en);
    await desk.settled();
    const state = desk.sentiment.of('c1').get();
    expect(state).to.deep.equal({ level: 'very-negative', source: 'local', alert: true, dismissed: false });
    expect(rank(state.level)).to.be.at.most(rank('negative'));
    expect(alerts).to.deep.equal([{ type: 'sentiment-alert', conversationId: 'c1', level: 'very-negative' }]);
    // Still angry: no second alert for every message.
    say(transport, ['Still nothing. Terrible.']);
    await desk.settled();
    expect(desk.sentiment.of('c1').get().alert).to.equal(true);
    expect(alerts).to.have.length(1);
  });

  it('reads Polish too', async () => {
    const { desk, transport, alerts } = await setup();
    say(transport, ANGRY_MESSAGES.pl);
    await desk.settled();
    expect(desk.sentiment.of('c1').get().level).to.equal('very-negative');
    expect(alerts).to.have.length(1);
  });

  it('counts only the last six customer messages: six positive after three angry read Very positive, and the alert clears', async () => {
    const { desk, transport, alerts } = await setup();
    say(transport, ANGRY_MESSAGES.en);
    await desk.settled();
    say(transport, POSITIVE);
    await desk.settled();
    expect(desk.sentiment.of('c1').get()).to.deep.equal({ level: 'very-positive', source: 'local', alert: false, dismissed: false });
    // Five positive are not enough to push the angry ones out of the window.
    const other = await setup();
    say(other.transport, ANGRY_MESSAGES.en);
    say(other.transport, POSITIVE.slice(0, 5));
    await other.desk.settled();
    expect(other.desk.sentiment.of('c1').get().level).to.equal(createLexiconAnalyzer().analyze([...ANGRY_MESSAGES.en.slice(2), ...POSITIVE.slice(0, 5)]));
    expect(other.desk.sentiment.of('c1').get().level).to.not.equal('very-positive');
    // Angry again: a new crossing, a new alert.
    say(transport, ANGRY_MESSAGES.en);
    say(transport, ANGRY_MESSAGES.en);
    await desk.settled();
    expect(desk.sentiment.of('c1').get().alert).to.equal(true);
    expect(alerts).to.have.length(2);
  });

  it("does not count the agent's messages, nor photos and stickers without text", async () => {
    const analyzer = counting();
    const { desk, transport } = await setup({ sentiment: analyzer });
    say(transport, ['Thanks, that is great!']);
    await desk.settled();
    expect(desk.sentiment.of('c1').get().level).to.equal('positive');
    say(transport, ['This is terrible, I hate it, awful!', 'Useless and ridiculous!'], { author: 'agent' });
    for (let i = 0; i < 6; i++) transport.emit({ type: 'message.received', message: message(undefined, { kind: 'sticker' }) });
    say(transport, ['Thanks, that is great!']);
    await desk.settled();
    expect(desk.sentiment.of('c1').get().level).to.equal('positive');
    expect(analyzer.calls.at(-1)).to.deep.equal(['Thanks, that is great!', 'Thanks, that is great!']);
  });

  it('reads an edited message again', async () => {
    const { desk, transport } = await setup();
    const [first] = say(transport, ['This is terrible and useless!']);
    await desk.settled();
    expect(desk.sentiment.of('c1').get().alert).to.equal(true);
    transport.emit({ type: 'message.edited', conversationId: 'c1', messageId: first!.id, text: 'Great, thank you!', at: NOW + 1000 });
    await desk.settled();
    expect(desk.sentiment.of('c1').get()).to.include({ level: 'positive', alert: false });
  });

  it('analyzes a backfill of 500 messages once, not 500 times', async () => {
    const analyzer = counting();
    const { desk, transport } = await setup({ sentiment: analyzer });
    say(transport, Array.from({ length: 500 }, (_, i) => (i < 494 ? `Message ${i}` : POSITIVE[i - 494]!)));
    await desk.settled();
    expect(analyzer.calls).to.have.length(1);
    expect(analyzer.calls[0]).to.deep.equal(POSITIVE);
    expect(desk.sentiment.of('c1').get().level).to.equal('very-positive');
  });

  it('a sentiment event from the transport overrides the local level; local analysis stops for that conversation', async () => {
    const { desk, transport, alerts } = await setup();
    say(transport, ANGRY_MESSAGES.en);
    await desk.settled();
    expect(desk.sentiment.of('c1').get().source).to.equal('local');
    transport.emit({ type: 'sentiment', conversationId: 'c1', level: 'slightly-positive' });
    expect(desk.sentiment.of('c1').get()).to.deep.equal({ level: 'slightly-positive', source: 'transport', alert: false, dismissed: false });
    say(transport, ANGRY_MESSAGES.en);
    await desk.settled();
    expect(desk.sentiment.of('c1').get()).to.include({ level: 'slightly-positive', source: 'transport' });
    transport.emit({ type: 'sentiment', conversationId: 'c1', level: 'negative' });
    expect(desk.sentiment.of('c1').get()).to.include({ level: 'negative', source: 'transport', alert: true });
    expect(alerts.map((a) => a.level)).to.deep.equal(['very-negative', 'negative']);
  });

  it('a sentiment event that comes while the analyzer loads is not overwritten by the local analysis', async () => {
    let release: ((analyzer: SentimentAnalyzer) => void) | undefined;
    const { desk, transport } = await setup({ sentiment: () => new Promise<SentimentAnalyzer>((resolve) => (release = resolve)) });
    say(transport, ANGRY_MESSAGES.en);
    // The batch runs a task later and waits for the analyzer; the backend reports meanwhile.
    await waitUntil(() => release !== undefined, 'the analyzer was not asked for');
    transport.emit({ type: 'sentiment', conversationId: 'c1', level: 'slightly-positive' });
    release!(createLexiconAnalyzer());
    await desk.settled();
    expect(desk.sentiment.of('c1').get()).to.include({ level: 'slightly-positive', source: 'transport' });
  });

  it('does not analyze locally when the transport reports sentiment (capabilities.sentiment) or with sentiment: false', async () => {
    let loads = 0;
    const loader = async (): Promise<SentimentAnalyzer> => (loads++, createLexiconAnalyzer());
    const reported = await setup({ capabilities: { sentiment: true }, sentiment: loader });
    say(reported.transport, ANGRY_MESSAGES.en);
    await reported.desk.settled();
    expect(reported.desk.sentiment.of('c1').get().source).to.equal('initial');
    reported.transport.emit({ type: 'sentiment', conversationId: 'c1', level: 'very-negative' });
    expect(reported.desk.sentiment.of('c1').get()).to.include({ level: 'very-negative', source: 'transport', alert: true });
    expect(reported.alerts).to.have.length(1);

    const off = await setup({ sentiment: false });
    say(off.transport, ANGRY_MESSAGES.en);
    await off.desk.settled();
    expect(off.desk.sentiment.of('c1').get().level).to.equal('neutral');
    expect(loads).to.equal(0);

    // The loader runs once, with the first customer message, not before.
    const lazy = await setup({ sentiment: loader });
    expect(loads).to.equal(0);
    say(lazy.transport, ['Hello']);
    say(lazy.transport, ANGRY_MESSAGES.en);
    await lazy.desk.settled();
    say(lazy.transport, POSITIVE);
    await lazy.desk.settled();
    expect(loads).to.equal(1);
  });

  it('refuses a malformed sentiment event at the boundary', async () => {
    const { desk, transport } = await setup();
    const seen: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => void seen.push(args.map(String).join(' '));
    try {
      transport.emitRaw({ type: 'sentiment', cursor: '50', conversationId: 'c1', level: 'furious' });
      transport.emitRaw({ type: 'sentiment', cursor: '51', level: 'negative' });
      transport.emitRaw({ type: 'sentiment', cursor: '52', conversationId: 'c1' });
      await desk.settled();
    } finally {
      console.warn = original;
    }
    expect(seen).to.have.length(3);
    expect(seen[0]).to.contain('"sentiment"');
    expect(desk.sentiment.of('c1').get().source).to.equal('initial');
    transport.emitRaw({ type: 'sentiment', cursor: '53', conversationId: 'c1', level: 'negative' });
    expect(desk.sentiment.of('c1').get()).to.include({ level: 'negative', source: 'transport' });
  });

  it('the agent dismisses an alert; it comes back with the next crossing', async () => {
    const { desk, transport } = await setup();
    transport.emit({ type: 'sentiment', conversationId: 'c1', level: 'negative' });
    desk.sentiment.dismiss('c1');
    expect(desk.sentiment.of('c1').get()).to.include({ alert: true, dismissed: true });
    transport.emit({ type: 'sentiment', conversationId: 'c1', level: 'very-negative' });
    expect(desk.sentiment.of('c1').get()).to.include({ alert: true, dismissed: true });
    transport.emit({ type: 'sentiment', conversationId: 'c1', level: 'neutral' });
    transport.emit({ type: 'sentiment', conversationId: 'c1', level: 'slightly-negative' });
    expect(desk.sentiment.of('c1').get()).to.include({ alert: true, dismissed: false });
  });

  it('the simulator plays an angry customer, and can report sentiment itself', async () => {
    const { desk, transport } = await simDesk();
    const offer = transport.offer({ locale: 'pl' });
    await desk.accept(offer.id);
    transport.customerGetsAngry(offer.conversationId);
    await desk.settled();
    // The scenario's own first message counts too.
    const expected = createLexiconAnalyzer().analyze(customerTexts(desk.messages(offer.conversationId).get()));
    expect(rank(expected)).to.be.at.most(rank('negative'));
    expect(desk.sentiment.of(offer.conversationId).get()).to.include({ level: expected, source: 'local', alert: true });

    const reporting = await simDesk({ reportsSentiment: true }, { sentiment: false });
    expect(reporting.desk.capabilities.sentiment).to.equal(true);
    const second = reporting.transport.offer({ locale: 'en' });
    await reporting.desk.accept(second.id);
    reporting.transport.customerGetsAngry(second.conversationId);
    const level = createLexiconAnalyzer().analyze(customerTexts(reporting.desk.messages(second.conversationId).get()));
    await waitUntil(() => reporting.desk.sentiment.of(second.conversationId).get().level === level, 'the simulator reported no sentiment');
    expect(reporting.desk.sentiment.of(second.conversationId).get().source).to.equal('transport');
  });

  it('with autoplay, every n-th accepted customer turns angry on their own (the demo)', async () => {
    const { desk, transport } = await simDesk({ autoplay: { pace: 0.01, angryEvery: 2, offerEvery: 1e9, firstOfferAfter: 1e9 } });
    const alerts: string[] = [];
    desk.on('sentiment-alert', (event) => alerts.push(event.conversationId));
    const first = transport.offer({ locale: 'en', firstMessage: 'Hello, I have a question about my order.' });
    const second = transport.offer({ locale: 'pl', firstMessage: 'Dzień dobry, mam pytanie o zamówienie.' });
    await waitUntil(() => desk.$offers.get().length === 2, 'no offers');
    await desk.accept(first.id);
    await desk.accept(second.id);
    await waitUntil(() => alerts.length > 0, 'the second customer never got angry', { timeout: 4000 });
    expect(alerts).to.deep.equal([second.conversationId]);
    await waitUntil(() => customerTexts(desk.messages(second.conversationId).get()).some((t) => t === ANGRY_MESSAGES.pl[2]), 'not all three angry messages');
    expect(customerTexts(desk.messages(first.conversationId).get()).some((t) => ANGRY_MESSAGES.en.includes(t))).to.equal(false);
  });

  it('customerTexts keeps the newest six texts, oldest first', () => {
    const list = [...POSITIVE, 'one', 'two'].map((text) => message(text));
    expect(customerTexts(list)).to.deep.equal([...POSITIVE.slice(2), 'one', 'two']);
    expect(customerTexts([message('  ')])).to.deep.equal([]);
  });
});
