// `npm run size:build`: builds the package (dist/, as published), then every host entry in size/ the
// way a host's Vite production build does (vite.size.config.ts), one build per entry into .size/<entry>/.
// `size-limit` then checks the budgets in .size-limit.mjs.
import { readdirSync, rmSync } from 'node:fs';
import { build } from 'vite';

rmSync('.size', { recursive: true, force: true });
await build({ logLevel: 'warn' });
for (const file of readdirSync('size').filter((name) => name.endsWith('.js')).sort()) {
  await build({ configFile: 'vite.size.config.ts', mode: file.slice(0, -'.js'.length) });
}
