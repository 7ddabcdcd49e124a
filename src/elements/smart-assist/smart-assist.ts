import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { SimilarCase } from '../../core/assist.js';
import type { AssistState, Desk } from '../../core/desk/desk.js';
import type { ArticleSummary } from '../../core/knowledge.js';
import { safeHttpUrl } from '../../core/safe-url.js';
import { ConversationController } from '../../controllers/conversation-controller.js';
import { StoreController } from '../../controllers/store-controller.js';
import { assistStrings } from '../../i18n/en/assist.js';
import { errorText } from '../../i18n/error-text.js';
import { hostStyles } from '../../styles/tokens.js';
import { DeskElement } from '../desk-element.js';
import { CcOpenTranscriptEvent, CcShareArticleEvent } from '../events.js';
import { smartAssistStyles } from './smart-assist.styles.js';

/**
 * The agent opens a suggested article. Cancel to show it your own way; otherwise it opens as a
 * knowledge app tab of the conversation's session (`<cc-session-view>`, slot `app-knowledge`).
 */
export class CcOpenArticleEvent extends Event {
  static get type(): 'cc-open-article' {
    return 'cc-open-article';
  }
  constructor(
    readonly conversationId: string,
    readonly article: ArticleSummary,
  ) {
    super(CcOpenArticleEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cc-open-article': CcOpenArticleEvent;
  }
  interface HTMLElementTagNameMap {
    'cc-smart-assist': CcSmartAssist;
  }
}

const IDLE: AssistState = { status: 'idle', articles: [], cases: [] };

/**
 * Smart assist (F15): knowledge articles and similar past cases for what the customer wrote last,
 * refreshed as they write. Each article can be shared as a link into the composer or opened; each
 * case opened. Suggestions come from the desk (`desk.assist`): the backend's, or worked out from
 * the knowledge base and transcript search. Texts are shown as text only.
 *
 * Follows the desk's active conversation unless `conversation-id` is set.
 *
 * @summary Suggested knowledge articles and similar cases for the conversation, with one-click actions.
 * @tag cc-smart-assist
 * @fires cc-share-article - CcShareArticleEvent, cancelable: the agent shares a suggested article's link into the composer. Cancel to leave the draft as it is.
 * @fires cc-open-article - CcOpenArticleEvent, cancelable: the agent opens a suggested article. Cancel to show it your own way (no app tab opens).
 * @fires cc-open-transcript - CcOpenTranscriptEvent, cancelable: the agent opens a similar case. Cancel to show it your own way (no app tab opens).
 * @cssstate loading - Suggestions are being worked out.
 * @cssstate ready - Suggestions are shown (maybe none).
 * @cssstate empty - Nothing to suggest.
 * @cssstate error - Suggestions could not be loaded.
 * @cssstate unavailable - No desk, or nothing to draw suggestions from.
 * @csspart articles - The list of suggested articles.
 * @csspart cases - The list of similar cases.
 * @csspart item - One article or case.
 * @csspart actions - An item's buttons.
 * @cssprop --cc-color-surface - Item background.
 * @cssprop --cc-color-border - Item borders.
 * @cssprop --cc-color-text-muted - Summaries, snippets and status lines.
 * @cssprop --cc-color-success - The "link added" notice.
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
export class CcSmartAssist extends DeskElement {
  static override styles = [hostStyles, smartAssistStyles];

  /** @internal */
  protected static override strings = [assistStrings];

  #conversation = new ConversationController(this);
  #state = new StoreController<AssistState>(this, IDLE);
  #internals = this.attachInternals();
  #notice = '';
  #problem = '';
  #noticeFor: string | undefined;
  /** What the status line says: the last ready counts, kept while refreshing so it is spoken only when they change. */
  #announcement = '';

  /** The conversation suggestions are for. Default: the desk's active conversation. */
  @property({ attribute: 'conversation-id' }) conversationId: string | undefined;

  protected override deskChanged(): void {
    this.#notice = '';
    this.#problem = '';
  }

  /** What the element shows now. */
  get assistState(): AssistState['status'] {
    return this.#state.value.status;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const desk = this.activeDesk;
    const id = this.#conversation.id;
    this.#state.set(desk && id !== undefined ? desk.assist.suggestions(id) : undefined);
    if (this.#noticeFor !== id) {
      this.#noticeFor = id;
      this.#notice = '';
      this.#problem = '';
      this.#announcement = '';
    }
    const { status, articles, cases } = this.#state.value;
    const t = this.localize.t.assist;
    if (status === 'ready') this.#announcement = articles.length + cases.length === 0 ? t.empty : t.ready(articles.length, cases.length);
    else if (status !== 'loading' && status !== 'idle') this.#announcement = '';
    const shown = !desk || id === undefined ? 'unavailable' : status === 'ready' && articles.length + cases.length === 0 ? 'empty' : status;
    for (const s of ['loading', 'ready', 'empty', 'error', 'unavailable']) {
      if (s === shown || (s === 'ready' && shown === 'empty')) this.#internals.states.add(s);
      else this.#internals.states.delete(s);
    }
  }

  async #share(desk: Desk, conversationId: string, article: ArticleSummary): Promise<void> {
    const intent = new CcShareArticleEvent(conversationId, article, 'link');
    this.dispatchEvent(intent);
    if (intent.defaultPrevented) return;
    this.#notice = '';
    this.#problem = '';
    try {
      await desk.knowledge.share(conversationId, article, 'link');
      this.#notice = this.localize.t.assist.shared;
    } catch (error) {
      this.#problem = errorText(this.localize.t, error);
    }
    this.requestUpdate();
  }

  #hasSession(desk: Desk, conversationId: string): boolean {
    return desk.sessions.$sessions.get().some((s) => s.conversationId === conversationId);
  }

  #openArticle(desk: Desk, conversationId: string, article: ArticleSummary): void {
    const intent = new CcOpenArticleEvent(conversationId, article);
    this.dispatchEvent(intent);
    if (intent.defaultPrevented || !this.#hasSession(desk, conversationId)) return;
    desk.sessions.openApp(conversationId, { id: `knowledge-${article.id}`, kind: 'knowledge', articleId: article.id, title: article.title });
  }

  #openCase(desk: Desk, conversationId: string, similar: SimilarCase): void {
    const intent = new CcOpenTranscriptEvent(similar.conversationId);
    this.dispatchEvent(intent);
    if (intent.defaultPrevented || !this.#hasSession(desk, conversationId)) return;
    desk.sessions.openApp(conversationId, {
      id: `transcript-${similar.conversationId}`,
      kind: 'transcript',
      conversationId: similar.conversationId,
      title: similar.customerName ?? this.localize.t.assist.earlierConversation,
    });
  }

  protected override render(): TemplateResult {
    const t = this.localize.t.assist;
    const desk = this.activeDesk;
    const id = this.#conversation.id;
    const body = !desk ? html`<p class="status">${t.unavailable}</p>` : id === undefined ? html`<p class="status">${t.noConversation}</p>` : this.renderBody(desk, id);
    return html`<section class="root" aria-labelledby="title">
      <h3 id="title">${t.label}</h3>
      ${body}
    </section>`;
  }

  private renderBody(desk: Desk, id: string): TemplateResult {
    const t = this.localize.t.assist;
    const { status, articles, cases } = this.#state.value;
    if (status === 'unavailable') return html`<p class="status" role="status">${t.unavailable}</p>`;
    if (status === 'error') {
      return html`<div class="alert" role="alert">
        <p>${t.failed}</p>
        <button type="button" @click=${() => void desk.assist.refresh(id)}>${t.retry}</button>
      </div>`;
    }
    const loading = status === 'loading' || status === 'idle';
    const nothingYet = !loading && articles.length + cases.length === 0;
    // Loading is not spoken: the lists are marked busy instead.
    return html`<p class="status" role="status">${this.#announcement}</p>
      ${nothingYet
        ? nothing
        : html`<h4 id="articles-title">${t.articles}</h4>
            ${this.renderArticles(desk, id, articles, loading)}
            <h4 id="cases-title">${t.cases}</h4>
            ${this.renderCases(desk, id, cases, loading)}`}
      <p class="alert" role="alert">${this.#problem || nothing}</p>
      <p class="notice" role="status">${this.#notice}</p>`;
  }

  private renderArticles(desk: Desk, id: string, articles: readonly ArticleSummary[], loading: boolean): TemplateResult {
    const t = this.localize.t.assist;
    if (articles.length === 0) return html`<p class="empty" aria-busy=${loading ? 'true' : 'false'}>${loading ? t.loading : t.noArticles}</p>`;
    return html`<ul part="articles" aria-labelledby="articles-title" aria-busy=${loading ? 'true' : 'false'}>
      ${articles.map(
        (article) => html`<li part="item" lang=${article.locale}>
          <span class="title">${article.title}</span>
          ${article.summary ? html`<p class="summary">${article.summary}</p>` : nothing}
          <div class="actions" part="actions">
            ${safeHttpUrl(article.url)
              ? html`<button type="button" data-action="share" aria-label=${t.shareLinkLabel(article.title)} @click=${() => void this.#share(desk, id, article)}>
                  ${t.shareLink}
                </button>`
              : nothing}
            <button type="button" data-action="open" aria-label=${t.openArticleLabel(article.title)} @click=${() => this.#openArticle(desk, id, article)}>
              ${t.open}
            </button>
          </div>
        </li>`,
      )}
    </ul>`;
  }

  private renderCases(desk: Desk, id: string, cases: readonly SimilarCase[], loading: boolean): TemplateResult {
    const t = this.localize.t.assist;
    if (cases.length === 0) return html`<p class="empty" aria-busy=${loading ? 'true' : 'false'}>${loading ? t.loading : t.noCases}</p>`;
    const date = new Intl.DateTimeFormat(this.localize.t.lang, { dateStyle: 'medium' });
    return html`<ul part="cases" aria-labelledby="cases-title" aria-busy=${loading ? 'true' : 'false'}>
      ${cases.map((similar) => {
        const name = similar.customerName ?? t.earlierConversation;
        const state = similar.state ? this.localize.t.state[similar.state] : undefined;
        return html`<li part="item">
          <span class="title">${name}</span>
          <span class="meta">${Number.isFinite(similar.at) ? date.format(similar.at) : nothing}${state ? ` · ${state}` : nothing}</span>
          <p class="snippet" dir="auto">${similar.text}</p>
          <div class="actions" part="actions">
            <button type="button" data-action="open-case" aria-label=${t.openCaseLabel(name)} @click=${() => this.#openCase(desk, id, similar)}>${t.open}</button>
          </div>
        </li>`;
      })}
    </ul>`;
  }
}
