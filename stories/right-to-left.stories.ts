import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createDesk, type Desk } from '../src/core/desk/desk.js';
import { SimulatedTransport } from '../src/transports/simulated/index.js';
import '../src/elements/communication-panel/define.js';
import '../src/elements/conversation-notification/define.js';

/**
 * A conversation in which the customer writes Arabic and Hebrew and the agent answers in English
 * and Polish, and an offer from a customer with an Arabic name. Each message's text takes the
 * direction of its own first strong letter (`dir="auto"`), whatever the page's direction.
 */
async function rtlStage(): Promise<{ desk: Desk; transport: SimulatedTransport; conversationId: string }> {
  const transport = new SimulatedTransport({ seed: 41 });
  const desk = createDesk({ transport, storage: 'memory', agent: { id: 'agent-1', name: 'Ewa' } });
  await desk.connect();
  const conversation = transport.startConversation({
    locale: 'en',
    customer: { name: 'ليلى حداد' },
    queue: 'Orders',
    firstMessage: 'مرحبا، طلبي رقم 4471 لم يصل بعد. هل يمكنكم المساعدة؟',
  });
  const id = conversation.id;
  await desk.send(id, 'Hello! I am checking order #4471 for you now.');
  transport.deliver(id);
  transport.read(id);
  transport.customerSays(id, 'שלום, גם ההזמנה של אחי (4472) מתעכבת. יש לכם מספר מעקב?');
  await desk.send(id, 'Dzień dobry! Numer śledzenia: PL-4471-X, https://example.com/track?id=4471');
  transport.customerSays(id, 'Thanks! شكرا جزيلا');
  desk.setActive(id);
  transport.offer({
    locale: 'en',
    customer: { name: 'يوسف العلي' },
    queue: 'Returns',
    requestedAt: Date.now() - 20_000,
    firstMessage: 'أريد إرجاع المنتج، الرقم RMA-208 — is that possible?',
    otherConversations: [],
  });
  await desk.settled();
  return { desk, transport, conversationId: id };
}

const meta: Meta = {
  title: 'Guides/Right to left',
  parameters: {
    docs: {
      description: {
        component:
          'With `dir="rtl"` on the page or on any ancestor the elements mirror: the agent’s bubbles sit on the left and the customer’s on the right, menus and badges open from the other side (logical properties throughout). Text the customer wrote (messages, names, notes, search hits) renders with `dir="auto"`, so an Arabic or Hebrew message reads right to left and an English one left to right on either page.',
      },
    },
  },
  loaders: [async () => ({ stage: await rtlStage() })],
  render: (_args, { loaded }) => {
    const { desk } = loaded['stage'] as { desk: Desk };
    return html`<div dir="rtl" lang="en" style="display: grid; gap: 12px; max-width: 44rem">
      <section aria-label="Offers"><cc-conversation-notification .desk=${desk}></cc-conversation-notification></section>
      <section aria-label="Conversation" style="height: 560px; display: flex"><cc-communication-panel .desk=${desk}></cc-communication-panel></section>
    </div>`;
  },
};
export default meta;

type Story = StoryObj;

/** The panel and an offer card in a right-to-left page; the customer writes Arabic and Hebrew, the agent English and Polish. */
export const PanelAndOffer: Story = {};

/** The same conversation on a left-to-right page: the Arabic and Hebrew messages still read right to left. */
export const MixedOnLtrPage: Story = {
  render: (_args, { loaded }) => {
    const { desk } = loaded['stage'] as { desk: Desk };
    return html`<div style="height: 560px; max-width: 44rem; display: flex"><cc-communication-panel .desk=${desk}></cc-communication-panel></div>`;
  },
};
