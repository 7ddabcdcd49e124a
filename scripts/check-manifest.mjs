// Fails when the committed custom-elements.json no longer matches the source: regenerates it into a
// temporary directory with the same settings (custom-elements-manifest.config.mjs) and compares.
// Also fails when an event is not named `cc-…`, when a custom state an element sets has no
// `@cssstate`, or when a path in the manifest names a file that the published package
// (package.json `files`) does not contain.
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

/** Problems with the manifest's content, whether or not it is stale. */
function contentProblems(manifest) {
  const problems = [];
  const { files = [] } = JSON.parse(readFileSync('package.json', 'utf8'));
  const published = (path) => {
    const clean = path.replace(/^\.?\//, '');
    return files.some((entry) => {
      const root = entry.replace(/^\.?\//, '').replace(/\/$/, '');
      return clean === root || clean.startsWith(`${root}/`);
    });
  };
  const checkPath = (path, where) => {
    if (!published(path)) problems.push(`${where}: ${path} is not in the published package (package.json files)`);
    else if (!existsSync(path)) problems.push(`${where}: ${path} does not exist`);
  };
  // Every reference to a module of this package (`module` without `package`), anywhere in the manifest.
  const visitReferences = (value, where) => {
    if (Array.isArray(value)) {
      for (const item of value) visitReferences(item, where);
    } else if (value && typeof value === 'object') {
      if (typeof value.module === 'string' && value.package === undefined) checkPath(value.module, where);
      for (const child of Object.values(value)) visitReferences(child, where);
    }
  };
  for (const mod of manifest.modules ?? []) {
    checkPath(mod.path, 'module');
    visitReferences(mod.declarations, mod.path);
    visitReferences(mod.exports, mod.path);
    for (const declaration of mod.declarations ?? []) {
      if (declaration.customElement && existsSync(mod.path)) {
        // Every custom state the element sets is documented with @cssstate.
        const documented = new Set((declaration.cssStates ?? []).map((state) => state.name));
        for (const [, state] of readFileSync(mod.path, 'utf8').matchAll(/states\.add\(\s*['"]([^'"]+)['"]/g)) {
          if (!documented.has(state)) problems.push(`${mod.path} ${declaration.tagName}: custom state "${state}" has no @cssstate`);
        }
      }
      for (const event of declaration.events ?? []) {
        if (typeof event.name !== 'string' || !event.name.startsWith('cc-')) {
          problems.push(`${mod.path} ${declaration.tagName ?? declaration.name}: event ${JSON.stringify(event.name)} is not named cc-…`);
        }
      }
    }
  }
  return problems;
}

const problems = contentProblems(JSON.parse(readFileSync(committedPath, 'utf8')));
if (problems.length > 0) {
  for (const problem of problems) console.error(problem);
  process.exitCode = 1;
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
      if (problems.length === 0) console.log('custom-elements.json is up to date.');
    } else {
      console.error(stale);
      process.exitCode = 1;
    }
  }
} finally {
  rmSync(outdir, { recursive: true, force: true });
}
