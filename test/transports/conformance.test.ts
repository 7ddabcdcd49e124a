import { expect } from '@open-wc/testing';
import { conformanceChecks, runConformance, type ConformanceContext } from '../../src/transports/conformance/index.js';
import { FaultTransport } from '../../src/transports/fault/index.js';
import { SimulatedTransport } from '../../src/transports/simulated/index.js';
import type { AgentRef, Offer } from '../../src/core/model.js';
import type { ConnectOptions, Transport, TransportEvent } from '../../src/core/transport.js';

const sim = (t: Transport) => t as SimulatedTransport;

/** Every driver the suite knows: with the simulator, no check is skipped. */
const WORKDAY = { queue: true, transfer: { queues: ['Billing', 'Returns'], agents: true } };
/** The simulated customer takes calls after a short ring (F20). */
const CALLS = { calls: { ringMs: 10 } };

const simulated: ConformanceContext = {
  createTransport: () => new SimulatedTransport({ seed: 5, capabilities: WORKDAY, ...CALLS }),
  requestConversation: (t: Transport) => void sim(t).offer(),
  customerSays: (t: Transport, id: string, text: string) => void sim(t).customerSays(id, text),
  withdrawOffer: (t: Transport, offerId: string) => void sim(t).withdraw(offerId, 'taken'),
  dropConnection: (t: Transport) => sim(t).dropConnection(),
  queueConversation: (t: Transport) => void sim(t).queueConversation(),
  callsAnswer: true,
};

/** The simulator with one flaw: `flaw` replaces some of its members. Expected events fail fast. */
function flawed(flaw: (inner: SimulatedTransport) => Partial<Transport>): ConformanceContext {
  return {
    ...simulated,
    timeout: 300,
    createTransport: () => {
      const inner = new SimulatedTransport({ seed: 8, capabilities: WORKDAY, ...CALLS });
      const own: Partial<Record<PropertyKey, unknown>> = flaw(inner);
      return new Proxy(inner, {
        get(target, key) {
          if (key in own) return own[key];
          const value: unknown = Reflect.get(target, key);
          return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
        },
      });
    },
  };
}

/** A subscribe() that changes or loses events on their way out (undefined: lost). */
const mangling = (change: (event: TransportEvent) => TransportEvent | undefined) => (inner: SimulatedTransport) => ({
  subscribe: (listener: (event: TransportEvent) => void) =>
    inner.subscribe((event) => {
      const out = change(event);
      if (out) listener(out);
    }),
});

/** Loses the events `lose` picks, but only while replaying (a connect with a cursor). */
const losingInReplays = (lose: (event: TransportEvent) => boolean) => (inner: SimulatedTransport) => {
  let replaying = false;
  return {
    connect: async (agent: AgentRef, opts?: ConnectOptions) => {
      replaying = opts?.cursor !== undefined;
      try {
        return await inner.connect(agent, opts);
      } finally {
        replaying = false;
      }
    },
    ...mangling((e) => (replaying && lose(e) ? undefined : e))(inner),
  };
};

describe('adapter conformance suite', () => {
  for (const check of conformanceChecks) {
    it(`simulated transport: ${check.name}`, async () => {
      await check.run(simulated);
    });
  }

  it('reports a non-conforming adapter instead of throwing', async () => {
    const broken: ConformanceContext = {
      createTransport: () => {
        const inner = new SimulatedTransport({ seed: 6 });
        // Forgets idempotency: every send is a new message.
        let n = 0;
        return new Proxy(inner, {
          get(target, key, receiver) {
            if (key === 'execute') {
              return async (command: Parameters<Transport['execute']>[0]) =>
                command.type === 'message.send' ? { messageId: `dup-${++n}`, at: Date.now() } : target.execute(command);
            }
            const value = Reflect.get(target, key, receiver);
            return typeof value === 'function' ? value.bind(target) : value;
          },
        });
      },
      requestConversation: simulated.requestConversation!,
    };
    const results = await runConformance(broken);
    const send = results.find((r) => r.name === 'message.send is idempotent on clientId')!;
    expect(send.status).to.equal('failed');
    expect(send.error).to.contain('same messageId');
    expect(results.find((r) => r.name === 'declares its capabilities')!.status).to.equal('passed');
  });

  it('skips checks that need a driver the host did not give', async () => {
    const results = await runConformance({ createTransport: () => new SimulatedTransport({ seed: 7 }) });
    expect(results.filter((r) => r.status === 'skipped').map((r) => r.name)).to.include.members([
      'message.send is idempotent on clientId',
      'a dropped connection emits transport.disconnected, and connect({ cursor }) resumes',
      'the snapshot holds the pending offers and the open conversations with their messages',
    ]);
    expect(results.find((r) => r.name === 'connect() without a cursor delivers a snapshot first')!.status).to.equal('passed');
    expect(results.some((r) => r.status === 'failed')).to.equal(false);
  });

  it('skips the queue and transfer checks when the capabilities are off', async () => {
    const results = await runConformance({ ...simulated, createTransport: () => new SimulatedTransport({ seed: 5 }) });
    const status = (prefix: string) => results.find((r) => r.name.startsWith(prefix))!;
    expect(status('conversation.transfer').status).to.equal('skipped');
    expect(status('queue.list').status).to.equal('skipped');
    expect(results.some((r) => r.status === 'failed')).to.equal(false);
  });

  it('fails an adapter whose transfer leaves the conversation active', async () => {
    const results = await runConformance(
      flawed((inner) => ({
        capabilities: { ...inner.capabilities, transfer: { queues: ['Billing'] } },
        execute: async (command) => {
          if (command.type !== 'conversation.transfer') return inner.execute(command);
          return { conversation: inner.conversation(command.conversationId)! } as never;
        },
      })),
      ['conversation.transfer hands an active conversation over (capabilities.transfer)'],
    );
    expect(results[0]!.status).to.equal('failed');
    expect(results[0]!.error).to.contain('Open');
  });

  it('passes through a fault transport that injects nothing', async () => {
    const inner = new WeakMap<Transport, SimulatedTransport>();
    const backend = (t: Transport) => inner.get(t)!;
    const results = await runConformance({
      createTransport: () => {
        const simulator = new SimulatedTransport({ seed: 9, capabilities: WORKDAY, ...CALLS });
        const network = new FaultTransport(simulator, { seed: 1 });
        inner.set(network, simulator);
        return network;
      },
      requestConversation: (t) => void backend(t).offer(),
      customerSays: (t, id, text) => void backend(t).customerSays(id, text),
      withdrawOffer: (t, offerId) => void backend(t).withdraw(offerId),
      dropConnection: (t) => (t as FaultTransport).dropConnection(),
      queueConversation: (t) => void backend(t).queueConversation(),
      callsAnswer: true,
    });
    expect(results.filter((r) => r.status !== 'passed')).to.deep.equal([]);
  });

  describe('each check fails an adapter with its flaw', () => {
    const cases: [flaw: string, check: string, context: ConformanceContext, says: string][] = [
      [
        'never emits transport.disconnected',
        'a dropped connection emits transport.disconnected, and connect({ cursor }) resumes',
        flawed(mangling((e) => (e.type === 'transport.disconnected' ? undefined : e))),
        'No "transport.disconnected" event',
      ],
      [
        'stamps a cursor on transport.disconnected',
        'a dropped connection emits transport.disconnected, and connect({ cursor }) resumes',
        flawed(mangling((e) => (e.type === 'transport.disconnected' ? { ...e, cursor: '1' } : e))),
        "it must be ''",
      ],
      [
        'stays "connected" after a drop, so a reconnect does nothing',
        'a dropped connection emits transport.disconnected, and connect({ cursor }) resumes',
        flawed((inner) => ({
          connect: async (agent, opts) => {
            // Ignores a connect while it believes it is still connected.
            if (inner.agent) return;
            return inner.connect(agent, opts);
          },
        })),
        'a connect after a drop must open a new connection',
      ],
      [
        'sends no snapshot',
        'connect() without a cursor delivers a snapshot first',
        flawed(mangling((e) => (e.type === 'snapshot' ? undefined : e))),
        'a "snapshot" must come first',
      ],
      [
        'leaves the open conversations out of the snapshot',
        'the snapshot holds the pending offers and the open conversations with their messages',
        flawed(mangling((e) => (e.type === 'snapshot' ? { ...e, conversations: [] } : e))),
        'lacks the accepted conversation',
      ],
      [
        'leaves the newest messages out of the snapshot',
        'the snapshot holds the pending offers and the open conversations with their messages',
        flawed(mangling((e) => (e.type === 'snapshot' ? { ...e, messages: e.messages.filter((m) => !m.text?.startsWith('Snapshot check')) } : e))),
        'lacks the newest message',
      ],
      [
        'keeps an accepted offer in the snapshot',
        'the snapshot holds the pending offers and the open conversations with their messages',
        flawed((inner) => {
          const accepted: Offer[] = [];
          return {
            execute: async (command) => {
              if (command.type === 'offer.accept') accepted.push(inner.pendingOffers.find((o) => o.id === command.offerId)!);
              return inner.execute(command);
            },
            ...mangling((e) => (e.type === 'snapshot' ? { ...e, offers: [...e.offers, ...accepted] } : e))(inner),
          };
        }),
        'which was accepted',
      ],
      [
        'answers a cursor with a snapshot instead of a replay',
        'connect({ cursor }) replays every later event, and no snapshot',
        flawed((inner) => ({ connect: (agent, opts) => inner.connect(agent, { ...opts, cursor: undefined }) })),
        'No "offer.created" event',
      ],
      [
        'sends a snapshot before the replay',
        'connect({ cursor }) replays every later event, and no snapshot',
        flawed((inner) => ({
          connect: async (agent, opts) => {
            if (opts?.cursor !== undefined) await inner.connect(agent);
            await inner.disconnect();
            return inner.connect(agent, opts);
          },
        })),
        'it must replay the events after the cursor instead',
      ],
      [
        'stamps cursors that shrink',
        'event cursors only grow (a longer cursor is later; equal lengths compare as text)',
        flawed(mangling((e) => (e.cursor ? { ...e, cursor: String(10 ** 12 - Number(e.cursor)) } : e))),
        'does not come after',
      ],
      [
        'replays offers without what settled them',
        'a replay that brings back an offer also brings back what settled it',
        flawed(losingInReplays((e) => e.type === 'conversation.updated')),
        'which was accepted, without the event that settled it',
      ],
      [
        'replays a withdrawn offer without its offer.withdrawn',
        'a replay that brings back an offer also brings back what settled it',
        flawed(losingInReplays((e) => e.type === 'offer.withdrawn')),
        'which was withdrawn, without the event that settled it',
      ],
      [
        'answers an upload with a data: URL',
        'upload() answers with an http(s) or blob: URL and reports progress',
        flawed((inner) => ({ upload: async (file, meta, opts) => ({ ...(await inner.upload(file, meta, opts)), url: 'data:text/plain,hi' }) })),
        'it must be http(s) or blob:',
      ],
      [
        'reports no upload progress',
        'upload() answers with an http(s) or blob: URL and reports progress',
        flawed((inner) => ({ upload: (file, meta) => inner.upload(file, meta, {}) })),
        'never called onProgress',
      ],
      [
        'answers a transition with the old state',
        'conversation.transition answers with the conversation in its new state',
        flawed((inner) => ({
          execute: async (command) => {
            const before = command.type === 'conversation.transition' ? inner.conversation(command.conversationId) : undefined;
            const result = await inner.execute(command);
            return before ? ({ conversation: before } as never) : result;
          },
        })),
        'must answer with the conversation in its new state',
      ],
    ];
    for (const [flaw, check, context, says] of cases) {
      it(`${check}: fails an adapter that ${flaw}`, async () => {
        const [result] = await runConformance(context, [check]);
        expect(result, `no check named "${check}"`).to.exist;
        expect(result!.status).to.equal('failed');
        expect(result!.error).to.contain(says);
      });
    }
  });

  it('asks nothing of a backend about illegal transitions: the desk enforces them', async () => {
    // A backend that takes any move still conforms.
    const lenient = flawed((inner) => ({
      execute: async (command) => {
        if (command.type !== 'conversation.transition') return inner.execute(command);
        const conversation = { ...inner.conversation(command.conversationId)!, state: command.to };
        return { conversation } as never;
      },
    }));
    const results = await runConformance({ ...lenient, timeout: 2000 });
    expect(results.filter((r) => r.status !== 'passed')).to.deep.equal([]);
  });
});
