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
export type SendBlock = 'not-active' | 'window-closed' | 'empty' | 'too-long' | 'unfilled-placeholder';

/** The placeholders a quick reply may hold, filled from the conversation when it is inserted. */
export const PLACEHOLDERS = ['customerName', 'customerFirstName', 'agentName', 'caseNumber', 'queue'] as const;
export type PlaceholderName = (typeof PLACEHOLDERS)[number];

/**
 * The known placeholders still in `text` (`{caseNumber}`…), each once, in order of appearance. Only
 * these names count: a literal `{foo}` the agent typed is text like any other.
 */
export function unfilledPlaceholders(text: string): PlaceholderName[] {
  return [...new Set(Array.from(text.matchAll(new RegExp(`\\{(${PLACEHOLDERS.join('|')})\\}`, 'g')), (m) => m[1] as PlaceholderName))];
}

/**
 * `sendBlock` for the composer's draft: also `unfilled-placeholder` while the text still holds a
 * placeholder a quick reply could not fill. The desk's composer send and the panel's Send use it.
 */
export function composerSendBlock(
  conversation: Pick<Conversation, 'state' | 'lastCustomerMessageAt' | 'humanAgent'>,
  now: number,
  text: string,
  attachmentCount = 0,
): SendBlock | undefined {
  return sendBlock(conversation, now, text, attachmentCount) ?? (unfilledPlaceholders(text).length > 0 ? 'unfilled-placeholder' : undefined);
}

/**
 * Why `text` plus `attachmentCount` files cannot be sent in `conversation` at `now`, or undefined
 * when it can. Checked in this order: state, reply window, length, emptiness.
 */
export function sendBlock(
  conversation: Pick<Conversation, 'state' | 'lastCustomerMessageAt' | 'humanAgent'>,
  now: number,
  text: string,
  attachmentCount = 0,
): Exclude<SendBlock, 'unfilled-placeholder'> | undefined {
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
