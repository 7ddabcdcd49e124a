import { html, nothing, type PropertyValues, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import type { ConnectionStatus, Desk, OpenWorkItems, QueuedItem } from '../../core/desk/desk.js';
import type { Conversation, Message } from '../../core/model.js';
import { StoreController } from '../../controllers/store-controller.js';
import { workItemsStrings } from '../../i18n/en/work-items.js';
import { errorText, formatRemaining } from '../../i18n/index.js';
import { hostStyles, stateBadgeStyles } from '../../styles/tokens.js';
import { arrowDown, arrowUp, icon } from '../../icons/index.js';
import { avatar, avatarStyles } from '../avatar.js';
import { DeskElement } from '../desk-element.js';
import { CcWorkItemOpenEvent, CcWorkItemPickEvent } from '../events.js';
import { workItemsStyles } from './work-items.styles.js';
import { plainText } from '../transcript/rich-text.js';

/** A preview on one line: its text without Messenger formatting, runs of spaces as one. */
const oneLine = (text: string): string => plainText(text).replace(/\s+/g, ' ').trim();

/** A column of *My work items*. */
export type WorkItemsColumn = 'customer' | 'state' | 'queue' | 'wait' | 'message';
export type SortDirection = 'ascending' | 'descending';

const COLUMNS: readonly WorkItemsColumn[] = ['customer', 'state', 'queue', 'wait', 'message'];
/** F11 order, so sorting by state groups them as the agent works through them. */
const STATE_ORDER: Readonly<Record<Conversation['state'], number>> = { open: 0, active: 1, waiting: 2, 'wrap-up': 3, closed: 4 };

/** The last message of each of the agent's conversations, subscribed while the element is connected. */
class LastMessages implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #subscriptions = new Map<string, () => void>();
  #desk: Desk | undefined;
  #ids: readonly string[] = [];
  #connected = false;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** Follows these conversations of this desk (drops the rest). */
  follow(desk: Desk | undefined, ids: readonly string[]): void {
    if (desk !== this.#desk) this.#clear();
    this.#desk = desk;
    this.#ids = ids;
    if (this.#connected) this.#sync();
  }

  last(id: string): Message | undefined {
    const messages = this.#desk?.messages(id).get() ?? [];
    for (let i = messages.length - 1; i >= 0; i--) {
      const m = messages[i]!;
      if (m.author !== 'system' && (m.text || m.attachments?.length)) return m;
    }
    return undefined;
  }

  hostConnected(): void {
    this.#connected = true;
    this.#sync();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#clear();
  }

  #sync(): void {
    const desk = this.#desk;
    if (!desk) return;
    for (const [id, stop] of this.#subscriptions) {
      if (!this.#ids.includes(id)) {
        stop();
        this.#subscriptions.delete(id);
      }
    }
    for (const id of this.#ids) {
      if (!this.#subscriptions.has(id)) this.#subscriptions.set(id, desk.messages(id).listen(() => this.#host.requestUpdate()));
    }
  }

  #clear(): void {
    for (const stop of this.#subscriptions.values()) stop();
    this.#subscriptions.clear();
  }
}

/**
 * The agent's dashboard of work items (F21). *My work items*: the agent's Active, Waiting and
 * Wrap-up conversations in a table — customer, state, queue, wait time (live) and the last message
 * (as text) — sortable by every column; opening one starts or focuses its session (a Waiting one
 * becomes Active). *Open work items*, when the transport has a queue: the conversations waiting to
 * be picked, loaded when the element is first shown online, with Refresh and, after a failure, Try again.
 *
 * Keyboard: Tab reaches the column headers (Enter sorts; again reverses) and one row; Up/Down/Home/End
 * move between rows, Enter opens the row's conversation.
 *
 * Hidden (`:state(unavailable)`) when there is no desk.
 *
 * @summary My work items (sortable) and the open work items the agent may pick.
 * @tag cc-work-items
 * @fires cc-work-item-open - CcWorkItemOpenEvent, cancelable: the agent opens one of their work items. Cancel to open nothing.
 * @fires cc-work-item-pick - CcWorkItemPickEvent, cancelable: the agent picks an open work item. Cancel to leave it in the queue.
 * @cssstate unavailable - No desk (hidden by default).
 * @cssstate can-pick - The transport has a queue: open work items are shown.
 * @csspart mine - The *My work items* section.
 * @csspart open - The *Open work items* section.
 * @csspart table - A table of work items.
 * @csspart row - One work item.
 * @csspart avatar - A customer's picture in a row, else their initials.
 * @csspart state - A conversation-state badge.
 * @csspart pick - A Pick button.
 * @cssprop --cc-color-surface-2 - Table header and highlighted row.
 * @cssprop --cc-color-border - Table borders.
 * @cssprop --cc-color-text-muted - Counts, hints and empty texts.
 * @cssprop --cc-color-accent - The customer name that opens a work item.
 * @cssprop --cc-color-success - Active badge and the picked notice.
 * @cssprop --cc-color-warning - Waiting and Wrap-up badges.
 * @cssprop --cc-color-danger - Errors.
 * @cssprop --cc-color-text - Text.
 * @cssprop --cc-color-surface - Background.
 * @cssprop --cc-color-on-accent - Text on the accent colour.
 * @cssprop --cc-color-focus - The focus ring.
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
 * @cssprop --cc-color-state-active - The "active" state badge (default `--cc-color-success`).
 * @cssprop --cc-color-state-waiting - The "waiting" and "wrap-up" state badges (default `--cc-color-warning`).
 * @cssprop --cc-color-state-closed - The "open" and "closed" state badges (default `--cc-color-text-muted`).
 */
export class CcWorkItems extends DeskElement {
  static override styles = [hostStyles, stateBadgeStyles, avatarStyles, workItemsStyles];

  /** @internal */
  protected static override strings = [workItemsStrings];

  #mine = new StoreController<readonly Conversation[]>(this, []);
  #open = new StoreController<OpenWorkItems>(this, { status: 'idle', items: [] });
  #now = new StoreController<number>(this, 0);
  #connection = new StoreController<ConnectionStatus>(this, 'idle');
  #lastMessages = new LastMessages(this);

  /** @internal */
  @state() private sortColumn: WorkItemsColumn = 'wait';
  /** @internal */
  @state() private sortDirection: SortDirection = 'descending';
  /** @internal Conversation id of the row that takes Tab. */
  @state() private focusId: string | undefined;
  /** @internal */
  @state() private problem: string | undefined;
  /** @internal */
  @state() private openProblem: string | undefined;
  /** @internal */
  @state() private notice = '';
  /** @internal */
  @state() private picking: string | undefined;

  #internals = this.attachInternals();
  #loadAsked = false;

  /** The column *My work items* is sorted by, and which way. */
  get sort(): { column: WorkItemsColumn; direction: SortDirection } {
    return { column: this.sortColumn, direction: this.sortDirection };
  }

  /** Sorts *My work items* (as clicking a column header does, without the announcement). */
  sortBy(column: WorkItemsColumn, direction?: SortDirection): void {
    this.sortDirection = direction ?? (this.sortColumn === column && this.sortDirection === 'ascending' ? 'descending' : 'ascending');
    this.sortColumn = column;
  }

  protected override deskChanged(desk: Desk | undefined): void {
    this.#mine.set(desk?.workItems.$mine);
    this.#open.set(desk?.workItems.$open);
    this.#now.set(desk?.$now);
    this.#connection.set(desk?.$connection);
    this.#loadAsked = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const desk = this.activeDesk;
    if (desk) this.#internals.states.delete('unavailable');
    else this.#internals.states.add('unavailable');
    if (desk?.workItems.canPick) this.#internals.states.add('can-pick');
    else this.#internals.states.delete('can-pick');
    this.#lastMessages.follow(
      desk,
      this.#mine.value.map((c) => c.id),
    );
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Open work items load when first shown online; after that, Refresh and Try again load them.
    const desk = this.activeDesk;
    if (desk?.workItems.canPick && !this.#loadAsked && this.#connection.value === 'online' && this.#open.value.status === 'idle') {
      this.#loadAsked = true;
      // After this update: loading changes the store, which would schedule another update from within this one.
      queueMicrotask(() => void desk.workItems.load().catch(() => undefined));
    }
  }

  // ---- my work items ----

  #sorted(): Conversation[] {
    const now = this.#now.value;
    const sign = this.sortDirection === 'ascending' ? 1 : -1;
    const collator = new Intl.Collator(this.localize.lang, { sensitivity: 'base', numeric: true });
    const key = (c: Conversation): string | number => {
      switch (this.sortColumn) {
        case 'customer':
          return c.customer.name ?? '';
        case 'state':
          return STATE_ORDER[c.state];
        case 'queue':
          return c.queue;
        case 'wait':
          return now - c.requestedAt;
        case 'message':
          return this.#lastMessages.last(c.id)?.at ?? 0;
      }
    };
    return [...this.#mine.value].sort((a, b) => {
      const x = key(a);
      const y = key(b);
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
      // Ties keep the oldest request first, whichever way the column runs.
      return sign * order || a.requestedAt - b.requestedAt;
    });
  }

  #onSort(column: WorkItemsColumn): void {
    this.sortBy(column);
    const t = this.localize.t.workItems;
    this.notice = t.sortedBy(t.columns[column], this.sortDirection === 'ascending');
  }

  async #openItem(conversation: Conversation): Promise<void> {
    const desk = this.activeDesk;
    if (!desk) return;
    this.focusId = conversation.id;
    const intent = new CcWorkItemOpenEvent(conversation.id);
    this.dispatchEvent(intent);
    if (intent.defaultPrevented) return;
    this.problem = undefined;
    try {
      await desk.sessions.open(conversation.id);
    } catch (error) {
      this.problem = `${this.localize.t.workItems.openFailed} ${errorText(this.localize.t, error)}`;
    }
  }

  #rowButtons(): HTMLButtonElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLButtonElement>('[part~="mine"] tbody .open-button')];
  }

  #onRowsKeyDown(event: KeyboardEvent): void {
    const buttons = this.#rowButtons();
    const index = buttons.findIndex((b) => b.closest('tr')?.contains(event.target as Node));
    if (index < 0) return;
    let next: HTMLButtonElement | undefined;
    switch (event.key) {
      case 'ArrowDown':
        next = buttons[Math.min(index + 1, buttons.length - 1)];
        break;
      case 'ArrowUp':
        next = buttons[Math.max(index - 1, 0)];
        break;
      case 'Home':
        next = buttons[0];
        break;
      case 'End':
        next = buttons[buttons.length - 1];
        break;
      default:
        return;
    }
    event.preventDefault();
    if (!next) return;
    this.focusId = next.dataset['id'];
    next.focus();
  }

  // ---- open work items ----

  async #load(): Promise<void> {
    const desk = this.activeDesk;
    if (!desk) return;
    this.#loadAsked = true;
    // The slice keeps the status; a failure shows as its error state with Try again.
    await desk.workItems.load().catch(() => undefined);
  }

  async #pick(item: QueuedItem): Promise<void> {
    const desk = this.activeDesk;
    if (!desk || this.picking !== undefined) return;
    const intent = new CcWorkItemPickEvent(item.conversationId);
    this.dispatchEvent(intent);
    if (intent.defaultPrevented) return;
    this.picking = item.conversationId;
    this.openProblem = undefined;
    const name = this.#name(item.customer.name);
    try {
      await desk.workItems.pick(item.conversationId);
      this.notice = this.localize.t.workItems.picked(name);
    } catch (error) {
      this.openProblem = `${this.localize.t.workItems.pickFailed} ${errorText(this.localize.t, error)}`;
    } finally {
      this.picking = undefined;
    }
  }

  #name(name: string | undefined): string {
    return name?.trim() || this.localize.t.workItems.unnamed;
  }

  #wait(requestedAt: number): string {
    return formatRemaining(Math.max(0, this.#now.value - requestedAt), this.localize.t);
  }

  #preview(message: Message | undefined): string | undefined {
    if (!message) return undefined;
    if (message.text) return oneLine(message.text);
    const file = message.attachments?.[0];
    return file ? this.localize.t.workItems.attachment(file.name) : undefined;
  }

  // ---- render ----

  protected override render(): TemplateResult | typeof nothing {
    const desk = this.activeDesk;
    if (!desk) return nothing;
    return html`<div class="root">
      ${this.renderMine()} ${desk.workItems.canPick ? this.renderOpen() : nothing}
      <p class="visually-hidden" role="status">${this.notice}</p>
    </div>`;
  }

  private renderMine(): TemplateResult {
    const t = this.localize.t.workItems;
    const rows = this.#sorted();
    const focusId = rows.some((c) => c.id === this.focusId) ? this.focusId : rows[0]?.id;
    return html`<section part="mine" aria-labelledby="mine-title">
      <div class="head">
        <h2 id="mine-title">${t.mine}</h2>
        <span class="count">${t.count(rows.length)}</span>
      </div>
      ${rows.length === 0
        ? html`<p class="empty">${t.mineEmpty}</p>`
        : html`<p class="hint" id="mine-hint">${t.mineHint}</p>
            <div class="scroll">
              <table part="table" aria-labelledby="mine-title" aria-describedby="mine-hint">
                <thead>
                  <tr>
                    ${COLUMNS.map((column) => {
                      const sorted = this.sortColumn === column;
                      return html`<th scope="col" aria-sort=${sorted ? this.sortDirection : 'none'} data-column=${column}>
                        <button type="button" class="sort" @click=${() => this.#onSort(column)}>
                          ${t.columns[column]}
                          <span class="arrow">${sorted ? icon(this.sortDirection === 'ascending' ? arrowUp : arrowDown) : nothing}</span>
                        </button>
                      </th>`;
                    })}
                  </tr>
                </thead>
                <tbody @keydown=${this.#onRowsKeyDown}>
                  ${rows.map((c) => this.renderMineRow(c, c.id === focusId))}
                </tbody>
              </table>
            </div>`}
      <p class="alert" role="alert">${this.problem ?? nothing}</p>
    </section>`;
  }

  private renderMineRow(c: Conversation, tabbable: boolean): TemplateResult {
    const t = this.localize.t.workItems;
    const name = this.#name(c.customer.name);
    const preview = this.#preview(this.#lastMessages.last(c.id));
    return html`<tr part="row" data-id=${c.id} data-state=${c.state} @click=${() => void this.#openItem(c)}>
      <td data-label=${t.columns.customer} class="who">
        ${avatar(c.customer.name, c.customer.avatarUrl)}
        <button
          type="button"
          class="open-button"
          data-id=${c.id}
          tabindex=${tabbable ? '0' : '-1'}
          aria-label=${t.openItem(name)}
          @click=${(event: Event) => {
            event.stopPropagation();
            void this.#openItem(c);
          }}
        >
          ${name}
        </button>
      </td>
      <td data-label=${t.columns.state}><span class="badge ${c.state}" part="state">${this.localize.t.state[c.state]}</span></td>
      <td data-label=${t.columns.queue}>${c.queue}</td>
      <td data-label=${t.columns.wait} class="wait">${this.#wait(c.requestedAt)}</td>
      <td data-label=${t.columns.message} class="preview ${preview === undefined ? 'none' : ''}" title=${preview ?? nothing}>
        ${preview ?? t.noMessage}
      </td>
    </tr>`;
  }

  private renderOpen(): TemplateResult {
    const t = this.localize.t.workItems;
    const open = this.#open.value;
    const busy = open.status === 'loading';
    return html`<section part="open" aria-labelledby="open-title">
      <div class="head">
        <h2 id="open-title">${t.open}</h2>
        ${open.status === 'done' ? html`<span class="count">${t.count(open.items.length)}</span>` : nothing}
        <button type="button" ?disabled=${busy} @click=${() => void this.#load()}>${t.refresh}</button>
      </div>
      ${open.status === 'error'
        ? html`<div class="alert" role="alert">
            ${t.loadFailed} <button type="button" class="retry" @click=${() => void this.#load()}>${t.retry}</button>
          </div>`
        : html`<p class="status-line" role="status">
            ${busy ? t.loading : open.status === 'done' && open.items.length === 0 ? t.openEmpty : ''}
          </p>`}
      ${open.items.length > 0
        ? html`<div class="scroll">
            <table part="table" aria-labelledby="open-title" aria-busy=${busy ? 'true' : 'false'}>
              <thead>
                <tr>
                  <th scope="col">${t.columns.customer}</th>
                  <th scope="col">${t.columns.queue}</th>
                  <th scope="col">${t.columns.wait}</th>
                  <th scope="col">${t.columns.message}</th>
                  <th scope="col"><span class="visually-hidden">${t.pick}</span></th>
                </tr>
              </thead>
              <tbody>
                ${open.items.map((item) => this.renderOpenRow(item))}
              </tbody>
            </table>
          </div>`
        : nothing}
      <p class="alert" role="alert">${this.openProblem ?? nothing}</p>
    </section>`;
  }

  private renderOpenRow(item: QueuedItem): TemplateResult {
    const t = this.localize.t.workItems;
    const name = this.#name(item.customer.name);
    const preview = item.lastMessage === undefined ? undefined : oneLine(item.lastMessage);
    const picking = this.picking === item.conversationId;
    return html`<tr part="row" data-id=${item.conversationId}>
      <td data-label=${t.columns.customer} class="who">${avatar(item.customer.name, item.customer.avatarUrl)} <bdi>${name}</bdi></td>
      <td data-label=${t.columns.queue}>${item.queue}</td>
      <td data-label=${t.columns.wait} class="wait">${this.#wait(item.requestedAt)}</td>
      <td data-label=${t.columns.message} class="preview ${preview ? '' : 'none'}" title=${preview || nothing}>${preview || t.noMessage}</td>
      <td>
        <button
          type="button"
          part="pick"
          class="primary"
          data-id=${item.conversationId}
          aria-label=${t.pickLabel(name)}
          aria-disabled=${this.picking !== undefined ? 'true' : 'false'}
          @click=${() => void this.#pick(item)}
        >
          ${picking ? t.picking : t.pick}
        </button>
      </td>
    </tr>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cc-work-items': CcWorkItems;
  }
}
