// `npm run size:build`: builds the package (dist/, as published), then every host entry the way a
// host's Vite production build does (vite.size.config.ts), one build per entry into .size/<entry>/:
// each README snippet marked `<!-- size: <entry> -->` (scripts/readme-snippets.mjs) and each size/<entry>.js.
// `size-limit` then checks the budgets in .size-limit.mjs.
import { readdirSync, rmSync } from 'node:fs';
import { build } from 'vite';
import { sizeSnippets } from './readme-snippets.mjs';

rmSync('.size', { recursive: true, force: true });
await build({ logLevel: 'warn' });
const entries = [...sizeSnippets().keys(), ...readdirSync('size').filter((name) => name.endsWith('.js')).map((name) => name.slice(0, -'.js'.length))];
for (const entry of entries.sort()) {
  await build({ configFile: 'vite.size.config.ts', mode: entry });
}
