/**
 * The desk's boundary: whatever a backend sends, the desk keeps working. Malformed events are
 * coerced where that is safe, otherwise dropped with one warning and never stored; the adapter
 * never sees an exception; odd ids are just ids.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { Desk } from '../../src/core/desk/desk.js';
import type { AgentRef, Conversation, Message, Offer } from '../../src/core/model.js';
import { createMemoryStorage, type Storage } from '../../src/core/storage.js';
import { TransportError, type ConnectOptions } from '../../src/core/transport.js';
import { testDesk, TestTransport } from '../harness.js';

const NOW = Date.now();

function conversation(overrides: Partial<Conversation> = {}): Conversation {
  return {
    id: 'c1',
    customer: { id: 'u1', name: 'Anna Nowak' },
    channel: 'facebook',
    queue: 'Sales',
    state: 'active',
    requestedAt: NOW - 60_000,
    lastCustomerMessageAt: NOW - 60_000,
    ...overrides,
  };
}

function offer(overrides: Partial<Offer> = {}): Offer {
  return {
    id: 'o1',
    conversationId: 'c1',
    customer: { id: 'u1', name: 'Anna Nowak' },
    channel: 'facebook',
    queue: 'Sales',
    requestedAt: NOW - 30_000,
    firstMessage: 'Hi',
    ...overrides,
  };
}

const message = (id: string, extra: Record<string, unknown> = {}): Message =>
  ({ id, conversationId: 'c1', author: 'customer', kind: 'text', text: `text of ${id}`, at: NOW, ...extra }) as Message;

/** Collects console.warn calls while `run` goes on. */
async function warnings(run: () => Promise<void> | void): Promise<string[]> {
  const seen: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => void seen.push(args.map(String).join(' '));
  try {
    await run();
  } finally {
    console.warn = original;
  }
  return seen;
}

describe('Desk boundary', () => {
  let transport: TestTransport;
  let storage: Storage;
  let desk: Desk;

  beforeEach(async () => {
    transport = new TestTransport();
    storage = createMemoryStorage();
    desk = testDesk({ transport, storage });
    await desk.connect();
    transport.emit({ type: 'conversation.updated', conversation: conversation() });
  });

  const texts = (): string[] => desk.messages('c1').get().map((m) => m.text ?? '');

  it('drops each malformed message with one warning naming the event and id, never stores it, and keeps valid ones flowing', async () => {
    const bad: [string, Record<string, unknown>][] = [
      ['at-nan', { at: NaN }],
      ['at-words', { at: 'yesterday' }],
      ['at-huge', { at: 1e16 }],
      ['at-missing', { at: undefined }],
      ['text-object', { text: { evil: true } }],
      ['attachments-string', { attachments: 'x' }],
      ['attachments-null', { attachments: [null] }],
      ['author-constructor', { author: 'constructor' }],
    ];
    const seen = await warnings(async () => {
      transport.emit({ type: 'message.received', message: message('before') });
      for (const [id, extra] of bad) transport.emit({ type: 'message.received', message: message(id, extra) });
      transport.emit({ type: 'message.received', message: message('after') });
      await desk.settled();
    });
    expect(texts()).to.deep.equal(['text of before', 'text of after']);
    expect(seen).to.have.length(bad.length);
    for (const [id] of bad) expect(seen.some((w) => w.includes('message.received') && w.includes(id)), id).to.equal(true);
    const stored = await storage.getTranscript('c1');
    expect(stored.map((m) => m.id).sort()).to.deep.equal(['after', 'before']);
  });

  it('coerces what is safely coercible: an ISO date, a numeric text or id, junk reactions left out', async () => {
    const iso = new Date(NOW + 5000).toISOString();
    transport.emit({ type: 'message.received', message: message('iso', { at: iso }) });
    transport.emit({ type: 'message.received', message: message('num', { text: 42, at: NOW + 6000 }) });
    transport.emit({ type: 'message.received', message: message('react', { reactions: 'lol', at: NOW + 7000 }) });
    transport.emit({ type: 'message.received', message: { ...message('x', { at: NOW + 8000 }), id: 7 as unknown as string } });
    await desk.settled();
    const list = desk.messages('c1').get();
    expect(list.find((m) => m.id === 'iso')!.at).to.equal(Date.parse(iso));
    expect(list.find((m) => m.id === 'num')!.text).to.equal('42');
    expect(list.find((m) => m.id === 'react')!).to.not.have.property('reactions');
    expect(list.some((m) => m.id === '7')).to.equal(true);
  });

  it('drops a conversation without a customer and an edit whose text is not text', async () => {
    transport.emit({ type: 'message.received', message: message('m1') });
    const seen = await warnings(async () => {
      transport.emit({ type: 'conversation.updated', conversation: { ...conversation({ id: 'c2' }), customer: null as never } });
      transport.emit({ type: 'message.edited', conversationId: 'c1', messageId: 'm1', text: 123 as never, at: NOW });
      await desk.settled();
    });
    expect(desk.$conversations.get()['c2']).to.equal(undefined);
    expect(texts()).to.deep.equal(['text of m1']);
    expect(seen).to.have.length(2);
  });

  it('does not load a malformed message an older version stored', async () => {
    await storage.putMessages([message('stored-ok', { conversationId: 'c9' }), message('stored-bad', { conversationId: 'c9', at: 'soon' })]);
    transport.emit({ type: 'conversation.updated', conversation: conversation({ id: 'c9' }) });
    await desk.settled();
    expect(desk.messages('c9').get().map((m) => m.id)).to.deep.equal(['stored-ok']);
  });

  it('never throws into the adapter: a null event, an event without its payload, an unknown type', async () => {
    const seen = await warnings(() => {
      expect(() => transport.emitRaw(null)).to.not.throw();
      expect(() => transport.emitRaw({ type: 'message.received', cursor: '5' })).to.not.throw();
      expect(() => transport.emitRaw({ type: 'offer.created', cursor: '6', offer: 'x' })).to.not.throw();
      expect(() => transport.emitRaw({ type: 'something.new', cursor: '7' })).to.not.throw();
    });
    expect(seen).to.have.length(4);
    transport.emit({ type: 'message.received', message: message('still') });
    expect(texts()).to.deep.equal(['text of still']);
  });

  it('keeps an offer whose optional dates are unusable; it still expires after offerTimeout', async () => {
    const timed = testDesk({ transport, storage, offerTimeout: 0.1 });
    await timed.connect();
    await warnings(() => {
      transport.emit({
        type: 'offer.created',
        offer: { ...offer(), expiresAt: 'later' as never, otherConversations: [{ id: 'c0', channel: 'facebook', queue: 'Sales', state: 'active' } as never] },
      });
    });
    const held = timed.$offers.get()[0]!;
    expect(held.otherConversations).to.have.length(1);
    expect(held.otherConversations![0]!.startedAt).to.equal(undefined);
    await waitUntil(() => timed.$missedOffers.get().length === 1, 'the offer never expired', { timeout: 3000 });
  });

  it('only a receipt for acknowledged messages marks them; one without a watermark changes nothing', async () => {
    transport.emit({ type: 'message.received', message: message('m0', { at: NOW - 1000 }) });
    transport.hold('message.send');
    void desk.send('c1', 'still in the outbox');
    await waitUntil(() => transport.inFlight === 1);
    const seen = await warnings(() => {
      transport.emit({ type: 'receipt', conversationId: 'c1', status: 'read' } as never);
    });
    expect(seen).to.have.length(1);
    transport.emit({ type: 'receipt', conversationId: 'c1', status: 'read', watermark: Date.now() + 60_000 });
    const mine = desk.messages('c1').get().find((m) => m.author === 'agent')!;
    expect(mine.status).to.equal('sending');
    transport.release('message.send');
    await desk.settled();
    expect(desk.messages('c1').get().find((m) => m.author === 'agent')!.status).to.equal('sent');
  });

  it('an edit never rewrites what the agent sent', async () => {
    const sent = await desk.send('c1', 'Agent words');
    transport.emit({ type: 'message.edited', conversationId: 'c1', messageId: sent.id, text: 'Forged', at: NOW });
    expect(desk.messages('c1').get().find((m) => m.author === 'agent')!.text).to.equal('Agent words');
  });

  it('treats odd ids as ids: __proto__, constructor and hasOwnProperty neither crash nor pollute', async () => {
    for (const id of ['__proto__', 'constructor', 'hasOwnProperty']) {
      expect(() => desk.setActive(id), id).to.throw(/No conversation/);
    }
    transport.emit({ type: 'conversation.updated', conversation: conversation({ id: '__proto__' }) });
    transport.emit({ type: 'conversation.updated', conversation: conversation({ id: 'constructor' }) });
    expect(desk.$conversations.get()['__proto__']!.id).to.equal('__proto__');
    expect(desk.$conversations.get()['constructor']!.id).to.equal('constructor');
    desk.setActive('constructor');
    expect(desk.$activeConversation.get()!.id).to.equal('constructor');
    expect(({} as Record<string, unknown>)['state']).to.equal(undefined);
    const seen = await warnings(() => {
      transport.emit({ type: 'conversation.updated', conversation: { ...conversation(), id: { toString: () => 'x' } as never } });
    });
    expect(seen).to.have.length(1);
  });

  it('keeps an offer and says so when the backend accepts without a conversation', async () => {
    transport.emit({ type: 'offer.created', offer: offer() });
    transport.once('offer.accept', () => ({}) as never);
    let error: unknown;
    await desk.accept('o1').catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(TransportError);
    expect((error as TransportError).code).to.equal('invalid');
    expect(desk.$offers.get().map((o) => o.id)).to.deep.equal(['o1']);
  });

  it('a synchronous throw from execute during offer expiry is contained; the next offer still expires', async () => {
    const timed = testDesk({ transport, storage, offerTimeout: 0.05 });
    await timed.connect();
    const original = transport.execute.bind(transport);
    let throws = 1;
    transport.execute = ((command: never, opts?: never) => {
      if (throws-- > 0) throw new Error('synchronous failure');
      return original(command, opts);
    }) as typeof transport.execute;
    transport.emit({ type: 'offer.created', offer: offer({ id: 'first' }) });
    await waitUntil(() => timed.$missedOffers.get().length === 1, 'the first offer never expired');
    // Inactive after a missed offer takes no offers (F12): the agent comes back first.
    await timed.setPresence('available');
    transport.emit({ type: 'offer.created', offer: offer({ id: 'second' }) });
    await waitUntil(() => timed.$missedOffers.get().some((o) => o.id === 'second'), 'the second offer never expired');
  });

  it('an offerTimeout beyond what a timer can wait neither expires the offer nor spins on timers', async () => {
    const patient = testDesk({ transport, storage, offerTimeout: 30 * 24 * 60 * 60 });
    await patient.connect();
    // A delay past 2^31 - 1 ms fires at once; the desk would then re-arm it again and again.
    const delays: number[] = [];
    const original = globalThis.setTimeout;
    globalThis.setTimeout = ((handler: TimerHandler, delay?: number, ...args: unknown[]) => {
      delays.push(delay ?? 0);
      return original(handler, delay, ...args);
    }) as typeof setTimeout;
    try {
      transport.emit({ type: 'offer.created', offer: offer({ id: 'slow' }) });
      for (let i = 0; i < 3; i++) await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    } finally {
      globalThis.setTimeout = original;
    }
    expect(delays.filter((d) => d > 2 ** 31 - 1)).to.deep.equal([]);
    expect(delays.filter((d) => d > 24 * 60 * 60 * 1000).length).to.equal(1);
    expect(patient.$offers.get().map((o) => o.id)).to.deep.equal(['slow']);
    expect(patient.$missedOffers.get()).to.deep.equal([]);
  });
});

describe('Desk boundary: review cases', () => {
  let transport: TestTransport;
  let desk: Desk;

  beforeEach(async () => {
    transport = new TestTransport();
    desk = testDesk({ transport });
    await desk.connect();
    transport.emit({ type: 'conversation.updated', conversation: conversation() });
  });

  it('takes null as "no value" in optional fields instead of dropping the event', async () => {
    transport.emit({ type: 'message.received', message: message('nulls', { attachments: null, reactions: null, editedAt: null, clientId: 5 }) });
    transport.emit({ type: 'message.received', message: message('no-text', { text: null, kind: 'sticker', attachments: [{ id: 'a', kind: 'sticker', name: 's', url: 'https://x.test/s.png', mimeType: null }] }) });
    const list = desk.messages('c1').get();
    expect(list.map((m) => m.id)).to.deep.equal(['nulls', 'no-text']);
    expect(list[0]!.clientId).to.equal('5');
    expect(list[1]!.attachments![0]!.url).to.equal('https://x.test/s.png');
  });

  it('accepts a snapshot that leaves a list out', async () => {
    const fresh = new TestTransport();
    const other = testDesk({ transport: fresh });
    await other.connect();
    fresh.emitRaw({ type: 'snapshot', cursor: '9', offers: [offer({ id: 'waiting' })], conversations: [conversation({ id: 'c7' })] });
    expect(other.$offers.get().map((o) => o.id)).to.deep.equal(['waiting']);
    expect(other.$conversations.get()['c7']!.id).to.equal('c7');
  });

  it('never sends offer.reject for an offer whose accept is on its way when its timer runs out', async () => {
    const timed = testDesk({ transport, offerTimeout: 0.05 });
    await timed.connect();
    transport.emit({ type: 'offer.created', offer: offer({ id: 'slow-accept', conversationId: 'c1' }) });
    const expiresAt = timed.$offers.get()[0]!.expiresAt!;
    transport.hold('offer.accept');
    const accepted = timed.accept('slow-accept');
    await waitUntil(() => Date.now() > expiresAt + 100, 'the clock did not pass the expiry');
    transport.release('offer.accept');
    await accepted;
    await timed.settled();
    expect(transport.executed('offer.reject')).to.deep.equal([]);
    expect(timed.$missedOffers.get()).to.deep.equal([]);
    expect(timed.$presence.get()).to.not.equal('inactive');
  });

  it('a send still waiting for its answer settles when the desk is disposed', async () => {
    transport.hold('message.send');
    const sent = desk.send('c1', 'Waiting for an answer');
    await waitUntil(() => transport.inFlight === 1);
    desk.dispose();
    const message = await sent;
    expect(message.text).to.equal('Waiting for an answer');
    expect(message.status).to.equal('sending');
  });

  it('disposing while connecting leaves no listener and no connection behind', async () => {
    const fresh = new TestTransport();
    const other = testDesk({ transport: fresh });
    const connecting = other.connect();
    other.dispose();
    await connecting.catch(() => undefined);
    expect(fresh.listenerCount).to.equal(0);
    expect(other.$connection.get()).to.not.equal('online');
  });
});

describe('Desk connection faults', () => {
  it('recovers when the transport reports a drop synchronously inside connect()', async () => {
    class DropsWhileConnecting extends TestTransport {
      first = true;
      override connect(agent: AgentRef, opts?: ConnectOptions) {
        if (this.first) {
          this.first = false;
          this.drop();
        }
        return super.connect(agent, opts);
      }
    }
    const transport = new DropsWhileConnecting();
    const desk = testDesk({ transport, random: () => 0 });
    await desk.connect().catch(() => undefined);
    await waitUntil(() => desk.$connection.get() === 'online', 'stuck reconnecting', { timeout: 3000 });
    expect(transport.connects.length).to.equal(2);
  });

  it('times out a connect() that never settles, and tries again', async () => {
    class NeverAnswersFirst extends TestTransport {
      first = true;
      override connect(agent: AgentRef, opts?: ConnectOptions) {
        if (this.first) {
          this.first = false;
          this.connects.push({ agent, opts });
          return new Promise<void>(() => undefined);
        }
        return super.connect(agent, opts);
      }
    }
    const transport = new NeverAnswersFirst();
    const desk = testDesk({ transport, random: () => 0, connectTimeout: 0.05 });
    const error = await desk.connect().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((error as TransportError).code).to.equal('timeout');
    await waitUntil(() => desk.$connection.get() === 'online', 'never tried again', { timeout: 3000 });
    expect(transport.connects.length).to.equal(2);
  });
});
