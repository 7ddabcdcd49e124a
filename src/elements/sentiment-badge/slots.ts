import { html, nothing, type TemplateResult } from 'lit';
import type { Desk } from '../../core/desk/desk.js';

/**
 * A conversation's `<cc-sentiment-badge>` for another element's template (the panel header, a
 * session tab): nothing when the desk has no sentiment (`sentiment: false` and a transport that
 * reports none). The element that uses it defines the sentiment elements.
 */
export function sentimentBadge(
  desk: Desk | undefined,
  conversationId: string,
  lang: string,
  options: { compact?: boolean; background?: boolean } = {},
): TemplateResult | typeof nothing {
  if (!desk?.sentiment.enabled) return nothing;
  return html`<cc-sentiment-badge
    part="sentiment"
    lang=${lang}
    .desk=${desk}
    conversation-id=${conversationId}
    ?compact=${options.compact ?? false}
    ?background=${options.background ?? false}
  ></cc-sentiment-badge>`;
}

/** A conversation's `<cc-sentiment-alert>` for another element's template (the panel); as `sentimentBadge`. */
export function sentimentAlert(desk: Desk | undefined, conversationId: string, lang: string): TemplateResult | typeof nothing {
  if (!desk?.sentiment.enabled) return nothing;
  return html`<cc-sentiment-alert part="sentiment-alert" lang=${lang} .desk=${desk} conversation-id=${conversationId}></cc-sentiment-alert>`;
}
