import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The bench page, built like a host app would ship it: production mode, minified, deps bundled.
const page = (name: string) => fileURLToPath(new URL(`bench/${name}`, import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('bench', import.meta.url)),
  base: './',
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  logLevel: 'warn',
  // One React for react-virtuoso and react-dom (the peers page only).
  resolve: { dedupe: ['react', 'react-dom'] },
  publicDir: false,
  build: {
    outDir: 'out/site',
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    // Communication panel, the transcript beside its peers, transcript search (its own page: Chromium
    // runs it with GC exposed), and adversarial Messenger markdown.
    rolldownOptions: {
      input: { index: page('index.html'), peers: page('peers.html'), search: page('search.html'), richText: page('rich-text.html') },
    },
  },
});
