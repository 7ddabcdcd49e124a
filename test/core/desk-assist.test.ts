import { expect, waitUntil } from '@open-wc/testing';
import { keyTerms } from '../../src/core/assist.js';
import type { AssistState, Desk } from '../../src/core/desk/desk.js';
import type { Conversation, Message } from '../../src/core/model.js';
import { TransportError } from '../../src/core/transport.js';
import { testDesk, TestTransport } from '../harness.js';

const base = { customer: { id: 'cust-1', name: 'Aoife Byrne', locale: 'en-IE' }, channel: 'facebook', queue: 'Returns', requestedAt: 1000 } as const;
const current: Conversation = { ...base, id: 'now', state: 'active' };
const closed: Conversation = { ...base, id: 'past', customer: { id: 'cust-2', name: 'Liam Doherty' }, state: 'closed', closedAt: 5000 };
const other: Conversation = { ...base, id: 'other', customer: { id: 'cust-3', name: 'Priya Shah' }, state: 'active' };
const unrelated: Conversation = { ...base, id: 'router', customer: { id: 'cust-4', name: 'Rhys Llewellyn' }, state: 'closed' };

let seq = 0;
function says(conversationId: string, text: string, author: Message['author'] = 'customer'): Message {
  seq++;
  return { id: `m${seq}`, conversationId, author, kind: 'text', text, at: 2000 + seq };
}

async function setup(capabilities: Record<string, boolean> = { knowledge: true }): Promise<{ desk: Desk; transport: TestTransport }> {
  const transport = new TestTransport({ capabilities });
  const desk = testDesk({ transport });
  await desk.connect();
  for (const c of [closed, other, unrelated, current]) transport.emit({ type: 'conversation.updated', conversation: c });
  transport.emit({ type: 'message.received', message: says('past', 'I need to return a jacket, the sleeves are too long') });
  transport.emit({ type: 'message.received', message: says('past', 'A return label is on its way.', 'agent') });
  transport.emit({ type: 'message.received', message: says('other', 'Is this jacket waterproof?') });
  transport.emit({ type: 'message.received', message: says('router', 'The router drops Wi-Fi every evening') });
  transport.emit({ type: 'message.received', message: says('now', 'Hello!') });
  transport.emit({ type: 'message.received', message: says('now', "How do I return a jacket that doesn't fit?") });
  await desk.settled();
  return { desk, transport };
}

/** Watches the conversation's suggestions until they are no longer loading. */
async function suggestions(desk: Desk, conversationId = 'now'): Promise<{ state: () => AssistState; stop: () => void }> {
  const store = desk.assist.suggestions(conversationId);
  const stop = store.listen(() => undefined);
  await waitUntil(() => store.get().status !== 'idle' && store.get().status !== 'loading', 'suggestions did not settle');
  await desk.settled();
  return { state: () => store.get(), stop };
}

describe('desk.assist', () => {
  it('picks the distinctive words of the latest customer messages, in English and Polish', () => {
    expect(keyTerms(["How do I return a jacket that doesn't fit?"])).to.have.members(['return', 'jacket', 'fit']);
    const polish = keyTerms(['Dzień dobry, zamówienie nr 48213 miało przyjść wczoraj, a dalej nic']);
    expect(polish).to.include('zamowie');
    expect(polish).not.to.include.members(['dzien', 'dobry', 'dalej', '48213']);
  });

  it('finds the article matching the question and a similar past case, never the conversation itself', async () => {
    const { desk, transport } = await setup();
    const { state, stop } = await suggestions(desk);
    expect(state().status).to.equal('ready');
    expect(state().articles.map((a) => a.id)).to.include('returns-policy');
    expect(state().articles.every((a) => a.locale === 'en')).to.equal(true);
    const cases = state().cases.map((c) => c.conversationId);
    expect(cases[0]).to.equal('past');
    expect(cases).to.include('other');
    expect(cases).not.to.include('now');
    expect(cases).not.to.include('router');
    expect(state().cases[0]).to.deep.include({ customerName: 'Liam Doherty', state: 'closed', text: 'I need to return a jacket, the sleeves are too long' });
    expect(transport.executed('assist.suggest')).to.have.length(0);
    expect(transport.executed('knowledge.search').length).to.be.greaterThan(0);
    stop();
  });

  it('asks the transport instead when it has the assist capability', async () => {
    const { desk, transport } = await setup({ knowledge: true, assist: true });
    transport.on('assist.suggest', (command) => ({
      articles: [{ id: 'a1', title: 'From the backend', summary: '', locale: 'en' }],
      cases: [
        { conversationId: 'elsewhere', text: 'Similar', at: 1 },
        { conversationId: command.conversationId, text: 'Itself', at: 2 },
      ],
    }));
    const { state, stop } = await suggestions(desk);
    expect(transport.executed('assist.suggest')).to.deep.equal([{ type: 'assist.suggest', conversationId: 'now' }]);
    expect(transport.executed('knowledge.search')).to.have.length(0);
    expect(state().articles.map((a) => a.title)).to.deep.equal(['From the backend']);
    expect(state().cases.map((c) => c.conversationId)).to.deep.equal(['elsewhere']);
    stop();
  });

  it('works the suggestions out again when the customer writes', async () => {
    const { desk, transport } = await setup();
    const { state, stop } = await suggestions(desk);
    expect(state().cases.map((c) => c.conversationId)).not.to.include('router');
    transport.emit({ type: 'message.received', message: says('now', 'Also my router drops Wi-Fi every evening') });
    await desk.settled();
    await waitUntil(() => state().status === 'ready' && state().cases.some((c) => c.conversationId === 'router'), 'no refresh');
    stop();
  });

  it('says when suggestions fail or cannot be had', async () => {
    const { desk, transport } = await setup({ knowledge: true, assist: true });
    transport.fail('assist.suggest', new TransportError('internal', 'boom', { retryable: false }));
    const { state, stop } = await suggestions(desk);
    expect(state().status).to.equal('error');
    transport.fail('assist.suggest', new TransportError('unavailable', 'off', { retryable: false }));
    await desk.assist.refresh('now');
    expect(state().status).to.equal('unavailable');
    stop();

    const bare = await setup({});
    expect(bare.desk.assist.available).to.equal(false);
    const none = await suggestions(bare.desk);
    expect(none.state().status).to.equal('unavailable');
    none.stop();
  });
});
