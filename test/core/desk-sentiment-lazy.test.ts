import { expect, waitUntil } from '@open-wc/testing';
import type { Desk } from '../../src/core/desk/desk.js';
import type { Conversation } from '../../src/core/model.js';
import { ANGRY_MESSAGES } from '../../src/transports/simulated/scripts.js';
import { testDesk, TestTransport } from '../harness.js';

// The default analyzer and its word lists are a chunk of their own that the desk loads with the
// first customer message it would analyze, and never when it has nothing to analyze: with
// `sentiment: false`, or when the transport reports sentiment itself. Nothing else in this file
// (nor in what it imports) loads the analyzer, so the page's resource list tells.

performance.setResourceTimingBufferSize(100_000);

const analyzerLoaded = (): boolean =>
  performance.getEntriesByType('resource').some((entry) => /\/src\/sentiment\/(index|lexicon)\.[jt]s/.test(entry.name));

const conversation: Conversation = {
  id: 'c1',
  customer: { id: 'u1', name: 'Anna Nowak' },
  channel: 'facebook',
  queue: 'Sales',
  state: 'active',
  requestedAt: Date.now(),
};

async function angryCustomer(options: { capabilities?: { sentiment?: boolean }; sentiment?: false }): Promise<Desk> {
  const transport = new TestTransport({ capabilities: options.capabilities ?? {} });
  const desk = testDesk({ transport, ...('sentiment' in options ? { sentiment: options.sentiment } : {}) });
  await desk.connect();
  transport.emit({ type: 'conversation.updated', conversation });
  ANGRY_MESSAGES.en.forEach((text, i) =>
    transport.emit({ type: 'message.received', message: { id: `m${i}`, conversationId: 'c1', author: 'customer', kind: 'text', text, at: Date.now() + i } }),
  );
  await desk.settled();
  return desk;
}

describe('the sentiment analyzer chunk', () => {
  it('is not loaded with sentiment: false', async () => {
    const desk = await angryCustomer({ sentiment: false });
    expect(desk.sentiment.of('c1').get().level).to.equal('neutral');
    expect(analyzerLoaded()).to.equal(false);
  });

  it('is not loaded when the transport reports sentiment (capabilities.sentiment)', async () => {
    const desk = await angryCustomer({ capabilities: { sentiment: true } });
    expect(desk.sentiment.of('c1').get().source).to.equal('initial');
    expect(analyzerLoaded()).to.equal(false);
  });

  it('is not loaded by a desk that has no customer message yet', async () => {
    const transport = new TestTransport();
    const desk = testDesk({ transport });
    await desk.connect();
    transport.emit({ type: 'conversation.updated', conversation });
    await desk.settled();
    expect(analyzerLoaded()).to.equal(false);
  });

  // Last: once loaded, it stays loaded for the page.
  it('is loaded, by default, with the first customer message', async () => {
    const desk = await angryCustomer({});
    expect(desk.sentiment.of('c1').get()).to.include({ level: 'very-negative', source: 'local' });
    await waitUntil(analyzerLoaded, 'the analyzer was loaded, but the resource list does not say so');
  });
});
