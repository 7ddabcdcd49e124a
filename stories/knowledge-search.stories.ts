import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { createDesk, type Desk } from '../src/core/desk/desk.js';
import type { Capabilities } from '../src/core/transport.js';
import '../src/elements/knowledge-search/define.js';
import type { CcKnowledgeSearch } from '../src/elements/knowledge-search/knowledge-search.js';
import { loadCatalog } from '../src/i18n/index.js';
import { SimulatedTransport } from '../src/transports/simulated/index.js';

interface Stage {
  desk: Desk;
  transport: SimulatedTransport;
}

/** A connected desk on the simulator's knowledge base, with one active conversation. */
async function stage(options: { locale?: 'en' | 'pl'; capabilities?: Partial<Capabilities> } = {}): Promise<Stage> {
  // Polish loads on first use: load it first so the story never shows a moment of English.
  if (options.locale) await loadCatalog(options.locale);
  const transport = new SimulatedTransport({ seed: 8, ...(options.capabilities ? { capabilities: options.capabilities } : {}) });
  const desk = createDesk({ transport, storage: 'memory', agent: { id: 'agent-1', name: 'Ewa' } });
  await desk.connect();
  const polish = options.locale === 'pl';
  const conversation = transport.startConversation({
    locale: polish ? 'pl' : 'en',
    customer: { name: polish ? 'Agnieszka Wróblewska' : 'Megan Oduya' },
    firstMessage: polish ? 'Dzień dobry, kiedy dostanę zwrot pieniędzy?' : 'Hi, when will I get my refund?',
  });
  desk.setActive(conversation.id);
  return { desk, transport };
}

/** Types a query and waits for the answer, as the agent would (without the pause). */
async function searchFor(el: CcKnowledgeSearch, text: string): Promise<void> {
  await el.updateComplete;
  const field = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]');
  if (!field) return;
  field.value = text;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  await el.search();
}

/** Searches, then opens the first result. */
async function preview(el: CcKnowledgeSearch, text: string): Promise<void> {
  await searchFor(el, text);
  await el.updateComplete;
  el.shadowRoot!.querySelector<HTMLButtonElement>('.results button')?.click();
}

/** Renders the element and, once it is on the page, drives it into the state to show. */
function knowledgeSearch(
  desk: Desk,
  drive?: (el: CcKnowledgeSearch) => Promise<unknown>,
  wrapper: { lang?: string; dark?: boolean; width?: string } = {},
): TemplateResult {
  let driven = false;
  const onElement = (node: Element | undefined): void => {
    if (!node || driven || !drive) return;
    driven = true;
    const el = node as CcKnowledgeSearch;
    void el.updateComplete.then(() => drive(el));
  };
  // Dark and Polish are set on the wrapper too, so the stories-a11y test (which has no toolbar) checks them.
  const style = `max-width: ${wrapper.width ?? '36rem'}; padding: 1rem;${wrapper.dark ? ' color-scheme: dark; background: #121418;' : ''}`;
  return html`<div style=${style} lang=${wrapper.lang ?? nothing}>
    <cc-knowledge-search .desk=${desk} ${ref(onElement)}></cc-knowledge-search>
  </div>`;
}

const stageOf = (loaded: Record<string, unknown>): Stage => loaded['stage'] as Stage;

const meta: Meta = {
  title: 'Elements/Knowledge search',
  component: 'cc-knowledge-search',
  parameters: {
    docs: {
      description: {
        component:
          'Search knowledge articles as you type (accents optional), preview one, and share it into the conversation as a link or as text, for the agent to edit before sending (F9). Sharing is a cancelable `cc-share-article` event first.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

export const Empty: Story = {
  loaders: [async () => ({ stage: await stage() })],
  render: (_args, { loaded }) => knowledgeSearch(stageOf(loaded).desk),
};

export const Results: Story = {
  loaders: [async () => ({ stage: await stage() })],
  render: (_args, { loaded }) => knowledgeSearch(stageOf(loaded).desk, (el) => searchFor(el, 'order')),
};

export const Preview: Story = {
  name: 'Article preview',
  loaders: [async () => ({ stage: await stage() })],
  render: (_args, { loaded }) => knowledgeSearch(stageOf(loaded).desk, (el) => preview(el, 'return')),
};

export const NoResults: Story = {
  name: 'No results',
  loaders: [async () => ({ stage: await stage() })],
  render: (_args, { loaded }) => knowledgeSearch(stageOf(loaded).desk, (el) => searchFor(el, 'xyzzy')),
};

export const SearchFailed: Story = {
  name: 'Search failed',
  loaders: [async () => ({ stage: await stage() })],
  render: (_args, { loaded }) => {
    const { desk, transport } = stageOf(loaded);
    return knowledgeSearch(desk, async (el) => {
      await transport.disconnect();
      await searchFor(el, 'refund');
    });
  },
};

export const Polish: Story = {
  globals: { locale: 'pl' },
  loaders: [async () => ({ stage: await stage({ locale: 'pl' }) })],
  render: (_args, { loaded }) => knowledgeSearch(stageOf(loaded).desk, (el) => searchFor(el, 'zwrot'), { lang: 'pl' }),
};

export const PolishPreview: Story = {
  name: 'Polish article preview',
  globals: { locale: 'pl' },
  loaders: [async () => ({ stage: await stage({ locale: 'pl' }) })],
  render: (_args, { loaded }) => knowledgeSearch(stageOf(loaded).desk, (el) => preview(el, 'paczkomat'), { lang: 'pl' }),
};

export const Dark: Story = {
  globals: { scheme: 'dark' },
  loaders: [async () => ({ stage: await stage() })],
  render: (_args, { loaded }) => knowledgeSearch(stageOf(loaded).desk, (el) => preview(el, 'damaged'), { dark: true }),
};

export const Narrow: Story = {
  loaders: [async () => ({ stage: await stage() })],
  render: (_args, { loaded }) => knowledgeSearch(stageOf(loaded).desk, (el) => searchFor(el, 'delivery'), { width: '16rem' }),
};

export const WithoutKnowledge: Story = {
  name: 'Transport without a knowledge base',
  parameters: {
    docs: { description: { story: 'The transport reports no `capabilities.knowledge`: the element hides itself.' } },
  },
  loaders: [async () => ({ stage: await stage({ capabilities: { knowledge: false } }) })],
  render: (_args, { loaded }) => html`<p>The knowledge search is hidden below this line.</p>
    ${knowledgeSearch(stageOf(loaded).desk)}`,
};
