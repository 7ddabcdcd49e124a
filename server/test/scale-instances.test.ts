import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RedisStore } from '../src/redis-store.js';
import type { ConversationRecord, OfferRecord } from '../src/store.js';
import { Agent, waitFor } from './helpers.js';
import { cluster, skipRedis, startRedis, type Cluster, type RedisServer } from './redis.js';

type Graphed = { recipient?: { id: string }; message?: { text?: string; metadata?: string }; sender_action?: string };
const texts = (agent: Agent, conversationId: string) =>
  agent.eventsOf('message.received').filter((e) => e.message.conversationId === conversationId).map((e) => e.message.text);

describe('two bridges on one Redis', { skip: skipRedis }, () => {
  let c: Cluster;
  before(async () => {
    c = await cluster(2);
  });
  after(async () => {
    await c?.close();
  });
  const A = () => c.bridges[0]!;
  const B = () => c.bridges[1]!;

  /** The agent leaves (offline first, so no later offer goes to it). */
  async function leave(...agents: Agent[]) {
    for (const agent of agents) {
      await agent.ok({ type: 'presence.set', presence: 'offline' });
      await agent.close();
    }
  }

  async function offered(agent: Agent, text: string) {
    const from = agent.events.length;
    const customer = c.graph.customer();
    await customer.says(text);
    const { offer } = await agent.event('offer.created', (e) => e.offer.firstMessage === text, from);
    return { customer, offer };
  }

  it('a webhook taken by A reaches the agent connected to B, once', async () => {
    const agent = new Agent(B, 'x-once');
    await agent.connect();
    const { customer, offer } = await offered(agent, 'Hello from A');
    await agent.ok({ type: 'offer.accept', offerId: offer.id });
    const mid = await customer.says('Are you there?');
    await agent.event('message.received', (e) => e.message.id === mid);
    await customer.post(customer.messageItem({ text: 'Are you there?', mid }).item); // Meta redelivers it
    const probe = await customer.says('Probe');
    await agent.event('message.received', (e) => e.message.id === probe);
    assert.equal(agent.eventsOf('message.received').filter((e) => e.message.id === mid).length, 1);
    assert.equal(agent.eventsOf('offer.created').filter((e) => e.offer.id === offer.id).length, 1);
    await leave(agent);
  });

  it('the socket moves from B to A mid-conversation: nothing lost, nothing twice', async () => {
    const onB = new Agent(B, 'x-move');
    await onB.connect();
    const { customer, offer } = await offered(onB, 'Moving along');
    await onB.ok({ type: 'offer.accept', offerId: offer.id });
    await customer.says('one');
    await onB.event('message.received', (e) => e.message.text === 'one');
    const cursor = onB.lastCursor!;
    const before = onB.events.map((e) => e.cursor);
    await onB.close();
    await customer.says('two'); // while the agent is between sockets
    const onA = new Agent(A, 'x-move');
    const welcome = await onA.connect({ cursor });
    assert.equal(welcome.cursor, cursor, 'A takes the cursor B handed out');
    await customer.says('three');
    const ack = await onA.ok<{ messageId: string }>({ type: 'message.send', conversationId: offer.conversationId, clientId: 'mv-1', text: 'reply' });
    await onA.event('message.received', (e) => e.message.text === 'three');
    await onA.event('message.received', (e) => e.message.id === ack.messageId);
    assert.deepEqual([...texts(onB, offer.conversationId), ...texts(onA, offer.conversationId)], ['Moving along', 'one', 'two', 'three', 'reply']);
    const cursors = [...before, ...onA.events.map((e) => e.cursor)];
    assert.equal(new Set(cursors).size, cursors.length, 'no event twice');
    assert.deepEqual([...cursors].sort(), cursors, 'cursors only grow');
    await leave(onA);
  });

  it('one offer settled from two bridges at once: one wins, the other gets conflict', async () => {
    const tabA = new Agent(A, 'x-race');
    const tabB = new Agent(B, 'x-race');
    await tabA.connect();
    await tabB.connect();
    const { offer } = await offered(tabA, 'Race me');
    await tabB.event('offer.created', (e) => e.offer.id === offer.id);
    const [accept, reject] = await Promise.all([tabA.run({ type: 'offer.accept', offerId: offer.id }), tabB.run({ type: 'offer.reject', offerId: offer.id })]);
    assert.equal([accept, reject].filter((a) => a.ok).length, 1, 'one winner');
    const loser = accept.ok ? reject : accept;
    assert.equal(!loser.ok && loser.error.code, 'conflict');
    await tabB.close();
    await leave(tabA);
  });

  it('an offer of a bridge that died times out once, on the other bridge, and goes to the next agent', async () => {
    const extra = await c.add({ offerTimeoutMs: 400 });
    const first = new Agent(() => extra, 'x-timeout-1');
    await first.connect();
    const attach = (bridge: typeof extra) => c.graph.attach({ webhookUrl: `${bridge.httpUrl}/webhook`, appSecret: c.options.appSecret!, pageId: '' });
    attach(extra); // the webhook reaches the bridge that dies: its offer, its timer
    const { offer } = await offered(first, 'Anyone?');
    attach(A());
    const second = new Agent(B, 'x-timeout-2');
    await second.connect();
    c.bridges.splice(c.bridges.indexOf(extra), 1);
    await extra.crash();
    const moved = await second.event('offer.created', (e) => e.offer.conversationId === offer.conversationId);
    assert.notEqual(moved.offer.id, offer.id);
    const back = new Agent(B, 'x-timeout-1');
    await back.connect({ cursor: first.lastCursor! });
    await back.event('offer.withdrawn', (e) => e.offerId === offer.id);
    await second.ok({ type: 'offer.accept', offerId: moved.offer.id });
    await back.ok({ type: 'presence.set', presence: 'available' });
    const probe = await offered(back, 'Probe after timeout');
    assert.ok(probe.offer);
    assert.equal(back.eventsOf('offer.withdrawn').filter((e) => e.offerId === offer.id).length, 1, 'the timeout fired once');
    await leave(back, second);
  });

  it('A dies mid-send (the Graph call hanging): the send completes once through B after the agent reconnects', async () => {
    const [a, b] = [A(), B()];
    const onA = new Agent(() => a, 'x-crash');
    await onA.connect();
    const { customer, offer } = await offered(onA, 'Send it once');
    await onA.ok({ type: 'offer.accept', offerId: offer.id });
    c.graph.hold();
    const command = { type: 'message.send', conversationId: offer.conversationId, clientId: 'crash-1', text: 'Exactly once' } as const;
    void onA.run(command);
    await waitFor(() => c.graph.held === 1, 'the Send API call to hang');
    const cursor = onA.lastCursor!;
    c.bridges.splice(c.bridges.indexOf(a), 1);
    await a.crash();
    c.graph.release({ drop: true }); // the hanging call never reached Meta
    c.graph.attach({ webhookUrl: `${b.httpUrl}/webhook`, appSecret: c.options.appSecret!, pageId: '' });
    const onB = new Agent(() => b, 'x-crash');
    await onB.connect({ cursor });
    const ack = await onB.ok<{ messageId: string }>(command);
    const again = await onB.ok<{ messageId: string }>(command);
    assert.equal(again.messageId, ack.messageId);
    await onB.event('message.received', (e) => e.message.clientId === 'crash-1');
    const sent = c.graph.calls.filter((call) => (call.body as Graphed).message?.metadata === 'ccb:crash-1' && call.answer.message_id);
    assert.equal(sent.length, 1, 'one Send API call took the message');
    const probe = await customer.says('Got it');
    await onB.event('message.received', (e) => e.message.id === probe);
    assert.equal(onB.eventsOf('message.received').filter((e) => e.message.clientId === 'crash-1').length, 1);
    await onB.close();
  });
});

describe('the Redis store settles races atomically', { skip: skipRedis }, () => {
  let redis: RedisServer;
  let one: RedisStore;
  let two: RedisStore;
  before(async () => {
    redis = await startRedis();
    one = new RedisStore({ url: redis.url, prefix: 'race:' });
    two = new RedisStore({ url: redis.url, prefix: 'race:' });
    await Promise.all([one.ready(), two.ready()]);
  });
  after(async () => {
    await one?.close();
    await two?.close();
    await redis?.stop();
  });

  const conversation = (id: string): ConversationRecord => ({
    psid: `p-${id}`,
    passedBy: [],
    conversation: { id, customer: { id: `p-${id}`, name: 'C' }, channel: 'facebook', queue: 'messenger', state: 'open', requestedAt: 1 },
  });
  const offer = (id: string, conversationId: string, agentId: string): OfferRecord => ({
    agentId,
    state: 'pending',
    expiresAt: 0,
    offer: { id, conversationId, customer: { id: 'p', name: 'C' }, channel: 'facebook', queue: 'messenger', requestedAt: 1, firstMessage: 'hi', expiresAt: 0 },
  });

  it('two bridges offering one conversation: one offer; accept against timeout: one winner; a mid claimed once', async () => {
    for (let i = 0; i < 30; i++) {
      const conv = conversation(`cv-${i}`);
      await one.putConversation(conv);
      const created = (await Promise.all([one.createOffer(offer(`o-${i}-a`, conv.conversation.id, 'a'), 100), two.createOffer(offer(`o-${i}-b`, conv.conversation.id, 'b'), 100)])).map((r) => r === 'created');
      assert.equal(created.filter(Boolean).length, 1, 'one offer per conversation');
      const winner = created[0] ? offer(`o-${i}-a`, conv.conversation.id, 'a') : offer(`o-${i}-b`, conv.conversation.id, 'b');
      const accepted: ConversationRecord = { ...conv, agentId: winner.agentId, conversation: { ...conv.conversation, state: 'active' } };
      const settled = await Promise.all([one.settleOffer({ ...winner, state: 'accepted' }, accepted), two.settleOffer({ ...winner, state: 'timeout' })]);
      assert.equal(settled.filter(Boolean).length, 1, 'one of accept and timeout');
      assert.equal((await two.getConversation(conv.conversation.id))?.agentId, settled[0] ? winner.agentId : undefined);
      const claims = await Promise.all([one.claimKey(`mid:${i}`), two.claimKey(`mid:${i}`)]);
      assert.equal(claims.filter(Boolean).length, 1);
    }
    assert.deepEqual(await one.pendingOffers(), []);
  });

  it('cursors are fixed-width stream ids that only grow and replay exactly after any of them', async () => {
    const cursors: string[] = [];
    for (let i = 0; i < 20; i++) cursors.push((await (i % 2 ? one : two).appendEvent('ag', { type: 'typing', conversationId: 'cv', on: i % 2 === 0 })).cursor);
    assert.deepEqual([...cursors].sort(), cursors);
    assert.ok(cursors.every((c) => c.length === cursors[0]!.length));
    const after5 = await two.eventsAfter('ag', cursors[4]);
    assert.deepEqual(after5.map((e) => e.cursor), cursors.slice(5));
    assert.equal(await one.acceptsCursor('ag', cursors[4]!), true);
    assert.equal(await one.acceptsCursor('ag', '9'.repeat(cursors[0]!.length)), false, 'a cursor never handed out');
    assert.equal(await one.acceptsCursor('ag', '000000000012'), false, 'a cursor of another store');
  });
});
