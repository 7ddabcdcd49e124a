import { html, nothing, unsafeCSS } from 'lit';
import { ConversationController } from '../../controllers/conversation-controller.js';
import { StoreController } from '../../controllers/store-controller.js';
import { hostStyles } from '../../styles/tokens.js';
import { DeskElement } from '../desk-element.js';
import { sentimentBadgeElement } from './sentiment-elements.js';

export { ICONS } from './sentiment-elements.js';

/**
 * The customer's sentiment (F14) as a small badge: a shape and a colour per level and the level's
 * name, so it never rests on colour alone. Reads `desk.sentiment` for its `conversation-id` (or the
 * desk's active conversation), or shows `level` when given. With `background` (a session tab that is
 * not in front) a level of Slightly negative or below adds a "needs urgent attention" marker; with
 * `compact` nothing shows at Neutral.
 *
 * @summary The customer's sentiment: one of seven levels, with an urgent marker for background sessions.
 * @tag cc-sentiment-badge
 * @attr conversation-id - The conversation whose sentiment is shown (default: the desk's active one).
 * @attr desk-id - Id of a `<cc-agent-desk>` elsewhere on the page (else the `desk` property, or the nearest `<cc-agent-desk>`).
 * @prop {Desk | undefined} desk - The desk object from `createDesk()`, when given directly.
 * @attr level - Shows this level instead of the desk's (stories, hosts with their own source).
 * @attr {boolean} background - The badge sits on a session that is not in front: an alert level adds the urgent marker.
 * @attr {boolean} compact - Small and quiet: nothing at Neutral.
 * @csspart badge - The badge: icon and level.
 * @csspart icon - The level's shape.
 * @csspart urgent - The "needs urgent attention" marker.
 * @cssstate alert - The level is Slightly negative or below.
 * @cssstate urgent - The urgent marker shows.
 * @cssprop --cc-color-danger - Negative levels and the urgent marker.
 * @cssprop --cc-color-warning - Slightly negative.
 * @cssprop --cc-color-success - Positive levels.
 * @cssprop --cc-color-text-muted - Neutral.
 * @cssprop --cc-color-text - Text.
 * @cssprop --cc-color-surface - Background.
 * @cssprop --cc-color-surface-2 - Raised or tinted areas: headers, notices, items.
 * @cssprop --cc-color-border - Borders.
 * @cssprop --cc-color-accent - Primary buttons, links and selection.
 * @cssprop --cc-color-on-accent - Text on the accent colour.
 * @cssprop --cc-color-focus - The focus ring.
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
export class CcSentimentBadge extends sentimentBadgeElement({ DeskElement, ConversationController, StoreController, html, nothing, hostStyles, unsafeCSS }) {}

declare global {
  interface HTMLElementTagNameMap {
    'cc-sentiment-badge': CcSentimentBadge;
  }
}
