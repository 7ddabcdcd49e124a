// `cem analyze` reads this. `@internal` / `@ignore` members are dropped by the analyzer itself;
// ECMAScript `#private` members can never be reached from outside, so they are dropped here too
// (otherwise Storybook would offer them as controls). Modules are sorted because the analyzer's
// file order varies from run to run, which would make the staleness check flaky.
import { existsSync } from 'node:fs';
import { posix } from 'node:path';

/**
 * The analyzer writes some references as the import specifier it read (`./crm.js` in a re-export,
 * `/src/elements/desk-element.js` for a superclass) instead of the module's path. Point each at the
 * source file it names, as `modules[].path` does, so every reference resolves to a published file.
 */
function canonicalModule(reference, from) {
  let path = reference.startsWith('.') ? posix.join(posix.dirname(from), reference) : reference.replace(/^\/+/, '');
  if (!existsSync(path) && path.endsWith('.js') && existsSync(`${path.slice(0, -3)}.ts`)) path = `${path.slice(0, -3)}.ts`;
  return path;
}

function canonicalReferences(value, from) {
  if (Array.isArray(value)) {
    for (const item of value) canonicalReferences(item, from);
  } else if (value && typeof value === 'object') {
    if (typeof value.module === 'string' && value.package === undefined) value.module = canonicalModule(value.module, from);
    for (const child of Object.values(value)) canonicalReferences(child, from);
  }
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/**/*.test.ts', 'src/**/*.stories.ts'],
  outdir: '.',
  litelement: true,
  // package.json already names the manifest; the staleness check writes elsewhere and must not rewrite it.
  packagejson: false,
  plugins: [
    {
      // The analyzer takes the first argument of `this.dispatchEvent(new SomeEvent(x))` as the event
      // name even when it is not a string, which turned `new CcRetryEvent(m)` into an event named `m`.
      // Our events are classes that know their own name and are documented with `@fires`, so an event
      // the analyzer derived from a non-literal argument is dropped.
      name: 'no-guessed-event-names',
      analyzePhase({ ts, node, moduleDoc }) {
        if (!ts.isClassDeclaration(node) || !node.name) return;
        const declaration = moduleDoc.declarations?.find((d) => d.kind === 'class' && d.name === node.name.text);
        if (!declaration?.events?.length) return;
        const guessed = new Set();
        const visit = (child) => {
          if (
            ts.isCallExpression(child) &&
            ts.isPropertyAccessExpression(child.expression) &&
            child.expression.name.text === 'dispatchEvent' &&
            child.expression.expression.kind === ts.SyntaxKind.ThisKeyword
          ) {
            for (const arg of child.arguments) {
              const first = ts.isNewExpression(arg) ? arg.arguments?.[0] : undefined;
              if (first && !ts.isStringLiteralLike(first)) guessed.add(first.text);
            }
          }
          ts.forEachChild(child, visit);
        };
        ts.forEachChild(node, visit);
        if (guessed.size === 0) return;
        declaration.events = declaration.events.filter((event) => event.description || !guessed.has(event.name));
      },
    },
    {
      name: 'stable-public-manifest',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules?.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
        for (const mod of customElementsManifest.modules ?? []) {
          canonicalReferences(mod.declarations, mod.path);
          canonicalReferences(mod.exports, mod.path);
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
