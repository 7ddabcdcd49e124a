import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import manifest from '../custom-elements.json';
import '../src/define.js';

// A misconfigured `sideEffects` once let the production build drop element imports: the build
// "succeeded" with no element defined. This story fails loudly (and `npm run build-storybook`
// checks it in Chromium) when any tag the manifest registers is missing.
// Only the kind and name of each export matter here (the manifest's full shape varies by module).
const modules = manifest.modules as readonly { exports?: readonly { kind: string; name: string }[] }[];
const tags = modules
  .flatMap((module) => module.exports ?? [])
  // <cc-quick-replies> is registered by the panel on the first `/` (or by `…/define/quick-replies`), not up front.
  .filter((entry) => entry.kind === 'custom-element-definition' && entry.name.startsWith('cc-') && entry.name !== 'cc-quick-replies')
  .map((entry) => entry.name)
  .filter((tag, index, all) => all.indexOf(tag) === index)
  .sort();

const meta: Meta = {
  title: 'Checks/Smoke',
  parameters: { docs: { disable: true } },
  tags: ['!autodocs'],
};
export default meta;

export const AllElementsDefined: StoryObj = {
  render: () => {
    const missing = tags.filter((tag) => !customElements.get(tag));
    if (tags.length === 0) throw new Error('custom-elements.json registers no cc-* element: run npm run manifest.');
    if (missing.length > 0) throw new Error(`Not defined in this build: ${missing.join(', ')}`);
    return html`
      <p data-smoke="ok">All ${tags.length} elements are defined.</p>
      <ul>
        ${tags.map((tag) => html`<li><code>${tag}</code></li>`)}
      </ul>
    `;
  },
};
