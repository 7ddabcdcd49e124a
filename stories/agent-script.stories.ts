import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { createDesk, type Desk } from '../src/core/desk/desk.js';
import '../src/elements/agent-script/define.js';
import { loadCatalog } from '../src/i18n/index.js';
import { AGENT_SCRIPTS } from '../src/transports/simulated/agent-scripts.js';
import { SimulatedTransport } from '../src/transports/simulated/index.js';

interface Stage {
  desk: Desk;
  conversationId: string;
}

/**
 * A connected desk with the simulator's scripts (one per queue) and one active conversation in
 * `queue`; `done` steps are ticked first.
 */
async function stage(options: { locale?: 'en' | 'pl'; queue?: string; done?: number | 'all' } = {}): Promise<Stage> {
  if (options.locale) await loadCatalog(options.locale);
  const transport = new SimulatedTransport({ seed: 8 });
  const desk = createDesk({ transport, storage: 'memory', agent: { id: 'agent-1', name: 'Ewa' }, scripts: [...AGENT_SCRIPTS] });
  await desk.connect();
  const polish = options.locale === 'pl';
  const queue = options.queue ?? (polish ? 'Reklamacje' : 'Returns');
  const conversation = transport.startConversation({
    locale: polish ? 'pl' : 'en',
    queue,
    customer: { name: polish ? 'Agnieszka Wróblewska' : 'Megan Oduya' },
    firstMessage: polish ? 'Dzień dobry, paczka nie dotarła.' : "Hi, how do I return a jacket that doesn't fit?",
  });
  desk.setActive(conversation.id);
  const script = AGENT_SCRIPTS.find((s) => s.queue === queue);
  const done = options.done === 'all' ? (script?.steps.length ?? 0) : (options.done ?? 0);
  for (const step of script?.steps.slice(0, done) ?? []) await desk.scripts.complete(conversation.id, step.id);
  await desk.settled();
  return { desk, conversationId: conversation.id };
}

function agentScript({ desk }: Stage, wrapper: { lang?: string; dark?: boolean; width?: string } = {}): TemplateResult {
  // Dark and Polish are set on the wrapper too, so the stories-a11y test (which has no toolbar) checks them.
  const style = `max-width: ${wrapper.width ?? '24rem'}; padding: 1rem;${wrapper.dark ? ' color-scheme: dark; background: #121418;' : ''}`;
  return html`<div style=${style} lang=${wrapper.lang ?? nothing}>
    <cc-agent-script .desk=${desk}></cc-agent-script>
  </div>`;
}

const stageOf = (loaded: Record<string, unknown>): Stage => loaded['stage'] as Stage;

const meta: Meta = {
  title: 'Elements/Agent script',
  component: 'cc-agent-script',
  parameters: {
    docs: {
      description: {
        component:
          'The steps the host set for the conversation’s queue (F15): Insert puts a text into the composer to edit and send, Share link an article, and every step has a checkbox; progress is kept across reloads. Each action is a cancelable `cc-script-step` first.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

export const Fresh: Story = {
  loaders: [async () => ({ stage: await stage() })],
  render: (_args, { loaded }) => agentScript(stageOf(loaded)),
};

export const PartlyDone: Story = {
  name: 'Partly done',
  loaders: [async () => ({ stage: await stage({ done: 2 }) })],
  render: (_args, { loaded }) => agentScript(stageOf(loaded)),
};

export const AllDone: Story = {
  name: 'All done',
  loaders: [async () => ({ stage: await stage({ done: 'all' }) })],
  render: (_args, { loaded }) => agentScript(stageOf(loaded)),
};

export const NoScript: Story = {
  name: 'Queue without a script',
  parameters: { docs: { description: { story: 'The conversation’s queue has no script: the element renders nothing.' } } },
  loaders: [async () => ({ stage: await stage({ queue: 'Complaints' }) })],
  render: (_args, { loaded }) => html`<p>The script would appear below this line.</p>
    ${agentScript(stageOf(loaded))}`,
};

export const Polish: Story = {
  globals: { locale: 'pl' },
  loaders: [async () => ({ stage: await stage({ locale: 'pl', done: 1 }) })],
  render: (_args, { loaded }) => agentScript(stageOf(loaded), { lang: 'pl' }),
};

export const Dark: Story = {
  globals: { scheme: 'dark' },
  loaders: [async () => ({ stage: await stage({ done: 2 }) })],
  render: (_args, { loaded }) => agentScript(stageOf(loaded), { dark: true }),
};

export const Narrow: Story = {
  loaders: [async () => ({ stage: await stage({ done: 1 }) })],
  render: (_args, { loaded }) => agentScript(stageOf(loaded), { width: '14rem' }),
};
