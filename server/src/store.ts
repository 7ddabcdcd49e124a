import type { BasePresence, Conversation, Message, Offer } from '../../src/core/model.js';
import type { TransportEvent } from '../../src/core/transport.js';

/** A stream event before the log gave it its cursor. */
export type UnstampedEvent = TransportEvent extends infer E ? (E extends TransportEvent ? Omit<E, 'cursor'> : never) : never;

/** An event in an agent's log; its cursor is its id. */
export interface LoggedEvent {
  cursor: string;
  agentId: string;
  event: TransportEvent;
}

export interface ConversationRecord {
  conversation: Conversation;
  /** The customer's page-scoped id. */
  psid: string;
  /** The agent working on it (accepted or picked); absent while it waits or is offered. */
  agentId?: string;
  /** Never offered on its own: it waits in the queue until an agent picks it. */
  held?: boolean;
  /** Agents that rejected or missed its offer; it is not offered to them again. */
  passedBy: string[];
}

export type OfferState = 'pending' | 'accepted' | 'rejected' | 'withdrawn' | 'timeout';

export interface OfferRecord {
  offer: Offer;
  agentId: string;
  state: OfferState;
  /** Epoch ms at which a pending offer times out. */
  expiresAt: number;
}

export interface AgentRecord {
  id: string;
  name?: string;
  presence: BasePresence;
}

/** A message the Send API took: the answer to every retry of the same client id. */
export interface SentRecord {
  clientId: string;
  agentId: string;
  conversationId: string;
  messageId: string;
  at: number;
}

/** An uploaded file, kept under the data directory (or in memory) and served at /files/{id}. */
export interface FileRecord {
  id: string;
  clientId: string;
  agentId: string;
  conversationId: string;
  name: string;
  mimeType: string;
  size: number;
}

/**
 * Everything the bridge keeps. The methods are asynchronous so that a networked store (Redis)
 * implements it too. The bridge serialises its own writes (across processes through `shared`);
 * `claimKey`, `createOffer`, `settleOffer` and `leaseSend` are atomic in the store itself.
 */
export interface BridgeStore {
  getConversation(id: string): Promise<ConversationRecord | undefined>;
  /** The customer's conversation that is not closed, if any. */
  openConversationOf(psid: string): Promise<ConversationRecord | undefined>;
  /** The agent's conversations that are not closed. */
  conversationsOf(agentId: string): Promise<ConversationRecord[]>;
  /** Open conversations that no agent has (waiting in the queue or offered), oldest first. */
  unassignedConversations(): Promise<ConversationRecord[]>;
  putConversation(record: ConversationRecord): Promise<void>;

  getMessage(id: string): Promise<Message | undefined>;
  putMessage(message: Message): Promise<void>;
  /** The newest `limit` messages of a conversation, oldest first. */
  messagesOf(conversationId: string, limit: number): Promise<Message[]>;

  /** Appends to the agent's log; the returned cursor is greater than every cursor before it. */
  appendEvent(agentId: string, event: UnstampedEvent): Promise<LoggedEvent>;
  /** The agent's events after `cursor` (all of them without one), in order; at most `limit` when given. */
  eventsAfter(agentId: string, cursor: string | undefined, limit?: number): Promise<LoggedEvent[]>;
  /** The newest cursor of the agent's log (a zero cursor when it is empty): a snapshot's cursor. */
  headCursor(agentId: string): Promise<string>;
  /** Whether a replay after `cursor` would be complete: a cursor this store handed out, whose later events are all still kept. */
  acceptsCursor(agentId: string, cursor: string): Promise<boolean>;

  /** Records a deduplication key (a webhook `mid`…), atomically; false when it was already there. */
  claimKey(key: string): Promise<boolean>;
  getSent(clientId: string): Promise<SentRecord | undefined>;
  putSent(record: SentRecord): Promise<void>;
  /** The Send API message ids of the parts of a multi-part send already taken, in order. */
  sentParts(clientId: string): Promise<string[]>;
  addSentPart(clientId: string, messageId: string): Promise<void>;
  /**
   * Takes (or renews, for the same `owner`) the right to make the Send API calls of `clientId` for
   * `ms`; false while another owner holds it. A crashed holder's lease runs out.
   */
  leaseSend(clientId: string, owner: string, ms: number): Promise<boolean>;
  releaseSend(clientId: string, owner: string): Promise<void>;

  getOffer(id: string): Promise<OfferRecord | undefined>;
  putOffer(record: OfferRecord): Promise<void>;
  /**
   * Stores a new pending offer, atomically, unless its conversation has an agent or another pending
   * offer already (`taken`), or the agent's load has reached `capacity` (`full`): one conversation, one
   * offer, no agent over capacity, however many bridges route at once.
   */
  createOffer(record: OfferRecord, capacity: number): Promise<'created' | 'taken' | 'full'>;
  /**
   * Moves a pending offer to `next.state` (and stores `conversation` with it, for an accept) in one
   * atomic step; false when the stored offer is no longer pending or not `next.agentId`'s — of two
   * bridges settling one offer, one wins.
   */
  settleOffer(next: OfferRecord, conversation?: ConversationRecord): Promise<boolean>;
  pendingOffers(agentId?: string): Promise<OfferRecord[]>;

  /** Each agent's load: conversations active or in wrap-up plus offers pending (routing reads it for every agent). */
  loads(agentIds: string[]): Promise<number[]>;
  getAgent(id: string): Promise<AgentRecord | undefined>;
  putAgent(record: AgentRecord): Promise<void>;
  agents(): Promise<AgentRecord[]>;

  getFile(id: string): Promise<FileRecord | undefined>;
  fileByClientId(clientId: string): Promise<FileRecord | undefined>;
  putFile(record: FileRecord, bytes: Buffer): Promise<void>;
  readFile(id: string): Promise<Buffer | undefined>;

  /**
   * Several bridges share this store: `exclusive` runs `fn` while no other bridge runs one of the
   * same scope (a lease-based lock), `watch` hears of every append to any agent's log (any bridge's), and
   * `onReconnect` of a connection that came back (appends may have been missed meanwhile).
   * Absent on a store of one process.
   */
  shared?: {
    exclusive<T>(scope: string, fn: () => Promise<T>): Promise<T>;
    watch(listener: (agentId: string) => void): void;
    onReconnect(listener: () => void): void;
  };

  close(): Promise<void>;
  /** Drops the connections at once, as a crash would (tests). */
  crash?(): void;
}

/** Cursors are fixed-width decimal counters, so `compareCursors` (and plain text order) sorts them. */
export const CURSOR_WIDTH = 12;
export const formatCursor = (n: number): string => String(n).padStart(CURSOR_WIDTH, '0');
