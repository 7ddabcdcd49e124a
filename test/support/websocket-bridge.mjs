// The reference bridge (server/) for the conformance suite in Chromium
// (test/transports/websocket-conformance.test.ts): started on first use, once per test run, in demo
// mode with the fake Graph API, and stopped with the test server. The page asks for its URLs with
// executeServerCommand('websocket-bridge').
import { tsImport } from 'tsx/esm/api';

export function websocketBridge() {
  /** @type {Promise<{ bridge: { url: string, httpUrl: string, close(): Promise<void> }, graph: { close(): Promise<void> } }> | undefined} */
  let started;

  async function start() {
    const { startBridge } = await tsImport('../../server/src/index.ts', import.meta.url);
    const { createFakeGraph } = await tsImport('../../server/dev/fake-graph.ts', import.meta.url);
    const graph = await createFakeGraph();
    // One agent takes every conversation the suite opens, and its offers never time out.
    const bridge = await startBridge({
      dev: true,
      port: 0,
      fakeGraph: graph,
      graphApiUrl: graph.url,
      capacity: 1000,
      offerTimeoutMs: 3_600_000,
      log: { info() {}, warn() {}, error: console.error },
    });
    return { bridge, graph };
  }

  return {
    name: 'websocket-bridge',
    async serverStop() {
      if (!started) return;
      const { bridge, graph } = await started;
      await bridge.close();
      await graph.close();
    },
    async executeCommand({ command }) {
      if (command !== 'websocket-bridge') return undefined;
      started ??= start();
      const { bridge } = await started;
      return { url: bridge.url, httpUrl: bridge.httpUrl };
    },
  };
}
