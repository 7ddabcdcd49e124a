import type { AgentRef, AttachmentRef, Conversation, Offer } from '../../src/core/model.js';
import type {
  Capabilities,
  Command,
  CommandResults,
  ConnectOptions,
  Transport,
  TransportEvent,
  UploadMeta,
} from '../../src/core/transport.js';

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

/**
 * A scriptable in-memory Transport for core tests: records every command (cloned, which also
 * proves it is serializable), answers with plain defaults or a test's handler, and lets the
 * test push events.
 */
export class FakeTransport implements Transport {
  capabilities: Capabilities;
  readonly commands: Command[] = [];
  readonly connects: { agent: AgentRef; opts: ConnectOptions | undefined }[] = [];
  readonly uploads: { file: Blob; meta: UploadMeta }[] = [];
  disconnects = 0;
  /** Thrown (as a rejection) by every connect() until cleared. */
  connectError: unknown;

  #listeners = new Set<(event: TransportEvent) => void>();
  #handlers = new Map<CommandType, Handler<CommandType>>();
  #once = new Map<CommandType, Handler<CommandType>[]>();
  #offers = new Map<string, Offer>();
  #conversations = new Map<string, Conversation>();
  #cursor = 0;
  #sent = 0;

  constructor(capabilities: Partial<Capabilities> = {}) {
    this.capabilities = { reject: true, upload: true, typing: true, ...capabilities };
  }

  async connect(agent: AgentRef, opts?: ConnectOptions): Promise<void> {
    this.connects.push({ agent, opts });
    await Promise.resolve();
    if (this.connectError !== undefined) throw this.connectError;
  }

  async disconnect(): Promise<void> {
    this.disconnects++;
  }

  subscribe(listener: (event: TransportEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  get listenerCount(): number {
    return this.#listeners.size;
  }

  async execute<C extends Command>(command: C): Promise<CommandResults[C['type']]> {
    this.commands.push(structuredClone(command));
    await Promise.resolve();
    const handler = this.#once.get(command.type)?.shift() ?? this.#handlers.get(command.type);
    const result = handler ? handler(command) : this.#default(command);
    return (await result) as CommandResults[C['type']];
  }

  async upload(file: Blob, meta: UploadMeta): Promise<AttachmentRef> {
    this.uploads.push({ file, meta });
    return { id: `att-${this.uploads.length}`, kind: 'file', name: meta.name, mimeType: meta.mimeType, size: meta.size, url: 'https://example.test/a' };
  }

  /** Answers every later command of this type with `handler`. */
  on<T extends CommandType>(type: T, handler: Handler<T>): this {
    this.#handlers.set(type, handler as unknown as Handler<CommandType>);
    return this;
  }

  /** Answers only the next command of this type with `handler`. */
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

  /** Commands executed so far, of one type. */
  executed<T extends CommandType>(type: T): CommandOf<T>[] {
    return this.commands.filter((c): c is CommandOf<T> => c.type === type);
  }

  /** Delivers an event to every subscriber, synchronously. */
  emit(input: EventInput): TransportEvent {
    const event = { ...input, cursor: input.cursor ?? String(++this.#cursor) } as TransportEvent;
    if (event.type === 'offer.created') this.#offers.set(event.offer.id, event.offer);
    if (event.type === 'conversation.updated') this.#conversations.set(event.conversation.id, event.conversation);
    for (const listener of this.#listeners) listener(event);
    return event;
  }

  #default(command: Command): CommandResults[CommandType] {
    switch (command.type) {
      case 'offer.accept': {
        const offer = this.#offers.get(command.offerId);
        if (!offer) throw new Error(`FakeTransport: unknown offer ${command.offerId}`);
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
        return { conversation };
      }
      case 'conversation.transition': {
        const known = this.#conversations.get(command.conversationId);
        if (!known) throw new Error(`FakeTransport: unknown conversation ${command.conversationId}`);
        const conversation = { ...known, state: command.to };
        this.#conversations.set(conversation.id, conversation);
        return { conversation };
      }
      case 'message.send':
        return { messageId: `srv-${++this.#sent}`, at: Date.now() };
      case 'presence.set':
        return { presence: command.presence };
      case 'offer.reject':
      case 'typing.set':
        return { ok: true };
      default:
        throw new Error(`FakeTransport: no default answer for ${command.type}`);
    }
  }
}
