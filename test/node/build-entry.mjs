// Builds one host entry (a README snippet marked `<!-- size: <entry> -->`, or size/<entry>.js) in memory
// with Vite, as a host builds it
// (vite.size.config.ts), against dist/ (`npm run test:node` builds it first). Shared by the node
// tests that check what a host's bundler really ships.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export const root = fileURLToPath(new URL('../../', import.meta.url));

/** Builds the host entry <entry>: `firstLoad` is what a page loads before running it, `lazy` the chunks it loads on use. */
export async function hostBuild(entry) {
  const result = await build({
    root,
    configFile: `${root}vite.size.config.ts`,
    mode: entry,
    logLevel: 'silent',
    build: { write: false, emptyOutDir: false },
  });
  const chunks = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output).filter((o) => o.type === 'chunk');
  const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const firstLoad = new Set();
  const walk = (chunk) => {
    if (firstLoad.has(chunk)) return;
    firstLoad.add(chunk);
    for (const file of chunk.imports) walk(byFile.get(file));
  };
  chunks.filter((chunk) => chunk.isEntry).forEach(walk);
  assert.ok(firstLoad.size > 0, `no entry chunk built for the host entry ${entry}`);
  return { firstLoad: [...firstLoad], lazy: chunks.filter((chunk) => !firstLoad.has(chunk)) };
}
