// `cem analyze` reads this. `@internal` / `@ignore` members are dropped by the analyzer itself;
// ECMAScript `#private` members can never be reached from outside, so they are dropped here too
// (otherwise Storybook would offer them as controls).
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/**/*.test.ts', 'src/**/*.stories.ts'],
  outdir: '.',
  litelement: true,
  // package.json already names the manifest; the staleness check writes elsewhere and must not rewrite it.
  packagejson: false,
  plugins: [
    {
      name: 'drop-hash-private-members',
      packageLinkPhase({ customElementsManifest }) {
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
