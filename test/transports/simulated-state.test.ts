import { expect, waitUntil } from '@open-wc/testing';
import { SimulatedTransport, type SimulatedState } from '../../src/transports/simulated/index.js';
import { testDesk } from '../harness.js';

/** Through JSON, as a page keeps it in localStorage. */
const kept = (state: SimulatedState): SimulatedState => JSON.parse(JSON.stringify(state)) as SimulatedState;

describe('SimulatedTransport state across a reload', () => {
  it('brings back the conversation, its messages and the pending offer on a new page, and never sends a message twice', async () => {
    const first = new SimulatedTransport({ seed: 3, idPrefix: 'p1-' });
    const before = testDesk({ transport: first });
    await before.connect();
    const offer = first.offer({ locale: 'en', customer: { name: 'Megan Oduya' } });
    await waitUntil(() => before.$offers.get().some((o) => o.id === offer.id), 'the offer never arrived');
    const conversation = await before.accept(offer.id);
    first.customerSays(conversation.id, 'Is my parcel on its way?');
    await before.send(conversation.id, 'Let me check that for you.');
    await waitUntil(() => first.sentMessages.length === 1, 'the message was never sent');
    const waiting = first.offer({ locale: 'pl' });
    await before.settled();
    const state = kept(first.saveState());
    before.dispose();

    // The reloaded page: a new transport from the kept state, a new desk with no storage of its own.
    const second = new SimulatedTransport({ seed: 99, state });
    const after = testDesk({ transport: second });
    await after.connect();
    await waitUntil(() => after.$conversations.get()[conversation.id] !== undefined, 'the conversation did not come back');
    expect(after.$conversations.get()[conversation.id]!.state).to.equal('active');
    await waitUntil(() => after.messages(conversation.id).get().length >= 3, 'the messages did not come back');
    const texts = after.messages(conversation.id).get().map((m) => m.text);
    expect(texts).to.include('Is my parcel on its way?');
    expect(texts).to.include('Let me check that for you.');
    expect(after.$offers.get().map((o) => o.id)).to.include(waiting.id);

    // The same client id again (an outbox retry after the reload) is answered, not sent a second time.
    const sent = second.sentMessages[0]!;
    await second.execute({ type: 'message.send', conversationId: conversation.id, clientId: sent.clientId!, text: sent.text! });
    expect(second.sentMessages).to.have.length(1);

    // New customers get new ids: nothing collides with the kept world.
    const next = second.offer({ locale: 'en' });
    expect(next.id).to.not.equal(offer.id);
    expect(next.id).to.not.equal(waiting.id);
    expect(next.id.startsWith('p1-')).to.equal(true);
  });
});
