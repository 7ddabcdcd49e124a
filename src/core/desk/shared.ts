import { atom, onMount, type ReadableAtom, type WritableAtom } from 'nanostores';
import type { AgentRef, Conversation, ConversationState, Message, MessageStatus } from '../model.js';
import type { RecordRef } from '../records.js';
import type { Storage } from '../storage.js';
import { compareCursors, type Transport } from '../transport.js';

export type ConnectionStatus = 'idle' | 'connecting' | 'online' | 'reconnecting' | 'offline' | 'auth-expired';

export { MAX_MESSAGE_LENGTH } from '../rules.js';

type TimelineEntryInput =
  | { kind: 'state'; state: ConversationState }
  | { kind: 'link' | 'unlink' | 'note' | 'created'; record: RecordRef };

/** One line of a conversation's timeline (F5). */
export type TimelineEntry = TimelineEntryInput & { at: number };

/** Something the desk did on its own that the page may want to know (elements relay these as DOM events). */
export type DeskEvent =
  | { type: 'offer-expired'; offers: readonly import('../model.js').Offer[] }
  | { type: 'remote-send'; conversationId: string; text: string }
  | { type: 'wrap-up-overdue'; conversationId: string }
  /** The customer's sentiment crossed into Slightly negative or below (F14); not again until it recovers. */
  | { type: 'sentiment-alert'; conversationId: string; level: import('../../sentiment/index.js').SentimentLevel };

/**
 * What slices share: the transport, the clock, storage, the conversation list and the desk's
 * bookkeeping. Slices never reach into each other's fields; the desk hands them this.
 */
export interface SliceContext {
  readonly transport: Transport;
  readonly agent: AgentRef;
  readonly now: () => number;
  readonly random: () => number;
  readonly storage: Promise<Storage>;
  readonly $connection: ReadableAtom<ConnectionStatus>;
  isDisposed(): boolean;
  /** The conversation, or DeskError('unknown-conversation'). */
  conversation(id: string): Conversation;
  upsertConversation(conversation: Conversation): void;
  log(conversationId: string, entry: TimelineEntryInput): void;
  emit(event: DeskEvent): void;
  /** Work that `desk.settled()` waits for. Returns the same promise. */
  track<T>(work: Promise<T>): Promise<T>;
}

export type { TimelineEntryInput };

export { compareCursors };

/** Message order: time, then the transport's cursor for messages of the same millisecond. */
export function byTimeThenCursor(a: Message | undefined, b: Message): number {
  if (!a) return -1;
  if (a.at !== b.at) return a.at - b.at;
  // Within a millisecond: the transport's order first, then local messages with no cursor yet.
  // (Treating "no cursor" as equal to anything would make the order non-transitive.)
  if (a.cursor && b.cursor) return compareCursors(a.cursor, b.cursor);
  if (a.cursor) return -1;
  if (b.cursor) return 1;
  return 0;
}

export const statusRank: Record<MessageStatus, number> = { failed: -1, sending: 0, sent: 1, delivered: 2, read: 3 };

/** One store per key, made on first use (no loading: see `storesPerId` for stores that load while watched). */
export class StoreMap<T> {
  readonly #stores = new Map<string, WritableAtom<T>>();
  readonly #initial: T;

  constructor(initial: T) {
    this.#initial = initial;
  }

  has(key: string): boolean {
    return this.#stores.has(key);
  }

  get(key: string): WritableAtom<T> {
    let store = this.#stores.get(key);
    if (!store) this.#stores.set(key, (store = atom(this.#initial)));
    return store;
  }
}

/** Counts work in flight so `settled()` can wait for it instead of a test sleeping. */
export class PendingWork {
  #work = new Set<Promise<unknown>>();
  #extra: (() => Promise<void> | undefined)[] = [];

  track<T>(work: Promise<T>): Promise<T> {
    const entry = work.then(
      () => undefined,
      () => undefined,
    );
    this.#work.add(entry);
    void entry.then(() => this.#work.delete(entry));
    return work;
  }

  /** Another source of pending work: returns a promise while something is pending, else undefined. */
  also(source: () => Promise<void> | undefined): void {
    this.#extra.push(source);
  }

  async idle(): Promise<void> {
    // New work may start while earlier work finishes: loop until a full pass finds nothing.
    for (let pass = 0; pass < 1000; pass++) {
      const waiting = [...this.#work, ...this.#extra.map((f) => f()).filter((p): p is Promise<void> => p !== undefined)];
      if (waiting.length === 0) return;
      await Promise.all(waiting);
      await Promise.resolve();
    }
  }
}

/** A timer whose wait counts as pending work. */
export function trackedDelay(ctx: Pick<SliceContext, 'track'>, ms: number, run: () => void | Promise<void>): () => void {
  let cancel: () => void = () => undefined;
  const done = new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      cancel = () => undefined;
      Promise.resolve()
        .then(run)
        .catch(() => undefined)
        .finally(resolve);
    }, ms);
    cancel = () => {
      clearTimeout(timer);
      resolve();
    };
  });
  void ctx.track(done);
  return () => cancel();
}

/** A wall clock that ticks once a second while anything listens. */
export function createClock(now: () => number): ReadableAtom<number> {
  const clock = atom(now());
  onMount(clock, () => {
    clock.set(now());
    const timer = setInterval(() => clock.set(now()), 1000);
    return () => clearInterval(timer);
  });
  return clock;
}

/** Listeners of the desk's own events, by type. */
export class DeskEvents {
  #listeners = new Map<DeskEvent['type'], Set<(event: DeskEvent) => void>>();

  on<T extends DeskEvent['type']>(type: T, listener: (event: Extract<DeskEvent, { type: T }>) => void): () => void {
    let set = this.#listeners.get(type);
    if (!set) this.#listeners.set(type, (set = new Set()));
    set.add(listener as (event: DeskEvent) => void);
    return () => set.delete(listener as (event: DeskEvent) => void);
  }

  emit(event: DeskEvent): void {
    for (const listener of this.#listeners.get(event.type) ?? []) listener(event);
  }
}

/**
 * The transport as slices see it: `execute` and `upload` always return a promise, so an adapter
 * that throws synchronously fails like one that rejects (nothing half-done, no uncaught error).
 */
export function guardTransport(transport: Transport): Transport {
  const settle = <T>(call: () => Promise<T>): Promise<T> => new Promise<T>((resolve) => resolve(call()));
  const upload = transport.upload;
  return {
    get capabilities() {
      return transport.capabilities;
    },
    connect: (agent, opts) => settle(() => transport.connect(agent, opts)),
    disconnect: () => settle(() => transport.disconnect()),
    subscribe: (listener) => transport.subscribe(listener),
    execute: (command, opts) => settle(() => transport.execute(command, opts)),
    ...(upload ? { upload: (file: Blob, meta, opts) => settle(() => upload.call(transport, file, meta, opts)) } : {}),
  } as Transport;
}

let validator: Promise<typeof import('./validate.js')> | undefined;

/**
 * The boundary checks load with the first connect (events cannot arrive before it), so a page's
 * first load does not carry them.
 */
export function loadValidator(): Promise<typeof import('./validate.js')> {
  validator ??= import('./validate.js');
  return validator;
}

/** How long typing pauses before a draft (message or note) is written to storage, ms. */
export const DRAFT_SAVE_DELAY = 300;
