import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { createDesk, type Desk } from '../src/core/desk/desk.js';
import type { Capabilities } from '../src/core/transport.js';
import '../src/elements/record-create/define.js';
import type { CcRecordCreate, QuickCreateKind } from '../src/elements/record-create/record-create.js';
import { loadCatalog } from '../src/i18n/index.js';
import { SimulatedTransport } from '../src/transports/simulated/index.js';

interface Stage {
  desk: Desk;
  transport: SimulatedTransport;
}

interface StageOptions {
  locale?: 'en' | 'pl';
  capabilities?: Partial<Capabilities>;
  noConversation?: boolean;
}

/** A connected desk on the simulator with one active conversation of a few messages to prefill from. */
async function stage(options: StageOptions = {}): Promise<Stage> {
  // Polish loads on first use: load it first so the story never shows a moment of English.
  if (options.locale) await loadCatalog(options.locale);
  const transport = new SimulatedTransport({ seed: 8, ...(options.capabilities ? { capabilities: options.capabilities } : {}) });
  const desk = createDesk({ transport, storage: 'memory', agent: { id: 'agent-1', name: 'Ewa' } });
  await desk.connect();
  if (options.noConversation) return { desk, transport };
  const polish = options.locale === 'pl';
  const conversation = transport.startConversation({
    locale: polish ? 'pl' : 'en',
    customer: { name: polish ? 'Agnieszka Maria Wróblewska' : 'Megan Oduya' },
    firstMessage: polish
      ? 'Dzień dobry, paczka z zamówieniem PL-3275 przyszła uszkodzona, karton był cały mokry.'
      : 'Hi, my order A-16866 arrived with a cracked lamp inside.',
    links: {},
  });
  transport.customerSays(conversation.id, polish ? 'Zdjęcia wysłałam mailem.' : 'I have photos of the box if you need them.');
  desk.setActive(conversation.id);
  return { desk, transport };
}

const control = (el: CcRecordCreate, name: string): HTMLInputElement => el.shadowRoot!.querySelector<HTMLInputElement>(`[name="${name}"]`)!;

/** Types into a field as the agent would. */
function fill(el: CcRecordCreate, name: string, value: string): void {
  const target = control(el, name);
  target.value = value;
  target.dispatchEvent(new Event('input', { bubbles: true }));
}

async function submit(el: CcRecordCreate): Promise<void> {
  await el.updateComplete;
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit"]')!.click();
}

/** Renders the form and, once it is on the page, drives it into the state to show. */
function recordCreate(
  desk: Desk,
  kind: QuickCreateKind,
  drive?: (el: CcRecordCreate) => Promise<unknown>,
  wrapper: { lang?: string; dark?: boolean } = {},
): TemplateResult {
  let driven = false;
  const onElement = (node: Element | undefined): void => {
    if (!node || driven || !drive) return;
    driven = true;
    const el = node as CcRecordCreate;
    void el.updateComplete.then(() => drive(el));
  };
  // Dark and Polish are set on the wrapper too, so the stories-a11y test (which has no toolbar) checks them.
  const style = `max-width: 32rem; padding: 1rem;${wrapper.dark ? ' color-scheme: dark; background: #121418;' : ''}`;
  return html`<div style=${style} lang=${wrapper.lang ?? nothing}>
    <cc-record-create .desk=${desk} kind=${kind} ${ref(onElement)}></cc-record-create>
  </div>`;
}

const stageOf = (loaded: Record<string, unknown>): Stage => loaded['stage'] as Stage;

const meta: Meta = {
  title: 'Elements/Record create',
  component: 'cc-record-create',
  parameters: {
    docs: {
      description: {
        component:
          'Quick-create a case or contact from the conversation (F7), prefilled from it, validated on blur and on submit, then linked. `<cc-record-search>` opens it inline; usable alone.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

export const Case: Story = {
  name: 'New case, prefilled',
  loaders: [async () => ({ stage: await stage() })],
  render: (_args, { loaded }) => recordCreate(stageOf(loaded).desk, 'case'),
};

export const Contact: Story = {
  name: 'New contact, prefilled',
  loaders: [async () => ({ stage: await stage() })],
  render: (_args, { loaded }) => recordCreate(stageOf(loaded).desk, 'contact'),
};

export const ValidationErrors: Story = {
  name: 'Validation errors',
  loaders: [async () => ({ stage: await stage() })],
  render: (_args, { loaded }) =>
    recordCreate(stageOf(loaded).desk, 'contact', async (el) => {
      fill(el, 'lastName', '');
      fill(el, 'email', 'megan@');
      fill(el, 'phone', 'after 5pm');
      await submit(el);
    }),
};

export const ServerError: Story = {
  name: 'Could not create',
  loaders: [async () => ({ stage: await stage() })],
  render: (_args, { loaded }) => {
    const { desk, transport } = stageOf(loaded);
    return recordCreate(desk, 'case', async (el) => {
      await transport.disconnect();
      await submit(el);
    });
  },
};

export const Created: Story = {
  name: 'Created and linked',
  loaders: [async () => ({ stage: await stage() })],
  render: (_args, { loaded }) => recordCreate(stageOf(loaded).desk, 'case', (el) => submit(el)),
};

export const NoConversation: Story = {
  name: 'Without a conversation',
  parameters: { docs: { description: { story: 'Nothing to prefill from or link to: the link box is not shown.' } } },
  loaders: [async () => ({ stage: await stage({ noConversation: true }) })],
  render: (_args, { loaded }) => recordCreate(stageOf(loaded).desk, 'case'),
};

export const Polish: Story = {
  globals: { locale: 'pl' },
  loaders: [async () => ({ stage: await stage({ locale: 'pl' }) })],
  render: (_args, { loaded }) =>
    recordCreate(
      stageOf(loaded).desk,
      'contact',
      async (el) => {
        fill(el, 'email', 'agnieszka@');
        await submit(el);
      },
      { lang: 'pl' },
    ),
};

export const Dark: Story = {
  globals: { scheme: 'dark' },
  loaders: [async () => ({ stage: await stage() })],
  render: (_args, { loaded }) =>
    recordCreate(
      stageOf(loaded).desk,
      'case',
      async (el) => {
        fill(el, 'subject', '');
        await submit(el);
      },
      { dark: true },
    ),
};

export const WithoutRecords: Story = {
  name: 'Transport without records',
  parameters: {
    docs: { description: { story: 'The transport reports `capabilities.records: false`: the form hides itself.' } },
  },
  loaders: [async () => ({ stage: await stage({ capabilities: { records: false } }) })],
  render: (_args, { loaded }) => html`<p>The form is hidden below this line.</p>
    ${recordCreate(stageOf(loaded).desk, 'case')}`,
};
