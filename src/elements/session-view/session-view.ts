import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Desk } from '../../core/desk/desk.js';
import type { AppTab, Session } from '../../core/desk/facades.js';
import type { Message } from '../../core/model.js';
import { ConversationController } from '../../controllers/conversation-controller.js';
import { StoreController } from '../../controllers/store-controller.js';
import { sessionsStrings } from '../../i18n/en/sessions.js';
import { tabStripStyles } from '../../styles/tab-strip.styles.js';
import { hostStyles } from '../../styles/tokens.js';
import { close, icon } from '../../icons/index.js';
import { DeskElement } from '../desk-element.js';
import { CcAppCloseEvent, CcAppSelectEvent } from '../events.js';
import { tabKeyAction } from '../tab-keys.js';
import { sessionViewPanelStyles, sessionViewStyles } from './session-view.styles.js';

const ANCHOR = 'customer';

/**
 * What is open in a session (F6, F13): the session's app tabs — the customer form first (the
 * anchor, which can't close), then records, transcripts, knowledge articles and the page's own
 * apps, which can — and the panel of the app in front.
 *
 * The page fills the panel through slots: `app-<id>` for one app tab, else `app-<kind>` for every
 * app of a kind (e.g. `slot="app-record"`; read the session from `desk.sessions.$sessions` or
 * listen to `cc-app-select` to know which). Without slotted content, the customer tab shows a
 * `<cc-customer-form view="session">` and a transcript tab shows the conversation's
 * `<cc-transcript>`; other kinds say what is open.
 *
 * Keyboard (ARIA tabs, manual activation): arrows move between app tabs, Home/End go to the
 * first/last, Enter or Space shows the focused app, Delete closes it (not the customer form).
 *
 * Follows the session in front unless `conversation-id` is set.
 *
 * @summary A session's app tabs (customer form anchor, records, transcripts, knowledge, page apps) and their panels.
 * @tag cc-session-view
 * @slot app-customer - Replaces the customer form in the customer tab.
 * @slot app-record - The panel of record tabs.
 * @slot app-transcript - Replaces the transcript in transcript tabs.
 * @slot app-knowledge - The panel of knowledge article tabs.
 * @slot app-app - The panel of the page's own app tabs.
 * @fires cc-app-select - CcAppSelectEvent, cancelable: the agent shows another app of the session. Cancel to keep the shown one.
 * @fires cc-app-close - CcAppCloseEvent, cancelable: the agent closes an app tab. Cancel to keep it open.
 * @cssstate empty - No session to show.
 * @csspart tablist - The row of app tabs.
 * @csspart tab - One app tab.
 * @csspart close - An app tab's close button.
 * @csspart panel - The panel of the app in front.
 * @cssprop --cc-color-surface - Tab and panel background.
 * @cssprop --cc-color-surface-2 - Background of the app tab in front.
 * @cssprop --cc-color-border - Tab and panel borders.
 * @cssprop --cc-color-accent - Marker of the app tab in front.
 * @cssprop --cc-session-view-transcript-height - Height of the default transcript panel (24rem).
 * @cssprop --cc-color-text - Text.
 * @cssprop --cc-color-text-muted - Secondary text: times, hints, counts.
 * @cssprop --cc-color-on-accent - Text on the accent colour.
 * @cssprop --cc-color-focus - The focus ring.
 * @cssprop --cc-color-danger - Errors and destructive actions.
 * @cssprop --cc-color-warning - Warnings.
 * @cssprop --cc-color-success - Success and confirmation.
 * @cssprop --cc-font-family - Font family.
 * @cssprop --cc-font-size - Base font size (default 14px).
 * @cssprop --cc-space-1 - Spacing step 1 (default 4px).
 * @cssprop --cc-space-2 - Spacing step 2 (default 8px); the base step unless `--cc-space` is set.
 * @cssprop --cc-space-3 - Spacing step 3 (default 12px).
 * @cssprop --cc-space-4 - Spacing step 4 (default 16px).
 * @cssprop --cc-space - The base spacing step every gap and padding is a multiple of (default `--cc-space-2`).
 * @cssprop --cc-radius-1 - Small radius (default 4px).
 * @cssprop --cc-radius-2 - Medium radius (default 8px); buttons, fields and cards unless `--cc-radius` is set.
 * @cssprop --cc-radius-3 - Large radius (default 12px): message bubbles.
 * @cssprop --cc-radius - The base radius of buttons, fields and cards (default `--cc-radius-2`).
 * @cssprop --cc-color-customer-bubble - Background of customer messages.
 * @cssprop --cc-color-customer-bubble-text - Text of customer messages (default `--cc-color-text`).
 * @cssprop --cc-color-agent-bubble - Background of agent messages.
 * @cssprop --cc-color-agent-bubble-text - Text of agent messages (default `--cc-color-text`).
 * @cssprop --cc-color-system-bubble - Background of system and bot notes (default `--cc-color-surface-2`).
 * @cssprop --cc-color-system-bubble-text - Text of system and bot notes (default `--cc-color-text-muted`).
 * @cssprop --cc-color-bubble-link - Links inside messages (default `--cc-color-accent`).
 * @cssprop --cc-color-agent-bubble-link - Links inside agent messages (default `--cc-color-bubble-link`).
 * @cssprop --cc-color-agent-bubble-muted - Quotes and file names inside agent messages (default `--cc-color-text-muted`).
 * @cssprop --cc-color-unread - Background of the unread count (default `--cc-color-accent`).
 * @cssprop --cc-color-on-unread - Text of the unread count (default `--cc-color-on-accent`).
 */
export class CcSessionView extends DeskElement {
  static override styles = [hostStyles, tabStripStyles, sessionViewStyles, sessionViewPanelStyles];

  /** @internal */
  protected static override strings = [sessionsStrings];

  #conversation = new ConversationController(this);
  #sessions = new StoreController<readonly Session[]>(this, []);
  #messages = new StoreController<readonly Message[]>(this, []);
  #internals = this.attachInternals();
  #focusId: string | undefined;

  /** The conversation whose session is shown. Default: the session in front. */
  @property({ attribute: 'conversation-id' }) conversationId: string | undefined;

  protected override deskChanged(desk: Desk | undefined): void {
    this.#sessions.set(desk?.sessions.$sessions);
  }

  get #session(): Session | undefined {
    const id = this.#conversation.id;
    return id === undefined ? undefined : this.#sessions.value.find((s) => s.conversationId === id);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const session = this.#session;
    if (session) this.#internals.states.delete('empty');
    else this.#internals.states.add('empty');
    const app = session?.apps.find((a) => a.id === session.activeApp);
    this.#messages.set(app?.kind === 'transcript' ? this.activeDesk?.messages(app.conversationId) : undefined);
    if (!session?.apps.some((a) => a.id === this.#focusId)) this.#focusId = session?.activeApp;
  }

  /** Shows an app of the session (as Enter on its tab does), after a `cc-app-select` nobody cancelled. */
  selectApp(appId: string): void {
    const desk = this.activeDesk;
    const session = this.#session;
    if (!desk || !session) return;
    this.#focusId = appId;
    if (session.activeApp === appId) return;
    const intent = new CcAppSelectEvent(session.conversationId, appId);
    this.dispatchEvent(intent);
    if (intent.defaultPrevented) return;
    desk.sessions.selectApp(session.conversationId, appId);
  }

  /** Closes an app tab (never the customer form), after a `cc-app-close` nobody cancelled. */
  async closeApp(appId: string): Promise<void> {
    const desk = this.activeDesk;
    const session = this.#session;
    if (!desk || !session || appId === ANCHOR) return;
    const intent = new CcAppCloseEvent(session.conversationId, appId);
    this.dispatchEvent(intent);
    if (intent.defaultPrevented) return;
    const hadFocus = this.shadowRoot?.activeElement != null;
    desk.sessions.closeApp(session.conversationId, appId);
    this.#focusId = this.#session?.activeApp;
    await this.updateComplete;
    if (hadFocus) this.#tab(this.#focusId)?.focus();
  }

  #tab(appId: string | undefined): HTMLElement | null {
    if (appId === undefined) return null;
    return this.renderRoot.querySelector<HTMLElement>(`[role="tab"][data-id="${CSS.escape(appId)}"]`);
  }

  #onKeyDown(event: KeyboardEvent): void {
    const tab = (event.target as HTMLElement).closest<HTMLElement>('[role="tab"]');
    const id = tab?.dataset['id'];
    const session = this.#session;
    if (!tab || id === undefined || !session) return;
    const ids = session.apps.map((a) => a.id);
    const rtl = getComputedStyle(this).direction === 'rtl';
    const action = tabKeyAction(event, ids, id, { rtl });
    // The customer form never closes: Delete on it keeps its default.
    if (!action || (action.type === 'close' && id === ANCHOR)) return;
    event.preventDefault();
    if (action.type === 'activate') return this.selectApp(id);
    if (action.type === 'close') return void this.closeApp(id);
    const next = action.id;
    this.#focusId = next;
    this.requestUpdate();
    this.#tab(next)?.focus();
  }

  #title(app: AppTab): string {
    const t = this.localize.t.sessions;
    switch (app.kind) {
      case 'customer':
        return t.appKinds.customer;
      case 'record':
        return app.record.title;
      default:
        return app.title;
    }
  }


  /** @internal The column count reaches the stylesheet through the CSSOM: a `style` attribute would break a strict CSP. */
  protected override updated(changed: import('lit').PropertyValues<this>): void {
    super.updated(changed);
    this.renderRoot.querySelector<HTMLElement>('.strip')?.style.setProperty('--_tabs', String(this.#session?.apps.length ?? 0));
  }

  protected override render(): TemplateResult {
    const t = this.localize.t.sessions;
    const session = this.#session;
    if (!session) return html`<p class="empty">${t.noSession}</p>`;
    const name = this.#conversation.value?.customer.name || t.unnamedCustomer;
    const focusId = this.#focusId ?? session.activeApp;
    return html`<div class="strip">
        <div class="tabs" role="tablist" part="tablist" aria-label=${t.appsLabel(name)} aria-describedby="apps-hint" @keydown=${this.#onKeyDown}>
          ${repeat(
            session.apps,
            (a) => a.id,
            (app) => html`<div
              role="tab"
              part="tab"
              class="tab"
              id=${`tab-${app.id}`}
              data-id=${app.id}
              data-kind=${app.kind}
              ?data-closable=${app.id !== ANCHOR}
              aria-selected=${app.id === session.activeApp ? 'true' : 'false'}
              aria-controls="panel"
              tabindex=${app.id === focusId ? '0' : '-1'}
              @click=${() => this.selectApp(app.id)}
            >
              <span class="kind">${t.appKinds[app.kind]}</span>
              <span class="title">${app.kind === 'customer' ? name : this.#title(app)}</span>
            </div>`,
          )}
        </div>
        <div class="closers">
          ${repeat(
            session.apps,
            (a) => a.id,
            (app) =>
              app.id === ANCHOR
                ? html`<span></span>`
                : html`<button
                    type="button"
                    class="close"
                    part="close"
                    tabindex="-1"
                    aria-label=${t.closeApp(this.#title(app))}
                    @click=${() => void this.closeApp(app.id)}
                  >
                    ${icon(close)}
                  </button>`,
          )}
        </div>
      </div>
      <p id="apps-hint" hidden>${t.appsHint}</p>
      ${this.renderPanel(session)}`;
  }

  private renderPanel(session: Session): TemplateResult {
    const app = session.apps.find((a) => a.id === session.activeApp) ?? session.apps[0];
    if (!app) return html``;
    return html`<div class="panel" part="panel" id="panel" role="tabpanel" aria-labelledby=${`tab-${app.id}`}>
      <slot name=${`app-${app.id}`}><slot name=${`app-${app.kind}`}>${this.renderDefault(session, app)}</slot></slot>
    </div>`;
  }

  private renderDefault(session: Session, app: AppTab): TemplateResult {
    const t = this.localize.t.sessions;
    switch (app.kind) {
      case 'customer':
        return html`<cc-customer-form .desk=${this.activeDesk} conversation-id=${session.conversationId} view="session"></cc-customer-form>`;
      case 'transcript':
        return html`<cc-transcript .messages=${this.#messages.value} label=${app.title}></cc-transcript>`;
      default:
        return html`<p class="nothing">${t.nothingShown(this.#title(app))}</p>`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cc-session-view': CcSessionView;
  }
}
