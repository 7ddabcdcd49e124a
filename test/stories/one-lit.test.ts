import { expect, fixture, html, waitUntil } from '@open-wc/testing';

// Lit registers each copy it loads in these globals and, in dev mode, warns "Multiple versions of Lit
// loaded". Two copies mean two template caches and `instanceof` checks that fail across them. The
// stories, every element and the helpers Storybook's renderer imports must share one Lit.
const warnings: string[] = [];
const original = console.warn;

function versions(): Record<string, unknown[]> {
  const g = globalThis as unknown as Record<string, unknown[] | undefined>;
  return {
    'lit-html': g['litHtmlVersions'] ?? [],
    '@lit/reactive-element': g['reactiveElementVersions'] ?? [],
    'lit-element': g['litElementVersions'] ?? [],
  };
}

describe('one Lit', () => {
  before(async () => {
    console.warn = (...args: unknown[]) => {
      warnings.push(args.map(String).join(' '));
      original.apply(console, args);
    };
    // What a story page loads: the elements, every story module, and the renderer's Lit helpers.
    await import('../../src/define.js');
    await import('lit/directive-helpers.js');
    await Promise.all([
      import('../../stories/transcript.stories.js'),
      import('../../stories/communication-panel.stories.js'),
      import('../../stories/session-view.stories.js'),
      import('../../stories/session-tabs.stories.js'),
      import('../../stories/quick-replies.stories.js'),
      import('../../stories/theming.stories.js'),
    ]);
  });

  after(() => {
    console.warn = original;
  });

  it('loads a single copy of lit-html, lit-element and @lit/reactive-element', () => {
    for (const [name, loaded] of Object.entries(versions())) {
      expect(loaded, name).to.have.length(1);
    }
  });

  it('renders an element without a multiple-versions warning', async () => {
    const el = await fixture<HTMLElement>(html`<cc-transcript></cc-transcript>`);
    await waitUntil(() => el.shadowRoot !== null, 'cc-transcript never rendered');
    expect(warnings.filter((text) => /multiple versions of lit/i.test(text))).to.deep.equal([]);
  });
});
