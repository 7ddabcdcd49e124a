import type { NewQuickReply } from '../../core/quick-replies.js';

/** The agent saves the draft as an own quick reply ("…" → Save as quick reply). Cancel to save nothing. */
export class CcQuickReplySaveEvent extends Event {
  static get eventName(): 'cc-quick-reply-save' {
    return 'cc-quick-reply-save';
  }
  constructor(readonly reply: NewQuickReply) {
    super(CcQuickReplySaveEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

/** The title an own reply saved from `text` gets: its first line, cut to 40 characters. */
export function ownReplyTitle(text: string): string {
  const line = text.trim().split('\n')[0]!.trim();
  return line.length > 40 ? `${line.slice(0, 39).trimEnd()}…` : line;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cc-quick-reply-save': CcQuickReplySaveEvent;
  }
}
