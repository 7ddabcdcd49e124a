// Bundle sizes beside the peers. Every contender is built the way a host builds it, once with Vite
// (production app build) and once with esbuild (bundle, minify, ESM with code splitting, production
// define): ours from the README's own snippets (scripts/readme-snippets.mjs), importing the packed
// package by its name from a host folder; the peers from minimal chat pages in bench/peers/, with
// their own React, installed on demand (`npm ci --prefix bench/peers`, kept out of the project's own
// dependencies). First load = the entry chunk and, transitively, its static imports, JS and CSS
// (fonts and images not counted); lazy chunks are summed apart. Gzip -9, per file, as size-limit.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build as esbuild, version as esbuildVersion } from 'esbuild';
import { build as viteBuild, version as viteVersion } from 'vite';
import { writeSnippet } from '../../scripts/readme-snippets.mjs';
import { firstLoadKeys } from '../../scripts/vite-first-load.mjs';

/** Ours: the README snippets the size budgets build too. */
const OURS = [
  { name: 'ours: golden path (README snippet)', snippet: 'golden-path', goal: 35 },
  { name: 'ours: every element, `…/define` (README snippet)', snippet: 'snippet', goal: 70 },
  { name: 'ours: `createDesk` alone (README snippet)', snippet: 'core' },
];

/** The peers: a minimal chat page each, in bench/peers/. */
const PEERS = [
  { name: 'deep-chat', entry: 'deep-chat.js' },
  { name: '@chatscope/chat-ui-kit-react + React', entry: 'chatscope.jsx' },
  { name: 'stream-chat-react + stream-chat + React', entry: 'stream-chat-react.jsx' },
  { name: 'botframework-webchat + React', entry: 'botframework-webchat.jsx' },
];

/** Files a bundler may emit beside the code; copied, never counted. */
const ASSETS = ['.woff', '.woff2', '.ttf', '.eot', '.otf', '.svg', '.png', '.jpg', '.jpeg', '.gif', '.webp', '.mp3', '.wav', '.wasm'];

// kB of 1,000 bytes, as size-limit and the README's sizes.
const kb = (bytes) => (bytes / 1000).toFixed(1);

/** @param {string[]} files */
function measure(files) {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const body = readFileSync(file);
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  return { raw, gzip };
}

/** The peers' packages, installed from bench/peers/package-lock.json when missing. */
function ensurePeers(root) {
  const peers = join(root, 'bench/peers');
  if (existsSync(join(peers, 'node_modules'))) return;
  console.log('Installing the peers (npm ci --prefix bench/peers)…');
  const start = performance.now();
  // With their install scripts: botframework-webchat's dependencies build their ES5 copies there.
  execFileSync('npm', ['ci', '--prefix', peers, '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  console.log(`Peers installed in ${((performance.now() - start) / 1000).toFixed(0)} s.`);
}

/** A host folder with the packed package in node_modules/ and one README snippet per folder. */
function hostWithPackedPackage(root, out) {
  const host = join(out, 'host');
  rmSync(host, { recursive: true, force: true });
  const target = join(host, 'node_modules/contact-center-elements');
  mkdirSync(target, { recursive: true });
  // Its own package.json, so 'contact-center-elements' resolves to the packed copy, not to the project.
  writeFileSync(join(host, 'package.json'), '{ "name": "bench-host", "private": true, "type": "module" }\n');
  const packed = execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', out], { cwd: root, encoding: 'utf8' })
    .trim()
    .split('\n')
    .at(-1);
  execFileSync('tar', ['-xzf', join(out, packed), '-C', target, '--strip-components=1']);
  rmSync(join(out, packed));
  return host;
}

/** A production Vite build of `entry`; the first load from its manifest. */
async function withVite(dir, entry, outDir) {
  await viteBuild({
    root: dir,
    configFile: false,
    mode: 'production',
    logLevel: 'silent',
    publicDir: false,
    // What @vitejs/plugin-react sets for .jsx: the automatic runtime.
    oxc: { jsx: { runtime: 'automatic' } },
    build: { outDir, emptyOutDir: true, manifest: true, reportCompressedSize: false, rolldownOptions: { input: entry } },
  });
  /** @type {Record<string, { file: string, isEntry?: boolean, imports?: string[], dynamicImports?: string[], css?: string[] }>} */
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8'));
  const first = firstLoadKeys(manifest);
  const files = (keys) => [...new Set(keys.flatMap((key) => [manifest[key].file, ...(manifest[key].css ?? [])]))].filter((file) => /\.(js|css)$/.test(file));
  const firstFiles = files([...first]);
  const lazyFiles = files(Object.keys(manifest).filter((key) => !first.has(key))).filter((file) => !firstFiles.includes(file));
  return { first: firstFiles.map((file) => join(outDir, file)), lazy: lazyFiles.map((file) => join(outDir, file)) };
}

/** An esbuild bundle of `entry` (minified ESM, split so dynamic imports stay lazy); the first load from its metafile. */
async function withEsbuild(dir, entry, outDir) {
  rmSync(outDir, { recursive: true, force: true });
  const { metafile } = await esbuild({
    absWorkingDir: dir,
    entryPoints: [entry],
    bundle: true,
    minify: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    outdir: outDir,
    metafile: true,
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    loader: Object.fromEntries(ASSETS.map((ext) => [ext, 'file'])),
    logLevel: 'silent',
  });
  const outputs = metafile.outputs;
  const first = new Set();
  const walk = (path) => {
    if (first.has(path)) return;
    first.add(path);
    const output = outputs[path];
    if (output.cssBundle) first.add(output.cssBundle);
    for (const imported of output.imports) if (imported.kind === 'import-statement' && !imported.external) walk(imported.path);
  };
  // Every dynamically imported module is an entry point of its own too: start from the page's.
  const main = relative(dir, entry).split(sep).join('/');
  Object.keys(outputs)
    .filter((path) => outputs[path].entryPoint === main)
    .forEach(walk);
  if (first.size === 0) throw new Error(`esbuild: no output for ${main}`);
  const code = Object.keys(outputs).filter((path) => /\.(js|css)$/.test(path));
  return {
    first: code.filter((path) => first.has(path)).map((path) => join(dir, path)),
    lazy: code.filter((path) => !first.has(path)).map((path) => join(dir, path)),
  };
}

/** @param {import('./context.mjs').BenchContext} ctx */
export async function run({ root, errors }) {
  const out = join(root, 'bench/out/bundles');
  mkdirSync(out, { recursive: true });
  ensurePeers(root);
  const host = hostWithPackedPackage(root, out);
  const peers = join(root, 'bench/peers');
  const contenders = [
    ...OURS.map(({ name, snippet, goal }) => ({ name, ours: true, goal, dir: host, entry: relative(host, writeSnippet(snippet, join(host, snippet))) })),
    ...PEERS.map(({ name, entry }) => ({ name, ours: false, dir: peers, entry })),
  ];
  const bundlers = [
    ['Vite', withVite],
    ['esbuild', withEsbuild],
  ];
  /** @type {{ name: string, ours: boolean, goal?: number, bundler: string, first?: { raw: number, gzip: number }, lazy?: { raw: number, gzip: number }, error?: string }[]} */
  const rows = [];
  for (const contender of contenders) {
    for (const [bundler, buildWith] of bundlers) {
      const outDir = join(out, `${bundler.toLowerCase()}-${basename(contender.entry).replace(/\.\w+$/, '')}`);
      try {
        const { first, lazy } = await buildWith(contender.dir, join(contender.dir, contender.entry), outDir);
        rows.push({ name: contender.name, ours: contender.ours, goal: contender.goal, bundler, first: measure(first), lazy: measure(lazy) });
      } catch (error) {
        const first = error?.errors?.[0];
        const why = first?.text ? `${first.text}${first.location ? ` (${first.location.file})` : ''}` : String(error?.message ?? error);
        rows.push({ name: contender.name, ours: contender.ours, bundler, error: why.split('\n').filter((line) => line.trim()).slice(0, 2).join(' ') });
        errors.push(`bundles: ${contender.name} with ${bundler}: ${rows.at(-1).error}`);
      }
    }
  }

  const smallestPeer = new Map(
    bundlers.map(([bundler]) => {
      const built = rows.filter((row) => !row.ours && row.bundler === bundler && row.first);
      return [bundler, built.sort((a, b) => a.first.gzip - b.first.gzip)[0]];
    }),
  );
  console.log(
    `\nBundle sizes beside the peers: the README's snippets and a minimal chat page of each peer, built as a host builds them` +
      ` (Vite ${viteVersion} production; esbuild ${esbuildVersion} bundle + minify + ESM splitting, NODE_ENV=production).` +
      ` First load = entry chunk + its static imports, JS and CSS; minified, gzip -9 per file; lazy chunks apart.` +
      ` Builds are deterministic, so each is built once.\n`,
  );
  console.log('| contender | bundler | first load raw kB | first load gzip kB | lazy gzip kB | gzip / smallest peer | goal |');
  console.log('|---|---|---:|---:|---:|---:|---|');
  for (const row of rows) {
    if (row.error) {
      console.log(`| ${row.name} | ${row.bundler} | build failed: ${row.error.replaceAll('|', '\\|')} | | | | |`);
      continue;
    }
    const best = smallestPeer.get(row.bundler);
    const ratio = best ? `${(row.first.gzip / best.first.gzip).toFixed(2)}×` : '—';
    const goal = row.goal === undefined ? '' : row.first.gzip <= row.goal * 1000 ? `≤ ${row.goal} kB: met` : `≤ ${row.goal} kB: missed by ${kb(row.first.gzip - row.goal * 1000)} kB`;
    console.log(`| ${row.name} | ${row.bundler} | ${kb(row.first.raw)} | ${kb(row.first.gzip)} | ${row.lazy.gzip ? kb(row.lazy.gzip) : '—'} | ${ratio} | ${goal} |`);
  }
  for (const [bundler, best] of smallestPeer) {
    if (best) console.log(`\nSmallest peer with ${bundler}: ${best.name}, ${kb(best.first.gzip)} kB gzip.`);
  }
}
