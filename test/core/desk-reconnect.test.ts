/**
 * Reconnect and reload against a backend written to the README's contract: it keeps an event log,
 * replays everything after the cursor a connect names, and starts a cursor-less connect with a
 * snapshot. Nothing here knows the desk's internals.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { createDesk, type Desk } from '../../src/core/desk/desk.js';
import { DeskError } from '../../src/core/errors.js';
import type { AgentRef, AttachmentRef, Conversation, Message, Offer } from '../../src/core/model.js';
import { createMemoryStorage, type Storage } from '../../src/core/storage.js';
import {
  TransportError,
  type Capabilities,
  type Command,
  type ConnectOptions,
  type ResultOf,
  type Transport,
  type TransportEvent,
  type UploadMeta,
} from '../../src/core/transport.js';

type Stored = TransportEvent extends infer E ? (E extends TransportEvent ? Omit<E, 'cursor'> : never) : never;

class ReplayingBackend implements Transport {
  readonly capabilities: Capabilities = { reject: true, upload: true, typing: false };
  readonly log: TransportEvent[] = [];
  readonly commands: Command[] = [];
  readonly connects: (string | undefined)[] = [];
  readonly offers = new Map<string, Offer>();
  readonly conversations = new Map<string, Conversation>();
  readonly messages: Message[] = [];
  /** Upload names whose upload waits until released. */
  readonly holdUploads = new Set<string>();
  uploads = 0;
  #listeners = new Set<(event: TransportEvent) => void>();
  #connected = false;

  async connect(_agent: AgentRef, opts: ConnectOptions = {}): Promise<void> {
    this.connects.push(opts.cursor);
    this.#connected = true;
    if (opts.cursor === undefined) {
      const open = [...this.conversations.values()].filter((c) => c.state !== 'closed');
      this.#deliver({
        type: 'snapshot',
        cursor: this.#cursor(),
        offers: [...this.offers.values()],
        conversations: open,
        messages: this.messages.filter((m) => open.some((c) => c.id === m.conversationId)),
      });
      return;
    }
    const after = Number(opts.cursor);
    for (const event of this.log) if (Number(event.cursor) > after) this.#deliver(event);
  }

  async disconnect(): Promise<void> {
    this.#connected = false;
  }

  subscribe(listener: (event: TransportEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async execute<C extends Command>(command: C): Promise<ResultOf<C>> {
    this.commands.push(structuredClone(command));
    switch (command.type) {
      case 'offer.accept': {
        const offer = this.offers.get(command.offerId);
        if (!offer) throw new TransportError('conflict', 'Offer is gone.');
        this.offers.delete(offer.id);
        const conversation: Conversation = {
          id: offer.conversationId,
          customer: offer.customer,
          channel: 'facebook',
          queue: offer.queue,
          state: 'active',
          requestedAt: offer.requestedAt,
          acceptedAt: Date.now(),
          lastCustomerMessageAt: Date.now(),
        };
        this.conversations.set(conversation.id, conversation);
        this.publish({ type: 'conversation.updated', conversation });
        return { conversation } as ResultOf<C>;
      }
      case 'offer.reject':
        this.offers.delete(command.offerId);
        return { ok: true } as ResultOf<C>;
      case 'presence.set':
        return { presence: command.presence } as ResultOf<C>;
      case 'message.send':
        return { messageId: `s-${command.clientId}`, at: Date.now() } as ResultOf<C>;
      default:
        throw new TransportError('invalid', `Not supported here: ${command.type}`);
    }
  }

  async upload(file: Blob, meta: UploadMeta, opts: { signal?: AbortSignal } = {}): Promise<AttachmentRef> {
    this.uploads++;
    if (this.holdUploads.has(meta.name)) {
      await new Promise((_resolve, reject) => {
        opts.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    }
    return { id: `a-${this.uploads}`, kind: 'file', name: meta.name, size: file.size, url: `https://files.example/${this.uploads}` };
  }

  /** Appends to the log and delivers while connected. */
  publish(event: Stored): TransportEvent {
    const full = { ...event, cursor: this.#cursor() } as TransportEvent;
    this.log.push(full);
    if (event.type === 'offer.created') this.offers.set(event.offer.id, event.offer);
    if (event.type === 'offer.withdrawn') this.offers.delete(event.offerId);
    if (this.#connected) this.#deliver(full);
    return full;
  }

  /** The connection drops (the adapter says so, as the README requires). */
  drop(): void {
    this.#connected = false;
    for (const listener of this.#listeners) listener({ type: 'transport.disconnected', cursor: '', reason: 'test' });
  }

  #cursor(): string {
    return String(this.log.length + 1);
  }

  #deliver(event: TransportEvent): void {
    for (const listener of this.#listeners) listener(event);
  }
}

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
  let desks: Desk[] = [];
  const make = (backend: ReplayingBackend, storage: Storage = createMemoryStorage(), offerTimeout = 120): Desk => {
    const desk = createDesk({ transport: backend, storage, offerTimeout, random: () => 0 });
    desks.push(desk);
    return desk;
  };
  afterEach(() => {
    for (const desk of desks) desk.dispose();
    desks = [];
  });

  it('never brings back an offer that was accepted, rejected, withdrawn or expired, nor marks the agent Inactive for it', async () => {
    const backend = new ReplayingBackend();
    const desk = make(backend, createMemoryStorage(), 0.2);
    await desk.connect();
    for (const id of ['accepted', 'rejected', 'withdrawn', 'expired']) backend.publish({ type: 'offer.created', offer: offer(id) });
    await waitUntil(() => desk.$offers.get().length === 4);
    await desk.accept('accepted');
    await desk.reject('rejected');
    backend.publish({ type: 'offer.withdrawn', offerId: 'withdrawn', reason: 'taken' });
    await waitUntil(() => desk.$missedOffers.get().some((o) => o.id === 'expired'), 'the offer did not expire');
    expect(desk.$presence.get()).to.equal('inactive');
    await desk.setPresence('available');
    // The backend never learnt of the expiry's reject in time: a replay still holds the offer.
    backend.offers.set('expired', offer('expired'));
    const rejectsBefore = backend.commands.filter((c) => c.type === 'offer.reject').length;

    backend.drop();
    await waitUntil(() => desk.$connection.get() === 'online' && backend.connects.length === 2, 'no reconnect');
    await desk.settled();
    // What the desk asked for: the oldest of the recent cursors it saw, here the very first event.
    expect(backend.connects[1]).to.equal('1');
    expect(desk.$offers.get()).to.deep.equal([]);
    expect(desk.$missedOffers.get()).to.deep.equal([]);
    expect(desk.$presence.get()).to.equal('available');
    expect(backend.commands.filter((c) => c.type === 'offer.reject').length).to.equal(rejectsBefore);
  });

  it('replays nothing twice and keeps a new offer that arrives in the replay', async () => {
    const backend = new ReplayingBackend();
    const desk = make(backend);
    await desk.connect();
    backend.publish({ type: 'offer.created', offer: offer('first') });
    await desk.accept('first');
    backend.drop();
    backend.publish({ type: 'offer.created', offer: offer('second') });
    await waitUntil(() => desk.$connection.get() === 'online' && backend.connects.length === 2);
    await desk.settled();
    expect(desk.$offers.get().map((o) => o.id)).to.deep.equal(['second']);
    expect(Object.keys(desk.$conversations.get())).to.deep.equal(['conv-first']);
  });

  it('takes the snapshot of a cursor-less connect as the truth about pending offers', async () => {
    const backend = new ReplayingBackend();
    backend.publish({ type: 'offer.created', offer: offer('waiting') });
    const desk = make(backend);
    await desk.connect();
    expect(backend.connects[0]).to.equal(undefined);
    await waitUntil(() => desk.$offers.get().length === 1);
    expect(desk.$offers.get()[0]!.id).to.equal('waiting');
  });

  it('restores the open conversation, the active one, its draft and its pending files after a reload', async () => {
    const backend = new ReplayingBackend();
    const storage = createMemoryStorage();
    const first = make(backend, storage);
    await first.connect();
    backend.publish({ type: 'offer.created', offer: offer('o') });
    const conversation = await first.accept('o');
    backend.messages.push({ id: 'm1', conversationId: conversation.id, author: 'customer', kind: 'text', text: 'Where is my parcel?', at: Date.now() });
    const composer = first.composer(conversation.id);
    composer.setDraft('Half-written answer');
    const ready = new File(['%PDF-1.4 invoice'], 'invoice.pdf', { type: 'application/pdf' });
    const pending = new File(['plain text'], 'notes.txt', { type: 'text/plain' });
    backend.holdUploads.add('notes.txt');
    await (await composer.addFiles([ready])).uploaded;
    void composer.addFiles([pending]);
    await waitUntil(() => composer.$state.get().files.some((f) => f.file.name === 'notes.txt' && f.state === 'uploading'));
    // Let the draft and the file list reach storage (the held upload is still running).
    await waitUntil(async () => (await storage.getDraft(conversation.id)) === 'Half-written answer');
    await waitUntil(async () => ((await storage.getValue<unknown[]>(`composer-files:${conversation.id}`)) ?? []).length === 2);
    first.dispose();

    backend.holdUploads.clear();
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
    const backend = new ReplayingBackend();
    const desk = make(backend);
    await desk.connect();
    backend.publish({ type: 'offer.created', offer: offer('o') });
    const conversation = await desk.accept('o');
    backend.publish({ type: 'conversation.updated', conversation: { ...conversation, state: 'wrap-up' } });
    await waitUntil(() => desk.$conversations.get()[conversation.id]!.state === 'wrap-up');
    let error: unknown;
    await desk.send(conversation.id, 'Too late').catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(DeskError);
    expect((error as DeskError).code).to.equal('not-active');
    expect(backend.commands.some((c) => c.type === 'message.send')).to.equal(false);
    expect(desk.canTransition(conversation.id, 'closed')).to.equal(true);
    expect(desk.canTransition(conversation.id, 'active')).to.equal(false);
  });

  it('settled() resolves only once the draft is in storage', async () => {
    const backend = new ReplayingBackend();
    const storage = createMemoryStorage();
    const desk = make(backend, storage);
    await desk.connect();
    backend.publish({ type: 'offer.created', offer: offer('o') });
    const conversation = await desk.accept('o');
    desk.composer(conversation.id).setDraft('Kept');
    await desk.settled();
    expect(await storage.getDraft(conversation.id)).to.equal('Kept');
  });

  it('a conversation store changes only when its own conversation does', async () => {
    const backend = new ReplayingBackend();
    const desk = make(backend);
    await desk.connect();
    backend.publish({ type: 'offer.created', offer: offer('a') });
    backend.publish({ type: 'offer.created', offer: offer('b') });
    const a = await desk.accept('a');
    const b = await desk.accept('b');
    let changes = 0;
    const stop = desk.conversation(a.id).listen(() => changes++);
    backend.publish({ type: 'message.received', message: { id: 'mb', conversationId: b.id, author: 'customer', kind: 'text', text: 'Hi', at: Date.now() + 1000 } });
    await desk.settled();
    expect(changes).to.equal(0);
    backend.publish({ type: 'message.received', message: { id: 'ma', conversationId: a.id, author: 'customer', kind: 'text', text: 'Hi', at: Date.now() + 2000 } });
    await desk.settled();
    expect(changes).to.equal(1);
    stop();
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
