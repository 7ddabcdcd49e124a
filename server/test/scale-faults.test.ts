import assert from 'node:assert/strict';
import type { Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { newMid } from '../dev/customer.js';
import { activeConversation, Agent, setup, waitFor, type Setup } from './helpers.js';
import { cluster, skipRedis, type Cluster } from './redis.js';

type Graphed = { message?: { text?: string; metadata?: string } };
const sentTexts = (s: { graph: { calls: { body: unknown; answer: { message_id?: string } }[] } }, prefix: string) =>
  s.graph.calls.filter((c) => c.answer.message_id && (c.body as Graphed).message?.text?.startsWith(prefix)).map((c) => (c.body as Graphed).message!.text);

describe('Redis restarted under load', { skip: skipRedis }, () => {
  let c: Cluster;
  before(async () => {
    c = await cluster(2);
  });
  after(async () => {
    await c?.close();
  });

  it('the bridges reconnect and every message taken meanwhile arrives once', async () => {
    const agent = new Agent(() => c.bridges[1]!, 'r-restart');
    await agent.connect();
    const customers = [c.graph.customer(), c.graph.customer()];
    const conversations: string[] = [];
    for (const customer of customers) {
      const from = agent.events.length;
      await customer.says(`open ${customer.psid}`);
      const { offer } = await agent.event('offer.created', (e) => e.offer.firstMessage === `open ${customer.psid}`, from);
      await agent.ok({ type: 'offer.accept', offerId: offer.id });
      conversations.push(offer.conversationId);
    }
    const mids: string[] = [];
    const say = async (n: number) => {
      for (const customer of customers) mids.push(await customer.says(`load ${n} ${customer.psid}`));
    };
    for (let n = 0; n < 10; n++) await say(n);
    const restarting = c.redis.restart();
    for (let n = 10; n < 20; n++) await say(n); // answered by the bridge while Redis is down or coming back
    await restarting;
    for (let n = 20; n < 30; n++) await say(n);
    await waitFor(() => mids.every((mid) => agent.events.some((e) => e.type === 'message.received' && e.message.id === mid)), 'every message', 15_000);
    const received = agent.eventsOf('message.received').map((e) => e.message.id);
    assert.equal(received.filter((id) => mids.includes(id)).length, mids.length, 'none twice');
    // Sends go through after the restart too.
    const ack = await agent.ok<{ messageId: string }>({ type: 'message.send', conversationId: conversations[0]!, clientId: 'after-restart', text: 'Still here' });
    assert.ok(ack.messageId);
    await agent.close();
  });
});

describe('a failing Graph API', () => {
  let s: Setup;
  before(async () => {
    s = await setup();
  });
  after(async () => {
    await s.close();
  });

  it('5xx: the sends back off, then complete once each, in order', async () => {
    const agent = new Agent(() => s.bridge, 'g-5xx');
    await agent.connect();
    const { conversationId } = await activeConversation(s, agent);
    s.graph.failNext({ code: 2, status: 500, message: 'Service temporarily unavailable' }, 2);
    const answers = await Promise.all(['5xx-1', '5xx-2', '5xx-3'].map((clientId) => agent.run({ type: 'message.send', conversationId, clientId, text: clientId })));
    assert.ok(answers.every((a) => a.ok));
    assert.deepEqual(sentTexts(s, '5xx-'), ['5xx-1', '5xx-2', '5xx-3']);
    await agent.close();
  });

  it('a rate limit: refused as retryable, then once each, in order, after the back-off', async () => {
    const agent = new Agent(() => s.bridge, 'g-limit');
    await agent.connect();
    const { conversationId } = await activeConversation(s, agent);
    s.graph.failNext({ code: 613, message: 'Calls to this api have exceeded the rate limit.' });
    const commands = ['lim-1', 'lim-2'].map((clientId) => ({ type: 'message.send', conversationId, clientId, text: clientId }) as const);
    const first = await Promise.all(commands.map((cmd) => agent.run(cmd)));
    assert.ok(first.every((a) => !a.ok && a.error.code === 'unavailable' && a.error.retryable));
    s.clock.t += 61_000;
    for (const cmd of commands) await agent.ok(cmd); // the desk's outbox retries, in order
    await agent.ok(commands[0]!); // a late repeat answers the stored ack
    assert.deepEqual(sentTexts(s, 'lim-'), ['lim-1', 'lim-2']);
    await agent.close();
  });

  it('a Graph API that hangs for a while: the sends wait, then complete once each, in order', async () => {
    const agent = new Agent(() => s.bridge, 'g-hang');
    await agent.connect();
    const { conversationId } = await activeConversation(s, agent);
    s.graph.hold();
    const pending = ['hang-1', 'hang-2', 'hang-3'].map((clientId) => agent.run({ type: 'message.send', conversationId, clientId, text: clientId }));
    await waitFor(() => s.graph.held === 1, 'the first call to hang');
    assert.equal(s.graph.held, 1, 'the later sends of the conversation wait behind the first');
    s.graph.release();
    const answers = await Promise.all(pending);
    assert.ok(answers.every((a) => a.ok));
    assert.deepEqual(sentTexts(s, 'hang-'), ['hang-1', 'hang-2', 'hang-3']);
    await agent.close();
  });
});

describe('a slow agent socket', () => {
  let s: Setup;
  before(async () => {
    s = await setup({ maxSocketBufferBytes: 64 * 1024, slowSocketMs: 300 });
  });
  after(async () => {
    await s.close();
  });

  it('does not hold up the others; cut off past its buffer, it resumes from its cursor', async () => {
    const slow = new Agent(() => s.bridge, 'slow');
    await slow.connect();
    const { customer } = await activeConversation(s, slow, 'I will be slow');
    await slow.ok({ type: 'presence.set', presence: 'busy' });
    const fast = new Agent(() => s.bridge, 'fast');
    await fast.connect();
    const other = await activeConversation(s, fast, 'I am quick');
    const cursor = slow.lastCursor!;
    const seenBefore = slow.events.length;
    (slow.ws as unknown as { _socket: Socket })._socket.pause(); // the client stops reading
    const big = 'x'.repeat(16 * 1024);
    const mids: string[] = [];
    for (let batch = 0; batch < 30; batch++) {
      const items = Array.from({ length: 40 }, () => customer.messageItem({ text: big, mid: newMid() }));
      mids.push(...items.map((i) => i.mid));
      await customer.post(...items.map((i) => i.item));
      const quick = await other.customer.says(`still served ${batch}`);
      await fast.event('message.received', (e) => e.message.id === quick);
    }
    await waitFor(() => s.logs.some((l) => l.includes('fell too far behind')), 'the slow socket to be cut', 10_000);
    (slow.ws as unknown as { _socket: Socket })._socket.resume();
    await waitFor(() => slow.closed, 'the slow client to see its socket closed', 10_000);
    const got = slow.events.slice(seenBefore);
    const resumeFrom = got.at(-1)?.cursor ?? cursor;
    const back = new Agent(() => s.bridge, 'slow');
    await back.connect({ cursor: resumeFrom });
    await waitFor(() => mids.every((mid) => [...got, ...back.events].some((e) => e.type === 'message.received' && e.message.id === mid)), 'every message after resuming', 10_000);
    const all = [...got, ...back.events].filter((e) => e.type === 'message.received').map((e) => (e as { message: { id: string } }).message.id);
    assert.equal(all.length, new Set(all).size, 'nothing twice');
    await back.close();
    await fast.close();
  });
});
