import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { slotOf, type ConversationLinks, type CrmRecord, type LinkSlot, type RecordKind, type RecordRef } from '../../core/records.js';
import { ConversationController } from '../../controllers/conversation-controller.js';
import { recordsStrings } from '../../i18n/en/records.js';
import { hostStyles } from '../../styles/tokens.js';
import { DeskElement } from '../desk-element.js';
import { CcLinkEvent, CcUnlinkEvent, type CcRecordCreatedEvent } from '../events.js';
import type { QuickCreateKind } from '../record-create/record-create.js';
import { recordSearchStyles } from './record-search.styles.js';
import { onResultListKey } from '../result-keys.js';

export type RecordFilter = 'all' | RecordKind;
/** What the search part shows. */
export type RecordSearchPhase = 'idle' | 'searching' | 'results' | 'error';

const FILTERS: readonly RecordFilter[] = ['all', 'contact', 'account', 'case'];
const SLOTS: readonly LinkSlot[] = ['customer', 'case'];
const DEBOUNCE_MS = 250;

/** The status in the catalog's words; a status it does not know (the CRM's own) as it is. */
const statusText = (statuses: Partial<Record<string, string>>, status: string): string =>
  (Object.hasOwn(statuses, status) ? statuses[status] : undefined) ?? status;

const sameRecord = (a: RecordRef | undefined, b: RecordRef): boolean => a !== undefined && a.kind === b.kind && a.id === b.id;

/**
 * Finds contacts, accounts and cases and links them to a conversation (F8): one contact or
 * account and one case per conversation; linking replaces the slot's record; unlinking never
 * deletes anything. "New case" and "New contact" open `<cc-record-create>` inline (F7), prefilled
 * from the conversation; focus moves into it and returns to the button when it closes.
 *
 * Keyboard: type in the search field (results follow after a short pause, or at once on Enter);
 * Down arrow moves into the results, Up/Down/Home/End move between them, Escape goes back to the
 * field; Enter or Space on a result links it.
 *
 * Follows the desk's active conversation unless `conversation-id` is set. Hidden
 * (`:state(unavailable)`) when there is no desk or the transport has no records.
 *
 * @summary Search, link and unlink CRM records for a conversation; quick-create a case or contact.
 * @tag cc-record-search
 * @fires cc-link - CcLinkEvent, cancelable: the agent links a record (replacing the slot's record). Cancel to link nothing.
 * @fires cc-unlink - CcUnlinkEvent, cancelable: the agent unlinks a record. Cancel to keep it.
 * @fires cc-create-record - CcCreateRecordEvent, cancelable (from the inline quick-create form).
 * @fires cc-record-created - CcRecordCreatedEvent, not cancelable (from the inline quick-create form).
 * @cssstate unavailable - No desk, or the transport has no records (hidden by default).
 * @csspart linked - The linked records area.
 * @csspart unlink - An Unlink button.
 * @csspart search - The search field.
 * @csspart filters - The kind filter.
 * @csspart results - The list of results.
 * @csspart result - One result.
 * @csspart link - The Link button of a result.
 * @csspart create - The quick-create area.
 * @cssprop --cc-color-surface - Field and result background.
 * @cssprop --cc-color-surface-2 - Linked area background, selected filter.
 * @cssprop --cc-record-search-results-height - Largest height of the results list (default 20rem); more results scroll inside it.
 * @cssprop --cc-color-border - Borders of fields, results and badges.
 * @cssprop --cc-color-text-muted - Labels, hints and subtitles.
 * @cssprop --cc-color-accent - Selected filter, open-case badges.
 * @cssprop --cc-color-success - Linked results and action notices.
 * @cssprop --cc-color-danger - Errors.
 * @cssprop --cc-color-text - Text.
 * @cssprop --cc-color-on-accent - Text on the accent colour.
 * @cssprop --cc-color-focus - The focus ring.
 * @cssprop --cc-color-warning - Warnings.
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
 */
export class CcRecordSearch extends DeskElement {
  static override styles = [hostStyles, recordSearchStyles];

  /** @internal */
  protected static override strings = [recordsStrings];

  #conversation = new ConversationController(this);

  /** The conversation records are linked to. Default: the desk's active conversation. */
  @property({ attribute: 'conversation-id' }) conversationId: string | undefined;

  /** Most results to show. */
  @property({ type: Number }) limit = 20;

  /** @internal */
  @state() private query = '';
  /** @internal */
  @state() private filter: RecordFilter = 'all';
  /** @internal */
  @state() private phase: RecordSearchPhase = 'idle';
  /** @internal */
  @state() private results: readonly CrmRecord[] = [];
  /** @internal The query the shown results answer. */
  @state() private answered = '';
  /** @internal Key of the record being linked or unlinked. */
  @state() private pending: string | undefined;
  /** @internal */
  @state() private problem: string | undefined;
  /** @internal */
  @state() private notice = '';
  /** @internal */
  @state() private creating: QuickCreateKind | undefined;

  /** @internal */
  @query('input[type="search"]') private searchField!: HTMLInputElement | null;

  #internals = this.attachInternals();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #searchSeq = 0;
  #opener: QuickCreateKind | undefined;

  /** What the search part shows now. */
  get searchState(): RecordSearchPhase {
    return this.phase;
  }

  /** Runs the search for the current text now (as Enter does). */
  search(): Promise<void> {
    clearTimeout(this.#timer);
    return this.#run();
  }

  protected override deskChanged(): void {
    this.#searchSeq++;
    this.results = [];
    this.phase = 'idle';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.activeDesk?.capabilities.records) this.#internals.states.delete('unavailable');
    else this.#internals.states.add('unavailable');
  }

  get #conversationId(): string | undefined {
    return this.#conversation.id;
  }

  get #links(): ConversationLinks {
    return this.#conversation.value?.links ?? {};
  }

  // ---- search ----

  #onInput(event: Event): void {
    this.query = (event.target as HTMLInputElement).value;
    clearTimeout(this.#timer);
    if (!this.query.trim()) {
      this.#searchSeq++;
      this.phase = 'idle';
      this.results = [];
      return;
    }
    this.#timer = setTimeout(() => void this.#run(), DEBOUNCE_MS);
  }

  #onSearchKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Enter') {
      event.preventDefault();
      void this.search();
    } else if (event.key === 'ArrowDown') {
      const first = this.#resultButtons()[0];
      if (first) {
        event.preventDefault();
        first.focus();
      }
    }
  }

  #onFilter(event: Event): void {
    this.filter = (event.target as HTMLInputElement).value as RecordFilter;
    if (this.query.trim()) void this.search();
  }

  async #run(): Promise<void> {
    const desk = this.activeDesk;
    const text = this.query.trim();
    if (!desk || !text) return;
    const seq = ++this.#searchSeq;
    this.phase = 'searching';
    try {
      const records = await desk.searchRecords(text, {
        ...(this.filter === 'all' ? {} : { kinds: [this.filter] }),
        limit: this.limit,
      });
      if (seq !== this.#searchSeq) return;
      this.results = records;
      this.answered = text;
      this.phase = 'results';
    } catch {
      // Any failure reads the same to the agent: the search did not answer; Try again runs it anew.
      if (seq !== this.#searchSeq) return;
      this.results = [];
      this.phase = 'error';
    }
  }

  #onRetry(): void {
    this.searchField?.focus();
    void this.search();
  }

  #resultButtons(): HTMLButtonElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLButtonElement>('.results button')];
  }

  #onResultsKeyDown(event: KeyboardEvent): void {
    onResultListKey(event, this.#resultButtons(), this.searchField);
  }

  // ---- link / unlink ----

  async #link(record: CrmRecord): Promise<void> {
    const desk = this.activeDesk;
    const conversationId = this.#conversationId;
    if (!desk || conversationId === undefined || this.pending !== undefined) return;
    if (sameRecord(this.#links[slotOf(record.kind)], record)) return;
    const ref: RecordRef = { kind: record.kind, id: record.id, title: record.title };
    const intent = new CcLinkEvent(conversationId, ref);
    this.dispatchEvent(intent);
    if (intent.defaultPrevented) return;
    this.pending = `${record.kind}:${record.id}`;
    this.problem = undefined;
    try {
      await desk.link(conversationId, ref);
      this.notice = this.localize.t.records.linkedNotice(record.title);
    } catch {
      this.problem = this.localize.t.records.linkFailed;
    } finally {
      this.pending = undefined;
    }
  }

  async #unlink(slot: LinkSlot, record: RecordRef): Promise<void> {
    const desk = this.activeDesk;
    const conversationId = this.#conversationId;
    if (!desk || conversationId === undefined || this.pending !== undefined) return;
    const intent = new CcUnlinkEvent(conversationId, slot, record);
    this.dispatchEvent(intent);
    if (intent.defaultPrevented) return;
    this.pending = `${record.kind}:${record.id}`;
    this.problem = undefined;
    try {
      await desk.unlink(conversationId, slot);
      this.notice = this.localize.t.records.unlinkedNotice(record.title);
      // The Unlink button is gone: carry on from the search field.
      await this.updateComplete;
      this.searchField?.focus();
    } catch {
      this.problem = this.localize.t.records.unlinkFailed;
    } finally {
      this.pending = undefined;
    }
  }

  // ---- quick-create ----

  #openCreate(kind: QuickCreateKind): void {
    this.#opener = kind;
    this.creating = kind;
    this.notice = '';
    void this.updateComplete.then(() => this.renderRoot.querySelector('cc-record-create')?.focus());
  }

  #closeCreate(): void {
    const opener = this.#opener;
    this.creating = undefined;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLButtonElement>(`button[data-create="${opener}"]`)?.focus(),
    );
  }

  #onCreated(event: CcRecordCreatedEvent): void {
    const t = this.localize.t.records;
    const kind = event.record.kind === 'case' ? 'case' : 'contact';
    if (event.linkFailed) this.problem = t.createdNotLinked(kind, event.record.title);
    else this.notice = event.linked ? t.createdAndLinked(kind, event.record.title) : t.created(kind, event.record.title);
    this.#closeCreate();
  }

  // ---- render ----

  protected override render(): TemplateResult | typeof nothing {
    const desk = this.activeDesk;
    if (!desk?.capabilities.records) return nothing;
    if (this.#conversationId === undefined) {
      return html`<p class="empty">${this.localize.t.records.noConversation}</p>`;
    }
    return html`<div class="root">
      ${this.renderLinked()} ${this.renderSearch()} ${this.renderCreate()}
    </div>`;
  }

  private renderLinked(): TemplateResult {
    const t = this.localize.t.records;
    const links = this.#links;
    return html`<section class="linked" part="linked" aria-labelledby="linked-label">
      <p class="label" id="linked-label">${t.linkedHeading}</p>
      <dl>
        ${SLOTS.map((slot) => {
          const record = links[slot];
          return html`<div class="slot">
            <dt>${t.slots[slot]}</dt>
            <dd>
              ${record
                ? html`<span class="badge">${t.kinds[record.kind]}</span>
                    <span class="title">${record.title}</span>
                    <button
                      type="button"
                      part="unlink"
                      data-slot=${slot}
                      aria-label=${t.unlinkLabel(record.kind, record.title)}
                      aria-describedby="unlink-hint"
                      aria-disabled=${this.pending !== undefined ? 'true' : 'false'}
                      @click=${() => void this.#unlink(slot, record)}
                    >
                      ${t.unlink}
                    </button>`
                : html`<span class="empty">${t.nothingLinked}</span>`}
            </dd>
          </div>`;
        })}
      </dl>
      <p class="hint" id="unlink-hint">${t.unlinkHint}</p>
      <p class="alert" role="alert">${this.problem ?? nothing}</p>
      <p class="notice" role="status">${this.notice}</p>
    </section>`;
  }

  private renderSearch(): TemplateResult {
    const t = this.localize.t.records;
    return html`<div class="search">
      <label class="label" for="search">${t.searchLabel}</label>
      <input
        id="search"
        part="search"
        type="search"
        autocomplete="off"
        spellcheck="false"
        placeholder=${t.searchPlaceholder}
        aria-controls="results"
        aria-describedby="search-hint"
        .value=${live(this.query)}
        @input=${this.#onInput}
        @keydown=${this.#onSearchKeyDown}
      />
      <p class="hint" id="search-hint">${t.searchHint}</p>
      <fieldset part="filters">
        <legend>${t.filterLabel}</legend>
        ${FILTERS.map(
          (filter) => html`<label>
            <input type="radio" name="kind" value=${filter} .checked=${live(this.filter === filter)} @change=${this.#onFilter} />
            ${t.filters[filter]}
          </label>`,
        )}
      </fieldset>
      ${this.renderStatus()} ${this.renderResults()}
    </div>`;
  }

  private renderStatus(): TemplateResult {
    const t = this.localize.t.records;
    if (this.phase === 'error') {
      return html`<div class="alert" role="alert">
        ${t.searchFailed} <button type="button" @click=${this.#onRetry}>${t.retry}</button>
      </div>`;
    }
    let text: string;
    if (this.phase === 'searching') text = t.searching;
    else if (this.phase === 'results') text = this.results.length > 0 ? t.results(this.results.length) : t.noResults(this.answered);
    else text = t.idle;
    return html`<p class="status-line" role="status">${text}</p>`;
  }

  private renderResults(): TemplateResult {
    const t = this.localize.t.records;
    const links = this.#links;
    const shown = this.phase === 'results' || this.phase === 'searching' ? this.results : [];
    return html`<ul
      id="results"
      class="results"
      part="results"
      aria-label=${t.resultsLabel}
      aria-busy=${this.phase === 'searching' ? 'true' : 'false'}
      @keydown=${this.#onResultsKeyDown}
    >
      ${shown.map((record) => {
        const current = links[slotOf(record.kind)];
        const isLinked = sameRecord(current, record);
        const label = isLinked
          ? t.linkedLabel(record.kind, record.title)
          : current
            ? t.replaceLabel(record.kind, record.title, current.title)
            : t.linkLabel(record.kind, record.title);
        return html`<li class="result" part="result" ?data-linked=${isLinked}>
          <span class="line">
            <span class="badge">${t.kinds[record.kind]}</span>
            <span class="title">${record.title}</span>
            ${record.status
              ? html`<span class="badge status" data-status=${record.status}>${statusText(t.statuses, record.status)}</span>`
              : nothing}
          </span>
          ${record.subtitle ? html`<span class="subtitle">${record.subtitle}</span>` : nothing}
          <button
            type="button"
            part="link"
            aria-label=${label}
            aria-disabled=${isLinked || this.pending !== undefined ? 'true' : 'false'}
            @click=${() => void this.#link(record)}
          >
            ${isLinked ? t.linked : t.link}
          </button>
        </li>`;
      })}
    </ul>`;
  }

  private renderCreate(): TemplateResult {
    const t = this.localize.t.records;
    const creating = this.creating;
    const button = (kind: QuickCreateKind): TemplateResult =>
      html`<button
        type="button"
        data-create=${kind}
        aria-expanded=${creating === kind ? 'true' : 'false'}
        aria-controls=${creating === kind ? 'quick-create' : nothing}
        @click=${() => (creating === kind ? this.#closeCreate() : this.#openCreate(kind))}
      >
        ${t.newRecord[kind]}
      </button>`;
    return html`<div class="create" part="create" role="group" aria-labelledby="create-label">
      <p class="label" id="create-label">${t.createHeading}</p>
      ${button('case')} ${button('contact')}
      ${creating
        ? html`<cc-record-create
            id="quick-create"
            .desk=${this.activeDesk}
            kind=${creating}
            conversation-id=${this.#conversationId ?? nothing}
            @cc-cancel=${this.#closeCreate}
            @cc-record-created=${this.#onCreated}
          ></cc-record-create>`
        : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cc-record-search': CcRecordSearch;
  }
}
