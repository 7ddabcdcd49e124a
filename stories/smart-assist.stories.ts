import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { createDesk, type AssistStatus, type Desk } from '../src/core/desk/desk.js';
import { TransportError, type Capabilities, type Transport } from '../src/core/transport.js';
import '../src/elements/smart-assist/define.js';
import { loadCatalog } from '../src/i18n/index.js';
import { SimulatedTransport } from '../src/transports/simulated/index.js';

interface Stage {
  desk: Desk;
  conversationId: string;
}

interface StageOptions {
  locale?: 'en' | 'pl';
  capabilities?: Partial<Capabilities>;
  /** What the customer asks. */
  question?: string;
  /** `assist.suggest` never answers (loading) or fails (error). */
  assist?: 'hang' | 'fail';
}

/** The simulator with `assist.suggest` held or failing, for the loading and error states. */
function withAssist(transport: SimulatedTransport, mode: 'hang' | 'fail'): Transport {
  return {
    get capabilities() {
      return { ...transport.capabilities, assist: true };
    },
    connect: (agent, opts) => transport.connect(agent, opts),
    disconnect: () => transport.disconnect(),
    subscribe: (listener) => transport.subscribe(listener),
    execute: (command, opts) => {
      if (command.type !== 'assist.suggest') return transport.execute(command, opts);
      return mode === 'hang' ? new Promise(() => undefined) : Promise.reject(new TransportError('internal', 'The assist service failed.', { retryable: false }));
    },
  };
}

/**
 * A connected desk on the simulator (its knowledge base and past conversations), with one active
 * conversation whose customer asked something; resolves once the suggestions are in (or the state
 * to show is reached).
 */
async function stage(options: StageOptions = {}): Promise<Stage> {
  if (options.locale) await loadCatalog(options.locale);
  const sim = new SimulatedTransport({ seed: 8, ...(options.capabilities ? { capabilities: options.capabilities } : {}) });
  const transport = options.assist ? withAssist(sim, options.assist) : sim;
  const desk = createDesk({ transport, storage: 'memory', agent: { id: 'agent-1', name: 'Ewa' } });
  await desk.connect();
  const polish = options.locale === 'pl';
  const conversation = sim.startConversation({
    locale: polish ? 'pl' : 'en',
    queue: polish ? 'Reklamacje' : 'Returns',
    customer: { name: polish ? 'Agnieszka Wróblewska' : 'Megan Oduya', locale: polish ? 'pl-PL' : 'en-GB' },
    firstMessage: options.question ?? (polish ? 'Paczka przyszła uszkodzona, karton był cały mokry. Co mam zrobić?' : "Hi, how do I return a jacket that doesn't fit?"),
  });
  desk.setActive(conversation.id);
  await desk.settled();
  const want: readonly AssistStatus[] = options.assist === 'hang' ? ['loading'] : ['ready', 'error', 'unavailable'];
  const store = desk.assist.suggestions(conversation.id);
  // Kept subscribed (so the suggestions are not dropped before the element shows them) until they arrive.
  await new Promise<void>((resolve) => {
    const done = (status: AssistStatus): void => void (want.includes(status) && resolve());
    store.listen((state) => done(state.status));
    done(store.get().status);
  });
  return { desk, conversationId: conversation.id };
}

function smartAssist({ desk }: Stage, wrapper: { lang?: string; dark?: boolean; width?: string } = {}): TemplateResult {
  // Dark and Polish are set on the wrapper too, so the stories-a11y test (which has no toolbar) checks them.
  const style = `max-width: ${wrapper.width ?? '24rem'}; padding: 1rem;${wrapper.dark ? ' color-scheme: dark; background: #121418;' : ''}`;
  return html`<div style=${style} lang=${wrapper.lang ?? nothing}>
    <cc-smart-assist .desk=${desk}></cc-smart-assist>
  </div>`;
}

const stageOf = (loaded: Record<string, unknown>): Stage => loaded['stage'] as Stage;

const meta: Meta = {
  title: 'Elements/Smart assist',
  component: 'cc-smart-assist',
  parameters: {
    docs: {
      description: {
        component:
          'Knowledge articles and similar past cases for what the customer wrote last (F15), refreshed as they write. Share link puts an article into the composer (a cancelable `cc-share-article` first); Open fires `cc-open-article` or `cc-open-transcript` and opens an app tab of the session unless cancelled.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

export const Suggestions: Story = {
  loaders: [async () => ({ stage: await stage() })],
  render: (_args, { loaded }) => smartAssist(stageOf(loaded)),
};

export const FromTheBackend: Story = {
  name: 'Suggestions from the backend',
  parameters: { docs: { description: { story: 'The transport has `capabilities.assist`: the desk asks it (`assist.suggest`) instead of working the suggestions out.' } } },
  loaders: [async () => ({ stage: await stage({ capabilities: { assist: true } }) })],
  render: (_args, { loaded }) => smartAssist(stageOf(loaded)),
};

export const Loading: Story = {
  loaders: [async () => ({ stage: await stage({ assist: 'hang' }) })],
  render: (_args, { loaded }) => smartAssist(stageOf(loaded)),
};

export const Empty: Story = {
  name: 'Nothing to suggest',
  loaders: [async () => ({ stage: await stage({ question: "Thanks, that's all!" }) })],
  render: (_args, { loaded }) => smartAssist(stageOf(loaded)),
};

export const Failed: Story = {
  name: 'Error',
  loaders: [async () => ({ stage: await stage({ assist: 'fail' }) })],
  render: (_args, { loaded }) => smartAssist(stageOf(loaded)),
};

export const Unavailable: Story = {
  parameters: { docs: { description: { story: 'No `assist`, no knowledge base and no transcript search on the transport.' } } },
  loaders: [async () => ({ stage: await stage({ capabilities: { knowledge: false, search: false } }) })],
  render: (_args, { loaded }) => smartAssist(stageOf(loaded)),
};

export const Polish: Story = {
  globals: { locale: 'pl' },
  loaders: [async () => ({ stage: await stage({ locale: 'pl' }) })],
  render: (_args, { loaded }) => smartAssist(stageOf(loaded), { lang: 'pl' }),
};

export const Dark: Story = {
  globals: { scheme: 'dark' },
  loaders: [async () => ({ stage: await stage() })],
  render: (_args, { loaded }) => smartAssist(stageOf(loaded), { dark: true }),
};

export const Narrow: Story = {
  loaders: [async () => ({ stage: await stage() })],
  render: (_args, { loaded }) => smartAssist(stageOf(loaded), { width: '15rem' }),
};
