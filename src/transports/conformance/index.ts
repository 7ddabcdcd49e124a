import { compareCursors, createClientId, isTransportError, type Transport, type TransportEvent } from '../../core/transport.js';
import type { AgentRef, Offer } from '../../core/model.js';

export { compareCursors };

/**
 * What the checks need from a host: a fresh transport per check and, for the checks that need the
 * backend to do something, drivers that make it act (e.g. call a test endpoint). A check whose
 * driver is missing is skipped.
 */
export interface ConformanceContext {
  /** A new, disconnected transport against a test backend. */
  createTransport(): Transport | Promise<Transport>;
  /** Makes the backend offer a new conversation (an `offer.created` event must follow). */
  requestConversation?(transport: Transport): void | Promise<void>;
  /** Makes the customer of a conversation write (a `message.received` event must follow). */
  customerSays?(transport: Transport, conversationId: string, text: string): void | Promise<void>;
  /** Makes the backend withdraw a pending offer, as when another agent takes it (an `offer.withdrawn` event must follow). */
  withdrawOffer?(transport: Transport, offerId: string): void | Promise<void>;
  /**
   * Cuts the transport's connection as a network failure would (e.g. the test server closes the
   * socket). The adapter must then emit `transport.disconnected`.
   */
  dropConnection?(transport: Transport): void | Promise<void>;
  /**
   * Makes a customer wait in the queue without offering them to anyone (`queue.list` must then
   * show the conversation). Needed by the queue check when `capabilities.queue` is on.
   */
  queueConversation?(transport: Transport): void | Promise<void>;
  /**
   * Makes the customer accept the agent's ringing call (a `call.state` `connecting` must follow).
   * The signalling check needs it, or a backend whose test customer answers on its own
   * (`callsAnswer: true`, as the simulator's does).
   */
  answerCall?(transport: Transport, callId: string): void | Promise<void>;
  callsAnswer?: boolean;
  /** A query the backend's knowledge base finds at least one article for (knowledge check). Default "order". */
  knowledgeQuery?: string;
  agent?: AgentRef;
  /** How long to wait for an expected event, ms. Default 2,000. */
  timeout?: number;
}

export interface ConformanceCheck {
  name: string;
  /** Resolves when the adapter conforms; rejects with an Error saying what is wrong. */
  run(context: ConformanceContext): Promise<void>;
}

export interface ConformanceResult {
  name: string;
  status: 'passed' | 'failed' | 'skipped';
  error?: string;
}

class Skip extends Error {}

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** Collects a transport's events and waits for the ones a check expects. */
class Recorder {
  readonly events: TransportEvent[] = [];
  #waiters: { match: (e: TransportEvent) => boolean; resolve: (e: TransportEvent) => void }[] = [];
  readonly stop: () => void;

  constructor(transport: Transport) {
    this.stop = transport.subscribe((event) => {
      this.events.push(event);
      this.#waiters = this.#waiters.filter((w) => {
        if (!w.match(event)) return true;
        w.resolve(event);
        return false;
      });
    });
  }

  /** The first event from index `after` on that matches; rejects after `timeout` ms, naming `what`. */
  until(match: (e: TransportEvent) => boolean, timeout: number, what: string, after = 0): Promise<TransportEvent> {
    const seen = this.events.slice(after).find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`No ${what} within ${timeout} ms.`)), timeout);
      this.#waiters.push({
        match,
        resolve: (e) => {
          clearTimeout(timer);
          resolve(e);
        },
      });
    });
  }

  async next<T extends TransportEvent['type']>(type: T, timeout: number, after = 0): Promise<Extract<TransportEvent, { type: T }>> {
    return (await this.until((e) => e.type === type, timeout, `"${type}" event`, after)) as Extract<TransportEvent, { type: T }>;
  }

  /** The event at index `index`, once it has arrived. */
  at(index: number, timeout: number, what: string): Promise<TransportEvent> {
    return this.until(() => true, timeout, what, index);
  }
}

const agentOf = (context: ConformanceContext): AgentRef => context.agent ?? { id: 'conformance-agent' };
const timeoutOf = (context: ConformanceContext): number => context.timeout ?? 2000;
const stamped = (events: readonly TransportEvent[]) => events.filter((e) => e.type !== 'transport.disconnected');

async function connected(context: ConformanceContext): Promise<{ transport: Transport; recorder: Recorder }> {
  const transport = await context.createTransport();
  const recorder = new Recorder(transport);
  await transport.connect(agentOf(context));
  return { transport, recorder };
}

async function offer(context: ConformanceContext, transport: Transport, recorder: Recorder): Promise<Offer> {
  if (!context.requestConversation) throw new Skip('needs requestConversation');
  const after = recorder.events.length;
  await context.requestConversation(transport);
  return (await recorder.next('offer.created', timeoutOf(context), after)).offer;
}

/** An accepted offer whose customer, if the host can drive one, has just written `text`. */
async function acceptedOffer(context: ConformanceContext, transport: Transport, recorder: Recorder, text: string): Promise<Offer> {
  const accepted = await offer(context, transport, recorder);
  await transport.execute({ type: 'offer.accept', offerId: accepted.id });
  if (context.customerSays) {
    const after = recorder.events.length;
    await context.customerSays(transport, accepted.conversationId, text);
    await recorder.until((e) => e.type === 'message.received' && e.message.text === text, timeoutOf(context), `"message.received" for "${text}"`, after);
  }
  return accepted;
}

/** The first event after a cursor-less connect, which must be the snapshot. */
async function snapshotAt(context: ConformanceContext, recorder: Recorder, index: number): Promise<Extract<TransportEvent, { type: 'snapshot' }>> {
  const first = await recorder.at(index, timeoutOf(context), 'event after connect() without a cursor (a "snapshot" must come first)');
  assert(first.type === 'snapshot', `The first event after connect() without a cursor was "${first.type}"; it must be a "snapshot".`);
  assert(
    Array.isArray(first.offers) && Array.isArray(first.conversations) && Array.isArray(first.messages),
    'A snapshot needs offers, conversations and messages arrays (empty when there is nothing).',
  );
  assert(typeof first.cursor === 'string' && first.cursor.length > 0, 'A snapshot needs a cursor: the stream position it stands for.');
  return first;
}

async function rejectsWithTransportError(promise: Promise<unknown>, what: string): Promise<void> {
  try {
    await promise;
  } catch (error) {
    assert(isTransportError(error), `${what} rejected with ${String(error)}, not a TransportError.`);
    assert(typeof error.code === 'string' && typeof error.retryable === 'boolean', `${what}: TransportError needs code and retryable.`);
    return;
  }
  throw new Error(`${what} should have been refused.`);
}

/**
 * A replay may bring back `offer.created` for an offer that is over, but then what ended it must
 * follow it in the same replay, or a client that did not settle the offer itself (another tab, a
 * client that lost its memory) would show it again.
 */
function assertSettledInReplay(replayed: readonly TransportEvent[], offer: Offer, how: string, settles: (e: TransportEvent) => boolean): void {
  let created = -1;
  replayed.forEach((e, i) => {
    if (e.type === 'offer.created' && e.offer.id === offer.id) created = i;
  });
  if (created < 0) return;
  assert(
    replayed.slice(created + 1).some(settles),
    `The replay brought back "offer.created" for "${offer.id}", which was ${how}, without the event that settled it after it: the offer would come back to life.`,
  );
}

/** The checks, in order. Each uses its own transport. */
export const conformanceChecks: readonly ConformanceCheck[] = [
  {
    name: 'declares its capabilities',
    async run(context) {
      const transport = await context.createTransport();
      const c = transport.capabilities;
      for (const key of ['reject', 'upload', 'typing'] as const) {
        assert(typeof c?.[key] === 'boolean', `capabilities.${key} must be a boolean.`);
      }
      assert(!c.upload || typeof transport.upload === 'function', 'capabilities.upload is true but upload() is missing.');
    },
  },
  {
    name: 'connect() is idempotent',
    async run(context) {
      const transport = await context.createTransport();
      const recorder = new Recorder(transport);
      const agent = agentOf(context);
      await Promise.all([transport.connect(agent), transport.connect(agent)]);
      await transport.connect(agent);
      if (context.requestConversation) {
        // Whatever the three calls delivered arrived before this offer.
        await offer(context, transport, recorder);
        const snapshots = recorder.events.filter((e) => e.type === 'snapshot').length;
        assert(snapshots === 1, `Three connect() calls delivered ${snapshots} snapshots; a call while connected must not connect again.`);
      }
      recorder.stop();
      await transport.disconnect();
    },
  },
  {
    name: 'connect() without a cursor delivers a snapshot first',
    async run(context) {
      const { transport, recorder } = await connected(context);
      await snapshotAt(context, recorder, 0);
      recorder.stop();
      await transport.disconnect();
    },
  },
  {
    name: 'the snapshot holds the pending offers and the open conversations with their messages',
    async run(context) {
      const { transport, recorder } = await connected(context);
      const said = `Snapshot check ${createClientId()}`;
      const accepted = await acceptedOffer(context, transport, recorder, said);
      const pending = await offer(context, transport, recorder);
      await transport.disconnect();
      // As a reload does: the same backend, a new connection without a cursor.
      const start = recorder.events.length;
      await transport.connect(agentOf(context));
      const snapshot = await snapshotAt(context, recorder, start);
      assert(snapshot.offers.some((o) => o.id === pending.id), `The snapshot lacks the pending offer "${pending.id}".`);
      assert(!snapshot.offers.some((o) => o.id === accepted.id), `The snapshot still offers "${accepted.id}", which was accepted.`);
      const conversation = snapshot.conversations.find((c) => c.id === accepted.conversationId);
      assert(conversation, `The snapshot lacks the accepted conversation "${accepted.conversationId}".`);
      assert(conversation.state === 'active', `The snapshot has conversation "${conversation.id}" as "${conversation.state}"; it was accepted, so "active".`);
      const messages = snapshot.messages.filter((m) => m.conversationId === accepted.conversationId);
      assert(messages.length > 0, `The snapshot has no messages of the open conversation "${accepted.conversationId}".`);
      if (context.customerSays) {
        assert(messages.some((m) => m.text === said), `The snapshot lacks the newest message of "${accepted.conversationId}" ("${said}").`);
      }
      recorder.stop();
      await transport.disconnect();
    },
  },
  {
    name: 'event cursors only grow (a longer cursor is later; equal lengths compare as text)',
    async run(context) {
      const { transport, recorder } = await connected(context);
      await acceptedOffer(context, transport, recorder, 'Cursor check');
      await offer(context, transport, recorder);
      await offer(context, transport, recorder);
      const events = stamped(recorder.events);
      for (const [i, e] of events.entries()) {
        assert(typeof e.cursor === 'string' && e.cursor.length > 0, `"${e.type}" has no cursor; every event but transport.disconnected needs one.`);
        const before = events[i - 1];
        assert(
          !before || compareCursors(before.cursor, e.cursor) < 0,
          `"${e.type}" has cursor "${e.cursor}", which does not come after "${before?.cursor}" of the "${before?.type}" delivered before it.`,
        );
      }
      recorder.stop();
      await transport.disconnect();
    },
  },
  {
    name: 'unsubscribing stops delivery',
    async run(context) {
      const { transport, recorder } = await connected(context);
      recorder.stop();
      const before = recorder.events.length;
      if (!context.requestConversation) throw new Skip('needs requestConversation');
      await context.requestConversation(transport);
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert(recorder.events.length === before, 'An unsubscribed listener still received events.');
      await transport.disconnect();
    },
  },
  {
    name: 'connect({ cursor }) replays every later event, and no snapshot',
    async run(context) {
      const { transport, recorder } = await connected(context);
      const first = await offer(context, transport, recorder);
      const firstEvent = recorder.events.find((e) => e.type === 'offer.created' && e.offer.id === first.id)!;
      await transport.disconnect();
      // Happens while this client is away.
      if (!context.requestConversation) throw new Skip('needs requestConversation');
      await context.requestConversation(transport);
      const second = new Recorder(transport);
      await transport.connect(agentOf(context), { cursor: firstEvent.cursor });
      const replayed = await second.next('offer.created', timeoutOf(context));
      assert(replayed.offer.id !== first.id, 'Backfill replayed the event at the cursor itself; it must start after it.');
      const events = stamped(second.events);
      assert(!events.some((e) => e.type === 'snapshot'), 'connect() with a cursor sent a snapshot; it must replay the events after the cursor instead.');
      for (const e of events) {
        assert(compareCursors(firstEvent.cursor, e.cursor) < 0, `The replay after "${firstEvent.cursor}" delivered "${e.type}" at "${e.cursor}", which is not after it.`);
      }
      second.stop();
      recorder.stop();
      await transport.disconnect();
    },
  },
  {
    name: 'a replay that brings back an offer also brings back what settled it',
    async run(context) {
      const { transport, recorder } = await connected(context);
      // The replay starts after this offer, so it covers everything the check does next.
      const marker = await offer(context, transport, recorder);
      const from = recorder.events.find((e) => e.type === 'offer.created' && e.offer.id === marker.id)!.cursor;
      const accepted = await offer(context, transport, recorder);
      await transport.execute({ type: 'offer.accept', offerId: accepted.id });
      let withdrawn: Offer | undefined;
      if (context.withdrawOffer) {
        const gone = await offer(context, transport, recorder);
        const after = recorder.events.length;
        await context.withdrawOffer(transport, gone.id);
        await recorder.until((e) => e.type === 'offer.withdrawn' && e.offerId === gone.id, timeoutOf(context), `"offer.withdrawn" for "${gone.id}"`, after);
        withdrawn = gone;
      }
      await transport.disconnect();

      const replay = new Recorder(transport);
      await transport.connect(agentOf(context), { cursor: from });
      // A new offer comes after everything replayed: it marks the end of the replay.
      const known = new Set([marker.id, accepted.id, withdrawn?.id]);
      if (!context.requestConversation) throw new Skip('needs requestConversation');
      await context.requestConversation(transport);
      const fence = await replay.until((e) => e.type === 'offer.created' && !known.has(e.offer.id), timeoutOf(context), 'new "offer.created" after the replay');
      const replayed = replay.events.slice(0, replay.events.indexOf(fence));
      assertSettledInReplay(
        replayed,
        accepted,
        'accepted',
        (e) =>
          (e.type === 'conversation.updated' && e.conversation.id === accepted.conversationId && e.conversation.state !== 'open') ||
          (e.type === 'offer.withdrawn' && e.offerId === accepted.id),
      );
      if (withdrawn) {
        const id = withdrawn.id;
        assertSettledInReplay(replayed, withdrawn, 'withdrawn', (e) => e.type === 'offer.withdrawn' && e.offerId === id);
      }
      replay.stop();
      recorder.stop();
      await transport.disconnect();
    },
  },
  {
    name: 'a dropped connection emits transport.disconnected, and connect({ cursor }) resumes',
    async run(context) {
      if (!context.dropConnection) throw new Skip('needs dropConnection');
      const { transport, recorder } = await connected(context);
      const start = recorder.events.length;
      await context.dropConnection(transport);
      const dropped = await recorder.next('transport.disconnected', timeoutOf(context), start);
      assert(dropped.cursor === '', `transport.disconnected carries cursor "${dropped.cursor}"; it must be '' (it is not part of the stream).`);
      assert(typeof dropped.reason === 'string', 'transport.disconnected needs a reason.');
      const last = stamped(recorder.events).at(-1)?.cursor;
      if (last && context.requestConversation) {
        // As the desk does: connect again from the last cursor, with no disconnect() in between.
        await context.requestConversation(transport);
        const after = recorder.events.length;
        await transport.connect(agentOf(context), { cursor: last });
        await recorder.until(
          (e) => e.type === 'offer.created',
          timeoutOf(context),
          '"offer.created" replayed after transport.disconnected and connect({ cursor }) (a connect after a drop must open a new connection)',
          after,
        );
      }
      recorder.stop();
      await transport.disconnect();
    },
  },
  {
    name: 'commands fail with TransportError { code, retryable }',
    async run(context) {
      const { transport } = await connected(context);
      await rejectsWithTransportError(transport.execute({ type: 'offer.accept', offerId: `missing-${createClientId()}` }), 'Accepting an unknown offer');
      await transport.disconnect();
    },
  },
  {
    name: 'message.send is idempotent on clientId',
    async run(context) {
      const { transport, recorder } = await connected(context);
      const { conversationId } = await acceptedOffer(context, transport, recorder, 'Hello');
      const clientId = createClientId();
      const send = () => transport.execute({ type: 'message.send', conversationId, clientId, text: 'Exactly once' });
      const [a, b] = await Promise.all([send(), send()]);
      const c = await send();
      assert(a.messageId === b.messageId && b.messageId === c.messageId, 'The same clientId must give the same messageId (sent once).');
      await transport.disconnect();
    },
  },
  {
    // The desk checks transitions before it sends one, so only legal moves are asked for here; a
    // backend may still refuse one with 'conflict' (e.g. another tab moved the conversation).
    name: 'conversation.transition answers with the conversation in its new state',
    async run(context) {
      const { transport, recorder } = await connected(context);
      const { conversationId, id } = await offer(context, transport, recorder);
      await transport.execute({ type: 'offer.accept', offerId: id });
      for (const to of ['wrap-up', 'closed'] as const) {
        const { conversation } = await transport.execute({ type: 'conversation.transition', conversationId, to });
        assert(
          conversation?.id === conversationId && conversation.state === to,
          `Moving "${conversationId}" to "${to}" answered with ${JSON.stringify(conversation?.state)}; it must answer with the conversation in its new state.`,
        );
      }
      await transport.disconnect();
    },
  },
  {
    name: 'conversation.transition to closed takes a wrap-up',
    async run(context) {
      const { transport, recorder } = await connected(context);
      const { conversationId, id } = await offer(context, transport, recorder);
      await transport.execute({ type: 'offer.accept', offerId: id });
      await transport.execute({ type: 'conversation.transition', conversationId, to: 'wrap-up' });
      const { conversation } = await transport.execute({
        type: 'conversation.transition',
        conversationId,
        to: 'closed',
        wrapUp: { disposition: 'conformance', note: 'Closed by the conformance suite.' },
      });
      assert(conversation?.state === 'closed', `Closing with a wrap-up answered with ${JSON.stringify(conversation?.state)}; it must answer with the closed conversation.`);
      await transport.disconnect();
    },
  },
  {
    name: 'an automated message.send is idempotent on clientId',
    async run(context) {
      const { transport, recorder } = await connected(context);
      const { conversationId } = await acceptedOffer(context, transport, recorder, 'Hello');
      const clientId = `privacy-${conversationId}`;
      const send = () => transport.execute({ type: 'message.send', conversationId, clientId, text: 'This conversation may be recorded.', automated: true });
      const [a, b] = await Promise.all([send(), send()]);
      const c = await send();
      assert(a.messageId === b.messageId && b.messageId === c.messageId, 'An automated message sent again with its clientId must give the same messageId (the customer sees it once).');
      await transport.disconnect();
    },
  },
  {
    name: 'conversation.transfer hands an active conversation over (capabilities.transfer)',
    async run(context) {
      const probe = await context.createTransport();
      const allowed = probe.capabilities.transfer;
      if (!allowed) throw new Skip('no transfer capability');
      const queue = allowed.queues?.[0];
      if (queue === undefined && !allowed.agents) throw new Skip('capabilities.transfer names no queue and no agents');
      assert(!allowed.queues || (Array.isArray(allowed.queues) && allowed.queues.every((q) => typeof q === 'string')), 'capabilities.transfer.queues must be a list of queue names.');
      const { transport, recorder } = await connected(context);
      const { conversationId, id } = await offer(context, transport, recorder);
      await transport.execute({ type: 'offer.accept', offerId: id });
      const to = queue !== undefined ? { queue } : { agentId: 'conformance-agent-2' };
      const { conversation } = await transport.execute({ type: 'conversation.transfer', conversationId, to });
      assert(
        conversation?.id === conversationId && conversation.state === 'open',
        `Transferring "${conversationId}" answered with ${JSON.stringify(conversation?.state)}; it must answer with the conversation, Open.`,
      );
      await transport.disconnect();
    },
  },
  {
    name: 'queue.list shows a waiting conversation and queue.pick gives it to the agent (capabilities.queue)',
    async run(context) {
      const probe = await context.createTransport();
      if (!probe.capabilities.queue) throw new Skip('no queue capability');
      if (!context.queueConversation) throw new Skip('needs queueConversation');
      const { transport } = await connected(context);
      const before = new Set((await transport.execute({ type: 'queue.list' })).items.map((item) => item.conversationId));
      await context.queueConversation(transport);
      const { items } = await transport.execute({ type: 'queue.list', limit: 50 });
      assert(Array.isArray(items), 'queue.list must answer with { items: [...] }.');
      const waiting = items.find((item) => !before.has(item.conversationId));
      assert(waiting, 'queue.list did not show the conversation queueConversation() put in the queue.');
      assert(typeof waiting.queue === 'string' && Number.isFinite(waiting.requestedAt) && typeof waiting.customer?.id === 'string', 'A queued item needs conversationId, customer, channel, queue and requestedAt.');
      const { conversation } = await transport.execute({ type: 'queue.pick', conversationId: waiting.conversationId });
      assert(
        conversation?.id === waiting.conversationId && conversation.state === 'active',
        `Picking "${waiting.conversationId}" answered with ${JSON.stringify(conversation?.state)}; it must answer with the conversation, Active.`,
      );
      const after = (await transport.execute({ type: 'queue.list' })).items;
      assert(!after.some((item) => item.conversationId === waiting.conversationId), 'A picked conversation must leave the queue.');
      await rejectsWithTransportError(transport.execute({ type: 'queue.pick', conversationId: waiting.conversationId }), 'Picking a conversation already taken');
      await transport.disconnect();
    },
  },
  {
    name: 'knowledge.search finds articles and knowledge.get answers with their blocks (capabilities.knowledge)',
    async run(context) {
      const transport = await context.createTransport();
      if (!transport.capabilities.knowledge) throw new Skip('no knowledge capability');
      await transport.connect(agentOf(context));
      const query = context.knowledgeQuery ?? 'order';
      const { articles } = await transport.execute({ type: 'knowledge.search', query, limit: 5 });
      assert(Array.isArray(articles), 'knowledge.search must answer with { articles: [...] }.');
      assert(articles.length > 0 && articles.length <= 5, `knowledge.search for "${query}" with limit 5 answered with ${articles.length} articles; expected 1 to 5.`);
      for (const a of articles) {
        assert(['id', 'title', 'summary', 'locale'].every((key) => typeof a[key as keyof typeof a] === 'string'), 'An article summary needs id, title, summary and locale as text.');
        assert(a.url === undefined || /^https?:\/\//i.test(a.url), `Article "${a.id}" has the address "${a.url}"; only http(s) is allowed.`);
      }
      const { article } = await transport.execute({ type: 'knowledge.get', articleId: articles[0]!.id });
      assert(article?.id === articles[0]!.id && Array.isArray(article.blocks), 'knowledge.get must answer with { article } that has the id asked for and its blocks.');
      const kinds = ['heading', 'paragraph', 'list', 'steps', 'note'];
      assert(article.blocks.every((b) => kinds.includes(b.type)), `An article's blocks are ${kinds.join(', ')}: text only, never HTML.`);
      await rejectsWithTransportError(transport.execute({ type: 'knowledge.get', articleId: 'conformance-no-such-article' }), 'Getting an article that does not exist');
      await transport.disconnect();
    },
  },
  {
    name: 'call.start rings and call.end ends the call; call events carry cursors (capabilities.calls)',
    async run(context) {
      const probe = await context.createTransport();
      const calls = probe.capabilities.calls;
      if (!calls) throw new Skip('no calls capability');
      assert(typeof calls.voice === 'boolean' && typeof calls.video === 'boolean', 'capabilities.calls needs voice and video as booleans.');
      const { transport, recorder } = await connected(context);
      const { conversationId } = await acceptedOffer(context, transport, recorder, 'Can we talk?');
      const media = calls.voice ? 'voice' : 'video';
      const callId = createClientId();
      const after = recorder.events.length;
      await transport.execute({ type: 'call.start', conversationId, media, callId });
      const state = (name: string) => (e: TransportEvent) => e.type === 'call.state' && e.callId === callId && e.state === name;
      const ringing = await recorder.until(state('ringing'), timeoutOf(context), '"call.state" ringing after call.start', after);
      assert(typeof ringing.cursor === 'string' && ringing.cursor !== '', 'A call.state event needs a cursor.');
      await transport.execute({ type: 'call.end', callId });
      const ended = await recorder.until(state('ended'), timeoutOf(context), '"call.state" ended after call.end', after);
      assert(compareCursors(ringing.cursor, ended.cursor) < 0, 'The ended state must come after ringing, with a later cursor.');
      await rejectsWithTransportError(transport.execute({ type: 'call.hold', callId: 'conformance-no-such-call', on: true }), 'Holding a call that does not exist');
      recorder.stop();
      await transport.disconnect();
    },
  },
  {
    name: 'call.signal carries session descriptions and candidates both ways (capabilities.calls)',
    async run(context) {
      const probe = await context.createTransport();
      if (!probe.capabilities.calls) throw new Skip('no calls capability');
      if (!context.answerCall && !context.callsAnswer) throw new Skip('needs answerCall or callsAnswer');
      if (typeof RTCPeerConnection !== 'function') throw new Skip('no RTCPeerConnection here');
      const { transport, recorder } = await connected(context);
      const { conversationId } = await acceptedOffer(context, transport, recorder, 'Call me, please.');
      const callId = createClientId();
      const after = recorder.events.length;
      const media = probe.capabilities.calls.voice ? 'voice' : 'video';
      await transport.execute({ type: 'call.start', conversationId, media, callId });
      await context.answerCall?.(transport, callId);
      await recorder.until((e) => e.type === 'call.state' && e.callId === callId && e.state === 'connecting', timeoutOf(context), '"call.state" connecting once the customer answered', after);
      const pc = new RTCPeerConnection();
      try {
        pc.addTransceiver(media === 'video' ? 'video' : 'audio');
        await pc.setLocalDescription(await pc.createOffer());
        await transport.execute({ type: 'call.signal', callId, description: { type: 'offer', sdp: pc.localDescription!.sdp } });
        const answer = await recorder.until((e) => e.type === 'call.signal' && e.callId === callId && e.description?.type === 'answer', timeoutOf(context), '"call.signal" with an answer', after);
        assert(answer.type === 'call.signal' && typeof answer.description?.sdp === 'string', 'An answer needs its sdp as text.');
        await pc.setRemoteDescription(answer.description!);
        const candidate = await recorder.until((e) => e.type === 'call.signal' && e.callId === callId && e.candidate !== undefined, timeoutOf(context), '"call.signal" with a candidate', after);
        assert(candidate.type === 'call.signal' && typeof candidate.candidate?.candidate === 'string', 'A candidate needs its candidate line as text.');
        await transport.execute({ type: 'call.signal', callId, candidate: { candidate: '', sdpMid: '0', sdpMLineIndex: 0 } });
      } finally {
        pc.close();
      }
      await transport.execute({ type: 'call.end', callId });
      recorder.stop();
      await transport.disconnect();
    },
  },
  {
    name: 'upload() answers with an http(s) or blob: URL and reports progress',
    async run(context) {
      const transport = await context.createTransport();
      if (!transport.capabilities.upload || !transport.upload) throw new Skip('no upload capability');
      const recorder = new Recorder(transport);
      await transport.connect(agentOf(context));
      const { conversationId, id } = await offer(context, transport, recorder);
      await transport.execute({ type: 'offer.accept', offerId: id });
      const file = new Blob(['A small text file from the conformance suite.\n'], { type: 'text/plain' });
      const progress: number[] = [];
      const ref = await transport.upload(
        file,
        { conversationId, clientId: createClientId(), name: 'conformance.txt', mimeType: 'text/plain', size: file.size },
        { onProgress: (sent) => progress.push(sent) },
      );
      assert(typeof ref?.id === 'string' && ref.id.length > 0, 'upload() must answer with an AttachmentRef that has an id.');
      assert(typeof ref.url === 'string' && /^(https?|blob):/i.test(ref.url), `upload() answered with the URL "${String(ref.url)}"; it must be http(s) or blob:.`);
      assert(progress.length > 0, 'upload() never called onProgress.');
      assert(
        progress.every((sent, i) => Number.isFinite(sent) && sent >= 0 && (i === 0 || sent >= progress[i - 1]!)),
        `onProgress must report the bytes sent so far, never fewer than before; it reported ${progress.join(', ')}.`,
      );
      recorder.stop();
      await transport.disconnect();
    },
  },
  {
    name: 'upload() honours an aborted signal',
    async run(context) {
      const transport = await context.createTransport();
      if (!transport.capabilities.upload || !transport.upload) throw new Skip('no upload capability');
      const recorder = new Recorder(transport);
      await transport.connect(agentOf(context));
      const { conversationId, id } = await offer(context, transport, recorder);
      await transport.execute({ type: 'offer.accept', offerId: id });
      const controller = new AbortController();
      controller.abort();
      const file = new Blob(['%PDF-1.4'], { type: 'application/pdf' });
      await rejectsWithTransportError(
        transport.upload(file, { conversationId, clientId: createClientId(), name: 'a.pdf', mimeType: 'application/pdf', size: file.size }, { signal: controller.signal }),
        'An aborted upload',
      );
      recorder.stop();
      await transport.disconnect();
    },
  },
];

/** Runs every check (or those named in `only`) and reports each; never throws. */
export async function runConformance(context: ConformanceContext, only?: readonly string[]): Promise<ConformanceResult[]> {
  const results: ConformanceResult[] = [];
  for (const check of conformanceChecks) {
    if (only && !only.includes(check.name)) continue;
    try {
      await check.run(context);
      results.push({ name: check.name, status: 'passed' });
    } catch (error) {
      results.push(
        error instanceof Skip
          ? { name: check.name, status: 'skipped', error: error.message }
          : { name: check.name, status: 'failed', error: error instanceof Error ? error.message : String(error) },
      );
    }
  }
  return results;
}
