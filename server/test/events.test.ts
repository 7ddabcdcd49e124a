import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { activeConversation, Agent, newConversation, setup, type Setup } from './helpers.js';

describe('webhook events reach the agent', () => {
  let s: Setup;
  let agent: Agent;
  before(async () => {
    s = await setup({ capacity: 50 });
    agent = new Agent(() => s.bridge, 'a-events');
    await agent.connect();
  });
  after(async () => {
    await agent.close();
    await s.close();
  });

  const received = (id: string) => agent.event('message.received', (e) => e.message.id === id);

  it('a new customer opens a conversation named from their Graph profile', async () => {
    const { offer } = await newConversation(s, agent, 'Named', 'Ann Lee');
    assert.equal(offer.customer.name, 'Ann Lee');
    assert.equal(offer.channel, 'facebook');
    const { offer: anonymous } = await newConversation(s, agent, 'Anonymous');
    assert.match(anonymous.customer.name, /^Messenger customer \d{4}$/);
    assert.equal(anonymous.customer.facebookId, anonymous.customer.id);
  });

  it('a text message, and a reply to it (reply_to)', async () => {
    const { customer, conversationId } = await activeConversation(s, agent, 'first');
    const mid = await customer.says('second', { replyTo: 'm-earlier' });
    const { message } = await received(mid);
    assert.equal(message.conversationId, conversationId);
    assert.equal(message.author, 'customer');
    assert.equal(message.kind, 'text');
    assert.equal(message.text, 'second');
    assert.equal(message.replyTo, 'm-earlier');
  });

  it('attachments: image, audio, video and file', async () => {
    const { customer } = await activeConversation(s, agent, 'files');
    const mid = await customer.sends(
      [
        { type: 'image', url: 'https://cdn.example/p/photo.jpg' },
        { type: 'audio', url: 'https://cdn.example/p/voice.mp4' },
        { type: 'video', url: 'https://cdn.example/p/clip.mp4' },
        { type: 'file', url: 'https://cdn.example/p/invoice.pdf' },
      ],
      'see attached',
    );
    const { message } = await received(mid);
    assert.equal(message.kind, 'attachment');
    assert.equal(message.text, 'see attached');
    assert.deepEqual(
      message.attachments?.map((a) => [a.kind, a.name, a.url]),
      [
        ['image', 'photo.jpg', 'https://cdn.example/p/photo.jpg'],
        ['audio', 'voice.mp4', 'https://cdn.example/p/voice.mp4'],
        ['video', 'clip.mp4', 'https://cdn.example/p/clip.mp4'],
        ['file', 'invoice.pdf', 'https://cdn.example/p/invoice.pdf'],
      ],
    );
  });

  it('a sticker (sticker_id)', async () => {
    const { customer } = await activeConversation(s, agent, 'sticker');
    const mid = await customer.sticker('https://cdn.example/sticker.png');
    const { message } = await received(mid);
    assert.equal(message.kind, 'sticker');
    assert.deepEqual(message.attachments?.map((a) => [a.kind, a.url]), [['sticker', 'https://cdn.example/sticker.png']]);
  });

  it('fallback, template and non-http attachments are unsupported messages with no text', async () => {
    const { customer } = await activeConversation(s, agent, 'odd');
    for (const attachments of [[{ type: 'fallback' as const, url: 'https://example.com/shared' }], [{ type: 'template' as const }], [{ type: 'image' as const, url: 'javascript:alert(1)' }]]) {
      const mid = await customer.sends(attachments);
      const { message } = await received(mid);
      assert.equal(message.kind, 'unsupported', JSON.stringify(attachments));
      assert.equal(message.text, undefined);
      assert.equal(message.attachments, undefined);
    }
  });

  it('a postback is the customer tapping a button: a message with its title', async () => {
    const { customer } = await activeConversation(s, agent, 'menu');
    const mid = await customer.postback('Track my order', 'TRACK_ORDER');
    const { message } = await received(mid);
    assert.equal(message.author, 'customer');
    assert.equal(message.kind, 'text');
    assert.equal(message.text, 'Track my order');
  });

  it('deliveries and reads → receipt with the watermark, and the stored status follows', async () => {
    const { customer, conversationId } = await activeConversation(s, agent, 'receipts');
    const sent = await agent.ok<{ messageId: string; at: number }>({ type: 'message.send', conversationId, clientId: 'c-receipt', text: 'On it' });
    await customer.delivered(sent.at + 1);
    const delivered = await agent.event('receipt', (e) => e.conversationId === conversationId && e.status === 'delivered');
    assert.equal(delivered.watermark, sent.at + 1);
    await customer.reads(sent.at + 2);
    await agent.event('receipt', (e) => e.conversationId === conversationId && e.status === 'read' && e.watermark === sent.at + 2);
    await customer.reads(sent.at + 2); // redelivered
    await s.bridge.idle();
    assert.equal(agent.eventsOf('receipt').filter((e) => e.conversationId === conversationId && e.status === 'read').length, 1);
    const fresh = new Agent(() => s.bridge, 'a-events');
    await fresh.connect();
    const snapshot = await fresh.event('snapshot');
    assert.equal(snapshot.messages.find((m) => m.id === sent.messageId)?.status, 'read');
    await fresh.close();
  });

  it('reactions → message.reaction (react, then unreact)', async () => {
    const { conversationId } = await activeConversation(s, agent, 'react');
    const sent = await agent.ok<{ messageId: string }>({ type: 'message.send', conversationId, clientId: 'c-react', text: 'Done!' });
    const customer = s.graph.customer((await agent.event('offer.created', (e) => e.offer.conversationId === conversationId)).offer.customer.id);
    await customer.reacts(sent.messageId, '❤');
    const react = await agent.event('message.reaction', (e) => e.messageId === sent.messageId && e.action === 'react');
    assert.deepEqual(react.reaction, { emoji: '❤', by: 'customer' });
    await customer.reacts(sent.messageId, '❤', 'unreact');
    await agent.event('message.reaction', (e) => e.messageId === sent.messageId && e.action === 'unreact');
  });

  it('edits → message.edited', async () => {
    const { customer } = await activeConversation(s, agent, 'edit');
    const mid = await customer.says('teh order');
    await received(mid);
    await customer.edits(mid, 'the order');
    const edited = await agent.event('message.edited', (e) => e.messageId === mid);
    assert.equal(edited.text, 'the order');
  });

  it('an echo of a message the page sent elsewhere appears as an agent message; our own echo does not repeat ours', async () => {
    const { customer, conversationId } = await activeConversation(s, agent, 'echo');
    const mid = await customer.pageWrites('Sent from the Page inbox');
    const { message } = await received(mid);
    assert.equal(message.author, 'agent');
    assert.equal(message.text, 'Sent from the Page inbox');
    assert.equal(message.conversationId, conversationId);
    // Our own send: the fake Graph echoes it back with its metadata, as Meta does.
    const from = agent.events.length;
    const sent = await agent.ok<{ messageId: string }>({ type: 'message.send', conversationId, clientId: 'c-echo', text: 'From the desk' });
    await agent.event('message.received', (e) => e.message.id === sent.messageId, from);
    await s.graph.settled();
    assert.ok(s.graph.calls.some((c) => c.answer.message_id === sent.messageId && (c.body.message as { metadata?: string }).metadata === 'ccb:c-echo'));
    // Even an echo without metadata is recognised by the mid the Send API answered.
    await customer.pageWrites('From the desk', { mid: sent.messageId });
    const fence = await customer.says('fence');
    await received(fence);
    await s.bridge.idle();
    const copies = agent.eventsOf('message.received').filter((e) => e.message.conversationId === conversationId && e.message.text === 'From the desk');
    assert.equal(copies.length, 1);
  });
});
