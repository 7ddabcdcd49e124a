/**
 * The simulated Facebook Messenger transport: an in-memory, scripted customer. It is the
 * embedded default for the demo, Storybook and tests.
 *
 * - Deterministic with a seed (mulberry32); the clock can be injected with `now`.
 * - Every event is logged with a zero-padded, monotonically increasing cursor. `connect` without a
 *   cursor starts with a `snapshot` (pending offers, the agent's open conversations and their
 *   recent messages); `connect` with a cursor replays what the caller missed (backfill). While
 *   disconnected, events are logged only; `dropConnection()` plays a network failure.
 * - Tests and stories drive it step by step (`offer()`, `customerSays()`, `deliver()`, …);
 *   with `autoplay` it plays a customer on its own, for the demo.
 * - Records, notes and server transcript search run over a seeded in-memory CRM (`crm`, see
 *   crm.ts): contacts, accounts, cases and past conversations. Closing a conversation never
 *   touches a linked case.
 *
 * Nothing here touches the DOM at import time; `URL.createObjectURL` is only called by
 * `upload()` and (lazily) by `customerSendsFile()`.
 */
import { canTransition } from '../../core/conversation-state.js';
import type { ConversationLinks } from '../../core/records.js';
import type {
  AgentRef,
  AttachmentKind,
  AttachmentRef,
  BasePresence,
  Conversation,
  ConversationSummary,
  Customer,
  Message,
  MessageStatus,
  Offer,
  Reaction,
} from '../../core/model.js';
import { replyWindow } from '../../core/reply-window.js';
import {
  TransportError,
  type Capabilities,
  type Command,
  type CommandResults,
  type GetArticleCommand,
  type SearchKnowledgeCommand,
  type ConnectOptions,
  type ConnectResult,
  type DisconnectedEvent,
  type EditEvent,
  type MessageStatusEvent,
  type OfferWithdrawnEvent,
  type QueuedItem,
  type ReactionEvent,
  type ReceiptEvent,
  type ResultOf,
  type SendMessageCommand,
  type SnapshotEvent,
  type Transport,
  type TransportErrorCode,
  type TransferCommand,
  type TransitionCommand,
  type TransportEvent,
  type TypingEvent,
  type SentimentEvent,
  type UploadMeta,
  type CallMedia,
} from '../../core/transport.js';
import type { SimulatedCallOptions, SimulatedCalls } from './calls.js';
import { searchTranscripts, SimulatedCrm, type ConversationDetails } from './crm.js';
import type { SentimentAnalyzer, SentimentLevel } from '../../sentiment/index.js';
import {
  ANGRY_MESSAGES,
  OTHER_CONVERSATION_STATES,
  PHOTO_PNG_BYTES,
  PHOTO_PNG_DATA_URL,
  Random,
  REACTIONS,
  SAMPLE_PDF_BASE64,
  SAMPLE_PDF_BYTES,
  scenariosFor,
  scriptedCustomer,
  STICKER_PNG_BYTES,
  STICKER_PNG_DATA_URL,
  transcriptLine,
  type Scenario,
  type ScriptLocale,
} from './scripts.js';

export interface AutoplayOptions {
  /** Milliseconds between offers while fewer than 3 are pending. Default 45 000. */
  offerEvery?: number;
  /** Milliseconds from connect to the first offer. Default: 1.5–3 s (seeded). */
  firstOfferAfter?: number;
  /**
   * Multiplier for the scripted customer's delays (typing, replies, the attachment sequence).
   * 1 is real time; 0.01 plays a whole conversation in well under a second (tests).
   */
  pace?: number;
  /** Every n-th accepted customer loses patience a while into the conversation: three angry messages (F14). Default 0: none. */
  angryEvery?: number;
}

export interface SimulatedTransportOptions {
  /** PRNG seed: the same seed gives the same customers, texts and file names. Default 1. */
  seed?: number;
  capabilities?: Partial<Capabilities>;
  /** Simulated network latency of every command, connect and upload, ms. Default 0. */
  latency?: number;
  /** The next `n` `message.send` commands fail with a retryable TransportError('network'). */
  failNextSends?: number;
  /** Share of `message.send` commands, 0–1, that fail with a retryable network error (a flaky network). Default 0. */
  failureRate?: number;
  /** Play a scripted customer on its own (the demo). */
  autoplay?: boolean | AutoplayOptions;
  /** Clock, epoch ms. Default `Date.now`. */
  now?: () => number;
  /**
   * Put in front of every conversation, offer and message id. Give each page load its own (the demo
   * does) so transcripts and drafts kept in IndexedDB never attach to a new simulated conversation.
   */
  idPrefix?: string;
  /**
   * The simulated backend reports sentiment itself (F14): `capabilities.sentiment` is on and a
   * `sentiment` event follows each customer text or edit (read by the lexicon analyzer).
   */
  reportsSentiment?: boolean;
  /**
   * The simulated customer takes and makes voice and video calls (F20): `capabilities.calls` is on;
   * their media is synthetic (a canvas and a tone) over a real RTCPeerConnection in the page.
   */
  calls?: boolean | SimulatedCallOptions;
  /**
   * A world kept by `saveState()` (e.g. in localStorage): its conversations, messages, pending offers,
   * sends and event log (cursors) come back, so a page reloaded mid-conversation finds it again.
   * Customers' scripts do not resume; the CRM starts from its seed again.
   */
  state?: SimulatedState;
}

/** One conversation of a saved world. */
export interface SimulatedConversationState {
  conversation: Conversation;
  scenario: Scenario;
  /** Customer and agent messages, in the order they were created (seeded history first). */
  messages: Message[];
  /** Agent messages not yet reported delivered. */
  undelivered: Message[];
  /** Id of the offer while it is pending. */
  offerId: string | undefined;
  firstMessageId: string;
  repliesSent: number;
  /** Waiting in the queue (`queue.pick` can take it). */
  queued: boolean;
  scriptStarted: boolean;
}

/** What `saveState()` returns and the `state` option takes: plain data (JSON-safe). */
export interface SimulatedState {
  version: 1;
  idPrefix: string;
  log: TransportEvent[];
  conversations: SimulatedConversationState[];
  pendingOffers: Offer[];
  sent: [string, SentRecord][];
  sentMessages: Message[];
  presence: BasePresence;
  seq: { offer: number; message: number; script: number; attachment: number };
}

/**
 * What `offer()` accepts: any offer field, a partial customer, the script language, and the
 * conversation's pre-chat answers, visitor details and links (default: seeded; `links: {}` starts unlinked).
 */
export interface OfferInput extends Partial<Omit<Offer, 'customer'>>, Partial<Pick<Conversation, 'preChat' | 'visitor' | 'links'>> {
  customer?: Partial<Customer>;
  /** Language of the scripted customer. Default: seeded, 60 % Polish. */
  locale?: ScriptLocale;
}

export interface CustomerMessageOptions {
  /** Time of the message, epoch ms. Default now. */
  at?: number;
  /** Id of the message this one replies to. */
  replyTo?: string;
}

/** What `queueConversation()` accepts: as `offer()`, plus when the customer started waiting. */
export type QueueInput = Omit<OfferInput, 'id' | 'expiresAt' | 'otherConversations'>;

/** A wrap-up the simulated backend received with the move to Closed (F19). */
export interface RecordedWrapUp {
  conversationId: string;
  disposition?: string;
  note?: string;
}

/** A hand-over the simulated backend carried out (F11). */
export interface RecordedTransfer {
  conversationId: string;
  to: TransferCommand['to'];
}

/** A finished upload, as recorded by the simulator. */
export interface RecordedUpload {
  meta: UploadMeta;
  attachment: AttachmentRef;
  file: Blob;
}

export const DEFAULT_CAPABILITIES: Readonly<Capabilities> = Object.freeze({
  reject: true,
  upload: true,
  typing: true,
  maxAttachmentBytes: 25 * 1024 * 1024,
  humanAgent: false,
  records: true,
  notes: true,
  search: true,
  knowledge: true,
  quickReplies: true,
});

const MAX_PENDING_AUTOPLAY_OFFERS = 3;
const MAX_TEXT_LENGTH = 2000;
const CURSOR_WIDTH = 12;
const UPLOAD_STEPS = 5;
/** Messages per conversation in a snapshot: the newest ones (the contract asks for 50 or more). */
const SNAPSHOT_MESSAGES = 50;

type Timer = ReturnType<typeof setTimeout>;

/** A conversation of the world: what a saved world keeps of it, and what lives only while the page does. */
interface SimConversation extends SimulatedConversationState {
  agentTyping: boolean;
  replyTimers: Timer[];
}

export interface SentRecord {
  conversationId: string;
  messageId: string;
  at: number;
}

function cursorOf(n: number): string {
  return String(n).padStart(CURSOR_WIDTH, '0');
}

/** The newest `count` messages, oldest first. */
function newest(messages: readonly Message[], count: number): Message[] {
  return [...messages].sort((a, b) => a.at - b.at).slice(-count);
}

/** A failure rate within 0–1 (anything else is 0). */
const clampRate = (rate: number): number => (Number.isFinite(rate) ? Math.min(1, Math.max(0, rate)) : 0);

function abortedError(): TransportError {
  return new TransportError('aborted', 'The operation was cancelled.', { retryable: false });
}

function notFound(what: string): TransportError {
  return new TransportError('not-found', what, { retryable: false });
}

function invalid(what: string): TransportError {
  return new TransportError('invalid', what, { retryable: false });
}

function kindOf(mimeType: string): AttachmentKind {
  if (mimeType.startsWith('image/')) return 'image';
  if (mimeType.startsWith('audio/')) return 'audio';
  if (mimeType.startsWith('video/')) return 'video';
  return 'file';
}

/** Resolves after `ms` (a macrotask, even for 0); rejects with TransportError('aborted') on abort. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortedError());
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortedError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** An in-memory, scripted Facebook Messenger customer. */
export class SimulatedTransport implements Transport {
  readonly capabilities: Capabilities;
  /** The next `n` `message.send` commands fail with a retryable network error. Writable. */
  failNextSends: number;
  /** Simulated latency, ms. Writable. */
  latency: number;
  /** Share of `message.send` commands, 0–1, that fail with a retryable network error. Writable; see `setNetwork`. */
  failureRate: number;
  /** Its own sequence, so switching the network on and off never changes the scripted customers. */
  readonly #network: Random;

  readonly #random: Random;
  readonly #now: () => number;
  readonly #autoplay: Required<Omit<AutoplayOptions, 'firstOfferAfter'>> & { firstOfferAfter?: number } | undefined;

  readonly #log: TransportEvent[] = [];
  /** Index in the log up to which events have been dispatched. */
  #dispatched = 0;
  #replaying = false;
  readonly #listeners = new Set<(event: TransportEvent) => void>();

  #connected = false;
  #connecting: Promise<ConnectResult> | undefined;
  #epoch = 0;
  #agent: AgentRef | undefined;
  #presence: BasePresence = 'offline';

  readonly #conversations = new Map<string, SimConversation>();
  readonly #pendingOffers = new Map<string, Offer>();
  readonly #sent = new Map<string, SentRecord>();
  readonly #sentMessages: Message[] = [];
  readonly #uploads: RecordedUpload[] = [];
  readonly #wrapUps: RecordedWrapUp[] = [];
  readonly #transfers: RecordedTransfer[] = [];
  readonly #crm: SimulatedCrm;

  readonly #timers = new Set<Timer>();
  #offerTimer: Timer | undefined;
  #pdfUrl: string | undefined;

  #offerSeq = 0;
  #messageSeq = 0;
  #scriptSeq = 0;
  readonly #reportsSentiment: boolean;
  readonly #callOptions: SimulatedCallOptions;
  #calls: Promise<SimulatedCalls> | undefined;
  #analyzer: Promise<SentimentAnalyzer> | undefined;
  #idPrefix: string;
  #attachmentSeq = 0;

  constructor(options: SimulatedTransportOptions = {}) {
    this.#random = new Random(options.seed ?? 1);
    this.#idPrefix = options.state?.idPrefix ?? options.idPrefix ?? '';
    this.#now = options.now ?? Date.now;
    this.capabilities = Object.freeze({ ...DEFAULT_CAPABILITIES, ...(options.reportsSentiment ? { sentiment: true } : {}), ...(options.calls ? { calls: { voice: true, video: true } } : {}), ...options.capabilities });
    this.#callOptions = typeof options.calls === 'object' ? options.calls : {};
    this.#reportsSentiment = options.reportsSentiment === true;
    this.latency = Math.max(0, options.latency ?? 0);
    this.failNextSends = Math.max(0, options.failNextSends ?? 0);
    this.failureRate = clampRate(options.failureRate ?? 0);
    this.#network = new Random((options.seed ?? 1) ^ 0x5eed);
    this.#crm = new SimulatedCrm({ seed: options.seed ?? 1, now: this.#now, idPrefix: this.#idPrefix });
    if (options.state?.version === 1) this.#restore(options.state);
    const autoplay = options.autoplay;
    if (autoplay) {
      const settings = autoplay === true ? {} : autoplay;
      this.#autoplay = {
        offerEvery: settings.offerEvery ?? 45_000,
        pace: settings.pace ?? 1,
        angryEvery: Math.max(0, Math.floor(settings.angryEvery ?? 0)),
        ...(settings.firstOfferAfter !== undefined ? { firstOfferAfter: settings.firstOfferAfter } : {}),
      };
    }
  }

  // ---- a world that survives a reload ----

  /** The world as plain data, for the `state` option of a later transport (the demo keeps it across reloads). */
  saveState(): SimulatedState {
    const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
    return copy({
      version: 1,
      idPrefix: this.#idPrefix,
      log: this.#log,
      conversations: [...this.#conversations.values()].map(({ replyTimers: _timers, agentTyping: _typing, ...rest }) => rest),
      pendingOffers: [...this.#pendingOffers.values()],
      sent: [...this.#sent.entries()],
      sentMessages: this.#sentMessages,
      presence: this.#presence,
      seq: { offer: this.#offerSeq, message: this.#messageSeq, script: this.#scriptSeq, attachment: this.#attachmentSeq },
    });
  }

  #restore(state: SimulatedState): void {
    this.#log.push(...state.log);
    for (const sim of state.conversations) this.#conversations.set(sim.conversation.id, { ...sim, agentTyping: false, replyTimers: [] });
    for (const offer of state.pendingOffers) this.#pendingOffers.set(offer.id, offer);
    for (const [key, record] of state.sent) this.#sent.set(key, record);
    this.#sentMessages.push(...state.sentMessages);
    this.#presence = state.presence;
    this.#offerSeq = state.seq.offer;
    this.#messageSeq = state.seq.message;
    this.#scriptSeq = state.seq.script;
    this.#attachmentSeq = state.seq.attachment;
  }

  // ---- inspection (tests, stories) ----

  /** Every event emitted so far, oldest first. */
  get events(): readonly TransportEvent[] {
    return this.#log;
  }

  /** Cursor of the latest event, or undefined before the first. */
  get cursor(): string | undefined {
    return this.#log.length === 0 ? undefined : cursorOf(this.#log.length);
  }

  get connected(): boolean {
    return this.#connected;
  }

  /** The agent passed to the last successful connect. */
  get agent(): AgentRef | undefined {
    return this.#agent;
  }

  /** Presence last set by the agent (`available` after connect). */
  get presence(): BasePresence {
    return this.#presence;
  }

  /** Offers neither accepted, rejected nor withdrawn. */
  get pendingOffers(): readonly Offer[] {
    return [...this.#pendingOffers.values()];
  }

  /** Agent messages the simulated backend accepted, each once. */
  get sentMessages(): readonly Message[] {
    return this.#sentMessages;
  }

  /** Finished uploads, oldest first. Aborted or refused uploads are not recorded. */
  get uploads(): readonly RecordedUpload[] {
    return this.#uploads;
  }

  conversation(conversationId: string): Conversation | undefined {
    return this.#conversations.get(conversationId)?.conversation;
  }

  /** What came with each move to Closed (`conversation.transition` with `wrapUp`), oldest first. */
  get wrapUps(): readonly RecordedWrapUp[] {
    return this.#wrapUps;
  }

  /** Every `conversation.transfer` carried out, oldest first. */
  get transfers(): readonly RecordedTransfer[] {
    return this.#transfers;
  }

  /** Conversations waiting in the queue, oldest request first. */
  get queue(): readonly QueuedItem[] {
    return [...this.#conversations.values()]
      .filter((sim) => sim.queued)
      .map((sim) => queuedItem(sim))
      .sort((a, b) => a.requestedAt - b.requestedAt);
  }

  /** The privacy notices (automated messages) the customer was shown, each once. */
  get automatedMessages(): readonly Message[] {
    return this.#sentMessages.filter((m) => m.author === 'system');
  }

  /** Every message of a conversation the simulator knows (customer and agent). */
  transcript(conversationId: string): readonly Message[] {
    return this.#conversations.get(conversationId)?.messages ?? [];
  }

  /** The seeded CRM behind the records, notes and transcript commands: contacts, accounts, cases, past conversations. */
  get crm(): SimulatedCrm {
    return this.#crm;
  }

  /** Whether the agent's typing indicator is on (from `typing.set`). */
  agentTyping(conversationId: string): boolean {
    return this.#conversations.get(conversationId)?.agentTyping ?? false;
  }

  // ---- Transport ----

  connect(agent: AgentRef, opts: ConnectOptions = {}): Promise<ConnectResult> {
    if (this.#connected) return Promise.resolve({ cursor: cursorOf(this.#dispatched) });
    if (this.#connecting) return this.#connecting;
    const epoch = ++this.#epoch;
    const connecting = (async () => {
      if (this.latency > 0) await sleep(this.latency, opts.signal);
      else if (opts.signal?.aborted) throw abortedError();
      if (epoch !== this.#epoch) throw abortedError();
      const from = opts.cursor === undefined ? this.#log.length : this.#parseCursor(opts.cursor);
      this.#agent = agent;
      this.#connected = true;
      if (this.#presence === 'offline') this.#presence = 'available';
      // A fresh page: the snapshot stands for everything logged so far; only later events follow it.
      if (opts.cursor === undefined) this.#sendSnapshot();
      this.#replay(from);
      this.#startAutoplay();
      return { cursor: cursorOf(from) };
    })();
    this.#connecting = connecting;
    const clear = (): void => {
      if (this.#connecting === connecting) this.#connecting = undefined;
    };
    connecting.then(clear, clear);
    return connecting;
  }

  disconnect(): Promise<void> {
    this.#epoch++;
    this.#connected = false;
    this.#connecting = undefined;
    this.#stopTimers();
    return Promise.resolve();
  }

  /**
   * Changes the simulated network: `failureRate` (0–1) of `message.send` commands fail with a
   * retryable network error, so the desk retries them and, past its attempts, shows them failed
   * with Retry; `latencyMs` delays every command. What is left out stays as it was.
   */
  setNetwork(network: { failureRate?: number; latencyMs?: number }): void {
    if (network.failureRate !== undefined) this.failureRate = clampRate(network.failureRate);
    if (network.latencyMs !== undefined) this.latency = Math.max(0, Number.isFinite(network.latencyMs) ? network.latencyMs : 0);
  }

  /**
   * The connection drops, as a network failure would: delivery and the scripted customer stop, and
   * once the current call returns listeners hear `transport.disconnected` (with `code`, e.g.
   * `'auth-expired'` for a refused token). Events go on being logged; a connect with a cursor
   * backfills them. Does nothing while disconnected.
   */
  dropConnection(options: { reason?: string; code?: TransportErrorCode } = {}): void {
    if (!this.#connected) return;
    void this.disconnect();
    const event: DisconnectedEvent = {
      type: 'transport.disconnected',
      cursor: '',
      reason: options.reason ?? 'The simulated connection dropped.',
      ...(options.code !== undefined ? { code: options.code } : {}),
    };
    queueMicrotask(() => {
      for (const listener of [...this.#listeners]) this.#call(listener, event);
    });
  }

  subscribe(listener: (event: TransportEvent) => void): () => void {
    // Wrapped so the same function can subscribe twice and unsubscribe independently.
    const entry = (event: TransportEvent): void => listener(event);
    this.#listeners.add(entry);
    return () => {
      this.#listeners.delete(entry);
    };
  }

  async execute<C extends Command>(command: C, opts: { signal?: AbortSignal } = {}): Promise<ResultOf<C>> {
    if (this.latency > 0) await sleep(this.latency, opts.signal);
    else {
      await Promise.resolve();
      if (opts.signal?.aborted) throw abortedError();
    }
    this.#requireConnected();
    if (command.type === 'knowledge.search' || command.type === 'knowledge.get') return (await this.#knowledge(command)) as ResultOf<C>;
    if (command.type === 'quickReplies.list') return (await this.#quickReplies()) as ResultOf<C>;
    if (command.type.startsWith('call.')) return (await this.#callModule()).execute(command as Extract<Command, { type: `call.${string}` }>) as ResultOf<C>;
    if (command.type === 'assist.suggest' || command.type === 'scripts.list') return (await this.#assist(command)) as ResultOf<C>;
    return this.#handle(command) as ResultOf<C>;
  }

  async upload(
    file: Blob,
    meta: UploadMeta,
    opts: { signal?: AbortSignal; onProgress?(sent: number): void } = {},
  ): Promise<AttachmentRef> {
    const { signal, onProgress } = opts;
    if (signal?.aborted) throw abortedError();
    if (!this.capabilities.upload) {
      throw new TransportError('unavailable', 'This backend does not take files.', { retryable: false });
    }
    this.#requireConnected();
    const max = this.capabilities.maxAttachmentBytes;
    if (max !== undefined && file.size > max) {
      throw new TransportError('policy', `${meta.name} is larger than ${max} bytes.`, { retryable: false });
    }
    const total = file.size;
    for (let step = 1; step <= UPLOAD_STEPS; step++) {
      await sleep(this.latency / UPLOAD_STEPS, signal);
      if (!this.#connected) throw new TransportError('network', 'The connection dropped during the upload.');
      onProgress?.(Math.round((total * step) / UPLOAD_STEPS));
    }
    if (signal?.aborted) throw abortedError();
    const mimeType = meta.mimeType || file.type || 'application/octet-stream';
    const attachment: AttachmentRef = {
      id: `att-${++this.#attachmentSeq}`,
      kind: kindOf(mimeType),
      name: meta.name,
      mimeType,
      size: total,
      url: URL.createObjectURL(file),
    };
    this.#uploads.push({ meta: { ...meta }, attachment, file });
    return attachment;
  }

  // ---- driving API: offers ----

  /** A new scripted customer asks for an agent: emits offer.created and the first message. */
  offer(input: OfferInput = {}): Offer {
    const { offer, sim } = this.#newCustomer(input);
    sim.offerId = offer.id;
    this.#pendingOffers.set(offer.id, offer);
    this.#emit({ type: 'offer.created', offer, cursor: '' });
    this.#emit({ type: 'message.received', message: sim.messages[0]!, cursor: '' });
    return offer;
  }

  /**
   * A conversation that is already active, without an offer (e.g. a communication-panel story).
   * Emits conversation.updated and the first customer message.
   */
  startConversation(input: OfferInput = {}): Conversation {
    const { sim } = this.#newCustomer(input);
    sim.conversation = { ...sim.conversation, state: 'active', acceptedAt: this.#now() };
    this.#emit({ type: 'conversation.updated', conversation: sim.conversation, cursor: '' });
    this.#emit({ type: 'message.received', message: sim.messages[0]!, cursor: '' });
    this.#startScript(sim);
    return sim.conversation;
  }

  /**
   * A customer waits in the queue without being offered to anyone: `queue.list` shows them and
   * `queue.pick` gives them to the agent. Emits nothing (the conversation is not the agent's yet).
   */
  queueConversation(input: QueueInput = {}): QueuedItem {
    const { sim } = this.#newCustomer(input);
    sim.queued = true;
    return queuedItem(sim);
  }

  /** The offer goes away (another agent took it, the customer left, or it timed out). */
  withdraw(offerId: string, reason: OfferWithdrawnEvent['reason'] = 'abandoned'): OfferWithdrawnEvent {
    const offer = this.#pendingOffers.get(offerId);
    if (!offer) throw notFound(`No offer "${offerId}" is pending.`);
    this.#pendingOffers.delete(offerId);
    const sim = this.#conversations.get(offer.conversationId);
    if (sim) sim.offerId = undefined;
    return this.#emit({ type: 'offer.withdrawn', offerId, reason, cursor: '' });
  }

  // ---- driving API: the customer ----

  /** A customer text message. Text may contain Messenger markdown, emoji and links. */
  customerSays(conversationId: string, text: string, opts: CustomerMessageOptions = {}): Message {
    return this.#customerMessage(this.#sim(conversationId), { kind: 'text', text }, opts);
  }

  /** The customer loses patience (F14): three angry messages in the conversation's language, one after another. */
  customerGetsAngry(conversationId: string): Message[] {
    const sim = this.#sim(conversationId);
    return ANGRY_MESSAGES[sim.scenario.locale].map((text) => this.customerSays(conversationId, text));
  }

  /** The customer calls the agent (F20): `call.incoming`; unanswered, it ends with `no-answer` after `noAnswerMs`. Resolves with the call id. */
  async customerCalls(conversationId: string, media: CallMedia, noAnswerMs?: number): Promise<string> {
    return (await this.#callModule()).customerCalls(conversationId, media, noAnswerMs);
  }

  /** The customer hangs up the conversation's call (or stops ringing): `call.state` ended with `customer-hung-up`. */
  async customerHangsUp(conversationId: string): Promise<void> {
    (await this.#callModule()).customerHangsUp(conversationId);
  }

  #callModule(): Promise<SimulatedCalls> {
    return (this.#calls ??= import('./calls.js').then(
      (m) =>
        new m.SimulatedCalls(
          {
            capabilities: this.capabilities,
            emit: (event) => void this.#emit(event),
            hasConversation: (id) => this.#conversations.get(id)?.conversation.state === 'active',
            customerName: (id) => this.#conversations.get(id)?.conversation.customer.name ?? '',
          },
          this.#callOptions,
        ),
    ));
  }

  /** The backend reports the customer's sentiment (F14), as a transport with its own analysis does. */
  reportSentiment(conversationId: string, level: SentimentLevel): SentimentEvent {
    this.#sim(conversationId);
    return this.#emit({ type: 'sentiment', conversationId, level, cursor: '' });
  }

  customerTyping(conversationId: string, on: boolean): TypingEvent {
    this.#sim(conversationId);
    return this.#emit({ type: 'typing', conversationId, on, cursor: '' });
  }

  /** A photo with a random numeric file name, as Messenger delivers them. */
  customerSendsImage(conversationId: string, opts: CustomerMessageOptions = {}): Message {
    const sim = this.#sim(conversationId);
    const name = `${this.#random.digits(8)}_${this.#random.digits(5)}.jpg`;
    return this.#customerMessage(
      sim,
      {
        kind: 'attachment',
        attachments: [
          { id: `att-${++this.#attachmentSeq}`, kind: 'image', name, mimeType: 'image/jpeg', size: PHOTO_PNG_BYTES, url: PHOTO_PNG_DATA_URL },
        ],
      },
      opts,
    );
  }

  /** A PDF document, e.g. `invoice-2291.pdf`. */
  customerSendsFile(conversationId: string, opts: CustomerMessageOptions = {}): Message {
    const sim = this.#sim(conversationId);
    const name = `${sim.scenario.documentName}.pdf`;
    return this.#customerMessage(
      sim,
      {
        kind: 'attachment',
        attachments: [
          { id: `att-${++this.#attachmentSeq}`, kind: 'file', name, mimeType: 'application/pdf', size: SAMPLE_PDF_BYTES, url: this.#samplePdfUrl() },
        ],
      },
      opts,
    );
  }

  /** A sticker: a `sticker` message carrying one `sticker` attachment (an image). */
  customerSendsSticker(conversationId: string, opts: CustomerMessageOptions = {}): Message {
    const sim = this.#sim(conversationId);
    return this.#customerMessage(
      sim,
      {
        kind: 'sticker',
        attachments: [
          { id: `att-${++this.#attachmentSeq}`, kind: 'sticker', name: 'sticker.png', mimeType: 'image/png', size: STICKER_PNG_BYTES, url: STICKER_PNG_DATA_URL },
        ],
      },
      opts,
    );
  }

  /** A message of a type Messenger cannot show (fallback, template, unknown): no text. */
  customerSendsUnsupported(conversationId: string, opts: CustomerMessageOptions = {}): Message {
    return this.#customerMessage(this.#sim(conversationId), { kind: 'unsupported' }, opts);
  }

  customerReacts(
    conversationId: string,
    messageId: string,
    emoji: string,
    action: ReactionEvent['action'] = 'react',
  ): ReactionEvent {
    const sim = this.#sim(conversationId);
    const index = this.#messageIndex(sim, messageId);
    const message = sim.messages[index]!;
    const reaction: Reaction = { emoji, by: 'customer' };
    const others = (message.reactions ?? []).filter((r) => !(r.by === 'customer' && r.emoji === emoji));
    sim.messages[index] = { ...message, reactions: action === 'react' ? [...others, reaction] : others };
    return this.#emit({ type: 'message.reaction', conversationId, messageId, reaction, action, cursor: '' });
  }

  customerEdits(conversationId: string, messageId: string, text: string): EditEvent {
    const sim = this.#sim(conversationId);
    const index = this.#messageIndex(sim, messageId);
    const message = sim.messages[index]!;
    if (message.author !== 'customer' || message.kind !== 'text') {
      throw new TransportError('invalid', 'The customer can only edit their own text messages.', { retryable: false });
    }
    const at = this.#now();
    sim.messages[index] = { ...message, text, editedAt: at };
    const event = this.#emit({ type: 'message.edited', conversationId, messageId, text, at, cursor: '' });
    this.#analyzeSentiment(sim);
    return event;
  }

  /** Reports every not-yet-delivered agent message of the conversation as delivered. */
  deliver(conversationId: string): MessageStatusEvent[] {
    const sim = this.#sim(conversationId);
    const pending = sim.undelivered;
    sim.undelivered = [];
    return pending.map((m) => {
      this.#setAgentStatus(sim, m.id, 'delivered');
      return this.#emit({
        type: 'message.status',
        conversationId,
        ...(m.clientId !== undefined ? { clientId: m.clientId } : {}),
        messageId: m.id,
        status: 'delivered',
        cursor: '',
      });
    });
  }

  /** The customer read everything up to now: a `read` watermark receipt. */
  read(conversationId: string): ReceiptEvent {
    const sim = this.#sim(conversationId);
    const watermark = this.#now();
    sim.undelivered = sim.undelivered.filter((m) => m.at > watermark);
    const messages = sim.messages;
    for (let i = messages.length - 1; i >= 0; i--) {
      const m = messages[i]!;
      if (m.author !== 'agent' || m.at > watermark) continue;
      // Older messages were read by an earlier watermark.
      if (m.status === 'read') break;
      messages[i] = { ...m, status: 'read' };
    }
    return this.#emit({ type: 'receipt', conversationId, status: 'read', watermark, cursor: '' });
  }

  /** Moves the reply-window anchor (F18), e.g. 25 h back to close it. Emits conversation.updated. */
  setLastCustomerMessageAt(conversationId: string, at: number): Conversation {
    const sim = this.#sim(conversationId);
    sim.conversation = { ...sim.conversation, lastCustomerMessageAt: at };
    this.#emit({ type: 'conversation.updated', conversation: sim.conversation, cursor: '' });
    return sim.conversation;
  }

  /**
   * Prepends `count` alternating customer/agent messages of varied length as history before the
   * conversation's first message, and emits them as message.received in one go.
   */
  seedTranscript(conversationId: string, count: number): Message[] {
    const sim = this.#sim(conversationId);
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number ≥ 0, got ${count}.`);
    const random = this.#random;
    const locale = sim.scenario.locale;
    let earliest = this.#now();
    for (const m of sim.messages) if (m.at < earliest) earliest = m.at;
    const times = new Float64Array(count);
    let t = earliest - 60_000;
    for (let i = count - 1; i >= 0; i--) {
      times[i] = t;
      // Mostly a few seconds to minutes apart, sometimes hours (a new day of the thread).
      t -= random.chance(0.02) ? random.int(2, 30) * 3_600_000 : random.int(4, 240) * 1000;
    }
    const seeded: Message[] = new Array<Message>(count);
    for (let i = 0; i < count; i++) {
      const author = i % 2 === 0 ? 'customer' : 'agent';
      const message: Message = {
        id: `${this.#idPrefix}m-${++this.#messageSeq}`,
        conversationId,
        author,
        kind: 'text',
        text: transcriptLine(random, author, locale),
        at: times[i]!,
      };
      if (author === 'agent') message.status = 'read';
      seeded[i] = message;
    }
    sim.messages = seeded.concat(sim.messages);
    for (const message of seeded) this.#emit({ type: 'message.received', message, cursor: '' });
    return seeded;
  }

  // ---- commands ----

  #handle(command: Command): CommandResults[Command['type']] {
    switch (command.type) {
      case 'offer.accept': {
        const offer = this.#pendingOffers.get(command.offerId);
        if (!offer) throw notFound(`No offer "${command.offerId}" is pending (unknown, taken or withdrawn).`);
        this.#pendingOffers.delete(offer.id);
        const sim = this.#sim(offer.conversationId);
        sim.offerId = undefined;
        sim.conversation = { ...sim.conversation, state: 'active', acceptedAt: this.#now() };
        this.#emit({ type: 'conversation.updated', conversation: sim.conversation, cursor: '' });
        this.#startScript(sim);
        return { conversation: sim.conversation };
      }
      case 'offer.reject': {
        const offer = this.#pendingOffers.get(command.offerId);
        if (!offer) throw notFound(`No offer "${command.offerId}" is pending.`);
        this.#pendingOffers.delete(offer.id);
        const sim = this.#conversations.get(offer.conversationId);
        if (sim) sim.offerId = undefined;
        return { ok: true };
      }
      case 'message.send':
        return this.#send(command);
      case 'typing.set': {
        const sim = this.#sim(command.conversationId);
        if (!this.capabilities.typing) {
          throw new TransportError('unavailable', 'Typing indicators are not forwarded.', { retryable: false });
        }
        sim.agentTyping = command.on;
        return { ok: true };
      }
      case 'conversation.transition': {
        const sim = this.#sim(command.conversationId);
        const from = sim.conversation.state;
        const wrapUp = this.#checkWrapUp(command);
        // The desk checks transitions before sending; a backend may still refuse one (another tab moved it).
        if (!canTransition(from, command.to)) {
          throw new TransportError('conflict', `A conversation cannot go from "${from}" to "${command.to}".`, {
            retryable: false,
          });
        }
        sim.conversation = {
          ...sim.conversation,
          state: command.to,
          ...(command.to === 'active' && sim.conversation.acceptedAt === undefined ? { acceptedAt: this.#now() } : {}),
          // Closing ends the conversation only: linked records, and a linked case's status, stay as they are.
          ...(command.to === 'closed' ? { closedAt: this.#now() } : {}),
        };
        if (command.to !== 'active' && command.to !== 'waiting') this.#clearReplyTimers(sim);
        // Released: the conversation waits in the queue again, and is no longer this agent's.
        if (command.to === 'open') sim.queued = true;
        if (wrapUp) this.#wrapUps.push(wrapUp);
        this.#emit({ type: 'conversation.updated', conversation: sim.conversation, cursor: '' });
        return { conversation: sim.conversation };
      }
      case 'conversation.transfer':
        return this.#transfer(command);
      case 'queue.list': {
        this.#requireQueue();
        const limit = command.limit ?? 50;
        if (!Number.isInteger(limit) || limit < 1) throw invalid(`limit must be a whole number ≥ 1, got ${String(limit)}.`);
        return { items: this.queue.slice(0, Math.min(limit, 200)) };
      }
      case 'queue.pick': {
        this.#requireQueue();
        const sim = this.#conversations.get(command.conversationId);
        if (!sim?.queued) throw notFound(`"${command.conversationId}" is not waiting in the queue (unknown or taken).`);
        sim.queued = false;
        sim.conversation = { ...sim.conversation, state: 'active', acceptedAt: this.#now() };
        this.#emit({ type: 'conversation.updated', conversation: sim.conversation, cursor: '' });
        // Its messages were never sent to this agent: they arrive with the conversation.
        for (const message of newest(sim.messages, SNAPSHOT_MESSAGES)) this.#emit({ type: 'message.received', message, cursor: '' });
        this.#startScript(sim);
        return { conversation: sim.conversation };
      }
      case 'presence.set':
        this.#presence = command.presence;
        return { presence: command.presence };
      case 'records.search':
        this.#requireCapability('records');
        if (typeof command.query !== 'string') throw invalid('The query must be text.');
        return {
          records: this.#crm.search(command.query, {
            ...(command.kinds ? { kinds: command.kinds } : {}),
            ...(command.customerId !== undefined ? { customerId: command.customerId } : {}),
            limit: Math.min(command.limit ?? 20, 200),
          }),
        };
      case 'records.create': {
        this.#requireCapability('records');
        const owner = command.conversationId === undefined ? undefined : this.#anyConversation(command.conversationId).customer;
        return { record: this.#crm.create(command.record, command.clientId, owner) };
      }
      case 'records.link': {
        this.#requireCapability('records');
        const sim = this.#sim(command.conversationId);
        const record = this.#crm.resolve(command.record);
        const links: ConversationLinks = { ...sim.conversation.links };
        if (record.kind === 'case') links.case = { kind: 'case', id: record.id, title: record.title };
        else links.customer = { kind: record.kind, id: record.id, title: record.title };
        return { conversation: this.#setLinks(sim, links) };
      }
      case 'records.unlink': {
        this.#requireCapability('records');
        const sim = this.#sim(command.conversationId);
        if (command.slot !== 'customer' && command.slot !== 'case') throw invalid(`Unknown link slot "${String(command.slot)}".`);
        if (!sim.conversation.links?.[command.slot]) return { conversation: sim.conversation };
        const links: ConversationLinks = { ...sim.conversation.links };
        // Only the link goes: the record stays in the CRM.
        delete links[command.slot];
        return { conversation: this.#setLinks(sim, links) };
      }
      case 'notes.list':
        this.#requireCapability('notes');
        return { notes: this.#crm.notes(command.target) };
      case 'notes.add':
        this.#requireCapability('notes');
        return {
          note: this.#crm.addNote({
            target: command.target,
            text: command.text,
            clientId: command.clientId,
            author: this.#agent?.name ?? this.#agent?.id ?? 'Agent',
            ...(command.conversationId !== undefined ? { conversationId: command.conversationId } : {}),
          }),
        };
      case 'transcripts.search': {
        this.#requireCapability('search');
        if (typeof command.query !== 'string') throw invalid('The query must be text.');
        const live = [...this.#conversations.values()].map((sim) => ({ conversation: sim.conversation, messages: sim.messages }));
        return {
          hits: searchTranscripts([...this.#crm.pastConversations(), ...live], command.query, command.filters ?? {}, Math.min(command.limit ?? 50, 500)),
        };
      }
      case 'transcripts.get': {
        this.#requireCapability('search');
        const sim = this.#conversations.get(command.conversationId);
        if (sim) return { conversation: sim.conversation, messages: [...sim.messages] };
        const past = this.#crm.pastConversation(command.conversationId);
        if (!past) throw notFound(`No conversation "${command.conversationId}".`);
        return { conversation: past.conversation, messages: [...past.messages] };
      }
      default: {
        const unknown: { type?: unknown } = command;
        throw new TransportError('invalid', `Unknown command "${String(unknown.type)}".`, { retryable: false });
      }
    }
  }

  #transfer(command: TransferCommand): CommandResults['conversation.transfer'] {
    const allowed = this.capabilities.transfer;
    if (!allowed) throw new TransportError('unavailable', 'This backend does not transfer conversations.', { retryable: false });
    const sim = this.#sim(command.conversationId);
    const to = command.to as { queue?: unknown; agentId?: unknown } | undefined;
    if (typeof to?.queue === 'string') {
      if (allowed.queues && !allowed.queues.includes(to.queue)) throw invalid(`Conversations cannot be transferred to the queue "${to.queue}".`);
    } else if (typeof to?.agentId === 'string' && to.agentId.trim()) {
      if (!allowed.agents) throw invalid('Conversations cannot be transferred to an agent.');
    } else {
      throw invalid('A transfer needs a queue or an agent id.');
    }
    const from = sim.conversation.state;
    if (from !== 'active' || sim.queued) {
      throw new TransportError('conflict', `Only an active conversation can be transferred; this one is "${from}".`, { retryable: false });
    }
    sim.conversation = { ...sim.conversation, state: 'open', ...(typeof to.queue === 'string' ? { queue: to.queue } : {}) };
    this.#clearReplyTimers(sim);
    // Into a queue: it waits there again. To an agent: it is theirs now, and gone from this desk.
    sim.queued = typeof to.queue === 'string';
    this.#transfers.push({ conversationId: command.conversationId, to: structuredClone(command.to) });
    this.#emit({ type: 'conversation.updated', conversation: sim.conversation, cursor: '' });
    return { conversation: sim.conversation };
  }

  /** A wrap-up goes only with the move to Closed: a code and a note, as text. */
  #checkWrapUp(command: TransitionCommand): RecordedWrapUp | undefined {
    const wrapUp = command.wrapUp as { disposition?: unknown; note?: unknown } | undefined;
    if (wrapUp === undefined) return undefined;
    if (command.to !== 'closed') throw invalid('A wrap-up goes only with the move to "closed".');
    if (typeof wrapUp !== 'object' || wrapUp === null) throw invalid('wrapUp must be an object.');
    const { disposition, note } = wrapUp;
    if (disposition !== undefined && typeof disposition !== 'string') throw invalid('wrapUp.disposition must be text.');
    if (note !== undefined && typeof note !== 'string') throw invalid('wrapUp.note must be text.');
    return {
      conversationId: command.conversationId,
      ...(disposition !== undefined ? { disposition } : {}),
      ...(note !== undefined ? { note } : {}),
    };
  }

  #requireQueue(): void {
    if (!this.capabilities.queue) throw new TransportError('unavailable', 'This backend has no queue to pick from.', { retryable: false });
  }

  #send(command: SendMessageCommand): CommandResults['message.send'] {
    if (this.failNextSends > 0) {
      this.failNextSends--;
      throw new TransportError('network', 'Simulated network failure.', { retryable: true });
    }
    if (this.failureRate > 0 && this.#network.chance(this.failureRate)) {
      throw new TransportError('network', 'Simulated flaky network.', { retryable: true });
    }
    const sim = this.#sim(command.conversationId);
    const prior = this.#sent.get(command.clientId);
    if (prior) {
      if (prior.conversationId !== command.conversationId) {
        throw new TransportError('conflict', `Client id "${command.clientId}" was used in another conversation.`, {
          retryable: false,
        });
      }
      return { messageId: prior.messageId, at: prior.at };
    }
    const text = command.text;
    const attachments = command.attachments ?? [];
    if (!text?.trim() && attachments.length === 0) {
      throw new TransportError('invalid', 'There is nothing to send.', { retryable: false });
    }
    if (text !== undefined && text.length > MAX_TEXT_LENGTH) {
      throw new TransportError('invalid', `Messenger takes at most ${MAX_TEXT_LENGTH} characters.`, { retryable: false });
    }
    if (sim.conversation.state === 'closed') {
      throw new TransportError('invalid', 'The conversation is closed.', { retryable: false });
    }
    const now = this.#now();
    if (!replyWindow(sim.conversation, now).open) {
      const days = sim.conversation.humanAgent ? '7 days' : '24 hours';
      throw new TransportError('window-closed', `The customer's last message is more than ${days} old.`, {
        retryable: false,
      });
    }
    const automated = command.automated === true;
    const message: Message = {
      id: `${this.#idPrefix}m-${++this.#messageSeq}`,
      clientId: command.clientId,
      conversationId: command.conversationId,
      // The privacy notice: the customer sees it once (its client id is fixed), as a notice, not a reply.
      author: automated ? 'system' : 'agent',
      kind: automated ? 'system' : attachments.length > 0 && !text?.trim() ? 'attachment' : 'text',
      at: now,
      status: 'sent',
      ...(text !== undefined ? { text } : {}),
      ...(attachments.length > 0 ? { attachments: [...attachments] } : {}),
      ...(command.replyTo ? { replyTo: command.replyTo } : {}),
    };
    this.#sent.set(command.clientId, { conversationId: command.conversationId, messageId: message.id, at: now });
    this.#sentMessages.push(message);
    sim.messages.push(message);
    sim.undelivered.push(message);
    if (automated) return { messageId: message.id, at: now };
    sim.agentTyping = false;
    this.#scheduleReply(sim);
    return { messageId: message.id, at: now };
  }

  // ---- internals ----

  #sim(conversationId: string): SimConversation {
    const sim = this.#conversations.get(conversationId);
    if (!sim) throw notFound(`No conversation "${conversationId}".`);
    return sim;
  }

  /** A live or past conversation. */
  #anyConversation(conversationId: string): Conversation {
    const conversation = this.#conversations.get(conversationId)?.conversation ?? this.#crm.pastConversation(conversationId)?.conversation;
    if (!conversation) throw notFound(`No conversation "${conversationId}".`);
    return conversation;
  }

  /** Knowledge articles (F9): the knowledge base loads on the first knowledge command. */
  async #knowledge(command: SearchKnowledgeCommand | GetArticleCommand): Promise<CommandResults['knowledge.search' | 'knowledge.get']> {
    this.#requireCapability('knowledge');
    const { searchArticles, getArticle } = await import('./knowledge.js');
    if (command.type === 'knowledge.get') {
      if (typeof command.articleId !== 'string') throw invalid('The article id must be text.');
      return { article: getArticle(command.articleId) };
    }
    if (typeof command.query !== 'string') throw invalid('The query must be text.');
    const limit = Math.min(command.limit ?? 20, 100);
    return { articles: searchArticles(command.query, { ...(command.locale ? { locale: command.locale } : {}), limit }) };
  }

  /** Quick replies (F15): the list loads on the first request. */
  async #quickReplies(): Promise<CommandResults['quickReplies.list']> {
    this.#requireCapability('quickReplies');
    const { QUICK_REPLIES } = await import('./quick-replies.js');
    return { replies: QUICK_REPLIES.map((r) => ({ ...r })) };
  }

  /** Smart assist and agent scripts (F15), each behind its capability (off by default); their code loads on first use. */
  async #assist(command: Command & { type: 'assist.suggest' | 'scripts.list' }): Promise<CommandResults['assist.suggest' | 'scripts.list']> {
    if (command.type === 'scripts.list') {
      this.#requireCapability('scripts');
      const { AGENT_SCRIPTS } = await import('./agent-scripts.js');
      return { scripts: structuredClone([...AGENT_SCRIPTS]) };
    }
    this.#requireCapability('assist');
    const sim = this.#conversations.get(command.conversationId);
    if (!sim) throw notFound(`No conversation "${command.conversationId}".`);
    const live = [...this.#conversations.values()].map((s) => ({ conversation: s.conversation, messages: s.messages }));
    const { suggest } = await import('./assist.js');
    return suggest(sim.conversation, sim.messages, [...this.#crm.pastConversations(), ...live]);
  }

  #requireCapability(capability: 'records' | 'notes' | 'search' | 'knowledge' | 'quickReplies' | 'assist' | 'scripts'): void {
    if (!this.capabilities[capability]) {
      throw new TransportError('unavailable', `This backend does not support ${capability}.`, { retryable: false });
    }
  }

  #setLinks(sim: SimConversation, links: ConversationLinks): Conversation {
    sim.conversation = { ...sim.conversation, links };
    // A conversation still on offer is not the agent's yet: it arrives with accept.
    if (sim.offerId === undefined) this.#emit({ type: 'conversation.updated', conversation: sim.conversation, cursor: '' });
    return sim.conversation;
  }

  #messageIndex(sim: SimConversation, messageId: string): number {
    for (let i = sim.messages.length - 1; i >= 0; i--) {
      if (sim.messages[i]!.id === messageId) return i;
    }
    throw notFound(`No message "${messageId}" in "${sim.conversation.id}".`);
  }

  #requireConnected(): void {
    if (!this.#connected) {
      throw new TransportError('network', 'The simulated transport is not connected.', { retryable: true });
    }
  }

  #parseCursor(cursor: string): number {
    if (!/^\d+$/.test(cursor)) {
      throw new TransportError('invalid', `"${cursor}" is not a cursor of this transport.`, { retryable: false });
    }
    return Math.min(Number(cursor), this.#log.length);
  }

  /** Draws a scripted customer and creates its conversation (state open). Emits nothing. */
  #newCustomer(input: OfferInput): { offer: Offer; sim: SimConversation } {
    const random = this.#random;
    // Draw every random value first so overrides do not shift the sequence.
    const drawn: ScriptLocale = random.chance(0.6) ? 'pl' : 'en';
    const language = input.locale ?? localeOf(input.customer?.locale) ?? drawn;
    const scenario = random.pick(scenariosFor(language));
    const n = ++this.#offerSeq;
    const generated = scriptedCustomer(random, language, n);
    const waited = random.int(5, 95) * 1000;
    const others = random.chance(0.35) ? this.#otherConversations(n, scenario) : undefined;

    const conversationId = input.conversationId ?? `${this.#idPrefix}conv-${n}`;
    if (this.#conversations.has(conversationId)) {
      throw new TransportError('conflict', `Conversation "${conversationId}" already exists.`, { retryable: false });
    }
    const id = input.id ?? `${this.#idPrefix}offer-${n}`;
    if (this.#pendingOffers.has(id)) {
      throw new TransportError('conflict', `Offer "${id}" already exists.`, { retryable: false });
    }
    const otherConversations = input.otherConversations ?? others;
    const customer: Customer = { ...generated, ...input.customer };
    const offer: Offer = {
      id,
      conversationId,
      customer,
      channel: 'facebook',
      queue: input.queue ?? scenario.queue,
      requestedAt: input.requestedAt ?? this.#now() - waited,
      firstMessage: input.firstMessage ?? scenario.first,
      ...(input.expiresAt !== undefined ? { expiresAt: input.expiresAt } : {}),
      ...(otherConversations ? { otherConversations } : {}),
    };
    const seeded = this.#crm.conversationDetails(customer, scenario, String(n));
    const details: ConversationDetails = {
      visitor: input.visitor ?? seeded.visitor,
      ...((input.preChat ?? seeded.preChat) ? { preChat: input.preChat ?? seeded.preChat } : {}),
      ...((input.links ?? seeded.links) ? { links: input.links ?? seeded.links } : {}),
    };
    return { offer, sim: this.#createConversation(offer, scenario, details) };
  }

  #createConversation(offer: Offer, scenario: Scenario, details: ConversationDetails): SimConversation {
    const first: Message = {
      id: `${this.#idPrefix}m-${++this.#messageSeq}`,
      conversationId: offer.conversationId,
      author: 'customer',
      kind: 'text',
      text: offer.firstMessage,
      at: offer.requestedAt,
    };
    const conversation: Conversation = {
      id: offer.conversationId,
      customer: offer.customer,
      channel: 'facebook',
      queue: offer.queue,
      state: 'open',
      skills: [...scenario.skills],
      requestedAt: offer.requestedAt,
      lastCustomerMessageAt: first.at,
      ...(this.capabilities.humanAgent ? { humanAgent: true } : {}),
      ...(details.links ? { links: details.links } : {}),
      ...(details.preChat ? { preChat: details.preChat } : {}),
      visitor: details.visitor,
    };
    const sim: SimConversation = {
      conversation,
      scenario,
      messages: [first],
      undelivered: [],
      offerId: undefined,
      firstMessageId: first.id,
      repliesSent: 0,
      agentTyping: false,
      queued: false,
      scriptStarted: false,
      replyTimers: [],
    };
    this.#conversations.set(conversation.id, sim);
    return sim;
  }

  #otherConversations(n: number, scenario: Scenario): ConversationSummary[] {
    const count = this.#random.int(1, 2);
    const out: ConversationSummary[] = [];
    for (let i = 1; i <= count; i++) {
      out.push({
        id: `conv-${n}-other-${i}`,
        channel: 'facebook',
        queue: i === 1 ? scenario.queue : this.#random.pick(scenariosFor(scenario.locale)).queue,
        state: this.#random.pick(OTHER_CONVERSATION_STATES),
        startedAt: this.#now() - this.#random.int(10, 60 * 24 * 3) * 60_000,
      });
    }
    return out;
  }

  /** With `reportsSentiment`: reads the customer's newest six texts and reports the level (after the analyzer loads). */
  #analyzeSentiment(sim: SimConversation): void {
    if (!this.#reportsSentiment) return;
    this.#analyzer ??= import('../../sentiment/index.js').then((m) => m.createLexiconAnalyzer());
    void this.#analyzer.then((analyzer) => {
      if (!this.#connected || this.#conversations.get(sim.conversation.id) !== sim) return;
      const texts = sim.messages.filter((m) => m.author === 'customer' && m.text?.trim()).map((m) => m.text!);
      this.reportSentiment(sim.conversation.id, analyzer.analyze(texts.slice(-6)));
    });
  }

  #customerMessage(
    sim: SimConversation,
    body: Pick<Message, 'kind'> & Partial<Pick<Message, 'text' | 'attachments'>>,
    opts: CustomerMessageOptions,
  ): Message {
    const at = opts.at ?? this.#now();
    const message: Message = {
      id: `${this.#idPrefix}m-${++this.#messageSeq}`,
      conversationId: sim.conversation.id,
      author: 'customer',
      at,
      ...body,
      ...(opts.replyTo !== undefined ? { replyTo: opts.replyTo } : {}),
    };
    sim.messages.push(message);
    this.#emit({ type: 'message.received', message, cursor: '' });
    if (body.text) this.#analyzeSentiment(sim);
    if ((sim.conversation.lastCustomerMessageAt ?? -Infinity) < at) {
      sim.conversation = { ...sim.conversation, lastCustomerMessageAt: at };
      // A conversation still on offer is not the agent's yet: it arrives with accept.
      if (sim.offerId === undefined) {
        this.#emit({ type: 'conversation.updated', conversation: sim.conversation, cursor: '' });
      }
    }
    return message;
  }

  #setAgentStatus(sim: SimConversation, messageId: string, status: MessageStatus): void {
    const rank: Record<MessageStatus, number> = { failed: -1, sending: 0, sent: 1, delivered: 2, read: 3 };
    for (let i = sim.messages.length - 1; i >= 0; i--) {
      const m = sim.messages[i]!;
      if (m.id !== messageId) continue;
      if (rank[status] > rank[m.status ?? 'sent']) sim.messages[i] = { ...m, status };
      return;
    }
  }

  /** URL of the sample PDF: a blob: URL created on first use (never at import), else a data: URL. */
  #samplePdfUrl(): string {
    if (this.#pdfUrl) return this.#pdfUrl;
    const dataUrl = `data:application/pdf;base64,${SAMPLE_PDF_BASE64}`;
    if (typeof URL.createObjectURL !== 'function' || typeof Blob === 'undefined' || typeof atob !== 'function') {
      return dataUrl;
    }
    const binary = atob(SAMPLE_PDF_BASE64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    this.#pdfUrl = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
    return this.#pdfUrl;
  }

  /** Stamps the cursor, logs, and dispatches when connected. Returns the stamped event. */
  #emit<E extends TransportEvent>(event: E): E {
    event.cursor = cursorOf(this.#log.length + 1);
    this.#log.push(event);
    if (this.#connected && !this.#replaying) this.#replay(this.#dispatched);
    return event;
  }

  /** Dispatches every logged event from index `from` on, including ones emitted meanwhile. */
  #replay(from: number): void {
    this.#replaying = true;
    try {
      for (let i = from; i < this.#log.length && this.#connected; i++) {
        const event = this.#log[i]!;
        for (const listener of [...this.#listeners]) this.#call(listener, event);
      }
    } finally {
      this.#replaying = false;
      this.#dispatched = Math.max(this.#dispatched, this.#log.length);
    }
  }

  /**
   * Dispatches the snapshot of a cursor-less connect: pending offers, the agent's conversations
   * that are not closed (accepted or started as theirs), and the newest messages of both (the live
   * stream sends an offered conversation's messages too). Its cursor is the latest one logged.
   */
  #sendSnapshot(): void {
    const conversations: Conversation[] = [];
    const messages: Message[] = [];
    for (const sim of this.#conversations.values()) {
      // Released or transferred (open) is no longer the agent's.
      const mine = sim.conversation.acceptedAt !== undefined && sim.conversation.state !== 'closed' && sim.conversation.state !== 'open';
      if (mine) conversations.push(sim.conversation);
      if (mine || sim.offerId !== undefined) messages.push(...newest(sim.messages, SNAPSHOT_MESSAGES));
    }
    const snapshot: SnapshotEvent = {
      type: 'snapshot',
      cursor: cursorOf(this.#log.length),
      offers: [...this.#pendingOffers.values()],
      conversations,
      messages,
    };
    // Whatever a listener emits meanwhile is logged and follows the snapshot, never the backlog before it.
    this.#dispatched = this.#log.length;
    this.#replaying = true;
    try {
      for (const listener of [...this.#listeners]) this.#call(listener, snapshot);
    } finally {
      this.#replaying = false;
    }
  }

  #call(listener: (event: TransportEvent) => void, event: TransportEvent): void {
    try {
      listener(event);
    } catch (error) {
      // A failing listener must not break the others or the simulator; surface it.
      queueMicrotask(() => {
        throw error;
      });
    }
  }

  // ---- autoplay ----

  #later(ms: number, run: () => void): Timer {
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      if (this.#connected) run();
    }, Math.max(0, ms));
    this.#timers.add(timer);
    return timer;
  }

  #stopTimers(): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    this.#offerTimer = undefined;
    // Scripts do not resume after a reconnect; pending replies are dropped.
    for (const sim of this.#conversations.values()) sim.replyTimers = [];
  }

  #startAutoplay(): void {
    const autoplay = this.#autoplay;
    if (!autoplay) return;
    const first = autoplay.firstOfferAfter ?? this.#random.int(1500, 2800);
    const tick = (): void => {
      const presence = this.#presence;
      if (this.#pendingOffers.size < MAX_PENDING_AUTOPLAY_OFFERS && (presence === 'available' || presence === 'busy')) {
        this.offer();
      }
      this.#offerTimer = this.#later(autoplay.offerEvery, tick);
    };
    if (this.#offerTimer === undefined) this.#offerTimer = this.#later(first, tick);
  }

  /** The scripted sequence of an accepted conversation: typing, text, then every kind of content. */
  #startScript(sim: SimConversation): void {
    const autoplay = this.#autoplay;
    if (!autoplay || sim.scriptStarted) return;
    sim.scriptStarted = true;
    const id = sim.conversation.id;
    const live = (): boolean => sim.conversation.state === 'active' || sim.conversation.state === 'waiting';
    const steps: [number, () => void][] = [
      [1500, () => this.customerTyping(id, true)],
      [4000, () => this.customerSays(id, sim.scenario.followUp)],
      [14000, () => this.customerSendsImage(id)],
      [22000, () => this.customerSendsFile(id)],
      [30000, () => this.customerSendsSticker(id)],
      [38000, () => this.customerSendsUnsupported(id)],
      [
        46000,
        () => {
          const last = [...sim.messages].reverse().find((m) => m.author === 'agent');
          if (last) this.customerReacts(id, last.id, this.#random.pick(REACTIONS));
        },
      ],
      [54000, () => this.customerEdits(id, sim.firstMessageId, sim.scenario.firstEdited)],
    ];
    if (autoplay.angryEvery > 0 && ++this.#scriptSeq % autoplay.angryEvery === 0) {
      steps.push(...[8000, 10000, 12000].map((at, i): [number, () => void] => [at, () => this.customerSays(id, ANGRY_MESSAGES[sim.scenario.locale][i]!)]));
    }
    for (const [at, step] of steps) {
      this.#later(at * autoplay.pace, () => {
        if (live()) step();
      });
    }
  }

  /** After an agent message: delivered, read, the customer types and answers. */
  #scheduleReply(sim: SimConversation): void {
    const autoplay = this.#autoplay;
    if (!autoplay || !this.#connected) return;
    const id = sim.conversation.id;
    const pace = autoplay.pace;
    this.#later(600 * pace, () => {
      if (this.#conversations.get(id) === sim) this.deliver(id);
    });
    this.#later(1800 * pace, () => {
      if (this.#conversations.get(id) === sim) this.read(id);
    });
    this.#clearReplyTimers(sim);
    const live = (): boolean => sim.conversation.state === 'active' || sim.conversation.state === 'waiting';
    const typingAt = 2400 * pace;
    const replyAt = typingAt + this.#random.int(1500, 3500) * pace;
    sim.replyTimers = [
      this.#later(typingAt, () => {
        if (live()) this.customerTyping(id, true);
      }),
      this.#later(replyAt, () => {
        sim.replyTimers = [];
        if (!live()) return;
        const replies = sim.scenario.replies;
        this.customerSays(id, replies[sim.repliesSent++ % replies.length]!);
      }),
    ];
  }

  #clearReplyTimers(sim: SimConversation): void {
    for (const timer of sim.replyTimers) {
      clearTimeout(timer);
      this.#timers.delete(timer);
    }
    sim.replyTimers = [];
  }
}

function queuedItem(sim: SimConversation): QueuedItem {
  const { conversation } = sim;
  const last = [...sim.messages].reverse().find((m) => m.author === 'customer' && m.text !== undefined);
  return {
    conversationId: conversation.id,
    customer: conversation.customer,
    channel: conversation.channel,
    queue: conversation.queue,
    requestedAt: conversation.requestedAt,
    ...(last?.text !== undefined ? { lastMessage: last.text } : {}),
  };
}

function localeOf(locale: string | undefined): ScriptLocale | undefined {
  if (!locale) return undefined;
  if (locale.toLowerCase().startsWith('pl')) return 'pl';
  if (locale.toLowerCase().startsWith('en')) return 'en';
  return undefined;
}
