import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The demo page built as a host app would ship it: used by the CSP test (test/node/csp.test.mjs).
export default defineConfig({
  root: fileURLToPath(new URL('demo', import.meta.url)),
  base: './',
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  logLevel: 'warn',
  publicDir: false,
  build: { outDir: fileURLToPath(new URL('.csp-demo', import.meta.url)), emptyOutDir: true, target: 'es2022' },
});
