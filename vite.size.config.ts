import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Bundles for the size budgets: one entry per build (`--mode golden-path` / `--mode all`), so no
// shared chunk hides bytes from the entry file. Dependencies are bundled, as an app would ship them;
// dynamic imports stay separate chunks and don't count (they load lazily).
const entries = ['golden-path', 'all'];

export default defineConfig(({ mode }) => {
  if (!entries.includes(mode)) {
    throw new Error(`vite.size.config.ts: pass --mode ${entries.join(' | ')}, got "${mode}".`);
  }
  return {
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    publicDir: false,
    logLevel: 'warn',
    build: {
      outDir: '.size',
      emptyOutDir: false,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      lib: {
        entry: { [mode]: fileURLToPath(new URL(`size/${mode}.ts`, import.meta.url)) },
        formats: ['es'],
      },
      rolldownOptions: {
        output: {
          entryFileNames: '[name].js',
          chunkFileNames: `${mode}-lazy/[name]-[hash].js`,
          minify: { codegen: true },
        },
      },
    },
  };
});
