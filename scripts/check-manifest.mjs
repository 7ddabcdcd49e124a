// Fails when the committed custom-elements.json no longer matches the source: regenerates it into a
// temporary directory with the same settings (custom-elements-manifest.config.mjs) and compares.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

const committedPath = 'custom-elements.json';
const stale = 'custom-elements.json is stale: run npm run manifest';

if (!existsSync(committedPath)) {
  console.error(`${committedPath} is missing: run npm run manifest`);
  process.exit(1);
}

const require = createRequire(import.meta.url);
const cem = join(dirname(require.resolve('@custom-elements-manifest/analyzer/package.json')), 'cem.js');
const outdir = mkdtempSync(join(tmpdir(), 'cem-check-'));
try {
  // cem resolves --outdir against the working directory, so hand it a relative path.
  const run = spawnSync(process.execPath, [cem, 'analyze', '--litelement', '--outdir', relative(process.cwd(), outdir)], {
    encoding: 'utf8',
  });
  if (run.status !== 0) {
    console.error(run.stdout, run.stderr);
    console.error('cem analyze failed');
    process.exitCode = 1;
  } else {
    const fresh = JSON.parse(readFileSync(join(outdir, 'custom-elements.json'), 'utf8'));
    const committed = JSON.parse(readFileSync(committedPath, 'utf8'));
    if (JSON.stringify(fresh) === JSON.stringify(committed)) {
      console.log('custom-elements.json is up to date.');
    } else {
      console.error(stale);
      process.exitCode = 1;
    }
  }
} finally {
  rmSync(outdir, { recursive: true, force: true });
}
