import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runBench, table, type BenchOptions } from '../bench/bridge.js';
import { skipRedis } from './redis.js';

/** The load run of `npm run bench:bridge`, short: nothing lost, nothing twice, on one bridge and on two over Redis. */
describe('a short soak (npm run bench:bridge runs the full one)', () => {
  const options: BenchOptions = { agents: 20, conversations: 120, rate: 30, duration: 8, drain: 20, instances: 2, configs: [], sampleMs: 1000 };

  for (const config of ['embedded', 'redis'] as const) {
    it(`${config}: every customer message reaches its agent once, every reply reaches the Graph API once`, { skip: config === 'redis' && skipRedis, timeout: 90_000 }, async () => {
      const [result] = await runBench({ ...options, configs: [config] });
      const summary = table([result!], options);
      assert.equal(result!.messages, 240, summary);
      assert.equal(result!.lost, 0, summary);
      assert.equal(result!.duplicated, 0, summary);
      assert.equal(result!.replies, 240, summary);
      assert.equal(result!.repliesLost, 0, summary);
      assert.equal(result!.repliesDuplicated, 0, summary);
      assert.ok(result!.samples.every((s) => s.length > 0), 'CPU and memory were sampled');
    });
  }
});
