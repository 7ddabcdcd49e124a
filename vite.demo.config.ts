import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { minifyTemplatesPlugin } from './scripts/minify-templates.mjs';

// The demo page built as a host app would ship it: used by the CSP test (test/node/csp.test.mjs).
export default defineConfig({
  root: fileURLToPath(new URL('demo', import.meta.url)),
  base: './',
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  logLevel: 'warn',
  publicDir: false,
  // The elements' html`…`/css`…` literals as the library build ships them.
  plugins: [minifyTemplatesPlugin(fileURLToPath(new URL('src/', import.meta.url)))],
  build: { outDir: fileURLToPath(new URL('.csp-demo', import.meta.url)), emptyOutDir: true, target: 'es2022' },
});
