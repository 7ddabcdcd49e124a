import type { Conversation } from './model.js';

export const STANDARD_WINDOW_MS = 24 * 60 * 60 * 1000;
export const HUMAN_AGENT_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

export interface ReplyWindow {
  /** The agent may send now. */
  open: boolean;
  /** `standard`: 24 h after the customer's last message; `human-agent`: 7 days with the HUMAN_AGENT tag. */
  mode: 'standard' | 'human-agent';
  /** When sending stops being allowed, epoch ms; undefined before the customer has written. */
  closesAt?: number;
  /** Milliseconds left, never negative. */
  remainingMs: number;
}

/** F18, Messenger's rule: the window counts from the customer's last message. */
export function replyWindow(conversation: Pick<Conversation, 'lastCustomerMessageAt' | 'humanAgent'>, now: number): ReplyWindow {
  const mode = conversation.humanAgent ? 'human-agent' : 'standard';
  const last = conversation.lastCustomerMessageAt;
  if (last === undefined) return { open: false, mode, remainingMs: 0 };
  const closesAt = last + (mode === 'human-agent' ? HUMAN_AGENT_WINDOW_MS : STANDARD_WINDOW_MS);
  const remainingMs = Math.max(0, closesAt - now);
  return { open: remainingMs > 0, mode, closesAt, remainingMs };
}
