import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { createDesk, type Desk, type QueuedItem } from '../src/core/desk/desk.js';
import type { Conversation } from '../src/core/model.js';
import type { Command, Transport } from '../src/core/transport.js';
import '../src/elements/work-items/define.js';
import { loadCatalog } from '../src/i18n/index.js';
import { SimulatedTransport } from '../src/transports/simulated/index.js';

const MINUTE = 60_000;

type Queue = 'none' | 'loading' | 'error' | 'done' | 'empty';

/**
 * The simulator with a queue in front: `queue.list` answers from `items` (or never, or with an
 * error), `queue.pick` starts the picked conversation on the simulator.
 */
function withQueue(sim: SimulatedTransport, queue: Queue, items: QueuedItem[]): Transport {
  const execute = (async (command: Command, opts?: { signal?: AbortSignal }) => {
    if (command.type === 'queue.list') {
      if (queue === 'loading') return new Promise(() => undefined);
      if (queue === 'error') throw Object.assign(new Error('The queue is not reachable.'), { code: 'network' });
      return { items: queue === 'empty' ? [] : [...items] };
    }
    if (command.type === 'queue.pick') {
      const item = items.find((i) => i.conversationId === command.conversationId)!;
      const conversation: Conversation = sim.startConversation({ locale: 'en', customer: item.customer, queue: item.queue });
      return { conversation };
    }
    return sim.execute(command, opts);
  }) as Transport['execute'];
  return new Proxy(sim, {
    get(target, key) {
      if (key === 'execute') return execute;
      if (key === 'capabilities') return { ...target.capabilities, queue: true };
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  }) as Transport;
}

interface StageOptions {
  locale?: 'en' | 'pl';
  /** How many of the agent's conversations (up to 4). */
  mine?: number;
  queue?: Queue;
}

async function stage(options: StageOptions = {}): Promise<Desk> {
  if (options.locale) await loadCatalog(options.locale);
  const polish = options.locale === 'pl';
  const sim = new SimulatedTransport({ seed: 6 });
  const now = Date.now();
  const items: QueuedItem[] = [
    { conversationId: 'queued-1', customer: { id: 'q1', name: polish ? 'Grażyna Zielińska' : 'Priya Raman' }, channel: 'facebook', queue: polish ? 'Reklamacje' : 'Returns', requestedAt: now - 4 * MINUTE, lastMessage: polish ? 'Czy mogę zwrócić buty bez paragonu?' : 'Can I return shoes without the receipt?' },
    { conversationId: 'queued-2', customer: { id: 'q2', name: polish ? 'Tomasz Lis' : 'Jonas Berg' }, channel: 'facebook', queue: polish ? 'Faktury i płatności' : 'Billing', requestedAt: now - 11 * MINUTE, lastMessage: polish ? 'Faktura ma zły NIP.' : 'The invoice has the wrong VAT number <b>again</b>.' },
  ];
  const transport = options.queue && options.queue !== 'none' ? withQueue(sim, options.queue, items) : sim;
  const desk = createDesk({ transport, storage: 'memory', agent: { id: 'agent-1', name: 'Ewa' }, capacity: { total: 5 } });
  await desk.connect();
  const people = polish
    ? ['Agnieszka Wróblewska', 'Krzysztof Nowicki', 'Zofia Wiśniewska', 'Marek Dąbrowski']
    : ['Megan Oduya', 'Luis Ortega', 'Hana Sato', 'Oliver Grant'];
  const waits = [2, 14, 6, 38];
  const started: Conversation[] = [];
  for (let i = 0; i < Math.min(options.mine ?? 0, 4); i++) {
    started.push(sim.startConversation({ locale: polish ? 'pl' : 'en', customer: { name: people[i]! }, requestedAt: now - waits[i]! * MINUTE }));
  }
  await desk.settled();
  // One parked (Waiting) and one in wrap-up, so every state shows.
  if (started[1]) await desk.sessions.close(started[1].id);
  if (started[2]) await desk.end(started[2].id).catch(() => undefined);
  return desk;
}

function workItems(desk: Desk, wrapper: { lang?: string; dark?: boolean; width?: string } = {}): TemplateResult {
  const style = `padding: 1rem; max-width: ${wrapper.width ?? '60rem'};${wrapper.dark ? ' color-scheme: dark; background: #121418;' : ''}`;
  return html`<div style=${style} lang=${wrapper.lang ?? nothing}>
    <cc-work-items .desk=${desk}></cc-work-items>
  </div>`;
}

const deskOf = (loaded: Record<string, unknown>): Desk => loaded['desk'] as Desk;

const meta: Meta = {
  title: 'Elements/Work items',
  component: 'cc-work-items',
  parameters: {
    docs: {
      description: {
        component:
          "The agent's dashboard (F21): my work items (sortable, live wait time, last message as text; opening one starts or focuses its session) and, when the transport has a queue, open work items to pick. Opening and picking fire cancelable `cc-work-item-open` and `cc-work-item-pick` first.",
      },
    },
  },
};
export default meta;

type Story = StoryObj;

export const Empty: Story = {
  loaders: [async () => ({ desk: await stage() })],
  render: (_args, { loaded }) => workItems(deskOf(loaded)),
};

export const Several: Story = {
  name: 'Several (active, waiting, wrap-up)',
  loaders: [async () => ({ desk: await stage({ mine: 4 }) })],
  render: (_args, { loaded }) => workItems(deskOf(loaded)),
};

export const Sorted: Story = {
  name: 'Sorted by customer',
  loaders: [async () => ({ desk: await stage({ mine: 4 }) })],
  render: (_args, { loaded }) => workItems(deskOf(loaded)),
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('cc-work-items')!;
    await el.updateComplete;
    el.sortBy('customer', 'ascending');
  },
};

export const OpenLoading: Story = {
  name: 'Open work items loading',
  loaders: [async () => ({ desk: await stage({ mine: 1, queue: 'loading' }) })],
  render: (_args, { loaded }) => workItems(deskOf(loaded)),
};

export const OpenError: Story = {
  name: 'Open work items failed',
  loaders: [async () => ({ desk: await stage({ mine: 1, queue: 'error' }) })],
  render: (_args, { loaded }) => workItems(deskOf(loaded)),
};

export const OpenDone: Story = {
  name: 'Open work items to pick',
  loaders: [async () => ({ desk: await stage({ mine: 2, queue: 'done' }) })],
  render: (_args, { loaded }) => workItems(deskOf(loaded)),
};

export const OpenEmpty: Story = {
  name: 'Open queue empty',
  loaders: [async () => ({ desk: await stage({ queue: 'empty' }) })],
  render: (_args, { loaded }) => workItems(deskOf(loaded)),
};

export const Polish: Story = {
  globals: { locale: 'pl' },
  loaders: [async () => ({ desk: await stage({ locale: 'pl', mine: 4, queue: 'done' }) })],
  render: (_args, { loaded }) => workItems(deskOf(loaded), { lang: 'pl' }),
};

export const Dark: Story = {
  globals: { scheme: 'dark' },
  loaders: [async () => ({ desk: await stage({ mine: 4, queue: 'done' }) })],
  render: (_args, { loaded }) => workItems(deskOf(loaded), { dark: true }),
};

export const Narrow: Story = {
  name: 'Narrow (360 px)',
  loaders: [async () => ({ desk: await stage({ mine: 3, queue: 'done' }) })],
  render: (_args, { loaded }) => workItems(deskOf(loaded), { width: '360px' }),
};
