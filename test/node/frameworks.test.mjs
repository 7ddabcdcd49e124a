// The framework bindings and IDE data in dist/ follow custom-elements.json: every element, its events,
// attributes, slots, parts and CSS properties (scripts/frameworks.mjs generates them at `vite build`).
// `npm run examples` proves they type-check and work in real host apps; this checks they are complete.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const read = (path) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const json = (path) => JSON.parse(read(path));
const manifest = json('custom-elements.json');
const pkg = json('package.json');

/** Every element the package defines, from the manifest. */
const elements = manifest.modules.flatMap((module) =>
  (module.declarations ?? [])
    .filter((declaration) => declaration.customElement && declaration.tagName && /^src\/elements\/[^/]+\//.test(module.path))
    .map((declaration) => ({ ...declaration, folder: module.path.split('/')[2] })),
);
const eventProp = (name) => `on${name.replace(/(^|-)([a-z0-9])/g, (_, __, c) => c.toUpperCase())}`;

test('the manifest has elements and events to check', () => {
  assert.ok(elements.length >= 4);
  assert.ok(elements.some((element) => element.events?.some((event) => event.name === 'cc-send')));
  assert.equal(eventProp('cc-quick-reply-save'), 'onCcQuickReplySave');
});

test('a React wrapper per element, with an on… callback per event, in JS and in its types', () => {
  const index = read('dist/react.js');
  const indexTypes = read('dist/types/react.d.ts');
  for (const element of elements) {
    const js = read(`dist/react/${element.folder}.js`);
    const types = read(`dist/types/react/${element.folder}.d.ts`);
    assert.match(js, new RegExp(`tagName:\`${element.tagName}\``), `${element.tagName}: wrapper`);
    assert.match(js, new RegExp(`as ${element.name}[,}]`), `${element.tagName}: exported as ${element.name}`);
    assert.match(js, new RegExp(`(import|from)"\\.\\./define/${element.folder}\\.js"`), `${element.tagName}: registers its element`);
    assert.match(types, new RegExp(`export declare const ${element.name}: ReactWebComponent<${element.name}Element, ${element.name}Events>`));
    assert.ok(types.includes(`import type {} from '../frameworks/react.js';`), `${element.folder}: brings the raw tags' JSX typings`);
    for (const event of element.events ?? []) {
      assert.ok(js.includes(`${eventProp(event.name)}:\`${event.name}\``), `${element.tagName}: ${eventProp(event.name)} in JS`);
      assert.ok(
        types.includes(`${eventProp(event.name)}: EventName<GlobalEventHandlersEventMap["${event.name}"]>`),
        `${element.tagName}: ${eventProp(event.name)} typed`,
      );
    }
    assert.ok(index.includes(`./react/${element.folder}.js`), `react.js re-exports ${element.folder}`);
    assert.ok(indexTypes.includes(`./react/${element.folder}.js`), `react.d.ts re-exports ${element.folder}`);
  }
  assert.match(index, /useStore/);
  assert.match(indexTypes, /export \{ useStore \}/);
});

test('React stays out of every other entry, and is an optional peer dependency', () => {
  const files = (dir) =>
    readdirSync(new URL(`../../${dir}`, import.meta.url), { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? files(`${dir}/${entry.name}`) : entry.name.endsWith('.js') ? [`${dir}/${entry.name}`] : [],
    );
  const importsReact = files('dist').filter((file) => /from\s*"(react|@lit\/react)"|import\s*\*\s*as\s*\w+\s*from\s*"react"/.test(read(file)));
  assert.ok(importsReact.length > 0, 'the wrappers import react');
  for (const file of importsReact) assert.match(file, /^dist\/react(\.js|\/)/, `${file} imports React`);
  assert.equal(pkg.peerDependenciesMeta?.react?.optional, true);
  assert.ok(pkg.peerDependencies?.react);
  assert.ok(!pkg.dependencies?.react, 'react is not a dependency');
});

test('raw-tag typings for React, Preact, Solid, Svelte and Vue name every element and event', () => {
  const jsx = read('dist/types/frameworks/jsx.d.ts');
  const vue = read('dist/types/frameworks/vue.d.ts');
  for (const element of elements) {
    assert.ok(jsx.includes(`"${element.tagName}":`), `jsx: ${element.tagName}`);
    assert.match(vue, new RegExp(`"${element.tagName}": DefineComponent<`), `vue: ${element.tagName}`);
    for (const event of element.events ?? []) {
      assert.ok(jsx.includes(`"on${event.name}"?:`), `jsx: on${event.name}`);
      assert.ok(vue.includes(`${eventProp(event.name)}?: (e: GlobalEventHandlersEventMap["${event.name}"]) => void`), `vue: ${eventProp(event.name)}`);
    }
  }
  assert.match(read('dist/types/frameworks/react.d.ts'), /declare module 'react' \{/);
  assert.match(read('dist/types/frameworks/preact.d.ts'), /declare module 'preact' \{/);
  assert.match(read('dist/types/frameworks/solid.d.ts'), /declare module 'solid-js' \{/);
  assert.match(read('dist/types/frameworks/svelte.d.ts'), /namespace svelteHTML \{/);
  assert.match(vue, /interface GlobalComponents extends CustomElements/);
  assert.doesNotMatch(vue, /CustomEvent</, 'our events are Event subclasses, not CustomEvents');
});

test('VS Code custom data: every tag with its description and attributes (with values), every CSS property and part', () => {
  const html = json('dist/vscode.html-custom-data.json');
  const css = json('dist/vscode.css-custom-data.json');
  const tags = new Map(html.tags.map((tag) => [tag.name, tag]));
  const properties = new Set(css.properties.map((property) => property.name));
  const pseudo = css.pseudoElements.map((entry) => entry.name).join('\n');
  for (const element of elements) {
    const tag = tags.get(element.tagName);
    assert.ok(tag, `html data: ${element.tagName}`);
    assert.ok(typeof tag.description === 'string' && tag.description.length > 0, `${element.tagName}: description`);
    const names = new Set(tag.attributes.map((attribute) => attribute.name));
    for (const attribute of element.attributes ?? []) assert.ok(names.has(attribute.name), `${element.tagName}[${attribute.name}]`);
    for (const property of element.cssProperties ?? []) assert.ok(properties.has(property.name), `css data: ${property.name}`);
    for (const part of element.cssParts ?? []) assert.ok(pseudo.includes(`::part(${part.name})`), `css data: ${element.tagName}::part(${part.name})`);
    for (const event of element.events ?? []) assert.ok(tag.description.includes(event.name), `${element.tagName}: event ${event.name} described`);
  }
  const withValues = html.tags.flatMap((tag) => tag.attributes).filter((attribute) => attribute.values?.length);
  assert.ok(withValues.length > 0, 'attributes with a union type list their values');
});

test('JetBrains web-types: every element with attributes, events, slots, CSS parts and properties, referenced from package.json', () => {
  assert.equal(pkg['web-types'], './dist/web-types.json');
  const webTypes = json(pkg['web-types']);
  assert.equal(webTypes.name, pkg.name);
  const byName = new Map(webTypes.contributions.html.elements.map((element) => [element.name, element]));
  const css = JSON.stringify(webTypes.contributions.css);
  for (const element of elements) {
    const entry = byName.get(element.tagName);
    assert.ok(entry, `web-types: ${element.tagName}`);
    assert.ok(entry.description, `${element.tagName}: description`);
    const attributes = new Set((entry.attributes ?? []).map((attribute) => attribute.name));
    for (const attribute of element.attributes ?? []) assert.ok(attributes.has(attribute.name), `${element.tagName}[${attribute.name}]`);
    const events = new Set((entry.events ?? []).map((event) => event.name));
    for (const event of element.events ?? []) assert.ok(events.has(event.name), `${element.tagName}: ${event.name}`);
    const slots = new Set((entry.slots ?? []).map((slot) => slot.name));
    for (const slot of element.slots ?? []) assert.ok(slots.has(slot.name), `${element.tagName}: slot ${slot.name || '(default)'}`);
    for (const part of element.cssParts ?? []) assert.ok(css.includes(`"part(${part.name})"`), `${element.tagName}: part ${part.name}`);
    for (const property of element.cssProperties ?? []) assert.ok(css.includes(`"${property.name}"`), `${element.tagName}: ${property.name}`);
  }
});

test('package.json exports the React entries, the framework typings and the IDE data, and the files exist', () => {
  const exported = (key, condition) => {
    const target = pkg.exports[key];
    return typeof target === 'string' ? target : target?.[condition];
  };
  const check = (path) => assert.ok(existsSync(new URL(`../../${path}`, import.meta.url)), `${path} exists`);
  check(exported('./react', 'import'));
  check(exported('./react', 'types'));
  const folder = elements[0].folder;
  check(exported('./react/*', 'import').replace('*', folder));
  check(exported('./react/*', 'types').replace('*', folder));
  check(exported('./react/*', 'import').replace('*', 'use-store'));
  for (const name of ['react', 'preact', 'solid', 'svelte', 'vue']) check(exported('./frameworks/*', 'types').replace('*', name));
  for (const file of ['./vscode.html-custom-data.json', './vscode.css-custom-data.json', './web-types.json']) check(exported(file));
});
