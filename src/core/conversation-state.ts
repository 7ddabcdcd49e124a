import type { ConversationState } from './model.js';

/** F11: every legal move from each state. */
const transitions: Readonly<Record<ConversationState, readonly ConversationState[]>> = {
  open: ['active'],
  // wrap-up: ended; waiting: tab closed without ending; open: transfer or release.
  active: ['wrap-up', 'waiting', 'open'],
  waiting: ['active', 'open', 'closed'],
  'wrap-up': ['closed'],
  closed: [],
};

export class ConversationStateError extends Error {
  override readonly name = 'ConversationStateError';
  readonly code = 'illegal-transition';
  constructor(
    readonly from: ConversationState,
    readonly to: ConversationState,
  ) {
    super(`A conversation cannot go from "${from}" to "${to}".`);
  }
}

export function canTransition(from: ConversationState, to: ConversationState): boolean {
  return transitions[from].includes(to);
}

/** Returns `to`, or throws ConversationStateError when the move is illegal. */
export function transition(from: ConversationState, to: ConversationState): ConversationState {
  if (!canTransition(from, to)) throw new ConversationStateError(from, to);
  return to;
}

export function nextStates(from: ConversationState): readonly ConversationState[] {
  return transitions[from];
}

/** Whether the conversation uses one of the agent's capacity slots. */
export function usesCapacity(state: ConversationState): boolean {
  return state === 'active' || state === 'wrap-up';
}
