import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { createDesk, type Desk } from '../src/core/desk/desk.js';
import type { RecordRef } from '../src/core/records.js';
import type { Capabilities } from '../src/core/transport.js';
import '../src/elements/conversation-notes/define.js';
import type { CcConversationNotes } from '../src/elements/conversation-notes/conversation-notes.js';
import { SimulatedTransport } from '../src/transports/simulated/index.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

interface SeedNote {
  on: 'contact' | 'case';
  text: string;
  author: string;
  /** How long ago, ms. */
  ago: number;
}

interface Stage {
  desk: Desk;
  transport: SimulatedTransport;
  conversationId: string;
}

/**
 * A connected desk on the simulator with one active conversation that starts unlinked, a case
 * created from it (as an agent would), the records in `link` linked and `notes` written on them
 * at their times. `latency` applies to every later command (loading states).
 */
async function stage(
  options: {
    customer?: string;
    locale?: 'en' | 'pl';
    subject?: string;
    link?: ('contact' | 'case')[];
    notes?: SeedNote[];
    capabilities?: Partial<Capabilities>;
    latency?: number;
  } = {},
): Promise<Stage> {
  let offset = 0;
  const transport = new SimulatedTransport({
    seed: 12,
    now: () => Date.now() + offset,
    ...(options.capabilities ? { capabilities: options.capabilities } : {}),
  });
  const desk = createDesk({ transport, storage: 'memory', agent: { id: 'agent-ewa', name: 'Ewa Zielińska' } });
  await desk.connect();
  const conversation = transport.startConversation({
    customer: { name: options.customer ?? 'Anna Nowak' },
    locale: options.locale ?? 'en',
    links: {},
  });
  desk.setActive(conversation.id);
  if (transport.capabilities.records) {
    const contact = transport.crm.contactOf(conversation.customer.id)!;
    const created = await desk.createRecord(conversation.id, { kind: 'case', fields: { subject: options.subject ?? 'Delayed shipment' } });
    const refs: Record<'contact' | 'case', RecordRef> = {
      contact: { kind: contact.kind, id: contact.id, title: contact.title },
      case: { kind: created.kind, id: created.id, title: created.title },
    };
    for (const which of options.link ?? []) await desk.link(conversation.id, refs[which]);
    for (const [i, note] of (options.notes ?? []).entries()) {
      offset = -note.ago;
      transport.crm.addNote({ target: refs[note.on], text: note.text, author: note.author, clientId: `story-${i}` });
    }
    offset = 0;
  }
  transport.latency = options.latency ?? 0;
  return { desk, transport, conversationId: conversation.id };
}

/** Renders the element and, once it is on the page, drives it into the state to show. */
function notes(desk: Desk, drive?: (el: CcConversationNotes) => Promise<unknown>): TemplateResult {
  let driven = false;
  const onElement = (node: Element | undefined): void => {
    if (!node || driven || !drive) return;
    driven = true;
    const el = node as CcConversationNotes;
    void el.updateComplete.then(() => drive(el));
  };
  return html`<div style="max-width: 28rem">
    <cc-conversation-notes .desk=${desk} ${ref(onElement)}></cc-conversation-notes>
  </div>`;
}

/** Types into the note field as the agent would. */
async function write(el: CcConversationNotes, text: string): Promise<void> {
  const field = el.shadowRoot!.querySelector('textarea')!;
  field.value = text;
  field.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

const stageOf = (loaded: Record<string, unknown>): Stage => loaded['stage'] as Stage;

const caseNotes: SeedNote[] = [
  { on: 'case', text: 'Customer reports order A-20417 has not arrived; promised delivery was Monday.', author: 'Marek Wójcik', ago: 3 * DAY },
  { on: 'case', text: 'Courier confirms the parcel is held at the Leeds depot.\nExpected out for delivery on Friday.', author: 'Ewa Zielińska', ago: 2 * DAY },
  { on: 'case', text: 'Offered free express shipping on the next order. Customer accepted.', author: 'Marek Wójcik', ago: 5 * HOUR },
  { on: 'case', text: 'Customer wrote again on Messenger: still nothing.\n- checked tracking: "in transit"\n- escalated to logistics', author: 'Ewa Zielińska', ago: 12 * MINUTE },
];

const meta: Meta = {
  title: 'Elements/Conversation notes',
  component: 'cc-conversation-notes',
  parameters: {
    docs: {
      description: {
        component:
          'Notes on the conversation (F10), saved to the linked case, else the linked contact or account. Newest first; Ctrl+Enter (⌘+Enter) saves; the draft survives a reload.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

export const NoLink: Story = {
  name: 'No linked record',
  parameters: {
    docs: { description: { story: 'Nothing is linked: the agent can write, but Add note explains that a contact or case must be linked first.' } },
  },
  loaders: [async () => ({ stage: await stage() })],
  render: (_args, { loaded }) => notes(stageOf(loaded).desk, (el) => write(el, 'Customer asked for a call back after 5 pm.')),
};

export const LinkedToContact: Story = {
  name: 'Linked to a contact',
  parameters: { docs: { description: { story: 'Only the contact is linked: notes are saved to the contact.' } } },
  loaders: [
    async () => ({
      stage: await stage({
        link: ['contact'],
        notes: [
          { on: 'contact', text: 'Prefers e-mail over phone calls.', author: 'Marek Wójcik', ago: 40 * DAY },
          { on: 'contact', text: 'Returning customer, second order this month.', author: 'Ewa Zielińska', ago: DAY },
        ],
      }),
    }),
  ],
  render: (_args, { loaded }) => notes(stageOf(loaded).desk),
};

export const LinkedToCase: Story = {
  name: 'Linked to a case, several notes',
  parameters: { docs: { description: { story: 'A contact and a case are linked: notes go to the case.' } } },
  loaders: [async () => ({ stage: await stage({ link: ['contact', 'case'], notes: caseNotes }) })],
  render: (_args, { loaded }) => notes(stageOf(loaded).desk),
};

export const Empty: Story = {
  name: 'No notes yet',
  loaders: [async () => ({ stage: await stage({ link: ['case'] }) })],
  render: (_args, { loaded }) => notes(stageOf(loaded).desk),
};

export const Loading: Story = {
  parameters: { docs: { description: { story: 'The simulated CRM takes ten minutes to answer `notes.list`.' } } },
  loaders: [async () => ({ stage: await stage({ link: ['case'], latency: 10 * MINUTE }) })],
  render: (_args, { loaded }) => notes(stageOf(loaded).desk),
};

export const LoadFailed: Story = {
  name: 'Error loading',
  parameters: { docs: { description: { story: 'The connection is down, so the notes cannot be loaded; Try again loads them once it is back.' } } },
  loaders: [
    async () => {
      const loaded = await stage({ link: ['case'], notes: caseNotes.slice(0, 2) });
      await loaded.desk.disconnect();
      return { stage: loaded };
    },
  ],
  render: (_args, { loaded }) => notes(stageOf(loaded).desk),
};

export const SaveFailed: Story = {
  name: 'Saving failed',
  parameters: { docs: { description: { story: 'The connection dropped as the agent saved: the text stays in the field, with the error.' } } },
  loaders: [async () => ({ stage: await stage({ link: ['case'], notes: caseNotes.slice(0, 2) }) })],
  render: (_args, { loaded }) =>
    notes(stageOf(loaded).desk, async (el) => {
      await write(el, 'Refund of £24.99 approved by the team lead.');
      await stageOf(loaded).desk.disconnect();
      await el.save();
    }),
};

const longText = [
  'Summary of the call with the customer, who asked for the full history to be written down for the logistics team.',
  '',
  ...Array.from(
    { length: 12 },
    (_, i) =>
      `${i + 1}. Checked shipment leg ${i + 1}: scanned at hub, no exception recorded, handed to the next carrier on time; the customer disputes this and sent a photo of the label.`,
  ),
  '',
  'Tracking link: https://tracking.example.com/parcels/A-20417-GB-0000000000000000000000000000000000000000000000000000',
].join('\n');

export const LongNote: Story = {
  name: 'Long note',
  parameters: { docs: { description: { story: 'A long note with line breaks and an unbroken URL, and a draft close to the 4,000-character limit.' } } },
  loaders: [async () => ({ stage: await stage({ link: ['case'], notes: [{ on: 'case', text: longText, author: 'Marek Wójcik', ago: 2 * HOUR }] }) })],
  render: (_args, { loaded }) => notes(stageOf(loaded).desk, (el) => write(el, 'Lorem ipsum dolor sit amet. '.repeat(142))),
};

export const Polish: Story = {
  globals: { locale: 'pl' },
  loaders: [
    async () => ({
      stage: await stage({
        customer: 'Zofia Wiśniewska',
        locale: 'pl',
        subject: 'Zwrot za zamówienie PL-5521',
        link: ['contact', 'case'],
        notes: [
          { on: 'case', text: 'Klientka zgłosiła zwrot zamówienia PL-5521 (zły rozmiar).', author: 'Ewa Zielińska', ago: 26 * HOUR },
          { on: 'case', text: 'Etykieta zwrotna wysłana e-mailem.\nZwrot środków po przyjęciu paczki.', author: 'Marek Wójcik', ago: 30 * MINUTE },
        ],
      }),
    }),
  ],
  render: (_args, { loaded }) => html`<div lang="pl">${notes(stageOf(loaded).desk)}</div>`,
};

export const PolishNoLink: Story = {
  name: 'Polish, no linked record',
  globals: { locale: 'pl' },
  loaders: [async () => ({ stage: await stage({ customer: 'Zofia Wiśniewska', locale: 'pl' }) })],
  render: (_args, { loaded }) => html`<div lang="pl">${notes(stageOf(loaded).desk)}</div>`,
};

export const Dark: Story = {
  globals: { scheme: 'dark' },
  loaders: [async () => ({ stage: await stage({ link: ['contact', 'case'], notes: caseNotes }) })],
  render: (_args, { loaded }) =>
    html`<div style="color-scheme: dark; background: #121418; padding: 12px">
      ${notes(stageOf(loaded).desk, (el) => write(el, 'Draft: call back tomorrow morning.'))}
    </div>`,
};

export const DarkNoLink: Story = {
  name: 'Dark, no linked record',
  globals: { scheme: 'dark' },
  loaders: [async () => ({ stage: await stage() })],
  render: (_args, { loaded }) =>
    html`<div style="color-scheme: dark; background: #121418; padding: 12px">${notes(stageOf(loaded).desk)}</div>`,
};

export const NotesUnavailable: Story = {
  name: 'Transport without notes',
  parameters: {
    docs: { description: { story: '`capabilities.notes` is false: a short message, and `:state(unavailable)` for hosts that prefer to hide it.' } },
  },
  loaders: [async () => ({ stage: await stage({ capabilities: { notes: false } }) })],
  render: (_args, { loaded }) => notes(stageOf(loaded).desk),
};
