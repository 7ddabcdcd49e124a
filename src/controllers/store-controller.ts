import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ReadableAtom } from 'nanostores';

/**
 * Subscribes its host to one nanostore and re-renders on change. The store may be swapped
 * (another desk or conversation); the subscription is owned and dropped on disconnect.
 */
export class StoreController<T> implements ReactiveController {
  #host: ReactiveControllerHost;
  #store: ReadableAtom<T> | undefined;
  #unsubscribe: (() => void) | undefined;
  #fallback: T;
  #connected = false;

  constructor(host: ReactiveControllerHost, fallback: T) {
    this.#host = host;
    this.#fallback = fallback;
    host.addController(this);
  }

  get value(): T {
    return this.#store ? this.#store.get() : this.#fallback;
  }

  get store(): ReadableAtom<T> | undefined {
    return this.#store;
  }

  /** Points the controller at another store (or none). */
  set(store: ReadableAtom<T> | undefined): void {
    if (store === this.#store) return;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#store = store;
    if (this.#connected) this.#listen();
    this.#host.requestUpdate();
  }

  hostConnected(): void {
    this.#connected = true;
    this.#listen();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  #listen(): void {
    if (!this.#store || this.#unsubscribe) return;
    this.#unsubscribe = this.#store.listen(() => this.#host.requestUpdate());
  }
}
