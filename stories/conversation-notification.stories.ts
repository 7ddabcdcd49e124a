import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import type { WritableAtom } from 'nanostores';
import { createDesk, type Desk, type DeskOptions } from '../src/core/desk/desk.js';
import type { ConversationSummary, Offer } from '../src/core/model.js';
import { SimulatedTransport, type OfferInput, type SimulatedTransportOptions } from '../src/transports/simulated/index.js';
import '../src/elements/agent-desk/define.js';
import '../src/elements/conversation-notification/define.js';

interface Stage {
  desk: Desk;
  transport: SimulatedTransport;
}

const MINUTE = 60_000;

/** A connected desk, ready for offers. */
async function stage(
  options: Partial<Omit<DeskOptions, 'transport'>> = {},
  transportOptions: SimulatedTransportOptions = {},
): Promise<Stage> {
  const transport = new SimulatedTransport({ seed: 21, ...transportOptions });
  const desk = createDesk({ transport, storage: 'memory', ...options });
  await desk.connect();
  return { desk, transport };
}

const anna: OfferInput = {
  locale: 'pl',
  customer: { name: 'Anna Nowak' },
  queue: 'Orders',
  requestedAt: Date.now() - 42_000,
  firstMessage: 'Dzień dobry, moje zamówienie #4471 jeszcze nie dotarło. Czy możecie sprawdzić, co się dzieje?',
  otherConversations: [],
};

const others = (): ConversationSummary[] => [
  { id: 'conv-older-1', channel: 'facebook', queue: 'Returns', state: 'active', startedAt: Date.now() - 35 * MINUTE },
  { id: 'conv-older-2', channel: 'facebook', queue: 'Billing', state: 'waiting', startedAt: Date.now() - 3 * 60 * MINUTE },
];

const notification = (desk: Desk, attrs: { sound?: boolean; desktop?: boolean } = {}): TemplateResult =>
  html`<cc-conversation-notification
    .desk=${desk}
    ?sound=${attrs.sound ?? false}
    ?desktop-notification=${attrs.desktop ?? false}
  ></cc-conversation-notification>`;

const stageOf = (loaded: Record<string, unknown>): Stage => loaded['stage'] as Stage;

const meta: Meta = {
  title: 'Elements/Conversation notification',
  component: 'cc-conversation-notification',
  parameters: {
    docs: {
      description: {
        component:
          'An incoming Facebook Messenger conversation (F1) with the customer’s other active conversations (F2). The desk owns the countdown (`createDesk({ offerTimeout })`, default 120 s); when it runs out the offer goes back to the queue, presence becomes Inactive and a "Missed conversation" notice appears. Accept is focused when an offer arrives unless the agent is typing; Escape gives focus back and leaves the offer waiting, only the Reject button rejects. Renders nothing while idle.',
      },
    },
  },
  render: (_args, { loaded }) => html`<div style="max-width: 26rem">${notification(stageOf(loaded).desk)}</div>`,
};
export default meta;

type Story = StoryObj;

/** One offer; the countdown runs from the default 120 s. */
export const Incoming: Story = {
  loaders: [
    async () => {
      const s = await stage();
      s.transport.offer(anna);
      return { stage: s };
    },
  ],
};

/**
 * `overlay` in a side pane above a conversation: three offers float over the content below as one stacked
 * card, and the content keeps its height.
 */
export const OverlayInSidePane: Story = {
  loaders: [
    async () => {
      const s = await stage();
      s.transport.offer(anna);
      s.transport.offer({ locale: 'en', customer: { name: 'John Smith' }, queue: 'Billing' });
      s.transport.offer({ locale: 'en', customer: { name: 'Maria Lopez' }, queue: 'Returns' });
      return { stage: s };
    },
  ],
  render: (_args, { loaded }) => html`<div style="display: flex; flex-direction: column; gap: 12px; height: 480px; max-width: 26rem; --cc-notification-width: 100%">
    <cc-conversation-notification overlay .desk=${stageOf(loaded).desk}></cc-conversation-notification>
    <section aria-label="Conversation" tabindex="0" style="flex: 1; border: 1px solid #c9ced8; border-radius: 8px; padding: 8px; overflow: auto">
      ${Array.from({ length: 12 }, (_, i) => html`<p>Transcript line ${i + 1}: the conversation the agent is in keeps its full height.</p>`)}
    </section>
  </div>`,
};

/**
 * Issue 12: a CRM side pane 360 px wide and 400 px tall. Two offers float over the conversation as
 * one stacked card whose Accept and Reject stay inside the pane.
 */
export const SidePane: Story = {
  name: 'Side pane 360 × 400',
  loaders: [
    async () => {
      const s = await stage();
      s.transport.offer(anna);
      s.transport.offer({ locale: 'en', customer: { name: 'John Smith' }, queue: 'Billing' });
      return { stage: s };
    },
  ],
  render: (_args, { loaded }) => html`<div style="display: flex; flex-direction: column; width: 360px; height: 400px; --cc-notification-width: 100%">
    <cc-conversation-notification overlay .desk=${stageOf(loaded).desk}></cc-conversation-notification>
    <section aria-label="Conversation" tabindex="0" style="flex: 1; min-height: 0; border: 1px solid #c9ced8; border-radius: 8px; padding: 8px; overflow: auto">
      ${Array.from({ length: 12 }, (_, i) => html`<p>Transcript line ${i + 1}.</p>`)}
    </section>
  </div>`,
};

/** Three more customers wait behind the one shown. */
export const SeveralQueued: Story = {
  loaders: [
    async () => {
      const s = await stage();
      s.transport.offer(anna);
      s.transport.offer({ locale: 'en', customer: { name: 'James Carter' }, queue: 'Billing' });
      s.transport.offer({ locale: 'pl', customer: { name: 'Piotr Zieliński' } });
      s.transport.offer({ locale: 'en' });
      return { stage: s };
    },
  ],
};

/** F2: the customer already has an active and a waiting conversation. */
export const WithOtherActiveConversations: Story = {
  loaders: [
    async () => {
      const s = await stage();
      s.transport.offer({ ...anna, otherConversations: others() });
      return { stage: s };
    },
  ],
};

/**
 * Dates the backend did not give: another conversation with no start time, and (past the desk's own checks,
 * which always set one) no expiry. The card says "unknown" and keeps Accept and Reject.
 */
export const UnknownDates: Story = {
  loaders: [
    async () => {
      const s = await stage();
      s.transport.offer({ ...anna, otherConversations: [{ id: 'conv-undated', channel: 'facebook', queue: 'Returns', state: 'active' }] });
      const offers = s.desk.$offers as unknown as WritableAtom<readonly Offer[]>;
      offers.set(offers.get().map((offer) => ({ ...offer, expiresAt: undefined })));
      return { stage: s };
    },
  ],
};

/** A one-second countdown: the offer is withdrawn, presence goes to Inactive and the missed notice stays. */
export const ExpiredMissed: Story = {
  loaders: [
    async () => {
      const s = await stage({ offerTimeout: 1 });
      s.transport.offer(anna);
      return { stage: s };
    },
  ],
};

/** The desk does not allow rejecting (`createDesk({ allowReject: false })`): only Accept. */
export const RejectNotAllowed: Story = {
  loaders: [
    async () => {
      const s = await stage({ allowReject: false });
      s.transport.offer(anna);
      return { stage: s };
    },
  ],
};

/** Polish, set with `lang` on `<cc-agent-desk>`; five more conversations wait ("Czeka jeszcze 5 rozmów"). */
export const Polish: Story = {
  loaders: [
    async () => {
      const s = await stage();
      s.transport.offer({ ...anna, otherConversations: others() });
      for (let i = 0; i < 5; i++) s.transport.offer({ locale: 'pl' });
      return { stage: s };
    },
  ],
  render: (_args, { loaded }) =>
    html`<cc-agent-desk lang="pl" .desk=${stageOf(loaded).desk}>
      <div style="max-width: 26rem"><cc-conversation-notification></cc-conversation-notification></div>
    </cc-agent-desk>`,
};

/** Dark colour scheme through `color-scheme` on a wrapper. */
export const Dark: Story = {
  loaders: [
    async () => {
      const s = await stage();
      s.transport.offer({ ...anna, otherConversations: others() });
      s.transport.offer({ locale: 'en' });
      return { stage: s };
    },
  ],
  render: (_args, { loaded }) =>
    html`<div style="color-scheme: dark; background: #121418; padding: 12px; max-width: 26rem">
      ${notification(stageOf(loaded).desk)}
    </div>`,
};

/** A very long name and a long first message: the preview is clamped visually, the full text stays available. */
export const LongContent: Story = {
  loaders: [
    async () => {
      const s = await stage();
      s.transport.offer({
        locale: 'pl',
        customer: { name: 'Maria Magdalena Konstancja Wiśniewska-Grzybowska-Szczepańska-Nowakowska' },
        queue: 'Reklamacje i zwroty towarów zakupionych w sklepie internetowym',
        requestedAt: Date.now() - 14 * MINUTE,
        firstMessage: `${'Dzień dobry, piszę w sprawie reklamacji. '.repeat(30)}Numer: PL-00000000000000000000000000000000000000004471`,
        otherConversations: [
          {
            id: 'conv-long',
            channel: 'facebook',
            queue: 'Reklamacje i zwroty towarów zakupionych w sklepie internetowym',
            state: 'waiting',
            startedAt: Date.now() - 26 * 60 * MINUTE,
          },
        ],
      });
      return { stage: s };
    },
  ],
};

/**
 * Opt-in alerts: a tone (after you have clicked anywhere on the page) and a desktop notification
 * (only if this page already has notification permission). Use the button to bring in an offer.
 */
export const SoundAndDesktopNotification: Story = {
  loaders: [async () => ({ stage: await stage() })],
  render: (_args, { loaded }) => {
    const { desk, transport } = stageOf(loaded);
    return html`<div style="display: grid; gap: 12px; max-width: 26rem">
      <button type="button" @click=${() => transport.offer()}>Simulate an incoming conversation</button>
      ${notification(desk, { sound: true, desktop: true })}
    </div>`;
  },
};
