import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { WritableAtom } from 'nanostores';
import type { SearchStatus } from '../src/core/search/types.js';
import { createDesk, type Desk } from '../src/core/desk/desk.js';
import type { ConversationState } from '../src/core/model.js';
import { loadCatalog } from '../src/i18n/index.js';
import { SimulatedTransport } from '../src/transports/simulated/index.js';
import '../src/elements/agent-desk/define.js';
import '../src/elements/transcript-search/define.js';

interface Stage {
  desk: Desk;
  transport: SimulatedTransport;
}

const DAY = 24 * 60 * 60 * 1000;

interface Person {
  name: string;
  locale: 'pl' | 'en';
  daysAgo: number;
  first: string;
  more: string[];
  state?: ConversationState;
}

const people: Person[] = [
  {
    name: 'Anna Nowak',
    locale: 'pl',
    daysAgo: 0,
    first: 'Dzień dobry, moje zamówienie #4471 nie dotarło 😟',
    more: ['Czy mogę zmienić adres dostawy? Zamówienie miało przyjść w piątek.'],
  },
  {
    name: 'John Smith',
    locale: 'en',
    daysAgo: 1,
    first: 'Hi, my order #4471 arrived *damaged*',
    more: ['Can I get a refund for the whole order, or do I have to send it back first?'],
    state: 'wrap-up',
  },
  {
    name: 'Piotr Wiśniewski',
    locale: 'pl',
    daysAgo: 3,
    first: 'Paczka z zamówieniem PL-5120 przyszła uszkodzona, karton był cały mokry.',
    more: ['Chcę zwrócić zamówienie i dostać zwrot pieniędzy.'],
    state: 'closed',
  },
  {
    name: 'Emma Brown',
    locale: 'en',
    daysAgo: 6,
    first: 'Where is my order? It is two weeks late.',
    more: ['The tracking page says the parcel is at the sorting centre.'],
    state: 'closed',
  },
  {
    name: 'Zofia Łukasik',
    locale: 'pl',
    daysAgo: 12,
    first: 'Zapłaciłam dwa razy za zamówienie PL-3620, 149,99 zł zeszło z konta dwa razy.',
    more: ['Proszę o zwrot jednej płatności.'],
    state: 'closed',
  },
];

/**
 * A connected desk that has seen five Polish and English conversations (with `history` earlier
 * messages each), all indexed. Server search is off unless asked for, so results are the desk's own.
 */
async function stage(options: { history?: number; serverSearch?: boolean } = {}): Promise<Stage> {
  const transport = new SimulatedTransport({ seed: 21, capabilities: { search: options.serverSearch ?? false } });
  const desk = createDesk({ transport, storage: 'memory' });
  await desk.connect();
  const now = Date.now();
  for (const person of people) {
    const at = now - person.daysAgo * DAY - 2 * 60 * 60 * 1000;
    const conversation = transport.startConversation({
      locale: person.locale,
      customer: { name: person.name },
      firstMessage: person.first,
      requestedAt: at,
    });
    transport.seedTranscript(conversation.id, options.history ?? 20);
    person.more.forEach((text, i) => transport.customerSays(conversation.id, text, { at: at + (i + 1) * 60_000 }));
    if (person.state === 'wrap-up' || person.state === 'closed') await desk.transition(conversation.id, 'wrap-up');
    if (person.state === 'closed') await desk.transition(conversation.id, 'closed');
  }
  // The desk stores (and indexes) messages in batches shortly after they arrive: wait until it has.
  await desk.settled();
  await (await desk.enableSearch()).ready();
  return { desk, transport };
}

const stageOf = (loaded: Record<string, unknown>): Stage => loaded['stage'] as Stage;

const search = (desk: Desk, query: string) =>
  html`<div style="max-width: 48rem"><cc-transcript-search .desk=${desk} query=${query}></cc-transcript-search></div>`;

/** Polls until the story's state is on screen (the search runs after a short typing pause). */
async function until(find: () => unknown, timeout = 5000): Promise<void> {
  const start = Date.now();
  while (!find()) {
    if (Date.now() - start > timeout) throw new Error('The story did not reach its state.');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const searchIn = (canvas: HTMLElement) => canvas.querySelector('cc-transcript-search')!;

const settled = async ({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> => {
  const el = searchIn(canvasElement);
  await until(() => el.shadowRoot?.querySelector('.results[aria-busy="false"] :is(.groups, .empty, .error)'));
};

const meta: Meta = {
  title: 'Elements/Transcript search',
  component: 'cc-transcript-search',
  parameters: {
    docs: {
      description: {
        component:
          'Full-text search over past and current transcripts (F16): the desk’s local IndexedDB index merged with the transport’s server search. Every word must match, word beginnings are enough, and accents are optional (“zamowienie” finds “zamówienie”). Results are grouped by conversation with the matches marked, can be filtered by customer, date range and state, and open read-only in a `<cc-transcript>`.',
      },
    },
  },
  args: { query: '' },
  loaders: [async () => ({ stage: await stage() })],
  render: (args, { loaded }) => search(stageOf(loaded).desk, String(args['query'] ?? '')),
};
export default meta;

type Story = StoryObj;

/** Nothing typed yet: a hint on how matching works, and how many messages are searchable. */
export const Empty: Story = {};

/** The index is still catching up with stored transcripts; typing is never blocked meanwhile. */
export const Indexing: Story = {
  loaders: [
    async () => {
      const s = await stage();
      // Frozen mid-way for the picture: a real catch-up over a large history moves on within seconds.
      (s.desk.$searchStatus as WritableAtom<SearchStatus>).set({ state: 'indexing', indexed: 12_345 });
      return { stage: s };
    },
  ],
};

/** Nothing matches every word. */
export const NoResults: Story = {
  args: { query: 'xylophone' },
  play: settled,
};

/** "zamowienie" typed without accents finds "zamówienie" in several conversations, newest first, with the matches marked. */
export const ManyResults: Story = {
  args: { query: 'zamowienie' },
  loaders: [async () => ({ stage: await stage({ history: 400 }) })],
  play: settled,
};

/** With the transport's server search: past conversations the desk never held are merged in and tagged "from the server". */
export const ServerResults: Story = {
  args: { query: 'zamowienie' },
  loaders: [async () => ({ stage: await stage({ serverSearch: true }) })],
  play: settled,
};

/** The search failed: an alert and Try again. */
export const SearchError: Story = {
  args: { query: 'zamowienie' },
  loaders: [
    async () => {
      const s = await stage();
      s.desk.searchTranscripts = () => Promise.reject(new Error('The index could not be read.'));
      return { stage: s };
    },
  ],
  play: settled,
};

/** A conversation opened read-only from the results; Back (or Escape) returns to them. */
export const OpenTranscript: Story = {
  args: { query: '4471' },
  play: async (context) => {
    await settled(context);
    const el = searchIn(context.canvasElement);
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.open')!.click();
    await until(() => el.shadowRoot!.querySelector('cc-transcript'));
  },
};

/** Polish, set with `lang` on `<cc-agent-desk>`. */
export const Polish: Story = {
  args: { query: 'zwrot' },
  loaders: [async () => ({ stage: await stage(), catalog: await loadCatalog('pl') })],
  render: (args, { loaded }) =>
    html`<cc-agent-desk lang="pl" .desk=${stageOf(loaded).desk}>
      <div style="max-width: 48rem"><cc-transcript-search query=${String(args['query'])}></cc-transcript-search></div>
    </cc-agent-desk>`,
  play: settled,
};

/** Dark colour scheme through `color-scheme` on a wrapper. */
export const Dark: Story = {
  args: { query: 'order' },
  render: (args, { loaded }) =>
    html`<div style="color-scheme: dark; background: #121418; padding: 12px">
      ${search(stageOf(loaded).desk, String(args['query']))}
    </div>`,
  play: settled,
};
