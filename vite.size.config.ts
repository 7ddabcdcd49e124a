import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The size budgets measure what a host page really loads. Each size/<entry>.js is a tiny host script
// that imports the package by its name, exactly as a README snippet does; Vite resolves
// 'contact-center-elements/…' through package.json `exports` to the built dist/ (scripts/size-build.mjs
// builds it first). One ordinary production app build per entry (`--mode <entry>`), every dependency
// bundled, Vite's own minification and target. Each build writes a Vite manifest, from which
// .size-limit.mjs tells the chunks a page loads up front from the lazy ones.
const file = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig(({ mode }) => {
  if (!existsSync(file(`size/${mode}.js`))) {
    throw new Error(`vite.size.config.ts: --mode names a host entry in size/ (size/<mode>.js); got "${mode}".`);
  }
  if (!existsSync(file('dist/index.js'))) {
    throw new Error('vite.size.config.ts: dist/ is missing; build the package first (npm run size:build does).');
  }
  return {
    publicDir: false,
    logLevel: 'warn',
    build: {
      outDir: `.size/${mode}`,
      emptyOutDir: true,
      manifest: true,
      // An INEFFECTIVE_DYNAMIC_IMPORT warning here means a lazy chunk got pulled into the first load.
      // React is the host's own: the React entries are measured without it.
      rolldownOptions: { input: file(`size/${mode}.js`), external: ['react'] },
    },
  };
});
