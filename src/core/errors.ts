export type DeskErrorCode =
  | 'window-closed'
  | 'too-long'
  | 'empty'
  | 'unknown-conversation'
  | 'unknown-offer'
  | 'policy'
  | 'unsupported';

/** A request the desk refused before it reached the transport. */
export class DeskError extends Error {
  override readonly name = 'DeskError';
  constructor(
    readonly code: DeskErrorCode,
    message: string,
  ) {
    super(message);
  }
}
