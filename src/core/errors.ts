export type DeskErrorCode =
  | 'window-closed'
  | 'too-long'
  | 'empty'
  | 'unknown-conversation'
  | 'unknown-offer'
  | 'policy'
  | 'unsupported'
  | 'invalid'
  | 'no-link'
  /** Sending needs an Active conversation. */
  | 'not-active'
  /** The desk was disposed. */
  | 'disposed'
  /** Every session slot is taken (F13). */
  | 'session-limit'
  /** Closing after wrap-up needs a disposition code (F19). */
  | 'disposition-required'
  /** The agent's presence does not take offers (F12). */
  | 'presence'
  /** The draft still holds a quick-reply placeholder such as `{caseNumber}` (F15). */
  | 'unfilled-placeholder';

/** A request the desk refused before it reached the transport. */
export class DeskError extends Error {
  override readonly name = 'DeskError';
  constructor(
    readonly code: DeskErrorCode,
    message: string,
    /** For `invalid`: which field failed which rule. */
    readonly fieldErrors?: Partial<Record<string, string>>,
  ) {
    super(message);
  }
}
