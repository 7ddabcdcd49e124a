import { expect } from '@open-wc/testing';
import {
  canTransition,
  ConversationStateError,
  nextStates,
  transition,
  usesCapacity,
} from '../../src/core/conversation-state.js';
import type { Desk } from '../../src/core/desk/desk.js';
import type { Conversation, ConversationState } from '../../src/core/model.js';
import { testDesk, TestTransport } from '../harness.js';

const STATES: ConversationState[] = ['open', 'active', 'waiting', 'wrap-up', 'closed'];

/** PRODUCT.md F11, written out independently of the implementation's table. */
const LEGAL: [ConversationState, ConversationState][] = [
  ['open', 'active'],
  ['active', 'wrap-up'],
  ['active', 'waiting'],
  ['active', 'open'],
  ['waiting', 'active'],
  ['waiting', 'open'],
  ['waiting', 'closed'],
  ['wrap-up', 'closed'],
];
const isLegal = (from: ConversationState, to: ConversationState) => LEGAL.some(([f, t]) => f === from && t === to);
const ALL_PAIRS = STATES.flatMap((from) => STATES.map((to) => [from, to] as const));
const ILLEGAL = ALL_PAIRS.filter(([from, to]) => !isLegal(from, to));

function expectIllegal(fn: () => unknown, from: ConversationState, to: ConversationState): void {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, `${from} → ${to} should throw`).to.be.instanceOf(ConversationStateError);
  const error = thrown as ConversationStateError;
  expect(error).to.be.instanceOf(Error);
  expect(error.code).to.equal('illegal-transition');
  expect(error.from).to.equal(from);
  expect(error.to).to.equal(to);
  expect(error.message).to.contain(from).and.to.contain(to);
}

describe('conversation state machine (F11)', () => {
  it('covers 25 pairs: 8 legal and 17 illegal', () => {
    expect(ALL_PAIRS).to.have.lengthOf(25);
    expect(ILLEGAL).to.have.lengthOf(17);
  });

  for (const [from, to] of LEGAL) {
    it(`allows ${from} → ${to}`, () => {
      expect(canTransition(from, to)).to.equal(true);
      expect(transition(from, to)).to.equal(to);
      expect(nextStates(from)).to.include(to);
    });
  }

  for (const [from, to] of ILLEGAL) {
    it(`rejects ${from} → ${to}`, () => {
      expect(canTransition(from, to)).to.equal(false);
      expect(nextStates(from)).not.to.include(to);
      expectIllegal(() => transition(from, to), from, to);
    });
  }

  it('has no way out of closed', () => {
    expect(nextStates('closed')).to.deep.equal([]);
  });

  it('uses a capacity slot only while active or in wrap-up (waiting frees it)', () => {
    expect(STATES.filter(usesCapacity)).to.have.members(['active', 'wrap-up']);
  });
});

describe('Desk.transition', () => {
  let transport: TestTransport;
  let desk: Desk;

  const conversation = (state: ConversationState): Conversation => ({
    id: 'c1',
    customer: { id: 'u1', name: 'Anna Nowak' },
    channel: 'facebook',
    queue: 'Sales',
    state,
    requestedAt: 1000,
  });

  beforeEach(() => {
    transport = new TestTransport();
    desk = testDesk({ transport });
  });

  for (const [from, to] of ILLEGAL) {
    it(`refuses ${from} → ${to} without calling the transport`, async () => {
      await desk.connect();
      transport.emit({ type: 'conversation.updated', conversation: conversation(from) });
      const error = await desk.transition('c1', to).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(ConversationStateError);
      expect((error as ConversationStateError).code).to.equal('illegal-transition');
      expect((error as ConversationStateError).from).to.equal(from);
      expect((error as ConversationStateError).to).to.equal(to);
      expect(transport.agentCommands).to.deep.equal([]);
      expect(desk.$conversations.get()['c1']!.state).to.equal(from);
    });
  }

  for (const [from, to] of LEGAL) {
    it(`sends ${from} → ${to} and shows the transport's answer`, async () => {
      await desk.connect();
      transport.emit({ type: 'conversation.updated', conversation: conversation(from) });
      const result = await desk.transition('c1', to);
      expect(transport.agentCommands).to.deep.equal([{ type: 'conversation.transition', conversationId: 'c1', to }]);
      expect(result.state).to.equal(to);
      expect(desk.$conversations.get()['c1']!.state).to.equal(to);
    });
  }

  it('walks a whole conversation: open → active → waiting → active → wrap-up → closed', async () => {
    await desk.connect();
    transport.emit({ type: 'conversation.updated', conversation: conversation('open') });
    for (const to of ['active', 'waiting', 'active', 'wrap-up', 'closed'] as const) await desk.transition('c1', to);
    expect(desk.$conversations.get()['c1']!.state).to.equal('closed');
    await desk.transition('c1', 'active').then(
      () => expect.fail('closed is final'),
      (e: unknown) => expect(e).to.be.instanceOf(ConversationStateError),
    );
  });

  it('end() moves an active conversation to wrap-up', async () => {
    await desk.connect();
    transport.emit({ type: 'conversation.updated', conversation: conversation('active') });
    await desk.end('c1');
    expect(desk.$conversations.get()['c1']!.state).to.equal('wrap-up');
  });

  it('refuses an unknown conversation with DeskError unknown-conversation', async () => {
    const error = await desk.transition('nope', 'active').catch((e: unknown) => e);
    expect(error).to.have.property('code', 'unknown-conversation');
    expect(transport.agentCommands).to.deep.equal([]);
  });
});
