// Bundle sizes of the host entries built by `npm run size:build`.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** @param {import('./context.mjs').BenchContext} ctx */
export async function run({ root }) {
console.log('\nBundle sizes (minified, gzip -9, all dependencies bundled; lazy chunks excluded)\n');
console.log('| bundle | raw KB | gzip KB | budget KB |');
console.log('|---|---:|---:|---:|');
for (const [name, budget] of [['golden-path', 40], ['all', 70]]) {
  const file = join(root, '.size', `${name}.js`);
  if (!existsSync(file)) continue;
  const body = readFileSync(file);
  console.log(`| ${name} | ${(body.length / 1024).toFixed(1)} | ${(gzipSync(body, { level: 9 }).length / 1024).toFixed(1)} | ${budget} |`);
}
}
