import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { activeConversation, Agent, newConversation, setup, waitFor, type Setup } from './helpers.js';

describe('restart of the bridge mid-conversation', () => {
  let s: Setup;
  before(async () => {
    s = await setup({ persistent: true });
  });
  after(async () => {
    await s.close();
  });

  it('the agent reconnects with its cursor: nothing lost, nothing twice', async () => {
    const agent = new Agent(() => s.bridge, 'a-restart');
    await agent.connect();
    const { conversationId, customer } = await activeConversation(s, agent, 'Before the restart');
    const send = { type: 'message.send', conversationId, clientId: 'c-before', text: 'Looking into it' } as const;
    const ack = await agent.ok(send);
    const replyMid = await customer.says('Thanks');
    await agent.event('message.received', (e) => e.message.id === replyMid);
    const { offer: pending } = await newConversation(s, agent, 'Waiting for an answer');
    const cursor = agent.lastCursor!;
    const seen = new Set(agent.events.map((e) => e.cursor));

    await s.bridge.close();
    await waitFor(() => agent.closed, 'the socket to close');
    assert.equal(agent.closed!.code, 1001);
    assert.ok(existsSync(join(s.dataDir!, 'journal.jsonl')));

    await s.restart();
    // Meta redelivers a webhook from before the restart: still applied once.
    await customer.post(customer.messageItem({ text: 'Thanks', mid: replyMid }).item);
    const afterMid = await customer.says('After the restart');

    const back = new Agent(() => s.bridge, 'a-restart');
    const welcome = await back.connect({ cursor });
    assert.equal(welcome.cursor, cursor);
    await back.event('message.received', (e) => e.message.id === afterMid);
    assert.ok(!back.events.some((e) => e.type === 'snapshot'));
    for (const e of back.events) {
      assert.ok(e.cursor > cursor, `replayed ${e.type} at ${e.cursor}, not after ${cursor}`);
      assert.ok(!seen.has(e.cursor));
    }
    assert.ok(!back.events.some((e) => e.type === 'message.received' && e.message.id === replyMid), 'the redelivered webhook is not applied again');

    // The send is retried after the restart (its answer was lost): same ack, not sent again.
    const sends = s.graph.calls.filter((c) => (c.body as { message?: { text?: string } }).message?.text === 'Looking into it').length;
    assert.deepEqual(await back.ok(send), ack);
    assert.equal(s.graph.calls.filter((c) => (c.body as { message?: { text?: string } }).message?.text === 'Looking into it').length, sends);

    // A fresh page gets everything in its snapshot, once.
    const fresh = new Agent(() => s.bridge, 'a-restart');
    await fresh.connect();
    const snapshot = await fresh.event('snapshot');
    assert.deepEqual(snapshot.offers.map((o) => o.id), [pending.id]);
    assert.deepEqual(snapshot.conversations.map((c) => [c.id, c.state]), [[conversationId, 'active']]);
    const texts = snapshot.messages.filter((m) => m.conversationId === conversationId).map((m) => m.text);
    assert.deepEqual(texts, ['Before the restart', 'Looking into it', 'Thanks', 'After the restart']);
    await back.close();
    await fresh.close();
  });

  it('survives a torn last line in the journal', async () => {
    await s.bridge.close();
    const path = join(s.dataDir!, 'journal.jsonl');
    const { appendFileSync } = await import('node:fs');
    appendFileSync(path, '{"k":"msg","v":{"id":"torn"');
    const lines = readFileSync(path, 'utf8').split('\n').length;
    await s.restart();
    const agent = new Agent(() => s.bridge, 'a-restart');
    await agent.connect();
    const snapshot = await agent.event('snapshot');
    assert.ok(snapshot.conversations.length === 1 && lines > 10);
    const conversationId = snapshot.conversations[0]!.id;
    const customer = s.graph.customer(snapshot.conversations[0]!.customer.id);
    const mid = await customer.says('Written after the torn line');
    await agent.event('message.received', (e) => e.message.id === mid);
    await agent.close();
    await s.bridge.close();
    await s.restart();
    const again = new Agent(() => s.bridge, 'a-restart');
    await again.connect();
    const kept = await again.event('snapshot');
    assert.ok(kept.messages.some((m) => m.id === mid && m.conversationId === conversationId));
    await again.close();
  });
});
