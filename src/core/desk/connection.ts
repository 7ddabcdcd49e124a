import { atom, type ReadableAtom } from 'nanostores';
import { DeskError } from '../errors.js';
import { backoff } from '../outbox.js';
import { toTransportError, type TransportEvent } from '../transport.js';
import { compareCursors, type ConnectionStatus, type SliceContext } from './shared.js';

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

  constructor(ctx: SliceContext, hooks: ConnectionHooks) {
    this.#ctx = ctx;
    this.#hooks = hooks;
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
    this.#unsubscribe ??= this.#ctx.transport.subscribe((event) => {
      if (event.cursor) this.noteCursor(event.cursor);
      if (event.type === 'transport.disconnected') this.#onDisconnected(event.code);
      else this.#hooks.onEvent(event);
    });
    this.#stopped = false;
    this.$status.set(this.#reconnectAttempt > 0 ? 'reconnecting' : 'connecting');
    const epoch = this.#drops;
    const cursor = this.#resumeCursor;
    const attempt = this.#ctx.transport.connect(this.#ctx.agent, cursor === undefined ? {} : { cursor }).then(
      (result) => {
        // Nothing received yet: resume from where this connection started.
        if (result?.cursor && this.#recentCursors.length === 0) this.noteCursor(result.cursor);
        // The backend took the connection: backoff starts over even if it drops again at once.
        this.#reconnectAttempt = 0;
        // Dropped again while connecting: the reconnect already scheduled takes over.
        if (epoch !== this.#drops) return;
        this.$status.set('online');
        this.#hooks.onOnline();
      },
      (error: unknown) => {
        const failure = toTransportError(error);
        this.#connecting = undefined;
        if (failure.code === 'auth-expired') this.$status.set('auth-expired');
        else if (failure.retryable && !this.#stopped) this.#scheduleReconnect();
        else this.$status.set('offline');
        throw failure;
      },
    );
    this.#connecting = attempt;
    return attempt;
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
