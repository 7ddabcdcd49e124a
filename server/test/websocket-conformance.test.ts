// The exported conformance suite with WebSocketTransport against the reference bridge, in Node
// (`ws` as the WebSocket: Node 20 has none). The same suite runs in Chromium in
// test/transports/websocket-conformance.test.ts.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { WebSocket } from 'ws';
import { conformanceChecks, runConformance, type ConformanceContext } from '../../src/transports/conformance/index.js';
import { WebSocketTransport } from '../../src/transports/websocket/index.js';
import type { Capabilities } from '../../src/core/transport.js';
import { createFakeGraph, type FakeGraph } from '../dev/fake-graph.js';
import { startBridge, type Bridge } from '../src/index.js';

const AGENT = { id: 'conformance-agent', name: 'Conformance' };

describe('WebSocketTransport against the bridge (Node, ws): the conformance suite', () => {
  let graph: FakeGraph;
  let bridge: Bridge;
  let context: ConformanceContext;

  before(async () => {
    graph = await createFakeGraph();
    // One agent with room for every conversation the suite opens, whose offers never time out.
    bridge = await startBridge({
      dev: true,
      port: 0,
      fakeGraph: graph,
      graphApiUrl: graph.url,
      capacity: 1000,
      offerTimeoutMs: 3_600_000,
      log: { info() {}, warn() {}, error: console.error },
    });
    const dev = async (path: string, body: unknown = {}) => {
      const response = await fetch(`${bridge.httpUrl}/dev/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const text = await response.text();
      assert.equal(response.status, 200, `POST /dev/${path} answered ${response.status}: ${text}`);
      return JSON.parse(text) as Record<string, unknown>;
    };
    const getToken = async () => (await dev('token', { agentId: AGENT.id, name: AGENT.name })).token as string;
    const transport = (capabilities?: Partial<Capabilities>) => new WebSocketTransport({ url: bridge.url, getToken, WebSocket, capabilities });
    // What the bridge claims in its welcome is what the checks see before they connect.
    const probe = transport();
    await probe.connect(AGENT);
    const claimed = probe.capabilities;
    await probe.disconnect();
    context = {
      agent: AGENT,
      createTransport: () => transport(claimed),
      requestConversation: async () => void (await dev('customer', {})),
      customerSays: async (_t, conversationId, text) => void (await dev('say', { conversationId, text })),
      withdrawOffer: async (_t, offerId) => void (await dev('withdraw', { offerId })),
      dropConnection: async () => void (await dev('drop', { agentId: AGENT.id })),
      queueConversation: async () => void (await dev('queue', {})),
    };
  });

  after(async () => {
    await bridge?.close();
    await graph?.close();
  });

  for (const check of conformanceChecks) {
    test(check.name, async (t) => {
      const [result] = await runConformance(context, [check.name]);
      if (result?.status === 'skipped') {
        t.skip(result.error);
        return;
      }
      assert.equal(result?.status, 'passed', result?.error);
    });
  }
});
