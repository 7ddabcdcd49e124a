import type {
  AgentRef,
  AttachmentRef,
  BasePresence,
  Channel,
  Conversation,
  ConversationState,
  Customer,
  Message,
  MessageStatus,
  Offer,
  Reaction,
} from './model.js';
import type { Article, ArticleSummary } from './knowledge.js';
import type { TransportQuickReply } from './quick-replies.js';
import type { SimilarCase } from './assist.js';
import type { AgentScript } from './scripts.js';
import type { SentimentLevel } from '../sentiment/index.js';
import type { CrmRecord, LinkSlot, NewRecord, Note, RecordKind, RecordRef, SearchFilters, SearchHit } from './records.js';

/** What an adapter's backend can do. Elements hide what is missing. */
export interface Capabilities {
  /** Offers may be rejected. */
  reject: boolean;
  /** `upload()` is implemented. */
  upload: boolean;
  /** The agent's typing state is forwarded to the customer. */
  typing: boolean;
  /** Largest attachment the backend takes, bytes (Messenger: 25 MB). */
  maxAttachmentBytes?: number;
  /** The page is allowed the HUMAN_AGENT tag (7-day reply window). */
  humanAgent?: boolean;
  /** records.search / create / link / unlink (F7, F8). */
  records?: boolean;
  /** notes.list / notes.add (F10). */
  notes?: boolean;
  /** transcripts.search / transcripts.get on the server (F16). */
  search?: boolean;
  /** queue.list / queue.pick: the agent may see and pick queued conversations (F21 open work items). */
  queue?: boolean;
  /** conversation.transfer: where an active conversation may be handed over (F11). */
  transfer?: { queues?: string[]; agents?: boolean };
  /** knowledge.search / knowledge.get: the knowledge base (F9). */
  knowledge?: boolean;
  /** quickReplies.list: the host's quick replies for the composer (F15). */
  quickReplies?: boolean;
  /** The backend reports the customer's sentiment (`sentiment` events, F14): the desk does not analyze locally. */
  sentiment?: boolean;
  /** assist.suggest: the backend suggests articles and similar cases for a conversation (F15); else the desk works them out. */
  assist?: boolean;
  /** scripts.list: the backend defines agent scripts per queue (F15), besides the host's own. */
  scripts?: boolean;
  /** call.* (F20): voice and video calls with the customer; media is WebRTC, signalling goes through the transport. */
  calls?: { voice: boolean; video: boolean };
}

/** A conversation waiting in a queue that the agent may pick (F21). */
export interface QueuedItem {
  conversationId: string;
  customer: Customer;
  channel: Channel;
  queue: string;
  /** When the customer started waiting, epoch ms. */
  requestedAt: number;
  /** Preview of the customer's latest message (text only). */
  lastMessage?: string;
}

// ---- Commands: plain objects, so an adapter can forward, log or replay them. ----

export interface AcceptOfferCommand { type: 'offer.accept'; offerId: string }
export interface RejectOfferCommand { type: 'offer.reject'; offerId: string }
export interface SendMessageCommand {
  type: 'message.send';
  conversationId: string;
  /** Client-generated idempotency key: sending the same id twice sends once. */
  clientId: string;
  text?: string;
  attachments?: AttachmentRef[];
  /** The id of the customer message this one quotes (Messenger's `reply_to.mid`). */
  replyTo?: string;
  /**
   * Sent by the desk on its own (the privacy notice, F17), not typed by the agent. Its client id is
   * derived from the conversation, so every tab and every reload sends the same one: send it once.
   */
  automated?: boolean;
}
export interface SetTypingCommand { type: 'typing.set'; conversationId: string; on: boolean }
export interface TransitionCommand {
  type: 'conversation.transition';
  conversationId: string;
  to: ConversationState;
  /** With the move from wrap-up to closed (F19): the disposition code chosen and the wrap-up note. */
  wrapUp?: { disposition?: string; note?: string };
}
/** Hands an active conversation over to a queue or another agent (F11); it becomes Open. */
export interface TransferCommand {
  type: 'conversation.transfer';
  conversationId: string;
  to: { queue: string } | { agentId: string };
}
/** Queued conversations the agent may pick (F21 open work items). */
export interface ListQueueCommand { type: 'queue.list'; limit?: number }
/** Picks a queued conversation: it becomes the agent's, Active. */
export interface PickQueuedCommand { type: 'queue.pick'; conversationId: string }
export interface SetPresenceCommand { type: 'presence.set'; presence: BasePresence }
export interface SearchRecordsCommand {
  type: 'records.search';
  query: string;
  kinds?: RecordKind[];
  /** Only records of this customer (e.g. recent cases). */
  customerId?: string;
  limit?: number;
}
export interface CreateRecordCommand {
  type: 'records.create';
  record: NewRecord;
  /** The conversation it was created from (prefill, audit). */
  conversationId?: string;
  /** Idempotency key: creating twice with the same id creates once. */
  clientId: string;
}
export interface LinkRecordCommand { type: 'records.link'; conversationId: string; record: RecordRef }
/** Unlinking never deletes the record. */
export interface UnlinkRecordCommand { type: 'records.unlink'; conversationId: string; slot: LinkSlot }
export interface ListNotesCommand { type: 'notes.list'; target: RecordRef }
export interface AddNoteCommand { type: 'notes.add'; target: RecordRef; conversationId?: string; text: string; clientId: string }
export interface SearchTranscriptsCommand {
  type: 'transcripts.search';
  query: string;
  filters?: SearchFilters;
  limit?: number;
}
export interface GetTranscriptCommand { type: 'transcripts.get'; conversationId: string }
/** Finds knowledge articles (F9); `locale` prefers (or limits to) articles in that language. */
export interface SearchKnowledgeCommand { type: 'knowledge.search'; query: string; locale?: string; limit?: number }
export interface GetArticleCommand { type: 'knowledge.get'; articleId: string }
/** The host's quick replies (F15); `locale` is the agent's language, a hint only. */
export interface ListQuickRepliesCommand { type: 'quickReplies.list'; locale?: string }
/** Articles and similar past cases for a conversation, from its latest customer messages (F15). */
export interface SuggestAssistCommand { type: 'assist.suggest'; conversationId: string }
/** The agent scripts the backend defines (F15). */
export interface ListScriptsCommand { type: 'scripts.list' }

// ---- Calls (F20): signalling only; media flows peer to peer over WebRTC. ----

export type CallMedia = 'voice' | 'video';
/** A session description as plain data (RTCSessionDescriptionInit). */
export interface CallDescription { type: 'offer' | 'answer' | 'pranswer' | 'rollback'; sdp: string }
/** An ICE candidate as plain data (RTCIceCandidateInit). */
export interface CallCandidate { candidate: string; sdpMid?: string | null; sdpMLineIndex?: number | null }
/** One call of a conversation. `from`: who started it. */
export interface Call { callId: string; conversationId: string; media: CallMedia; from: 'agent' | 'customer' }
export type CallStateName = 'ringing' | 'connecting' | 'connected' | 'on-hold' | 'ended';
/**
 * Why a call ended: `hung-up` (the agent), `customer-hung-up`, `declined` (by whoever was rung),
 * `no-answer`, `connection-lost`, `permission-denied`, `no-device`, `failed`, or a backend's own.
 */
export type CallEndReason = 'hung-up' | 'customer-hung-up' | 'declined' | 'no-answer' | 'connection-lost' | 'permission-denied' | 'no-device' | 'failed' | (string & {});
/** Rings the customer; `callId` is client-generated (idempotent). Answered with `call.state` events. */
export interface StartCallCommand { type: 'call.start'; conversationId: string; media: CallMedia; callId: string }
export interface AcceptCallCommand { type: 'call.accept'; callId: string }
export interface DeclineCallCommand { type: 'call.decline'; callId: string }
export interface HoldCallCommand { type: 'call.hold'; callId: string; on: boolean }
export interface EndCallCommand { type: 'call.end'; callId: string }
/** The agent's session description or ICE candidate for the customer's side. */
export interface CallSignalCommand { type: 'call.signal'; callId: string; description?: CallDescription; candidate?: CallCandidate }

export type Command =
  | AcceptOfferCommand
  | RejectOfferCommand
  | SendMessageCommand
  | SetTypingCommand
  | TransitionCommand
  | TransferCommand
  | ListQueueCommand
  | PickQueuedCommand
  | SetPresenceCommand
  | SearchRecordsCommand
  | CreateRecordCommand
  | LinkRecordCommand
  | UnlinkRecordCommand
  | ListNotesCommand
  | AddNoteCommand
  | SearchTranscriptsCommand
  | GetTranscriptCommand
  | SearchKnowledgeCommand
  | GetArticleCommand
  | ListQuickRepliesCommand
  | SuggestAssistCommand
  | ListScriptsCommand
  | StartCallCommand
  | AcceptCallCommand
  | DeclineCallCommand
  | HoldCallCommand
  | EndCallCommand
  | CallSignalCommand;

/** The acknowledgement each command resolves with. */
export interface CommandResults {
  'offer.accept': { conversation: Conversation };
  'offer.reject': { ok: true };
  'message.send': { messageId: string; at: number };
  'typing.set': { ok: true };
  'conversation.transition': { conversation: Conversation };
  'conversation.transfer': { conversation: Conversation };
  'queue.list': { items: QueuedItem[] };
  'queue.pick': { conversation: Conversation };
  'presence.set': { presence: BasePresence };
  'records.search': { records: CrmRecord[] };
  'records.create': { record: CrmRecord };
  'records.link': { conversation: Conversation };
  'records.unlink': { conversation: Conversation };
  'notes.list': { notes: Note[] };
  'notes.add': { note: Note };
  'transcripts.search': { hits: Omit<SearchHit, 'source'>[] };
  'transcripts.get': { conversation: Conversation; messages: Message[] };
  'knowledge.search': { articles: ArticleSummary[] };
  'knowledge.get': { article: Article };
  'quickReplies.list': { replies: TransportQuickReply[] };
  'assist.suggest': { articles: ArticleSummary[]; cases: SimilarCase[] };
  'scripts.list': { scripts: AgentScript[] };
  'call.start': { ok: true };
  'call.accept': { ok: true };
  'call.decline': { ok: true };
  'call.hold': { ok: true };
  'call.end': { ok: true };
  'call.signal': { ok: true };
}
export type ResultOf<C extends Command> = CommandResults[C['type']];

// ---- Events: each carries a cursor that only grows (in the order of compareCursors, below). ----

interface EventBase { cursor: string }
export interface OfferCreatedEvent extends EventBase { type: 'offer.created'; offer: Offer }
export interface OfferWithdrawnEvent extends EventBase {
  type: 'offer.withdrawn';
  offerId: string;
  reason: 'taken' | 'abandoned' | 'timeout';
}
export interface ConversationUpdatedEvent extends EventBase { type: 'conversation.updated'; conversation: Conversation }
export interface MessageReceivedEvent extends EventBase { type: 'message.received'; message: Message }
export interface MessageStatusEvent extends EventBase {
  type: 'message.status';
  conversationId: string;
  clientId?: string;
  messageId?: string;
  status: MessageStatus;
}
/** Messenger-style watermark: every agent message at or before `watermark` reached `status`. */
export interface ReceiptEvent extends EventBase {
  type: 'receipt';
  conversationId: string;
  status: 'delivered' | 'read';
  watermark: number;
}
export interface TypingEvent extends EventBase { type: 'typing'; conversationId: string; on: boolean }
export interface ReactionEvent extends EventBase {
  type: 'message.reaction';
  conversationId: string;
  messageId: string;
  reaction: Reaction;
  action: 'react' | 'unreact';
}
export interface EditEvent extends EventBase {
  type: 'message.edited';
  conversationId: string;
  messageId: string;
  text: string;
  at: number;
}
/** The backend's reading of the customer's mood (F14); it overrides the desk's own analysis of the conversation. */
export interface SentimentEvent extends EventBase { type: 'sentiment'; conversationId: string; level: SentimentLevel }
/** The customer calls the agent (F20). */
export interface CallIncomingEvent extends EventBase { type: 'call.incoming'; call: Call }
/** The customer's session description or ICE candidate. */
export interface CallSignalEvent extends EventBase { type: 'call.signal'; callId: string; description?: CallDescription; candidate?: CallCandidate }
/**
 * A call's state as the backend sees it: `ringing` after `call.start`, `connecting` once the callee
 * accepted (the agent's side then sends its offer), `on-hold` / `connected` after `call.hold`,
 * `ended` with a reason. `connected` may also come from the agent's own peer connection.
 */
export interface CallStateEvent extends EventBase { type: 'call.state'; callId: string; state: CallStateName; reason?: CallEndReason }

/**
 * What a backend delivers first after a connect **without** a cursor (a fresh page or a reload):
 * the offers waiting for this agent and the agent's open conversations (every state but `closed`)
 * with their recent messages (the newest 50 or more per conversation), as of `cursor`. Later events
 * follow it in the stream. The desk treats it as the truth about pending offers (an offer it holds
 * that is not in the snapshot is gone) and merges the rest. A connect **with** a cursor replays the
 * events after it instead and sends no snapshot. `messages` may also hold the messages of the
 * offered conversations (the simulator sends them, as its live stream does).
 */
export interface SnapshotEvent extends EventBase {
  type: 'snapshot';
  offers: Offer[];
  conversations: Conversation[];
  messages: Message[];
}

/**
 * The connection dropped (not part of the event stream: its cursor is ''). An adapter MUST emit it
 * when its connection drops, or the desk never reconnects; with `code: 'auth-expired'` when the
 * backend refused the agent's token, which stops retrying. Otherwise the desk reconnects with
 * backoff and jitter: `connect(agent, { cursor })` with the oldest of the last 16 cursors it
 * received, and no `disconnect()` in between.
 */
export interface DisconnectedEvent extends EventBase {
  type: 'transport.disconnected';
  reason: string;
  code?: TransportErrorCode;
}

export type TransportEvent =
  | DisconnectedEvent
  | SnapshotEvent
  | OfferCreatedEvent
  | OfferWithdrawnEvent
  | ConversationUpdatedEvent
  | MessageReceivedEvent
  | MessageStatusEvent
  | ReceiptEvent
  | TypingEvent
  | ReactionEvent
  | EditEvent
  | SentimentEvent
  | CallIncomingEvent
  | CallSignalEvent
  | CallStateEvent;

export interface UploadMeta {
  conversationId: string;
  clientId: string;
  name: string;
  mimeType: string;
  size: number;
}

export interface ConnectResult {
  /**
   * The stream position this connection starts at, just before its first stream event: the
   * snapshot's cursor on a connect without a cursor, the given cursor on one with it. The desk
   * resumes from it if the connection drops before any event arrives.
   */
  cursor?: string;
}

export interface ConnectOptions {
  /**
   * Resume after this cursor: the backend replays every event after it, in order, then goes live,
   * and sends no snapshot. The desk passes the oldest of the last 16 cursors it received (under
   * at-least-once delivery events may arrive out of order), so a replay may repeat events it has:
   * it deduplicates them, and ignores a replayed `offer.created` for an offer it already accepted,
   * rejected, saw withdrawn or expired. A replay that brings back `offer.created` must also bring
   * back what settled the offer after it (`offer.withdrawn`, or the accepted conversation's
   * `conversation.updated`). Without a cursor (a fresh page, a reload) the backend sends a
   * `snapshot` first instead.
   */
  cursor?: string;
  signal?: AbortSignal;
}

/** The only seam to a backend. See README, "Writing a Transport adapter". */
export interface Transport {
  readonly capabilities: Capabilities;
  /**
   * Opens the event stream for `agent`: a `snapshot` first when `opts.cursor` is absent, else the
   * replay of every event after it; then live events. After the adapter emitted
   * `transport.disconnected`, the next call opens a new connection.
   *
   * Idempotent: a second call while connected resolves without reconnecting. May resolve with the
   * stream position the connection started at, so a reconnect can resume from it even if the
   * first event was lost before it arrived.
   */
  connect(agent: AgentRef, opts?: ConnectOptions): Promise<void | ConnectResult>;
  disconnect(): Promise<void>;
  subscribe(listener: (event: TransportEvent) => void): () => void;
  execute<C extends Command>(command: C, opts?: { signal?: AbortSignal }): Promise<ResultOf<C>>;
  upload?(
    file: Blob,
    meta: UploadMeta,
    opts: { signal?: AbortSignal; onProgress?(sent: number): void },
  ): Promise<AttachmentRef>;
}

export type TransportErrorCode =
  | 'network'
  | 'timeout'
  | 'auth-expired'
  | 'not-found'
  | 'invalid'
  | 'conflict'
  | 'window-closed'
  | 'policy'
  | 'aborted'
  | 'unavailable'
  | 'internal';

/** Every failure a transport reports. `retryable` tells the desk whether trying again may help. */
export class TransportError extends Error {
  override readonly name = 'TransportError';
  readonly code: TransportErrorCode;
  readonly retryable: boolean;
  constructor(code: TransportErrorCode, message: string, options: { retryable?: boolean; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.code = code;
    this.retryable = options.retryable ?? (code === 'network' || code === 'timeout' || code === 'unavailable');
  }
}

export function isTransportError(error: unknown): error is TransportError {
  return error instanceof TransportError;
}

/** Converts anything thrown by an adapter into a TransportError. */
export function toTransportError(error: unknown): TransportError {
  if (error instanceof TransportError) return error;
  if (error instanceof DOMException && error.name === 'AbortError') {
    return new TransportError('aborted', 'The operation was cancelled.', { retryable: false, cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new TransportError('internal', message, { retryable: false, cause: error });
}

/**
 * The order of cursors, as the desk reads them: a longer cursor is later, and cursors of the same
 * length compare as text. Zero-padded counters, plain counters ('9' before '10') and fixed-width
 * sortable ids all follow it. Negative when `a` comes first.
 */
export function compareCursors(a: string, b: string): number {
  return a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
}

export { createClientId } from './random.js';
