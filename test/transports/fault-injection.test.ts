import { expect, waitUntil } from '@open-wc/testing';
import { createDesk } from '../../src/core/desk/desk.js';
import { mulberry32 } from '../../src/core/random.js';
import { FaultTransport } from '../../src/transports/fault/index.js';
import { SimulatedTransport } from '../../src/transports/simulated/index.js';
import type { SnapshotEvent, TransportEvent } from '../../src/core/transport.js';

const COUNT = 1000;


/**
 * 1,000 messages each way through a network that loses, duplicates, reorders and delays events,
 * loses requests and answers, duplicates requests and drops the connection: every message arrives
 * exactly once and in order, and the outbox ends empty.
 */
describe('reliability under injected faults', function () {
  this.timeout(120_000);

  it(`delivers ${COUNT} messages each way exactly once, in order`, async () => {
    const backend = new SimulatedTransport({ seed: 99, capabilities: { records: false, notes: false, search: false } });
    const network = new FaultTransport(backend, {
      seed: 7,
      dropEvent: 0.003,
      duplicateEvent: 0.05,
      reorderEvent: 0.05,
      dropRequest: 0.03,
      dropResponse: 0.03,
      duplicateRequest: 0.03,
      disconnect: 0.002,
      delay: [0, 2],
    });
    // Short backoff (random() = 0 halves it) keeps the test quick; the schedule is the production one.
    const desk = createDesk({ transport: network, storage: 'memory', random: () => 0, maxSendAttempts: 1000 });
    await desk.connect();
    const conversation = backend.startConversation({ locale: 'en', links: {} });
    await waitUntil(() => desk.$conversations.get()[conversation.id], 'conversation never arrived', { timeout: 20_000 });
    desk.setActive(conversation.id);

    const random = mulberry32(3);
    const sends: Promise<unknown>[] = [];
    let agent = 0;
    let customer = 0;
    // Interleave both directions, as a real chat would.
    while (agent < COUNT || customer < COUNT) {
      if (customer < COUNT && (agent >= COUNT || random() < 0.5)) {
        backend.customerSays(conversation.id, `customer ${customer++}`);
      } else {
        sends.push(desk.send(conversation.id, `agent ${agent++}`));
      }
      if ((agent + customer) % 25 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
    }
    await Promise.all(sends);

    // Let the last reconnect's backfill catch up, then stop injecting.
    try {
      await waitUntil(
        () => desk.messages(conversation.id).get().filter((m) => m.author === 'customer' && m.text?.startsWith('customer ')).length === COUNT,
        'customer messages missing',
        { timeout: 30_000, interval: 50 },
      );
    } catch (e) {
      console.log(JSON.stringify({ status: desk.$connection.get(), counts: network.counts, connected: network.connected, got: desk.messages(conversation.id).get().filter((m) => m.author === 'customer').length, outbox: desk.outboxSize, backendConnected: backend.connected }));
      throw e;
    }
    network.enabled = false;

    const shown = desk.messages(conversation.id).get();
    const customerTexts = shown.filter((m) => m.author === 'customer' && m.text?.startsWith('customer ')).map((m) => m.text);
    expect(customerTexts).to.deep.equal(Array.from({ length: COUNT }, (_, i) => `customer ${i}`));

    const agentShown = shown.filter((m) => m.author === 'agent');
    expect(agentShown.map((m) => m.text)).to.deep.equal(Array.from({ length: COUNT }, (_, i) => `agent ${i}`));
    expect(agentShown.every((m) => m.status !== 'sending' && m.status !== 'failed')).to.equal(true);

    // The backend stored each agent message once, in the order written.
    const stored = backend.transcript(conversation.id).filter((m) => m.author === 'agent').map((m) => m.text);
    expect(stored).to.deep.equal(Array.from({ length: COUNT }, (_, i) => `agent ${i}`));
    expect(desk.outboxSize).to.equal(0);

    // The faults really happened.
    const c = network.counts;
    console.info(`fault injection: ${JSON.stringify(c)}`);
    expect(c.duplicatedEvents).to.be.greaterThan(10);
    expect(c.reorderedEvents).to.be.greaterThan(10);
    expect(c.droppedRequests + c.droppedResponses).to.be.greaterThan(10);
    expect(c.disconnects).to.be.greaterThan(3);
  });
});

describe('FaultTransport and the connection', () => {
  const agent = { id: 'agent-1' };

  it('passes the snapshot through first, once and whole, while it mangles the events after it', async () => {
    const backend = new SimulatedTransport({ seed: 11 });
    await backend.connect(agent);
    const pending = backend.offer();
    const accepted = backend.offer();
    await backend.execute({ type: 'offer.accept', offerId: accepted.id });
    await backend.disconnect();

    const network = new FaultTransport(backend, { seed: 2, duplicateEvent: 1, reorderEvent: 1, delay: [1, 4] });
    const events: TransportEvent[] = [];
    network.subscribe((e) => events.push(e));
    await network.connect(agent);
    backend.customerSays(accepted.conversationId, 'After the snapshot');
    // message.received is held back; conversation.updated overtakes it, twice; then the held one follows.
    await waitUntil(() => events.length === 4, 'the mangled events never arrived');
    expect(events.slice(1).map((e) => e.type)).to.deep.equal(['conversation.updated', 'conversation.updated', 'message.received']);

    expect(events[0]!.type).to.equal('snapshot');
    expect(events.filter((e) => e.type === 'snapshot')).to.have.length(1);
    const snapshot = events[0] as SnapshotEvent;
    expect(snapshot.offers.map((o) => o.id)).to.deep.equal([pending.id]);
    expect(snapshot.conversations.map((c) => c.id)).to.deep.equal([accepted.conversationId]);
  });

  it('passes the snapshot through even when it loses every event', async () => {
    const backend = new SimulatedTransport({ seed: 12 });
    const network = new FaultTransport(backend, { seed: 3, dropEvent: 1 });
    const events: TransportEvent[] = [];
    network.subscribe((e) => events.push(e));
    await network.connect(agent);
    backend.offer();
    await waitUntil(() => events.length === 2, 'the lost event did not drop the connection');
    expect(events.map((e) => e.type)).to.deep.equal(['snapshot', 'transport.disconnected']);
  });

  it('drops with the connection it wraps', async () => {
    const backend = new SimulatedTransport({ seed: 13 });
    const network = new FaultTransport(backend, { seed: 4 });
    const events: TransportEvent[] = [];
    network.subscribe((e) => events.push(e));
    await network.connect(agent);
    backend.dropConnection({ reason: 'The token was refused.', code: 'auth-expired' });
    await waitUntil(() => events.length === 2, 'the drop was not passed on');
    expect(events[1]).to.deep.equal({ type: 'transport.disconnected', cursor: '', reason: 'The token was refused.', code: 'auth-expired' });
    expect(network.connected).to.equal(false);
    expect(network.counts.disconnects).to.equal(0);
  });
});
