import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Desk } from '../core/desk/desk.js';
import { deskContext, DESK_CHANGE_EVENT } from './desk-context.js';

/** What an element offers so the controller can find its desk. */
export interface DeskHost extends ReactiveControllerHost, HTMLElement {
  /** A desk given directly as a property. */
  desk: Desk | undefined;
  /** Id of a `<cc-agent-desk>` elsewhere on the page (the `desk` attribute). */
  deskId: string | undefined;
}

/**
 * Finds the element's desk: the `desk` property, else the `<cc-agent-desk>` named by the
 * `desk` attribute, else the nearest `<cc-agent-desk>` ancestor (context).
 */
export class DeskController implements ReactiveController {
  #host: DeskHost;
  #fromContext: Desk | undefined;
  #fromId: Desk | undefined;
  #resolved: Desk | undefined;
  readonly #onChange: (desk: Desk | undefined) => void;

  constructor(host: DeskHost, onChange: (desk: Desk | undefined) => void) {
    this.#host = host;
    this.#onChange = onChange;
    host.addController(this);
    new ContextConsumer(host, {
      context: deskContext,
      subscribe: true,
      callback: (desk) => {
        this.#fromContext = desk;
        this.#resolve();
      },
    });
  }

  get value(): Desk | undefined {
    return this.#resolved;
  }

  hostConnected(): void {
    document.addEventListener(DESK_CHANGE_EVENT, this.#lookUp);
    this.#lookUp();
  }

  hostDisconnected(): void {
    document.removeEventListener(DESK_CHANGE_EVENT, this.#lookUp);
  }

  hostUpdate(): void {
    this.#resolve();
  }

  readonly #lookUp = (): void => {
    const id = this.#host.deskId;
    if (!id) {
      this.#fromId = undefined;
    } else {
      const root = this.#host.getRootNode() as Document | ShadowRoot;
      const target = (root.getElementById?.(id) ?? document.getElementById(id)) as { desk?: Desk } | null;
      this.#fromId = target?.desk;
    }
    this.#resolve();
  };

  #resolve(): void {
    if (this.#host.deskId && !this.#fromId) this.#lookUpQuietly();
    const next = this.#host.desk ?? this.#fromId ?? this.#fromContext;
    if (next === this.#resolved) return;
    this.#resolved = next;
    this.#onChange(next);
    this.#host.requestUpdate();
  }

  #lookUpQuietly(): void {
    const id = this.#host.deskId!;
    const root = this.#host.getRootNode() as Document | ShadowRoot;
    const target = (root.getElementById?.(id) ?? document.getElementById(id)) as { desk?: Desk } | null;
    this.#fromId = target?.desk;
  }
}
