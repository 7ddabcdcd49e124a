import { html, nothing, type PropertyValues, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import type { Desk, DeskEvent } from '../../core/desk/desk.js';
import type { ConversationSummary, Offer } from '../../core/model.js';
import { StoreController } from '../../controllers/store-controller.js';
import { formatRemaining } from '../../i18n/index.js';
import { notificationStrings } from '../../i18n/en/notification.js';
import { hostStyles } from '../../styles/tokens.js';
import { avatar, avatarStyles } from '../avatar.js';
import { DeskElement } from '../desk-element.js';
import { CcAcceptEvent, CcOfferExpiredEvent, CcPresenceEvent, CcRejectEvent } from '../events.js';
import { styles } from './conversation-notification.styles.js';
import { plainText } from '../transcript/rich-text.js';

/** A time `Date` can show (NaN and a missing time fail the comparison). */
const isTime = (value: unknown): value is number => typeof value === 'number' && Math.abs(value) <= 8.64e15;

/** Input types that take no typing: focusing Accept over them interrupts nothing. */
const NON_TEXT_INPUTS = new Set(['button', 'checkbox', 'color', 'file', 'image', 'radio', 'range', 'reset', 'submit']);

/** The focused element, looking inside open shadow roots (a CRM's own components). */
function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

function isEditable(element: Element | null): boolean {
  if (element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) return true;
  if (element instanceof HTMLInputElement) return !NON_TEXT_INPUTS.has(element.type);
  return element instanceof HTMLElement && element.isContentEditable;
}

/**
 * Listens to one kind of desk event while the host is connected, following the desk the host uses.
 * The listener is dropped on disconnect, so a removed element hears nothing.
 */
class DeskEventController<T extends DeskEvent['type']> implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement & { readonly activeDesk: Desk | undefined };
  readonly #type: T;
  readonly #listener: (event: Extract<DeskEvent, { type: T }>) => void;
  #desk: Desk | undefined;
  #off: (() => void) | undefined;

  constructor(
    host: ReactiveControllerHost & HTMLElement & { readonly activeDesk: Desk | undefined },
    type: T,
    listener: (event: Extract<DeskEvent, { type: T }>) => void,
  ) {
    this.#host = host;
    this.#type = type;
    this.#listener = listener;
    host.addController(this);
  }

  hostConnected(): void {
    this.sync();
  }

  hostUpdate(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.#off?.();
    this.#off = undefined;
    this.#desk = undefined;
  }

  /** Listens to the host's current desk (call when the desk may have changed). */
  sync(): void {
    const desk = this.#host.isConnected ? this.#host.activeDesk : undefined;
    if (desk === this.#desk) return;
    this.#off?.();
    this.#desk = desk;
    this.#off = desk?.on(this.#type, this.#listener);
  }
}

/**
 * Announces an incoming Facebook Messenger conversation and lets the agent accept or reject it
 * before the desk's countdown withdraws it (F1), with the customer's other active conversations
 * (F2). A missed offer leaves a notice with a way back to Available. Renders nothing when idle.
 *
 * Accept takes focus when an offer arrives, unless the agent is typing. Escape gives focus back to
 * where it was and leaves the offer on screen: only the Reject button rejects.
 *
 * `cc-offer-expired` relays the desk's own `offer-expired` (the desk times offers out whether or
 * not any element is on the page): each notification fires it once per expired offer, from itself,
 * while it is connected. Two notifications on one desk therefore each fire it once, so a listener on
 * a common ancestor hears every expiry twice; listen on one notification, or use
 * `desk.on('offer-expired', …)` to hear each expiry exactly once per desk.
 *
 * @summary Incoming conversation: customer, queue, wait, first message, countdown, Accept/Reject.
 * @tag cc-conversation-notification
 *
 * @csspart stack - The missed notice and the card together (what floats with `overlay`).
 * @csspart card - The incoming conversation card (`role="alertdialog"`); drawn as a stack while more offers wait.
 * @csspart avatar - The customer's picture, else their initials.
 * @csspart accept - The Accept button.
 * @csspart reject - The Reject button (shown only when the desk allows rejecting).
 * @csspart countdown - The countdown bar and text.
 * @csspart missed - The "Missed conversation" notice.
 *
 * @cssprop --cc-color-surface - Card background.
 * @cssprop --cc-color-surface-2 - First-message preview, badges and the countdown track.
 * @cssprop --cc-color-border - Card and badge borders.
 * @cssprop --cc-color-text - Text colour.
 * @cssprop --cc-color-text-muted - Labels and secondary text.
 * @cssprop --cc-color-accent - Card edge, countdown bar and the Accept button.
 * @cssprop --cc-color-on-accent - Text on the Accept button.
 * @cssprop --cc-color-danger - Countdown bar in its last seconds, error text.
 * @cssprop --cc-color-warning - Edge of the missed-conversation notice.
 * @cssprop --cc-color-focus - Focus ring.
 * @cssprop --cc-radius - Corner radius.
 * @cssprop --cc-space - Spacing unit.
 * @cssprop --cc-font-family - Font family.
 * @cssprop --cc-font-size - Base font size.
 * @cssprop --cc-shadow - Card shadow.
 * @cssprop --cc-notification-width - Largest width of the card (default 24rem).
 * @cssprop --cc-notification-max-height - Largest height of the floating cards with `overlay` (default 80vh); they scroll beyond it.
 * @cssprop --cc-notification-z-index - Stacking level of the floating cards with `overlay` (default 10).
 *
 * @fires cc-accept - CcAcceptEvent, cancelable: the agent accepts the shown offer.
 * @fires cc-reject - CcRejectEvent, cancelable: the agent rejects the shown offer.
 * @csspart session-limit - The notice shown instead of accepting when every session slot is taken.
 * @fires cc-offer-expired - CcOfferExpiredEvent, not cancelable: an offer timed out (once per offer).
 * @fires cc-presence - CcPresenceEvent, cancelable: the agent becomes Available from the missed notice.
 * @cssstate idle - No offer and no missed notice to show (no box by default).
 * @cssprop --cc-color-success - Success and confirmation.
 * @cssprop --cc-space-1 - Spacing step 1 (default 4px).
 * @cssprop --cc-space-2 - Spacing step 2 (default 8px); the base step unless `--cc-space` is set.
 * @cssprop --cc-space-3 - Spacing step 3 (default 12px).
 * @cssprop --cc-space-4 - Spacing step 4 (default 16px).
 * @cssprop --cc-radius-1 - Small radius (default 4px).
 * @cssprop --cc-radius-2 - Medium radius (default 8px); buttons, fields and cards unless `--cc-radius` is set.
 * @cssprop --cc-radius-3 - Large radius (default 12px): message bubbles.
 */
export class CcConversationNotification extends DeskElement {
  static override styles = [hostStyles, avatarStyles, styles];

  /** @internal */
  protected static override strings = [notificationStrings];

  /** @internal */
  protected readonly offers = new StoreController<readonly Offer[]>(this, []);
  /** @internal Whether every session slot is taken, to say so instead of accepting (F13). */
  protected readonly sessionsFull = new StoreController<boolean>(this, false);
  /** @internal */
  protected readonly missedOffers = new StoreController<readonly Offer[]>(this, []);
  /** @internal */
  protected readonly clock = new StoreController<number>(this, 0);
  /** @internal */
  protected readonly expiry = new DeskEventController(this, 'offer-expired', ({ offers }) => this.#expired(offers));

  /**
   * Float the cards over what follows the element (e.g. the communication panel below it in a side
   * pane) instead of pushing it down: the element then takes no height, so the transcript keeps its
   * size however many offers wait. Off by default, where the element takes its cards' height.
   */
  @property({ type: Boolean, reflect: true }) overlay = false;

  /** Play a short tone when an offer arrives. Browsers allow it only after the agent has interacted with the page. */
  @property({ type: Boolean }) sound = false;

  /** Show a desktop notification when an offer arrives, if the page already has permission (never asks by itself). */
  @property({ type: Boolean, attribute: 'desktop-notification' }) desktopNotification = false;

  /** @internal */
  @state() private busy: 'accept' | 'reject' | 'presence' | undefined;
  /** @internal Offer id (or `missed`) whose last action failed. */
  @state() private failedFor: string | undefined;

  #internals: ElementInternals | undefined;
  /** Offer ids seen waiting, so arrivals are noticed once each. */
  #known = new Set<string>();
  #arrivals: Offer[] = [];
  /** Offers the desk reported expired, relayed as `cc-offer-expired` once the missed notice is on screen. */
  #expiredOffers: Offer[] = [];
  #announcement: { key: string; text: string } | undefined;
  #shownId: string | undefined;
  #focusWasInside = false;
  #returnFocus: HTMLElement | undefined;
  #releaseAlert = new Map<string, () => void>();
  #desktop = new Map<string, Notification>();
  #alerts: Promise<typeof import('./alerts.js')> | undefined;

  constructor() {
    super();
    try {
      this.#internals = this.attachInternals();
      this.#internals.states.add('idle');
    } catch {
      // Older engines lack custom states: the element then keeps an empty block box.
    }
    this.addEventListener('focusin', this.#onFocusIn);
    this.addEventListener('focusout', this.#onFocusOut);
  }

  protected override deskChanged(desk: Desk | undefined): void {
    this.offers.set(desk?.$offers);
    this.sessionsFull.set(desk?.sessions.$full);
    this.missedOffers.set(desk?.$missedOffers);
    this.expiry.sync();
  }

  #expired(offers: readonly Offer[]): void {
    const last = offers[offers.length - 1];
    if (!last) return;
    this.#expiredOffers.push(...offers);
    const t = this.localize.t.notification;
    this.#announcement = { key: `missed:${last.id}`, text: `${t.missedTitle}. ${t.missed(last.customer.name)}` };
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const release of this.#releaseAlert.values()) release();
    this.#releaseAlert.clear();
    for (const notification of this.#desktop.values()) notification.close();
    this.#desktop.clear();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Load the alerts as soon as they are asked for, so the first offer does not wait for them.
    if ((changed.has('sound') || changed.has('desktopNotification')) && (this.sound || this.desktopNotification)) {
      this.#loadAlerts().catch(() => undefined);
    }
    const desk = this.activeDesk;
    const offers = this.offers.value;
    const missed = this.missedOffers.value;
    const first = offers[0];
    // The clock ticks every second while listened to: only while there is a countdown to show.
    this.clock.set(first ? desk?.$now : undefined);

    const pending = new Set(offers.map((o) => o.id));
    for (const offer of offers) {
      if (!this.#known.has(offer.id)) {
        this.#known.add(offer.id);
        this.#arrivals.push(offer);
      }
    }
    for (const [id, release] of this.#releaseAlert) {
      if (!pending.has(id)) {
        release();
        this.#releaseAlert.delete(id);
      }
    }
    for (const [id, notification] of this.#desktop) {
      if (!pending.has(id)) {
        notification.close();
        this.#desktop.delete(id);
      }
    }
    if (this.failedFor !== undefined && this.failedFor !== 'missed' && !pending.has(this.failedFor)) {
      this.failedFor = undefined;
    }
    if (this.failedFor === 'missed' && missed.length === 0) this.failedFor = undefined;

    if (first && first.id !== this.#shownId) {
      const t = this.localize.t.notification;
      this.#announcement = { key: `offer:${first.id}`, text: t.announce(first.customer.name, first.queue) };
    }

    this.#focusWasInside = this.shadowRoot?.activeElement != null;
    this.#setIdle(!first && missed.length === 0);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    for (const offer of this.#expiredOffers.splice(0)) {
      const expired = new CcOfferExpiredEvent(offer.id);
      this.dispatchEvent(expired);
    }

    const arrivals = this.#arrivals;
    this.#arrivals = [];
    for (const offer of arrivals) this.#alert(offer);

    const first = this.offers.value[0];
    if (first && first.id !== this.#shownId) {
      this.#shownId = first.id;
      this.#focusAccept();
    } else if (this.#focusWasInside && !this.shadowRoot?.activeElement) {
      // The focused control went away (accepted, rejected, expired, dismissed): don't leave focus on <body>.
      if (first) this.#acceptButton()?.focus();
      else this.#restoreFocus();
    }
    if (!first) this.#shownId = undefined;
    this.#focusWasInside = false;
  }

  // ---- intents ----

  async #accept(): Promise<void> {
    const desk = this.activeDesk;
    const offer = this.offers.value[0];
    if (!desk || !offer || this.busy || this.sessionsFull.value) return;
    const intent = new CcAcceptEvent(offer.id);
    this.dispatchEvent(intent);
    if (intent.defaultPrevented) return;
    this.busy = 'accept';
    this.failedFor = undefined;
    try {
      await desk.accept(offer.id);
    } catch {
      this.failedFor = offer.id;
    } finally {
      this.busy = undefined;
    }
  }

  async #reject(): Promise<void> {
    const desk = this.activeDesk;
    const offer = this.offers.value[0];
    if (!desk?.canReject || !offer || this.busy) return;
    const intent = new CcRejectEvent(offer.id);
    this.dispatchEvent(intent);
    if (intent.defaultPrevented) return;
    this.busy = 'reject';
    this.failedFor = undefined;
    try {
      await desk.reject(offer.id);
    } catch {
      this.failedFor = offer.id;
    } finally {
      this.busy = undefined;
    }
  }

  async #becomeAvailable(): Promise<void> {
    const desk = this.activeDesk;
    if (!desk || this.busy) return;
    const intent = new CcPresenceEvent('available');
    this.dispatchEvent(intent);
    if (intent.defaultPrevented) return;
    this.busy = 'presence';
    this.failedFor = undefined;
    try {
      await desk.setPresence('available');
    } catch {
      this.failedFor = 'missed';
    } finally {
      this.busy = undefined;
    }
  }

  #dismiss(): void {
    this.failedFor = undefined;
    this.activeDesk?.dismissMissed();
  }

  readonly #onCardKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    // Escape only hands focus back: turning a customer away takes the Reject button itself.
    event.preventDefault();
    this.#restoreFocus();
  };

  // ---- focus ----

  readonly #onFocusIn = (event: FocusEvent): void => {
    const from = event.relatedTarget;
    if (!this.#returnFocus && from instanceof HTMLElement && from !== this && !this.contains(from)) {
      this.#returnFocus = from;
    }
  };

  readonly #onFocusOut = (event: FocusEvent): void => {
    const to = event.relatedTarget;
    // The agent moved on by themselves: there is nothing to return to later.
    if (to instanceof HTMLElement && to !== this && !this.contains(to)) this.#returnFocus = undefined;
  };

  #focusAccept(): void {
    const active = deepActiveElement();
    if (isEditable(active)) return;
    const accept = this.#acceptButton();
    if (!accept) return;
    if (active instanceof HTMLElement && active !== document.body && active !== this && !this.shadowRoot?.contains(active)) {
      this.#returnFocus = active;
    }
    accept.focus();
  }

  #acceptButton(): HTMLButtonElement | null {
    return this.renderRoot.querySelector<HTMLButtonElement>('[part="accept"]');
  }

  #restoreFocus(): void {
    const target = this.#returnFocus;
    this.#returnFocus = undefined;
    if (target?.isConnected) target.focus();
  }

  // ---- sound and desktop notification ----

  #alert(offer: Offer): void {
    if (!this.sound && !this.desktopNotification) return;
    const run = (): void => {
      this.#loadAlerts().then(
        ({ playTone, showDesktopNotification }) => {
          if (!this.isConnected || !this.offers.value.some((o) => o.id === offer.id)) return;
          if (this.sound) playTone().catch(() => undefined);
          if (!this.desktopNotification) return;
          const notification = showDesktopNotification(offer, this.localize.t.notification.desktopTitle(offer.customer.name), this.localize.lang, () => {
            if (this.offers.value[0]?.id === offer.id) this.#acceptButton()?.focus();
          });
          if (notification) this.#desktop.set(offer.id, notification);
        },
        () => undefined,
      );
    };
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
    if (!locks) {
      run();
      return;
    }
    // One CRM tab alerts per offer: the tab holding the lock until the offer leaves plays it, others stay quiet.
    const agent = this.activeDesk?.agent.id ?? '';
    locks
      .request(`cc-offer-alert:${agent}:${offer.id}`, { ifAvailable: true }, (lock) => {
        if (!lock || !this.isConnected || !this.offers.value.some((o) => o.id === offer.id)) return undefined;
        run();
        return new Promise<void>((resolve) => this.#releaseAlert.set(offer.id, resolve));
      })
      .catch(() => undefined);
  }

  /** The tone and the desktop notification: a chunk of their own, loaded once `sound` or `desktop-notification` is set. */
  #loadAlerts(): Promise<typeof import('./alerts.js')> {
    const loading = (this.#alerts ??= import('./alerts.js'));
    loading.catch(() => {
      if (this.#alerts === loading) this.#alerts = undefined;
    });
    return loading;
  }

  #setIdle(idle: boolean): void {
    try {
      if (idle) this.#internals?.states.add('idle');
      else this.#internals?.states.delete('idle');
    } catch {
      // See constructor.
    }
  }

  // ---- rendering ----

  protected override render(): TemplateResult {
    const offers = this.offers.value;
    const missed = this.missedOffers.value;
    const announcement = this.#announcement;
    return html`
      <div class="visually-hidden" role="status" aria-live="polite">
        ${announcement ? keyed(announcement.key, html`<span>${announcement.text}</span>`) : nothing}
      </div>
      ${missed.length > 0 || offers[0]
        ? html`<div class="stack" part="stack">
            ${missed.length > 0 ? this.renderMissed(missed[missed.length - 1]!) : nothing}
            ${offers[0] ? this.renderCard(offers[0], offers.length - 1) : nothing}
          </div>`
        : nothing}
    `;
  }

  private renderCard(offer: Offer, more: number): TemplateResult {
    const t = this.localize.t;
    const desk = this.activeDesk;
    // Every session slot is taken: accepting would be refused, so the card says so instead (F13).
    const full = this.sessionsFull.value;
    const now = this.clock.store ? this.clock.value : (desk?.now() ?? Date.now());
    // Text only: the customer's formatting markers are dropped, nothing becomes markup.
    const firstMessage = plainText(offer.firstMessage);
    return html`
      <div
        part="card"
        class="card ${more > 0 ? 'stacked' : ''}"
        role="alertdialog"
        aria-labelledby="title name"
        aria-describedby="details"
        @keydown=${this.#onCardKeydown}
      >
        <!-- Not a banner landmark: the page has its own; this is the card's top. -->
        <header role="none">
          ${avatar(offer.customer.name, offer.customer.avatarUrl)}
          <div>
            <h2 id="title">${t.notification.title}</h2>
            <p id="name" class="name" dir="auto">${offer.customer.name}</p>
          </div>
        </header>
        <div id="details">
          <dl class="meta">
            <dt>${t.notification.channel}</dt>
            <dd>${t.channel[offer.channel]}</dd>
            <dt>${t.notification.queue}</dt>
            <dd>${offer.queue}</dd>
            <dt>${t.notification.waiting}</dt>
            <dd>${isTime(offer.requestedAt) ? formatRemaining(now - offer.requestedAt, t) : t.notification.unknown}</dd>
          </dl>
          <p class="visually-hidden">${t.notification.firstMessage}:</p>
          <div class="preview"><p class="preview-text" dir="auto" title=${firstMessage}>${firstMessage}</p></div>
        </div>
        ${this.#part(() => this.renderCountdown(offer, now, desk?.offerTimeoutMs ?? 0))}
        ${this.failedFor === offer.id ? html`<p class="error" role="alert">${t.notification.failed}</p>` : nothing}
        ${full ? html`<p class="error" part="session-limit" id="session-limit">${t.errors.desk['session-limit']}</p>` : nothing}
        <div class="actions">
          <button
            part="accept"
            class="primary"
            aria-disabled=${this.busy || full ? 'true' : 'false'}
            aria-describedby=${full ? 'session-limit' : nothing}
            @click=${() => void this.#accept()}
          >
            ${t.notification.accept}
          </button>
          ${desk?.canReject
            ? html`<button part="reject" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => void this.#reject()}>
                ${t.notification.reject}
              </button>`
            : nothing}
        </div>
        ${more > 0 ? html`<p class="more">${t.notification.moreWaiting(more)}</p>` : nothing}
        ${this.#part(() => this.renderOthers(offer.otherConversations ?? []))}
      </div>
    `;
  }

  /** A part of the card whose data cannot be shown is left out; Accept and Reject always stay. */
  #part(render: () => TemplateResult): TemplateResult | typeof nothing {
    try {
      return render();
    } catch {
      return nothing;
    }
  }

  private renderCountdown(offer: Offer, now: number, timeoutMs: number): TemplateResult {
    if (!isTime(offer.expiresAt)) {
      return html`<div part="countdown" class="countdown" role="timer" aria-live="off">
        <span>${this.localize.t.notification.expiresUnknown}</span>
      </div>`;
    }
    const remainingMs = Math.max(0, offer.expiresAt - now);
    const seconds = Math.ceil(remainingMs / 1000);
    const total = Math.max(timeoutMs, remainingMs, 1);
    const urgent = remainingMs <= Math.min(10_000, total / 4);
    // Read on demand only: a live countdown would talk over everything every second.
    return html`
      <div part="countdown" class="countdown ${urgent ? 'urgent' : ''}" role="timer" aria-live="off">
        <progress max=${total} .value=${remainingMs} aria-hidden="true"></progress>
        <span>${this.localize.t.notification.expiresIn(seconds)}</span>
      </div>
    `;
  }

  private renderOthers(others: readonly ConversationSummary[]): TemplateResult {
    const t = this.localize.t;
    return html`
      <div class="others">
        <h3>${t.notification.otherConversations}</h3>
        ${others.length === 0
          ? html`<p class="muted">${t.notification.noOtherConversations}</p>`
          : html`<ul>
              ${others.map(
                (c) => html`<li>
                  <span>${c.queue}</span>
                  <span class="badge">${t.state[c.state]}</span>
                  ${!isTime(c.startedAt)
                    ? html`<span class="muted">${t.notification.startedUnknown}</span>`
                    : html`<time class="muted" datetime=${new Date(c.startedAt).toISOString()}
                        >${t.notification.startedAt(this.formatTime(c.startedAt))}</time
                      >`}
                </li>`,
              )}
            </ul>`}
      </div>
    `;
  }

  private renderMissed(offer: Offer): TemplateResult {
    const t = this.localize.t.notification;
    const busy = this.busy === 'presence' ? 'true' : 'false';
    return html`
      <div part="missed" class="missed" role="group" aria-labelledby="missed-title">
        <h2 id="missed-title">${t.missedTitle}</h2>
        <p>${t.missed(offer.customer.name)}</p>
        ${this.failedFor === 'missed' ? html`<p class="error" role="alert">${t.failed}</p>` : nothing}
        <div class="actions">
          <button class="primary" aria-disabled=${busy} @click=${() => void this.#becomeAvailable()}>
            ${t.becomeAvailable}
          </button>
          <button @click=${() => this.#dismiss()}>${t.dismiss}</button>
        </div>
      </div>
    `;
  }

  private formatTime(at: number): string {
    const date = new Date(at);
    const sameDay = new Date().toDateString() === date.toDateString();
    return new Intl.DateTimeFormat(this.localize.lang, sameDay ? { timeStyle: 'short' } : { dateStyle: 'short', timeStyle: 'short' }).format(date);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cc-conversation-notification': CcConversationNotification;
  }
}
