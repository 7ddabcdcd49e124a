import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { hostStyles } from '../../styles/tokens.js';
import { ICONS, SentimentElement } from './sentiment-badge.js';
import { sentimentAlertStyles } from './sentiment-badge.styles.js';

/** The agent dismisses a sentiment alert. Cancel to keep it. */
export class CcSentimentDismissEvent extends Event {
  static readonly type = 'cc-sentiment-dismiss';
  constructor(readonly conversationId: string) {
    super(CcSentimentDismissEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

/**
 * Tells the agent, once, that the customer seems upset (F14): shown when the conversation's
 * sentiment crosses into Slightly negative or below, as an ARIA alert (screen readers announce it),
 * until the agent dismisses it or the sentiment recovers. A new crossing shows it again.
 *
 * @summary An alert, once per crossing, that the customer's sentiment turned negative.
 * @tag cc-sentiment-alert
 * @fires cc-sentiment-dismiss - CcSentimentDismissEvent, cancelable: the agent dismisses the alert. Cancel to keep it.
 * @csspart alert - The alert box.
 * @csspart dismiss - The Dismiss button.
 * @cssstate shown - The alert shows.
 * @cssprop --cc-color-danger - The alert's border and icon.
 * @cssprop --cc-color-surface-2 - The alert's background.
 */
export class CcSentimentAlert extends SentimentElement {
  static override styles = [hostStyles, sentimentAlertStyles];

  #internals = this.attachInternals();

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
    if (alert && !dismissed) this.#internals.states.add('shown');
    else this.#internals.states.delete('shown');
  }

  protected override render(): TemplateResult | typeof nothing {
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

declare global {
  interface HTMLElementTagNameMap {
    'cc-sentiment-alert': CcSentimentAlert;
  }
  interface GlobalEventHandlersEventMap {
    'cc-sentiment-dismiss': CcSentimentDismissEvent;
  }
}
