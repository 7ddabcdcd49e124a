import { expect } from '@open-wc/testing';
import { conformanceChecks, runConformance, type ConformanceContext } from '../../src/transports/conformance/index.js';
import { SimulatedTransport } from '../../src/transports/simulated/index.js';
import type { Transport } from '../../src/core/transport.js';

const simulated: ConformanceContext = {
  createTransport: () => new SimulatedTransport({ seed: 5 }),
  requestConversation: (t: Transport) => void (t as SimulatedTransport).offer(),
  customerSays: (t: Transport, id: string, text: string) => void (t as SimulatedTransport).customerSays(id, text),
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
    expect(results.filter((r) => r.status === 'skipped').map((r) => r.name)).to.include('message.send is idempotent on clientId');
    expect(results.some((r) => r.status === 'failed')).to.equal(false);
  });
});
