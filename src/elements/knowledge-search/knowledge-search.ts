import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { articleText, type Article, type ArticleBlock, type ArticleSummary, type ShareMode } from '../../core/knowledge.js';
import { safeHttpUrl } from '../../core/safe-url.js';
import { tokenize } from '../../core/search/fold.js';
import { highlight } from '../../core/search/highlight.js';
import { ConversationController } from '../../controllers/conversation-controller.js';
import { knowledgeStrings } from '../../i18n/en/knowledge.js';
import { errorText } from '../../i18n/error-text.js';
import { hostStyles } from '../../styles/tokens.js';
import { DeskElement } from '../desk-element.js';
import { CcShareArticleEvent } from '../events.js';
import { richText } from '../transcript/rich-text.js';
import { knowledgeSearchStyles } from './knowledge-search.styles.js';
import { onResultListKey } from '../result-keys.js';

/** What the element shows: the search (idle, searching, results, error) or one article. */
export type KnowledgeSearchPhase = 'idle' | 'searching' | 'results' | 'error' | 'article';

const DEBOUNCE_MS = 250;

/**
 * Knowledge articles (F9): search as you type (accents optional), matched words highlighted, a
 * preview of the article, and Share as link, Share as text (into the conversation's composer, for
 * the agent to edit before sending) and Copy. Article text is shown as text only; links only
 * http(s).
 *
 * Keyboard: Down arrow moves from the field into the results, Up/Down/Home/End move between them,
 * Enter opens one, Escape goes back (from the article to its result, from the results to the field).
 *
 * Follows the desk's active conversation unless `conversation-id` is set. Hidden
 * (`:state(unavailable)`) when there is no desk or the transport has no knowledge base.
 *
 * @summary Search knowledge articles, preview one and share it into the conversation.
 * @tag cc-knowledge-search
 * @fires cc-share-article - CcShareArticleEvent, cancelable: the agent shares an article as a link or as text. Cancel to leave the draft as it is.
 * @cssstate unavailable - No desk, or the transport has no knowledge base (hidden by default).
 * @csspart search - The search field.
 * @csspart results - The list of results.
 * @csspart result - One result.
 * @csspart mark - A matched word.
 * @csspart article - The article preview.
 * @csspart actions - Share and copy buttons.
 * @cssprop --cc-color-surface - Field and result background.
 * @cssprop --cc-color-border - Borders of fields and results.
 * @cssprop --cc-color-text-muted - Summaries, hints and dates.
 * @cssprop --cc-color-highlight - Background of matched words.
 * @cssprop --cc-color-success - Action notices.
 * @cssprop --cc-color-danger - Errors.
 * @cssprop --cc-color-text - Text.
 * @cssprop --cc-color-surface-2 - Raised or tinted areas: headers, notices, items.
 * @cssprop --cc-color-accent - Primary buttons, links and selection.
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
export class CcKnowledgeSearch extends DeskElement {
  static override styles = [hostStyles, knowledgeSearchStyles];

  /** @internal */
  protected static override strings = [knowledgeStrings];

  #conversation = new ConversationController(this);

  /** The conversation articles are shared into. Default: the desk's active conversation. */
  @property({ attribute: 'conversation-id' }) conversationId: string | undefined;

  /** Most results to show. */
  @property({ type: Number }) limit = 10;

  /** @internal */
  @state() private query = '';
  /** @internal */
  @state() private phase: Exclude<KnowledgeSearchPhase, 'article'> = 'idle';
  /** @internal */
  @state() private results: readonly ArticleSummary[] = [];
  /** @internal The query the shown results answer. */
  @state() private answered = '';
  /** @internal The article open in the preview, or the one loading. */
  @state() private open: { summary: ArticleSummary; article?: Article; failed?: boolean } | undefined;
  /** @internal */
  @state() private notice = '';
  /** @internal */
  @state() private problem: string | undefined;

  /** @internal */
  @query('input[type="search"]') private searchField!: HTMLInputElement | null;

  #internals = this.attachInternals();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #seq = 0;

  /** What the element shows now. */
  get searchState(): KnowledgeSearchPhase {
    return this.open ? 'article' : this.phase;
  }

  /** Runs the search for the current text now (as Enter does). */
  search(): Promise<void> {
    clearTimeout(this.#timer);
    return this.#run();
  }

  protected override deskChanged(): void {
    this.#seq++;
    this.results = [];
    this.phase = 'idle';
    this.open = undefined;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.activeDesk?.knowledge.available) this.#internals.states.delete('unavailable');
    else this.#internals.states.add('unavailable');
  }

  // ---- search ----

  #onInput(event: Event): void {
    this.query = (event.target as HTMLInputElement).value;
    clearTimeout(this.#timer);
    if (!this.query.trim()) {
      this.#seq++;
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

  async #run(): Promise<void> {
    const desk = this.activeDesk;
    const text = this.query.trim();
    if (!desk?.knowledge.available || !text) return;
    const seq = ++this.#seq;
    this.phase = 'searching';
    try {
      const articles = await desk.knowledge.search(text, { locale: this.localize.t.lang, limit: this.limit });
      if (seq !== this.#seq) return;
      this.results = articles;
      this.answered = text;
      this.phase = 'results';
    } catch {
      if (seq !== this.#seq) return;
      this.results = [];
      this.phase = 'error';
    }
  }

  #resultButtons(): HTMLButtonElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLButtonElement>('.results button')];
  }

  #onResultsKeyDown(event: KeyboardEvent): void {
    onResultListKey(event, this.#resultButtons(), this.searchField);
  }

  // ---- preview ----

  async #openArticle(summary: ArticleSummary): Promise<void> {
    const desk = this.activeDesk;
    if (!desk) return;
    this.open = { summary };
    this.notice = '';
    this.problem = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.article-title')?.focus());
    try {
      const article = await desk.knowledge.get(summary.id);
      if (this.open?.summary === summary) this.open = { summary, article };
    } catch {
      if (this.open?.summary === summary) this.open = { summary, failed: true };
    }
  }

  async #back(): Promise<void> {
    const id = this.open?.summary.id;
    this.open = undefined;
    this.notice = '';
    this.problem = undefined;
    await this.updateComplete;
    const button = this.#resultButtons().find((b) => b.dataset['id'] === id);
    (button ?? this.searchField)?.focus();
  }

  #onArticleKeyDown(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    void this.#back();
  }

  // ---- actions ----

  async #share(article: Article, as: ShareMode): Promise<void> {
    const desk = this.activeDesk;
    const conversationId = this.#conversation.id;
    if (!desk || conversationId === undefined) return;
    const intent = new CcShareArticleEvent(conversationId, article, as);
    this.dispatchEvent(intent);
    if (intent.defaultPrevented) return;
    this.notice = '';
    this.problem = undefined;
    try {
      await desk.knowledge.share(conversationId, article, as);
      this.notice = this.localize.t.knowledge.shared;
    } catch (error) {
      this.problem = errorText(this.localize.t, error);
    }
  }

  async #copy(article: Article): Promise<void> {
    const url = safeHttpUrl(article.url);
    const text = url ? `${articleText(article)}\n\n${url}` : articleText(article);
    this.notice = '';
    this.problem = undefined;
    try {
      if (!navigator.clipboard) throw new Error('No clipboard');
      await navigator.clipboard.writeText(text);
      this.notice = this.localize.t.knowledge.copied;
    } catch {
      this.problem = this.localize.t.knowledge.copyFailed;
    }
  }

  // ---- render ----

  protected override render(): TemplateResult | typeof nothing {
    if (!this.activeDesk?.knowledge.available) return nothing;
    return html`<div class="root">${this.open ? this.renderArticle(this.open) : this.renderSearch()}</div>`;
  }

  #marked(text: string, terms: readonly string[]): (TemplateResult | string)[] {
    return highlight(text, terms).map((range) => (range.match ? html`<mark part="mark">${range.text}</mark>` : range.text));
  }

  private renderSearch(): TemplateResult {
    const t = this.localize.t.knowledge;
    return html`<div class="search">
      <label class="label" for="search">${t.searchLabel}</label>
      <input
        id="search"
        part="search"
        type="search"
        autocomplete="off"
        spellcheck="false"
        placeholder=${t.placeholder}
        aria-controls="results"
        aria-describedby="search-hint"
        .value=${live(this.query)}
        @input=${this.#onInput}
        @keydown=${this.#onSearchKeyDown}
      />
      <p class="hint" id="search-hint">${t.hint}</p>
      ${this.renderStatus()} ${this.renderResults()}
    </div>`;
  }

  private renderStatus(): TemplateResult {
    const t = this.localize.t.knowledge;
    if (this.phase === 'error') {
      return html`<div class="alert" role="alert">
        ${t.failed} <button type="button" @click=${() => void this.search()}>${t.retry}</button>
      </div>`;
    }
    let text: string;
    if (this.phase === 'searching') text = t.searching;
    else if (this.phase === 'results') text = this.results.length > 0 ? t.results(this.results.length) : t.noResults(this.answered);
    else text = t.idle;
    return html`<p class="status-line" role="status">${text}</p>`;
  }

  private renderResults(): TemplateResult {
    const t = this.localize.t.knowledge;
    const terms = tokenize(this.answered);
    const shown = this.phase === 'results' || this.phase === 'searching' ? this.results : [];
    return html`<ul
      id="results"
      class="results"
      part="results"
      aria-label=${t.resultsLabel}
      aria-busy=${this.phase === 'searching' ? 'true' : 'false'}
      @keydown=${this.#onResultsKeyDown}
    >
      ${shown.map(
        (article) => html`<li class="result" part="result" lang=${article.locale}>
          <button type="button" data-id=${article.id} aria-describedby=${`summary-${article.id}`} @click=${() => void this.#openArticle(article)}>
            ${this.#marked(article.title, terms)}
          </button>
          <p class="summary" id=${`summary-${article.id}`}>${this.#marked(article.summary, terms)}</p>
        </li>`,
      )}
    </ul>`;
  }

  private renderArticle(open: { summary: ArticleSummary; article?: Article; failed?: boolean }): TemplateResult {
    const t = this.localize.t.knowledge;
    const { summary, article } = open;
    const url = safeHttpUrl(summary.url);
    const updated =
      summary.updatedAt !== undefined ? new Intl.DateTimeFormat(this.localize.t.lang, { dateStyle: 'medium' }).format(summary.updatedAt) : undefined;
    const noConversation = this.#conversation.id === undefined;
    return html`<article part="article" class="article" lang=${summary.locale} aria-labelledby="article-title" @keydown=${this.#onArticleKeyDown}>
      <button type="button" class="back" @click=${() => void this.#back()}>${t.back}</button>
      <h3 class="article-title" id="article-title" tabindex="-1">${summary.title}</h3>
      ${updated ? html`<p class="meta">${t.updated(updated)}</p>` : nothing}
      ${url ? html`<p class="meta"><a href=${url} target="_blank" rel="noopener noreferrer">${t.openArticle}</a></p>` : nothing}
      ${article
        ? html`<div class="blocks">${article.blocks.map((block) => this.renderBlock(block))}</div>
            <div class="actions" part="actions" role="group" aria-label=${t.actionsLabel}>
              <button type="button" data-share="link" aria-disabled=${noConversation || !url ? 'true' : 'false'} @click=${() => (noConversation || !url ? undefined : void this.#share(article, 'link'))}>
                ${t.shareLink}
              </button>
              <button type="button" data-share="text" aria-disabled=${noConversation ? 'true' : 'false'} @click=${() => (noConversation ? undefined : void this.#share(article, 'text'))}>
                ${t.shareText}
              </button>
              <button type="button" data-copy @click=${() => void this.#copy(article)}>${t.copy}</button>
            </div>
            ${noConversation ? html`<p class="hint">${t.noConversation}</p>` : nothing}`
        : open.failed
          ? html`<p class="alert" role="alert">${t.loadFailed}</p>`
          : html`<p class="status-line" role="status">${t.loading}</p>`}
      <p class="alert" role="alert">${this.problem ?? nothing}</p>
      <p class="notice" role="status">${this.notice}</p>
    </article>`;
  }

  private renderBlock(block: ArticleBlock): TemplateResult {
    switch (block.type) {
      case 'heading':
        return html`<h4>${block.text}</h4>`;
      case 'paragraph':
        return html`<p>${richText(block.text)}</p>`;
      case 'note':
        return html`<p class="note">${richText(block.text)}</p>`;
      case 'list':
        return html`<ul>${block.items.map((item) => html`<li>${richText(item)}</li>`)}</ul>`;
      case 'steps':
        return html`<ol>${block.items.map((item) => html`<li>${richText(item)}</li>`)}</ol>`;
      default:
        // A block type this version does not know: nothing, rather than a guess.
        return html``;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cc-knowledge-search': CcKnowledgeSearch;
  }
}
