// `cem analyze` reads this. `@internal` / `@ignore` members are dropped by the analyzer itself;
// ECMAScript `#private` members can never be reached from outside, so they are dropped here too
// (otherwise Storybook would offer them as controls). Modules are sorted because the analyzer's
// file order varies from run to run, which would make the staleness check flaky.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/**/*.test.ts', 'src/**/*.stories.ts'],
  outdir: '.',
  litelement: true,
  // package.json already names the manifest; the staleness check writes elsewhere and must not rewrite it.
  packagejson: false,
  plugins: [
    {
      name: 'stable-public-manifest',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules?.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
        for (const mod of customElementsManifest.modules ?? []) {
          for (const declaration of mod.declarations ?? []) {
            if (declaration.members) {
              declaration.members = declaration.members.filter((m) => !m.name.startsWith('#'));
            }
          }
        }
      },
    },
  ],
};
