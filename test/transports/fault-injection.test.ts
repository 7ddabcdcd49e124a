import { expect, waitUntil } from '@open-wc/testing';
import { createDesk } from '../../src/core/desk/desk.js';
import { mulberry32 } from '../../src/core/random.js';
import { FaultTransport } from '../../src/transports/fault/index.js';
import { SimulatedTransport } from '../../src/transports/simulated/index.js';

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
