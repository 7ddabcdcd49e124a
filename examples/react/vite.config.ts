import { defineConfig } from 'vite';

// No React plugin needed for a production build: Vite compiles the TSX with the automatic JSX runtime.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic' } },
});
