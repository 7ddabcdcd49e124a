import type { AgentRef, AttachmentRef } from '../../core/model.js';
import {
  TransportError,
  type Command,
  type ConnectOptions,
  type ConnectResult,
  type ResultOf,
  type Transport,
  type TransportEvent,
  type UploadMeta,
} from '../../core/transport.js';
import { mulberry32 } from '../../core/random.js';

/** Probabilities (0–1) and delays of each fault. Everything is drawn from one seeded generator. */
export interface FaultOptions {
  seed: number;
  /** An incoming event is lost and the connection with it (the backend still has the event: the backfill recovers it). */
  dropEvent?: number;
  /** An incoming event arrives twice (Messenger webhooks are at-least-once). */
  duplicateEvent?: number;
  /** An incoming event is held back and delivered after the next one. */
  reorderEvent?: number;
  /** A command never reaches the backend (rejects with a retryable network error). */
  dropRequest?: number;
  /** A command reaches the backend but its answer is lost (rejects: the client must retry idempotently). */
  dropResponse?: number;
  /** A command reaches the backend twice. */
  duplicateRequest?: number;
  /** The connection drops after an event or command (a `transport.disconnected` event follows). */
  disconnect?: number;
  /** Extra latency of every event and command, ms: uniform in [min, max]. */
  delay?: [number, number];
}

/** Counts of what was injected, for test reports. */
export interface FaultCounts {
  droppedEvents: number;
  duplicatedEvents: number;
  reorderedEvents: number;
  droppedRequests: number;
  droppedResponses: number;
  duplicatedRequests: number;
  disconnects: number;
}


/**
 * Wraps a transport and injects seeded network faults: lost, duplicated, reordered and delayed
 * events; lost requests and lost answers; duplicated requests; dropped connections. Used by the
 * reliability tests; a host can wrap its own adapter with it to see how its backend copes.
 */
export class FaultTransport implements Transport {
  readonly counts: FaultCounts = {
    droppedEvents: 0,
    duplicatedEvents: 0,
    reorderedEvents: 0,
    droppedRequests: 0,
    droppedResponses: 0,
    duplicatedRequests: 0,
    disconnects: 0,
  };
  /** Turn faults off (e.g. to let a test drain at the end). */
  enabled = true;

  readonly #inner: Transport;
  readonly #options: FaultOptions;
  readonly #random: () => number;
  readonly #listeners = new Set<(event: TransportEvent) => void>();
  #held: TransportEvent | undefined;
  #connected = false;
  /** Our one subscription to the inner transport, kept for the wrapper's lifetime. */
  #subscribed: (() => void) | undefined;
  #timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(inner: Transport, options: FaultOptions) {
    this.#inner = inner;
    this.#options = options;
    this.#random = mulberry32(options.seed);
  }

  get capabilities() {
    return this.#inner.capabilities;
  }

  get connected(): boolean {
    return this.#connected;
  }

  async connect(agent: AgentRef, opts?: ConnectOptions): Promise<void | ConnectResult> {
    this.#subscribed ??= this.#inner.subscribe((event) => this.#incoming(event));
    await this.#delay();
    if (this.#chance(this.#options.dropRequest)) {
      this.counts.droppedRequests++;
      throw new TransportError('network', 'Injected fault: connect failed.');
    }
    // A real reconnect opens a new stream: the inner transport replays from the cursor.
    if (this.#connected) return;
    await this.#inner.disconnect();
    // Open before the inner connect: its backfill is delivered while connect() is still running.
    this.#connected = true;
    try {
      return await this.#inner.connect(agent, opts);
    } catch (error) {
      this.#connected = false;
      throw error;
    }
  }

  async disconnect(): Promise<void> {
    this.#connected = false;
    this.#held = undefined;
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    await this.#inner.disconnect();
  }

  subscribe(listener: (event: TransportEvent) => void): () => void {
    const entry = (event: TransportEvent): void => listener(event);
    this.#listeners.add(entry);
    return () => this.#listeners.delete(entry);
  }

  async execute<C extends Command>(command: C, opts?: { signal?: AbortSignal }): Promise<ResultOf<C>> {
    if (!this.#connected) throw new TransportError('network', 'Not connected.');
    await this.#delay();
    if (this.#chance(this.#options.dropRequest)) {
      this.counts.droppedRequests++;
      this.#maybeDisconnect();
      throw new TransportError('network', `Injected fault: ${command.type} was lost on the way.`);
    }
    if (this.#chance(this.#options.duplicateRequest)) {
      this.counts.duplicatedRequests++;
      void this.#inner.execute(command, opts).catch(() => undefined);
    }
    const result = await this.#inner.execute(command, opts);
    await this.#delay();
    if (this.#chance(this.#options.dropResponse)) {
      this.counts.droppedResponses++;
      this.#maybeDisconnect();
      throw new TransportError('timeout', `Injected fault: the answer to ${command.type} was lost.`);
    }
    this.#maybeDisconnect();
    return result;
  }

  upload(
    file: Blob,
    meta: UploadMeta,
    opts: { signal?: AbortSignal; onProgress?(sent: number): void },
  ): Promise<AttachmentRef> {
    if (!this.#inner.upload) return Promise.reject(new TransportError('unavailable', 'No uploads.', { retryable: false }));
    return this.#inner.upload(file, meta, opts);
  }

  #incoming(event: TransportEvent): void {
    if (!this.#connected) return;
    // A snapshot opens a connection: first, once and whole. Dropped, repeated or overtaken, it would
    // be taken for the truth about pending offers after newer events.
    if (event.type === 'snapshot') {
      this.#deliver(event);
      return;
    }
    // The inner connection dropped, so this one did.
    if (event.type === 'transport.disconnected') {
      this.#close();
      for (const listener of [...this.#listeners]) listener(event);
      return;
    }
    if (!this.enabled) {
      this.#flushHeld();
      this.#deliver(event);
      return;
    }
    if (this.#chance(this.#options.dropEvent)) {
      // A stream does not lose an event and carry on: a lost event is a lost connection, which the
      // client sees and recovers from by backfilling from its last cursor.
      this.counts.droppedEvents++;
      this.#disconnectNow();
      return;
    }
    const copies = this.#chance(this.#options.duplicateEvent) ? 2 : 1;
    if (copies === 2) this.counts.duplicatedEvents++;
    if (!this.#held && this.#chance(this.#options.reorderEvent)) {
      this.counts.reorderedEvents++;
      this.#held = event;
      // Overtaken by the next event, or let through shortly if none comes.
      const timer = setTimeout(() => {
        this.#timers.delete(timer);
        this.#flushHeld();
      }, 10);
      this.#timers.add(timer);
      return;
    }
    const [min, max] = this.#options.delay ?? [0, 0];
    const wait = max > 0 ? min + this.#random() * (max - min) : 0;
    const send = (): void => {
      for (let i = 0; i < copies; i++) this.#deliver(event);
      this.#flushHeld();
      this.#maybeDisconnect();
    };
    if (wait <= 0) send();
    else {
      const timer = setTimeout(() => {
        this.#timers.delete(timer);
        send();
      }, wait);
      this.#timers.add(timer);
    }
  }

  /** Stops listening to the inner transport for good. */
  dispose(): void {
    this.#subscribed?.();
    this.#subscribed = undefined;
    this.#connected = false;
  }

  /** Drops the connection now, as a network failure would (tests, stories). */
  dropConnection(): void {
    this.#disconnectNow();
  }

  #flushHeld(): void {
    const held = this.#held;
    this.#held = undefined;
    if (held) this.#deliver(held);
  }

  #deliver(event: TransportEvent): void {
    if (!this.#connected) return;
    for (const listener of [...this.#listeners]) listener(event);
  }

  #maybeDisconnect(): void {
    if (!this.#connected || !this.#chance(this.#options.disconnect)) return;
    this.#disconnectNow();
  }

  #disconnectNow(): void {
    if (!this.#connected) return;
    this.counts.disconnects++;
    this.#close();
    // Listeners hear about it after the current call returns, like a socket's close event.
    queueMicrotask(() => {
      for (const listener of [...this.#listeners]) {
        listener({ type: 'transport.disconnected', cursor: '', reason: 'Injected fault: connection dropped.' });
      }
    });
  }

  #close(): void {
    this.#connected = false;
    this.#held = undefined;
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }

  #chance(probability: number | undefined): boolean {
    return this.enabled && probability !== undefined && probability > 0 && this.#random() < probability;
  }

  async #delay(): Promise<void> {
    const [min, max] = this.#options.delay ?? [0, 0];
    if (!this.enabled || max <= 0) return;
    await new Promise((resolve) => setTimeout(resolve, min + this.#random() * (max - min)));
  }
}
