import { html, nothing, unsafeCSS, type TemplateResult } from 'lit';
import type { Desk } from '../../core/desk/desk.js';
import { ConversationController } from '../../controllers/conversation-controller.js';
import { StoreController } from '../../controllers/store-controller.js';
import { hostStyles } from '../../styles/tokens.js';
import { DeskElement } from '../desk-element.js';

let loading: Promise<void> | undefined;

/**
 * Whether the desk has sentiment; if so, defines the sentiment elements on first use, in a lazy
 * chunk built from what the page already has.
 * (A page that imported `…/define/sentiment-badge` has that module in its first load already: its
 * bundler serves the import from there.)
 */
function enabled(desk: Desk | undefined): boolean {
  if (!desk?.sentiment.enabled) return false;
  // A chunk that failed to load is tried again on the next render.
  loading ??= import('./on-first-use.js')
    .then((m) => m.defineSentiment({ DeskElement, ConversationController, StoreController, html, nothing, hostStyles, unsafeCSS }))
    .catch(() => void (loading = undefined));
  return true;
}

/**
 * A conversation's `<cc-sentiment-badge>` for another element's template (the panel header, a
 * session tab): nothing when the desk has no sentiment (`sentiment: false` and a transport that
 * reports none). Until the elements' chunk has loaded (on first use) it renders nothing.
 */
export function sentimentBadge(
  desk: Desk | undefined,
  conversationId: string,
  lang: string,
  options: { compact?: boolean; background?: boolean } = {},
): TemplateResult | typeof nothing {
  return enabled(desk)
    ? html`<cc-sentiment-badge part="sentiment" exportparts="badge:sentiment-badge,icon:sentiment-icon,urgent:sentiment-urgent" lang=${lang} .desk=${desk} conversation-id=${conversationId} ?compact=${options.compact} ?background=${options.background}></cc-sentiment-badge>`
    : nothing;
}

/** A conversation's `<cc-sentiment-alert>` for another element's template (the panel); as `sentimentBadge`. */
export function sentimentAlert(desk: Desk | undefined, conversationId: string, lang: string): TemplateResult | typeof nothing {
  return enabled(desk) ? html`<cc-sentiment-alert part="sentiment-alert" lang=${lang} .desk=${desk} conversation-id=${conversationId}></cc-sentiment-alert>` : nothing;
}
