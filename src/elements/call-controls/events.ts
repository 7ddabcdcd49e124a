import type { CallMedia } from '../../core/transport.js';

/** The agent starts a call (the panel's menu, or `start()`). Cancel to keep the desk from ringing the customer. */
export class CcCallStartEvent extends Event {
  static get type(): 'cc-call-start' {
    return 'cc-call-start';
  }
  constructor(
    readonly conversationId: string,
    readonly media: CallMedia,
  ) {
    super(CcCallStartEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

/** The agent accepts (`cc-call-accept`), declines (`cc-call-decline`) or ends (`cc-call-end`) a call. Cancel to leave it as it is. */
export class CcCallEvent extends Event {
  constructor(
    type: 'cc-call-accept' | 'cc-call-decline' | 'cc-call-end',
    readonly conversationId: string,
    readonly callId: string,
  ) {
    super(type, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cc-call-start': CcCallStartEvent;
    'cc-call-accept': CcCallEvent;
    'cc-call-decline': CcCallEvent;
    'cc-call-end': CcCallEvent;
  }
}
