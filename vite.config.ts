import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { minifyTemplatesPlugin } from './scripts/minify-templates.mjs';
import { frameworksPlugin, reactEntries } from './scripts/frameworks.mjs';

const root = fileURLToPath(new URL('.', import.meta.url));
const src = (path: string) => `${root}src/${path}`;

/** One `define/<name>` entry per element folder that has a define.ts, so new elements ship without edits here. */
function elementEntries(): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const dir of readdirSync(src('elements'), { withFileTypes: true })) {
    if (dir.isDirectory() && existsSync(src(`elements/${dir.name}/define.ts`))) {
      entries[`define/${dir.name}`] = src(`elements/${dir.name}/define.ts`);
    }
  }
  return entries;
}

function libraryEntries(): Record<string, string> {
  const entries: Record<string, string> = {
    index: src('index.ts'),
    elements: src('elements.ts'),
    define: src('define.ts'),
    ...elementEntries(),
    // The default sentiment analyzer and its word lists: only hosts that import it load them.
    sentiment: src('sentiment/index.ts'),
    // React wrappers, one entry per element folder, generated from custom-elements.json (scripts/frameworks.mjs).
    ...reactEntries(root),
    'react/use-store': src('react/use-store.ts'),
  };
  for (const name of ['simulated', 'fault', 'conformance', 'websocket']) {
    if (existsSync(src(`transports/${name}/index.ts`))) entries[`transports/${name}`] = src(`transports/${name}/index.ts`);
  }
  return entries;
}

/** Runtime dependencies stay imports, so the host app dedupes them (and Node resolves lit's node build). */
const external = /^(lit|lit\/.*|@lit\/.*|@lit-labs\/.*|nanostores|nanostores\/.*|idb|idb\/.*|react|react\/.*)$/;

export default defineConfig(({ command, mode }) => {
  const nodeEnv = command === 'serve' ? 'development' : 'production';
  const define = { 'process.env.NODE_ENV': JSON.stringify(mode === 'test' ? 'test' : nodeEnv) };

  if (command === 'serve') {
    // `npm start`: the demo CRM page, importing straight from src.
    return {
      root: 'demo',
      define,
      // One Lit for the demo and everything it imports from src.
      resolve: { dedupe: ['lit', 'lit-html', 'lit-element', '@lit/reactive-element'] },
      server: { host: '127.0.0.1', port: 5173, strictPort: true, fs: { allow: [root] } },
    };
  }

  return {
    define,
    publicDir: false,
    // The indentation inside html`…` and css`…` literals is whitespace the minifier keeps: drop it.
    plugins: [minifyTemplatesPlugin(src('')), frameworksPlugin(root)],
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      target: 'es2022',
      minify: true,
      sourcemap: true,
      lib: {
        entry: libraryEntries(),
        formats: ['es'],
      },
      rolldownOptions: {
        external: (id: string) => external.test(id),
        output: {
          entryFileNames: '[name].js',
          chunkFileNames: 'chunks/[name]-[hash].js',
          // Vite keeps whitespace in ES libraries by default; ship them fully minified (pure annotations stay).
          minify: { codegen: true },
        },
      },
    },
  };
});
