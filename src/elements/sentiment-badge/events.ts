/** The agent dismisses a sentiment alert. Cancel to keep it. */
export class CcSentimentDismissEvent extends Event {
  static get type(): 'cc-sentiment-dismiss' {
    return 'cc-sentiment-dismiss';
  }
  constructor(readonly conversationId: string) {
    super(CcSentimentDismissEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cc-sentiment-dismiss': CcSentimentDismissEvent;
  }
}
