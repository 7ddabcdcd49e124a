import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { activeConversation, Agent, setup, type Setup } from './helpers.js';

type Body = { reply_to?: { mid: string }; message?: { text?: string; attachment?: unknown } };
const messageCalls = (s: Setup) => s.graph.calls.filter((c) => (c.body as Body).message !== undefined);

describe('reply-to: an agent message that quotes a customer message', () => {
  let s: Setup;
  let agent: Agent;
  before(async () => {
    s = await setup({ capacity: 10 });
    agent = new Agent(() => s.bridge, 'a-reply');
    await agent.connect();
  });
  after(async () => {
    await agent.close();
    await s.close();
  });

  it('goes to the Send API as reply_to.mid and comes back to the agent as replyTo', async () => {
    const { conversationId } = await activeConversation(s, agent, 'Where is my parcel?');
    const quoted = (await agent.event('message.received', (e) => e.message.text === 'Where is my parcel?')).message;
    const before = messageCalls(s).length;
    const from = agent.events.length;
    await agent.ok({ type: 'message.send', conversationId, clientId: 'c-reply-1', text: 'It left today.', replyTo: quoted.id });
    const call = messageCalls(s)[before]!.body as Body;
    assert.equal(call.message?.text, 'It left today.');
    assert.deepEqual(call.reply_to, { mid: quoted.id });
    const echoed = await agent.event('message.received', (e) => e.message.clientId === 'c-reply-1', from);
    assert.equal(echoed.message.replyTo, quoted.id);
  });

  it('a message without replyTo sends no reply_to', async () => {
    const { conversationId } = await activeConversation(s, agent, 'Plain question');
    const before = messageCalls(s).length;
    await agent.ok({ type: 'message.send', conversationId, clientId: 'c-reply-2', text: 'Plain answer' });
    const call = messageCalls(s)[before]!.body as Body;
    assert.equal(call.reply_to, undefined);
  });
});
