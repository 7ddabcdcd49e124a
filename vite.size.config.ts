import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { sizeSnippets, writeSnippet } from './scripts/readme-snippets.mjs';

// The size budgets measure what a host page really loads. An entry is a README snippet marked
// `<!-- size: <entry> -->` (scripts/readme-snippets.mjs writes its host script to .size/readme/<entry>/),
// or else a tiny host script size/<entry>.js. Both import the package by its name; Vite resolves
// 'contact-center-elements/…' through package.json `exports` to the built dist/ (scripts/size-build.mjs
// builds it first). One ordinary production app build per entry (`--mode <entry>`), every dependency
// bundled, Vite's own minification and target. Each build writes a Vite manifest, from which
// .size-limit.mjs tells the chunks a page loads up front from the lazy ones.
const file = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig(({ mode }) => {
  const snippets = sizeSnippets();
  const own = file(`size/${mode}.js`);
  if (snippets.has(mode) && existsSync(own)) {
    throw new Error(`vite.size.config.ts: "${mode}" is both a README snippet and size/${mode}.js; the README is the source, remove the file.`);
  }
  if (!snippets.has(mode) && !existsSync(own)) {
    throw new Error(`vite.size.config.ts: --mode names a README snippet (<!-- size: <mode> -->) or a host entry in size/ (size/<mode>.js); got "${mode}".`);
  }
  if (!existsSync(file('dist/index.js'))) {
    throw new Error('vite.size.config.ts: dist/ is missing; build the package first (npm run size:build does).');
  }
  const input = snippets.has(mode) ? writeSnippet(mode, file(`.size/readme/${mode}`), snippets) : own;
  return {
    publicDir: false,
    logLevel: 'warn',
    build: {
      outDir: `.size/${mode}`,
      emptyOutDir: true,
      manifest: true,
      // An INEFFECTIVE_DYNAMIC_IMPORT warning here means a lazy chunk got pulled into the first load.
      // React is the host's own: the React entries are measured without it.
      rolldownOptions: { input, external: ['react'] },
    },
  };
});
