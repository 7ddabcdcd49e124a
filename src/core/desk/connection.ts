import { atom, type ReadableAtom } from 'nanostores';
import { DeskError } from '../errors.js';
import { backoff } from '../outbox.js';
import { toTransportError, TransportError, type ConnectResult, type TransportEvent } from '../transport.js';
import { compareCursors, loadValidator, type ConnectionStatus, type SliceContext } from './shared.js';

/** How many recent cursors the desk remembers to pick the resume point from. */
export const RECENT_CURSORS = 16;

export interface ConnectionHooks {
  /** Every transport event, in arrival order (the desk's router). */
  onEvent(event: TransportEvent): void;
  /** The backend took the connection. */
  onOnline(): void;
}

/**
 * The connection slice: connect, reconnect with backoff and jitter, and where to resume.
 *
 * Resume point: the desk remembers the cursors of the last 16 events it received and, on a
 * reconnect, asks for `connect(agent, { cursor })` with the **oldest** of them. Under at-least-once
 * delivery events can arrive out of order, so resuming from the newest could skip one still in
 * flight; the small replay this causes is deduplicated. A first connect (and a reload) sends no
 * cursor: the backend then starts with a `snapshot` event.
 */
export class ConnectionSlice {
  readonly #ctx: SliceContext;
  readonly #hooks: ConnectionHooks;
  readonly $status = atom<ConnectionStatus>('idle');
  #unsubscribe: (() => void) | undefined;
  #connecting: Promise<void> | undefined;
  #recentCursors: string[] = [];
  #resumeCursor: string | undefined;
  #reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  #reconnectAttempt = 0;
  #stopped = false;
  #drops = 0;

  readonly #timeoutMs: number;

  constructor(ctx: SliceContext, hooks: ConnectionHooks, timeoutMs = 30_000) {
    this.#ctx = ctx;
    this.#hooks = hooks;
    this.#timeoutMs = timeoutMs;
  }

  get status(): ReadableAtom<ConnectionStatus> {
    return this.$status;
  }

  /** The cursor a reconnect would resume after (undefined before any event). */
  get resumeCursor(): string | undefined {
    return this.#resumeCursor;
  }

  connect(): Promise<void> {
    if (this.#ctx.isDisposed()) return Promise.reject(new DeskError('disposed', 'This desk was disposed.'));
    if (this.#connecting) return this.#connecting;
    this.#stopped = false;
    this.$status.set(this.#reconnectAttempt > 0 ? 'reconnecting' : 'connecting');
    const epoch = this.#drops;
    const attempt: Promise<void> = loadValidator()
      .then((checks) => {
        if (this.#ctx.isDisposed()) throw new DeskError('disposed', 'This desk was disposed.');
        this.#validate = checks.validateEvent;
        this.#unsubscribe ??= this.#ctx.transport.subscribe((raw) => this.#receive(raw));
        return this.#attempt();
      })
      .then(
      (result) => {
        // Nothing received yet: resume from where this connection started.
        if (result?.cursor && this.#recentCursors.length === 0) this.noteCursor(result.cursor);
        // The backend took the connection: backoff starts over even if it drops again at once.
        this.#reconnectAttempt = 0;
        // Dropped again while connecting (even synchronously, inside connect()): this attempt is
        // stale, and the reconnect already scheduled makes a fresh one.
        if (epoch !== this.#drops) {
          if (this.#connecting === attempt) this.#connecting = undefined;
          return;
        }
        // Disposed or disconnected while connecting: this connection is not wanted any more.
        if (this.#ctx.isDisposed()) {
          this.#unsubscribe?.();
          this.#unsubscribe = undefined;
          void this.#ctx.transport.disconnect().catch(() => undefined);
          return;
        }
        if (this.#stopped) return;
        this.$status.set('online');
        this.#hooks.onOnline();
      },
      (error: unknown) => {
        const failure = toTransportError(error);
        if (this.#connecting === attempt) this.#connecting = undefined;
        // Only a TransportError can say "do not retry"; anything else may be a passing fault.
        const retryable = !(error instanceof TransportError) || failure.retryable;
        if (failure.code === 'auth-expired') this.$status.set('auth-expired');
        else if (retryable && !this.#stopped) this.#scheduleReconnect();
        else this.$status.set('offline');
        throw failure;
      },
    );
    this.#connecting = attempt;
    return attempt;
  }

  /** One call to the transport's connect(), which may throw synchronously or never settle. */
  #attempt(): Promise<void | ConnectResult> {
    const cursor = this.#resumeCursor;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // At the timeout the attempt's signal is aborted, so an adapter can drop a hung connect.
    const abort = new AbortController();
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        abort.abort();
        reject(new TransportError('timeout', `connect() did not settle within ${this.#timeoutMs} ms.`));
      }, this.#timeoutMs);
    });
    // A synchronous throw becomes a rejection like any other failure.
    const call = new Promise<void | ConnectResult>((resolve) =>
      resolve(this.#ctx.transport.connect(this.#ctx.agent, { ...(cursor === undefined ? {} : { cursor }), signal: abort.signal })),
    );
    return Promise.race([call, timeout]).finally(() => clearTimeout(timer));
  }

  /** Every event passes the boundary check; nothing the desk does may throw into the adapter. */
  #validate: typeof import('./validate.js').validateEvent | undefined;

  #receive(raw: unknown): void {
    try {
      const event = this.#validate!(raw, this.#ctx.now());
      if (!event) return;
      if (event.cursor) this.noteCursor(event.cursor);
      if (event.type === 'transport.disconnected') this.#onDisconnected(event.code);
      else this.#hooks.onEvent(event);
    } catch (error) {
      console.error('contact-center-elements: an event could not be applied.', error);
    }
  }

  async disconnect(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#reconnectTimer);
    this.#reconnectTimer = undefined;
    this.#connecting = undefined;
    this.$status.set('offline');
    await this.#ctx.transport.disconnect();
  }

  dispose(): void {
    clearTimeout(this.#reconnectTimer);
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    void this.#ctx.transport.disconnect().catch(() => undefined);
  }

  noteCursor(cursor: string): void {
    this.#recentCursors.push(cursor);
    if (this.#recentCursors.length > RECENT_CURSORS) this.#recentCursors.shift();
    let oldest = this.#recentCursors[0]!;
    for (const c of this.#recentCursors) if (compareCursors(c, oldest) < 0) oldest = c;
    this.#resumeCursor = oldest;
  }

  #scheduleReconnect(): void {
    if (this.#ctx.isDisposed() || this.#stopped || this.#reconnectTimer) return;
    this.#reconnectAttempt++;
    this.$status.set('reconnecting');
    this.#reconnectTimer = setTimeout(() => {
      this.#reconnectTimer = undefined;
      // Always a fresh attempt: one still pending from before the drop is stale.
      this.#connecting = undefined;
      this.connect().catch(() => undefined);
    }, backoff(this.#reconnectAttempt, this.#ctx.random));
  }

  #onDisconnected(code: string | undefined): void {
    this.#drops++;
    this.#connecting = undefined;
    if (code === 'auth-expired') {
      this.$status.set('auth-expired');
      return;
    }
    this.#scheduleReconnect();
  }
}
