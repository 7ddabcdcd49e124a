import { expect, waitUntil } from '@open-wc/testing';
import { createDesk, MAX_MESSAGE_LENGTH, type Desk, type DeskOptions } from '../../src/core/desk/desk.js';
import { DeskError } from '../../src/core/errors.js';
import type { Conversation, Message, Offer } from '../../src/core/model.js';
import { createMemoryStorage, type Storage } from '../../src/core/storage.js';
import { TransportError, type MessageStatusEvent } from '../../src/core/transport.js';
import { deferred, dispose, testDesk, TestTransport } from '../harness.js';

const HOUR = 60 * 60 * 1000;
const T0 = Date.UTC(2025, 2, 30, 12, 0, 0);

function makeOffer(overrides: Partial<Offer> = {}): Offer {
  return {
    id: 'o1',
    conversationId: 'c1',
    customer: { id: 'u1', name: 'Anna Nowak' },
    channel: 'facebook',
    queue: 'Sales',
    requestedAt: T0 - 30_000,
    firstMessage: 'Hi, where is my order?',
    ...overrides,
  };
}

function makeConversation(overrides: Partial<Conversation> = {}): Conversation {
  return {
    id: 'c1',
    customer: { id: 'u1', name: 'Anna Nowak' },
    channel: 'facebook',
    queue: 'Sales',
    state: 'active',
    requestedAt: T0 - 60_000,
    lastCustomerMessageAt: T0 - 60_000,
    ...overrides,
  };
}

function customerMessage(overrides: Partial<Message> = {}): Message {
  return { id: 'm1', conversationId: 'c1', author: 'customer', kind: 'text', text: 'Hello', at: T0, ...overrides };
}

/** Resolves with what `promise` rejected with; fails the test if it resolved. */
async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => expect.fail(`expected a rejection, got ${JSON.stringify(value)}`),
    (error: unknown) => error,
  );
}

async function expectDeskError(promise: Promise<unknown>, code: string): Promise<void> {
  const error = await rejectionOf(promise);
  expect(error).to.be.instanceOf(DeskError);
  expect((error as DeskError).code).to.equal(code);
}

describe('Desk', () => {
  let transport: TestTransport;
  let desk: Desk;
  let clock: number;

  function make(options: Partial<DeskOptions> = {}): Desk {
    return testDesk({ transport, now: () => clock, maxSendAttempts: 1, ...options });
  }

  /** A connected desk with one active conversation `c1` whose reply window is open. */
  async function withConversation(overrides: Partial<Conversation> = {}): Promise<void> {
    await desk.connect();
    transport.emit({ type: 'conversation.updated', conversation: makeConversation(overrides) });
  }

  const messages = (id = 'c1') => desk.messages(id).get();

  beforeEach(() => {
    clock = T0;
    transport = new TestTransport();
    desk = make();
  });

  describe('construction', () => {
    it('needs a transport', () => {
      expect(() => createDesk({} as DeskOptions)).to.throw(TypeError, /transport/);
      expect(() => createDesk(undefined as unknown as DeskOptions)).to.throw(TypeError, /transport/);
    });

    for (const offerTimeout of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      it(`refuses offerTimeout ${offerTimeout}`, () => {
        expect(() => createDesk({ transport, storage: 'memory', offerTimeout })).to.throw(RangeError, /offerTimeout/);
      });
    }

    it('caps the attachment size at what the transport takes', () => {
      const small = make({ transport: new TestTransport({ capabilities: { maxAttachmentBytes: 1000 } }) });
      expect(small.policy.maxBytes).to.equal(1000);
      expect(desk.policy.maxBytes).to.equal(5 * 1024 * 1024);
    });
  });

  describe('connection', () => {
    it('connects once however often connect() is called, then is online', async () => {
      expect(desk.$connection.get()).to.equal('idle');
      const first = desk.connect();
      expect(desk.$connection.get()).to.equal('connecting');
      await Promise.all([first, desk.connect()]);
      await desk.connect();
      expect(transport.connects).to.have.lengthOf(1);
      expect(transport.listenerCount).to.equal(1);
      expect(desk.$connection.get()).to.equal('online');
      expect(desk.$presence.get()).to.equal('available');
    });

    it('reports an expired session as auth-expired', async () => {
      transport.connectError = new TransportError('auth-expired', 'Token expired');
      const error = await rejectionOf(desk.connect());
      expect(error).to.be.instanceOf(TransportError);
      expect((error as TransportError).code).to.equal('auth-expired');
      expect(desk.$connection.get()).to.equal('auth-expired');
    });

    it('keeps reconnecting after a connect() that fails with a plain Error', async () => {
      transport.connectError = new Error('socket closed');
      const error = await rejectionOf(desk.connect());
      expect(error).to.be.instanceOf(TransportError);
      expect(desk.$connection.get()).to.equal('reconnecting');
      transport.connectError = undefined;
      await waitUntil(() => desk.$connection.get() === 'online', 'never reconnected', { timeout: 3000 });
      expect(transport.connects).to.have.lengthOf(2);
    });

    it('goes offline on a TransportError that says retrying cannot help, and may connect again', async () => {
      transport.connectError = new TransportError('invalid', 'bad agent', { retryable: false });
      const error = await rejectionOf(desk.connect());
      expect(error).to.be.instanceOf(TransportError);
      expect(desk.$connection.get()).to.equal('offline');
      transport.connectError = undefined;
      await desk.connect();
      expect(transport.connects).to.have.lengthOf(2);
      expect(desk.$connection.get()).to.equal('online');
      expect(transport.listenerCount).to.equal(1);
    });

    it('resumes from the last cursor it saw after a reconnect', async () => {
      await desk.connect();
      transport.emit({ type: 'typing', conversationId: 'c1', on: true, cursor: 'cur-41' });
      await desk.disconnect();
      expect(desk.$connection.get()).to.equal('offline');
      await desk.connect();
      expect(transport.connects[1]!.opts?.cursor).to.equal('cur-41');
      expect(transport.connects[1]!.opts?.signal).to.be.instanceOf(AbortSignal);
    });
  });

  describe('offers', () => {
    it('lists a new offer with an expiry counted from offerTimeout', async () => {
      const timed = make({ offerTimeout: 30 });
      await Promise.all([timed.connect(), desk.connect()]);
      transport.emit({ type: 'offer.created', offer: makeOffer() });
      expect(timed.$offers.get()).to.deep.equal([{ ...makeOffer(), expiresAt: T0 + 30_000 }]);
      // The default is 120 s.
      expect(desk.$offers.get()[0]!.expiresAt).to.equal(T0 + 120_000);
    });

    it('keeps an expiry the transport set, and ignores a duplicate offer', async () => {
      await desk.connect();
      transport.emit({ type: 'offer.created', offer: makeOffer({ expiresAt: T0 + 5000 }) });
      transport.emit({ type: 'offer.created', offer: makeOffer({ expiresAt: T0 + 9000 }) });
      expect(desk.$offers.get()).to.have.lengthOf(1);
      expect(desk.$offers.get()[0]!.expiresAt).to.equal(T0 + 5000);
    });

    it('accepting opens the conversation as active and makes it the current one', async () => {
      await desk.connect();
      transport.emit({ type: 'offer.created', offer: makeOffer() });
      const conversation = await desk.accept('o1');
      expect(transport.agentCommands).to.deep.equal([{ type: 'offer.accept', offerId: 'o1' }]);
      expect(conversation.state).to.equal('active');
      expect(desk.$offers.get()).to.deep.equal([]);
      expect(desk.$activeConversationId.get()).to.equal('c1');
      expect(desk.$activeConversation.get()?.state).to.equal('active');
      expect(desk.$conversations.get()['c1']!.customer.name).to.equal('Anna Nowak');
    });

    it('refuses to accept an offer that is not waiting', async () => {
      await desk.connect();
      await expectDeskError(desk.accept('nope'), 'unknown-offer');
      expect(transport.agentCommands).to.deep.equal([]);
    });

    it('keeps the offer when accepting fails', async () => {
      await desk.connect();
      transport.emit({ type: 'offer.created', offer: makeOffer() });
      transport.failNext('offer.accept', new TransportError('conflict', 'Taken by someone else'));
      const error = await rejectionOf(desk.accept('o1'));
      expect((error as TransportError).code).to.equal('conflict');
      expect(desk.$offers.get()).to.have.lengthOf(1);
      expect(desk.$activeConversationId.get()).to.equal(undefined);
    });

    it('rejecting removes the offer, and is refused when turned off', async () => {
      await desk.connect();
      transport.emit({ type: 'offer.created', offer: makeOffer() });
      await desk.reject('o1');
      expect(transport.executed('offer.reject')).to.deep.equal([{ type: 'offer.reject', offerId: 'o1' }]);
      expect(desk.$offers.get()).to.deep.equal([]);

      const strict = make({ allowReject: false });
      await strict.connect();
      transport.emit({ type: 'offer.created', offer: makeOffer({ id: 'o2' }) });
      expect(strict.canReject).to.equal(false);
      await expectDeskError(strict.reject('o2'), 'unsupported');
      expect(transport.executed('offer.reject')).to.have.lengthOf(1);
    });

    it('drops an offer the transport withdraws', async () => {
      await desk.connect();
      transport.emit({ type: 'offer.created', offer: makeOffer() });
      transport.emit({ type: 'offer.withdrawn', offerId: 'o1', reason: 'taken' });
      expect(desk.$offers.get()).to.deep.equal([]);
      expect(desk.$missedOffers.get()).to.deep.equal([]);
    });

    it('withdraws an unanswered offer on timeout and marks the agent Inactive', async () => {
      const quick = testDesk({ transport, offerTimeout: 0.05 });
      await quick.connect();
      transport.emit({ type: 'offer.created', offer: makeOffer() });
      expect(quick.$offers.get()).to.have.lengthOf(1);
      await waitUntil(() => quick.$offers.get().length === 0, 'offer never expired', { timeout: 2000 });
      expect(quick.$missedOffers.get().map((o) => o.id)).to.deep.equal(['o1']);
      expect(quick.$presence.get()).to.equal('inactive');
      await waitUntil(() => transport.executed('presence.set').length > 0, 'presence never sent');
      expect(transport.executed('offer.reject')).to.deep.equal([{ type: 'offer.reject', offerId: 'o1' }]);
      expect(transport.executed('presence.set')).to.deep.equal([{ type: 'presence.set', presence: 'inactive' }]);

      // Inactive takes no offers (F12): one that arrives now is refused and the backend told.
      transport.emit({ type: 'offer.created', offer: makeOffer({ id: 'o2', conversationId: 'c2' }) });
      expect(quick.$offers.get()).to.deep.equal([]);
      await waitUntil(() => transport.executed('offer.reject').length === 2, 'the refused offer was not rejected');
      // Choosing Available brings the agent back, on the backend too.
      await quick.setPresence('available');
      expect(quick.$presence.get()).to.equal('available');
      expect(quick.$missedOffers.get()).to.deep.equal([]);
      expect(transport.executed('presence.set').at(-1)).to.deep.equal({ type: 'presence.set', presence: 'available' });
    });

    it('does not expire an offer that was accepted in time', async () => {
      const quick = testDesk({ transport, offerTimeout: 0.05 });
      await quick.connect();
      transport.emit({ type: 'offer.created', offer: makeOffer() });
      await quick.accept('o1');
      // One conversation uses part of the capacity (F12).
      expect(quick.$presence.get()).to.equal('busy');
      // A second offer expires after the first one would have: once it has, the first had its chance too.
      transport.emit({ type: 'offer.created', offer: makeOffer({ id: 'o2', conversationId: 'c2' }) });
      await waitUntil(() => quick.$missedOffers.get().length > 0, 'the second offer never expired', { timeout: 2000 });
      await quick.settled();
      expect(quick.$missedOffers.get().map((o) => o.id)).to.deep.equal(['o2']);
      expect(transport.executed('offer.reject')).to.deep.equal([{ type: 'offer.reject', offerId: 'o2' }]);
    });

    it('becoming available clears the missed offers', async () => {
      const quick = testDesk({ transport, offerTimeout: 0.02 });
      await quick.connect();
      transport.emit({ type: 'offer.created', offer: makeOffer() });
      await waitUntil(() => quick.$missedOffers.get().length === 1, 'offer never expired', { timeout: 2000 });
      await quick.setPresence('available');
      expect(quick.$presence.get()).to.equal('available');
      expect(quick.$missedOffers.get()).to.deep.equal([]);
    });
  });

  describe('presence', () => {
    it('rolls back when the transport refuses the change', async () => {
      await desk.connect();
      transport.failNext('presence.set', new TransportError('network', 'down'));
      const error = await rejectionOf(desk.setPresence('busy'));
      expect((error as TransportError).code).to.equal('network');
      expect(desk.$presence.get()).to.equal('available');
      await desk.setPresence('away');
      expect(desk.$presence.get()).to.equal('away');
    });
  });

  describe('sending', () => {
    it('shows the message as sending under its client id, then sent with the server id', async () => {
      await withConversation();
      const ack = deferred<{ messageId: string; at: number }>();
      transport.on('message.send', () => ack.promise);
      const sending = desk.send('c1', 'Your parcel left today.');
      // Stored in the outbox first, then sent.
      await waitUntil(() => transport.executed('message.send').length === 1);

      const [pending] = messages();
      expect(messages()).to.have.lengthOf(1);
      expect(pending!.status).to.equal('sending');
      expect(pending!.author).to.equal('agent');
      expect(pending!.text).to.equal('Your parcel left today.');
      expect(pending!.at).to.equal(T0);
      expect(pending!.clientId).to.be.a('string').and.not.equal('');
      expect(pending!.id).to.equal(pending!.clientId);

      const [command] = transport.executed('message.send');
      expect(command).to.deep.equal({
        type: 'message.send',
        conversationId: 'c1',
        clientId: pending!.clientId,
        text: 'Your parcel left today.',
      });

      ack.resolve({ messageId: 'srv-1', at: T0 + 5 });
      const sent = await sending;
      expect(sent.status).to.equal('sent');
      expect(sent.id).to.equal('srv-1');
      expect(sent.clientId).to.equal(pending!.clientId);
      expect(messages()).to.deep.equal([sent]);
    });

    it('gives each message its own client id', async () => {
      await withConversation();
      const a = await desk.send('c1', 'one');
      const b = await desk.send('c1', 'two');
      expect(a.clientId).not.to.equal(b.clientId);
      expect(messages().map((m) => m.text)).to.deep.equal(['one', 'two']);
    });

    it('marks a failed send failed with the reason, and retry reuses the client id', async () => {
      await withConversation();
      transport.failNext('message.send', new TransportError('network', 'Connection lost'));
      const failed = await desk.send('c1', 'Are you there?');
      expect(failed.status).to.equal('failed');
      expect(failed.error).to.deep.equal({ code: 'network', message: 'Connection lost', retryable: true });
      expect(messages()).to.deep.equal([failed]);

      const retried = await desk.retry('c1', failed.clientId!);
      const sends = transport.executed('message.send');
      expect(sends).to.have.lengthOf(2);
      expect(sends[1]!.clientId).to.equal(failed.clientId);
      expect(sends[1]!.text).to.equal('Are you there?');
      expect(retried.status).to.equal('sent');
      expect(retried.error).to.equal(undefined);
      expect(messages()).to.have.lengthOf(1);
      expect(messages()[0]).to.deep.equal(retried);
    });

    it('does not resend a message that did not fail', async () => {
      await withConversation();
      const sent = await desk.send('c1', 'Done');
      const again = await desk.retry('c1', sent.clientId!);
      expect(again).to.deep.equal(sent);
      expect(transport.executed('message.send')).to.have.lengthOf(1);
    });

    it('refuses to send when the reply window is closed, sending nothing', async () => {
      await withConversation({ lastCustomerMessageAt: T0 - 25 * HOUR });
      await expectDeskError(desk.send('c1', 'Hello?'), 'window-closed');
      expect(transport.agentCommands).to.deep.equal([]);
      expect(messages()).to.deep.equal([]);
    });

    it('refuses to send before the customer has written', async () => {
      await withConversation({ lastCustomerMessageAt: undefined });
      await expectDeskError(desk.send('c1', 'Hello?'), 'window-closed');
      expect(transport.agentCommands).to.deep.equal([]);
    });

    it('sends up to 7 days later with the human agent tag', async () => {
      await withConversation({ lastCustomerMessageAt: T0 - 6 * 24 * HOUR, humanAgent: true });
      expect((await desk.send('c1', 'Following up')).status).to.equal('sent');
    });

    it(`allows ${MAX_MESSAGE_LENGTH} characters and refuses one more`, async () => {
      await withConversation();
      await expectDeskError(desk.send('c1', 'x'.repeat(MAX_MESSAGE_LENGTH + 1)), 'too-long');
      expect(transport.agentCommands).to.deep.equal([]);
      expect(messages()).to.deep.equal([]);
      expect((await desk.send('c1', 'x'.repeat(MAX_MESSAGE_LENGTH))).status).to.equal('sent');
    });

    it('refuses an empty or blank message', async () => {
      await withConversation();
      await expectDeskError(desk.send('c1', ''), 'empty');
      await expectDeskError(desk.send('c1', '  \n\t '), 'empty');
      expect(transport.agentCommands).to.deep.equal([]);
      expect(messages()).to.deep.equal([]);
    });

    it('sends attachments without text as an attachment message', async () => {
      await withConversation();
      const attachment = { id: 'a1', kind: 'image' as const, name: 'photo.jpg', url: 'https://example.test/p.jpg' };
      const sent = await desk.send('c1', '', [attachment]);
      expect(sent.kind).to.equal('attachment');
      expect(sent.text).to.equal(undefined);
      expect(transport.executed('message.send')[0]!.attachments).to.deep.equal([attachment]);
    });

    it('refuses an unknown conversation', async () => {
      await desk.connect();
      await expectDeskError(desk.send('nope', 'hi'), 'unknown-conversation');
    });
  });

  describe('incoming messages', () => {
    it('shows a message once even when it arrives twice', async () => {
      await withConversation();
      transport.emit({ type: 'message.received', message: customerMessage() });
      transport.emit({ type: 'message.received', message: customerMessage({ text: 'Hello (replayed)' }) });
      expect(messages()).to.have.lengthOf(1);
      expect(messages()[0]!.text).to.equal('Hello');
    });

    it('drops the echo of an agent message, matched by client id or server id', async () => {
      await withConversation();
      const ack = deferred<{ messageId: string; at: number }>();
      transport.once('message.send', () => ack.promise);
      const sending = desk.send('c1', 'Echo me');
      await Promise.resolve();
      const clientId = messages()[0]!.clientId!;
      // The echo can beat the ack.
      transport.emit({
        type: 'message.received',
        message: { id: 'srv-9', clientId, conversationId: 'c1', author: 'agent', kind: 'text', text: 'Echo me', at: T0 },
      });
      expect(messages()).to.have.lengthOf(1);
      ack.resolve({ messageId: 'srv-9', at: T0 });
      await sending;
      transport.emit({
        type: 'message.received',
        message: { id: 'srv-9', conversationId: 'c1', author: 'agent', kind: 'text', text: 'Echo me', at: T0 },
      });
      expect(messages()).to.have.lengthOf(1);
      expect(messages()[0]!.status).to.equal('sent');
    });

    it('keeps messages in time order when they arrive out of order', async () => {
      await withConversation();
      transport.emit({ type: 'message.received', message: customerMessage({ id: 'm3', at: T0 + 3000 }) });
      transport.emit({ type: 'message.received', message: customerMessage({ id: 'm1', at: T0 + 1000 }) });
      transport.emit({ type: 'message.received', message: customerMessage({ id: 'm2', at: T0 + 2000 }) });
      transport.emit({ type: 'message.received', message: customerMessage({ id: 'm4', at: T0 + 4000 }) });
      expect(messages().map((m) => m.id)).to.deep.equal(['m1', 'm2', 'm3', 'm4']);
    });

    it('remembers the cursor of the event that brought a message', async () => {
      await withConversation();
      transport.emit({ type: 'message.received', message: customerMessage(), cursor: 'k-7' });
      expect(messages()[0]!.cursor).to.equal('k-7');
    });

    it('opens the reply window when the customer writes', async () => {
      await withConversation({ lastCustomerMessageAt: undefined });
      const window = desk.replyWindow('c1');
      expect(window.get().open).to.equal(false);
      transport.emit({ type: 'message.received', message: customerMessage({ at: T0 }) });
      expect(desk.$conversations.get()['c1']!.lastCustomerMessageAt).to.equal(T0);
      expect(window.get()).to.deep.include({ open: true, mode: 'standard', closesAt: T0 + 24 * HOUR });
      expect((await desk.send('c1', 'Hi Anna')).status).to.equal('sent');
    });

    it('keeps the newest customer message time when an older snapshot arrives', async () => {
      await withConversation({ lastCustomerMessageAt: undefined });
      transport.emit({ type: 'message.received', message: customerMessage({ at: T0 }) });
      transport.emit({ type: 'conversation.updated', conversation: makeConversation({ lastCustomerMessageAt: T0 - 30 * HOUR }) });
      expect(desk.$conversations.get()['c1']!.lastCustomerMessageAt).to.equal(T0);
      expect(desk.replyWindow('c1').get().open).to.equal(true);
    });

    it('an agent message does not move the reply window', async () => {
      await withConversation({ lastCustomerMessageAt: T0 - HOUR });
      transport.emit({
        type: 'message.received',
        message: { id: 'x', conversationId: 'c1', author: 'agent', kind: 'text', text: 'from another tab', at: T0 },
      });
      expect(desk.$conversations.get()['c1']!.lastCustomerMessageAt).to.equal(T0 - HOUR);
    });

    it('reports the reply window as closed for an unknown conversation', () => {
      expect(desk.replyWindow('ghost').get()).to.deep.equal({ open: false, mode: 'standard', remainingMs: 0 });
    });
  });

  describe('delivery state', () => {
    async function sendAt(at: number, text: string): Promise<Message> {
      clock = at;
      return desk.send('c1', text);
    }

    it('follows message.status by client id or server id, never going backwards', async () => {
      await withConversation();
      const sent = await desk.send('c1', 'Hi');
      const status = (s: Omit<MessageStatusEvent, 'type' | 'cursor' | 'conversationId'>) =>
        transport.emit({ type: 'message.status', conversationId: 'c1', ...s });
      status({ clientId: sent.clientId!, status: 'delivered' });
      expect(messages()[0]!.status).to.equal('delivered');
      status({ messageId: 'srv-1', status: 'read' });
      expect(messages()[0]!.status).to.equal('read');
      status({ messageId: 'srv-1', status: 'delivered' });
      status({ clientId: sent.clientId!, status: 'sent' });
      expect(messages()[0]!.status).to.equal('read');
    });

    it('finds the message by server id when the client id is not one it knows', async () => {
      await withConversation();
      transport.emit({
        type: 'message.received',
        message: { id: 'srv-77', conversationId: 'c1', author: 'agent', kind: 'text', text: 'from another tab', at: T0, status: 'sent' },
      });
      transport.emit({ type: 'message.status', conversationId: 'c1', clientId: 'c-other-tab', messageId: 'srv-77', status: 'delivered' });
      expect(messages()[0]!.status).to.equal('delivered');
    });

    it('keeps a status that arrived before the ack', async () => {
      await withConversation();
      const ack = deferred<{ messageId: string; at: number }>();
      transport.once('message.send', () => ack.promise);
      const sending = desk.send('c1', 'Quick');
      await Promise.resolve();
      transport.emit({ type: 'message.status', conversationId: 'c1', clientId: messages()[0]!.clientId!, status: 'delivered' });
      ack.resolve({ messageId: 'srv-5', at: T0 });
      expect((await sending).status).to.equal('delivered');
    });

    it('a read receipt marks every earlier agent message read, and nothing later', async () => {
      await withConversation();
      await sendAt(T0 + 1000, 'one');
      transport.emit({ type: 'message.received', message: customerMessage({ id: 'cust', at: T0 + 1500 }) });
      await sendAt(T0 + 2000, 'two');
      await sendAt(T0 + 3000, 'three');
      transport.emit({ type: 'receipt', conversationId: 'c1', status: 'read', watermark: T0 + 2000 });
      expect(messages().map((m) => [m.text, m.status])).to.deep.equal([
        ['one', 'read'],
        ['Hello', undefined],
        ['two', 'read'],
        ['three', 'sent'],
      ]);
      transport.emit({ type: 'receipt', conversationId: 'c1', status: 'delivered', watermark: T0 + 3000 });
      expect(messages().map((m) => m.status)).to.deep.equal(['read', undefined, 'read', 'delivered']);
    });

    it('a receipt does not claim a failed message was read', async () => {
      await withConversation();
      transport.failNext('message.send', new TransportError('network', 'down'));
      const failed = await sendAt(T0 + 1000, 'lost');
      await sendAt(T0 + 2000, 'arrived');
      transport.emit({ type: 'receipt', conversationId: 'c1', status: 'read', watermark: T0 + 2000 });
      expect(messages().map((m) => m.status)).to.deep.equal(['failed', 'read']);
      // Retry is still possible.
      expect((await desk.retry('c1', failed.clientId!)).status).to.equal('sent');
    });

    it('an explicit status from the server clears a failure', async () => {
      await withConversation();
      transport.failNext('message.send', new TransportError('timeout', 'slow'));
      const failed = await desk.send('c1', 'maybe');
      transport.emit({ type: 'message.status', conversationId: 'c1', clientId: failed.clientId!, status: 'delivered' });
      expect(messages()[0]!.status).to.equal('delivered');
      expect(messages()[0]!.error).to.equal(undefined);
    });
  });

  describe('typing, reactions and edits', () => {
    it('shows the customer typing, and stops when their message arrives', async () => {
      await withConversation();
      const typing = desk.typing('c1');
      expect(typing.get()).to.equal(false);
      transport.emit({ type: 'typing', conversationId: 'c1', on: true });
      expect(typing.get()).to.equal(true);
      transport.emit({ type: 'typing', conversationId: 'c1', on: false });
      expect(typing.get()).to.equal(false);
      transport.emit({ type: 'typing', conversationId: 'c1', on: true });
      transport.emit({ type: 'message.received', message: customerMessage() });
      expect(typing.get()).to.equal(false);
    });

    it('forwards the agent typing only when the transport supports it', async () => {
      await withConversation();
      await desk.setTyping('c1', true);
      expect(transport.executed('typing.set')).to.deep.equal([{ type: 'typing.set', conversationId: 'c1', on: true }]);
      transport.failNext('typing.set', new TransportError('network', 'down'));
      await desk.setTyping('c1', false);

      const mute = new TestTransport({ capabilities: { typing: false } });
      const quiet = make({ transport: mute });
      await quiet.setTyping('c1', true);
      expect(mute.commands).to.deep.equal([]);
    });

    it('adds, replaces and removes reactions', async () => {
      await withConversation();
      transport.emit({ type: 'message.received', message: customerMessage() });
      const react = (emoji: string, by: 'customer' | 'agent', action: 'react' | 'unreact') =>
        transport.emit({ type: 'message.reaction', conversationId: 'c1', messageId: 'm1', reaction: { emoji, by }, action });
      react('👍', 'customer', 'react');
      react('👍', 'customer', 'react');
      react('❤️', 'agent', 'react');
      expect(messages()[0]!.reactions).to.deep.equal([
        { emoji: '👍', by: 'customer' },
        { emoji: '❤️', by: 'agent' },
      ]);
      react('👍', 'customer', 'unreact');
      expect(messages()[0]!.reactions).to.deep.equal([{ emoji: '❤️', by: 'agent' }]);
      expect(messages()[0]!.text).to.equal('Hello');
    });

    it('shows an edit with its time', async () => {
      await withConversation();
      transport.emit({ type: 'message.received', message: customerMessage() });
      transport.emit({ type: 'message.edited', conversationId: 'c1', messageId: 'm1', text: 'Hello again', at: T0 + 60_000 });
      expect(messages()[0]).to.deep.include({ id: 'm1', text: 'Hello again', editedAt: T0 + 60_000 });
      expect(messages()).to.have.lengthOf(1);
    });

    it('ignores reactions and edits on messages it does not know', async () => {
      await withConversation();
      transport.emit({ type: 'message.received', message: customerMessage() });
      const before = messages();
      transport.emit({ type: 'message.edited', conversationId: 'c1', messageId: 'ghost', text: 'x', at: T0 });
      transport.emit({ type: 'message.reaction', conversationId: 'c1', messageId: 'ghost', reaction: { emoji: '👍', by: 'customer' }, action: 'react' });
      expect(messages()).to.equal(before);
    });
  });

  describe('attachments', () => {
    /** Zeros, behind a JPEG signature when the name says JPEG: the desk checks content against the name. */
    const file = (name: string, bytes = 10, type = ''): File => {
      const content = new Uint8Array(bytes);
      if (name.endsWith('.jpg')) content.set([0xff, 0xd8, 0xff].slice(0, bytes));
      return new File([content], name, { type });
    };

    it('refuses a file that fails the policy without uploading anything', async () => {
      await withConversation();
      for (const bad of [file('setup.exe'), file('invoice.pdf.exe'), file('notes.txt', 0), file('big.pdf', 5 * 1024 * 1024 + 1)]) {
        const error = await rejectionOf(desk.upload('c1', bad));
        expect(error, bad.name).to.be.instanceOf(DeskError);
        expect((error as DeskError).code).to.equal('policy');
        expect((error as DeskError).message).to.contain(bad.name);
      }
      expect(transport.uploads).to.deep.equal([]);
    });

    it('reports what checkFiles would refuse', () => {
      const verdicts = desk.checkFiles([{ name: 'a.jpg', size: 10 }, { name: 'b.exe', size: 10 }]);
      expect(verdicts.map((v) => v.ok)).to.deep.equal([true, false]);
    });

    it('uploads a file that passes, with its checked name', async () => {
      await withConversation();
      const ref = await desk.upload('c1', file('photo.jpg', 100, 'image/jpeg'));
      expect(ref.name).to.equal('photo.jpg');
      expect(transport.uploads).to.have.lengthOf(1);
      expect(transport.uploads[0]!.meta).to.deep.include({ conversationId: 'c1', name: 'photo.jpg', mimeType: 'image/jpeg', size: 100 });
    });

    it('says so when the transport cannot upload', async () => {
      const noFiles = new TestTransport({ capabilities: { upload: false } });
      const d = make({ transport: noFiles });
      await d.connect();
      noFiles.emit({ type: 'conversation.updated', conversation: makeConversation() });
      await expectDeskError(d.upload('c1', file('photo.jpg')), 'unsupported');
      expect(noFiles.uploads).to.deep.equal([]);
    });
  });

  describe('persistence', () => {
    it('keeps drafts per conversation, and an empty draft clears it', async () => {
      expect(await desk.getDraft('c1')).to.equal('');
      await desk.saveDraft('c1', 'Half a thought');
      await desk.saveDraft('c2', 'Another');
      expect(await desk.getDraft('c1')).to.equal('Half a thought');
      expect(await desk.getDraft('c2')).to.equal('Another');
      await desk.saveDraft('c1', '');
      expect(await desk.getDraft('c1')).to.equal('');
      expect(desk.$storageKind.get()).to.equal('memory');
    });

    it('shows a stored transcript once a known conversation arrives', async () => {
      const storage = createMemoryStorage();
      await storage.putMessages([
        customerMessage({ id: 'old-2', text: 'second', at: T0 - 1000 }),
        customerMessage({ id: 'old-1', text: 'first', at: T0 - 2000 }),
        customerMessage({ id: 'elsewhere', conversationId: 'c9', at: T0 - 1500 }),
      ]);
      desk = make({ storage });
      await desk.connect();
      expect(messages()).to.deep.equal([]);
      transport.emit({ type: 'conversation.updated', conversation: makeConversation() });
      await waitUntil(() => messages().length === 2, 'transcript never hydrated');
      expect(messages().map((m) => m.text)).to.deep.equal(['first', 'second']);
      // A replayed copy of a stored message is not shown twice.
      transport.emit({ type: 'message.received', message: customerMessage({ id: 'old-1', text: 'first', at: T0 - 2000 }) });
      expect(messages()).to.have.lengthOf(2);
    });

    it('stores a sent message once, under its server id, with its latest status', async () => {
      const storage = createMemoryStorage();
      desk = make({ storage });
      await withConversation();
      const sent = await desk.send('c1', 'Keep me');
      transport.emit({ type: 'receipt', conversationId: 'c1', status: 'read', watermark: T0 });
      await waitUntil(async () => (await storage.getTranscript('c1'))[0]?.status === 'read', 'never stored as read');
      const stored = await storage.getTranscript('c1');
      expect(stored).to.have.lengthOf(1);
      expect(stored[0]).to.deep.include({ id: sent.id, clientId: sent.clientId, text: 'Keep me' });
    });

    it('does not leak a rejection when the stored transcript cannot be read', async () => {
      const broken: Storage = {
        ...createMemoryStorage(),
        getTranscript: () => Promise.reject(new DOMException('The database connection is closing.', 'InvalidStateError')),
      };
      let reads = 0;
      const read = broken.getTranscript;
      broken.getTranscript = (id) => {
        reads++;
        return read(id);
      };
      const leaked: unknown[] = [];
      const onRejection = (event: PromiseRejectionEvent) => {
        leaked.push(event.reason);
        event.preventDefault();
      };
      // The browser reports unhandled rejections in the order they happened: once this one is
      // reported, any the desk leaked before it has been reported too.
      const marker = new Error('marker');
      window.addEventListener('unhandledrejection', onRejection);
      try {
        desk = make({ storage: broken });
        await desk.connect();
        transport.emit({ type: 'conversation.updated', conversation: makeConversation() });
        await waitUntil(() => reads > 0, 'the stored transcript was never read');
        await desk.settled();
        const unhandled = Promise.reject(marker);
        // The test runner logs what it catches from an unhandled rejection; the marker is expected, so it catches nothing.
        unhandled.catch = () => unhandled;
        await waitUntil(() => leaked.includes(marker), 'the marker rejection was never reported');
      } finally {
        window.removeEventListener('unhandledrejection', onRejection);
      }
      expect(leaked).to.deep.equal([marker]);
      expect(desk.$conversations.get()['c1']).to.not.equal(undefined);
    });
  });

  describe('clock', () => {
    it('ticks $now only while something listens', async function () {
      this.timeout(8000);
      let calls = 0;
      const counted = make({ now: () => ++calls });
      const seen: number[] = [];
      // The timers the clock starts when it gets a listener, and which of them are still running.
      const { setInterval: realSet, clearInterval: realClear } = window;
      const running = new Set<number>();
      window.setInterval = ((...args: Parameters<typeof realSet>) => {
        const id = realSet(...args);
        running.add(id);
        return id;
      }) as typeof realSet;
      window.clearInterval = ((id: number | undefined) => {
        if (id !== undefined) running.delete(id);
        realClear(id);
      }) as typeof realClear;
      try {
        const stop = counted.$now.listen((v) => seen.push(v));
        window.setInterval = realSet;
        expect(running.size, 'the clock started no timer').to.be.greaterThan(0);
        await waitUntil(() => seen.length >= 1, '$now never ticked', { timeout: 3000 });
        stop();
        // nanostores keeps a store mounted for a second after its last listener leaves.
        await waitUntil(() => running.size === 0, 'the clock kept ticking with nobody listening', { timeout: 3000 });
      } finally {
        window.setInterval = realSet;
        window.clearInterval = realClear;
      }
    });

    it('moves the reply window with the clock while it is watched', async () => {
      clock = T0;
      await withConversation({ lastCustomerMessageAt: T0 - 24 * HOUR + 500 });
      const window = desk.replyWindow('c1');
      const seen: boolean[] = [];
      const stop = window.subscribe((w) => seen.push(w.open));
      clock = T0 + 1000;
      await waitUntil(() => seen.includes(false), 'window never closed', { timeout: 3000 });
      stop();
      expect(seen[0]).to.equal(true);
    });
  });

  describe('dispose', () => {
    it('stops listening and refuses to connect again', async () => {
      await desk.connect();
      dispose(desk);
      expect(transport.listenerCount).to.equal(0);
      transport.emit({ type: 'offer.created', offer: makeOffer() });
      expect(desk.$offers.get()).to.deep.equal([]);
      await expectDeskError(desk.connect(), 'disposed');
    });
  });
});
