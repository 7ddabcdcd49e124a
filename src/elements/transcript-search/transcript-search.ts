import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Desk } from '../../core/desk/desk.js';
import type { Conversation, ConversationState, Message } from '../../core/model.js';
import type { SearchFilters, SearchHit, SearchResults } from '../../core/records.js';
import type { SearchStatus } from '../../core/search/types.js';
import { StoreController } from '../../controllers/store-controller.js';
import { transcriptSearchStrings } from '../../i18n/en/transcript-search.js';
import { hostStyles, stateBadgeStyles } from '../../styles/tokens.js';
import { DeskElement } from '../desk-element.js';
import { CcOpenTranscriptEvent } from '../events.js';
import { highlight, type HighlightRange } from '../../core/search/highlight.js';
import { transcriptSearchStyles } from './transcript-search.styles.js';

/** Typing pause before a search runs. */
const SEARCH_DELAY = 200;
/** The result count is announced once typing has settled, not after every debounced search. */
const ANNOUNCE_DELAY = 900;
const SNIPPET_LENGTH = 180;
/** Matches shown per conversation until the agent asks for all of them. */
const HITS_SHOWN = 3;
/** Characters of context kept before the first match in a long message. */
const SNIPPET_LEAD = 50;
const STATES: readonly ConversationState[] = ['open', 'active', 'waiting', 'wrap-up', 'closed'];

interface Group {
  conversationId: string;
  /** Newest first. */
  hits: SearchHit[];
}

/** The transcript open in the viewer. */
interface Viewing {
  conversationId: string;
  conversation?: Conversation;
  /** Undefined while loading. */
  messages?: readonly Message[];
  failed?: boolean;
}

type Phase = 'idle' | 'searching' | 'done' | 'error';

/** Local midnight of a `yyyy-mm-dd` date input value, `days` later; undefined when empty or invalid. */
function localDay(value: string, days = 0): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(value);
  if (!match) return undefined;
  const time = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days).getTime();
  return Number.isNaN(time) ? undefined : time;
}

/** Moves an index off the second half of a surrogate pair, so an emoji is never cut in two. */
function safeIndex(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff ? index + 1 : index;
}

/** The highlighted text, cut to a window around the first match when the message is long. */
function snippet(text: string, terms: readonly string[]): HighlightRange[] {
  const segments = highlight(text, terms);
  if (text.length <= SNIPPET_LENGTH) return segments;
  let first = 0;
  let offset = 0;
  for (const segment of segments) {
    if (segment.match) {
      first = offset;
      break;
    }
    offset += segment.text.length;
  }
  let start = Math.max(0, first - SNIPPET_LEAD);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space >= 0 && space < first) start = space + 1;
  }
  start = safeIndex(text, start);
  const end = safeIndex(text, Math.min(text.length, start + SNIPPET_LENGTH));
  const out: HighlightRange[] = start > 0 ? [{ text: '…', match: false }] : [];
  offset = 0;
  for (const segment of segments) {
    const from = Math.max(start, offset);
    const to = Math.min(end, offset + segment.text.length);
    if (from < to) out.push({ text: segment.text.slice(from - offset, to - offset), match: segment.match });
    offset += segment.text.length;
  }
  if (end < text.length) out.push({ text: '…', match: false });
  return out;
}

function groupHits(hits: readonly SearchHit[]): Group[] {
  const groups = new Map<string, Group>();
  // The server may know a local message under another key (server id vs client id): list it once.
  const local = new Set(hits.filter((h) => h.source === 'local').map((h) => `${h.conversationId}\0${h.at}\0${h.text}`));
  for (const hit of hits) {
    if (hit.source === 'server' && local.has(`${hit.conversationId}\0${hit.at}\0${hit.text}`)) continue;
    const group = groups.get(hit.conversationId);
    if (group) group.hits.push(hit);
    else groups.set(hit.conversationId, { conversationId: hit.conversationId, hits: [hit] });
  }
  return [...groups.values()];
}

const sameDay = (a: number, b: number): boolean => new Date(a).toDateString() === new Date(b).toDateString();

/** Intl formatters are costly to create: one set per language for the whole page. */
const formatCache = new Map<string, { date: Intl.DateTimeFormat; time: Intl.DateTimeFormat; dayTime: Intl.DateTimeFormat }>();

/**
 * Full-text search over past and current transcripts (F16): the desk's local IndexedDB index,
 * merged with the transport's server search when it has one. Every word must match, word
 * beginnings are enough, diacritics are optional ("zamowienie" finds "zamówienie"). Results are
 * grouped by conversation with the matching words marked; every match is counted, the newest
 * `limit` are listed and "Show more" lists the next ones. They can be narrowed by customer, date range
 * and state, and each conversation opens read-only in a `<cc-transcript>` inside the element (at
 * its newest message). Indexing starts when the element connects and never blocks typing.
 *
 * @summary Transcript search with highlights, filters and a read-only transcript viewer.
 * @tag cc-transcript-search
 *
 * @fires cc-open-transcript - CcOpenTranscriptEvent, cancelable: the agent opens a conversation from the results. Cancel to show it your own way.
 *
 * @csspart search - The search view (form, index status and results); hidden while a transcript is open.
 * @csspart form - The search form (`role="search"`).
 * @csspart input - The query field.
 * @csspart submit - The Search button.
 * @csspart filters - The filters fieldset (customer, from, to, state).
 * @csspart day-shown - Under a date filter: its day written in the element's language.
 * @csspart index-status - Index progress ("Indexing… 12,345 messages").
 * @csspart results - The results region (`aria-busy` while searching).
 * @csspart hint - The hint shown before anything is searched.
 * @csspart summary - The result count.
 * @csspart more - The note shown when only the newest matches are listed.
 * @csspart show-more - The button that lists the next page of matches.
 * @csspart empty - The "no results" message.
 * @csspart error - The error message and its Retry button.
 * @csspart retry - The Retry button.
 * @csspart group - One conversation in the results.
 * @csspart group-header - A conversation's customer, state, latest match, match count and Open button.
 * @csspart state - A conversation state badge.
 * @csspart open - The "Open transcript" button.
 * @csspart hit - One matching message.
 * @csspart toggle - "Show all N matches" / "Show fewer" under a conversation's first three matches.
 * @csspart snippet - The text of a matching message.
 * @csspart mark - A matched word in a snippet.
 * @csspart source - The "from the server" tag of a server result.
 * @csspart viewer - The read-only transcript view.
 * @csspart viewer-header - Its heading, state and Back button.
 * @csspart back - The "Back to results" button.
 * @csspart transcript - The `<cc-transcript>`.
 *
 * @cssprop --cc-transcript-search-height - Height of the element (default: as tall as its content).
 * @cssprop --cc-transcript-search-viewer-height - Height of the open transcript (default 28rem; it fills a taller element).
 * @cssprop --cc-color-highlight - Background of matched words.
 * @cssprop --cc-color-surface - Background.
 * @cssprop --cc-color-surface-2 - Conversation headers.
 * @cssprop --cc-color-border - Borders.
 * @cssprop --cc-color-text - Text colour.
 * @cssprop --cc-color-text-muted - Hints, times and the index status.
 * @cssprop --cc-color-accent - The Search button.
 * @cssprop --cc-color-on-accent - Text on the Search button.
 * @cssprop --cc-color-danger - Errors.
 * @cssprop --cc-color-warning - Waiting / wrap-up badges.
 * @cssprop --cc-color-success - Active badges.
 * @cssprop --cc-color-focus - Focus ring.
 * @cssprop --cc-radius - Corner radius.
 * @cssprop --cc-space - Spacing unit.
 * @cssprop --cc-font-family - Font family.
 * @cssprop --cc-font-size - Base font size.
 * @cssprop --cc-space-1 - Spacing step 1 (default 4px).
 * @cssprop --cc-space-2 - Spacing step 2 (default 8px); the base step unless `--cc-space` is set.
 * @cssprop --cc-space-3 - Spacing step 3 (default 12px).
 * @cssprop --cc-space-4 - Spacing step 4 (default 16px).
 * @cssprop --cc-radius-1 - Small radius (default 4px).
 * @cssprop --cc-radius-2 - Medium radius (default 8px); buttons, fields and cards unless `--cc-radius` is set.
 * @cssprop --cc-radius-3 - Large radius (default 12px): message bubbles.
 * @cssprop --cc-color-customer-bubble - Background of customer messages.
 * @cssprop --cc-color-customer-bubble-text - Text of customer messages (default `--cc-color-text`).
 * @cssprop --cc-color-agent-bubble - Background of agent messages.
 * @cssprop --cc-color-agent-bubble-text - Text of agent messages (default `--cc-color-text`).
 * @cssprop --cc-color-system-bubble - Background of system and bot notes (default `--cc-color-surface-2`).
 * @cssprop --cc-color-system-bubble-text - Text of system and bot notes (default `--cc-color-text-muted`).
 * @cssprop --cc-color-bubble-link - Links inside messages (default `--cc-color-accent`).
 * @cssprop --cc-color-agent-bubble-link - Links inside agent messages (default `--cc-color-bubble-link`).
 * @cssprop --cc-color-agent-bubble-muted - Quotes and file names inside agent messages (default `--cc-color-text-muted`).
 * @cssprop --cc-color-state-active - The "active" state badge (default `--cc-color-success`).
 * @cssprop --cc-color-state-waiting - The "waiting" and "wrap-up" state badges (default `--cc-color-warning`).
 * @cssprop --cc-color-state-closed - The "open" and "closed" state badges (default `--cc-color-text-muted`).
 */
export class CcTranscriptSearch extends DeskElement {
  static override styles = [hostStyles, stateBadgeStyles, transcriptSearchStyles];

  /** @internal */
  protected static override strings = [transcriptSearchStrings];

  /** @internal */
  private readonly searchStatus = new StoreController<SearchStatus>(this, { state: 'idle', indexed: 0 });
  /** @internal */
  private readonly conversations = new StoreController<Readonly<Record<string, Conversation>>>(this, {});

  /** The search text. Setting it searches, as typing does. */
  @property() query = '';

  /** Matches listed at first and added by each "Show more" (the newest first). Every match is counted. */
  @property({ type: Number }) limit = 100;

  /** @internal */
  @state() private customer = '';
  /** @internal `yyyy-mm-dd`, as the date input gives it. */
  @state() private from = '';
  /** @internal */
  @state() private to = '';
  /** @internal */
  @state() private stateFilter: ConversationState | '' = '';
  /** @internal */
  @state() private phase: Phase = 'idle';
  /** @internal */
  @state() private results: SearchResults | undefined;
  /** @internal */
  @state() private announcement = '';
  /** @internal */
  @state() private viewing: Viewing | undefined;
  /** @internal Conversations whose matches are all listed. */
  @state() private expanded: ReadonlySet<string> = new Set();
  /** @internal The next page is being read. */
  @state() private loadingMore = false;

  /** @internal */
  @query('#query') private input?: HTMLInputElement;
  /** @internal */
  @query('#viewer-title') private viewerTitle?: HTMLElement;

  #groups: Group[] = [];
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  #announceTimer: ReturnType<typeof setTimeout> | undefined;
  #sequence = 0;
  /** The results grew by a page: conversations opened stay open. */
  #appended = false;
  /** Filters of the results shown: their next page is of the same search. */
  #shownFilters: SearchFilters = {};
  /** Conversations learnt from opened transcripts (past ones the desk no longer holds). */
  #known = new Map<string, Conversation>();
  /** Conversation whose Open button opened the viewer: focus goes back there. */
  #openedFrom: string | undefined;

  protected override deskChanged(desk: Desk | undefined): void {
    this.searchStatus.set(desk?.$searchStatus);
    this.conversations.set(desk?.$conversations);
    // Indexing starts as soon as the element is on the page, so the first search finds a warm index.
    desk?.enableSearch().catch(() => undefined);
    this.#schedule();
  }

  /** Focuses the query field. */
  override focus(options?: FocusOptions): void {
    if (this.input && !this.viewing) this.input.focus(options);
    else super.focus(options);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#searchTimer);
    clearTimeout(this.#announceTimer);
    this.#searchTimer = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('query') || changed.has('limit')) this.#schedule();
    if ((changed as PropertyValues).has('results')) {
      this.#groups = groupHits(this.results?.hits ?? []);
      if (!this.#appended) this.expanded = new Set();
      this.#appended = false;
    }
  }

  // ---- searching ----

  #filters(): SearchFilters {
    const customer = this.customer.trim();
    const from = localDay(this.from);
    // The To day is included up to its last millisecond.
    const to = localDay(this.to, 1);
    return {
      ...(customer ? { customer } : {}),
      ...(from !== undefined ? { from } : {}),
      ...(to !== undefined ? { to: to - 1 } : {}),
      ...(this.stateFilter ? { states: [this.stateFilter] } : {}),
    };
  }

  #schedule(): void {
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => void this.#run(false), SEARCH_DELAY);
  }

  /** Runs the search now; only the newest run's answer is shown. */
  async #run(announceNow: boolean): Promise<void> {
    clearTimeout(this.#searchTimer);
    this.#searchTimer = undefined;
    const sequence = ++this.#sequence;
    const desk = this.activeDesk;
    const text = this.query.trim();
    if (!desk || !text) {
      clearTimeout(this.#announceTimer);
      this.announcement = '';
      this.phase = 'idle';
      this.results = undefined;
      return;
    }
    this.phase = 'searching';
    this.loadingMore = false;
    const filters = this.#filters();
    try {
      const results = await desk.searchTranscripts(text, filters, { limit: this.limit });
      if (sequence !== this.#sequence) return;
      this.#shownFilters = filters;
      this.results = results;
      this.phase = 'done';
      this.#announce(announceNow);
    } catch {
      if (sequence !== this.#sequence) return;
      clearTimeout(this.#announceTimer);
      this.results = undefined;
      this.phase = 'error';
    }
  }

  /** Lists the next page of the same search (the desk appends it to the results shown). */
  async #showMore(): Promise<void> {
    const desk = this.activeDesk;
    const results = this.results;
    if (!desk || !results || this.loadingMore) return;
    const sequence = this.#sequence;
    const focused = (this.renderRoot as ShadowRoot).activeElement?.classList.contains('show-more') ?? false;
    this.loadingMore = true;
    try {
      // The desk appends the next page to the results shown and counts them as one set.
      const merged = await desk.searchTranscripts(results.query, this.#shownFilters, { limit: this.limit, after: results });
      if (sequence !== this.#sequence) return;
      this.#appended = true;
      this.results = merged;
      this.#announce(true);
    } catch {
      // The listed results stay; the button is there to try again.
    } finally {
      if (sequence === this.#sequence) this.loadingMore = false;
    }
    await this.updateComplete;
    // The last page listed: the button is gone, the agent goes on from the last conversation.
    if (focused && sequence === this.#sequence && !this.renderRoot.querySelector('button.show-more')) {
      [...this.renderRoot.querySelectorAll<HTMLButtonElement>('button.open')].at(-1)?.focus();
    }
  }

  #summary(): string {
    const t = this.localize.t.transcriptSearch;
    const results = this.results;
    if (!results || results.hits.length === 0) return t.noResults;
    const count = this.#countText(results, groupHits(results.hits));
    return results.more ? `${count}. ${t.more(results.hits.length, results.total)}` : count;
  }

  /** Every match counted (not only those listed), in every conversation when they were counted. */
  #countText(results: SearchResults, groups: readonly Group[]): string {
    const t = this.localize.t.transcriptSearch;
    const shown = groups.reduce((sum, group) => sum + group.hits.length, 0);
    const total = Math.max(results.total, shown);
    const conversations = Math.max(results.conversationCount ?? 0, groups.length);
    return `${t.results(total)} ${t.inConversations(conversations)}`;
  }

  #announce(now: boolean): void {
    clearTimeout(this.#announceTimer);
    const say = (): void => {
      const text = this.#summary();
      if (text !== this.announcement) {
        this.announcement = text;
        return;
      }
      // The same words again (Enter on the same query) are only read if the region changes.
      this.announcement = '';
      void this.updateComplete.then(() => (this.announcement = text));
    };
    if (now) say();
    else this.#announceTimer = setTimeout(say, ANNOUNCE_DELAY);
  }

  // ---- handlers ----

  #onQueryInput = (event: Event): void => {
    clearTimeout(this.#announceTimer);
    this.query = (event.target as HTMLInputElement).value;
  };

  #onQueryKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'ArrowDown') return;
    const first = this.renderRoot.querySelector<HTMLButtonElement>('button.open');
    if (!first) return;
    event.preventDefault();
    first.focus();
  };

  #onSubmit = (event: Event): void => {
    event.preventDefault();
    void this.#run(true);
  };

  #onCustomerInput = (event: Event): void => {
    clearTimeout(this.#announceTimer);
    this.customer = (event.target as HTMLInputElement).value;
    this.#schedule();
  };

  #onFromChange = (event: Event): void => {
    this.from = (event.target as HTMLInputElement).value;
    void this.#run(true);
  };

  #onToChange = (event: Event): void => {
    this.to = (event.target as HTMLInputElement).value;
    void this.#run(true);
  };

  #onStateChange = (event: Event): void => {
    this.stateFilter = (event.target as HTMLSelectElement).value as ConversationState | '';
    void this.#run(true);
  };

  #retry = async (): Promise<void> => {
    await this.#run(true);
    await this.updateComplete;
    // The Retry button is gone now: the agent continues from the query field.
    if (!this.renderRoot.querySelector('button.retry')) this.input?.focus();
  };

  /** Up and down arrows move between the results' Open buttons, and from the first back to the query. */
  #onResultsKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('button.open')];
    const index = buttons.indexOf(event.target as HTMLButtonElement);
    if (index < 0) return;
    event.preventDefault();
    const next = event.key === 'ArrowDown' ? buttons[index + 1] : index === 0 ? this.input : buttons[index - 1];
    next?.focus();
  };

  #onViewerKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    // Escape inside the transcript's image lightbox closes only the lightbox.
    if (event.composedPath().some((node) => node instanceof HTMLDialogElement)) return;
    event.preventDefault();
    void this.#close();
  };

  #toggle(conversationId: string): void {
    const expanded = new Set(this.expanded);
    if (!expanded.delete(conversationId)) expanded.add(conversationId);
    this.expanded = expanded;
  }

  async #open(conversationId: string): Promise<void> {
    const desk = this.activeDesk;
    if (!desk) return;
    const intent = new CcOpenTranscriptEvent(conversationId);
    this.dispatchEvent(intent);
    if (intent.defaultPrevented) return;
    this.#openedFrom = conversationId;
    const conversation = this.#conversationOf(conversationId);
    this.viewing = { conversationId, ...(conversation ? { conversation } : {}) };
    await this.updateComplete;
    this.viewerTitle?.focus();
    await this.#load(desk, conversationId);
  }

  async #load(desk: Desk, conversationId: string): Promise<void> {
    try {
      const { conversation, messages } = await desk.openTranscript(conversationId);
      if (this.viewing?.conversationId !== conversationId) return;
      if (conversation) this.#known.set(conversationId, conversation);
      const shown = conversation ?? this.viewing.conversation;
      this.viewing = { conversationId, messages, ...(shown ? { conversation: shown } : {}) };
    } catch {
      if (this.viewing?.conversationId !== conversationId) return;
      this.viewing = { ...this.viewing, failed: true };
    }
  }

  #reload = (): void => {
    const desk = this.activeDesk;
    const viewing = this.viewing;
    if (!desk || !viewing) return;
    const { failed: _failed, ...rest } = viewing;
    this.viewing = rest;
    // The Retry button goes away: keep the agent at the top of the transcript view.
    void this.updateComplete.then(() => this.viewerTitle?.focus());
    void this.#load(desk, viewing.conversationId);
  };

  #close = async (): Promise<void> => {
    const from = this.#openedFrom;
    this.viewing = undefined;
    await this.updateComplete;
    const opener = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('button.open')].find(
      (button) => button.dataset['conversation'] === from,
    );
    (opener ?? this.input)?.focus();
  };

  // ---- rendering ----

  #conversationOf(conversationId: string): Conversation | undefined {
    return this.conversations.value[conversationId] ?? this.#known.get(conversationId) ?? this.results?.conversations?.[conversationId];
  }

  #formats(): { date: Intl.DateTimeFormat; time: Intl.DateTimeFormat; dayTime: Intl.DateTimeFormat } {
    const lang = this.localize.lang;
    let formats = formatCache.get(lang);
    if (!formats) {
      formats = {
        date: new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }),
        time: new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit' }),
        dayTime: new Intl.DateTimeFormat(lang, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }),
      };
      formatCache.set(lang, formats);
    }
    return formats;
  }

  #title(conversationId: string, conversation: Conversation | undefined): string {
    return conversation?.customer.name || this.localize.t.transcriptSearch.unknownConversation(conversationId);
  }

  protected override render() {
    return html`
      <div class="search" part="search" ?hidden=${this.viewing !== undefined}>
        ${this.#renderForm()} ${this.#renderIndexStatus()} ${this.#renderResults()}
      </div>
      ${this.viewing ? this.#renderViewer(this.viewing) : nothing}
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
    `;
  }

  #renderForm(): TemplateResult {
    const t = this.localize.t.transcriptSearch;
    const states = this.localize.t.state;
    return html`<form part="form" role="search" aria-label=${t.formLabel} @submit=${this.#onSubmit}>
      <div class="query">
        <label for="query">${t.searchLabel}</label>
        <input
          id="query"
          part="input"
          type="search"
          autocomplete="off"
          spellcheck="false"
          placeholder=${t.placeholder}
          .value=${this.query}
          @input=${this.#onQueryInput}
          @keydown=${this.#onQueryKeydown}
        />
        <button class="primary" part="submit" type="submit">${t.search}</button>
      </div>
      <fieldset part="filters">
        <legend>${t.filters}</legend>
        <div class="field">
          <label for="customer">${t.customer}</label>
          <input
            id="customer"
            type="text"
            autocomplete="off"
            placeholder=${t.customerPlaceholder}
            .value=${this.customer}
            @input=${this.#onCustomerInput}
          />
        </div>
        <div class="field">
          <label for="from">${t.from}</label>
          <input id="from" type="date" lang=${this.localize.lang} aria-describedby="from-shown" .value=${this.from} max=${this.to || nothing} @change=${this.#onFromChange} />
          ${this.#renderDay('from-shown', this.from)}
        </div>
        <div class="field">
          <label for="to">${t.to}</label>
          <input id="to" type="date" lang=${this.localize.lang} aria-describedby="to-shown" .value=${this.to} min=${this.from || nothing} @change=${this.#onToChange} />
          ${this.#renderDay('to-shown', this.to)}
        </div>
        <div class="field">
          <label for="state">${t.state}</label>
          <select id="state" @change=${this.#onStateChange}>
            <option value="" ?selected=${this.stateFilter === ''}>${t.anyState}</option>
            ${STATES.map((s) => html`<option value=${s} ?selected=${this.stateFilter === s}>${states[s]}</option>`)}
          </select>
        </div>
      </fieldset>
    </form>`;
  }

  /**
   * The chosen day in the element's language: a date field shows the browser's own format, which
   * need not be the page's (a Polish agent in an English browser reads 11/20/2026 there).
   */
  #renderDay(id: string, value: string): TemplateResult {
    const [year, month, day] = value.split('-').map(Number);
    const date = year && month && day ? new Date(year, month - 1, day) : undefined;
    return html`<span id=${id} class="day-shown" part="day-shown">${date && !Number.isNaN(date.getTime()) ? this.#formats().date.format(date) : nothing}</span>`;
  }

  #renderIndexStatus(): TemplateResult | typeof nothing {
    const t = this.localize.t.transcriptSearch;
    const status = this.searchStatus.value;
    const text =
      status.state === 'loading'
        ? t.preparing
        : status.state === 'indexing'
          ? t.indexing(status.indexed)
          : status.state === 'ready'
            ? t.indexed(status.indexed)
            : status.state === 'error'
              ? t.unavailable
              : '';
    return text ? html`<p class="index-status ${status.state}" part="index-status">${text}</p>` : nothing;
  }

  #renderResults(): TemplateResult {
    const t = this.localize.t.transcriptSearch;
    return html`<section
      class="results"
      part="results"
      aria-label=${t.resultsLabel}
      aria-busy=${this.phase === 'searching' ? 'true' : 'false'}
    >
      ${this.#renderResultsBody()}
    </section>`;
  }

  #renderResultsBody(): TemplateResult {
    const t = this.localize.t.transcriptSearch;
    if (this.phase === 'error') {
      return html`<div class="error" part="error">
        <p role="alert">${t.failed}</p>
        <button class="retry" part="retry" @click=${this.#retry}>${t.retry}</button>
      </div>`;
    }
    const results = this.results;
    if (!results) {
      return this.phase === 'searching'
        ? html`<p class="summary" part="summary">${t.searching}</p>`
        : html`<p class="hint" part="hint">${t.hint}</p>`;
    }
    if (results.hits.length === 0) return html`<p class="empty" part="empty">${t.noResults}</p>`;
    return html`<p class="summary" part="summary">
        ${this.#countText(results, this.#groups)}
      </p>
      ${results.more ? html`<p class="more" part="more">${t.more(results.hits.length, results.total)}</p>` : nothing}
      <ol class="groups" @keydown=${this.#onResultsKeydown}>
        ${repeat(
          this.#groups,
          (group) => group.conversationId,
          (group, index) => this.#renderGroup(group, index, results.terms),
        )}
      </ol>
      ${results.more
        ? html`<button
            class="show-more"
            part="show-more"
            aria-busy=${this.loadingMore ? 'true' : 'false'}
            @click=${() => void this.#showMore()}
          >
            ${t.showMore(Math.min(this.limit, Math.max(0, results.total - results.hits.length)) || this.limit)}
          </button>`
        : nothing}`;
  }

  #renderGroup(group: Group, index: number, terms: readonly string[]): TemplateResult {
    const t = this.localize.t.transcriptSearch;
    const conversation = this.#conversationOf(group.conversationId);
    const title = this.#title(group.conversationId, conversation);
    const latest = group.hits[0]!.at;
    const all = this.expanded.has(group.conversationId);
    const hits = all ? group.hits : group.hits.slice(0, HITS_SHOWN);
    return html`<li class="group" part="group">
      <div class="group-header" part="group-header">
        <h3>${title}</h3>
        ${conversation ? this.#renderBadge(conversation) : nothing}
        <span class="meta">${t.latestMatch(this.#formats().date.format(latest))} · ${t.matches(group.hits.length)}</span>
        <button
          class="open"
          part="open"
          data-conversation=${group.conversationId}
          aria-label=${t.openLabel(title)}
          @click=${() => void this.#open(group.conversationId)}
        >
          ${t.open}
        </button>
      </div>
      <ol class="hits" id="hits-${index}">
        ${hits.map((hit) => this.#renderHit(hit, conversation, latest, terms))}
      </ol>
      ${group.hits.length > HITS_SHOWN
        ? html`<button
            class="toggle"
            part="toggle"
            aria-expanded=${all ? 'true' : 'false'}
            aria-controls="hits-${index}"
            @click=${() => this.#toggle(group.conversationId)}
          >
            ${all ? t.showFewer : t.showAll(group.hits.length)}
          </button>`
        : nothing}
    </li>`;
  }

  #renderBadge(conversation: Conversation): TemplateResult {
    return html`<span class="badge ${conversation.state}" part="state">${this.localize.t.state[conversation.state]}</span>`;
  }

  #renderHit(hit: SearchHit, conversation: Conversation | undefined, latest: number, terms: readonly string[]): TemplateResult {
    const t = this.localize.t.transcriptSearch;
    const formats = this.#formats();
    const author = hit.author === 'customer' ? conversation?.customer.name || t.author.customer : t.author[hit.author];
    return html`<li class="hit" part="hit">
      <div class="hit-meta">
        <time datetime=${new Date(hit.at).toISOString()}
          >${sameDay(hit.at, latest) ? formats.time.format(hit.at) : formats.dayTime.format(hit.at)}</time
        >
        <span class="author">${author}</span>
        ${hit.source === 'server' ? html`<span class="source" part="source">${t.fromServer}</span>` : nothing}
      </div>
      <p class="snippet" part="snippet" dir="auto">${snippet(hit.text, terms).map((segment) =>
        segment.match ? html`<mark part="mark">${segment.text}</mark>` : segment.text,
      )}</p>
    </li>`;
  }

  #renderViewer(viewing: Viewing): TemplateResult {
    const t = this.localize.t.transcriptSearch;
    const conversation = viewing.conversation ?? this.#conversationOf(viewing.conversationId);
    const title = this.#title(viewing.conversationId, conversation);
    return html`<section class="viewer" part="viewer" aria-labelledby="viewer-title" @keydown=${this.#onViewerKeydown}>
      <div class="viewer-header" part="viewer-header">
        <h2 id="viewer-title" tabindex="-1">${t.transcriptTitle(title)}</h2>
        ${conversation ? this.#renderBadge(conversation) : nothing}
        ${conversation
          ? html`<span class="viewer-note">${t.startedAt(this.#formats().date.format(conversation.requestedAt))}</span>`
          : nothing}
        <button class="back" part="back" @click=${this.#close}>${t.back}</button>
      </div>
      <p class="viewer-note">${t.readOnly}</p>
      <div class="viewer-body">
        ${viewing.failed
          ? html`<div class="error" part="error">
              <p role="alert">${t.transcriptFailed}</p>
              <button part="retry" @click=${this.#reload}>${t.retry}</button>
            </div>`
          : viewing.messages === undefined
            ? html`<p role="status">${t.loadingTranscript}</p>`
            : html`<cc-transcript
                part="transcript"
                .messages=${viewing.messages}
                customer-name=${conversation?.customer.name ?? ''}
                label=${t.transcriptLabel(title)}
              ></cc-transcript>`}
      </div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cc-transcript-search': CcTranscriptSearch;
  }
}
