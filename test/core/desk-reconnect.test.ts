/**
 * Reconnect and reload against a backend that behaves as the README's contract says: it keeps an
 * event log, replays everything after the cursor a connect names, and starts a cursor-less connect
 * with a snapshot (`TestTransport` with `replay: true`). Nothing here knows the desk's internals.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { Desk } from '../../src/core/desk/desk.js';
import { DeskError } from '../../src/core/errors.js';
import type { Offer } from '../../src/core/model.js';
import { createMemoryStorage, type Storage } from '../../src/core/storage.js';
import { dispose, testDesk, TestTransport } from '../harness.js';

function offer(id: string, extra: Partial<Offer> = {}): Offer {
  return {
    id,
    conversationId: `conv-${id}`,
    customer: { id: `cust-${id}`, name: `Customer ${id}` },
    channel: 'facebook',
    queue: 'General',
    requestedAt: Date.now(),
    firstMessage: 'Hello',
    ...extra,
  };
}

describe('Desk against a replaying backend', () => {
  const newBackend = (): TestTransport => new TestTransport({ replay: true, capabilities: { typing: false } });
  const make = (transport: TestTransport, storage: Storage = createMemoryStorage(), offerTimeout = 120): Desk =>
    testDesk({ transport, storage, offerTimeout, random: () => 0 });
  const cursorOf = (transport: TestTransport, i: number): string | undefined => transport.connects[i]?.opts?.cursor;

  it('never brings back an offer that was accepted, rejected, withdrawn or expired, nor marks the agent Inactive for it', async () => {
    const backend = newBackend();
    const desk = make(backend, createMemoryStorage(), 0.2);
    await desk.connect();
    for (const id of ['accepted', 'rejected', 'withdrawn', 'expired']) backend.emit({ type: 'offer.created', offer: offer(id) });
    await waitUntil(() => desk.$offers.get().length === 4);
    await desk.accept('accepted');
    await desk.reject('rejected');
    backend.emit({ type: 'offer.withdrawn', offerId: 'withdrawn', reason: 'taken' });
    await waitUntil(() => desk.$missedOffers.get().some((o) => o.id === 'expired'), 'the offer did not expire');
    expect(desk.$presence.get()).to.equal('inactive');
    await desk.setPresence('available');
    const rejectsBefore = backend.executed('offer.reject').length;

    backend.drop();
    await waitUntil(() => desk.$connection.get() === 'online' && backend.connects.length === 2, 'no reconnect');
    await desk.settled();
    // What the desk asked for: the oldest of the recent cursors it saw, here the first connect's snapshot.
    expect(cursorOf(backend, 1)).to.equal('0');
    expect(desk.$offers.get()).to.deep.equal([]);
    expect(desk.$missedOffers.get()).to.deep.equal([]);
    // Back from Inactive; one accepted conversation uses part of the capacity: Busy (F12).
    expect(desk.$presence.get()).to.equal('busy');
    expect(backend.executed('offer.reject').length).to.equal(rejectsBefore);
  });

  it('replays nothing twice and keeps a new offer that arrives in the replay', async () => {
    const backend = newBackend();
    const desk = make(backend);
    await desk.connect();
    backend.emit({ type: 'offer.created', offer: offer('first') });
    await desk.accept('first');
    backend.drop();
    backend.emit({ type: 'offer.created', offer: offer('second') });
    await waitUntil(() => desk.$connection.get() === 'online' && backend.connects.length === 2);
    await desk.settled();
    expect(desk.$offers.get().map((o) => o.id)).to.deep.equal(['second']);
    expect(Object.keys(desk.$conversations.get())).to.deep.equal(['conv-first']);
  });

  it('takes the snapshot of a cursor-less connect as the truth about pending offers', async () => {
    const backend = newBackend();
    backend.emit({ type: 'offer.created', offer: offer('waiting') });
    const desk = make(backend);
    await desk.connect();
    expect(cursorOf(backend, 0)).to.equal(undefined);
    await waitUntil(() => desk.$offers.get().length === 1);
    expect(desk.$offers.get()[0]!.id).to.equal('waiting');
  });

  it('restores the open conversation, the active one, its draft and its pending files after a reload', async () => {
    const backend = newBackend();
    const storage = createMemoryStorage();
    const first = make(backend, storage);
    await first.connect();
    backend.emit({ type: 'offer.created', offer: offer('o') });
    const conversation = await first.accept('o');
    backend.emit({ type: 'message.received', message: { id: 'm1', conversationId: conversation.id, author: 'customer', kind: 'text', text: 'Where is my parcel?', at: Date.now() } });
    const composer = first.composer(conversation.id);
    composer.setDraft('Half-written answer');
    const ready = new File(['%PDF-1.4 invoice'], 'invoice.pdf', { type: 'application/pdf' });
    const pending = new File(['plain text'], 'notes.txt', { type: 'text/plain' });
    backend.holdUpload('notes.txt');
    await (await composer.addFiles([ready])).uploaded;
    void composer.addFiles([pending]);
    await waitUntil(() => composer.$state.get().files.some((f) => f.file.name === 'notes.txt' && f.state === 'uploading'));
    // Let the draft and the file list reach storage (the held upload is still running).
    await waitUntil(async () => (await storage.getDraft(conversation.id)) === 'Half-written answer');
    await waitUntil(async () => ((await storage.getValue<unknown[]>(`composer-files:${conversation.id}`)) ?? []).length === 2);
    dispose(first);

    backend.holdUpload('notes.txt', false);
    const second = make(backend, storage);
    await second.connect();
    await waitUntil(() => second.$activeConversationId.get() === conversation.id, 'the active conversation did not come back');
    expect(second.$conversations.get()[conversation.id]!.state).to.equal('active');
    await waitUntil(() => second.messages(conversation.id).get().some((m) => m.text === 'Where is my parcel?'));
    const restored = second.composer(conversation.id);
    await waitUntil(() => restored.$state.get().restored);
    expect(restored.draft).to.equal('Half-written answer');
    await restored.settled();
    const files = restored.$state.get().files;
    expect(files.map((f) => [f.file.name, f.state])).to.deep.equal([
      ['invoice.pdf', 'ready'],
      ['notes.txt', 'ready'],
    ]);
    expect(restored.attachments.map((a) => a.name)).to.deep.equal(['invoice.pdf', 'notes.txt']);
  });

  it('refuses to send in a conversation that is not Active, with a typed error, and sends nothing', async () => {
    const backend = newBackend();
    const desk = make(backend);
    await desk.connect();
    backend.emit({ type: 'offer.created', offer: offer('o') });
    const conversation = await desk.accept('o');
    backend.emit({ type: 'conversation.updated', conversation: { ...conversation, state: 'wrap-up' } });
    await waitUntil(() => desk.$conversations.get()[conversation.id]!.state === 'wrap-up');
    let error: unknown;
    await desk.send(conversation.id, 'Too late').catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(DeskError);
    expect((error as DeskError).code).to.equal('not-active');
    expect(backend.executed('message.send')).to.have.length(0);
    expect(desk.canTransition(conversation.id, 'closed')).to.equal(true);
    expect(desk.canTransition(conversation.id, 'active')).to.equal(false);
  });

  it('settled() resolves only once the draft is in storage', async () => {
    const backend = newBackend();
    const storage = createMemoryStorage();
    const desk = make(backend, storage);
    await desk.connect();
    backend.emit({ type: 'offer.created', offer: offer('o') });
    const conversation = await desk.accept('o');
    desk.composer(conversation.id).setDraft('Kept');
    await desk.settled();
    expect(await storage.getDraft(conversation.id)).to.equal('Kept');
  });

  it('a conversation store changes only when its own conversation does', async () => {
    const backend = newBackend();
    const desk = make(backend);
    await desk.connect();
    backend.emit({ type: 'offer.created', offer: offer('a') });
    backend.emit({ type: 'offer.created', offer: offer('b') });
    const a = await desk.accept('a');
    const b = await desk.accept('b');
    let changes = 0;
    const stop = desk.conversation(a.id).listen(() => changes++);
    backend.emit({ type: 'message.received', message: { id: 'mb', conversationId: b.id, author: 'customer', kind: 'text', text: 'Hi', at: Date.now() + 1000 } });
    await desk.settled();
    expect(changes).to.equal(0);
    backend.emit({ type: 'message.received', message: { id: 'ma', conversationId: a.id, author: 'customer', kind: 'text', text: 'Hi', at: Date.now() + 2000 } });
    await desk.settled();
    expect(changes).to.equal(1);
    stop();
  });

  it('a replay never rewinds a conversation to an older state', async () => {
    const backend = newBackend();
    const desk = make(backend);
    await desk.connect();
    backend.emit({ type: 'offer.created', offer: offer('o') });
    const conversation = await desk.accept('o');
    backend.emit({ type: 'conversation.updated', conversation: { ...conversation, state: 'active' } });
    backend.emit({ type: 'conversation.updated', conversation: { ...conversation, state: 'wrap-up' } });
    expect(desk.$conversations.get()[conversation.id]!.state).to.equal('wrap-up');
    const seen: string[] = [];
    const stop = desk.conversation(conversation.id).listen((c) => seen.push(c!.state));
    backend.drop();
    await waitUntil(() => desk.$connection.get() === 'online' && backend.connects.length === 2, 'no reconnect');
    await desk.settled();
    stop();
    expect(seen).to.not.include('active');
    expect(desk.$conversations.get()[conversation.id]!.state).to.equal('wrap-up');
    expect(desk.timeline(conversation.id).get().filter((e) => e.kind === 'state').map((e) => (e as { state: string }).state)).to.deep.equal(['active', 'wrap-up']);
  });

  it('exposes read-only stores only', () => {
    // Compile-time check: `npm run typecheck` fails if a public store becomes writable.
    const check = (desk: Desk): void => {
      // @ts-expect-error read-only
      desk.$offers.set([]);
      // @ts-expect-error read-only
      desk.$conversations.set({});
      // @ts-expect-error read-only
      desk.$connection.set('online');
      // @ts-expect-error read-only
      desk.$activeConversationId.set(undefined);
      // @ts-expect-error read-only
      desk.$presence.set('available');
    };
    expect(check).to.be.a('function');
  });
});
