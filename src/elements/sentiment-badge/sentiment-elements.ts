// The code of `<cc-sentiment-badge>` and `<cc-sentiment-alert>` (F14). The panel and the session tabs
// load it as a lazy chunk when they first show a sentiment (slots.ts); define.ts builds the documented
// classes from it up front. It imports nothing that the page has already loaded (Lit, the base element,
// the controllers, the shared styles): those come in as `deps`, so a host's bundler keeps the first
// load in one chunk. Its English strings come with it.
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import type { Desk, SentimentLevel, SentimentState } from '../../core/desk/desk.js';
import { sentimentStrings } from '../../i18n/en/sentiment.js';
import type { LazyDeskElement, PageDeps } from '../lazy-element.js';
import { CcSentimentDismissEvent } from './events.js';
import { sentimentAlertCss, sentimentBadgeCss } from './sentiment-badge.styles.js';

/** The badge's public face. */
export interface SentimentBadgeElement extends LazyDeskElement {
  level: SentimentLevel | undefined;
  background: boolean;
  compact: boolean;
  readonly shownLevel: SentimentLevel;
}

/** The alert's public face. */
export interface SentimentAlertElement extends LazyDeskElement {
  dismiss(): void;
}

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

/** Adds or removes a custom state (`:state(name)`). */
function toggle(internals: ElementInternals, name: string, on: boolean): void {
  if (on) internals.states.add(name);
  else internals.states.delete(name);
}

/** Makes the `<cc-sentiment-badge>` class (define.ts, or slots.ts on first use). */
export function sentimentBadgeElement({ DeskElement, ConversationController, StoreController, html, nothing, hostStyles, unsafeCSS }: PageDeps): new () => SentimentBadgeElement {
  // Documented (tag, attributes, styling) on CcSentimentBadge in sentiment-badge.ts, which the manifest reads.
  class CcSentimentBadgeElement extends DeskElement implements SentimentBadgeElement {
    /** @internal */
    static override styles = [hostStyles, unsafeCSS(sentimentBadgeCss)];
    /** @internal */
    static override properties: PropertyDeclarations = {
      conversationId: { attribute: 'conversation-id' },
      level: { reflect: true },
      background: { type: Boolean, reflect: true },
      compact: { type: Boolean, reflect: true },
    };

    /** Shows this level instead of the desk's (stories, hosts with their own source). */
    level: SentimentLevel | undefined;
    /** The badge sits on a session that is not in front: an alert level adds the urgent marker. */
    background = false;
    /** Small and quiet: nothing at Neutral. */
    compact = false;

    /** @internal */
    protected static override strings = [sentimentStrings];

    /** The conversation whose sentiment is shown (default: the desk's active one). */
    conversationId: string | undefined;

    /** @internal */
    protected readonly shown = new ConversationController(this, (id, desk) => this.state.set(desk && id !== undefined ? desk.sentiment.of(id) : undefined));
    /** @internal */
    protected readonly state = new StoreController<SentimentState>(this, NEUTRAL);
    /** @internal */
    protected readonly internals = this.attachInternals();

    /** @internal */
    protected override deskChanged(_desk: Desk | undefined): void {
      // The conversation controller follows the desk.
    }

    /** The level shown. */
    get shownLevel(): SentimentLevel {
      return this.level ?? this.state.value.level;
    }

    protected override willUpdate(changed: PropertyValues<this>): void {
      super.willUpdate(changed);
      const alert = isAlertLevel(this.shownLevel);
      toggle(this.internals, 'alert', alert);
      toggle(this.internals, 'urgent', alert && this.background);
    }

    protected override render(): TemplateResult | symbol {
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
  return CcSentimentBadgeElement;
}

/** Makes the `<cc-sentiment-alert>` class (define.ts, or slots.ts on first use). */
export function sentimentAlertElement({ DeskElement, ConversationController, StoreController, html, nothing, hostStyles, unsafeCSS }: PageDeps): new () => SentimentAlertElement {
  // Documented (tag, events, styling) on CcSentimentAlert in sentiment-alert.ts, which the manifest reads.
  class CcSentimentAlertElement extends DeskElement implements SentimentAlertElement {
    /** @internal */
    static override styles = [hostStyles, unsafeCSS(sentimentAlertCss)];
    /** @internal */
    static override properties: PropertyDeclarations = { conversationId: { attribute: 'conversation-id' } };

    /** @internal */
    protected static override strings = [sentimentStrings];

    /** The conversation whose sentiment is shown (default: the desk's active one). */
    conversationId: string | undefined;

    /** @internal */
    protected readonly shown = new ConversationController(this, (id, desk) => this.state.set(desk && id !== undefined ? desk.sentiment.of(id) : undefined));
    /** @internal */
    protected readonly state = new StoreController<SentimentState>(this, NEUTRAL);
    /** @internal */
    protected readonly internals = this.attachInternals();

    /** @internal */
    protected override deskChanged(_desk: Desk | undefined): void {
      // The conversation controller follows the desk.
    }

    /** Dismisses the alert (as its button does), after a `cc-sentiment-dismiss` nobody cancelled. */
    dismiss(): void {
      const desk = this.activeDesk;
      const id = this.shown.id;
      if (!desk || id === undefined) return;
      const intent = new CcSentimentDismissEvent(id);
      this.dispatchEvent(intent);
      if (!intent.defaultPrevented) desk.sentiment.dismiss(id);
    }

    protected override willUpdate(changed: PropertyValues<this>): void {
      super.willUpdate(changed);
      const { alert, dismissed } = this.state.value;
      toggle(this.internals, 'shown', alert && !dismissed);
    }

    protected override render(): TemplateResult | symbol {
      const { alert, dismissed, level } = this.state.value;
      if (!alert || dismissed) return nothing;
      const t = this.localize.t.sentiment;
      return html`<div class="alert" part="alert" role="alert">
        <span class="icon" aria-hidden="true">${ICONS[level]}</span>
        <p><strong>${t.alertTitle}</strong> ${t.alert(t.levels[level])}</p>
        <button type="button" part="dismiss" aria-label=${t.dismissLabel} @click=${() => this.dismiss()}>${t.dismiss}</button>
      </div>`;
    }
  }
  return CcSentimentAlertElement;
}
