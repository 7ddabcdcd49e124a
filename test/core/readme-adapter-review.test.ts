// The README's adapter contract, as a host meets it: an adapter written from "Writing a Transport
// adapter" for a backend that keeps an event log (events pushed with cursors over one socket,
// commands answered by request id on the same socket), a fake of that backend, the exported
// conformance suite against both, and a desk on top through a reload.
import { expect, waitUntil } from '@open-wc/testing';
import {
  TransportError,
  createDesk,
  openStorage,
  type AgentRef,
  type AttachmentRef,
  type Capabilities,
  type Command,
  type ConnectOptions,
  type Conversation,
  type Desk,
  type Message,
  type Offer,
  type ResultOf,
  type Transport,
  type TransportErrorCode,
  type TransportEvent,
  type UploadMeta,
} from '../../src/index.js';
import { conformanceChecks, runConformance, type ConformanceContext } from '../../src/transports/conformance/index.js';

// ---------------------------------------------------------------------------------------------
// The backend: one event log per agent, cursors are zero-padded counters.
// ---------------------------------------------------------------------------------------------

type Frame =
  | { kind: 'event'; event: TransportEvent }
  | { kind: 'reply'; id: number; result?: unknown; error?: { code: TransportErrorCode; message: string } };

/** A WebSocket-like connection: frames are delivered asynchronously, close() reaches both ends. */
class FakeSocket {
  onopen: (() => void) | undefined;
  onframe: ((frame: Frame) => void) | undefined;
  onclose: ((close: { code: number; reason: string }) => void) | undefined;
  #closed = false;
  constructor(readonly server: EventLogBackend, readonly agentId: string) {}

  get closed(): boolean {
    return this.#closed;
  }

  /** Client → server: a command with its request id. */
  send(id: number, command: Command): void {
    if (this.#closed) throw new Error('socket closed');
    queueMicrotask(() => this.server.command(this, id, command));
  }

  /** Server → client. */
  push(frame: Frame): void {
    if (this.#closed) return;
    // A copy, as JSON over a wire would give.
    const copy = JSON.parse(JSON.stringify(frame)) as Frame;
    setTimeout(() => {
      if (!this.#closed) this.onframe?.(copy);
    }, 0);
  }

  close(code = 1000, reason = ''): void {
    if (this.#closed) return;
    this.#closed = true;
    this.server.forget(this);
    setTimeout(() => this.onclose?.({ code, reason }), 0);
  }
}

const pad = (n: number) => String(n).padStart(12, '0');

class EventLogBackend {
  readonly log: TransportEvent[] = [];
  readonly offers = new Map<string, Offer>();
  readonly conversations = new Map<string, Conversation>();
  readonly messages: Message[] = [];
  readonly sent = new Map<string, { messageId: string; at: number }>();
  readonly sockets = new Set<FakeSocket>();
  readonly commands: Command[] = [];
  #seq = 0;
  #ids = 0;
  /** Refuse the next socket with this close code before it opens. */
  refuseNext: number | undefined;

  open(agentId: string, cursor: string | undefined): FakeSocket {
    const socket = new FakeSocket(this, agentId);
    setTimeout(() => {
      if (this.refuseNext !== undefined) {
        const code = this.refuseNext;
        this.refuseNext = undefined;
        socket.close(code, 'refused');
        return;
      }
      this.sockets.add(socket);
      socket.onopen?.();
      if (cursor === undefined) socket.push({ kind: 'event', event: this.snapshot() });
      else for (const event of this.log) if (event.cursor > cursor) socket.push({ kind: 'event', event });
    }, 0);
    return socket;
  }

  forget(socket: FakeSocket): void {
    this.sockets.delete(socket);
  }

  snapshot(): TransportEvent {
    const open = [...this.conversations.values()].filter((c) => c.state !== 'closed');
    const pendingConversationIds = new Set([...this.offers.values()].map((o) => o.conversationId));
    const messages = this.messages.filter((m) => open.some((c) => c.id === m.conversationId) || pendingConversationIds.has(m.conversationId));
    return { type: 'snapshot', cursor: pad(this.#seq), offers: [...this.offers.values()], conversations: open, messages };
  }

  #append(event: DistributiveOmit<TransportEvent, 'cursor'>): void {
    const stamped = { ...event, cursor: pad(++this.#seq) } as TransportEvent;
    this.log.push(stamped);
    for (const socket of this.sockets) socket.push({ kind: 'event', event: stamped });
  }

  createOffer(text = 'Hello, my order is late.'): Offer {
    const n = ++this.#ids;
    const now = Date.now();
    const conversation: Conversation = {
      id: `conv-${n}`,
      customer: { id: `cust-${n}`, name: `Customer ${n}` },
      channel: 'facebook',
      queue: 'Orders',
      state: 'open',
      requestedAt: now,
      lastCustomerMessageAt: now,
    };
    const offer: Offer = {
      id: `offer-${n}`,
      conversationId: conversation.id,
      customer: conversation.customer,
      channel: 'facebook',
      queue: 'Orders',
      requestedAt: now,
      firstMessage: text,
    };
    this.conversations.set(conversation.id, conversation);
    this.messages.push({ id: `m-${n}-0`, conversationId: conversation.id, author: 'customer', kind: 'text', text, at: now });
    this.offers.set(offer.id, offer);
    this.#append({ type: 'offer.created', offer });
    return offer;
  }

  customerSays(conversationId: string, text: string): void {
    const conversation = this.conversations.get(conversationId);
    if (!conversation) throw new Error(`no conversation ${conversationId}`);
    const at = Date.now();
    const message: Message = { id: `m-${++this.#ids}`, conversationId, author: 'customer', kind: 'text', text, at };
    this.messages.push(message);
    this.#append({ type: 'message.received', message });
    this.#update({ ...conversation, lastCustomerMessageAt: at });
  }

  withdraw(offerId: string, reason: 'taken' | 'abandoned' | 'timeout' = 'taken'): void {
    if (!this.offers.delete(offerId)) return;
    this.#append({ type: 'offer.withdrawn', offerId, reason });
  }

  /** The network fails under every open socket. */
  closeSockets(): void {
    for (const socket of [...this.sockets]) socket.close(1006, 'network failure');
  }

  #update(conversation: Conversation): void {
    this.conversations.set(conversation.id, conversation);
    this.#append({ type: 'conversation.updated', conversation });
  }

  command(socket: FakeSocket, id: number, command: Command): void {
    this.commands.push(command);
    const reply = (result: unknown) => socket.push({ kind: 'reply', id, result });
    const fail = (code: TransportErrorCode, message: string) => socket.push({ kind: 'reply', id, error: { code, message } });
    switch (command.type) {
      case 'offer.accept': {
        const offer = this.offers.get(command.offerId);
        const conversation = offer && this.conversations.get(offer.conversationId);
        if (!offer || !conversation) return fail('not-found', `No offer ${command.offerId}.`);
        this.offers.delete(offer.id);
        const accepted: Conversation = { ...conversation, state: 'active', acceptedAt: Date.now() };
        this.#update(accepted);
        return reply({ conversation: accepted });
      }
      case 'offer.reject': {
        if (!this.offers.has(command.offerId)) return fail('not-found', `No offer ${command.offerId}.`);
        // What settles a rejected offer in a replay: the README names only offer.withdrawn.
        this.withdraw(command.offerId, 'taken');
        return reply({ ok: true });
      }
      case 'message.send': {
        const conversation = this.conversations.get(command.conversationId);
        if (!conversation) return fail('not-found', `No conversation ${command.conversationId}.`);
        const known = this.sent.get(command.clientId);
        if (known) return reply(known);
        const ack = { messageId: `srv-${++this.#ids}`, at: Date.now() };
        this.sent.set(command.clientId, ack);
        const message: Message = {
          id: ack.messageId,
          clientId: command.clientId,
          conversationId: command.conversationId,
          author: 'agent',
          kind: command.attachments?.length ? 'attachment' : 'text',
          ...(command.text === undefined ? {} : { text: command.text }),
          ...(command.attachments ? { attachments: command.attachments } : {}),
          at: ack.at,
          status: 'sent',
        };
        this.messages.push(message);
        this.#append({ type: 'message.received', message });
        return reply(ack);
      }
      case 'conversation.transition': {
        const conversation = this.conversations.get(command.conversationId);
        if (!conversation) return fail('not-found', `No conversation ${command.conversationId}.`);
        const moved: Conversation = { ...conversation, state: command.to, ...(command.to === 'closed' ? { closedAt: Date.now() } : {}) };
        this.#update(moved);
        return reply({ conversation: moved });
      }
      case 'typing.set':
        return reply({ ok: true });
      case 'presence.set':
        return reply({ presence: command.presence });
      default:
        return fail('invalid', `Unsupported command ${command.type}.`);
    }
  }

  /** Uploads go "over HTTP": no socket needed. */
  upload(file: Blob, meta: UploadMeta, signal: AbortSignal | undefined, onProgress: ((sent: number) => void) | undefined): Promise<AttachmentRef> {
    return new Promise((resolve, reject) => {
      const chunk = 64 * 1024;
      let sent = 0;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const onAbort = () => {
        clearTimeout(timer);
        reject(new TransportError('aborted', 'Cancelled.', { retryable: false }));
      };
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      const step = () => {
        sent = Math.min(file.size, sent + chunk);
        onProgress?.(sent);
        if (sent < file.size) {
          timer = setTimeout(step, 5);
          return;
        }
        signal?.removeEventListener('abort', onAbort);
        const kind = meta.mimeType.startsWith('image/') ? 'image' : 'file';
        resolve({ id: `file-${++this.#ids}`, kind, name: meta.name, mimeType: meta.mimeType, size: file.size, url: `https://files.example.test/${meta.clientId}` });
      };
      timer = setTimeout(step, 5);
    });
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

// ---------------------------------------------------------------------------------------------
// The adapter, written from the README: events and command replies over one socket.
// ---------------------------------------------------------------------------------------------

const TOKEN_REFUSED = 4001;
const aborted = () => new TransportError('aborted', 'Cancelled.', { retryable: false });

class EventLogTransport implements Transport {
  readonly capabilities: Capabilities = { reject: true, upload: true, typing: true, maxAttachmentBytes: 25 * 1024 * 1024 };
  readonly #listeners = new Set<(event: TransportEvent) => void>();
  readonly #pending = new Map<number, { resolve(value: unknown): void; reject(error: TransportError): void }>();
  #socket: FakeSocket | undefined;
  #opening: Promise<void> | undefined;
  #requests = 0;

  constructor(readonly backend: EventLogBackend) {}

  connect(agent: AgentRef, { cursor, signal }: ConnectOptions = {}): Promise<void> {
    this.#opening ??= new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        this.#opening = undefined;
        reject(aborted());
        return;
      }
      const socket = this.backend.open(agent.id, cursor);
      let open = false;
      socket.onopen = () => {
        open = true;
        resolve();
      };
      socket.onframe = (frame) => {
        if (frame.kind === 'event') this.#emit(frame.event);
        else this.#settle(frame);
      };
      socket.onclose = (close) => {
        const code: TransportErrorCode | undefined = close.code === TOKEN_REFUSED ? 'auth-expired' : undefined;
        if (!open) reject(new TransportError(code ?? 'network', close.reason || 'Could not connect.'));
        // Commands waiting for an answer on this socket will never get one.
        this.#failPending(new TransportError('network', 'The connection closed before the answer.'));
        if (this.#socket !== socket) return; // disconnect() closed it on purpose
        this.#socket = undefined;
        this.#opening = undefined;
        if (open) this.#emit({ type: 'transport.disconnected', cursor: '', reason: close.reason || 'The connection closed.', code });
      };
      this.#socket = socket;
    });
    return this.#opening;
  }

  async disconnect(): Promise<void> {
    const socket = this.#socket;
    this.#socket = undefined;
    this.#opening = undefined;
    socket?.close();
  }

  subscribe(listener: (event: TransportEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async execute<C extends Command>(command: C, { signal }: { signal?: AbortSignal } = {}): Promise<ResultOf<C>> {
    if (signal?.aborted) throw aborted();
    // Commands travel on the event socket: wait for one that is opening, fail when there is none.
    if (this.#opening) await this.#opening.catch(() => undefined);
    const socket = this.#socket;
    if (!socket || socket.closed) throw new TransportError('network', 'Not connected.');
    const id = ++this.#requests;
    return new Promise<ResultOf<C>>((resolve, reject) => {
      const onAbort = () => {
        this.#pending.delete(id);
        reject(aborted());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#pending.set(id, {
        resolve: (value) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(value as ResultOf<C>);
        },
        reject: (error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      });
      socket.send(id, command);
    });
  }

  upload(file: Blob, meta: UploadMeta, { signal, onProgress }: { signal?: AbortSignal; onProgress?(sent: number): void }): Promise<AttachmentRef> {
    return this.backend.upload(file, meta, signal, onProgress);
  }

  #settle(frame: Extract<Frame, { kind: 'reply' }>): void {
    const waiter = this.#pending.get(frame.id);
    if (!waiter) return;
    this.#pending.delete(frame.id);
    if (frame.error) waiter.reject(new TransportError(frame.error.code, frame.error.message));
    else waiter.resolve(frame.result);
  }

  #failPending(error: TransportError): void {
    const waiters = [...this.#pending.values()];
    this.#pending.clear();
    for (const waiter of waiters) waiter.reject(error);
  }

  #emit(event: TransportEvent): void {
    for (const listener of [...this.#listeners]) listener(event);
  }
}

// ---------------------------------------------------------------------------------------------

describe('README adapter contract: an event-log backend', () => {
  let backend: EventLogBackend;
  const transports: EventLogTransport[] = [];
  const context = (): ConformanceContext => ({
    createTransport: () => {
      const transport = new EventLogTransport(backend);
      transports.push(transport);
      return transport;
    },
    requestConversation: () => void backend.createOffer(),
    customerSays: (_transport, conversationId, text) => backend.customerSays(conversationId, text),
    withdrawOffer: (_transport, offerId) => backend.withdraw(offerId),
    dropConnection: () => backend.closeSockets(),
    timeout: 1000,
  });

  beforeEach(() => {
    backend = new EventLogBackend();
  });
  afterEach(async () => {
    await Promise.all(transports.splice(0).map((t) => t.disconnect()));
  });

  describe('conformance', () => {
    // Transfer, the open queue, knowledge and calls are optional capabilities this backend does not offer: those checks skip.
    for (const check of conformanceChecks) {
      it(check.name, async function () {
        try {
          await check.run(context());
        } catch (error) {
          if (/capabilit/i.test(check.name) && /no (transfer|queue|knowledge|calls) capability/.test(String((error as Error).message))) this.skip();
          throw error;
        }
      });
    }
  });

  it('runConformance passes every check with every driver; only the checks of capabilities it lacks (transfer, queue, knowledge, calls) are skipped', async () => {
    const results = await runConformance(context());
    expect(results.filter((r) => r.status === 'failed'), JSON.stringify(results)).to.deep.equal([]);
    expect(results.filter((r) => r.status === 'skipped').map((r) => r.error)).to.have.members(['no transfer capability', 'no queue capability', 'no knowledge capability', 'no calls capability', 'no calls capability']);
  });

  describe('a desk on top', () => {
    const desks: Desk[] = [];
    afterEach(() => {
      for (const desk of desks.splice(0)) desk.dispose();
    });
    const deskOn = (storageName: string) => {
      const desk = createDesk({ transport: new EventLogTransport(backend), storage: openStorage(storageName), agent: { id: 'agent-1' } });
      desks.push(desk);
      return desk;
    };

    it('connect, offer, accept, send; a reload on the same storage brings back the conversation, its messages and the draft', async () => {
      const storageName = `readme-adapter-review-${crypto.randomUUID()}`;
      const desk = deskOn(storageName);
      await desk.connect();
      expect(desk.$connection.get()).to.equal('online');

      const offer = backend.createOffer('Where is my parcel?');
      await waitUntil(() => desk.$offers.get().some((o) => o.id === offer.id), 'the offer reaches the desk');

      const conversation = await desk.accept(offer.id);
      expect(conversation.state).to.equal('active');
      expect(desk.$offers.get()).to.deep.equal([]);
      desk.setActive(conversation.id);

      const sent = await desk.send(conversation.id, 'It ships today.');
      expect(sent.status).to.equal('sent');
      await waitUntil(() => desk.messages(conversation.id).get().some((m) => m.text === 'It ships today.' && m.status === 'sent'));

      desk.composer(conversation.id).setDraft('One more thing');
      await desk.composer(conversation.id).flush();
      await desk.settled();
      desk.dispose();
      desks.splice(desks.indexOf(desk), 1);
      // The old page's socket goes with it.
      backend.closeSockets();

      const reloaded = deskOn(storageName);
      await reloaded.connect();
      await waitUntil(() => reloaded.$activeConversationId.get() === conversation.id, 'the active conversation comes back');
      expect(reloaded.$activeConversation.get()?.state).to.equal('active');
      const composer = reloaded.composer(conversation.id);
      await waitUntil(() => composer.$state.get().restored, 'the composer is read back');
      expect(composer.draft).to.equal('One more thing');
      await waitUntil(() => reloaded.messages(conversation.id).get().length === 2, 'the messages come back');
      const texts = reloaded.messages(conversation.id).get().map((m) => m.text);
      expect(texts).to.deep.equal(['Where is my parcel?', 'It ships today.']);
      // Sent once, never again after the reload.
      expect(backend.commands.filter((c) => c.type === 'message.send')).to.have.length(1);
      expect(reloaded.outboxSize).to.equal(0);
    });

    it('a drop while a send waits for its answer: the send settles and goes out once after the reconnect', async () => {
      const desk = deskOn(`readme-adapter-review-${crypto.randomUUID()}`);
      await desk.connect();
      const offer = backend.createOffer();
      await waitUntil(() => desk.$offers.get().length === 1);
      const conversation = await desk.accept(offer.id);
      // The socket dies right after the command leaves.
      const sending = desk.send(conversation.id, 'Through the drop');
      backend.closeSockets();
      const message = await sending;
      expect(message.status).to.equal('sent');
      await desk.settled();
      expect(desk.messages(conversation.id).get().filter((m) => m.text === 'Through the drop')).to.have.length(1);
      expect(new Set(backend.commands.filter((c) => c.type === 'message.send').map((c) => (c as { clientId: string }).clientId)).size).to.equal(1);
    });

    it('a token refused on reconnect stops the desk as auth-expired', async () => {
      const desk = deskOn(`readme-adapter-review-${crypto.randomUUID()}`);
      await desk.connect();
      backend.refuseNext = TOKEN_REFUSED;
      backend.closeSockets();
      await waitUntil(() => desk.$connection.get() === 'auth-expired', 'auth-expired', { timeout: 5000 });
    });
  });
});
