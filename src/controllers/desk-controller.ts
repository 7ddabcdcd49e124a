import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Desk } from '../core/desk/desk.js';
import { deskContext, DESK_CHANGE_EVENT } from './desk-context.js';

/** What an element offers so the controller can find its desk. */
export interface DeskHost extends ReactiveControllerHost, HTMLElement {
  /** A desk given directly as a property. */
  desk: Desk | undefined;
  /** Id of a `<cc-agent-desk>` elsewhere on the page (the `desk-id` attribute). */
  deskId: string | undefined;
  /** The element has rendered once (Lit's `hasUpdated`); unknown counts as not yet. */
  readonly hasUpdated?: boolean;
}

/**
 * Finds the element's desk: the `desk` property, else the `<cc-agent-desk>` named by the
 * `desk-id` attribute, else the nearest `<cc-agent-desk>` ancestor (context).
 *
 * Frameworks that set a property when one exists (React 19, Vue 3) turn `desk="main"` into
 * `.desk = "main"`; that string is reported once and used as a desk id so the page still works.
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
    // Before the first update, up to date with the property even ahead of hostUpdate: an element
    // upgraded after `.desk` was set on it gets that value back only as its first update starts.
    if (!this.#host.hasUpdated) this.#resolve();
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

  /** The desk given as an object; a string on `.desk` is not one (see `#id`). */
  get #given(): Desk | undefined {
    const desk: unknown = this.#host.desk;
    return typeof desk === 'object' && desk !== null ? (desk as Desk) : undefined;
  }

  /** The id to look up: the `desk-id` attribute, else a string mistakenly set on `.desk`. */
  get #id(): string | undefined {
    const desk: unknown = this.#host.desk;
    if (typeof desk === 'string' && desk !== '') {
      this.#reportStringDesk(desk);
      return this.#host.deskId || desk;
    }
    return this.#host.deskId || undefined;
  }

  #reported: string | undefined;

  #reportStringDesk(desk: string): void {
    if (this.#reported === desk) return;
    this.#reported = desk;
    const tag = this.#host.localName;
    console.error(
      `<${tag}>: .desk takes the desk object from createDesk(), not the string "${desk}". ` +
        `To name a <cc-agent-desk> by id use the desk-id attribute: <${tag} desk-id="${desk}">. ` +
        `Looking up "${desk}" as a desk id for now.`,
    );
  }

  readonly #lookUp = (): void => {
    this.#find(this.#id);
    this.#resolve();
  };

  #find(id: string | undefined): void {
    this.#foundFor = id;
    if (!id) {
      this.#fromId = undefined;
      return;
    }
    const root = this.#host.getRootNode() as Document | ShadowRoot;
    const target = (root.getElementById?.(id) ?? document.getElementById(id)) as { desk?: unknown } | null;
    const desk = target?.desk;
    this.#fromId = typeof desk === 'object' && desk !== null ? (desk as Desk) : undefined;
  }

  /** The id `#fromId` was looked up for, so a changed `desk-id` is looked up again. */
  #foundFor: string | undefined;

  #resolve(): void {
    const id = this.#id;
    if (id !== this.#foundFor || (id && !this.#fromId)) this.#find(id);
    const next = this.#given ?? this.#fromId ?? this.#fromContext;
    if (next === this.#resolved) return;
    this.#resolved = next;
    this.#onChange(next);
    this.#host.requestUpdate();
  }
}
