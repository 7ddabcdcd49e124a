import { sentimentClasses } from './sentiment-badge.js';

export { CcSentimentDismissEvent } from './events.js';

/**
 * Tells the agent, once, that the customer seems upset (F14): shown when the conversation's
 * sentiment crosses into Slightly negative or below, as an ARIA alert (screen readers announce it),
 * until the agent dismisses it or the sentiment recovers. A new crossing shows it again.
 *
 * @summary An alert, once per crossing, that the customer's sentiment turned negative.
 * @tag cc-sentiment-alert
 * @attr conversation-id - The conversation whose sentiment is followed (default: the desk's active one).
 * @fires cc-sentiment-dismiss - CcSentimentDismissEvent, cancelable: the agent dismisses the alert. Cancel to keep it.
 * @csspart alert - The alert box.
 * @csspart dismiss - The Dismiss button.
 * @cssstate shown - The alert shows.
 * @cssprop --cc-color-danger - The alert's border and icon.
 * @cssprop --cc-color-surface-2 - The alert's background.
 */
export class CcSentimentAlert extends sentimentClasses.CcSentimentAlert {}

declare global {
  interface HTMLElementTagNameMap {
    'cc-sentiment-alert': CcSentimentAlert;
  }
}
