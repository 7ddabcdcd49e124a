import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { Desk, SentimentLevel, SentimentState } from '../../core/desk/desk.js';
import { ConversationController } from '../../controllers/conversation-controller.js';
import { StoreController } from '../../controllers/store-controller.js';
import { sentimentStrings } from '../../i18n/en/sentiment.js';
import { hostStyles } from '../../styles/tokens.js';
import { DeskElement } from '../desk-element.js';
import { sentimentBadgeStyles } from './sentiment-badge.styles.js';

/** Slightly negative and below: the three negative levels (as the desk's `alert`). */
const isAlertLevel = (level: SentimentLevel): boolean => level.endsWith('negative');

const NEUTRAL: SentimentState = { level: 'neutral', source: 'initial', alert: false, dismissed: false };

/** One shape per level, so the level never rests on colour alone (the text label says it too). */
export const ICONS: Record<SentimentLevel, string> = {
  'very-negative': '▼▼',
  negative: '▼',
  'slightly-negative': '▽',
  neutral: '●',
  'slightly-positive': '△',
  positive: '▲',
  'very-positive': '▲▲',
};

/** Follows one conversation's sentiment: its `conversation-id`, else the desk's active conversation. */
export abstract class SentimentElement extends DeskElement {
  /** The conversation whose sentiment is shown (default: the desk's active one). */
  @property({ attribute: 'conversation-id' }) conversationId: string | undefined;

  /** @internal */
  protected readonly shown = new ConversationController(this, (id, desk) => this.state.set(desk && id !== undefined ? desk.sentiment.of(id) : undefined));
  /** @internal */
  protected readonly state = new StoreController<SentimentState>(this, NEUTRAL);
  /** @internal */
  protected static override strings = [sentimentStrings];

  protected override deskChanged(_desk: Desk | undefined): void {
    // The conversation controller follows the desk.
  }
}

/**
 * The customer's sentiment (F14) as a small badge: a shape and a colour per level and the level's
 * name, so it never rests on colour alone. Reads `desk.sentiment` for its `conversation-id` (or the
 * desk's active conversation), or shows `level` when given. With `background` (a session tab that is
 * not in front) a level of Slightly negative or below adds a "needs urgent attention" marker; with
 * `compact` nothing shows at Neutral.
 *
 * @summary The customer's sentiment: one of seven levels, with an urgent marker for background sessions.
 * @tag cc-sentiment-badge
 * @csspart badge - The badge: icon and level.
 * @csspart icon - The level's shape.
 * @csspart urgent - The "needs urgent attention" marker.
 * @cssstate alert - The level is Slightly negative or below.
 * @cssstate urgent - The urgent marker shows.
 * @cssprop --cc-color-danger - Negative levels and the urgent marker.
 * @cssprop --cc-color-warning - Slightly negative.
 * @cssprop --cc-color-success - Positive levels.
 * @cssprop --cc-color-text-muted - Neutral.
 */
export class CcSentimentBadge extends SentimentElement {
  static override styles = [hostStyles, sentimentBadgeStyles];

  /** Shows this level instead of the desk's (stories, hosts with their own source). */
  @property({ reflect: true }) level: SentimentLevel | undefined;

  /** The badge sits on a session that is not in front: an alert level adds the urgent marker. */
  @property({ type: Boolean, reflect: true }) background = false;

  /** Small and quiet: nothing at Neutral. */
  @property({ type: Boolean, reflect: true }) compact = false;

  #internals = this.attachInternals();

  /** The level shown. */
  get shownLevel(): SentimentLevel {
    return this.level ?? this.state.value.level;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const alert = isAlertLevel(this.shownLevel);
    this.#toggle('alert', alert);
    this.#toggle('urgent', alert && this.background);
  }

  #toggle(name: string, on: boolean): void {
    if (on) this.#internals.states.add(name);
    else this.#internals.states.delete(name);
  }

  protected override render(): TemplateResult | typeof nothing {
    const t = this.localize.t.sentiment;
    const level = this.shownLevel;
    if (this.compact && level === 'neutral') return nothing;
    const urgent = this.background && isAlertLevel(level);
    return html`<span class="badge" part="badge" data-level=${level}
        ><span class="icon" part="icon" aria-hidden="true">${ICONS[level]}</span><span class="visually-hidden">${t.label} </span
        ><span class="text">${t.levels[level]}</span></span
      >${urgent
        ? html`<span class="urgent" part="urgent"><span aria-hidden="true">!</span><span class="visually-hidden">${t.urgent}</span></span>`
        : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cc-sentiment-badge': CcSentimentBadge;
  }
}
