import path from 'node:path';

import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { visualRegressionPlugin } from '@web/test-runner-visual-regression/plugin';

import { chromiumArgs, executablePath } from './scripts/chromium.mjs';
import { minifyTemplates } from './scripts/minify-templates.mjs';
import { websocketBridge } from './test/support/websocket-bridge.mjs';
import { websocketFakeServer } from './test/support/websocket-fake-server.mjs';

export default {
  // The fault-injection run (1,000 messages each way through a faulty network) has its own script,
  // `npm run test:faults`, which names the file and so overrides this list; `npm test` runs both.
  files: ['test/**/*.test.ts', '!test/node/**', '!test/transports/fault-injection.test.ts'],
  nodeResolve: true,
  // One page at a time: keyboard and focus tests need the focused page to themselves.
  concurrency: 1,
  testsFinishTimeout: 180000,
  plugins: [
    // The elements run with their html`…`/css`…` literals as the library build ships them (dist/).
    {
      name: 'minify-templates',
      transform(context) {
        if (!context.path.startsWith('/src/') || !context.path.endsWith('.ts')) return undefined;
        const body = minifyTemplates(context.body, context.path);
        return body === undefined ? undefined : { body };
      },
    },
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
    // A protocol-speaking server the WebSocketTransport tests drive (executeServerCommand).
    websocketFakeServer(),
    // The reference bridge (server/), started on first use, for the conformance suite over WebSocket.
    websocketBridge(),
    // Screenshots of the key stories against test/visual/baselines/ (`npm run test:visual:update`
    // rewrites them). A missing baseline fails; a failing shot and its diff go to node_modules/.cache/visual/.
    visualRegressionPlugin({
      baseDir: 'test/visual/baselines',
      update: process.argv.includes('--update-visual-baseline'),
      getBaselineName: ({ name }) => name,
      getFailedName: ({ name }) => path.resolve('node_modules/.cache/visual', name),
      getDiffName: ({ name }) => path.resolve('node_modules/.cache/visual', `${name}-diff`),
      // A pixel counts as changed past 0.1 colour distance (anti-aliasing aside); a shot fails past 50
      // such pixels. A count, not a share: a 4 px shift in a small badge is a fraction of a per cent
      // of a tall picture. Renders on the same Chromium and fonts are pixel-identical run to run.
      diffOptions: { threshold: 0.1 },
      failureThresholdType: 'pixel',
      failureThreshold: 50,
    }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        // Sound tests play a WebAudio tone without a real user gesture. Call tests (F20) get Chromium's
        // fake camera and microphone, with the permission prompt answered yes.
        args: [...chromiumArgs, '--autoplay-policy=no-user-gesture-required', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
      },
    }),
  ],
  testFramework: { config: { timeout: 10000 } },
  // nanostores reads process.env.NODE_ENV without a guard. Lit's dev-mode checks stay on; only its
  // "dev mode" banner is silenced, so the browser logs show real warnings.
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="en">
  <head><script>window.process = { env: { NODE_ENV: 'development' } }; window.litIssuedWarnings = new Set(['dev-mode']);</script></head>
  <body>
    <script type="module">
      // Polish loads on first use in the library; tests start with it loaded, as a Polish host page
      // that awaits loadCatalog('pl') would (the lazy path itself is tested in test/core/i18n.test.ts).
      const { loadCatalog } = await import('/src/i18n/index.ts');
      await loadCatalog('pl');
      await import('${testFramework}');
    </script>
  </body>
</html>`,
};
