import type { AgentRef, AttachmentRef, Conversation, Message, Offer } from '../src/core/model.js';
import { getArticle, searchArticles } from '../src/transports/simulated/knowledge.js';
import { validateNewRecord, type ConversationLinks, type CrmRecord, type Note, type RecordRef } from '../src/core/records.js';
import {
  TransportError,
  type Capabilities,
  type Command,
  type CommandResults,
  type ConnectOptions,
  type ResultOf,
  type Transport,
  type TransportEvent,
  type UploadMeta,
} from '../src/core/transport.js';
import type { SimulatedTransport } from '../src/transports/simulated/index.js';

type CommandType = Command['type'];
type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;
type Handler<T extends CommandType> = (command: CommandOf<T>) => CommandResults[T] | Promise<CommandResults[T]>;

/** An event as a test writes it: the cursor is filled in when left out. */
export type EventInput = TransportEvent extends infer E
  ? E extends TransportEvent
    ? Omit<E, 'cursor'> & { cursor?: string }
    : never
  : never;

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A small CRM: a few contacts, an account and cases, English and Polish. */
export const SAMPLE_RECORDS: readonly CrmRecord[] = [
  { kind: 'contact', id: 'contact-1', title: 'Anna Nowak', subtitle: 'anna.nowak@example.com', customerId: 'cust-anna' },
  { kind: 'contact', id: 'contact-2', title: 'Jan Kowalski', subtitle: 'jan.kowalski@example.pl' },
  { kind: 'contact', id: 'contact-3', title: 'Zofia Wiśniewska', subtitle: '+48 601 200 300' },
  { kind: 'account', id: 'account-1', title: 'Nowak Logistics sp. z o.o.', subtitle: 'ACC-10021' },
  { kind: 'case', id: 'case-1', title: 'Parcel arrived damaged', subtitle: 'CS-00412', status: 'open', customerId: 'cust-anna' },
  { kind: 'case', id: 'case-2', title: 'Zwrot za zamówienie 5521', subtitle: 'CS-00398', status: 'in-progress' },
  { kind: 'case', id: 'case-3', title: 'Invoice address change', subtitle: 'CS-00275', status: 'closed' },
];

/** Case- and diacritic-insensitive, like a CRM's own search. */
const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .toLowerCase();

const isCrmCommand = (type: CommandType): boolean => type.startsWith('records.') || type.startsWith('notes.');

export interface TestTransportOptions {
  /**
   * A simulator that runs the connection, offers, conversations and scripted customers; the test
   * drives it through `transport.sim`. Without one, the test drives everything with `emit()` and
   * commands get plain answers (accepting opens an active conversation, a send gets a server id…).
   */
  sim?: SimulatedTransport;
  /** Merged over the simulator's capabilities, or over reject + upload + typing without one. */
  capabilities?: Partial<Capabilities>;
  /**
   * Who answers `records.*` and `notes.*`: `'memory'` (the default), a small CRM here that finds
   * exactly `records` and owns the links it reports on conversations; `'simulator'`, the
   * simulator's own seeded CRM.
   */
  crm?: 'memory' | 'simulator';
  /** What the in-memory CRM holds. Default SAMPLE_RECORDS. */
  records?: readonly CrmRecord[];
  /**
   * Behave like a backend with an event log (without a simulator): `emit()` appends to the log and
   * delivers only while connected; a connect with a cursor replays what came after it, one without
   * a cursor starts with a `snapshot` (pending offers, conversations not closed, their messages).
   */
  replay?: boolean;
}

/**
 * The one Transport tests use to see and steer what reaches the backend:
 *
 * - records every command (cloned, which also proves it is serializable), every connect and
 *   every finished upload;
 * - answers a command type with a test's handler (`on`, `once`), fails it (`failNext`, `fail`,
 *   `connectError`) or keeps it pending (`hold` / `release`);
 * - delivers events the test writes (`emit`), and adds fields to the conversations it reports
 *   (`extend`);
 * - `idle()` resolves once no command or upload is in flight, so a test can wait for "nothing
 *   more will happen" instead of sleeping.
 */
export class TestTransport implements Transport {
  readonly capabilities: Capabilities;
  /** Every command executed so far, in order. */
  readonly commands: Command[] = [];
  readonly connects: { agent: AgentRef; opts: ConnectOptions | undefined }[] = [];
  /** Uploads the backend received (finished, not aborted), oldest first. */
  readonly uploads: { file: Blob; meta: UploadMeta; attachment: AttachmentRef }[] = [];
  /** What the in-memory CRM holds (records created through it are added). */
  readonly records: CrmRecord[];
  disconnects = 0;
  /** Thrown (as a rejection) by every connect() until cleared. */
  connectError: unknown;

  readonly #sim: SimulatedTransport | undefined;
  readonly #crm: 'memory' | 'simulator';
  #listeners = new Set<(event: TransportEvent) => void>();
  #handlers = new Map<CommandType, Handler<CommandType>>();
  #once = new Map<CommandType, Handler<CommandType>[]>();
  #failures = new Map<CommandType, unknown>();
  #held = new Map<CommandType, (() => void)[]>();
  #inFlight = 0;
  #idleWaiters: (() => void)[] = [];
  #offers = new Map<string, Offer>();
  #conversations = new Map<string, Conversation>();
  #extras = new Map<string, Partial<Conversation>>();
  #links = new Map<string, ConversationLinks>();
  #notes = new Map<string, Note[]>();
  #cursor = 0;
  #sent = 0;
  #created = 0;
  readonly #replay: boolean;
  #log: TransportEvent[] = [];
  #messages: Message[] = [];
  #connected = false;
  #heldUploads = new Set<string>();

  constructor(options: TestTransportOptions = {}) {
    this.#sim = options.sim;
    this.#crm = options.crm ?? 'memory';
    this.#replay = options.replay === true && !options.sim;
    const base = options.sim ? options.sim.capabilities : { reject: true, upload: true, typing: true };
    this.capabilities = Object.freeze({ ...base, ...options.capabilities });
    this.records = (options.records ?? SAMPLE_RECORDS).map((r) => ({ ...r }));
  }

  /** The simulator behind this transport (only when one was given). */
  get sim(): SimulatedTransport {
    if (!this.#sim) throw new Error('TestTransport: created without a simulator.');
    return this.#sim;
  }

  get listenerCount(): number {
    return this.#listeners.size;
  }

  /** Commands and uploads that have started and not finished (held ones included). */
  get inFlight(): number {
    return this.#inFlight;
  }

  // ---- Transport ----

  async connect(agent: AgentRef, opts?: ConnectOptions): ReturnType<Transport['connect']> {
    this.connects.push({ agent, opts });
    await Promise.resolve();
    if (this.connectError !== undefined) throw this.connectError;
    if (this.#replay) return this.#connectReplaying(opts);
    return this.#sim?.connect(agent, opts);
  }

  #connectReplaying(opts: ConnectOptions | undefined): void {
    this.#connected = true;
    if (opts?.cursor !== undefined) {
      const after = Number(opts.cursor);
      for (const event of this.#log) if (Number(event.cursor) > after) this.#deliver(event);
      return;
    }
    const open = [...this.#conversations.values()].filter((c) => c.state !== 'closed');
    this.#deliver({
      type: 'snapshot',
      cursor: String(this.#cursor),
      offers: [...this.#offers.values()],
      conversations: open,
      messages: this.#messages.filter((m) => open.some((c) => c.id === m.conversationId)),
    });
  }

  /** The connection drops: the adapter says so with `transport.disconnected`, as the contract requires. */
  drop(): void {
    this.#connected = false;
    this.#deliver({ type: 'transport.disconnected', cursor: '', reason: 'dropped by the test' });
  }

  /** Uploads of a file with this name wait until they are aborted. */
  holdUpload(name: string, hold = true): this {
    if (hold) this.#heldUploads.add(name);
    else this.#heldUploads.delete(name);
    return this;
  }

  async disconnect(): Promise<void> {
    this.#connected = false;
    this.disconnects++;
    await this.#sim?.disconnect();
  }

  subscribe(listener: (event: TransportEvent) => void): () => void {
    this.#listeners.add(listener);
    const off = this.#sim?.subscribe((event) =>
      listener(event.type === 'conversation.updated' ? { ...event, conversation: this.#report(event.conversation) } : event),
    );
    return () => {
      this.#listeners.delete(listener);
      off?.();
    };
  }

  execute<C extends Command>(command: C, opts?: { signal?: AbortSignal }): Promise<ResultOf<C>> {
    this.commands.push(structuredClone(command));
    return this.#track(this.#answer(command, opts)) as Promise<ResultOf<C>>;
  }

  upload(file: Blob, meta: UploadMeta, opts: { signal?: AbortSignal; onProgress?(sent: number): void } = {}): Promise<AttachmentRef> {
    return this.#track(
      (async () => {
        if (this.#heldUploads.has(meta.name)) {
          await new Promise((_resolve, reject) =>
            opts.signal?.addEventListener('abort', () => reject(new DOMException('The upload was cancelled.', 'AbortError'))),
          );
        }
        const attachment: AttachmentRef = this.#sim?.upload
          ? await this.#sim.upload(file, meta, opts)
          : { id: `att-${this.uploads.length + 1}`, kind: 'file', name: meta.name, mimeType: meta.mimeType, size: meta.size, url: 'https://example.test/a' };
        this.uploads.push({ file, meta, attachment });
        return attachment;
      })(),
    );
  }

  // ---- steering ----

  /** Answers every later command of this type with `handler`. */
  on<T extends CommandType>(type: T, handler: Handler<T>): this {
    this.#handlers.set(type, handler as unknown as Handler<CommandType>);
    return this;
  }

  /** Answers only the next command of this type with `handler` (before `on` and `fail`). */
  once<T extends CommandType>(type: T, handler: Handler<T>): this {
    const list = this.#once.get(type) ?? [];
    list.push(handler as unknown as Handler<CommandType>);
    this.#once.set(type, list);
    return this;
  }

  /** The next command of this type rejects with `error`. */
  failNext(type: CommandType, error: unknown): this {
    return this.once(type, () => {
      throw error;
    });
  }

  /** Every later command of this type rejects with `error`, until `fail(type, undefined)`. */
  fail(type: CommandType, error: unknown): this {
    if (error === undefined) this.#failures.delete(type);
    else this.#failures.set(type, error);
    return this;
  }

  /** Commands of this type stay pending (a loading state) until `release(type)`. */
  hold(type: CommandType): this {
    if (!this.#held.has(type)) this.#held.set(type, []);
    return this;
  }

  /** Stops holding this type and lets the held commands go on. */
  release(type: CommandType): this {
    const waiting = this.#held.get(type) ?? [];
    this.#held.delete(type);
    for (const go of waiting) go();
    return this;
  }

  /**
   * Commands executed so far except the `presence.set` the desk sends on its own as capacity changes
   * (F12): what the agent's actions caused.
   */
  get agentCommands(): Command[] {
    return this.commands.filter((c) => c.type !== 'presence.set');
  }

  /** Commands executed so far, of one type. */
  executed<T extends CommandType>(type: T): CommandOf<T>[] {
    return this.commands.filter((c): c is CommandOf<T> => c.type === type);
  }

  /** Delivers an event to every subscriber, synchronously, as written (no links or extras added); with `replay`, logs it and delivers it only while connected. */
  emit(input: EventInput): TransportEvent {
    const event = { ...input, cursor: input.cursor ?? String(++this.#cursor) } as TransportEvent;
    if (event.type === 'offer.created') this.#offers.set(event.offer.id, event.offer);
    if (event.type === 'conversation.updated') this.#conversations.set(event.conversation.id, event.conversation);
    if (!this.#replay) {
      this.#deliver(event);
      return event;
    }
    this.#log.push(event);
    if (event.type === 'offer.withdrawn') this.#offers.delete(event.offerId);
    if (event.type === 'message.received') this.#messages.push(event.message);
    if (this.#connected) this.#deliver(event);
    return event;
  }

  /** Delivers anything at all, as a hostile or broken backend might (no cursor added, nothing logged). */
  emitRaw(raw: unknown): void {
    for (const listener of this.#listeners) listener(raw as TransportEvent);
  }

  #deliver(event: TransportEvent): void {
    for (const listener of this.#listeners) listener(event);
  }

  /** Fields added to this conversation wherever the simulator reports it, from the next report on. */
  extend(conversationId: string, extra: Partial<Conversation>): this {
    this.#extras.set(conversationId, extra);
    return this;
  }

  /** Resolves once no command or upload is in flight (a held command keeps it waiting). */
  idle(): Promise<void> {
    if (this.#inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  // ---- answering ----

  #track<T>(work: Promise<T>): Promise<T> {
    this.#inFlight++;
    const done = (): void => {
      if (--this.#inFlight > 0) return;
      for (const resolve of this.#idleWaiters.splice(0)) resolve();
    };
    work.then(done, done);
    return work;
  }

  async #answer(command: Command, opts: { signal?: AbortSignal } | undefined): Promise<unknown> {
    await Promise.resolve();
    const held = this.#held.get(command.type);
    if (held) await new Promise<void>((resolve) => held.push(resolve));
    const once = this.#once.get(command.type)?.shift();
    if (once) return once(command);
    if (this.#failures.has(command.type)) throw this.#failures.get(command.type);
    const handler = this.#handlers.get(command.type);
    if (handler) return handler(command);
    if (this.#crm === 'memory' && isCrmCommand(command.type)) return this.#answerCrm(command);
    if (this.#sim) {
      const result = (await this.#sim.execute(command, opts)) as { conversation?: Conversation };
      return result.conversation ? { ...result, conversation: this.#report(result.conversation) } : result;
    }
    return this.#answerAlone(command);
  }

  /** Plain answers when there is no simulator. */
  #answerAlone(command: Command): CommandResults[CommandType] {
    switch (command.type) {
      case 'offer.accept': {
        const offer = this.#offers.get(command.offerId);
        if (!offer) throw new TransportError('not-found', `TestTransport: unknown offer ${command.offerId}`, { retryable: false });
        const conversation: Conversation = {
          id: offer.conversationId,
          customer: offer.customer,
          channel: offer.channel,
          queue: offer.queue,
          state: 'active',
          requestedAt: offer.requestedAt,
          acceptedAt: offer.requestedAt + 1,
          lastCustomerMessageAt: offer.requestedAt,
        };
        this.#conversations.set(conversation.id, conversation);
        // A backend with a log no longer offers what was taken.
        if (this.#replay) this.#offers.delete(offer.id);
        return { conversation };
      }
      case 'conversation.transition': {
        const conversation = { ...this.#conversation(command.conversationId), state: command.to };
        this.#conversations.set(conversation.id, conversation);
        return { conversation };
      }
      case 'conversation.transfer': {
        const { to } = command;
        const conversation: Conversation = { ...this.#conversation(command.conversationId), state: 'open', ...('queue' in to ? { queue: to.queue } : {}) };
        this.#conversations.set(conversation.id, conversation);
        return { conversation };
      }
      case 'queue.list':
        return { items: [] };
      case 'queue.pick': {
        const conversation: Conversation = { ...this.#conversation(command.conversationId), state: 'active', acceptedAt: Date.now() };
        this.#conversations.set(conversation.id, conversation);
        return { conversation };
      }
      case 'message.send':
        return { messageId: `srv-${++this.#sent}`, at: Date.now() };
      case 'presence.set':
        return { presence: command.presence };
      case 'offer.reject':
        if (this.#replay) this.#offers.delete(command.offerId);
        return { ok: true };
      case 'typing.set':
        return { ok: true };
      // The simulator's knowledge base answers: a test's own articles come through `on`.
      case 'knowledge.search':
        return { articles: searchArticles(command.query, { ...(command.locale ? { locale: command.locale } : {}), limit: command.limit ?? 20 }) };
      case 'knowledge.get':
        return { article: getArticle(command.articleId) };
      default:
        throw new TransportError('invalid', `TestTransport: no answer for ${command.type}`, { retryable: false });
    }
  }

  /** The in-memory CRM. */
  #answerCrm(command: Command): CommandResults[CommandType] {
    switch (command.type) {
      case 'records.search': {
        const words = fold(command.query).split(/\s+/u).filter(Boolean);
        const records = this.records.filter(
          (r) =>
            (!command.kinds || command.kinds.includes(r.kind)) &&
            (!command.customerId || r.customerId === command.customerId) &&
            words.every((w) => fold(`${r.title} ${r.subtitle ?? ''}`).includes(w)),
        );
        return { records: records.slice(0, command.limit ?? 20) };
      }
      case 'records.create': {
        const errors = validateNewRecord(command.record);
        if (Object.keys(errors).length > 0) throw new TransportError('invalid', 'Some fields are not valid.', { retryable: false });
        const n = ++this.#created;
        const record: CrmRecord =
          command.record.kind === 'case'
            ? { kind: 'case', id: `case-new-${n}`, title: command.record.fields.subject.trim(), subtitle: `CS-9${String(n).padStart(4, '0')}`, status: 'new' }
            : {
                kind: 'contact',
                id: `contact-new-${n}`,
                title: [command.record.fields.firstName, command.record.fields.lastName].filter(Boolean).join(' '),
                ...(command.record.fields.email ? { subtitle: command.record.fields.email } : {}),
              };
        this.records.push(record);
        return { record };
      }
      case 'records.link':
      case 'records.unlink': {
        const conversation = this.#conversation(command.conversationId);
        const links = { ...this.#links.get(conversation.id) };
        if (command.type === 'records.unlink') delete links[command.slot];
        else if (command.record.kind === 'case') links.case = { ...command.record, kind: 'case' };
        else links.customer = { ...command.record, kind: command.record.kind };
        this.#links.set(conversation.id, links);
        return { conversation: this.#report(conversation) };
      }
      case 'notes.add': {
        const note: Note = {
          id: `note-${command.clientId}`,
          target: command.target,
          ...(command.conversationId !== undefined ? { conversationId: command.conversationId } : {}),
          text: command.text,
          author: 'Agent',
          at: Date.now(),
        };
        this.#notes.set(keyOf(command.target), [...(this.#notes.get(keyOf(command.target)) ?? []), note]);
        return { note };
      }
      case 'notes.list':
        return { notes: [...(this.#notes.get(keyOf(command.target)) ?? [])] };
      default:
        throw new TransportError('invalid', `TestTransport: no answer for ${command.type}`, { retryable: false });
    }
  }

  #conversation(id: string): Conversation {
    const conversation = this.#sim?.conversation(id) ?? this.#conversations.get(id);
    if (!conversation) throw new TransportError('not-found', `TestTransport: unknown conversation ${id}`, { retryable: false });
    return conversation;
  }

  /** A conversation as this transport reports it: with the extras, and with the in-memory CRM's links. */
  #report(conversation: Conversation): Conversation {
    const extended = { ...conversation, ...this.#extras.get(conversation.id) };
    if (this.#crm !== 'memory') return extended;
    // This CRM owns the links: whatever the simulator seeded is replaced by what was linked here.
    const { links: _seeded, ...rest } = extended;
    const links = this.#links.get(conversation.id);
    return links ? { ...rest, links } : rest;
  }
}

const keyOf = (target: RecordRef): string => `${target.kind}:${target.id}`;
