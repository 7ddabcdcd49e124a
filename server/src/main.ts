import { createFakeGraph, type FakeGraph } from '../dev/fake-graph.js';
import { configFromEnv } from './config.js';
import { startBridge } from './index.js';
import { redactUrl } from './redis-store.js';

/** `npm run bridge`: the bridge configured by the environment (server/README.md). */
async function main(): Promise<void> {
  const config = configFromEnv(process.env);
  let fakeGraph: FakeGraph | undefined;
  if (config.dev && !process.env.GRAPH_API_URL) {
    // Demo mode with no Graph API given: an in-process fake one, so everything runs without Facebook.
    fakeGraph = await createFakeGraph();
    config.graphApiUrl = fakeGraph.url;
  }
  const bridge = await startBridge({ ...config, ...(fakeGraph ? { fakeGraph } : {}) });
  console.info(`[bridge] listening on ${bridge.httpUrl} (webhook ${bridge.httpUrl}/webhook, agents ${bridge.url})`);
  console.info(`[bridge] Graph API: ${bridge.config.graphApiUrl}/${bridge.config.graphApiVersion}${fakeGraph ? ' (in-process fake)' : ''}`);
  const storage = bridge.config.redisUrl
    ? `Redis at ${redactUrl(bridge.config.redisUrl)} (multi-instance mode)`
    : (bridge.config.dataDir ?? 'memory only (set DATA_DIR to keep data across restarts)');
  console.info(`[bridge] storage: ${storage}`);
  if (bridge.config.dev) {
    console.info('[bridge] DEMO mode: /dev endpoints are on. Never use it with a real page.');
    console.info(`[bridge] dev agent token (agent "demo-agent", 8 h): ${bridge.token('demo-agent', 'Demo agent', 8 * 3600)}`);
  }
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void bridge
      .close()
      .then(() => fakeGraph?.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('[bridge] could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
