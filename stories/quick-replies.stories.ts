import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createDesk, type Desk } from '../src/core/desk/desk.js';
import type { CcCommunicationPanel } from '../src/elements/communication-panel/communication-panel.js';
import { loadCatalog } from '../src/i18n/index.js';
import { SimulatedTransport } from '../src/transports/simulated/index.js';
import '../src/elements/agent-desk/define.js';
import '../src/elements/communication-panel/define.js';

interface Stage {
  desk: Desk;
  conversationId: string;
}

/** A connected desk on the simulator (its ten quick replies, en and pl) with one active conversation, no case linked. */
async function stage(options: { locale?: 'en' | 'pl'; own?: boolean } = {}): Promise<Stage> {
  if (options.locale) await loadCatalog(options.locale);
  const transport = new SimulatedTransport({ seed: 12 });
  const desk = createDesk({
    transport,
    storage: 'memory',
    agent: { id: 'agent-1', name: 'Ewa' },
    quickReplies: [{ id: 'returns', title: 'Returns', shortcut: 'return', text: 'You can return any item within 30 days: {customerFirstName}, just reply "return" here.' }],
  });
  await desk.connect();
  const polish = options.locale === 'pl';
  const conversation = transport.startConversation({
    locale: polish ? 'pl' : 'en',
    customer: { name: polish ? 'Agnieszka Wróblewska' : 'Megan Oduya' },
    queue: polish ? 'Zamówienia' : 'Orders',
    firstMessage: polish ? 'Dzień dobry, gdzie jest moja paczka?' : 'Hi, where is my parcel?',
    links: {},
  });
  desk.setActive(conversation.id);
  if (options.own) await desk.quickReplies.addOwn({ title: 'My sign-off', shortcut: 'bye', text: 'Thanks for writing, {customerFirstName}! Take care.' });
  return { desk, conversationId: conversation.id };
}

const stageOf = (loaded: Record<string, unknown>): Stage => loaded['stage'] as Stage;

/** Resolves once `check` holds, looking once a frame. */
async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => requestAnimationFrame(resolve));
}

/** Types `text` into the panel's composer as the agent would, and waits for the quick-reply list to answer. */
async function typeInComposer(canvas: HTMLElement, text: string): Promise<void> {
  const panel = canvas.querySelector<CcCommunicationPanel>('cc-communication-panel')!;
  await until(() => !!panel.shadowRoot?.querySelector('textarea:not([disabled])'));
  const field = panel.shadowRoot!.querySelector('textarea')!;
  field.focus();
  field.value = text;
  field.setSelectionRange(text.length, text.length);
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await until(() => {
    const status = panel.shadowRoot!.querySelector('cc-quick-replies [role="status"]');
    return !!status && !/…$/.test(status.textContent ?? '');
  });
}

const panel = (desk: Desk, wrapper: { lang?: string; dark?: boolean; rtl?: boolean } = {}) =>
  html`<cc-agent-desk lang=${wrapper.lang ?? 'en'} .desk=${desk}>
    <div
      dir=${wrapper.rtl ? 'rtl' : 'ltr'}
      style="height: 560px; max-width: 44rem; display: flex; ${wrapper.dark ? 'color-scheme: dark; background: #121418; padding: 12px' : ''}"
    >
      <cc-communication-panel></cc-communication-panel>
    </div>
  </cc-agent-desk>`;

const meta: Meta = {
  title: 'Elements/Quick replies',
  component: 'cc-quick-replies',
  parameters: {
    docs: {
      description: {
        component:
          'Typing `/` at the start of a word in the composer opens the quick replies: the host’s, the transport’s and the agent’s own. Up/Down move, Enter inserts the reply in place of the `/query` with `{customerName}`, `{customerFirstName}`, `{agentName}`, `{caseNumber}` and `{queue}` filled from the conversation; Escape closes. A placeholder that could not be filled is marked under the field and keeps Send disabled until it is edited away.',
      },
    },
  },
  loaders: [async () => ({ stage: await stage() })],
  render: (_args, { loaded }) => panel(stageOf(loaded).desk),
};
export default meta;

type Story = StoryObj;

/** `/` typed: every reply, the agent's language first. */
export const ListOpen: Story = {
  name: 'List open',
  loaders: [async () => ({ stage: await stage({ own: true }) })],
  play: ({ canvasElement }) => typeInComposer(canvasElement, '/'),
};

/** `/case`: only the matching replies (accents optional; shortcut, title and text). */
export const Filtered: Story = {
  play: ({ canvasElement }) => typeInComposer(canvasElement, 'Sure! /case'),
};

/** Nothing matches what follows the `/`. */
export const Empty: Story = {
  name: 'No match',
  play: ({ canvasElement }) => typeInComposer(canvasElement, '/zzz'),
};

/** A reply with `{caseNumber}` inserted while no case is linked: marked, and Send stays disabled. */
export const UnfilledPlaceholder: Story = {
  name: 'Unfilled placeholder',
  loaders: [
    async () => {
      const s = await stage();
      await s.desk.quickReplies.insert(s.conversationId, 'case-en');
      return { stage: s };
    },
  ],
};

/** Polish, set with `lang` on `<cc-agent-desk>`. */
export const Polish: Story = {
  loaders: [async () => ({ stage: await stage({ locale: 'pl' }) })],
  render: (_args, { loaded }) => panel(stageOf(loaded).desk, { lang: 'pl' }),
  play: ({ canvasElement }) => typeInComposer(canvasElement, '/pow'),
};

/** The list in the dark colour scheme, right to left. */
export const DarkRtl: Story = {
  name: 'Dark, right to left',
  loaders: [async () => ({ stage: await stage({ own: true }) })],
  render: (_args, { loaded }) => panel(stageOf(loaded).desk, { dark: true, rtl: true }),
  play: ({ canvasElement }) => typeInComposer(canvasElement, '/'),
};

/** An unfilled placeholder in the dark colour scheme. */
export const UnfilledPlaceholderDark: Story = {
  name: 'Unfilled placeholder, dark',
  loaders: UnfilledPlaceholder.loaders!,
  render: (_args, { loaded }) => panel(stageOf(loaded).desk, { dark: true }),
};
