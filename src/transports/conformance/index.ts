import { createClientId, isTransportError, type Transport, type TransportEvent } from '../../core/transport.js';
import type { AgentRef, Offer } from '../../core/model.js';

/**
 * What the checks need from a host: a fresh transport per check and, for the checks that need the
 * backend to do something, a driver that makes a test customer act (e.g. calls a test endpoint).
 */
export interface ConformanceContext {
  /** A new, disconnected transport against a test backend. */
  createTransport(): Transport | Promise<Transport>;
  /** Makes the backend offer a new conversation (an `offer.created` event must follow). */
  requestConversation?(transport: Transport): void | Promise<void>;
  /** Makes the customer of a conversation write (a `message.received` event must follow). */
  customerSays?(transport: Transport, conversationId: string, text: string): void | Promise<void>;
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

  next<T extends TransportEvent['type']>(type: T, timeout: number, after = 0): Promise<Extract<TransportEvent, { type: T }>> {
    const match = (e: TransportEvent) => e.type === type;
    const seen = this.events.slice(after).find(match);
    if (seen) return Promise.resolve(seen as Extract<TransportEvent, { type: T }>);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`No "${type}" event within ${timeout} ms.`)), timeout);
      this.#waiters.push({
        match,
        resolve: (e) => {
          clearTimeout(timer);
          resolve(e as Extract<TransportEvent, { type: T }>);
        },
      });
    });
  }
}

const agentOf = (context: ConformanceContext): AgentRef => context.agent ?? { id: 'conformance-agent' };
const timeoutOf = (context: ConformanceContext): number => context.timeout ?? 2000;

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
      const agent = agentOf(context);
      await Promise.all([transport.connect(agent), transport.connect(agent)]);
      await transport.connect(agent);
      await transport.disconnect();
    },
  },
  {
    name: 'events carry distinct, non-empty cursors',
    async run(context) {
      const { transport, recorder } = await connected(context);
      await offer(context, transport, recorder);
      await offer(context, transport, recorder);
      const cursors = recorder.events.filter((e) => e.type !== 'transport.disconnected').map((e) => e.cursor);
      assert(cursors.every((c) => typeof c === 'string' && c.length > 0), 'Every event needs a cursor.');
      assert(new Set(cursors).size === cursors.length, 'Cursors must not repeat.');
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
    name: 'connect({ cursor }) replays every later event (backfill)',
    async run(context) {
      const { transport, recorder } = await connected(context);
      const first = await offer(context, transport, recorder);
      const firstEvent = recorder.events.find((e) => e.type === 'offer.created' && e.offer.id === first.id)!;
      await transport.disconnect();
      // Happens while this client is away.
      const missed = recorder.events.length;
      if (!context.requestConversation) throw new Skip('needs requestConversation');
      await context.requestConversation(transport);
      const second = new Recorder(transport);
      await transport.connect(agentOf(context), { cursor: firstEvent.cursor });
      const replayed = await second.next('offer.created', timeoutOf(context));
      assert(replayed.offer.id !== first.id, 'Backfill replayed the event at the cursor itself; it must start after it.');
      assert(recorder.events.length >= missed, 'internal');
      second.stop();
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
      const { conversationId, id } = await offer(context, transport, recorder);
      await transport.execute({ type: 'offer.accept', offerId: id });
      if (context.customerSays) await context.customerSays(transport, conversationId, 'Hello');
      const clientId = createClientId();
      const send = () => transport.execute({ type: 'message.send', conversationId, clientId, text: 'Exactly once' });
      const [a, b] = await Promise.all([send(), send()]);
      const c = await send();
      assert(a.messageId === b.messageId && b.messageId === c.messageId, 'The same clientId must give the same messageId (sent once).');
      await transport.disconnect();
    },
  },
  {
    name: 'illegal conversation transitions are refused',
    async run(context) {
      const { transport, recorder } = await connected(context);
      const { conversationId, id } = await offer(context, transport, recorder);
      await transport.execute({ type: 'offer.accept', offerId: id });
      // Active → Closed skips wrap-up (F11).
      await rejectsWithTransportError(transport.execute({ type: 'conversation.transition', conversationId, to: 'closed' }), 'Active → Closed');
      await transport.disconnect();
    },
  },
  {
    name: 'upload() honours an aborted signal',
    async run(context) {
      const transport = await context.createTransport();
      if (!transport.capabilities.upload || !transport.upload) throw new Skip('no upload capability');
      const { recorder } = { recorder: new Recorder(transport) };
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
