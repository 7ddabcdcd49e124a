/**
 * The pure domain rules in one place. The desk enforces them; elements use the same functions for
 * their disabled states, so a button is never enabled for something the desk would refuse.
 */
import type { Conversation } from './model.js';
import { replyWindow } from './reply-window.js';

export { canTransition, nextStates, transition, usesCapacity, ConversationStateError } from './conversation-state.js';
export { replyWindow, type ReplyWindow } from './reply-window.js';
export { checkFile, createAttachmentPolicy, type AttachmentPolicy, type FileVerdict } from './attachment-policy.js';

/** Longest agent message, characters. */
export const MAX_MESSAGE_LENGTH = 2000;

/** Why a message cannot be sent now; the codes are `DeskError` codes. */
export type SendBlock = 'not-active' | 'window-closed' | 'empty' | 'too-long';

/**
 * Why `text` plus `attachmentCount` files cannot be sent in `conversation` at `now`, or undefined
 * when it can. Checked in this order: state, reply window, length, emptiness.
 */
export function sendBlock(
  conversation: Pick<Conversation, 'state' | 'lastCustomerMessageAt' | 'humanAgent'>,
  now: number,
  text: string,
  attachmentCount = 0,
): SendBlock | undefined {
  if (conversation.state !== 'active') return 'not-active';
  if (!replyWindow(conversation, now).open) return 'window-closed';
  if (text.length > MAX_MESSAGE_LENGTH) return 'too-long';
  if (!text.trim() && attachmentCount === 0) return 'empty';
  return undefined;
}

/** Whether `sendBlock` finds nothing in the way. */
export function canSend(
  conversation: Pick<Conversation, 'state' | 'lastCustomerMessageAt' | 'humanAgent'>,
  now: number,
  text: string,
  attachmentCount = 0,
): boolean {
  return sendBlock(conversation, now, text, attachmentCount) === undefined;
}
