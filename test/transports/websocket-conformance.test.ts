import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { conformanceChecks, runConformance, type ConformanceContext } from '../../src/transports/conformance/index.js';
import { WebSocketTransport } from '../../src/transports/websocket/index.js';
import type { Capabilities } from '../../src/core/transport.js';

const AGENT = { id: 'conformance-agent', name: 'Conformance' };

/**
 * The exported conformance suite with WebSocketTransport against the reference bridge (server/),
 * which the test runner starts once (test/support/websocket-bridge.mjs). Checks for capabilities
 * the bridge does not claim in its welcome are skipped; every other check must pass.
 */
describe('WebSocketTransport against the bridge (Chromium): the conformance suite', function () {
  this.timeout(30_000);
  let context: ConformanceContext;

  before(async () => {
    const { url, httpUrl } = await executeServerCommand<{ url: string; httpUrl: string }, undefined>('websocket-bridge');
    const dev = async (path: string, body: unknown = {}): Promise<Record<string, unknown>> => {
      const response = await fetch(`${httpUrl}/dev/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const text = await response.text();
      if (!response.ok) throw new Error(`POST /dev/${path} answered ${response.status}: ${text}`);
      return JSON.parse(text) as Record<string, unknown>;
    };
    const getToken = async () => (await dev('token', { agentId: AGENT.id, name: AGENT.name })).token as string;
    const transport = (capabilities?: Partial<Capabilities>) => new WebSocketTransport({ url, getToken, capabilities });
    const probe = transport();
    await probe.connect(AGENT);
    const claimed = probe.capabilities;
    await probe.disconnect();
    context = {
      agent: AGENT,
      createTransport: () => transport(claimed),
      requestConversation: async () => void (await dev('customer')),
      customerSays: async (_t, conversationId, text) => void (await dev('say', { conversationId, text })),
      withdrawOffer: async (_t, offerId) => void (await dev('withdraw', { offerId })),
      dropConnection: async () => void (await dev('drop', { agentId: AGENT.id })),
      queueConversation: async () => void (await dev('queue')),
    };
  });

  for (const check of conformanceChecks) {
    it(check.name, async function () {
      const [result] = await runConformance(context, [check.name]);
      if (result?.status === 'skipped') this.skip();
      expect(result?.status, result?.error).to.equal('passed');
    });
  }
});
