import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Desk } from '../../core/desk/desk.js';
import type { Session } from '../../core/desk/facades.js';
import type { Conversation } from '../../core/model.js';
import { StoreController } from '../../controllers/store-controller.js';
import { sessionsStrings } from '../../i18n/en/sessions.js';
import { tabStripStyles } from '../../styles/tab-strip.styles.js';
import { hostStyles } from '../../styles/tokens.js';
import { close, icon } from '../../icons/index.js';
import { DeskElement } from '../desk-element.js';
import { CcSessionCloseEvent, CcSessionSelectEvent } from '../events.js';
import { tabKeyAction } from '../tab-keys.js';
import { sessionTabsStyles } from './session-tabs.styles.js';
import { sentimentBadge } from '../sentiment-badge/slots.js';
import { callControls } from '../call-controls/slots.js';

/** The unread badge's text: "9+" above nine. */
export const unreadBadge = (n: number): string => (n > 9 ? '9+' : String(n));

/**
 * The agent's sessions as tabs (F13): one per conversation the agent holds, with the customer's
 * name, the channel, the conversation state, and how many customer messages arrived while another
 * session was in front. Switching sessions loses nothing: drafts, files and scroll positions live
 * in the desk per conversation. Closing a tab does not end the conversation: an Active one goes to
 * Waiting.
 *
 * Keyboard (ARIA tabs, manual activation): Left/Right arrows (or Up/Down) move between tabs,
 * Home/End go to the first/last, Enter or Space brings the focused session to the front, Delete
 * closes it. Activation is manual because bringing a session to the front swaps the whole
 * workspace and fires an intent the page may veto. The close buttons are reachable with the mouse
 * and screen readers; from the keyboard, Delete does the same. See `<cc-shortcuts>` for page-wide keys.
 *
 * When every slot is taken it shows "n of max" and why no other conversation can be accepted.
 *
 * @summary Session tabs with unread badges; switching keeps unsaved input, closing parks the conversation.
 * @tag cc-session-tabs
 * @fires cc-session-select - CcSessionSelectEvent, cancelable: the agent brings a session to the front. Cancel to leave it.
 * @fires cc-session-close - CcSessionCloseEvent, cancelable: the agent closes a session (the conversation waits). Cancel to keep it.
 * @cssstate empty - No session is open.
 * @cssstate full - Every session slot is taken.
 * @csspart tablist - The row of tabs.
 * @csspart tab - One tab.
 * @csspart name - The customer's name in a tab.
 * @csspart state - The state badge of a tab.
 * @csspart unread - The unread badge of a tab.
 * @csspart sentiment - A tab's `<cc-sentiment-badge>` (F14): shown unless Neutral; on a background session at Slightly negative or below it says "needs urgent attention".
 * @csspart close - A tab's close button.
 * @csspart count - "n of max", shown when every slot is taken.
 * @cssprop --cc-color-surface - Tab background.
 * @cssprop --cc-color-surface-2 - Background of the tab in front.
 * @cssprop --cc-color-border - Tab borders.
 * @cssprop --cc-color-accent - Marker of the tab in front, unread badge.
 * @cssprop --cc-color-warning - The "full" notice.
 * @cssprop --cc-color-text - Text.
 * @cssprop --cc-color-text-muted - Secondary text: times, hints, counts.
 * @cssprop --cc-color-on-accent - Text on the accent colour.
 * @cssprop --cc-color-focus - The focus ring.
 * @cssprop --cc-color-danger - Errors and destructive actions.
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
 * @cssprop --cc-color-unread - Background of the unread count (default `--cc-color-accent`).
 * @cssprop --cc-color-on-unread - Text of the unread count (default `--cc-color-on-accent`).
 * @cssprop --cc-color-sentiment-negative - Negative and very negative sentiment, the urgent marker and the alert (default `--cc-color-danger`).
 * @cssprop --cc-color-sentiment-slightly-negative - Slightly negative sentiment (default `--cc-color-warning`).
 * @cssprop --cc-color-sentiment-neutral - Neutral sentiment (default `--cc-color-text-muted`).
 * @cssprop --cc-color-sentiment-positive - Positive and very positive sentiment (default `--cc-color-success`).
 */
export class CcSessionTabs extends DeskElement {
  static override styles = [hostStyles, tabStripStyles, sessionTabsStyles];

  /** @internal */
  protected static override strings = [sessionsStrings];

  #sessions = new StoreController<readonly Session[]>(this, []);
  #active = new StoreController<string | undefined>(this, undefined);
  #conversations = new StoreController<Readonly<Record<string, Conversation>>>(this, {});
  #internals = this.attachInternals();
  /** The tab that takes focus within the list (roving tabindex); follows the front session. */
  #focusId: string | undefined;

  protected override deskChanged(desk: Desk | undefined): void {
    this.#sessions.set(desk?.sessions.$sessions);
    this.#active.set(desk?.$activeConversationId);
    this.#conversations.set(desk?.$conversations);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const sessions = this.#sessions.value;
    const max = this.activeDesk?.sessions.max ?? Infinity;
    this.#toggle('empty', sessions.length === 0);
    this.#toggle('full', sessions.length >= max);
    if (!sessions.some((s) => s.conversationId === this.#focusId)) this.#focusId = this.#active.value;
  }

  #toggle(name: string, on: boolean): void {
    if (on) this.#internals.states.add(name);
    else this.#internals.states.delete(name);
  }

  /** Brings a session to the front (as Enter on its tab does), after a `cc-session-select` nobody cancelled. */
  select(conversationId: string): void {
    const desk = this.activeDesk;
    if (!desk) return;
    this.#focusId = conversationId;
    if (this.#active.value === conversationId) return;
    const intent = new CcSessionSelectEvent(conversationId);
    this.dispatchEvent(intent);
    if (intent.defaultPrevented) return;
    desk.sessions.focus(conversationId);
  }

  /** Closes a session (as its close button does), after a `cc-session-close` nobody cancelled. */
  async close(conversationId: string): Promise<void> {
    const desk = this.activeDesk;
    if (!desk) return;
    const intent = new CcSessionCloseEvent(conversationId);
    this.dispatchEvent(intent);
    if (intent.defaultPrevented) return;
    const hadFocus = this.shadowRoot?.activeElement != null;
    const list = this.#sessions.value;
    const index = list.findIndex((s) => s.conversationId === conversationId);
    await desk.sessions.close(conversationId);
    // Focus stays in the list: on the tab that took the closed one's place.
    const rest = this.#sessions.value;
    this.#focusId = this.#active.value ?? rest[Math.min(index, rest.length - 1)]?.conversationId;
    await this.updateComplete;
    if (hadFocus) this.#tab(this.#focusId)?.focus();
  }

  #tab(conversationId: string | undefined): HTMLElement | null {
    if (conversationId === undefined) return null;
    return this.renderRoot.querySelector<HTMLElement>(`[role="tab"][data-id="${CSS.escape(conversationId)}"]`);
  }

  #onKeyDown(event: KeyboardEvent): void {
    const tab = (event.target as HTMLElement).closest<HTMLElement>('[role="tab"]');
    const id = tab?.dataset['id'];
    if (!tab || id === undefined) return;
    const ids = this.#sessions.value.map((s) => s.conversationId);
    const rtl = getComputedStyle(this).direction === 'rtl';
    const action = tabKeyAction(event, ids, id, { rtl, vertical: true });
    if (!action) return;
    event.preventDefault();
    if (action.type === 'activate') return this.select(id);
    if (action.type === 'close') return void this.close(id);
    const next = action.id;
    this.#focusId = next;
    this.requestUpdate();
    this.#tab(next)?.focus();
  }


  /** @internal The column count reaches the stylesheet through the CSSOM: a `style` attribute would break a strict CSP. */
  protected override updated(changed: import('lit').PropertyValues<this>): void {
    super.updated(changed);
    this.renderRoot.querySelector<HTMLElement>('.strip')?.style.setProperty('--_tabs', String(this.#sessions.value.length));
  }

  protected override render(): TemplateResult {
    const t = this.localize.t.sessions;
    const sessions = this.#sessions.value;
    if (sessions.length === 0) return html`<p class="empty" part="empty">${t.empty}</p>`;
    const max = this.activeDesk?.sessions.max ?? sessions.length;
    const full = sessions.length >= max;
    const focusId = this.#focusId ?? sessions[0]!.conversationId;
    return html`<div class="bar">
        <div class="strip">
          <div
            class="tabs"
            role="tablist"
            part="tablist"
            aria-label=${t.tabsLabel}
            aria-describedby="tabs-hint"
            @keydown=${this.#onKeyDown}
          >
            ${repeat(
              sessions,
              (s) => s.conversationId,
              (s) => this.renderTab(s, s.conversationId === focusId),
            )}
          </div>
          <div class="closers">
            ${repeat(
              sessions,
              (s) => s.conversationId,
              (s) => html`<button
                type="button"
                class="close"
                part="close"
                tabindex="-1"
                aria-label=${t.close(this.#name(s.conversationId))}
                @click=${() => void this.close(s.conversationId)}
              >
                ${icon(close)}
              </button>`,
            )}
          </div>
        </div>
        ${full
          ? html`<p class="count" part="count" id="full">
              <strong>${t.count(sessions.length, max)}</strong> <span>${t.full(max)}</span>
            </p>`
          : nothing}
      </div>
      <p class="hint" id="tabs-hint" hidden>${t.tabsHint}</p>`;
  }

  #name(conversationId: string): string {
    return this.#conversations.value[conversationId]?.customer.name || this.localize.t.sessions.unnamedCustomer;
  }

  private renderTab(session: Session, focusable: boolean): TemplateResult {
    const t = this.localize.t;
    const conversation = this.#conversations.value[session.conversationId];
    const selected = session.conversationId === this.#active.value;
    const name = this.#name(session.conversationId);
    return html`<div
      role="tab"
      part="tab"
      class="tab"
      data-id=${session.conversationId}
      aria-selected=${selected ? 'true' : 'false'}
      tabindex=${focusable ? '0' : '-1'}
      @click=${() => this.select(session.conversationId)}
    >
      <span class="name" part="name" dir="auto" title=${name}>${name}</span>
      ${conversation ? html`<span class="channel">${t.channel[conversation.channel] ?? conversation.channel}</span>` : nothing}
      ${conversation
        ? html`<span class="state" part="state" data-state=${conversation.state}>${t.state[conversation.state]}</span>`
        : nothing}
      ${sentimentBadge(this.activeDesk, session.conversationId, this.localize.lang, { compact: true, background: !selected })}
      ${callControls(this.activeDesk, session.conversationId, this.localize.lang, true)}
      ${session.unread > 0
        ? html`<span class="unread" part="unread"
            ><span aria-hidden="true">${unreadBadge(session.unread)}</span
            ><span class="visually-hidden">${t.sessions.unread(session.unread)}</span></span
          >`
        : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cc-session-tabs': CcSessionTabs;
  }
}
