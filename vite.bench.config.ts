import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The bench page, built like a host app would ship it: production mode, minified, deps bundled.
export default defineConfig({
  root: fileURLToPath(new URL('bench', import.meta.url)),
  base: './',
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  logLevel: 'warn',
  publicDir: false,
  build: { outDir: 'out/site', emptyOutDir: true, target: 'es2022', minify: true },
});
