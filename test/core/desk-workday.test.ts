/** The agent's workday in the core: sessions, presence and capacity, wrap-up, privacy notice, work items. */
import { expect, waitUntil } from '@open-wc/testing';
import type { Desk, DeskOptions } from '../../src/core/desk/desk.js';
import { DeskError } from '../../src/core/errors.js';
import type { Conversation, Offer } from '../../src/core/model.js';
import { createMemoryStorage, type Storage } from '../../src/core/storage.js';
import { dispose, testDesk, TestTransport } from '../harness.js';

let n = 0;
function offer(extra: Partial<Offer> = {}): Offer {
  n++;
  return {
    id: `o${n}`,
    conversationId: `c${n}`,
    customer: { id: `u${n}`, name: `Customer ${n}` },
    channel: 'facebook',
    queue: 'Sales',
    requestedAt: Date.now() - 1000,
    firstMessage: 'Hello',
    ...extra,
  };
}

async function setup(options: Partial<DeskOptions> = {}, storage: Storage = createMemoryStorage()) {
  const transport = new TestTransport({ replay: true });
  const desk = testDesk({ transport, storage, ...options });
  await desk.connect();
  const take = async (extra: Partial<Offer> = {}): Promise<Conversation> => {
    const o = offer(extra);
    transport.emit({ type: 'offer.created', offer: o });
    const conversation = await desk.accept(o.id);
    return conversation;
  };
  return { transport, desk, storage, take };
}

const ids = (desk: Desk): string[] => desk.sessions.$sessions.get().map((s) => s.conversationId);

describe('Desk: sessions (F13)', () => {
  it('opens every accepted conversation as a session in front, keeps each draft, and counts unread', async () => {
    const { desk, transport, take } = await setup();
    const a = await take();
    desk.composer(a.id).setDraft('Half-written for A');
    const b = await take();
    expect(ids(desk)).to.deep.equal([a.id, b.id]);
    expect(desk.$activeConversationId.get()).to.equal(b.id);
    transport.emit({ type: 'message.received', message: { id: 'm-a', conversationId: a.id, author: 'customer', kind: 'text', text: 'Hi?', at: Date.now() + 1000 } });
    expect(desk.sessions.$sessions.get()[0]!.unread).to.equal(1);
    desk.sessions.focus(a.id);
    expect(desk.$activeConversationId.get()).to.equal(a.id);
    expect(desk.sessions.$sessions.get()[0]!.unread).to.equal(0);
    expect(desk.composer(a.id).draft).to.equal('Half-written for A');
  });

  it('closing a tab parks an Active conversation in Waiting; opening it again resumes it', async () => {
    const { desk, transport, take } = await setup();
    const a = await take();
    const b = await take();
    await desk.sessions.close(b.id);
    expect(ids(desk)).to.deep.equal([a.id]);
    expect(desk.$conversations.get()[b.id]!.state).to.equal('waiting');
    expect(desk.$activeConversationId.get()).to.equal(a.id);
    expect(desk.workItems.$mine.get().map((c) => c.id)).to.have.members([a.id, b.id]);
    await desk.sessions.open(b.id);
    expect(desk.$conversations.get()[b.id]!.state).to.equal('active');
    expect(transport.executed('conversation.transition').map((c) => c.to)).to.deep.equal(['waiting', 'active']);
  });

  it('refuses an offer past the session cap, and the offer stays', async () => {
    const { desk, transport, take } = await setup({ maxSessions: 2, capacity: { total: 5 } });
    await take();
    await take();
    const third = offer();
    transport.emit({ type: 'offer.created', offer: third });
    let error: unknown;
    await desk.accept(third.id).catch((e: unknown) => (error = e));
    expect((error as DeskError).code).to.equal('session-limit');
    expect(desk.$offers.get().map((o) => o.id)).to.deep.equal([third.id]);
    expect(desk.sessions.full).to.equal(true);
    expect(desk.sessions.$full.get()).to.equal(true);
    await desk.sessions.close(desk.sessions.$sessions.get()[0]!.conversationId);
    expect(desk.sessions.$full.get()).to.equal(false);
  });

  it('does not offer uploads when the transport claims them but has no upload()', async () => {
    const transport = new TestTransport();
    Object.defineProperty(transport, 'upload', { value: undefined });
    const desk = testDesk({ transport });
    expect(transport.capabilities.upload).to.equal(true);
    expect(desk.capabilities.upload).to.equal(false);
  });

  it('keeps app tabs; the customer form is the anchor and cannot close', async () => {
    const { desk, take } = await setup();
    const a = await take();
    desk.sessions.openApp(a.id, { id: 'case-1', kind: 'record', record: { kind: 'case', id: 'case-1', title: 'Late parcel' } });
    expect(desk.sessions.$sessions.get()[0]!.activeApp).to.equal('case-1');
    expect(() => desk.sessions.closeApp(a.id, 'customer')).to.throw(DeskError);
    desk.sessions.closeApp(a.id, 'case-1');
    expect(desk.sessions.$sessions.get()[0]!.apps.map((x) => x.id)).to.deep.equal(['customer']);
  });

  it('brings the sessions back in order after a reload', async () => {
    const storage = createMemoryStorage();
    const first = await setup({}, storage);
    const a = await first.take();
    const b = await first.take();
    first.desk.sessions.focus(a.id);
    await first.desk.settled();
    dispose(first.desk);
    await first.transport.disconnect();
    const desk = testDesk({ transport: first.transport, storage });
    await desk.connect();
    await waitUntil(() => ids(desk).length === 2, 'the sessions did not come back');
    expect(ids(desk)).to.deep.equal([a.id, b.id]);
    expect(desk.$activeConversationId.get()).to.equal(a.id);
  });
});

describe('Desk: presence and capacity (F12)', () => {
  it('follows capacity: partly used → Busy, full → Busy – DND (offers refused), free → Available', async () => {
    const { desk, transport, take } = await setup({ capacity: { total: 2 } });
    expect(desk.$presence.get()).to.equal('available');
    const a = await take();
    expect(desk.$presence.get()).to.equal('busy');
    await take();
    expect(desk.$presence.get()).to.equal('busy-dnd');
    expect(desk.presence.$capacity.get()).to.deep.equal({ used: 2, total: 2 });
    const refused = offer();
    transport.emit({ type: 'offer.created', offer: refused });
    expect(desk.$offers.get()).to.deep.equal([]);
    await waitUntil(() => transport.executed('offer.reject').some((c) => c.offerId === refused.id), 'the backend was not told');
    // Waiting uses no capacity.
    await desk.sessions.close(a.id);
    expect(desk.$presence.get()).to.equal('busy');
    expect(transport.executed('presence.set').map((c) => c.presence)).to.deep.equal(['busy', 'busy-dnd', 'busy']);
  });

  it('a status chosen by hand stays until the agent chooses Available; custom statuses map to a base one', async () => {
    const { desk, take } = await setup({ presences: [{ id: 'lunch', label: { en: 'Lunch', pl: 'Przerwa' }, base: 'away' }] });
    await desk.setPresence('lunch');
    expect(desk.$presence.get()).to.equal('away');
    expect(desk.presence.$status.get()).to.equal('lunch');
    expect(desk.presence.takesOffers).to.equal(false);
    await desk.setPresence('available');
    await take();
    expect(desk.$presence.get()).to.equal('busy');
    await desk.setPresence('busy-dnd');
    expect(desk.presence.$manual.get()).to.equal(true);
    let error: unknown;
    await desk.setPresence('nonsense').catch((e: unknown) => (error = e));
    expect((error as DeskError).code).to.equal('invalid');
  });
});

describe('Desk: wrap-up (F19)', () => {
  const dispositions = [
    { id: 'resolved', label: { en: 'Resolved', pl: 'Rozwiązane' }, group: 'Orders' },
    { id: 'callback', label: 'Call back' },
  ];

  it('refuses Close without a required code, then sends the code and the note with the move', async () => {
    const { desk, transport, take } = await setup({ wrapUp: { dispositions } });
    const a = await take();
    await desk.end(a.id);
    expect(desk.wrapUp.closeBlock(desk.$conversations.get()[a.id]!)).to.equal('disposition-required');
    let error: unknown;
    await desk.transition(a.id, 'closed').catch((e: unknown) => (error = e));
    expect((error as DeskError).code).to.equal('disposition-required');
    desk.wrapUp.setDisposition(a.id, 'resolved');
    desk.wrapUp.setNote(a.id, '  Refund issued.  ');
    await desk.transition(a.id, 'closed');
    expect(transport.executed('conversation.transition').at(-1)).to.deep.equal({
      type: 'conversation.transition',
      conversationId: a.id,
      to: 'closed',
      wrapUp: { disposition: 'resolved', note: 'Refund issued.' },
    });
    expect(() => desk.wrapUp.setDisposition(a.id, 'made-up')).to.throw(DeskError);
  });

  it('runs the wrap-up timer: at zero it closes (when it can) and says so', async () => {
    const { desk, take } = await setup({ wrapUp: { dispositions, required: false, seconds: 0.05, atZero: 'close' } });
    const a = await take();
    const overdue: string[] = [];
    desk.on('wrap-up-overdue', (e) => overdue.push(e.conversationId));
    await desk.end(a.id);
    expect(desk.wrapUp.state(a.id).get().deadline).to.be.a('number');
    await waitUntil(() => desk.$conversations.get()[a.id]!.state === 'closed', 'the timer did not close it', { timeout: 2000 });
    expect(overdue).to.deep.equal([a.id]);
  });
});

describe('Desk: privacy notice (F17) and work items (F21)', () => {
  it('sends the notice once, in the customer’s language, even after a reload', async () => {
    const storage = createMemoryStorage();
    const privacyNotice = { en: 'This conversation may be recorded.', pl: 'Ta rozmowa może być nagrywana.' };
    const first = await setup({ privacyNotice }, storage);
    const a = await first.take({ customer: { id: 'pl-1', name: 'Jan', locale: 'pl-PL' } });
    await waitUntil(() => first.transport.executed('message.send').length === 1, 'no notice');
    const sent = first.transport.executed('message.send')[0]!;
    expect(sent).to.include({ conversationId: a.id, clientId: `privacy-${a.id}`, text: 'Ta rozmowa może być nagrywana.', automated: true });
    expect(first.desk.privacy.configured).to.equal(true);
    await first.desk.settled();
    dispose(first.desk);
    await first.transport.disconnect();
    const again = testDesk({ transport: first.transport, storage, privacyNotice });
    await again.connect();
    await waitUntil(() => again.$conversations.get()[a.id]);
    await again.settled();
    expect(first.transport.executed('message.send')).to.have.length(1);
  });

  it('lists my work items and picks from the open queue', async () => {
    const { desk, transport, take } = await setup();
    await take();
    expect(desk.workItems.canPick).to.equal(false);
    const queued: Conversation = { id: 'q1', customer: { id: 'uq', name: 'Queued' }, channel: 'facebook', queue: 'Sales', state: 'active', requestedAt: Date.now() - 60_000, lastCustomerMessageAt: Date.now() };
    const withQueue = new TestTransport({ capabilities: { queue: true } });
    withQueue.on('queue.list', () => ({ items: [{ conversationId: 'q1', customer: queued.customer, channel: 'facebook', queue: 'Sales', requestedAt: queued.requestedAt }] }));
    withQueue.on('queue.pick', () => ({ conversation: queued }));
    const other = testDesk({ transport: withQueue });
    await other.connect();
    await other.workItems.load();
    expect(other.workItems.$open.get()).to.deep.include({ status: 'done' });
    await other.workItems.pick('q1');
    expect(other.sessions.$sessions.get().map((s) => s.conversationId)).to.deep.equal(['q1']);
    expect(other.workItems.$open.get().items).to.deep.equal([]);
    expect(transport.executed('queue.list')).to.deep.equal([]);
  });
});
