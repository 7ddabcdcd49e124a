import { html, LitElement, css, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import type { Desk } from '../../core/desk/desk.js';
import { deskContext, DESK_CHANGE_EVENT } from '../../controllers/desk-context.js';

/**
 * Holds one agent's desk and provides it to every contact-center element inside it.
 * Elements elsewhere on the page reach it with `desk-id="<id of this element>"`.
 *
 * @summary Provides a desk (transport, state, rules) to the elements inside it.
 * @tag cc-agent-desk
 * @slot - The CRM layout with contact-center elements anywhere inside.
 */
export class CcAgentDesk extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** The desk to provide. Create one with `createDesk({ transport })`. */
  @property({ attribute: false }) desk: Desk | undefined;

  /**
   * Mirrors the native `lang` attribute: the language of the elements inside (`en`, `pl`). It is also
   * handed to the desk, so elements elsewhere that name this desk speak the same language.
   */
  @property({ attribute: 'lang' }) locale: string | undefined;

  #provider = new ContextProvider(this, { context: deskContext });
  #reported = false;

  /** The desk, if `.desk` holds one: frameworks that set properties (React 19, Vue 3) may put a string there. */
  get #given(): Desk | undefined {
    const desk: unknown = this.desk;
    if (typeof desk === 'object' && desk !== null) return desk as Desk;
    if (desk !== undefined && !this.#reported) {
      this.#reported = true;
      console.error(`<cc-agent-desk>: .desk takes the desk object from createDesk(), not ${JSON.stringify(desk)}.`);
    }
    return undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const desk = this.#given;
    if (changed.has('desk')) {
      this.#provider.setValue(desk);
    }
    if ((changed.has('locale') || changed.has('desk')) && desk) {
      desk.setLocale(this.locale || undefined);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('desk')) document.dispatchEvent(new Event(DESK_CHANGE_EVENT));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.desk) document.dispatchEvent(new Event(DESK_CHANGE_EVENT));
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cc-agent-desk': CcAgentDesk;
  }
}
