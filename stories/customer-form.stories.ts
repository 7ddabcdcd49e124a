import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { createDesk, type Desk } from '../src/core/desk/desk.js';
import type { AgentRef, Conversation, Customer } from '../src/core/model.js';
import {
  TransportError,
  type Command,
  type ConnectOptions,
  type ResultOf,
  type Transport,
  type TransportEvent,
} from '../src/core/transport.js';
import { SimulatedTransport, type OfferInput, type SimulatedTransportOptions } from '../src/transports/simulated/index.js';
import '../src/elements/agent-desk/define.js';
import '../src/elements/customer-form/define.js';

interface Stage {
  desk: Desk;
  transport: SimulatedTransport;
  conversation: Conversation | undefined;
}

const MINUTE = 60_000;

/** The simulator, with a switch on its CRM's search: answer normally, find nothing, or fail. */
class CrmSwitch implements Transport {
  search: 'answer' | 'empty' | 'fail' = 'answer';
  constructor(readonly sim: SimulatedTransport) {}
  get capabilities() {
    return this.sim.capabilities;
  }
  connect(agent: AgentRef, opts?: ConnectOptions): ReturnType<Transport['connect']> {
    return this.sim.connect(agent, opts);
  }
  disconnect(): Promise<void> {
    return this.sim.disconnect();
  }
  subscribe(listener: (event: TransportEvent) => void): () => void {
    return this.sim.subscribe(listener);
  }
  execute<C extends Command>(command: C, opts?: { signal?: AbortSignal }): Promise<ResultOf<C>> {
    if (command.type === 'records.search' && this.search === 'fail') {
      return Promise.reject(new TransportError('unavailable', 'The CRM did not answer.'));
    }
    if (command.type === 'records.search' && this.search === 'empty') {
      return Promise.resolve({ records: [] } as unknown as ResultOf<C>);
    }
    return this.sim.execute(command, opts);
  }
}

const englishPreChat = [
  { question: 'What is your question about?', answer: 'Delivery' },
  { question: 'Order number', answer: '4471' },
  { question: 'How can we help?', answer: 'The parcel arrived with a torn box and the lamp inside is cracked.' },
];

const polishPreChat = [
  { question: 'Czego dotyczy pytanie?', answer: 'Dostawa' },
  { question: 'Numer zamówienia', answer: '4471' },
  { question: 'W czym możemy pomóc?', answer: 'Paczka przyszła z rozdartym kartonem, a lampa w środku jest pęknięta.' },
];

const visitor = {
  'Entry point': 'Messenger button on the order page',
  Page: 'https://shop.example.com/orders/4471',
  Device: 'iPhone, Messenger app',
  'Time zone': 'Europe/Warsaw',
};

interface StageOptions {
  transport?: SimulatedTransportOptions;
  /** Start the conversation with the simulated customer who has the most cases in the CRM. */
  withCases?: boolean;
  offer?: OfferInput;
  /** What the CRM's search does once the stage is set. */
  search?: CrmSwitch['search'];
  /** Link the customer's newest case and contact, and add a note: a few timeline entries. */
  work?: boolean;
}

/** The customer of the simulated CRM with the most cases, found the way a host would: through the desk. */
async function customerWithCases(desk: Desk): Promise<Partial<Customer>> {
  const cases = await desk.searchRecords('', { kinds: ['case'], limit: 200 });
  const counts = new Map<string, number>();
  for (const c of cases) if (c.customerId) counts.set(c.customerId, (counts.get(c.customerId) ?? 0) + 1);
  const [id] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
  if (!id) return {};
  const [contact] = await desk.searchRecords('', { kinds: ['contact'], customerId: id, limit: 1 });
  return contact ? { id, name: contact.title } : { id };
}

async function stage(options: StageOptions = {}): Promise<Stage> {
  const transport = new SimulatedTransport({ seed: 31, ...options.transport });
  const crm = new CrmSwitch(transport);
  const desk = createDesk({ transport: crm, storage: 'memory' });
  await desk.connect();
  const known = options.withCases && desk.capabilities.records ? await customerWithCases(desk) : {};
  const conversation = transport.startConversation({
    locale: 'en',
    queue: 'Orders',
    requestedAt: Date.now() - 95_000,
    firstMessage: 'Hi, my parcel arrived damaged.',
    preChat: englishPreChat,
    visitor,
    links: {},
    ...options.offer,
    customer: { locale: 'en-GB', ...known, ...options.offer?.customer },
  });
  desk.setActive(conversation.id);
  if (options.work && desk.capabilities.records) {
    const [latest] = await desk.searchRecords('', { kinds: ['case'], customerId: conversation.customer.id, limit: 1 });
    const [contact] = await desk.searchRecords('', { kinds: ['contact'], customerId: conversation.customer.id, limit: 1 });
    if (contact) await desk.link(conversation.id, contact);
    if (latest) await desk.link(conversation.id, latest);
    if (desk.capabilities.notes && (latest || contact)) {
      await desk.addNote(conversation.id, 'Customer will send photos of the damaged box.');
    }
  }
  crm.search = options.search ?? 'answer';
  return { desk, transport, conversation };
}

const form = (desk: Desk, attrs: { view?: string; tab?: string } = {}): TemplateResult =>
  html`<div style="max-width: 30rem">
    <cc-customer-form .desk=${desk} view=${attrs.view ?? 'conversation'} tab=${attrs.tab ?? 'pre-chat'}></cc-customer-form>
  </div>`;

const stageOf = (loaded: Record<string, unknown>): Stage => loaded['stage'] as Stage;

const meta: Meta = {
  title: 'Elements/Customer form',
  component: 'cc-customer-form',
  parameters: {
    docs: {
      description: {
        component:
          'The active conversation (customer) form (F5) and the session view (F6): the customer, the conversation summary with a live waiting time, linked case and contact, the customer’s recent cases (when the transport supports records), the timeline, and tabs for pre-chat answers and visitor details. Follows the desk’s active conversation unless `conversation-id` is set; `view="session"` shows the compact session view.',
      },
    },
  },
  render: (_args, { loaded }) => form(stageOf(loaded).desk),
};
export default meta;

type Story = StoryObj;

/** Everything: a linked case and contact, the customer’s recent cases, and a timeline with a few entries. */
export const ConversationView: Story = {
  loaders: [async () => ({ stage: await stage({ withCases: true, work: true }) })],
};

/** The pre-chat tab: the answers the customer gave before the conversation. */
export const PreChatTab: Story = {
  loaders: [async () => ({ stage: await stage({ withCases: true }) })],
  render: (_args, { loaded }) => form(stageOf(loaded).desk, { tab: 'pre-chat' }),
};

/** The visitor details tab. */
export const VisitorTab: Story = {
  loaders: ConversationView.loaders!,
  render: (_args, { loaded }) => form(stageOf(loaded).desk, { tab: 'visitor' }),
};

/** No pre-chat form and no visitor details: each tab says so. */
export const NoPreChatAnswers: Story = {
  loaders: [async () => ({ stage: await stage({ offer: { preChat: [], visitor: {} } }) })],
};

/** The compact session view (F6): state, time in session, linked records and what else is in progress. */
export const SessionView: Story = {
  loaders: [
    async () => {
      const s = await stage({ withCases: true, work: true });
      s.transport.startConversation({ locale: 'en', queue: 'Billing' });
      s.transport.startConversation({ locale: 'pl', queue: 'Zwroty' });
      return { stage: s };
    },
  ],
  render: (_args, { loaded }) => form(stageOf(loaded).desk, { view: 'session' }),
};

/** No conversation is open. */
export const NoConversation: Story = {
  loaders: [
    async () => {
      const transport = new SimulatedTransport({ seed: 31 });
      const desk = createDesk({ transport, storage: 'memory' });
      await desk.connect();
      return { stage: { desk, transport, conversation: undefined } satisfies Stage };
    },
  ],
};

/** The CRM answers slowly: recent cases are loading. */
export const LoadingRecentCases: Story = {
  loaders: [
    async () => {
      const s = await stage({ withCases: true });
      // Everything is in place; from now on the simulated backend takes ten minutes to answer.
      s.transport.latency = 10 * MINUTE;
      return { stage: s };
    },
  ],
};

/** The customer has no cases yet. */
export const NoRecentCases: Story = {
  loaders: [async () => ({ stage: await stage({ offer: { customer: { name: 'Nina Brooks' } }, search: 'empty' }) })],
};

/** The transport has no records (`capabilities.records` false): no recent cases section, nothing linked. */
export const RecordsUnsupported: Story = {
  loaders: [async () => ({ stage: await stage({ transport: { capabilities: { records: false, notes: false } } }) })],
};

/** The CRM does not answer: recent cases show an error and Try again. */
export const ErrorLoading: Story = {
  loaders: [async () => ({ stage: await stage({ withCases: true, work: true, search: 'fail' }) })],
};

/** The conversation was ended and closed: the waiting time stays, the case stays linked. */
export const Closed: Story = {
  loaders: [
    async () => {
      const s = await stage({ withCases: true, work: true });
      await s.desk.end(s.conversation!.id);
      await s.desk.transition(s.conversation!.id, 'closed');
      return { stage: s };
    },
  ],
};

/** Polish, with `lang` on `<cc-agent-desk>`. */
export const Polish: Story = {
  loaders: [
    async () => ({
      stage: await stage({
        withCases: true,
        work: true,
        offer: { locale: 'pl', queue: 'Zamówienia', preChat: polishPreChat, customer: { locale: 'pl-PL' } },
      }),
    }),
  ],
  render: (_args, { loaded }) =>
    html`<cc-agent-desk lang="pl" .desk=${stageOf(loaded).desk}>
      <div style="max-width: 30rem"><cc-customer-form></cc-customer-form></div>
    </cc-agent-desk>`,
};

/** Polish session view: "3 rozmowy w toku". */
export const PolishSession: Story = {
  loaders: SessionView.loaders!,
  render: (_args, { loaded }) =>
    html`<cc-agent-desk lang="pl" .desk=${stageOf(loaded).desk}>
      <div style="max-width: 30rem"><cc-customer-form view="session"></cc-customer-form></div>
    </cc-agent-desk>`,
};

/** Dark colour scheme through `color-scheme` on a wrapper. */
export const Dark: Story = {
  loaders: ConversationView.loaders!,
  render: (_args, { loaded }) =>
    html`<div style="color-scheme: dark; background: #121418; padding: 12px">${form(stageOf(loaded).desk)}</div>`,
};

const longSubject =
  'Zwrot środków za zamówienie 4471 oraz ponowna wysyłka uszkodzonej lampy stojącej z kloszem z mlecznego szkła — klient prosi o kontakt telefoniczny po 17:00';

/** Long names, queue, skills, titles and visitor values wrap instead of overflowing. */
export const LongNames: Story = {
  loaders: [
    async () => {
      const s = await stage({
        withCases: true,
        offer: {
          queue: 'Reklamacje i zwroty — klienci biznesowi (Europa Środkowo-Wschodnia)',
          customer: {
            name: 'Maria Magdalena Konstancja Wiśniewska-Szczebrzeszyńska von Hohenzollern-Sigmaringen',
            facebookId: '1234567890123456789012345678901234567890',
          },
          visitor: { ...visitor, Page: `https://shop.example.com/orders/4471?${'utm_campaign=spring-sale&'.repeat(6)}` },
        },
      });
      const id = s.conversation!.id;
      const created = await s.desk.createRecord(id, { kind: 'case', fields: { subject: longSubject } });
      await s.desk.link(id, created);
      return { stage: s };
    },
  ],
  render: (_args, { loaded }) => html`<div style="max-width: 22rem">${form(stageOf(loaded).desk)}</div>`,
};
