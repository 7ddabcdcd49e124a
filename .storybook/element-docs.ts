// The Docs page of every element, generated from custom-elements.json: the story blocks Storybook
// gives (summary, a live example, the attribute/property/event/slot/part/CSS-property tables), plus
// what its tables leave out — events with whether they are cancelable, attribute defaults, custom
// states — and a copy-paste HTML snippet.
import { Controls, Description, Heading, Markdown, Primary, Source, Stories, Subtitle, Title, useOf } from '@storybook/addon-docs/blocks';
import { createElement as h, Fragment, type ReactElement } from 'react';
import manifest from '../custom-elements.json';

interface Named {
  name: string;
  description?: string;
  summary?: string;
  type?: { text?: string };
  default?: string;
  fieldName?: string;
}
interface Declaration extends Named {
  tagName?: string;
  attributes?: Named[];
  events?: Named[];
  slots?: Named[];
  cssParts?: Named[];
  cssProperties?: Named[];
  cssStates?: Named[];
}
type Module = { path: string; declarations?: Declaration[] };

const modules = (manifest as unknown as { modules: Module[] }).modules;

function find(tag: string): { declaration: Declaration; path: string } | undefined {
  for (const module of modules) {
    const declaration = module.declarations?.find((entry) => entry.tagName === tag);
    if (declaration) return { declaration, path: module.path };
  }
  return undefined;
}

/** An event is cancelable when any element's description of it says so (one class per event name). */
const cancelable = new Set(
  modules
    .flatMap((module) => module.declarations ?? [])
    .flatMap((declaration) => declaration.events ?? [])
    .filter((event) => /(?<!not )\bcancell?able\b|\bcancel to\b/i.test(event.description ?? ''))
    .map((event) => event.name),
);

const cell = (text: string | undefined): string => (text ?? '').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

/** A Markdown table, or nothing when there are no rows. */
function table(headers: string[], rows: string[][]): string {
  if (rows.length === 0) return '';
  return [`| ${headers.join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`)].join('\n');
}

/** The events, attributes, slots and custom states of an element, as Markdown. */
function reference(declaration: Declaration): string {
  const sections: string[] = [];
  const events = table(
    ['Event', 'Cancelable', 'Detail and meaning'],
    (declaration.events ?? []).map((event) => [
      `\`${event.name}\``,
      cancelable.has(event.name) ? 'yes' : 'no',
      [event.type?.text ? `\`${event.type.text}\`` : '', event.description ?? ''].filter(Boolean).join(' — '),
    ]),
  );
  if (events) sections.push(`### Events\n\nEvents bubble and are composed; call \`preventDefault()\` on a cancelable one to stop the element's default action.\n\n${events}`);
  const attributes = table(
    ['Attribute', 'Property', 'Type', 'Default', 'Description'],
    (declaration.attributes ?? []).map((attribute) => [
      `\`${attribute.name}\``,
      attribute.fieldName ? `\`${attribute.fieldName}\`` : '',
      attribute.type?.text ? `\`${attribute.type.text}\`` : '',
      attribute.default ? `\`${attribute.default}\`` : '',
      attribute.description ?? '',
    ]),
  );
  if (attributes) sections.push(`### Attributes\n\n${attributes}`);
  const slots = table(['Slot', 'Description'], (declaration.slots ?? []).map((slot) => [slot.name ? `\`${slot.name}\`` : '(default)', slot.description ?? '']));
  if (slots) sections.push(`### Slots\n\n${slots}`);
  const states = table(['Custom state', 'Description'], (declaration.cssStates ?? []).map((state) => [`\`:state(${state.name})\``, state.description ?? '']));
  if (states) sections.push(`### Custom states\n\nStyle them from outside with \`cc-element:state(name)\`.\n\n${states}`);
  return sections.join('\n\n');
}

/** The HTML a page pastes to use the element: its define entry and the tag with its attributes' defaults. */
function snippet(tag: string, path: string, declaration: Declaration): string {
  const folder = /src\/elements\/([^/]+)\//.exec(path)?.[1];
  const attributes = (declaration.attributes ?? [])
    .filter((attribute) => attribute.default !== undefined && !/^(false|undefined|null|''|"")$/.test(attribute.default))
    .map((attribute) => ` ${attribute.name}=${/^['"]/.test(attribute.default!) ? attribute.default : `"${attribute.default}"`}`)
    .join('');
  const define = folder ? `contact-center-elements/define/${folder}` : 'contact-center-elements/define';
  return `<script type="module">\n  import '${define}';\n</script>\n\n<${tag}${attributes}></${tag}>`;
}

/** Summary, description, snippet and reference of one element, for an MDX page of an element without stories. */
export function ElementReference({ tag }: { tag: string }): ReactElement | null {
  const found = find(tag);
  if (!found) return null;
  const { declaration, path } = found;
  return h(
    Fragment,
    null,
    declaration.summary ? h(Markdown, null, declaration.summary) : null,
    declaration.description ? h(Markdown, null, declaration.description) : null,
    h(Heading, null, 'Use it'),
    h(Source, { code: snippet(tag, path, declaration), language: 'html', dark: false }),
    h(Heading, null, 'Reference'),
    h(Markdown, null, reference(declaration)),
  );
}

/** The Docs page (parameters.docs.page in preview.ts). */
export function ElementDocs(): ReactElement {
  const resolved = useOf('meta', ['meta']) as unknown as { preparedMeta: { component?: unknown } };
  const tag = typeof resolved.preparedMeta.component === 'string' ? resolved.preparedMeta.component : undefined;
  const found = tag ? find(tag) : undefined;
  return h(
    Fragment,
    null,
    h(Title),
    h(Subtitle),
    found?.declaration.summary ? h(Markdown, null, found.declaration.summary) : null,
    h(Description),
    h(Primary),
    h(Controls),
    found && tag ? h(Heading, null, 'Use it') : null,
    found && tag ? h(Source, { code: snippet(tag, found.path, found.declaration), language: 'html', dark: false }) : null,
    found ? h(Heading, null, 'Reference') : null,
    found ? h(Markdown, null, reference(found.declaration)) : null,
    h(Stories),
  );
}
