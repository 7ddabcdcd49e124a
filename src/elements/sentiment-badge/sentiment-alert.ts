import { html, nothing, unsafeCSS } from 'lit';
import { ConversationController } from '../../controllers/conversation-controller.js';
import { StoreController } from '../../controllers/store-controller.js';
import { hostStyles } from '../../styles/tokens.js';
import { DeskElement } from '../desk-element.js';
import { sentimentAlertElement } from './sentiment-elements.js';

export { CcSentimentDismissEvent } from './events.js';

/**
 * Tells the agent, once, that the customer seems upset (F14): shown when the conversation's
 * sentiment crosses into Slightly negative or below, as an ARIA alert (screen readers announce it),
 * until the agent dismisses it or the sentiment recovers. A new crossing shows it again.
 *
 * @summary An alert, once per crossing, that the customer's sentiment turned negative.
 * @tag cc-sentiment-alert
 * @attr conversation-id - The conversation whose sentiment is followed (default: the desk's active one).
 * @attr desk-id - Id of a `<cc-agent-desk>` elsewhere on the page (else the `desk` property, or the nearest `<cc-agent-desk>`).
 * @prop {Desk | undefined} desk - The desk object from `createDesk()`, when given directly.
 * @fires cc-sentiment-dismiss - CcSentimentDismissEvent, cancelable: the agent dismisses the alert. Cancel to keep it.
 * @csspart alert - The alert box.
 * @csspart dismiss - The Dismiss button.
 * @cssstate shown - The alert shows.
 * @cssprop --cc-color-danger - The alert's border and icon.
 * @cssprop --cc-color-surface-2 - The alert's background.
 * @cssprop --cc-color-text - Text.
 * @cssprop --cc-color-text-muted - Secondary text: times, hints, counts.
 * @cssprop --cc-color-surface - Background.
 * @cssprop --cc-color-border - Borders.
 * @cssprop --cc-color-accent - Primary buttons, links and selection.
 * @cssprop --cc-color-on-accent - Text on the accent colour.
 * @cssprop --cc-color-focus - The focus ring.
 * @cssprop --cc-color-warning - Warnings.
 * @cssprop --cc-color-success - Success and confirmation.
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
 * @cssprop --cc-color-sentiment-negative - Negative and very negative sentiment, the urgent marker and the alert (default `--cc-color-danger`).
 * @cssprop --cc-color-sentiment-slightly-negative - Slightly negative sentiment (default `--cc-color-warning`).
 * @cssprop --cc-color-sentiment-neutral - Neutral sentiment (default `--cc-color-text-muted`).
 * @cssprop --cc-color-sentiment-positive - Positive and very positive sentiment (default `--cc-color-success`).
 */
export class CcSentimentAlert extends sentimentAlertElement({ DeskElement, ConversationController, StoreController, html, nothing, hostStyles, unsafeCSS }) {}

declare global {
  interface HTMLElementTagNameMap {
    'cc-sentiment-alert': CcSentimentAlert;
  }
}
