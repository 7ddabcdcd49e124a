import { html, nothing } from 'lit';
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
 */
export class CcSentimentAlert extends sentimentAlertElement({ DeskElement, ConversationController, StoreController, html, nothing, hostStyles }) {}

declare global {
  interface HTMLElementTagNameMap {
    'cc-sentiment-alert': CcSentimentAlert;
  }
}
