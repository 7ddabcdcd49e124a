import type { CapacityOptions, CustomPresence } from './presence.js';
import type { PrivacyNotice } from './privacy.js';
import type { SentimentOption } from './sentiment.js';
import type { CallsOptions } from './calls.js';
import type { WrapUpOptions } from './wrap-up.js';
import { createAttachmentPolicy, type AttachmentPolicy } from '../attachment-policy.js';
import type { AgentRef } from '../model.js';
import type { AgentScript } from '../scripts.js';
import type { TransportQuickReply } from '../quick-replies.js';
import { createMemoryStorage, openStorage, type Storage } from '../storage.js';
import { withFallback, type StorageStatus } from '../storage-fallback.js';
import type { Transport } from '../transport.js';

export interface DeskOptions {
  transport: Transport;
  agent?: AgentRef;
  /**
   * Persistence. Default: IndexedDB, falling back to memory. Pass `'memory'` to keep nothing, or a
   * storage of your own (e.g. `openStorage('my-crm-desk')`). If a write fails (quota exceeded, the
   * database closed for good), the desk keeps the data in memory from then on and says so in
   * `desk.$storageKind` and `desk.$storageReason`.
   */
  storage?: Storage | Promise<Storage> | 'memory';
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
  /** Sessions the agent may hold at once (F13). Default 10. */
  maxSessions?: number;
  /** Host-defined statuses, each mapped to a base presence (F12). */
  presences?: CustomPresence[];
  /** Units the agent has and each conversation uses (F12). Default: one unit per session slot, 1 per conversation. */
  capacity?: CapacityOptions;
  /** Disposition codes, whether one is required, and the wrap-up timer (F19). */
  wrapUp?: WrapUpOptions;
  /** A notice sent to the customer when the agent starts a conversation (F17); one text or one per language. */
  privacyNotice?: PrivacyNotice;
  /** Seconds a transport's connect() may take before the attempt counts as failed and is retried. Default 30. */
  connectTimeout?: number;
  /**
   * Seconds a send waits for the backend's answer before it is aborted (its `AbortSignal` fires) and
   * counts as a failed attempt with `timeout`, retried like any other. Default 30.
   */
  sendTimeout?: number;
  /** Agent scripts (F15): steps per queue that the agent follows, shown with `<cc-agent-script>`. */
  scripts?: readonly AgentScript[];
  /**
   * Local sentiment analysis (F14) when the transport does not report sentiment: an analyzer, a
   * function that loads one, or `false` for none. Default: the lexicon analyzer, loaded in its own
   * chunk with the first customer message.
   */
  sentiment?: SentimentOption;
  /** The host's quick replies for the composer (F15), listed with the transport's and the agent's own. */
  quickReplies?: readonly TransportQuickReply[];
  /** Voice and video calls (F20): the WebRTC and media seams (tests inject their own), ICE servers. */
  calls?: CallsOptions;
}

/** The options with every default filled in and checked. */
export interface ResolvedOptions {
  transport: Transport;
  agent: AgentRef;
  policy: AttachmentPolicy;
  offerTimeoutMs: number;
  allowReject: boolean;
  now: () => number;
  random: () => number;
  storage: Promise<Storage>;
  /** Where the storage keeps data, as it changes (a fault moves it to memory). */
  storageStatus: StorageStatus;
  locale: string | undefined;
  maxSendAttempts: number | undefined;
  connectTimeoutMs: number;
  sendTimeoutMs: number;
  maxSessions: number;
  presences: CustomPresence[];
  capacity: CapacityOptions;
  wrapUp: WrapUpOptions;
  privacyNotice: PrivacyNotice | undefined;
  scripts: readonly AgentScript[];
  sentiment: SentimentOption | undefined;
  quickReplies: readonly TransportQuickReply[];
  calls: CallsOptions;
}

/** Checks the options and fills in the defaults; throws TypeError / RangeError on bad input. */
export function resolveOptions(options: DeskOptions): ResolvedOptions {
  if (!options?.transport) throw new TypeError('createDesk needs a transport.');
  const timeout = options.offerTimeout ?? 120;
  if (!Number.isFinite(timeout) || timeout <= 0) {
    throw new RangeError(`offerTimeout must be a positive number of seconds, got ${String(options.offerTimeout)}.`);
  }
  const sendTimeout = options.sendTimeout ?? 30;
  if (!Number.isFinite(sendTimeout) || sendTimeout <= 0) {
    throw new RangeError(`sendTimeout must be a positive number of seconds, got ${String(options.sendTimeout)}.`);
  }
  const storage = options.storage === 'memory' ? createMemoryStorage() : options.storage;
  const { storage: resilient, ...storageStatus } = withFallback(storage ? Promise.resolve(storage) : openStorage());
  return {
    transport: options.transport,
    agent: options.agent ?? { id: 'agent' },
    policy: createAttachmentPolicy({
      ...options.policy,
      // Never above what the backend takes (Messenger: 25 MB).
      maxBytes: Math.min(options.policy?.maxBytes ?? 5 * 1024 * 1024, options.transport.capabilities.maxAttachmentBytes ?? Infinity),
    }),
    offerTimeoutMs: timeout * 1000,
    allowReject: options.allowReject ?? true,
    now: options.now ?? Date.now,
    random: options.random ?? Math.random,
    storage: resilient,
    storageStatus,
    locale: options.locale,
    maxSendAttempts: options.maxSendAttempts,
    sendTimeoutMs: Math.min(sendTimeout * 1000, 2 ** 31 - 1),
    connectTimeoutMs: positiveSeconds(options.connectTimeout, 30, 'connectTimeout'),
    maxSessions: Math.max(1, Math.floor(options.maxSessions ?? 10)),
    presences: options.presences ?? [],
    capacity: options.capacity ?? {},
    wrapUp: options.wrapUp ?? {},
    privacyNotice: options.privacyNotice,
    scripts: Array.isArray(options.scripts) ? options.scripts : [],
    sentiment: options.sentiment,
    quickReplies: Array.isArray(options.quickReplies) ? options.quickReplies : [],
    calls: options.calls ?? {},
  };
}

/** Seconds → ms, checked; never above what setTimeout can wait (about 24.8 days). */
function positiveSeconds(value: number | undefined, fallback: number, name: string): number {
  const seconds = value ?? fallback;
  if (!Number.isFinite(seconds) || seconds <= 0) throw new RangeError(`${name} must be a positive number of seconds, got ${String(value)}.`);
  return Math.min(seconds * 1000, MAX_TIMER_MS);
}

/** The longest delay setTimeout honours; longer ones fire at once. */
export const MAX_TIMER_MS = 2 ** 31 - 1;
