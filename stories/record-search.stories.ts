import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { createDesk, type Desk } from '../src/core/desk/desk.js';
import type { Conversation } from '../src/core/model.js';
import type { Capabilities } from '../src/core/transport.js';
import '../src/elements/record-search/define.js';
import type { CcRecordSearch } from '../src/elements/record-search/record-search.js';
import type { CcRecordCreate } from '../src/elements/record-create/record-create.js';
import { loadCatalog } from '../src/i18n/index.js';
import { SimulatedTransport } from '../src/transports/simulated/index.js';

interface Stage {
  desk: Desk;
  transport: SimulatedTransport;
  conversation: Conversation | undefined;
}

interface StageOptions {
  locale?: 'en' | 'pl';
  capabilities?: Partial<Capabilities>;
  /** No conversation is open. */
  noConversation?: boolean;
  /** Link the customer's own contact and newest case. */
  linked?: boolean;
}

/** A connected desk on the simulator's seeded CRM, with one active, unlinked conversation. */
async function stage(options: StageOptions = {}): Promise<Stage> {
  // Polish loads on first use: load it first so the story never shows a moment of English.
  if (options.locale) await loadCatalog(options.locale);
  const transport = new SimulatedTransport({ seed: 8, ...(options.capabilities ? { capabilities: options.capabilities } : {}) });
  const desk = createDesk({ transport, storage: 'memory', agent: { id: 'agent-1', name: 'Ewa' } });
  await desk.connect();
  if (options.noConversation) return { desk, transport, conversation: undefined };
  const polish = options.locale === 'pl';
  const conversation = transport.startConversation({
    locale: polish ? 'pl' : 'en',
    customer: { name: polish ? 'Agnieszka Wróblewska' : 'Megan Oduya' },
    firstMessage: polish
      ? 'Dzień dobry, zapłaciłam dwa razy za zamówienie PL-3275.'
      : 'Hi, my order A-16866 arrived with a cracked lamp inside.',
    links: {},
  });
  desk.setActive(conversation.id);
  if (options.linked && transport.capabilities.records) {
    const contact = transport.crm.contactOf(conversation.customer.id);
    const [newestCase] = transport.crm.casesOf(conversation.customer.id);
    if (contact) await desk.link(conversation.id, contact);
    if (newestCase) await desk.link(conversation.id, newestCase);
  }
  return { desk, transport, conversation };
}

/** Types a query and waits for the answer, as the agent would (without the debounce). */
async function searchFor(el: CcRecordSearch, text: string): Promise<void> {
  await el.updateComplete;
  const field = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]');
  if (!field) return;
  field.value = text;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  await el.search();
}

/** Renders the element and, once it is on the page, drives it into the state to show. */
function recordSearch(
  desk: Desk,
  drive?: (el: CcRecordSearch) => Promise<unknown>,
  wrapper: { lang?: string; dark?: boolean } = {},
): TemplateResult {
  let driven = false;
  const onElement = (node: Element | undefined): void => {
    if (!node || driven || !drive) return;
    driven = true;
    const el = node as CcRecordSearch;
    void el.updateComplete.then(() => drive(el));
  };
  // Dark and Polish are set on the wrapper too, so the stories-a11y test (which has no toolbar) checks them.
  const style = `max-width: 36rem; padding: 1rem;${wrapper.dark ? ' color-scheme: dark; background: #121418;' : ''}`;
  return html`<div style=${style} lang=${wrapper.lang ?? nothing}>
    <cc-record-search .desk=${desk} ${ref(onElement)}></cc-record-search>
  </div>`;
}

const stageOf = (loaded: Record<string, unknown>): Stage => loaded['stage'] as Stage;

const meta: Meta = {
  title: 'Elements/Record search',
  component: 'cc-record-search',
  parameters: {
    docs: {
      description: {
        component:
          'Search contacts, accounts and cases, and link one contact-or-account and one case to the conversation (F8). Unlinking never deletes. "New case" / "New contact" open the quick-create form (F7). Every action is a cancelable `cc-*` event first.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

export const Empty: Story = {
  name: 'Nothing linked',
  loaders: [async () => ({ stage: await stage() })],
  render: (_args, { loaded }) => recordSearch(stageOf(loaded).desk),
};

export const Linked: Story = {
  name: 'Contact and case linked',
  loaders: [async () => ({ stage: await stage({ linked: true }) })],
  render: (_args, { loaded }) => recordSearch(stageOf(loaded).desk),
};

export const Results: Story = {
  loaders: [async () => ({ stage: await stage() })],
  render: (_args, { loaded }) => recordSearch(stageOf(loaded).desk, (el) => searchFor(el, 'harbour')),
};

export const ResultsReplacingLinks: Story = {
  name: 'Results that would replace a link',
  parameters: {
    docs: { description: { story: 'Megan Oduya is linked: linking the other Megan replaces her, and the Link button says so.' } },
  },
  loaders: [async () => ({ stage: await stage({ linked: true }) })],
  render: (_args, { loaded }) => recordSearch(stageOf(loaded).desk, (el) => searchFor(el, 'megan')),
};

export const ManyResults: Story = {
  name: 'Many results',
  loaders: [async () => ({ stage: await stage() })],
  render: (_args, { loaded }) => recordSearch(stageOf(loaded).desk, (el) => searchFor(el, 'a')),
};

export const Searching: Story = {
  loaders: [async () => ({ stage: await stage() })],
  render: (_args, { loaded }) => {
    const { desk, transport } = stageOf(loaded);
    return recordSearch(desk, async (el) => {
      // The CRM takes its time: the search stays busy.
      transport.latency = 10 * 60_000;
      await searchFor(el, 'order');
    });
  },
};

export const NoResults: Story = {
  name: 'No results',
  loaders: [async () => ({ stage: await stage() })],
  render: (_args, { loaded }) => recordSearch(stageOf(loaded).desk, (el) => searchFor(el, 'xyzzy')),
};

export const SearchFailed: Story = {
  name: 'Search failed',
  loaders: [async () => ({ stage: await stage() })],
  render: (_args, { loaded }) => {
    const { desk, transport } = stageOf(loaded);
    return recordSearch(desk, async (el) => {
      await transport.disconnect();
      await searchFor(el, 'megan');
    });
  },
};

export const QuickCreateCase: Story = {
  name: 'Quick-create a case',
  loaders: [async () => ({ stage: await stage() })],
  render: (_args, { loaded }) =>
    recordSearch(stageOf(loaded).desk, async (el) => {
      el.shadowRoot!.querySelector<HTMLButtonElement>('button[data-create="case"]')!.click();
    }),
};

export const QuickCreateErrors: Story = {
  name: 'Quick-create with errors',
  loaders: [async () => ({ stage: await stage() })],
  render: (_args, { loaded }) =>
    recordSearch(stageOf(loaded).desk, async (el) => {
      el.shadowRoot!.querySelector<HTMLButtonElement>('button[data-create="contact"]')!.click();
      await el.updateComplete;
      const form = el.shadowRoot!.querySelector<CcRecordCreate>('cc-record-create')!;
      await form.updateComplete;
      const email = form.shadowRoot!.querySelector<HTMLInputElement>('[name="email"]')!;
      email.value = 'megan@';
      email.dispatchEvent(new Event('input', { bubbles: true }));
      const lastName = form.shadowRoot!.querySelector<HTMLInputElement>('[name="lastName"]')!;
      lastName.value = '';
      lastName.dispatchEvent(new Event('input', { bubbles: true }));
      form.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit"]')!.click();
    }),
};

export const NoConversation: Story = {
  name: 'No conversation',
  loaders: [async () => ({ stage: await stage({ noConversation: true }) })],
  render: (_args, { loaded }) => recordSearch(stageOf(loaded).desk),
};

export const Polish: Story = {
  globals: { locale: 'pl' },
  loaders: [async () => ({ stage: await stage({ locale: 'pl', linked: true }) })],
  render: (_args, { loaded }) => recordSearch(stageOf(loaded).desk, (el) => searchFor(el, 'zamowienie'), { lang: 'pl' }),
};

export const Dark: Story = {
  globals: { scheme: 'dark' },
  loaders: [async () => ({ stage: await stage({ linked: true }) })],
  render: (_args, { loaded }) => recordSearch(stageOf(loaded).desk, (el) => searchFor(el, 'megan'), { dark: true }),
};

export const WithoutRecords: Story = {
  name: 'Transport without records',
  parameters: {
    docs: { description: { story: 'The transport reports `capabilities.records: false`: the element hides itself.' } },
  },
  loaders: [async () => ({ stage: await stage({ capabilities: { records: false } }) })],
  render: (_args, { loaded }) => html`<p>The record search is hidden below this line.</p>
    ${recordSearch(stageOf(loaded).desk)}`,
};
