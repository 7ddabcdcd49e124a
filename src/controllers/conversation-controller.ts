import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Desk } from '../core/desk/desk.js';
import type { Conversation } from '../core/model.js';
import { StoreController } from './store-controller.js';

/** An element that shows one conversation: its own `conversation-id`, else the desk's active one. */
export interface ConversationHost extends ReactiveControllerHost {
  conversationId: string | undefined;
  readonly activeDesk: Desk | undefined;
}

/**
 * Resolves "my `conversation-id`, else the desk's active conversation" the same way for every
 * element (an empty attribute counts as unset), and subscribes the element to that one
 * conversation's store, so a change elsewhere does not re-render it. `onChange` runs when the
 * shown conversation (or its desk) changes, before the element renders it.
 */
export class ConversationController implements ReactiveController {
  readonly #host: ConversationHost;
  readonly #active: StoreController<string | undefined>;
  readonly #conversation: StoreController<Conversation | undefined>;
  readonly #onChange: ((id: string | undefined, desk: Desk | undefined, previous: string | undefined) => void) | undefined;
  #desk: Desk | undefined;
  #id: string | undefined;
  #synced = false;

  constructor(
    host: ConversationHost,
    onChange?: (id: string | undefined, desk: Desk | undefined, previous: string | undefined) => void,
  ) {
    this.#host = host;
    this.#onChange = onChange;
    this.#active = new StoreController<string | undefined>(host, undefined);
    this.#conversation = new StoreController<Conversation | undefined>(host, undefined);
    host.addController(this);
  }

  /** The id of the conversation shown, if any (it may not be known to the desk yet). */
  get id(): string | undefined {
    this.#sync();
    return this.#id;
  }

  /** The conversation shown, once the desk knows it. */
  get value(): Conversation | undefined {
    this.#sync();
    return this.#conversation.value;
  }

  hostConnected(): void {
    this.#sync();
  }

  hostUpdate(): void {
    this.#sync();
  }

  #sync(): void {
    const desk = this.#host.activeDesk;
    if (desk !== this.#desk) {
      this.#desk = desk;
      this.#active.set(desk?.$activeConversationId);
      this.#synced = false;
    }
    const id = this.#host.conversationId || this.#active.value;
    if (this.#synced && id === this.#id) return;
    const previous = this.#id;
    this.#synced = true;
    this.#id = id;
    this.#conversation.set(desk && id !== undefined ? desk.conversation(id) : undefined);
    this.#onChange?.(id, desk, previous);
  }
}
