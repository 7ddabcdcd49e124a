// What a page loads before its script runs, read from a Vite build manifest (.vite/manifest.json):
// shared by the size budgets (.size-limit.mjs) and the bundle bench (bench/sections/bundles.mjs).

/**
 * The manifest keys of the first load: every entry chunk and, transitively, its static imports.
 * @param {Record<string, { isEntry?: boolean, imports?: string[] }>} manifest
 * @returns {Set<string>}
 */
export function firstLoadKeys(manifest) {
  const seen = new Set();
  const walk = (key) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const next of manifest[key].imports ?? []) walk(next);
  };
  Object.keys(manifest)
    .filter((key) => manifest[key].isEntry)
    .forEach(walk);
  return seen;
}
