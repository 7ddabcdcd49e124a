import { randomUUID } from 'node:crypto';
import { canTransition, usesCapacity } from '../../src/core/conversation-state.js';
import type { AttachmentRef, BasePresence, Conversation, Message, Offer } from '../../src/core/model.js';
import {
  TransportError,
  type Capabilities,
  type Command,
  type CommandResults,
  type QueuedItem,
  type SendMessageCommand,
  type SnapshotEvent,
} from '../../src/core/transport.js';
import type { BridgeConfig } from './config.js';
import type { GraphClient, SendPayload } from './graph.js';
import type { BridgeStore, ConversationRecord, FileRecord, OfferRecord, UnstampedEvent } from './store.js';
import type { Content, Inbound } from './webhook.js';

const DAY = 24 * 60 * 60 * 1000;
/** Messenger's longest text message. */
const MAX_TEXT = 2000;
/** Marks the bridge's own sends: Meta hands `metadata` back in the echo. */
const METADATA_PREFIX = 'ccb:';
const PRESENCES: readonly BasePresence[] = ['available', 'busy', 'busy-dnd', 'away', 'offline', 'inactive'];
const SUPPORTED = new Set<Command['type']>([
  'offer.accept',
  'offer.reject',
  'message.send',
  'typing.set',
  'conversation.transition',
  'presence.set',
  'queue.list',
  'queue.pick',
]);

const notFound = (what: string) => new TransportError('not-found', what, { retryable: false });
const invalid = (what: string) => new TransportError('invalid', what, { retryable: false });
const conflict = (what: string) => new TransportError('conflict', what, { retryable: false });

function preview(content: Content): string {
  if (content.text) return content.text.slice(0, 200);
  if (content.kind === 'sticker') return '(sticker)';
  if (content.kind === 'attachment') return `(${content.attachments?.[0]?.kind ?? 'file'})`;
  return '(message)';
}

/** The agent's sending rule for a conversation: how the Send API call is tagged, or why it may not be made. */
export function replyRule(lastCustomerMessageAt: number | undefined, now: number, humanAgent: boolean): Pick<SendPayload, 'messaging_type' | 'tag'> | TransportError {
  const age = lastCustomerMessageAt === undefined ? Infinity : now - lastCustomerMessageAt;
  if (age <= DAY) return { messaging_type: 'RESPONSE' };
  if (humanAgent && age <= 7 * DAY) return { messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' };
  return new TransportError('window-closed', `The customer's last message is more than ${humanAgent ? '7 days' : '24 hours'} old.`, { retryable: false });
}

/**
 * The bridge's domain: conversations, offers and routing, the agents' event logs, the commands.
 * Every change runs under one lock, in order; Send API calls run outside it.
 */
export class BridgeCore {
  readonly #config: BridgeConfig;
  readonly #store: BridgeStore;
  readonly #graph: GraphClient;
  readonly #listeners = new Set<(agentId: string) => void>();
  readonly #timers = new Map<string, NodeJS.Timeout>();
  readonly #inflight = new Map<string, Promise<CommandResults['message.send']>>();
  /** The sends of each conversation, one after the other (a retried one is not overtaken). */
  readonly #sendQueues = new Map<string, Promise<unknown>>();
  /** Names this process's send leases. */
  readonly #owner = `b-${randomUUID()}`;
  #sweeper: NodeJS.Timeout | undefined;
  readonly #lastOffered = new Map<string, number>();
  /** Profiles looked up for customers about to open a conversation. */
  readonly #profiles = new Map<string, { name?: string; avatarUrl?: string }>();
  #closed = false;

  constructor(config: BridgeConfig, store: BridgeStore, graph: GraphClient) {
    this.#config = config;
    this.#store = store;
    this.#graph = graph;
  }

  get capabilities(): Capabilities {
    return {
      reject: true,
      upload: true,
      typing: true,
      queue: true,
      humanAgent: this.#config.humanAgent,
      maxAttachmentBytes: this.#config.maxUploadBytes,
    };
  }

  /** Re-arms the timers of offers pending at the last stop and offers what waits. */
  async start(): Promise<void> {
    for (const offer of await this.#store.pendingOffers()) this.#arm(offer);
    await this.#routeAll();
    if (this.#store.shared) {
      // Another bridge may have died with offers armed: whichever bridge looks first expires them (once: settleOffer).
      this.#sweeper = setInterval(() => void this.#sweep(), this.#config.offerSweepMs);
      this.#sweeper.unref();
    }
  }

  async #sweep(): Promise<void> {
    try {
      const now = Date.now();
      for (const offer of await this.#store.pendingOffers()) {
        if (offer.expiresAt <= now && !this.#timers.has(offer.offer.id)) await this.#expireOffer(offer);
      }
    } catch (error) {
      this.#config.log.warn('[bridge] offer sweep failed:', error instanceof Error ? error.message : error);
    }
  }

  async stop(): Promise<void> {
    this.#closed = true;
    clearInterval(this.#sweeper);
    this.#graph.stop();
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
    await Promise.all(this.#chains.values());
  }

  /** Called with an agent id whenever that agent's log grew. */
  onAppend(listener: (agentId: string) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  get store(): BridgeStore {
    return this.#store;
  }

  /**
   * Runs `fn` after every change queued before it in its scope (one customer's conversations: `c:{psid}`,
   * one agent: `a:{id}`). One process runs every change in one order, whatever the scope. With a shared
   * store, changes of different scopes run side by side, and those of one scope also wait for the
   * other bridges (a lock per scope in the store); routing stays atomic through createOffer's check.
   * Never call it from inside a change: a scope does not nest.
   */
  #serial<T>(scope: string, fn: () => Promise<T>): Promise<T> {
    const shared = this.#store.shared;
    const key = shared ? scope : '';
    const task = shared ? () => shared.exclusive(scope, fn) : fn;
    const run = (this.#chains.get(key) ?? Promise.resolve()).then(task, task);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.#chains.set(key, settled);
    void settled.then(() => {
      if (this.#chains.get(key) === settled) this.#chains.delete(key);
    });
    return run;
  }

  readonly #chains = new Map<string, Promise<unknown>>();

  /** A change to one conversation (and so to its customer's scope). */
  async #inConversation<T>(conversationId: unknown, fn: () => Promise<T>, missing: () => Error): Promise<T> {
    const record = typeof conversationId === 'string' ? await this.#store.getConversation(conversationId) : undefined;
    if (!record) throw missing();
    return this.#serial(`c:${record.psid}`, fn);
  }

  /**
   * Steps that change no shared record (a send's own steps append to one agent's log and the client id's
   * lease keeps any other bridge off the same send; reads): with a shared store they take no lock.
   */
  #local<T>(fn: () => Promise<T>): Promise<T> {
    return this.#store.shared ? fn() : this.#serial('', fn);
  }

  async #emit(agentId: string, event: UnstampedEvent): Promise<void> {
    await this.#store.appendEvent(agentId, event);
    for (const listener of this.#listeners) listener(agentId);
  }

  /** Who sees a conversation's events: its agent, or the agent it is offered to. */
  async #audience(record: ConversationRecord): Promise<string[]> {
    if (record.agentId) return [record.agentId];
    const offers = await this.#store.pendingOffers();
    return offers.filter((o) => o.offer.conversationId === record.conversation.id).map((o) => o.agentId);
  }

  async #owned(agentId: string, conversationId: unknown): Promise<ConversationRecord> {
    const record = typeof conversationId === 'string' ? await this.#store.getConversation(conversationId) : undefined;
    if (!record || record.agentId !== agentId) throw notFound(`No conversation "${String(conversationId)}".`);
    return record;
  }

  // ---- agents ----

  /** A connection was accepted. A fresh page (no cursor) comes online as available. */
  async agentConnected(agentId: string, name: string | undefined, fresh: boolean): Promise<void> {
    const presence = await this.#serial(`a:${agentId}`, async () => {
      const known = await this.#store.getAgent(agentId);
      const presence = fresh || !known ? 'available' : known.presence;
      if (!known || known.presence !== presence || (name !== undefined && known.name !== name)) {
        await this.#store.putAgent({ id: agentId, presence, ...(name !== undefined ? { name } : known?.name ? { name: known.name } : {}) });
      }
      return presence;
    });
    if (presence === 'available') await this.#forgive(agentId);
    await this.#routeAll();
  }

  /** The snapshot for a connect without a cursor. */
  async snapshot(agentId: string): Promise<SnapshotEvent> {
    return this.#local(async () => {
      // The cursor first: what changes after it is replayed after the snapshot.
      const cursor = await this.#store.headCursor(agentId);
      const offers = await this.#store.pendingOffers(agentId);
      const conversations = await this.#store.conversationsOf(agentId);
      const messages: Message[] = [];
      const ids = [...conversations.map((r) => r.conversation.id), ...offers.map((o) => o.offer.conversationId)];
      for (const id of new Set(ids)) messages.push(...(await this.#store.messagesOf(id, this.#config.snapshotMessages)));
      return {
        type: 'snapshot',
        cursor,
        offers: offers.map((o) => o.offer),
        conversations: conversations.map((r) => r.conversation),
        messages,
      };
    });
  }

  // ---- webhooks ----

  /** Processes webhook items in order; each is applied once, however often Meta delivers it. */
  async inbound(items: readonly Inbound[]): Promise<void> {
    for (const item of items) {
      try {
        // A new customer's name is looked up before taking the lock, so a slow Graph API holds up no command.
        if ((item.type === 'message' || item.type === 'postback') && !this.#profiles.has(item.psid) && !(await this.#store.openConversationOf(item.psid))) {
          this.#profiles.set(item.psid, await this.#graph.profile(item.psid));
        }
        await this.#serial(`c:${item.psid}`, () => this.#inbound(item));
      } catch (error) {
        this.#config.log.error('[bridge] webhook item failed:', error);
      }
    }
  }

  async #inbound(item: Inbound): Promise<void> {
    if (this.#closed) return;
    const now = this.#config.now();
    switch (item.type) {
      case 'message': {
        if (!(await this.#store.claimKey(`mid:${item.mid}`))) return;
        await this.#customerMessage(item.psid, item.mid, item.content, now, item.replyTo);
        return;
      }
      case 'postback': {
        const key = item.mid ?? `${item.psid}:${item.at}:${item.payload ?? ''}`;
        if (!(await this.#store.claimKey(`postback:${key}`))) return;
        // The customer tapped a button: shown as their message, with the button's title (else its payload).
        const text = item.title ?? item.payload ?? '';
        const content: Content = text ? { kind: 'text', text } : { kind: 'unsupported' };
        await this.#customerMessage(item.psid, item.mid ?? `pb-${randomUUID()}`, content, now);
        return;
      }
      case 'echo': {
        if (item.metadata?.startsWith(METADATA_PREFIX)) return; // our own send: recorded from the Send API's answer
        if (await this.#store.getMessage(item.mid)) return;
        if (!(await this.#store.claimKey(`mid:${item.mid}`))) return;
        const record = await this.#store.openConversationOf(item.psid);
        if (!record) return; // the page wrote to someone with no conversation here: nothing to show it in
        const message: Message = {
          id: item.mid,
          conversationId: record.conversation.id,
          author: 'agent',
          kind: item.content.kind,
          at: now,
          status: 'sent',
          ...(item.content.text !== undefined ? { text: item.content.text } : {}),
          ...(item.content.attachments ? { attachments: item.content.attachments } : {}),
        };
        await this.#store.putMessage(message);
        for (const agent of await this.#audience(record)) await this.#emit(agent, { type: 'message.received', message });
        return;
      }
      case 'receipt': {
        if (!(await this.#store.claimKey(`${item.status}:${item.psid}:${item.watermark}`))) return;
        const record = await this.#store.openConversationOf(item.psid);
        if (!record) return;
        const rank = { sending: 0, failed: 0, sent: 1, delivered: 2, read: 3 } as const;
        for (const m of await this.#store.messagesOf(record.conversation.id, Number.MAX_SAFE_INTEGER)) {
          if (m.author === 'customer' || m.at > item.watermark) continue;
          if (rank[m.status ?? 'sent'] < rank[item.status]) await this.#store.putMessage({ ...m, status: item.status });
        }
        for (const agent of await this.#audience(record)) {
          await this.#emit(agent, { type: 'receipt', conversationId: record.conversation.id, status: item.status, watermark: item.watermark });
        }
        return;
      }
      case 'reaction': {
        if (!(await this.#store.claimKey(`reaction:${item.mid}:${item.action}:${item.emoji ?? ''}:${item.at}`))) return;
        const message = await this.#store.getMessage(item.mid);
        const record = message && (await this.#store.getConversation(message.conversationId));
        if (!message || !record) return;
        const mine = (message.reactions ?? []).filter((r) => r.by === 'customer');
        const others = (message.reactions ?? []).filter((r) => r.by !== 'customer');
        const emoji = item.emoji ?? mine[0]?.emoji;
        if (!emoji) return;
        // Messenger keeps one reaction per person and message.
        const reactions = item.action === 'react' ? [...others, { emoji, by: 'customer' as const }] : others;
        await this.#store.putMessage({ ...message, reactions });
        for (const agent of await this.#audience(record)) {
          await this.#emit(agent, {
            type: 'message.reaction',
            conversationId: record.conversation.id,
            messageId: message.id,
            reaction: { emoji, by: 'customer' },
            action: item.action,
          });
        }
        return;
      }
      case 'edit': {
        if (!(await this.#store.claimKey(`edit:${item.mid}:${item.edits}:${item.text}`))) return;
        const message = await this.#store.getMessage(item.mid);
        const record = message && (await this.#store.getConversation(message.conversationId));
        if (!message || !record) return;
        await this.#store.putMessage({ ...message, text: item.text, editedAt: now });
        for (const agent of await this.#audience(record)) {
          await this.#emit(agent, { type: 'message.edited', conversationId: record.conversation.id, messageId: message.id, text: item.text, at: now });
        }
        return;
      }
    }
  }

  async #customerMessage(psid: string, id: string, content: Content, now: number, replyTo?: string): Promise<void> {
    let record = await this.#store.openConversationOf(psid);
    const fresh = !record;
    if (!record) record = await this.#newConversation(psid, now);
    const message: Message = {
      id,
      conversationId: record.conversation.id,
      author: 'customer',
      kind: content.kind,
      at: now,
      ...(content.text !== undefined ? { text: content.text } : {}),
      ...(content.attachments ? { attachments: content.attachments } : {}),
      ...(replyTo ? { replyTo } : {}),
    };
    await this.#store.putMessage(message);
    record = { ...record, conversation: { ...record.conversation, lastCustomerMessageAt: now } };
    await this.#store.putConversation(record);
    if (fresh) {
      await this.#route(record, preview(content));
      return;
    }
    for (const agent of await this.#audience(record)) {
      await this.#emit(agent, { type: 'message.received', message });
      if (record.agentId === agent) await this.#emit(agent, { type: 'conversation.updated', conversation: record.conversation });
    }
  }

  async #newConversation(psid: string, now: number, held = false): Promise<ConversationRecord> {
    const profile = this.#profiles.get(psid) ?? (await this.#graph.profile(psid));
    this.#profiles.delete(psid);
    const conversation: Conversation = {
      id: `cv-${randomUUID()}`,
      customer: {
        id: psid,
        facebookId: psid,
        name: profile.name ?? `Messenger customer ${psid.slice(-4)}`,
        ...(profile.avatarUrl ? { avatarUrl: profile.avatarUrl } : {}),
      },
      channel: 'facebook',
      queue: 'messenger',
      state: 'open',
      requestedAt: now,
      humanAgent: this.#config.humanAgent,
    };
    const record: ConversationRecord = { conversation, psid, passedBy: [], ...(held ? { held: true } : {}) };
    await this.#store.putConversation(record);
    return record;
  }

  // ---- routing ----

  /** Available agents with room, and their load (conversations using capacity plus pending offers). */
  async #candidates(): Promise<Map<string, number>> {
    const available = (await this.#store.agents()).filter((a) => a.presence === 'available');
    const loads = await this.#store.loads(available.map((a) => a.id));
    const room = new Map<string, number>();
    available.forEach((agent, i) => {
      if (loads[i]! < this.#config.capacity) room.set(agent.id, loads[i]!);
    });
    return room;
  }

  /** Offers a waiting conversation to the available agent with the most room (then the longest without an offer). */
  async #route(record: ConversationRecord, firstMessage?: string, candidates?: Map<string, number>): Promise<void> {
    if (this.#closed || record.held || record.agentId || record.conversation.state !== 'open') return;
    const room = candidates ?? (await this.#candidates());
    let best: { id: string; load: number } | undefined;
    for (const [id, load] of room) {
      if (record.passedBy.includes(id)) continue;
      const better = !best || load < best.load || (load === best.load && (this.#lastOffered.get(id) ?? 0) < (this.#lastOffered.get(best.id) ?? 0));
      if (better) best = { id, load };
    }
    if (!best) return; // waits in the queue
    const now = this.#config.now();
    const messages = await this.#store.messagesOf(record.conversation.id, this.#config.snapshotMessages);
    const first = firstMessage ?? messages.find((m) => m.author === 'customer')?.text ?? '';
    const offer: Offer = {
      id: `of-${randomUUID()}`,
      conversationId: record.conversation.id,
      customer: record.conversation.customer,
      channel: record.conversation.channel,
      queue: record.conversation.queue,
      requestedAt: record.conversation.requestedAt,
      firstMessage: first,
      expiresAt: now + this.#config.offerTimeoutMs,
    };
    const stored: OfferRecord = { offer, agentId: best.id, state: 'pending', expiresAt: Date.now() + this.#config.offerTimeoutMs };
    const created = await this.#store.createOffer(stored, this.#config.capacity);
    if (created === 'taken') return; // offered or taken already
    if (created === 'full') {
      // Another bridge gave the agent work meanwhile: the next one.
      room.delete(best.id);
      return this.#route(record, firstMessage, room);
    }
    if (best.load + 1 >= this.#config.capacity) room.delete(best.id);
    else room.set(best.id, best.load + 1);
    this.#lastOffered.set(best.id, now);
    await this.#emit(best.id, { type: 'offer.created', offer });
    for (const message of messages) await this.#emit(best.id, { type: 'message.received', message });
    this.#arm(stored);
  }

  /** Offers what waits, each conversation in its own scope (never call it from inside a change). */
  async #routeAll(): Promise<void> {
    const waiting = await this.#queued();
    if (waiting.length === 0) return;
    const room = await this.#candidates();
    for (const { conversation, psid } of waiting) {
      if (room.size === 0 || this.#closed) return;
      await this.#serial(`c:${psid}`, async () => {
        const record = await this.#store.getConversation(conversation.id);
        if (record) await this.#route(record, undefined, room);
      });
    }
  }

  /** An agent who comes back to available may be offered again what they missed (never from inside a change). */
  async #forgive(agentId: string): Promise<void> {
    for (const { conversation, psid, passedBy } of await this.#store.unassignedConversations()) {
      if (!passedBy.includes(agentId)) continue;
      await this.#serial(`c:${psid}`, async () => {
        const record = await this.#store.getConversation(conversation.id);
        if (record) await this.#store.putConversation({ ...record, passedBy: record.passedBy.filter((a) => a !== agentId) });
      });
    }
  }

  #expireOffer(offer: OfferRecord): Promise<void> {
    return this.#inConversation(offer.offer.conversationId, () => this.#expire(offer.offer.id), () => notFound('No conversation.')).catch((error: unknown) =>
      this.#config.log.error('[bridge] offer timeout failed:', error),
    );
  }

  #arm(offer: OfferRecord): void {
    if (this.#closed) return;
    const timer = setTimeout(() => {
      this.#timers.delete(offer.offer.id);
      void this.#expireOffer(offer);
    }, Math.max(0, offer.expiresAt - Date.now()));
    timer.unref();
    this.#timers.set(offer.offer.id, timer);
  }

  #disarm(offerId: string): void {
    clearTimeout(this.#timers.get(offerId));
    this.#timers.delete(offerId);
  }

  async #expire(offerId: string): Promise<void> {
    const offer = await this.#store.getOffer(offerId);
    if (!offer || offer.state !== 'pending' || this.#closed) return;
    if (!(await this.#settle(offer, 'timeout', 'timeout'))) return;
    // A missed offer makes the agent inactive (F12) until they choose available again.
    const agent = await this.#store.getAgent(offer.agentId);
    if (agent) await this.#store.putAgent({ ...agent, presence: 'inactive' });
    const record = await this.#store.getConversation(offer.offer.conversationId);
    if (record) await this.#route(record);
  }

  /** Ends a pending offer; false when it was settled already (here or by another bridge). */
  async #settle(offer: OfferRecord, state: 'rejected' | 'withdrawn' | 'timeout', reason: 'taken' | 'timeout'): Promise<boolean> {
    this.#disarm(offer.offer.id);
    if (!(await this.#store.settleOffer({ ...offer, state }))) return false;
    const record = await this.#store.getConversation(offer.offer.conversationId);
    if (record && state !== 'withdrawn' && !record.passedBy.includes(offer.agentId)) {
      await this.#store.putConversation({ ...record, passedBy: [...record.passedBy, offer.agentId] });
    }
    await this.#emit(offer.agentId, { type: 'offer.withdrawn', offerId: offer.offer.id, reason });
    return true;
  }

  // ---- commands ----

  async execute(agentId: string, command: Command): Promise<unknown> {
    if (!command || typeof command !== 'object' || !SUPPORTED.has(command.type)) {
      throw invalid(`The command "${String((command as { type?: unknown } | undefined)?.type)}" is unsupported by this bridge.`);
    }
    switch (command.type) {
      case 'message.send':
        return this.#send(agentId, command);
      case 'typing.set':
        return this.#typing(agentId, command.conversationId, command.on === true);
      case 'queue.list':
        return this.#local(() => this.#command(agentId, command, []));
      case 'presence.set': {
        const later: (() => Promise<void>)[] = [];
        const result = await this.#serial(`a:${agentId}`, () => this.#command(agentId, command, later));
        for (const step of later) await step();
        return result;
      }
      default: {
        // Offers and conversations: the change runs in the customer's scope; routing what waits comes after it.
        const conversationId =
          command.type === 'offer.accept' || command.type === 'offer.reject'
            ? (await this.#store.getOffer(String(command.offerId)))?.offer.conversationId
            : (command as { conversationId?: unknown }).conversationId;
        const later: (() => Promise<void>)[] = [];
        const missing = () =>
          command.type === 'offer.accept' || command.type === 'offer.reject'
            ? notFound(`No offer "${String(command.offerId)}".`)
            : notFound(`No conversation "${String(conversationId)}".`);
        const result = await this.#inConversation(conversationId, () => this.#command(agentId, command, later), missing);
        for (const step of later) await step();
        return result;
      }
    }
  }

  /** One command's change; `later` collects what runs after it, outside its scope (routing what waits). */
  async #command(agentId: string, command: Command, later: (() => Promise<void>)[]): Promise<unknown> {
    const now = this.#config.now();
    switch (command.type) {
      case 'offer.accept': {
        const offer = await this.#store.getOffer(String(command.offerId));
        if (!offer || offer.agentId !== agentId) throw notFound(`No offer "${String(command.offerId)}".`);
        const record = await this.#store.getConversation(offer.offer.conversationId);
        if (!record) throw notFound(`No offer "${String(command.offerId)}".`);
        if (offer.state === 'accepted' && record.agentId === agentId) return { conversation: record.conversation };
        if (offer.state !== 'pending') throw conflict('The offer is no longer yours: it timed out, was withdrawn or was taken.');
        this.#disarm(offer.offer.id);
        const conversation: Conversation = { ...record.conversation, state: 'active', acceptedAt: now };
        // One atomic step: of two accepts (or an accept and a timeout) racing on any bridges, one wins.
        if (!(await this.#store.settleOffer({ ...offer, state: 'accepted' }, { ...record, conversation, agentId }))) {
          throw conflict('The offer is no longer yours: it timed out, was withdrawn or was taken.');
        }
        await this.#emit(agentId, { type: 'conversation.updated', conversation });
        // The customer sees that someone has read their message.
        void this.#senderAction(record.psid, 'mark_seen', conversation.lastCustomerMessageAt);
        return { conversation };
      }
      case 'offer.reject': {
        const offer = await this.#store.getOffer(String(command.offerId));
        if (!offer || offer.agentId !== agentId) throw notFound(`No offer "${String(command.offerId)}".`);
        if (offer.state === 'rejected') return { ok: true };
        if (offer.state !== 'pending') throw conflict('The offer is no longer pending.');
        // Other tabs of the agent learn it is settled from offer.withdrawn.
        if (!(await this.#settle(offer, 'rejected', 'taken'))) throw conflict('The offer is no longer pending.');
        const record = await this.#store.getConversation(offer.offer.conversationId);
        if (record) await this.#route(record);
        return { ok: true };
      }
      case 'conversation.transition': {
        const record = await this.#owned(agentId, command.conversationId);
        const from = record.conversation.state;
        const to = command.to;
        if (from === to) return { conversation: record.conversation };
        if (!canTransition(from, to)) throw conflict(`A conversation cannot go from "${from}" to "${to}".`);
        const conversation: Conversation = { ...record.conversation, state: to, ...(to === 'closed' ? { closedAt: now } : {}) };
        const released = to === 'open';
        const next: ConversationRecord = released
          ? { conversation, psid: record.psid, passedBy: [...record.passedBy, agentId] }
          : { ...record, conversation };
        await this.#store.putConversation(next);
        await this.#emit(agentId, { type: 'conversation.updated', conversation });
        if (released) await this.#route(next);
        if (!usesCapacity(to)) later.push(() => this.#routeAll());
        return { conversation };
      }
      case 'presence.set': {
        const presence = command.presence;
        if (!PRESENCES.includes(presence)) throw invalid(`Unknown presence "${String(presence)}".`);
        const known = await this.#store.getAgent(agentId);
        await this.#store.putAgent({ ...(known ?? { id: agentId }), presence });
        if (presence === 'available') {
          later.push(
            () => this.#forgive(agentId),
            () => this.#routeAll(),
          );
        }
        return { presence };
      }
      case 'queue.list': {
        const limit = command.limit ?? 50;
        if (!Number.isInteger(limit) || limit < 1) throw invalid(`limit must be a whole number ≥ 1, got ${String(limit)}.`);
        const items: QueuedItem[] = [];
        for (const record of await this.#queued()) {
          if (items.length >= Math.min(limit, 200)) break;
          const messages = await this.#store.messagesOf(record.conversation.id, this.#config.snapshotMessages);
          const last = messages.filter((m) => m.author === 'customer' && m.text).at(-1)?.text;
          items.push({
            conversationId: record.conversation.id,
            customer: record.conversation.customer,
            channel: record.conversation.channel,
            queue: record.conversation.queue,
            requestedAt: record.conversation.requestedAt,
            ...(last ? { lastMessage: last.slice(0, 200) } : {}),
          });
        }
        return { items };
      }
      case 'queue.pick': {
        const record = (await this.#queued()).find((r) => r.conversation.id === command.conversationId);
        if (!record) throw notFound(`"${String(command.conversationId)}" is not waiting in the queue (unknown or taken).`);
        const conversation: Conversation = { ...record.conversation, state: 'active', acceptedAt: now };
        const { held: _held, ...rest } = record;
        await this.#store.putConversation({ ...rest, conversation, agentId });
        await this.#emit(agentId, { type: 'conversation.updated', conversation });
        for (const message of await this.#store.messagesOf(conversation.id, this.#config.snapshotMessages)) {
          await this.#emit(agentId, { type: 'message.received', message });
        }
        return { conversation };
      }
      default:
        throw invalid(`The command "${command.type}" is unsupported by this bridge.`);
    }
  }

  /** Conversations waiting with no agent and no pending offer. */
  async #queued(): Promise<ConversationRecord[]> {
    const offered = new Set((await this.#store.pendingOffers()).map((o) => o.offer.conversationId));
    return (await this.#store.unassignedConversations()).filter((r) => !offered.has(r.conversation.id));
  }

  async #senderAction(psid: string, action: 'typing_on' | 'typing_off' | 'mark_seen', lastCustomerMessageAt: number | undefined): Promise<void> {
    const rule = replyRule(lastCustomerMessageAt, this.#config.now(), this.#config.humanAgent);
    if (rule instanceof TransportError) return;
    try {
      await this.#graph.send({ recipient: { id: psid }, sender_action: action });
    } catch (error) {
      this.#config.log.warn(`[bridge] sender action ${action} failed:`, error instanceof Error ? error.message : error);
    }
  }

  /** Typing is advisory: it never fails the command (outside the window nothing is sent). */
  async #typing(agentId: string, conversationId: string, on: boolean): Promise<CommandResults['typing.set']> {
    const record = await this.#owned(agentId, conversationId);
    if (record.conversation.state !== 'closed') {
      await this.#senderAction(record.psid, on ? 'typing_on' : 'typing_off', record.conversation.lastCustomerMessageAt);
    }
    return { ok: true };
  }

  #send(agentId: string, command: SendMessageCommand): Promise<CommandResults['message.send']> {
    const clientId = command.clientId;
    if (typeof clientId !== 'string' || clientId === '') return Promise.reject(invalid('message.send needs a clientId.'));
    const running = this.#inflight.get(clientId);
    if (running) return running;
    // One conversation's sends go out one after the other, so a send that is being retried is not overtaken.
    const key = typeof command.conversationId === 'string' ? command.conversationId : '';
    const before = this.#sendQueues.get(key) ?? Promise.resolve();
    const run = before
      .catch(() => undefined)
      .then(() => this.#leased(agentId, command))
      .finally(() => {
        this.#inflight.delete(clientId);
        if (this.#sendQueues.get(key) === queued) this.#sendQueues.delete(key);
      });
    const queued = run.catch(() => undefined);
    this.#sendQueues.set(key, queued);
    this.#inflight.set(clientId, run);
    return run;
  }

  /**
   * Sends under the client id's lease, so that two bridges never call the Send API for one client id at
   * once; a repeat that reaches another bridge waits for the holder's answer (or for its lease to run
   * out, when it died).
   */
  async #leased(agentId: string, command: SendMessageCommand): Promise<CommandResults['message.send']> {
    const { clientId } = command;
    const ms = this.#config.sendLeaseMs;
    const deadline = Date.now() + ms * 3 + 1000;
    while (!(await this.#store.leaseSend(clientId, this.#owner, ms))) {
      const prior = await this.#store.getSent(clientId);
      if (prior) return { messageId: prior.messageId, at: prior.at };
      if (Date.now() > deadline || this.#closed) throw new TransportError('unavailable', 'The message is being sent; try again.', { retryable: true });
      await new Promise((resolve) => setTimeout(resolve, Math.min(50, ms / 4)));
    }
    const renew = setInterval(() => void this.#store.leaseSend(clientId, this.#owner, ms).catch(() => undefined), ms / 3);
    try {
      return await this.#sendOnce(agentId, command);
    } finally {
      clearInterval(renew);
      if (!this.#closed) await this.#store.releaseSend(clientId, this.#owner).catch(() => undefined);
    }
  }

  async #sendOnce(agentId: string, command: SendMessageCommand): Promise<CommandResults['message.send']> {
    const { clientId } = command;
    const plan = await this.#local(async () => {
      const record = await this.#owned(agentId, command.conversationId);
      const prior = await this.#store.getSent(clientId);
      if (prior) {
        if (prior.conversationId !== record.conversation.id || prior.agentId !== agentId) {
          throw conflict(`Client id "${clientId}" was used for another message.`);
        }
        return { done: { messageId: prior.messageId, at: prior.at } as CommandResults['message.send'] };
      }
      const text = typeof command.text === 'string' ? command.text : undefined;
      const attachments = Array.isArray(command.attachments) ? command.attachments : [];
      if (!text?.trim() && attachments.length === 0) throw invalid('There is nothing to send.');
      if (text !== undefined && text.length > MAX_TEXT) throw invalid(`Messenger takes at most ${MAX_TEXT} characters.`);
      if (record.conversation.state === 'closed' || record.conversation.state === 'open') throw invalid(`The conversation is ${record.conversation.state}.`);
      const rule = replyRule(record.conversation.lastCustomerMessageAt, this.#config.now(), this.#config.humanAgent);
      if (rule instanceof TransportError) throw rule;
      const resolved: AttachmentRef[] = [];
      for (const a of attachments) resolved.push(await this.#attachment(a, agentId));
      return { record, rule, text, attachments: resolved };
    });
    if ('done' in plan && plan.done) return plan.done;
    if (!('record' in plan)) throw new TransportError('internal', 'Unreachable.', { retryable: false });
    const { record, rule, text, attachments } = plan;
    const base = { recipient: { id: record.psid }, ...rule };
    const metadata = `${METADATA_PREFIX}${clientId}`;
    const payloads: SendPayload[] = [
      ...attachments.map((a): SendPayload => ({
        ...base,
        message: { metadata, attachment: { type: a.kind === 'sticker' ? 'image' : a.kind, payload: { url: a.url, is_reusable: true } } },
      })),
      ...(text?.trim() ? [{ ...base, message: { text, metadata } }] : []),
    ];
    // A quoted customer message: the first bubble answers it.
    const replyTo = typeof command.replyTo === 'string' && command.replyTo ? command.replyTo : undefined;
    if (replyTo && payloads[0]) payloads[0] = { ...payloads[0], reply_to: { mid: replyTo } };
    // The parts Meta took already (a retry after a failure, here or on another bridge) are not sent again.
    const done = await this.#store.sentParts(clientId);
    for (let i = done.length; i < payloads.length; i++) {
      const answer = await this.#graph.send(payloads[i]!);
      if (this.#closed) throw new TransportError('unavailable', 'The bridge is stopping.', { retryable: true });
      const id = answer.message_id ?? `m-${randomUUID()}`;
      done.push(id);
      if (i < payloads.length - 1) await this.#store.addSentPart(clientId, id);
    }
    return this.#local(async () => {
      const prior = await this.#store.getSent(clientId);
      if (prior) return { messageId: prior.messageId, at: prior.at };
      const at = this.#config.now();
      const automated = command.automated === true;
      const message: Message = {
        id: done[done.length - 1]!,
        clientId,
        conversationId: record.conversation.id,
        author: automated ? 'system' : 'agent',
        kind: automated ? 'system' : attachments.length > 0 && !text?.trim() ? 'attachment' : 'text',
        at,
        status: 'sent',
        ...(text !== undefined ? { text } : {}),
        ...(attachments.length > 0 ? { attachments } : {}),
        ...(replyTo ? { replyTo } : {}),
      };
      await this.#store.putSent({ clientId, agentId, conversationId: record.conversation.id, messageId: message.id, at });
      await this.#store.putMessage(message);
      const current = await this.#store.getConversation(record.conversation.id);
      if (current?.agentId) await this.#emit(current.agentId, { type: 'message.received', message });
      return { messageId: message.id, at };
    });
  }

  /** An attachment to send: a file uploaded here (served at its public URL), or an http(s) URL. */
  async #attachment(ref: AttachmentRef, agentId: string): Promise<AttachmentRef> {
    if (!ref || typeof ref !== 'object') throw invalid('An attachment must be an object.');
    const file = typeof ref.id === 'string' ? await this.#store.getFile(ref.id) : undefined;
    if (file) {
      if (file.agentId !== agentId) throw notFound(`No attachment "${ref.id}".`);
      return this.fileRef(file);
    }
    if (typeof ref.url === 'string' && /^https?:\/\//i.test(ref.url) && ['image', 'audio', 'video', 'file', 'sticker'].includes(ref.kind)) return ref;
    throw invalid(`The attachment "${String(ref.id)}" was not uploaded to this bridge.`);
  }

  // ---- uploads ----

  fileRef(file: FileRecord): AttachmentRef {
    const kind = file.mimeType.startsWith('image/') ? 'image' : file.mimeType.startsWith('audio/') ? 'audio' : file.mimeType.startsWith('video/') ? 'video' : 'file';
    return { id: file.id, kind, name: file.name, mimeType: file.mimeType, size: file.size, url: `${this.publicUrl}/files/${file.id}/${encodeURIComponent(file.name)}` };
  }

  publicUrl = '';

  /** Stores an upload once per client id. */
  async upload(agentId: string, meta: { conversationId: string; clientId: string; name: string; mimeType: string }, bytes: Buffer): Promise<AttachmentRef> {
    return this.#local(async () => {
      await this.#owned(agentId, meta.conversationId);
      const prior = await this.#store.fileByClientId(meta.clientId);
      if (prior) {
        if (prior.agentId !== agentId) throw conflict(`Client id "${meta.clientId}" was used for another file.`);
        return this.fileRef(prior);
      }
      const file: FileRecord = { id: `f-${randomUUID()}`, agentId, size: bytes.length, ...meta };
      await this.#store.putFile(file, bytes);
      return this.fileRef(file);
    });
  }

  // ---- demo and test hooks (the /dev endpoints) ----

  /** As if another agent took the offer. */
  async withdraw(offerId: string): Promise<boolean> {
    const conversationId = (await this.#store.getOffer(offerId))?.offer.conversationId;
    if (!conversationId) return false;
    return this.#inConversation(conversationId, async () => {
      const offer = await this.#store.getOffer(offerId);
      if (!offer || offer.state !== 'pending') return false;
      if (!(await this.#settle(offer, 'withdrawn', 'taken'))) return false;
      const record = await this.#store.getConversation(offer.offer.conversationId);
      if (record) await this.#store.putConversation({ ...record, agentId: 'elsewhere', conversation: { ...record.conversation, state: 'active', acceptedAt: this.#config.now() } });
      return true;
    }, () => notFound('No conversation.'));
  }

  /** Marks the customer's conversation to wait in the queue until picked (never offered on its own). */
  async holdNext(psid: string): Promise<void> {
    await this.#serial(`c:${psid}`, async () => {
      if (await this.#store.openConversationOf(psid)) return;
      await this.#newConversation(psid, this.#config.now(), true);
    });
  }
}
