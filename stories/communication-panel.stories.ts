import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { WritableAtom } from 'nanostores';
import { createDesk, type Desk, type DeskOptions } from '../src/core/desk/desk.js';
import type { Conversation } from '../src/core/model.js';
import type { Capabilities } from '../src/core/transport.js';
import { SimulatedTransport } from '../src/transports/simulated/index.js';
import '../src/elements/agent-desk/define.js';
import '../src/elements/communication-panel/define.js';
import { CcCommunicationPanel } from '../src/elements/communication-panel/communication-panel.js';

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
    capabilities?: Partial<Capabilities>;
    /** Wrap-up codes and timer, privacy notice, automatic send attempts. */
    desk?: Pick<DeskOptions, 'wrapUp' | 'privacyNotice' | 'maxSendAttempts'>;
  } = {},
): Promise<Stage> {
  const transport = new SimulatedTransport({
    seed: 11,
    capabilities: { humanAgent: options.humanAgent ?? false, ...options.capabilities },
    failNextSends: options.failNextSends ?? 0,
  });
  const desk = createDesk({ transport, storage: options.storage ?? 'memory', ...options.desk });
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

/** The panel in a side pane, 360 × 400. */
const sidePane = (desk: Desk) =>
  html`<div style="width: 360px; height: 400px; display: flex; flex-direction: column">
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
      // One attempt only, so the network failure leaves it failed at once rather than retried.
      const s = await stage({ failNextSends: 1, desk: { maxSendAttempts: 1 } });
      // Resolves once the send has failed for good.
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
  play: wrapUpShown,
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

/**
 * The transcript and the attachment picker are a chunk the panel loads after itself; here that load
 * failed (the network went away after the page loaded): the panel says so, with Try again.
 */
export const MessagesLoadFailed: Story = {
  loaders: Active.loaders!,
  beforeEach: () => {
    const { loadParts, partsDefined } = CcCommunicationPanel;
    CcCommunicationPanel.loadParts = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    // As on a page that has not registered them some other way.
    CcCommunicationPanel.partsDefined = () => false;
    return () => void Object.assign(CcCommunicationPanel, { loadParts, partsDefined });
  },
  play: async ({ canvasElement }) => void (await panelShows(canvasElement, '.parts-failed')),
};

/** The same, in Polish. */
export const MessagesLoadFailedPolish: Story = { ...MessagesLoadFailed, loaders: Polish.loaders!, render: Polish.render! };

/** Dark colour scheme through `color-scheme` on a wrapper. */
export const Dark: Story = {
  loaders: Active.loaders!,
  render: (_args, { loaded }) =>
    html`<div style="color-scheme: dark; background: #121418; padding: 12px">${panel(stageOf(loaded).desk)}</div>`,
};

/** The messages could not be loaded, in the dark colour scheme. */
export const MessagesLoadFailedDark: Story = { ...MessagesLoadFailed, render: Dark.render! };

/** The messages could not be loaded, in a side pane 360 px wide. */
export const MessagesLoadFailedNarrow: Story = { ...MessagesLoadFailed, render: (_args, { loaded }) => sidePane(stageOf(loaded).desk) };

/** The browser's storage is not available (a private window, a blocked upgrade, a full disk): the desk keeps data in memory and the panel says so. */
export const StorageUnavailable: Story = {
  loaders: [async () => ({ stage: await stage({ storage: Promise.reject(new Error('IndexedDB is not available here.')) }) })],
};

const DISPOSITIONS = [
  { id: 'resolved', label: { en: 'Resolved', pl: 'Rozwiązane' }, group: { en: 'Outcome', pl: 'Wynik' } },
  { id: 'follow-up', label: { en: 'Needs follow-up', pl: 'Wymaga kontaktu' }, group: { en: 'Outcome', pl: 'Wynik' } },
  { id: 'refund', label: { en: 'Refund issued', pl: 'Zwrot wydany' }, group: { en: 'Orders', pl: 'Zamówienia' } },
  { id: 'late-parcel', label: { en: 'Late parcel', pl: 'Opóźniona paczka' }, group: { en: 'Orders', pl: 'Zamówienia' } },
];

/** Ended, with wrap-up options: the panel shows the codes, the note and the timer. */
async function wrappingUp(wrapUp: DeskOptions['wrapUp'], locale: 'en' | 'pl' = 'en'): Promise<Stage> {
  const s = await stage({ locale, desk: { wrapUp } });
  await s.desk.end(s.conversation.id);
  return s;
}

/** Wrap-up with mandatory disposition codes (grouped): Close stays disabled, with its reason, until one is chosen. */
export const WrapUpWithCodes: Story = {
  loaders: [async () => ({ stage: await wrappingUp({ dispositions: DISPOSITIONS, required: true }) })],
  play: wrapUpShown,
};

/** Wrap-up with codes and a two-minute timer counting down. */
export const WrapUpTimer: Story = {
  loaders: [async () => ({ stage: await wrappingUp({ dispositions: DISPOSITIONS, required: true, seconds: 120 }) })],
  play: wrapUpShown,
};

/** The wrap-up timer ran out: the panel shows that wrap-up is overdue. */
export const WrapUpOverdue: Story = {
  loaders: [
    async () => {
      const s = await wrappingUp({ dispositions: DISPOSITIONS, required: true, seconds: 1, atZero: 'remind' });
      await new Promise<void>((resolve) => {
        const off = s.desk.on('wrap-up-overdue', () => {
          off();
          resolve();
        });
      });
      return { stage: s };
    },
  ],
  play: wrapUpShown,
};

/** On hold (Waiting): no capacity used, the composer rests until Resume. */
export const Waiting: Story = {
  loaders: [
    async () => {
      const s = await stage();
      await s.desk.transition(s.conversation.id, 'waiting');
      return { stage: s };
    },
  ],
};

/** The transfer dialog, when `capabilities.transfer` names queues and allows agents. */
export const TransferDialog: Story = {
  loaders: [async () => ({ stage: await stage({ capabilities: { transfer: { queues: ['Billing', 'Returns', 'Orders'], agents: true } } }) })],
  play: async ({ canvasElement }) => {
    const element = canvasElement.querySelector('cc-communication-panel')!;
    await element.updateComplete;
    element.shadowRoot!.querySelector<HTMLButtonElement>('.menu-button')!.click();
    await element.updateComplete;
    const transfer = [...element.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')].find((b) => b.getAttribute('aria-haspopup') === 'dialog');
    transfer?.click();
    // The dialog loads on first use.
    await panelShows(canvasElement, 'dialog[open]');
  },
};

/** The host configured a privacy notice: the agent sees the banner, the customer got the notice (a system message). */
export const PrivacyBanner: Story = {
  loaders: [
    async () => {
      const transport = new SimulatedTransport({ seed: 11 });
      const desk = createDesk({
        transport,
        storage: 'memory',
        privacyNotice: { en: 'This chat may be recorded for quality and training.', pl: 'Ta rozmowa może być nagrywana w celach jakościowych i szkoleniowych.' },
      });
      await desk.connect();
      const offer = transport.offer({ locale: 'en', customer: { name: 'Anna Nowak' }, firstMessage: 'Hello, is anyone there?' });
      const conversation = await desk.accept(offer.id);
      await desk.settled();
      return { stage: { desk, transport, conversation } };
    },
  ],
};

/** Wrap-up codes, timer and the privacy banner in Polish. */
export const WorkdayPolish: Story = {
  loaders: [
    async () => {
      const s = await stage({ locale: 'pl', desk: { wrapUp: { dispositions: DISPOSITIONS, required: true, seconds: 300 }, privacyNotice: 'Ta rozmowa może być nagrywana.' } });
      await s.desk.end(s.conversation.id);
      return { stage: s };
    },
  ],
  render: Polish.render!,
  play: wrapUpShown,
};

/** Wrap-up codes, timer and the privacy banner in the dark colour scheme. */
export const WorkdayDark: Story = {
  loaders: WorkdayPolish.loaders!,
  render: Dark.render!,
  play: wrapUpShown,
};

/** F14: the customer loses patience: three angry messages move the sentiment badge and the panel alerts the agent once (dismissible). */
export const SentimentAlert: Story = {
  name: 'Sentiment alert (angry customer)',
  loaders: [
    async () => {
      const s = await stage();
      s.transport.customerGetsAngry(s.conversation.id);
      await s.desk.settled();
      return { stage: s };
    },
  ],
};

/** The sentiment alert in Polish and in the dark colour scheme. */
export const SentimentAlertPolishDark: Story = {
  name: 'Sentiment alert, Polish, dark',
  loaders: [
    async () => {
      const s = await stage({ locale: 'pl' });
      s.transport.customerGetsAngry(s.conversation.id);
      await s.desk.settled();
      return { stage: s };
    },
  ],
  render: (_args, { loaded }) =>
    html`<div style="color-scheme: dark; background: #121418; padding: 12px">
      <cc-agent-desk lang="pl" .desk=${stageOf(loaded).desk}>
        <div style="height: 560px; max-width: 44rem; display: flex"><cc-communication-panel></cc-communication-panel></div>
      </cc-agent-desk>
    </div>`,
};

/**
 * Issue 12: the panel in a CRM side pane 360 px wide and 400 px tall, with a privacy notice and a
 * sentiment alert. The header packs into two rows, the notice is one line, the alert gives way
 * before the composer does, and the transcript keeps at least 120 px.
 */
export const SidePane: Story = {
  name: 'Side pane 360 × 400',
  loaders: [
    async () => {
      const s = await stage({ desk: { privacyNotice: 'This conversation may be monitored or recorded to improve our service.' } });
      s.transport.customerGetsAngry(s.conversation.id);
      await s.desk.settled();
      return { stage: s };
    },
  ],
  render: (_args, { loaded }) => sidePane(stageOf(loaded).desk),
};

/** The side pane in Polish: the longer reply-window text still leaves the name and the … menu on the first row. */
export const SidePanePolish: Story = {
  name: 'Side pane 360 × 400, Polish',
  loaders: [
    async () => {
      const s = await stage({ locale: 'pl', desk: { privacyNotice: 'Ta rozmowa może być monitorowana lub nagrywana w celu poprawy jakości obsługi.' } });
      await s.desk.settled();
      return { stage: s };
    },
  ],
  render: (_args, { loaded }) =>
    html`<cc-agent-desk lang="pl" .desk=${stageOf(loaded).desk}>
      <div style="width: 360px; height: 400px; display: flex; flex-direction: column">
        <cc-communication-panel></cc-communication-panel>
      </div>
    </cc-agent-desk>`,
};

/** Waits until the panel shows `selector` (checked each frame, at most two seconds). */
async function panelShows(canvas: HTMLElement, selector: string): Promise<HTMLElement> {
  const element = canvas.querySelector('cc-communication-panel')!;
  for (let frames = 0; frames < 120; frames++) {
    const found = element.shadowRoot?.querySelector<HTMLElement>(selector);
    if (found) return found;
    await new Promise(requestAnimationFrame);
  }
  throw new Error(`${selector} did not render`);
}

/** The wrap-up area (loaded on first use) is in place of the composer. */
async function wrapUpShown({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> {
  await panelShows(canvasElement, '[part="wrap-up-note"]');
}

/** The emoji button pressed: the picker (loaded on that first press) is open, its search focused. */
export const EmojiPickerOpen: Story = {
  loaders: Active.loaders!,
  play: async ({ canvasElement }) => {
    (await panelShows(canvasElement, '[part="emoji-button"]')).click();
    await panelShows(canvasElement, '.emoji-picker');
  },
};

/** The emoji picker in Polish: categories, search and every emoji's name. */
export const EmojiPickerPolish: Story = {
  loaders: Polish.loaders!,
  render: Polish.render!,
  play: EmojiPickerOpen.play!,
};

/** The agent chose Reply on a customer message: the composer quotes it (× or Escape cancels), and a sent answer shows its quote. */
export const ReplyingTo: Story = {
  loaders: [
    async () => {
      const s = await stage();
      const id = s.conversation.id;
      const composer = s.desk.composer(id);
      const question = s.transport.customerSays(id, 'Can I change the delivery address?');
      composer.setReplyTo(question.id);
      composer.setDraft('Yes, until it leaves the warehouse.');
      await s.desk.sendComposer(id);
      s.transport.customerSays(id, 'Also, the invoice is missing.', { replyTo: question.id });
      composer.setReplyTo(s.desk.messages(id).get().find((m) => m.author === 'customer')!.id);
      composer.setDraft('I have checked with the courier.');
      await s.desk.settled();
      return { stage: s };
    },
  ],
};

/** A file attached in the panel uploads with its progress and Cancel in the panel itself (30 s per upload). */
export const UploadingInPanel: Story = {
  loaders: [
    async () => {
      const s = await stage();
      s.transport.latency = 30_000;
      const scan = new File(['%PDF-1.7\n', new Uint8Array(900 * 1024)], 'delivery-note.pdf', { type: 'application/pdf' });
      void s.desk.composer(s.conversation.id).addFiles([scan]);
      return { stage: s };
    },
  ],
};

/** The attachment policy under the attach button before any file is chosen: a host's own policy, in Polish. */
export const PolicyHintPolish: Story = {
  loaders: [
    async () => {
      const transport = new SimulatedTransport({ seed: 11 });
      const desk = createDesk({ transport, storage: 'memory', policy: { allow: ['pdf', 'jpg', 'jpeg', 'png', 'docx'], maxBytes: 5 * 1024 * 1024 } });
      await desk.connect();
      const conversation = transport.startConversation({ locale: 'pl', customer: { name: 'Anna Nowak' }, queue: 'Orders', firstMessage: 'Dzień dobry!' });
      desk.setActive(conversation.id);
      return { stage: { desk, transport, conversation } };
    },
  ],
  render: Polish.render!,
};
