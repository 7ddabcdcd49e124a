import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { WritableAtom } from 'nanostores';
import { createDesk, type Desk, type DeskOptions } from '../src/core/desk/desk.js';
import type { Conversation } from '../src/core/model.js';
import { SimulatedTransport } from '../src/transports/simulated/index.js';
import '../src/elements/agent-desk/define.js';
import '../src/elements/communication-panel/define.js';

interface Stage {
  desk: Desk;
  transport: SimulatedTransport;
  conversation: Conversation;
}

const HOUR = 60 * 60 * 1000;

/** A connected desk with one active conversation from a Polish-speaking customer. */
async function stage(
  options: {
    humanAgent?: boolean;
    locale?: 'pl' | 'en';
    failNextSends?: number;
    /** Storage the desk is given (default: memory). */
    storage?: DeskOptions['storage'];
  } = {},
): Promise<Stage> {
  const transport = new SimulatedTransport({
    seed: 11,
    capabilities: { humanAgent: options.humanAgent ?? false },
    failNextSends: options.failNextSends ?? 0,
  });
  const desk = createDesk({ transport, storage: options.storage ?? 'memory' });
  await desk.connect();
  const conversation = transport.startConversation({
    locale: options.locale ?? 'en',
    customer: { name: 'Anna Nowak' },
    queue: 'Orders',
    firstMessage: 'Hi! My order *#4471* has not arrived yet 😟',
    ...(options.humanAgent ? { humanAgent: true } : {}),
  });
  desk.setActive(conversation.id);
  return { desk, transport, conversation };
}

const panel = (desk: Desk) =>
  html`<div style="height: 560px; max-width: 44rem; display: flex">
    <cc-communication-panel .desk=${desk}></cc-communication-panel>
  </div>`;

const stageOf = (loaded: Record<string, unknown>): Stage => loaded['stage'] as Stage;

const meta: Meta = {
  title: 'Elements/Communication panel',
  component: 'cc-communication-panel',
  parameters: {
    docs: {
      description: {
        component:
          'The agent’s view of one Facebook conversation: state, the live Messenger reply window, a virtualized transcript and the composer with attachments. Follows the desk’s active conversation unless `conversation-id` is set.',
      },
    },
  },
  render: (_args, { loaded }) => panel(stageOf(loaded).desk),
};
export default meta;

type Story = StoryObj;

/** No conversation accepted yet. */
export const NoConversation: Story = {
  loaders: [
    async () => {
      const transport = new SimulatedTransport({ seed: 1 });
      const desk = createDesk({ transport, storage: 'memory' });
      await desk.connect();
      return { stage: { desk, transport } };
    },
  ],
};

/** A conversation with every kind of Messenger content: markdown, links, emoji, an image with a numeric name, a PDF, a sticker, a reaction and an edit. */
export const Active: Story = {
  loaders: [
    async () => {
      const s = await stage();
      const id = s.conversation.id;
      const question = s.transport.customerSays(id, 'You can track it here: https://example.com/track?id=4471 — or is it _lost_?');
      await s.desk.send(id, 'Let me check that for you. Could you send a photo of the label?');
      s.transport.deliver(id);
      s.transport.read(id);
      const photo = s.transport.customerSendsImage(id);
      s.transport.customerSendsFile(id);
      s.transport.customerSendsSticker(id);
      s.transport.customerReacts(id, photo.id, '❤️');
      s.transport.customerEdits(id, question.id, 'You can track it here: https://example.com/track?id=4471 — or is it _lost_? ~nevermind~');
      s.transport.customerSays(id, 'Code: `PL-4471-X`');
      return { stage: s };
    },
  ],
};

/** Just accepted: nothing has been said yet. */
export const EmptyTranscript: Story = {
  loaders: [
    async () => {
      const transport = new SimulatedTransport({ seed: 2 });
      const desk = createDesk({ transport, storage: 'memory' });
      await desk.connect();
      const conversation: Conversation = {
        id: 'story-empty',
        customer: { id: 'cust-empty', name: 'Jan Kowalski' },
        channel: 'facebook',
        queue: 'General',
        state: 'active',
        requestedAt: Date.now() - 60_000,
        acceptedAt: Date.now(),
        lastCustomerMessageAt: Date.now() - 60_000,
      };
      (desk.$conversations as WritableAtom<Readonly<Record<string, Conversation>>>).set({ [conversation.id]: conversation });
      desk.setActive(conversation.id);
      return { stage: { desk, transport, conversation } };
    },
  ],
};

/** The customer is typing. */
export const CustomerTyping: Story = {
  loaders: [
    async () => {
      const s = await stage();
      s.transport.customerTyping(s.conversation.id, true);
      return { stage: s };
    },
  ],
};

/** 10,000 messages: only the rows near the viewport exist in the DOM. */
export const TenThousandMessages: Story = {
  loaders: [
    async () => {
      const s = await stage({ locale: 'pl' });
      s.transport.seedTranscript(s.conversation.id, 10_000);
      return { stage: s };
    },
  ],
};

/** A message that could not be sent: "Failed" with Retry (same client id). */
export const FailedMessage: Story = {
  loaders: [
    async () => {
      const s = await stage({ failNextSends: 1 });
      await s.desk.send(s.conversation.id, 'Your refund has been approved.');
      return { stage: s };
    },
  ],
};

/** The customer sent a type Messenger cannot show here (fallback, template…). */
export const UnsupportedMessage: Story = {
  loaders: [
    async () => {
      const s = await stage();
      s.transport.customerSendsUnsupported(s.conversation.id);
      return { stage: s };
    },
  ],
};

/** Over 24 hours since the customer's last message: the composer is blocked with an explanation. */
export const ReplyWindowClosed: Story = {
  loaders: [
    async () => {
      const transport = new SimulatedTransport({ seed: 3 });
      const desk = createDesk({ transport, storage: 'memory' });
      await desk.connect();
      const conversation = transport.startConversation({ customer: { name: 'Anna Nowak' }, requestedAt: Date.now() - 25 * HOUR });
      desk.setActive(conversation.id);
      return { stage: { desk, transport, conversation } };
    },
  ],
};

/** HUMAN_AGENT tag: a 7-day window. */
export const HumanAgentWindow: Story = {
  loaders: [async () => ({ stage: await stage({ humanAgent: true }) })],
};

/** Ended: wrap-up before Closed. */
export const WrapUp: Story = {
  loaders: [
    async () => {
      const s = await stage();
      await s.desk.end(s.conversation.id);
      return { stage: s };
    },
  ],
};

/** Polish, set with `lang` on `<cc-agent-desk>`. */
export const Polish: Story = {
  loaders: [
    async () => {
      const s = await stage({ locale: 'pl' });
      s.transport.customerSendsUnsupported(s.conversation.id);
      return { stage: s };
    },
  ],
  render: (_args, { loaded }) =>
    html`<cc-agent-desk lang="pl" .desk=${stageOf(loaded).desk}>
      <div style="height: 560px; max-width: 44rem; display: flex"><cc-communication-panel></cc-communication-panel></div>
    </cc-agent-desk>`,
};

/** Dark colour scheme through `color-scheme` on a wrapper. */
export const Dark: Story = {
  loaders: Active.loaders!,
  render: (_args, { loaded }) =>
    html`<div style="color-scheme: dark; background: #121418; padding: 12px">${panel(stageOf(loaded).desk)}</div>`,
};

/** The browser's storage is not available (a private window, a blocked upgrade, a full disk): the desk keeps data in memory and the panel says so. */
export const StorageUnavailable: Story = {
  loaders: [async () => ({ stage: await stage({ storage: Promise.reject(new Error('IndexedDB is not available here.')) }) })],
};
