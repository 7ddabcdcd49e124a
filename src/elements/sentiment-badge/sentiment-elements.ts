// The code of `<cc-sentiment-badge>` and `<cc-sentiment-alert>` (F14). The panel and the session tabs
// load it as a lazy chunk when they first show a sentiment (slots.ts); define.ts builds the documented
// classes from it up front. It imports nothing that the page has already loaded (Lit, the base element,
// the controllers, the shared styles): those come in as `deps`, so a host's bundler keeps the first
// load in one chunk. Its English strings come with it.
import type { CSSResultGroup, html as litHtml, PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import type { Desk, SentimentLevel, SentimentState } from '../../core/desk/desk.js';
import type { ConversationController as ConversationControllerClass } from '../../controllers/conversation-controller.js';
import type { StoreController as StoreControllerClass } from '../../controllers/store-controller.js';
import { sentimentStrings } from '../../i18n/en/sentiment.js';
import type { DeskElement as DeskElementClass } from '../desk-element.js';
import { CcSentimentDismissEvent } from './events.js';
import { sentimentStyles } from './sentiment-badge.styles.js';

/**
 * What the elements are built from: modules the page has already loaded, in this order (a list, not
 * an object: the page's first load carries no property names for it).
 */
export type SentimentDeps = [
  DeskElement: typeof DeskElementClass,
  ConversationController: typeof ConversationControllerClass,
  StoreController: typeof StoreControllerClass,
  html: typeof litHtml,
  nothing: symbol,
  hostStyles: CSSResultGroup,
];

/** What both elements have (the classes are made by `sentimentElements`; they are DeskElements). */
interface SentimentHost extends HTMLElement {
  desk: Desk | undefined;
  deskId: string | undefined;
  readonly activeDesk: Desk | undefined;
  readonly updateComplete: Promise<boolean>;
  requestUpdate(): void;
  /** The conversation whose sentiment is shown (default: the desk's active one). */
  conversationId: string | undefined;
}

/** The badge's public face. */
export interface SentimentBadgeElement extends SentimentHost {
  level: SentimentLevel | undefined;
  background: boolean;
  compact: boolean;
  readonly shownLevel: SentimentLevel;
}

/** The alert's public face. */
export interface SentimentAlertElement extends SentimentHost {
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

/** Makes the two element classes from the page's Lit and base element (define.ts, or slots.ts on first use). */
export function sentimentElements([DeskElement, ConversationController, StoreController, html, nothing, hostStyles]: SentimentDeps): {
  CcSentimentBadge: new () => SentimentBadgeElement;
  CcSentimentAlert: new () => SentimentAlertElement;
} {
  const styles = sentimentStyles();

  /** Follows one conversation's sentiment: its `conversation-id`, else the desk's active conversation. */
  abstract class SentimentElement extends DeskElement {
    /** @internal */
    protected static override strings = [sentimentStrings];
    /** @internal */
    static override properties: PropertyDeclarations = { conversationId: { attribute: 'conversation-id' } };

    /** The conversation whose sentiment is shown (default: the desk's active one). */
    conversationId: string | undefined;

    /** @internal */
    protected readonly shown = new ConversationController(this, (id, desk) => this.state.set(desk && id !== undefined ? desk.sentiment.of(id) : undefined));
    /** @internal */
    protected readonly state = new StoreController<SentimentState>(this, NEUTRAL);
    /** @internal */
    protected readonly internals = this.attachInternals();

    protected override deskChanged(_desk: Desk | undefined): void {
      // The conversation controller follows the desk.
    }

    /** @internal */
    protected toggle(name: string, on: boolean): void {
      if (on) this.internals.states.add(name);
      else this.internals.states.delete(name);
    }
  }

  class CcSentimentBadge extends SentimentElement implements SentimentBadgeElement {
    static override styles = [hostStyles, styles.badge];
    /** @internal */
    static override properties: PropertyDeclarations = {
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

    /** The level shown. */
    get shownLevel(): SentimentLevel {
      return this.level ?? this.state.value.level;
    }

    protected override willUpdate(changed: PropertyValues<this>): void {
      super.willUpdate(changed);
      const alert = isAlertLevel(this.shownLevel);
      this.toggle('alert', alert);
      this.toggle('urgent', alert && this.background);
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

  class CcSentimentAlert extends SentimentElement implements SentimentAlertElement {
    static override styles = [hostStyles, styles.alert];

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
      this.toggle('shown', alert && !dismissed);
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

  return { CcSentimentBadge, CcSentimentAlert };
}

/** Registers both elements once, built from `deps` (the panel or the session tabs, on first use). */
export function defineSentiment(deps: SentimentDeps): void {
  // Through a reference: the manifest documents the elements once, as define.ts registers them.
  const registry = customElements;
  const made = sentimentElements(deps);
  if (!registry.get('cc-sentiment-badge')) registry.define('cc-sentiment-badge', made.CcSentimentBadge);
  if (!registry.get('cc-sentiment-alert')) registry.define('cc-sentiment-alert', made.CcSentimentAlert);
}
