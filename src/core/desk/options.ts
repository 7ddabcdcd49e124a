import type { AttachmentPolicy } from '../attachment-policy.js';
import type { AgentRef } from '../model.js';
import type { Storage } from '../storage.js';
import type { Transport } from '../transport.js';

export interface DeskOptions {
  transport: Transport;
  agent?: AgentRef;
  /** Persistence. Default: IndexedDB, falling back to memory. Pass `'memory'` to keep nothing. */
  storage?: Storage | 'memory';
  /** Initial UI language (`en`, `pl`); `lang` on `<cc-agent-desk>` or the page overrides it. */
  locale?: string;
  /** Attachment policy (F4). */
  policy?: Partial<AttachmentPolicy>;
  /** Seconds an offer waits for Accept before it is withdrawn (F1). Default 120. */
  offerTimeout?: number;
  /** Whether the agent may reject offers (when the transport allows it). Default true. */
  allowReject?: boolean;
  /** Clock, for tests and stories. */
  now?: () => number;
  /** Random source for backoff jitter, for tests. */
  random?: () => number;
  /**
   * Automatic send attempts (with backoff, while connected) before a message shows "failed — retry".
   * Default 6. Errors that cannot succeed on retry (window closed, invalid) fail at once.
   */
  maxSendAttempts?: number;
}
