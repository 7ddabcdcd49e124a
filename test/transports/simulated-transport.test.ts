import { expect, waitUntil } from '@open-wc/testing';
import { createDesk } from '../../src/core/desk/desk.js';
import type { Message } from '../../src/core/model.js';
import { TransportError, type DisconnectedEvent, type SnapshotEvent, type TransportEvent } from '../../src/core/transport.js';
import { SimulatedTransport, type SimulatedTransportOptions } from '../../src/transports/simulated/index.js';
import { rejection } from './helpers.js';

const HOUR = 60 * 60 * 1000;
const agent = { id: 'agent-1', name: 'Marta' };

/** A connected transport with a fixed clock and an event recorder. */
async function connected(options: SimulatedTransportOptions = {}) {
  let clock = Date.UTC(2025, 2, 14, 10, 0, 0);
  const transport = new SimulatedTransport({ seed: 42, now: () => clock, ...options });
  const events: TransportEvent[] = [];
  transport.subscribe((event) => events.push(event));
  await transport.connect(agent);
  // A cursor-less connect opens with a snapshot (see "snapshot"); these tests look at what follows it.
  expect(events.shift()?.type).to.equal('snapshot');
  return {
    transport,
    events,
    advance(ms: number) {
      clock += ms;
    },
    now: () => clock,
  };
}

async function activeConversation(options: SimulatedTransportOptions = {}) {
  const setup = await connected(options);
  const offer = setup.transport.offer();
  const { conversation } = await setup.transport.execute({ type: 'offer.accept', offerId: offer.id });
  return { ...setup, offer, conversation, conversationId: conversation.id };
}

function waitFor(check: () => boolean, timeout = 3000): Promise<void> {
  return waitUntil(check, 'Timed out waiting.', { timeout, interval: 5 });
}

const meta = (size: number, mimeType = 'image/png', name = 'photo.png') => ({
  conversationId: 'conv-1',
  clientId: 'c-upload-1',
  name,
  mimeType,
  size,
});

describe('SimulatedTransport', () => {
  describe('determinism and defaults', () => {
    it('produces the same customers, texts and file names for the same seed', async () => {
      const run = async () => {
        const { transport } = await connected();
        const offers = [transport.offer(), transport.offer(), transport.offer()];
        await transport.execute({ type: 'offer.accept', offerId: offers[0]!.id });
        const image = transport.customerSendsImage(offers[0]!.conversationId);
        return { offers, name: image.attachments![0]!.name, history: transport.seedTranscript(offers[0]!.conversationId, 20) };
      };
      const a = await run();
      const b = await run();
      expect(a).to.deep.equal(b);
    });

    it('varies with the seed', async () => {
      const names = async (seed: number) => {
        const { transport } = await connected({ seed });
        return Array.from({ length: 6 }, () => transport.offer().customer.name).join('|');
      };
      expect(await names(1)).to.not.equal(await names(2));
    });

    it('has the documented default capabilities, with overrides', () => {
      expect(new SimulatedTransport().capabilities).to.deep.equal({
        reject: true,
        upload: true,
        typing: true,
        maxAttachmentBytes: 25 * 1024 * 1024,
        humanAgent: false,
        records: true,
        notes: true,
        search: true,
        knowledge: true,
        quickReplies: true,
      });
      const custom = new SimulatedTransport({ capabilities: { reject: false, humanAgent: true } });
      expect(custom.capabilities.reject).to.equal(false);
      expect(custom.capabilities.humanAgent).to.equal(true);
      expect(custom.capabilities.upload).to.equal(true);
    });
  });

  describe('offers', () => {
    it('emits offer.created and the first customer message, with a scripted customer', async () => {
      const { transport, events } = await connected();
      const offer = transport.offer();
      expect(events.map((e) => e.type)).to.deep.equal(['offer.created', 'message.received']);
      expect(offer.channel).to.equal('facebook');
      expect(offer.customer.name).to.be.a('string').and.not.empty;
      expect(offer.customer.avatarUrl).to.equal(undefined);
      expect(offer.customer.facebookId).to.match(/^\d{16}$/);
      expect(offer.queue).to.be.a('string').and.not.empty;
      expect(offer.firstMessage).to.be.a('string').and.not.empty;
      const first = (events[1] as Extract<TransportEvent, { type: 'message.received' }>).message;
      expect(first).to.include({ conversationId: offer.conversationId, author: 'customer', kind: 'text', text: offer.firstMessage });
      expect(first.id).to.match(/^m-\d+$/);
      expect(transport.pendingOffers).to.have.length(1);
    });

    it('sometimes lists the customer’s other conversations', async () => {
      const { transport } = await connected();
      const offers = Array.from({ length: 12 }, () => transport.offer());
      const withOthers = offers.filter((o) => (o.otherConversations?.length ?? 0) > 0);
      expect(withOthers.length).to.be.greaterThan(0);
      expect(withOthers.length).to.be.lessThan(offers.length);
      expect(withOthers[0]!.otherConversations![0]).to.include({ channel: 'facebook' });
    });

    it('accepts an offer: active conversation, acceptedAt, conversation.updated', async () => {
      const { transport, events, now } = await connected();
      const offer = transport.offer({ queue: 'VIP' });
      const { conversation } = await transport.execute({ type: 'offer.accept', offerId: offer.id });
      expect(conversation).to.include({ id: offer.conversationId, state: 'active', acceptedAt: now(), queue: 'VIP' });
      expect(conversation.lastCustomerMessageAt).to.equal(offer.requestedAt);
      const updated = events.at(-1)!;
      expect(updated.type).to.equal('conversation.updated');
      expect(transport.pendingOffers).to.have.length(0);
    });

    it('rejects accepting an unknown, taken or withdrawn offer with not-found', async () => {
      const { transport } = await connected();
      expect((await rejection(transport.execute({ type: 'offer.accept', offerId: 'nope' }))).code).to.equal('not-found');

      const taken = transport.offer();
      await transport.execute({ type: 'offer.accept', offerId: taken.id });
      expect((await rejection(transport.execute({ type: 'offer.accept', offerId: taken.id }))).code).to.equal('not-found');

      const withdrawn = transport.offer();
      const event = transport.withdraw(withdrawn.id, 'abandoned');
      expect(event).to.include({ type: 'offer.withdrawn', offerId: withdrawn.id, reason: 'abandoned' });
      const error = await rejection(transport.execute({ type: 'offer.accept', offerId: withdrawn.id }));
      expect(error.code).to.equal('not-found');
      expect(error.retryable).to.equal(false);
    });

    it('rejects an offer once', async () => {
      const { transport } = await connected();
      const offer = transport.offer();
      expect(await transport.execute({ type: 'offer.reject', offerId: offer.id })).to.deep.equal({ ok: true });
      expect((await rejection(transport.execute({ type: 'offer.reject', offerId: offer.id }))).code).to.equal('not-found');
    });
  });

  describe('cursor, connect and backfill', () => {
    it('stamps zero-padded cursors that sort as strings', async () => {
      const { transport, events } = await connected();
      for (let i = 0; i < 6; i++) transport.offer();
      const cursors = events.map((e) => e.cursor);
      expect(cursors[0]).to.equal('000000000001');
      expect(cursors.every((c) => /^\d{12}$/.test(c))).to.equal(true);
      expect([...cursors].sort()).to.deep.equal(cursors);
      expect(new Set(cursors).size).to.equal(cursors.length);
      expect(transport.cursor).to.equal(cursors.at(-1));
    });

    it('connect is idempotent', async () => {
      const { transport, events } = await connected();
      transport.offer();
      await transport.connect(agent);
      await transport.connect(agent, { cursor: '000000000000' });
      expect(events).to.have.length(2);
    });

    it('keeps events emitted while disconnected: a cursor-less connect sums them up in the snapshot', async () => {
      const transport = new SimulatedTransport({ seed: 1 });
      const events: TransportEvent[] = [];
      transport.subscribe((e) => events.push(e));
      const offer = transport.offer();
      expect(events).to.have.length(0);
      await transport.connect(agent);
      expect(events.map((e) => e.type)).to.deep.equal(['snapshot']);
      const snapshot = events[0] as SnapshotEvent;
      expect(snapshot.offers.map((o) => o.id)).to.deep.equal([offer.id]);
      expect(snapshot.messages.map((m) => m.text)).to.deep.equal([offer.firstMessage]);
    });

    it('backfills every event after the given cursor', async () => {
      const { transport, conversationId, events } = await activeConversation();
      const seen = events.at(-1)!.cursor;
      await transport.disconnect();
      transport.customerSays(conversationId, 'Jesteś tam? *Halo*');
      transport.customerTyping(conversationId, true);
      expect(events.at(-1)!.cursor).to.equal(seen);

      const later: TransportEvent[] = [];
      transport.subscribe((e) => later.push(e));
      await transport.connect(agent, { cursor: seen });
      expect(later.map((e) => e.type)).to.deep.equal(['message.received', 'conversation.updated', 'typing']);
      expect(later.every((e) => e.cursor > seen)).to.equal(true);

      // Asking again from an older cursor replays more (the desk dedupes).
      await transport.disconnect();
      const replay: TransportEvent[] = [];
      transport.subscribe((e) => replay.push(e));
      await transport.connect(agent, { cursor: '000000000001' });
      expect(replay.map((e) => e.cursor)).to.deep.equal(transport.events.slice(1).map((e) => e.cursor));
    });

    it('refuses a cursor it never issued', async () => {
      const transport = new SimulatedTransport();
      expect((await rejection(transport.connect(agent, { cursor: 'abc' }))).code).to.equal('invalid');
    });

    it('fails commands while disconnected with a retryable network error', async () => {
      const { transport, conversationId } = await activeConversation();
      await transport.disconnect();
      const error = await rejection(transport.execute({ type: 'message.send', conversationId, clientId: 'c-1', text: 'hi' }));
      expect(error.code).to.equal('network');
      expect(error.retryable).to.equal(true);
    });

    it('honours an aborted signal and latency', async () => {
      const transport = new SimulatedTransport({ latency: 20 });
      const controller = new AbortController();
      const pending = transport.connect(agent, { signal: controller.signal });
      controller.abort();
      expect((await rejection(pending)).code).to.equal('aborted');
      const start = performance.now();
      await transport.connect(agent);
      expect(performance.now() - start).to.be.greaterThanOrEqual(15);
      expect(transport.connected).to.equal(true);
    });
  });

  describe('snapshot', () => {
    it('a cursor-less connect opens with pending offers, open conversations and their newest messages', async () => {
      const { transport, advance } = await connected();
      const pending = transport.offer();
      const accepted = transport.offer();
      await transport.execute({ type: 'offer.accept', offerId: accepted.id });
      const rejected = transport.offer();
      await transport.execute({ type: 'offer.reject', offerId: rejected.id });
      const withdrawn = transport.offer();
      transport.withdraw(withdrawn.id, 'taken');
      const started = transport.startConversation();
      transport.seedTranscript(started.id, 120);
      advance(1000);
      const latest = transport.customerSays(started.id, 'Newest of all');
      const closed = transport.startConversation();
      await transport.execute({ type: 'conversation.transition', conversationId: closed.id, to: 'wrap-up' });
      await transport.execute({ type: 'conversation.transition', conversationId: closed.id, to: 'closed' });
      await transport.disconnect();
      advance(1000);
      const whileAway = transport.customerSays(accepted.conversationId, 'Said while the page reloaded');

      const reloaded: TransportEvent[] = [];
      transport.subscribe((e) => reloaded.push(e));
      const result = await transport.connect(agent);
      // The snapshot stands for everything before it: nothing of the backlog is replayed after it.
      expect(reloaded.map((e) => e.type)).to.deep.equal(['snapshot']);
      const snapshot = reloaded[0] as SnapshotEvent;
      expect(snapshot.cursor).to.equal(transport.cursor);
      expect(result.cursor).to.equal(snapshot.cursor);
      expect(snapshot.offers.map((o) => o.id)).to.deep.equal([pending.id]);
      expect(snapshot.conversations.map((c) => [c.id, c.state])).to.deep.equal([
        [accepted.conversationId, 'active'],
        [started.id, 'active'],
      ]);
      const of = (conversationId: string) => snapshot.messages.filter((m) => m.conversationId === conversationId);
      // The newest 50 of a long history, oldest first.
      expect(of(started.id)).to.have.length(50);
      expect(of(started.id).at(-1)).to.deep.equal(latest);
      expect(of(started.id).every((m, i, list) => i === 0 || list[i - 1]!.at <= m.at)).to.equal(true);
      expect(of(accepted.conversationId).map((m) => m.text)).to.deep.equal([accepted.firstMessage, whileAway.text]);
      // An offered conversation's first message comes along, as the live stream sends it.
      expect(of(pending.conversationId).map((m) => m.text)).to.deep.equal([pending.firstMessage]);
      for (const gone of [rejected.conversationId, withdrawn.conversationId, closed.id]) expect(of(gone)).to.have.length(0);
    });

    it('comes before anything else of the connection, also what a listener does in reply', async () => {
      const transport = new SimulatedTransport({ seed: 3 });
      const events: TransportEvent[] = [];
      transport.subscribe((e) => {
        events.push(e);
        if (e.type === 'snapshot') transport.offer();
      });
      transport.offer();
      await transport.connect(agent);
      expect(events.map((e) => e.type)).to.deep.equal(['snapshot', 'offer.created', 'message.received']);
      const [snapshot, created] = events as [SnapshotEvent, TransportEvent];
      expect(snapshot.offers).to.have.length(1);
      expect(created.cursor > snapshot.cursor).to.equal(true);
    });

    it('an empty backend still sends one, and resuming from its cursor replays what followed', async () => {
      const transport = new SimulatedTransport({ seed: 4 });
      const events: TransportEvent[] = [];
      transport.subscribe((e) => events.push(e));
      await transport.connect(agent);
      await transport.connect(agent);
      expect(events).to.deep.equal([{ type: 'snapshot', cursor: '000000000000', offers: [], conversations: [], messages: [] }]);
      const offer = transport.offer();
      await transport.disconnect();
      const replay: TransportEvent[] = [];
      transport.subscribe((e) => replay.push(e));
      await transport.connect(agent, { cursor: events[0]!.cursor });
      expect(replay.map((e) => e.type)).to.deep.equal(['offer.created', 'message.received']);
      expect(replay[0]).to.deep.include({ offer });
    });
  });

  describe('dropConnection', () => {
    it('tells listeners with transport.disconnected, then backfills on a connect with the last cursor', async () => {
      const { transport, conversationId, events } = await activeConversation();
      const seen = events.at(-1)!.cursor;
      transport.dropConnection();
      expect(transport.connected).to.equal(false);
      await waitFor(() => events.at(-1)?.type === 'transport.disconnected');
      expect(events.at(-1)).to.deep.equal({ type: 'transport.disconnected', cursor: '', reason: 'The simulated connection dropped.' });
      const missed = transport.customerSays(conversationId, 'Still there?');
      expect(events.at(-1)!.type).to.equal('transport.disconnected');
      expect((await rejection(transport.execute({ type: 'typing.set', conversationId, on: true }))).code).to.equal('network');

      const resumed: TransportEvent[] = [];
      transport.subscribe((e) => resumed.push(e));
      await transport.connect(agent, { cursor: seen });
      expect(resumed.map((e) => e.type)).to.deep.equal(['message.received', 'conversation.updated']);
      expect(resumed[0]).to.deep.include({ message: missed });
    });

    it('carries the code it is given, and does nothing while disconnected', async () => {
      const transport = new SimulatedTransport({ seed: 5 });
      const drops: DisconnectedEvent[] = [];
      transport.subscribe((e) => {
        if (e.type === 'transport.disconnected') drops.push(e);
      });
      transport.dropConnection();
      await transport.connect(agent);
      transport.dropConnection({ reason: 'The token was refused.', code: 'auth-expired' });
      transport.dropConnection();
      await waitFor(() => drops.length > 0);
      await transport.connect(agent);
      transport.dropConnection({ reason: 'Last one.' });
      await waitFor(() => drops.length > 1);
      expect(drops).to.deep.equal([
        { type: 'transport.disconnected', cursor: '', reason: 'The token was refused.', code: 'auth-expired' },
        { type: 'transport.disconnected', cursor: '', reason: 'Last one.' },
      ]);
    });
  });

  describe('message.send', () => {
    it('is idempotent on clientId', async () => {
      const { transport, conversationId } = await activeConversation();
      const command = { type: 'message.send', conversationId, clientId: 'c-same', text: 'Dzień dobry!' } as const;
      const first = await transport.execute(command);
      const second = await transport.execute(command);
      const [third, fourth] = await Promise.all([transport.execute(command), transport.execute(command)]);
      expect(first.messageId).to.match(/^m-\d+$/);
      for (const ack of [second, third, fourth]) expect(ack).to.deep.equal(first);
      expect(transport.sentMessages).to.have.length(1);
      expect(transport.sentMessages[0]).to.include({ clientId: 'c-same', text: 'Dzień dobry!', author: 'agent' });
      expect(transport.transcript(conversationId).filter((m) => m.clientId === 'c-same')).to.have.length(1);
    });

    it('does not echo agent messages as message.received', async () => {
      const { transport, conversationId, events } = await activeConversation();
      const before = events.length;
      await transport.execute({ type: 'message.send', conversationId, clientId: 'c-1', text: 'Hello' });
      expect(events.slice(before).filter((e) => e.type === 'message.received')).to.have.length(0);
    });

    it('failNextSends makes the next n sends fail with a retryable network error', async () => {
      const { transport, conversationId } = await activeConversation({ failNextSends: 2 });
      const send = () => transport.execute({ type: 'message.send', conversationId, clientId: 'c-retry', text: 'Hi' });
      for (let i = 0; i < 2; i++) {
        const error = await rejection(send());
        expect(error.code).to.equal('network');
        expect(error.retryable).to.equal(true);
      }
      expect(transport.sentMessages).to.have.length(0);
      const ack = await send();
      expect(ack.messageId).to.match(/^m-\d+$/);
      expect(transport.sentMessages).to.have.length(1);
    });

    it('refuses to send when the 24-hour window is closed', async () => {
      const { transport, conversationId, now } = await activeConversation();
      transport.setLastCustomerMessageAt(conversationId, now() - 25 * HOUR);
      const error = await rejection(transport.execute({ type: 'message.send', conversationId, clientId: 'c-late', text: 'Sorry' }));
      expect(error.code).to.equal('window-closed');
      expect(error.retryable).to.equal(false);
      expect(transport.sentMessages).to.have.length(0);

      transport.setLastCustomerMessageAt(conversationId, now() - 23 * HOUR);
      await transport.execute({ type: 'message.send', conversationId, clientId: 'c-ok', text: 'Sorry' });
    });

    it('allows 7 days with the HUMAN_AGENT capability', async () => {
      const { transport, conversationId, conversation, now } = await activeConversation({ capabilities: { humanAgent: true } });
      expect(conversation.humanAgent).to.equal(true);
      transport.setLastCustomerMessageAt(conversationId, now() - 6 * 24 * HOUR);
      await transport.execute({ type: 'message.send', conversationId, clientId: 'c-6d', text: 'Still here' });
      transport.setLastCustomerMessageAt(conversationId, now() - 8 * 24 * HOUR);
      const error = await rejection(transport.execute({ type: 'message.send', conversationId, clientId: 'c-8d', text: 'Too late' }));
      expect(error.code).to.equal('window-closed');
    });

    it('rejects empty messages, unknown conversations and reused client ids elsewhere', async () => {
      const { transport, conversationId } = await activeConversation();
      expect((await rejection(transport.execute({ type: 'message.send', conversationId, clientId: 'c-e', text: '  ' }))).code).to.equal('invalid');
      expect((await rejection(transport.execute({ type: 'message.send', conversationId: 'x', clientId: 'c-x', text: 'a' }))).code).to.equal(
        'not-found',
      );
      const other = transport.startConversation();
      await transport.execute({ type: 'message.send', conversationId, clientId: 'c-dup', text: 'a' });
      expect((await rejection(transport.execute({ type: 'message.send', conversationId: other.id, clientId: 'c-dup', text: 'a' }))).code).to.equal(
        'conflict',
      );
    });

    it('deliver() and read() report statuses and a watermark', async () => {
      const { transport, conversationId, now } = await activeConversation();
      const a = await transport.execute({ type: 'message.send', conversationId, clientId: 'c-a', text: 'One' });
      const b = await transport.execute({ type: 'message.send', conversationId, clientId: 'c-b', text: 'Two' });
      const delivered = transport.deliver(conversationId);
      expect(delivered.map((e) => [e.type, e.clientId, e.messageId, e.status])).to.deep.equal([
        ['message.status', 'c-a', a.messageId, 'delivered'],
        ['message.status', 'c-b', b.messageId, 'delivered'],
      ]);
      expect(transport.deliver(conversationId)).to.have.length(0);
      const receipt = transport.read(conversationId);
      expect(receipt).to.include({ type: 'receipt', conversationId, status: 'read', watermark: now() });
      expect(transport.transcript(conversationId).filter((m) => m.author === 'agent').map((m) => m.status)).to.deep.equal(['read', 'read']);
    });
  });

  describe('other commands', () => {
    it('refuses an illegal conversation transition with conflict', async () => {
      const { transport, conversationId, events } = await activeConversation();
      const illegal = await rejection(transport.execute({ type: 'conversation.transition', conversationId, to: 'closed' }));
      expect(illegal.code).to.equal('conflict');
      expect(illegal.retryable).to.equal(false);
      expect(transport.conversation(conversationId)!.state).to.equal('active');

      const { conversation } = await transport.execute({ type: 'conversation.transition', conversationId, to: 'wrap-up' });
      expect(conversation.state).to.equal('wrap-up');
      expect(events.at(-1)).to.deep.include({ type: 'conversation.updated', conversation });
      await transport.execute({ type: 'conversation.transition', conversationId, to: 'closed' });
      expect((await rejection(transport.execute({ type: 'conversation.transition', conversationId, to: 'active' }))).code).to.equal('conflict');
      expect(
        (await rejection(transport.execute({ type: 'message.send', conversationId, clientId: 'c-closed', text: 'Hi' }))).code,
      ).to.equal('invalid');
    });

    it('records typing and presence', async () => {
      const { transport, conversationId } = await activeConversation();
      expect(transport.presence).to.equal('available');
      expect(await transport.execute({ type: 'typing.set', conversationId, on: true })).to.deep.equal({ ok: true });
      expect(transport.agentTyping(conversationId)).to.equal(true);
      expect(await transport.execute({ type: 'presence.set', presence: 'busy-dnd' })).to.deep.equal({ presence: 'busy-dnd' });
      expect(transport.presence).to.equal('busy-dnd');
    });
  });

  describe('workday: queue, transfer, wrap-up, privacy notice', () => {
    const WORKDAY = { queue: true, transfer: { queues: ['Billing'], agents: true } };

    it('lists queued conversations and gives a picked one to the agent, with its messages', async () => {
      const { transport, events } = await connected({ capabilities: WORKDAY });
      const first = transport.queueConversation({ customer: { name: 'Ola' }, requestedAt: Date.UTC(2025, 2, 14, 9, 0), firstMessage: 'Hello?' });
      transport.queueConversation({ requestedAt: Date.UTC(2025, 2, 14, 9, 30) });
      expect(events).to.deep.equal([]);
      const { items } = await transport.execute({ type: 'queue.list' });
      expect(items.map((i) => i.conversationId)).to.deep.equal([first.conversationId, items[1]!.conversationId]);
      expect(items[0]).to.deep.include({ lastMessage: 'Hello?', channel: 'facebook' });
      expect((await transport.execute({ type: 'queue.list', limit: 1 })).items).to.have.length(1);

      const { conversation } = await transport.execute({ type: 'queue.pick', conversationId: first.conversationId });
      expect(conversation.state).to.equal('active');
      expect(events.map((e) => e.type)).to.deep.equal(['conversation.updated', 'message.received']);
      expect((await transport.execute({ type: 'queue.list' })).items).to.have.length(1);
      expect((await rejection(transport.execute({ type: 'queue.pick', conversationId: first.conversationId }))).code).to.equal('not-found');
    });

    it('refuses the queue and transfers when the capabilities are off', async () => {
      const { transport, conversationId } = await activeConversation();
      expect((await rejection(transport.execute({ type: 'queue.list' }))).code).to.equal('unavailable');
      expect((await rejection(transport.execute({ type: 'conversation.transfer', conversationId, to: { queue: 'Billing' } }))).code).to.equal('unavailable');
      expect(transport.conversation(conversationId)!.state).to.equal('active');
    });

    it('transfers an active conversation: it goes Open, leaves the agent, and a queue transfer waits in that queue', async () => {
      const { transport, conversationId, events } = await activeConversation({ capabilities: WORKDAY });
      expect((await rejection(transport.execute({ type: 'conversation.transfer', conversationId, to: { queue: 'Nowhere' } }))).code).to.equal('invalid');
      const { conversation } = await transport.execute({ type: 'conversation.transfer', conversationId, to: { queue: 'Billing' } });
      expect(conversation).to.deep.include({ state: 'open', queue: 'Billing' });
      expect(events.at(-1)).to.deep.include({ type: 'conversation.updated', conversation });
      expect(transport.transfers).to.deep.equal([{ conversationId, to: { queue: 'Billing' } }]);
      expect(transport.queue.map((i) => i.conversationId)).to.deep.equal([conversationId]);
      expect((await rejection(transport.execute({ type: 'conversation.transfer', conversationId, to: { agentId: 'agent-2' } }))).code).to.equal('conflict');

      const fresh: SnapshotEvent[] = [];
      await transport.disconnect();
      transport.subscribe((e) => e.type === 'snapshot' && fresh.push(e));
      await transport.connect(agent);
      expect(fresh[0]!.conversations.map((c) => c.id)).not.to.include(conversationId);
    });

    it('keeps the wrap-up that came with the move to closed', async () => {
      const { transport, conversationId } = await activeConversation();
      expect((await rejection(transport.execute({ type: 'conversation.transition', conversationId, to: 'wrap-up', wrapUp: { note: 'x' } }))).code).to.equal('invalid');
      await transport.execute({ type: 'conversation.transition', conversationId, to: 'wrap-up' });
      await transport.execute({ type: 'conversation.transition', conversationId, to: 'closed', wrapUp: { disposition: 'resolved', note: 'Refund sent.' } });
      expect(transport.wrapUps).to.deep.equal([{ conversationId, disposition: 'resolved', note: 'Refund sent.' }]);
    });

    it('shows an automated notice to the customer once per client id, as a system message', async () => {
      const { transport, conversationId } = await activeConversation();
      const clientId = `privacy-${conversationId}`;
      const send = () => transport.execute({ type: 'message.send', conversationId, clientId, text: 'This conversation may be recorded.', automated: true });
      const a = await send();
      const b = await send();
      expect(b).to.deep.equal(a);
      expect(transport.automatedMessages).to.have.length(1);
      expect(transport.automatedMessages[0]).to.deep.include({ author: 'system', kind: 'system', clientId });
      expect(transport.transcript(conversationId).filter((m) => m.author === 'system')).to.have.length(1);
    });
  });

  describe('the scripted customer', () => {
    it('customer messages move lastCustomerMessageAt and emit conversation.updated', async () => {
      const { transport, conversationId, events, advance, now } = await activeConversation();
      advance(60_000);
      const before = events.length;
      const message = transport.customerSays(conversationId, 'To jest *pilne* _bardzo_ ~nie~ `kod` 🙂 https://example.com');
      expect(message).to.include({ author: 'customer', kind: 'text', at: now() });
      const fresh = events.slice(before);
      expect(fresh.map((e) => e.type)).to.deep.equal(['message.received', 'conversation.updated']);
      expect(transport.conversation(conversationId)!.lastCustomerMessageAt).to.equal(now());
    });

    it('sends images with numeric names, PDFs, stickers and unsupported messages', async () => {
      const { transport, conversationId } = await activeConversation();
      const image = transport.customerSendsImage(conversationId);
      expect(image.kind).to.equal('attachment');
      expect(image.attachments![0]!.kind).to.equal('image');
      expect(image.attachments![0]!.name).to.match(/^\d+_\d+\.jpg$/);
      expect(image.attachments![0]!.url).to.match(/^data:image\/png;base64,/);

      const file = transport.customerSendsFile(conversationId);
      expect(file.attachments![0]).to.include({ kind: 'file', mimeType: 'application/pdf' });
      expect(file.attachments![0]!.name).to.match(/\.pdf$/);
      expect(file.attachments![0]!.url).to.match(/^(blob:|data:application\/pdf)/);
      const pdf = await (await fetch(file.attachments![0]!.url)).text();
      expect(pdf.startsWith('%PDF-')).to.equal(true);

      const sticker = transport.customerSendsSticker(conversationId);
      expect(sticker.kind).to.equal('sticker');
      expect(sticker.attachments).to.have.length(1);
      expect(sticker.attachments![0]!.kind).to.equal('sticker');
      expect(sticker.attachments![0]!.url).to.match(/^data:image\/png;base64,/);

      const unsupported = transport.customerSendsUnsupported(conversationId);
      expect(unsupported.kind).to.equal('unsupported');
      expect(unsupported.text).to.equal(undefined);
    });

    it('reacts to and edits messages', async () => {
      const { transport, conversationId, offer } = await activeConversation();
      const ack = await transport.execute({ type: 'message.send', conversationId, clientId: 'c-1', text: 'Już sprawdzam' });
      const reaction = transport.customerReacts(conversationId, ack.messageId, '👍');
      expect(reaction).to.deep.include({ type: 'message.reaction', messageId: ack.messageId, action: 'react', reaction: { emoji: '👍', by: 'customer' } });
      const first = transport.transcript(conversationId).find((m) => m.text === offer.firstMessage)!;
      const edit = transport.customerEdits(conversationId, first.id, 'Poprawione');
      expect(edit).to.include({ type: 'message.edited', messageId: first.id, text: 'Poprawione' });
      expect(() => transport.customerEdits(conversationId, ack.messageId, 'no')).to.throw(TransportError);
      expect(() => transport.customerReacts(conversationId, 'm-404', '👍')).to.throw(TransportError);
    });

    it('seedTranscript(100000) emits that many alternating messages, in time order, before the conversation', async () => {
      const { transport, conversationId } = await activeConversation();
      let received = 0;
      const authors = new Set<string>();
      const texts = new Set<string>();
      transport.subscribe((e) => {
        if (e.type === 'message.received') {
          received++;
          if (received <= 2000) {
            authors.add(e.message.author);
            texts.add(e.message.text ?? '');
          }
        }
      });
      const seeded = transport.seedTranscript(conversationId, 100_000);
      expect(seeded).to.have.length(100_000);
      expect(received).to.equal(100_000);
      expect([...authors].sort()).to.deep.equal(['agent', 'customer']);
      expect(texts.size).to.be.greaterThan(20);
      expect(seeded[0]!.author).to.equal('customer');
      expect(seeded[1]!.author).to.equal('agent');
      expect(seeded.every((m: Message, i) => i === 0 || seeded[i - 1]!.at <= m.at)).to.equal(true);
      // History comes before the conversation's first message.
      expect(seeded.at(-1)!.at).to.be.lessThan(transport.conversation(conversationId)!.requestedAt);
      expect(transport.transcript(conversationId)).to.have.length(100_001);
    });
  });

  describe('upload', () => {
    it('reports progress in steps and returns a blob: AttachmentRef', async () => {
      const { transport } = await connected({ latency: 10 });
      const file = new File([new Uint8Array(1000)], 'photo.png', { type: 'image/png' });
      const progress: number[] = [];
      const ref = await transport.upload(file, meta(1000), { onProgress: (sent) => progress.push(sent) });
      expect(progress.length).to.be.greaterThanOrEqual(3);
      expect([...progress].sort((x, y) => x - y)).to.deep.equal(progress);
      expect(progress.at(-1)).to.equal(1000);
      expect(ref).to.include({ kind: 'image', name: 'photo.png', size: 1000, mimeType: 'image/png' });
      expect(ref.url).to.match(/^blob:/);
      expect(transport.uploads).to.have.length(1);
      expect(transport.uploads[0]!.attachment).to.deep.equal(ref);
    });

    it('derives the kind from the MIME type', async () => {
      const { transport } = await connected();
      const kinds = [];
      for (const type of ['audio/ogg', 'video/mp4', 'application/pdf', 'image/gif']) {
        kinds.push((await transport.upload(new Blob(['x'], { type }), meta(1, type, 'f'))).kind);
      }
      expect(kinds).to.deep.equal(['audio', 'video', 'file', 'image']);
    });

    it('can be aborted, and records nothing then', async () => {
      const { transport } = await connected({ latency: 50 });
      const controller = new AbortController();
      const progress: number[] = [];
      const pending = transport.upload(new Blob([new Uint8Array(500)]), meta(500), {
        signal: controller.signal,
        onProgress: (sent) => {
          progress.push(sent);
          controller.abort();
        },
      });
      const error = await rejection(pending);
      expect(error.code).to.equal('aborted');
      expect(progress).to.have.length(1);
      expect(transport.uploads).to.have.length(0);

      const already = new AbortController();
      already.abort();
      expect((await rejection(transport.upload(new Blob(['x']), meta(1), { signal: already.signal }))).code).to.equal('aborted');
      expect(transport.uploads).to.have.length(0);
    });

    it('refuses files over the size limit and when uploads are off', async () => {
      const { transport } = await connected({ capabilities: { maxAttachmentBytes: 10 } });
      expect((await rejection(transport.upload(new Blob([new Uint8Array(11)]), meta(11), {}))).code).to.equal('policy');
      const off = await connected({ capabilities: { upload: false } });
      expect((await rejection(off.transport.upload(new Blob(['x']), meta(1), {}))).code).to.equal('unavailable');
      expect(transport.uploads).to.have.length(0);
    });
  });

  describe('autoplay', () => {
    it('offers conversations, at most 3 pending, and stops on disconnect', async () => {
      // The autoplay's timers (one every 10 ms), watched through setTimeout: how often it ticked, and which still wait.
      const { setTimeout: realSet, clearTimeout: realClear } = window;
      const waiting = new Set<number>();
      let ticks = 0;
      window.setTimeout = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
        if (ms !== 10 || typeof handler !== 'function') return realSet(handler, ms, ...args);
        const id = realSet(() => {
          waiting.delete(id);
          ticks++;
          (handler as () => void)();
        }, ms);
        waiting.add(id);
        return id;
      }) as typeof realSet;
      window.clearTimeout = ((id: number | undefined) => {
        if (id !== undefined) waiting.delete(id);
        realClear(id);
      }) as typeof realClear;
      try {
        const transport = new SimulatedTransport({ seed: 5, autoplay: { firstOfferAfter: 5, offerEvery: 10 } });
        await transport.connect(agent);
        await waitFor(() => transport.pendingOffers.length === 3);
        // It keeps ticking at the cap without offering more.
        const atCap = ticks;
        await waitFor(() => ticks >= atCap + 3);
        expect(transport.pendingOffers).to.have.length(3);
        await transport.disconnect();
        const count = transport.events.length;
        await transport.execute({ type: 'offer.reject', offerId: transport.pendingOffers[0]!.id }).catch(() => undefined);
        // Nothing is left to run: no autoplay timer survives the disconnect.
        expect(waiting.size).to.equal(0);
        expect(transport.events.length).to.equal(count);
      } finally {
        window.setTimeout = realSet;
        window.clearTimeout = realClear;
      }
    });

    it('plays a scripted conversation and answers the agent', async () => {
      const transport = new SimulatedTransport({ seed: 5, autoplay: { firstOfferAfter: 0, offerEvery: 60_000, pace: 0.01 } });
      const events: TransportEvent[] = [];
      transport.subscribe((e) => events.push(e));
      await transport.connect(agent);
      await waitFor(() => transport.pendingOffers.length === 1);
      const offer = transport.pendingOffers[0]!;
      const { conversation } = await transport.execute({ type: 'offer.accept', offerId: offer.id });
      const id = conversation.id;
      const ack = await transport.execute({ type: 'message.send', conversationId: id, clientId: 'c-auto', text: 'Dzień dobry!' });

      const kinds = () =>
        events.filter((e) => e.type === 'message.received' && e.message.conversationId === id).map((e) => (e as { message: Message }).message.kind);
      await waitFor(() => events.some((e) => e.type === 'message.edited'));
      expect(kinds()).to.include.members(['text', 'attachment', 'sticker', 'unsupported']);
      expect(events.some((e) => e.type === 'typing' && e.on)).to.equal(true);
      expect(events.some((e) => e.type === 'message.status' && e.messageId === ack.messageId && e.status === 'delivered')).to.equal(true);
      expect(events.some((e) => e.type === 'receipt' && e.status === 'read')).to.equal(true);
      expect(events.some((e) => e.type === 'message.reaction' && e.messageId === ack.messageId)).to.equal(true);
      const texts = events
        .filter((e) => e.type === 'message.received' && e.message.author === 'customer')
        .map((e) => (e as { message: Message }).message.text);
      expect(texts).to.include(offer.firstMessage);
      await transport.disconnect();
    });
  });

  describe('with a desk', () => {
    it('offer → accept → send → sent → delivered → read', async () => {
      const transport = new SimulatedTransport({ seed: 9 });
      const desk = createDesk({ transport, storage: 'memory' });
      try {
        await desk.connect();
        const offer = transport.offer();
        expect(desk.$offers.get().map((o) => o.id)).to.deep.equal([offer.id]);

        const conversation = await desk.accept(offer.id);
        expect(conversation.state).to.equal('active');
        expect(desk.$offers.get()).to.have.length(0);
        expect(desk.replyWindow(conversation.id).get().open).to.equal(true);

        const sent = await desk.send(conversation.id, 'Dzień dobry, w czym mogę pomóc?');
        expect(sent.status).to.equal('sent');
        expect(transport.sentMessages).to.have.length(1);
        const status = () => desk.messages(conversation.id).get().find((m) => m.clientId === sent.clientId)!.status;

        transport.deliver(conversation.id);
        expect(status()).to.equal('delivered');
        transport.read(conversation.id);
        expect(status()).to.equal('read');

        transport.customerSays(conversation.id, 'Dziękuję 🙏');
        const authors = desk.messages(conversation.id).get().map((m) => m.author);
        expect(authors).to.deep.equal(['customer', 'agent', 'customer']);
      } finally {
        desk.dispose();
      }
    });

    it('a conversation started 25 h after the customer wrote has a closed reply window', async () => {
      const transport = new SimulatedTransport({ seed: 9 });
      const desk = createDesk({ transport, storage: 'memory' });
      try {
        await desk.connect();
        const conversation = transport.startConversation({ requestedAt: Date.now() - 25 * HOUR, locale: 'en' });
        expect(desk.$conversations.get()[conversation.id]!.state).to.equal('active');
        expect(desk.replyWindow(conversation.id).get().open).to.equal(false);
        transport.customerSays(conversation.id, 'Hello again');
        expect(desk.replyWindow(conversation.id).get().open).to.equal(true);
      } finally {
        desk.dispose();
      }
    });

    it('a failed send is retried with the same clientId and recorded once', async () => {
      const transport = new SimulatedTransport({ seed: 9, failNextSends: 1 });
      // One attempt: the desk would otherwise retry on its own before showing "failed".
      const desk = createDesk({ transport, storage: 'memory', maxSendAttempts: 1 });
      try {
        await desk.connect();
        const offer = transport.offer();
        const conversation = await desk.accept(offer.id);
        const failed = await desk.send(conversation.id, 'Hello');
        expect(failed.status).to.equal('failed');
        expect(failed.error).to.include({ code: 'network', retryable: true });
        const retried = await desk.retry(conversation.id, failed.clientId!);
        expect(retried.status).to.equal('sent');
        await desk.retry(conversation.id, failed.clientId!);
        expect(transport.sentMessages).to.have.length(1);
      } finally {
        desk.dispose();
      }
    });
  });
});
