import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { usesCapacity } from '../../core/conversation-state.js';
import type { Desk, RecentCases, TimelineEntry } from '../../core/desk/desk.js';
import type { Conversation } from '../../core/model.js';
import type { CrmRecord, RecordRef } from '../../core/records.js';
import { ConversationController } from '../../controllers/conversation-controller.js';
import { StoreController } from '../../controllers/store-controller.js';
import { formatRemaining } from '../../i18n/index.js';
import { customerFormStrings } from '../../i18n/en/customer-form.js';
import { recordsStrings } from '../../i18n/en/records.js';
import { hostStyles } from '../../styles/tokens.js';
import { avatar, avatarStyles } from '../avatar.js';
import { DeskElement } from '../desk-element.js';
import { styles } from './customer-form.styles.js';

export type CustomerFormView = 'conversation' | 'session';
export type CustomerFormTab = 'pre-chat' | 'visitor';

const TABS: readonly CustomerFormTab[] = ['pre-chat', 'visitor'];

/**
 * The customer and conversation beside the communication panel (F5): who the customer is, how the
 * conversation got here, what it is linked to, the customer's recent cases and what happened so far,
 * with pre-chat answers and visitor details in tabs. `view="session"` is the compact session view (F6):
 * state, time in session, linked records and what is open. Follows the desk's active conversation
 * unless `conversation-id` is set. Everything the customer or the CRM provides is shown as text.
 *
 * @summary Customer, conversation summary, linked and recent cases, timeline, pre-chat and visitor tabs.
 * @tag cc-customer-form
 *
 * @csspart base - The wrapper around every section.
 * @csspart empty - The message shown when there is no conversation.
 * @csspart customer - The customer section (or the session view's header).
 * @csspart avatar - The customer's picture (only for http(s) URLs), else their initials.
 * @csspart name - The customer's name.
 * @csspart summary - The conversation summary section.
 * @csspart state - The conversation state badge.
 * @csspart links - The linked case and contact-or-account section.
 * @csspart recent-cases - The recent cases section (absent when the transport has no records).
 * @csspart timeline - The timeline section.
 * @csspart tabs - The pre-chat / visitor details tabs, list and panels.
 * @csspart tab - Each tab button.
 * @csspart tabpanel - Each tab panel.
 * @csspart session - The session view.
 *
 * @cssprop --cc-color-surface - Section background.
 * @cssprop --cc-color-surface-2 - Badges and chips.
 * @cssprop --cc-color-border - Section, badge and tab borders.
 * @cssprop --cc-color-text - Text colour.
 * @cssprop --cc-color-text-muted - Labels, times and secondary text.
 * @cssprop --cc-color-accent - Selected tab, Open badge.
 * @cssprop --cc-color-success - Active badge.
 * @cssprop --cc-color-warning - Waiting and Wrap-up badges.
 * @cssprop --cc-color-danger - Error text.
 * @cssprop --cc-color-focus - Focus ring.
 * @cssprop --cc-radius - Corner radius.
 * @cssprop --cc-space - Spacing unit.
 * @cssprop --cc-font-family - Font family.
 * @cssprop --cc-font-size - Base font size.
 * @cssprop --cc-customer-form-avatar-size - Size of the customer's picture (default 48px).
 * @cssprop --cc-color-on-accent - Text on the accent colour.
 * @cssprop --cc-space-1 - Spacing step 1 (default 4px).
 * @cssprop --cc-space-2 - Spacing step 2 (default 8px); the base step unless `--cc-space` is set.
 * @cssprop --cc-space-3 - Spacing step 3 (default 12px).
 * @cssprop --cc-space-4 - Spacing step 4 (default 16px).
 * @cssprop --cc-radius-1 - Small radius (default 4px).
 * @cssprop --cc-radius-2 - Medium radius (default 8px); buttons, fields and cards unless `--cc-radius` is set.
 * @cssprop --cc-radius-3 - Large radius (default 12px): message bubbles.
 */
export class CcCustomerForm extends DeskElement {
  static override styles = [hostStyles, avatarStyles, styles];

  /** @internal */
  protected static override strings = [customerFormStrings, recordsStrings];

  /** @internal */
  private readonly shown = new ConversationController(this);
  /** @internal Every conversation, for the session view's "open now" count only. */
  private readonly conversations = new StoreController<Readonly<Record<string, Conversation>>>(this, {});
  /** @internal */
  private readonly recentCases = new StoreController<RecentCases | undefined>(this, undefined);
  /** @internal */
  private readonly timeline = new StoreController<readonly TimelineEntry[]>(this, []);
  /** @internal */
  private readonly clock = new StoreController<number>(this, 0);

  /** Show this conversation instead of the desk's active one. */
  @property({ attribute: 'conversation-id' }) conversationId: string | undefined;

  /** `conversation`: everything (F5); `session`: the compact session view (F6). */
  @property() view: CustomerFormView = 'conversation';

  /** The selected tab of the conversation view. The agent changes it with the tabs. */
  @property() tab: CustomerFormTab = 'pre-chat';

  /** Customer and linked case the recent cases were last shown for: a newly linked case may be a new one. */
  #recentKey: { desk: Desk; customerId: string; caseId: string | undefined } | undefined;

  protected override deskChanged(): void {
    this.#recentKey = undefined;
  }

  /** The conversation on screen. */
  get conversation(): Conversation | undefined {
    return this.shown.value;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const desk = this.activeDesk;
    const conversation = this.conversation;
    this.timeline.set(desk && conversation ? desk.timeline(conversation.id) : undefined);
    // The clock ticks every second while listened to: only while a shown duration is still running.
    this.clock.set(desk && conversation && this.#running(conversation) ? desk.$now : undefined);
    this.conversations.set(desk && conversation && this.#session() ? desk.$conversations : undefined);
    this.#syncRecent(desk, conversation);
  }

  #session(): boolean {
    return this.view === 'session';
  }

  #running(conversation: Conversation): boolean {
    if (conversation.state === 'closed') return false;
    return this.#session() ? conversation.acceptedAt !== undefined : conversation.acceptedAt === undefined;
  }

  #now(): number {
    return this.clock.store ? this.clock.value : (this.activeDesk?.now() ?? Date.now());
  }

  // ---- recent cases ----

  #syncRecent(desk: Desk | undefined, conversation: Conversation | undefined): void {
    // The session view shows no recent cases (and asks for none).
    if (this.#session() || !desk?.capabilities.records || !conversation) {
      this.recentCases.set(undefined);
      if (!conversation) this.#recentKey = undefined;
      return;
    }
    const customerId = conversation.customer.id;
    const caseId = conversation.links?.case?.id;
    const previous = this.#recentKey;
    this.#recentKey = { desk, customerId, caseId };
    // The desk loads a customer's cases on first use and shares them between views.
    const store = desk.recentCases(customerId);
    this.recentCases.set(store);
    const sameCustomer = previous?.desk === desk && previous.customerId === customerId;
    // A case linked while shown may be one the list has not seen yet; a load already running will have it.
    if (sameCustomer && previous.caseId !== caseId && caseId !== undefined && store.get().status !== 'loading') {
      void desk.loadRecentCases(customerId).catch(() => undefined);
    }
  }

  async #retryRecent(): Promise<void> {
    const desk = this.activeDesk;
    const conversation = this.conversation;
    if (!desk || !conversation) return;
    const hadFocus = this.shadowRoot?.activeElement?.classList.contains('retry') ?? false;
    void desk.loadRecentCases(conversation.customer.id).catch(() => undefined);
    await this.updateComplete;
    // The Retry button is gone while loading: keep the agent in the same section, not on <body>.
    if (hadFocus) this.renderRoot.querySelector<HTMLElement>('#recent-title')?.focus();
  }

  // ---- tabs ----

  #selectedTab(): CustomerFormTab {
    return TABS.includes(this.tab) ? this.tab : 'pre-chat';
  }

  readonly #onTabKeydown = async (event: KeyboardEvent): Promise<void> => {
    const index = TABS.indexOf(this.#selectedTab());
    const rtl = getComputedStyle(this).direction === 'rtl';
    const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
    const back = rtl ? 'ArrowRight' : 'ArrowLeft';
    let next: number;
    if (event.key === forward) next = (index + 1) % TABS.length;
    else if (event.key === back) next = (index - 1 + TABS.length) % TABS.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = TABS.length - 1;
    else return;
    event.preventDefault();
    this.tab = TABS[next]!;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#tab-${this.tab}`)?.focus();
  };

  // ---- rendering ----

  protected override render(): TemplateResult {
    const conversation = this.conversation;
    if (!conversation) {
      return html`<p part="empty" class="empty">${this.localize.t.customerForm.noConversation}</p>`;
    }
    if (this.#session()) return this.renderSession(conversation);
    return html`
      <div part="base" class="form">
        ${this.renderCustomer(conversation)} ${this.renderSummary(conversation)} ${this.renderLinks(conversation)}
        ${this.renderRecent(conversation)} ${this.renderTimeline()} ${this.renderTabs(conversation)}
      </div>
    `;
  }

  private renderCustomer(conversation: Conversation): TemplateResult {
    const t = this.localize.t.customerForm;
    const { customer } = conversation;
    return html`
      <section part="customer" class="card">
        <h2>${t.customer}</h2>
        <div class="identity">
          ${this.renderAvatar(conversation)}
          <p part="name" class="name" dir="auto">${customer.name}</p>
        </div>
        <dl>
          <dt>${t.locale}</dt>
          <dd>${this.renderLocale(customer.locale)}</dd>
          <dt>${t.facebookId}</dt>
          <dd class="code">${customer.facebookId || t.notProvided}</dd>
        </dl>
      </section>
    `;
  }

  private renderAvatar(conversation: Conversation): TemplateResult {
    return avatar(conversation.customer.name, conversation.customer.avatarUrl);
  }

  private renderLocale(locale: string | undefined): TemplateResult | string {
    if (!locale) return this.localize.t.customerForm.notProvided;
    let name: string | undefined;
    try {
      name = new Intl.DisplayNames([this.localize.lang], { type: 'language' }).of(locale);
    } catch {
      // Not a valid language tag: show what the customer's profile says, as it is.
    }
    return name && name !== locale ? html`${name} <span class="muted">(${locale})</span>` : locale;
  }

  private renderSummary(conversation: Conversation): TemplateResult {
    const t = this.localize.t;
    const f = t.customerForm;
    const now = this.#now();
    const waitEnd = conversation.acceptedAt ?? (conversation.state === 'closed' ? conversation.closedAt : undefined) ?? now;
    const skills = conversation.skills ?? [];
    return html`
      <section part="summary" class="card">
        <h2>${f.summary}</h2>
        <dl>
          <dt>${f.state}</dt>
          <dd>${this.renderState(conversation)}</dd>
          <dt>${f.channel}</dt>
          <dd>${t.channel[conversation.channel] ?? conversation.channel}</dd>
          <dt>${f.queue}</dt>
          <dd>${conversation.queue}</dd>
          <dt>${f.waitingTime}</dt>
          <dd class="number">${formatRemaining(Math.max(0, waitEnd - conversation.requestedAt), t)}</dd>
          <dt>${f.skills}</dt>
          <dd>
            ${skills.length === 0
              ? f.notProvided
              : html`<ul class="chips">
                  ${skills.map((skill) => html`<li>${skill}</li>`)}
                </ul>`}
          </dd>
          <dt>${f.startedAt}</dt>
          <dd>${this.renderTime(conversation.requestedAt)}</dd>
          ${conversation.closedAt !== undefined
            ? html`<dt>${f.closedAt}</dt>
                <dd>${this.renderTime(conversation.closedAt)}</dd>`
            : nothing}
        </dl>
      </section>
    `;
  }

  private renderState(conversation: Conversation): TemplateResult {
    return html`<span part="state" class="badge state-${conversation.state}"
      >${this.localize.t.state[conversation.state] ?? conversation.state}</span
    >`;
  }

  /** Without records nothing can be linked: "no case linked" would only be noise, unless the backend linked one. */
  #showLinks(conversation: Conversation): boolean {
    const links = conversation.links;
    return Boolean(this.activeDesk?.capabilities.records || links?.case || links?.customer);
  }

  private renderLinks(conversation: Conversation): TemplateResult | typeof nothing {
    if (!this.#showLinks(conversation)) return nothing;
    const f = this.localize.t.customerForm;
    return html`
      <section part="links" class="card">
        <h2>${f.linkedRecords}</h2>
        <dl>${this.renderLinkRows(conversation)}</dl>
      </section>
    `;
  }

  private renderLinkRows(conversation: Conversation): TemplateResult {
    const f = this.localize.t.customerForm;
    const { case: linkedCase, customer } = conversation.links ?? {};
    return html`
      <dt>${f.linkedCase}</dt>
      <dd>${linkedCase ? this.renderRecord(linkedCase) : html`<span class="muted">${f.noLinkedCase}</span>`}</dd>
      <dt>${f.linkedCustomer}</dt>
      <dd>${customer ? this.renderRecord(customer, true) : html`<span class="muted">${f.noLinkedCustomer}</span>`}</dd>
    `;
  }

  private renderRecord(record: RecordRef, withKind = false): TemplateResult {
    const kind = this.localize.t.customerForm.kind[record.kind] ?? record.kind;
    return html`${withKind ? html`<span class="muted">${kind}:</span> ` : nothing}<span class="title">${record.title}</span>`;
  }

  private renderRecent(conversation: Conversation): TemplateResult | typeof nothing {
    const recent = this.recentCases.value;
    if (!recent || !this.activeDesk?.capabilities.records) return nothing;
    const f = this.localize.t.customerForm;
    const records = recent.status === 'error' ? [] : (recent.records ?? []);
    const message =
      recent.status === 'error'
        ? f.recentError
        : recent.status === 'loading' && !recent.records
          ? f.recentLoading
          : recent.status === 'done' && records.length === 0
            ? f.recentEmpty
            : '';
    const linkedId = conversation.links?.case?.id;
    return html`
      <section part="recent-cases" class="card" aria-busy=${recent.status === 'loading' ? 'true' : 'false'}>
        <h2 id="recent-title" tabindex="-1">${f.recentCases}</h2>
        <p class="status ${recent.status === 'error' ? 'error' : 'muted'}" role="status">${message}</p>
        ${recent.status === 'error'
          ? html`<button class="retry" @click=${() => void this.#retryRecent()}>${f.retry}</button>`
          : nothing}
        ${records.length > 0
          ? html`<ul class="records" aria-labelledby="recent-title">
              ${records.map((record) => this.renderCase(record, record.id === linkedId))}
            </ul>`
          : nothing}
      </section>
    `;
  }

  /** A record status in the page's language; a status code the catalog does not know is the host's own word, shown as given. */
  #statusText(status: string): string {
    const statuses = this.localize.t.records.statuses;
    return (Object.hasOwn(statuses, status) ? statuses[status] : undefined) ?? status;
  }

  private renderCase(record: CrmRecord, linked: boolean): TemplateResult {
    const f = this.localize.t.customerForm;
    return html`<li>
      <span class="title">${record.title}</span>
      ${record.status ? html`<span class="badge" data-status=${record.status}>${this.#statusText(record.status)}</span>` : nothing}
      ${linked ? html`<span class="badge linked">${f.linked}</span>` : nothing}
      ${record.subtitle ? html`<span class="muted subtitle">${record.subtitle}</span>` : nothing}
      ${record.updatedAt !== undefined
        ? html`<span class="muted">${f.updatedAt(this.formatTime(record.updatedAt))}</span>`
        : nothing}
    </li>`;
  }

  private renderTimeline(): TemplateResult {
    const f = this.localize.t.customerForm;
    const entries = [...this.timeline.value].reverse();
    return html`
      <section part="timeline" class="card">
        <h2 id="timeline-title">${f.timeline}</h2>
        ${entries.length === 0
          ? html`<p class="muted">${f.timelineEmpty}</p>`
          : html`<ol class="timeline" reversed aria-labelledby="timeline-title">
              ${entries.map(
                (entry) => html`<li>${this.renderTime(entry.at)} <span>${this.describe(entry)}</span></li>`,
              )}
            </ol>`}
      </section>
    `;
  }

  private describe(entry: TimelineEntry): string {
    const t = this.localize.t;
    const event = t.customerForm.event;
    switch (entry.kind) {
      case 'state':
        return event.state(t.state[entry.state] ?? entry.state);
      case 'link':
        return event.link(entry.record.kind, entry.record.title);
      case 'unlink':
        return event.unlink(entry.record.kind, entry.record.title);
      case 'note':
        return event.note(entry.record.kind, entry.record.title);
      case 'created':
        return event.created(entry.record.kind, entry.record.title);
    }
  }

  private renderTabs(conversation: Conversation): TemplateResult {
    const f = this.localize.t.customerForm;
    const selected = this.#selectedTab();
    const tab = (id: CustomerFormTab, label: string) => html`<button
      part="tab"
      id="tab-${id}"
      role="tab"
      type="button"
      aria-selected=${id === selected ? 'true' : 'false'}
      aria-controls="panel-${id}"
      tabindex=${id === selected ? 0 : -1}
      @click=${() => (this.tab = id)}
    >
      ${label}
    </button>`;
    const panel = (id: CustomerFormTab, content: TemplateResult) => html`<div
      part="tabpanel"
      id="panel-${id}"
      role="tabpanel"
      aria-labelledby="tab-${id}"
      tabindex="0"
      ?hidden=${id !== selected}
    >
      ${content}
    </div>`;
    return html`
      <div part="tabs" class="card tabs">
        <div role="tablist" aria-label=${f.details} @keydown=${this.#onTabKeydown}>
          ${tab('pre-chat', f.preChat)} ${tab('visitor', f.visitor)}
        </div>
        ${panel('pre-chat', this.renderPreChat(conversation))} ${panel('visitor', this.renderVisitor(conversation))}
      </div>
    `;
  }

  private renderPreChat(conversation: Conversation): TemplateResult {
    const answers = conversation.preChat ?? [];
    if (answers.length === 0) return html`<p class="muted">${this.localize.t.customerForm.preChatEmpty}</p>`;
    return html`<dl class="stacked">
      ${answers.map((a) => html`<dt>${a.question}</dt>
        <dd>${a.answer}</dd>`)}
    </dl>`;
  }

  private renderVisitor(conversation: Conversation): TemplateResult {
    const details = Object.entries(conversation.visitor ?? {});
    if (details.length === 0) return html`<p class="muted">${this.localize.t.customerForm.visitorEmpty}</p>`;
    return html`<dl>
      ${details.map(([label, value]) => html`<dt>${label}</dt>
        <dd>${value}</dd>`)}
    </dl>`;
  }

  private renderSession(conversation: Conversation): TemplateResult {
    const t = this.localize.t;
    const f = t.customerForm;
    const inProgress = Object.values(this.conversations.value).filter((c) => usesCapacity(c.state)).length;
    return html`
      <section part="session" class="card session">
        <h2>${f.session}</h2>
        <div part="customer" class="identity">
          ${this.renderAvatar(conversation)}
          <p part="name" class="name" dir="auto">${conversation.customer.name}</p>
        </div>
        <dl>
          <dt>${f.state}</dt>
          <dd>${this.renderState(conversation)}</dd>
          <dt>${f.timeInSession}</dt>
          <dd class="number">${this.sessionTime(conversation)}</dd>
          ${this.#showLinks(conversation) ? this.renderLinkRows(conversation) : nothing}
          <dt>${f.openNow}</dt>
          <dd>${f.inProgress(inProgress)}</dd>
        </dl>
      </section>
    `;
  }

  private sessionTime(conversation: Conversation): string {
    const f = this.localize.t.customerForm;
    if (conversation.acceptedAt === undefined) return f.notStarted;
    const end = conversation.state === 'closed' ? conversation.closedAt : this.#now();
    if (end === undefined) return f.notProvided;
    return formatRemaining(Math.max(0, end - conversation.acceptedAt), this.localize.t);
  }

  private renderTime(at: number): TemplateResult {
    return html`<time datetime=${new Date(at).toISOString()}>${this.formatTime(at)}</time>`;
  }

  private formatTime(at: number): string {
    const date = new Date(at);
    const sameDay = new Date(this.#now()).toDateString() === date.toDateString();
    return new Intl.DateTimeFormat(
      this.localize.lang,
      sameDay ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' },
    ).format(date);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cc-customer-form': CcCustomerForm;
  }
}
