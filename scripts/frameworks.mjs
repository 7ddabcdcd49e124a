// Framework bindings and IDE data, generated from custom-elements.json at build time (every `vite build`
// of the package runs `frameworksPlugin()`), so an element added to the manifest ships in all of them:
//
// - React: one `contact-center-elements/react/<folder>` entry per element folder (a `@lit/react`
//   wrapper per tag, with typed props and `onCc…` event callbacks; importing it registers the elements)
//   and `contact-center-elements/react` with every wrapper and `useStore`;
// - dist/types/frameworks/*.d.ts: typings for the raw tags in React 19 JSX, Preact, Solid, Svelte and
//   Vue templates (`@wc-toolkit/jsx-types`, `custom-element-vuejs-integration`);
// - dist/vscode.html-custom-data.json, dist/vscode.css-custom-data.json (`custom-element-vs-code-integration`)
//   and dist/web-types.json (`custom-element-jet-brains-integration`).
//
// Event types: the manifest names events but not their classes; every `cc-*` event is on
// GlobalEventHandlersEventMap (src/elements/events.ts and the per-element events files), so the
// generated types read it from there.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateVsCodeCustomElementData } from 'custom-element-vs-code-integration';
import { generateJetBrainsWebTypes } from 'custom-element-jet-brains-integration';
import { generateVuejsTypes } from 'custom-element-vuejs-integration';
import { generateJsxTypes } from '@wc-toolkit/jsx-types';

const REACT = 'virtual:cc-react';

/** The manifest, as `npm run manifest` last wrote it. */
export function readManifest(root) {
  return JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
}

/**
 * Every element with a tag, with the folder whose define.ts registers it.
 * @returns {{ tag: string, name: string, path: string, folder: string, summary: string, events: { name: string, description?: string }[], declaration: object }[]}
 */
export function elementsOf(manifest, root) {
  const elements = [];
  for (const module of manifest.modules ?? []) {
    const folder = /^src\/elements\/([^/]+)\//.exec(module.path)?.[1];
    for (const declaration of module.declarations ?? []) {
      if (!declaration.customElement || !declaration.tagName || !folder) continue;
      if (!existsSync(join(root, `src/elements/${folder}/define.ts`))) continue;
      elements.push({
        tag: declaration.tagName,
        name: declaration.name,
        path: module.path,
        folder,
        summary: declaration.summary ?? declaration.description ?? '',
        events: (declaration.events ?? []).filter((event) => event.name),
        declaration,
      });
    }
  }
  return elements.sort((a, b) => a.tag.localeCompare(b.tag));
}

/** Element folders that get a `react/<folder>` entry. */
export function reactFolders(root) {
  return [...new Set(elementsOf(readManifest(root), root).map((element) => element.folder))].sort();
}

/** Vite library entries for the React bindings: `react` and `react/<folder>` (virtual modules of the plugin). */
export function reactEntries(root) {
  const entries = { react: REACT };
  for (const folder of reactFolders(root)) entries[`react/${folder}`] = `${REACT}/${folder}`;
  return entries;
}

const camel = (name) => name.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
/** `cc-send` → `onCcSend`. */
export const eventProp = (event) => `on${camel(event.charAt(0).toUpperCase() + event.slice(1))}`;
const eventType = (event) => `GlobalEventHandlersEventMap[${JSON.stringify(event)}]`;
const doc = (text, indent = '') =>
  text ? `${indent}/**\n${text.split('\n').map((line) => `${indent} * ${line.replaceAll('*/', '*\\/')}`.trimEnd()).join('\n')}\n${indent} */\n` : '';
/** dist/types path of a manifest module, relative to dist/types/<from>. */
const typesPath = (path, up) => `${up}${path.replace(/^src\//, '').replace(/\.ts$/, '.js')}`;

function reactFolderModule(elements, folder, root) {
  const mine = elements.filter((element) => element.folder === folder);
  const lines = [
    `import * as React from 'react';`,
    `import { createComponent } from '@lit/react';`,
    `import ${JSON.stringify(join(root, `src/elements/${folder}/define.ts`))};`,
  ];
  for (const element of mine) {
    lines.push(`import { ${element.name} as ${element.name}Element } from ${JSON.stringify(join(root, element.path))};`);
  }
  for (const element of mine) {
    const events = Object.fromEntries(element.events.map((event) => [eventProp(event.name), event.name]));
    lines.push(
      `export const ${element.name} = createComponent({ react: React, tagName: ${JSON.stringify(element.tag)}, ` +
        `elementClass: ${element.name}Element, displayName: ${JSON.stringify(element.name)}, events: ${JSON.stringify(events)} });`,
    );
  }
  return lines.join('\n');
}

function reactFolderTypes(elements, folder) {
  const mine = elements.filter((element) => element.folder === folder);
  let out = `// Generated from custom-elements.json at build time.\nimport type { EventName, ReactWebComponent } from '@lit/react';\n`;
  // The event map, and the raw tags' JSX typings: using a wrapper types `<cc-…>` in JSX as well.
  out += `import type {} from '../elements.js';\nimport type {} from '../frameworks/react.js';\n`;
  for (const element of mine) {
    out += `import type { ${element.name} as ${element.name}Element } from '${typesPath(element.path, '../')}';\n`;
  }
  for (const element of mine) {
    out += `\n/** Typed event callbacks of \`<${element.tag}>\`: call \`preventDefault()\` on a cancelable event to veto it. */\n`;
    out += `export type ${element.name}Events = {\n`;
    for (const event of element.events) {
      out += doc(event.description ? `${event.description} (\`${event.name}\`)` : `\`${event.name}\``, '  ');
      out += `  ${eventProp(event.name)}: EventName<${eventType(event.name)}>;\n`;
    }
    out += `};\n`;
    out += doc(
      `\`<${element.tag}>\` as a React component: its properties as props (objects such as \`desk\` are set as properties), ` +
        `its events as \`on…\` callbacks. Importing it registers the element.\n\n${element.summary}`,
    );
    out += `export declare const ${element.name}: ReactWebComponent<${element.name}Element, ${element.name}Events>;\n`;
  }
  return out;
}

function reactIndexModule(folders, root) {
  return [
    ...folders.map((folder) => `export * from '${REACT}/${folder}';`),
    `export { useStore } from ${JSON.stringify(join(root, 'src/react/use-store.ts'))};`,
  ].join('\n');
}

function reactIndexTypes(folders) {
  return (
    `// Generated from custom-elements.json at build time.\n` +
    folders.map((folder) => `export * from './react/${folder}.js';\n`).join('') +
    `export { useStore } from './react/use-store.js';\n`
  );
}

/** The manifest with each event's type set from GlobalEventHandlersEventMap, for the type generators. */
function typedManifest(manifest) {
  const copy = structuredClone(manifest);
  for (const module of copy.modules ?? []) {
    for (const declaration of module.declarations ?? []) {
      for (const event of declaration.events ?? []) if (event.name) event.type = { text: eventType(event.name) };
    }
  }
  return copy;
}

const quiet = (run) => {
  const log = console.log;
  console.log = () => {};
  try {
    return run();
  } finally {
    console.log = log;
  }
};

/** Drops imported names their module does not export (the generator imports every declaration it saw). */
function onlyExported(text, manifest) {
  const exported = new Map(
    (manifest.modules ?? []).map((module) => [
      typesPath(module.path, '../'),
      new Set((module.exports ?? []).map((entry) => entry.name)),
    ]),
  );
  return text.replace(/import type \{([^}]*)\} from "([^"]+)";/g, (line, names, from) => {
    const known = exported.get(from);
    if (!known) return line;
    const kept = names.split(',').map((name) => name.trim()).filter((name) => name && known.has(name));
    return `import type { ${kept.join(', ')} } from "${from}";`;
  });
}

/**
 * Vue's template checker looks props up camelCased (`conversation-id` → `conversationId`, `@cc-send` →
 * `onCcSend`), and our events are Event subclasses, not CustomEvents carrying a detail.
 */
function vueProps(text) {
  return text
    .replace(/CustomEvent<(GlobalEventHandlersEventMap\["[^"]+"\])>/g, '$1')
    .replace(/^(\s*)"([a-z][a-z0-9-]*)"\?:/gm, (_, indent, name) =>
      name.startsWith('on') && name.includes('-') ? `${indent}${eventProp(name.slice(2))}?:` : `${indent}${camel(name)}?:`,
    );
}

/** JSX (React 19, Preact, Solid, Svelte) and Vue typings for the raw tags, into dist/types/frameworks/. */
export function writeFrameworkTypes(manifest, root, outdir) {
  const elements = elementsOf(manifest, root);
  const pathOf = new Map(elements.map((element) => [element.name, element.path]));
  const componentTypePath = (name) => typesPath(pathOf.get(name) ?? '', '../');
  const tmp = mkdtempSync(join(tmpdir(), 'cc-frameworks-'));
  const tags = new Set(elements.map((element) => element.tag));
  const only = typedManifest(manifest);
  for (const module of only.modules ?? []) {
    module.declarations = (module.declarations ?? []).filter((d) => !d.customElement || tags.has(d.tagName));
  }
  quiet(() => {
    generateJsxTypes(structuredClone(only), { outdir: tmp, fileName: 'jsx.d.ts', componentTypePath, stronglyTypedEvents: true });
    generateVuejsTypes(structuredClone(only), { outdir: tmp, fileName: 'vue.d.ts', componentTypePath });
  });
  const jsx = onlyExported(readFileSync(join(tmp, 'jsx.d.ts'), 'utf8'), manifest);
  // The generator augments every JSX framework in one file; a host has one of them installed, and an
  // augmentation of a module that isn't installed is an error: split it, one file per framework.
  const cut = jsx.indexOf('declare module "react" {');
  if (cut < 0) throw new Error('frameworks: unexpected @wc-toolkit/jsx-types output (no React augmentation)');
  const header = '// Generated from custom-elements.json at build time.\n';
  const files = {
    'jsx.d.ts': header + jsx.slice(0, cut),
    'react.d.ts':
      `${header}import type { CustomElements, CustomCssProperties } from './jsx.js';\n\n` +
      ['react', 'react/jsx-runtime', 'react/jsx-dev-runtime']
        .map(
          (name) =>
            `declare module '${name}' {\n  namespace JSX {\n    interface IntrinsicElements extends CustomElements {}\n  }\n}\n`,
        )
        .join('') +
      `declare module 'react' {\n  interface CSSProperties extends CustomCssProperties {}\n}\n`,
    'preact.d.ts':
      `${header}import type { CustomElements } from './jsx.js';\n\ndeclare module 'preact' {\n  namespace JSX {\n    interface IntrinsicElements extends CustomElements {}\n  }\n}\n`,
    // With `jsxImportSource: "solid-js"` TypeScript reads JSX from solid-js/jsx-runtime.
    'solid.d.ts':
      `${header}import type { CustomElementsSolidJs } from './jsx.js';\n\n` +
      ['solid-js', 'solid-js/jsx-runtime']
        .map(
          (name) =>
            `declare module '${name}' {\n  namespace JSX {\n    interface IntrinsicElements extends CustomElementsSolidJs {}\n  }\n}\n`,
        )
        .join(''),
    'svelte.d.ts':
      `${header}import type { CustomElements } from './jsx.js';\n\ndeclare global {\n  namespace svelteHTML {\n    interface IntrinsicElements extends CustomElements {}\n  }\n}\n`,
    'vue.d.ts': header + vueProps(readFileSync(join(tmp, 'vue.d.ts'), 'utf8')),
  };
  rmSync(tmp, { recursive: true, force: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(outdir, name), text);
  return Object.keys(files);
}

/** VS Code custom data (HTML, CSS) and JetBrains web-types, into `outdir`. */
export function writeIdeData(manifest, root, outdir) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const tags = new Set(elementsOf(manifest, root).map((element) => element.tag));
  const only = structuredClone(manifest);
  for (const module of only.modules ?? []) {
    module.declarations = (module.declarations ?? []).filter((d) => !d.customElement || tags.has(d.tagName));
  }
  quiet(() => {
    generateVsCodeCustomElementData(structuredClone(only), { outdir, hideLogs: true });
    generateJetBrainsWebTypes(structuredClone(only), {
      outdir,
      packageName: pkg.name,
      packageVersion: pkg.version,
      hideLogs: true,
    });
  });
}

/** The Vite plugin of the package build: React entries as virtual modules; typings and IDE data after the build. */
export function frameworksPlugin(root) {
  let manifest;
  let elements;
  return {
    name: 'cc-frameworks',
    buildStart() {
      manifest = readManifest(root);
      elements = elementsOf(manifest, root);
    },
    resolveId(id) {
      // Vite's library mode hands entries over as paths under the root.
      const at = id.indexOf(REACT);
      return at >= 0 && !id.startsWith('\0') ? `\0${id.slice(at)}` : null;
    },
    load(id) {
      if (!id.startsWith(`\0${REACT}`)) return null;
      const rest = id.slice(`\0${REACT}`.length);
      const folders = [...new Set(elements.map((element) => element.folder))].sort();
      return rest === '' ? reactIndexModule(folders, root) : reactFolderModule(elements, rest.slice(1), root);
    },
    writeBundle(options, bundle) {
      // Only the package build (Storybook's build loads this config too, without our entries).
      if (!('react.js' in bundle)) return;
      const dist = options.dir ?? join(root, 'dist');
      const types = join(dist, 'types');
      const folders = [...new Set(elements.map((element) => element.folder))].sort();
      mkdirSync(join(types, 'react'), { recursive: true });
      mkdirSync(join(types, 'frameworks'), { recursive: true });
      writeFileSync(join(types, 'react.d.ts'), reactIndexTypes(folders));
      for (const folder of folders) writeFileSync(join(types, 'react', `${folder}.d.ts`), reactFolderTypes(elements, folder));
      writeFrameworkTypes(manifest, root, join(types, 'frameworks'));
      writeIdeData(manifest, root, dist);
    },
  };
}
