import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { createDesk, type CustomPresence, type Desk } from '../src/core/desk/desk.js';
import '../src/elements/presence-picker/define.js';
import { loadCatalog } from '../src/i18n/index.js';
import { SimulatedTransport } from '../src/transports/simulated/index.js';

const CUSTOM: CustomPresence[] = [
  { id: 'lunch', label: { en: 'Lunch', pl: 'Przerwa obiadowa' }, base: 'away' },
  { id: 'training', label: { en: 'Training', pl: 'Szkolenie' }, base: 'busy-dnd' },
  { id: 'back-office', label: { en: 'Back office', pl: 'Zaplecze' }, base: 'busy' },
];

interface StageOptions {
  locale?: 'en' | 'pl';
  status?: string;
  /** Conversations the agent holds (capacity 3). */
  conversations?: number;
  /** An offer expires unanswered: the agent becomes Inactive. */
  missed?: boolean;
}

/** A connected desk with capacity 3 and the host's custom statuses, in the state to show. */
async function stage(options: StageOptions = {}): Promise<Desk> {
  if (options.locale) await loadCatalog(options.locale);
  const transport = new SimulatedTransport({ seed: 4 });
  const desk = createDesk({
    transport,
    storage: 'memory',
    agent: { id: 'agent-1', name: 'Ewa' },
    presences: CUSTOM,
    capacity: { total: 3 },
    offerTimeout: 0.05,
  });
  await desk.connect();
  for (let i = 0; i < (options.conversations ?? 0); i++) transport.startConversation({ locale: options.locale ?? 'en' });
  if (options.status) await desk.setPresence(options.status);
  if (options.missed) {
    transport.offer({ locale: 'en' });
    await new Promise<void>((resolve) => {
      const stop = desk.$presence.subscribe((p) => {
        if (p !== 'inactive') return;
        queueMicrotask(() => stop());
        resolve();
      });
    });
  }
  return desk;
}

function picker(desk: Desk, wrapper: { lang?: string; dark?: boolean; width?: string; dir?: string } = {}): TemplateResult {
  const style = `padding: 1rem; min-height: 24rem; max-width: ${wrapper.width ?? '36rem'};${wrapper.dark ? ' color-scheme: dark; background: #121418;' : ''}`;
  return html`<div style=${style} lang=${wrapper.lang ?? nothing} dir=${wrapper.dir ?? nothing}>
    <cc-presence-picker .desk=${desk}></cc-presence-picker>
  </div>`;
}

const deskOf = (loaded: Record<string, unknown>): Desk => loaded['desk'] as Desk;
const open = async ({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> => {
  const el = canvasElement.querySelector('cc-presence-picker')!;
  await el.updateComplete;
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part="button"]')!.click();
  await el.updateComplete;
};

const meta: Meta = {
  title: 'Elements/Presence picker',
  component: 'cc-presence-picker',
  parameters: {
    docs: {
      description: {
        component:
          "The agent's status (F12): base and custom statuses, Inactive (set only after a missed offer), capacity and whether the status follows it. Picking fires a cancelable `cc-presence` first.",
      },
    },
  },
};
export default meta;

type Story = StoryObj;

const base = (status: string, name: string): Story => ({
  name,
  loaders: [async () => ({ desk: await stage({ status }) })],
  render: (_args, { loaded }) => picker(deskOf(loaded)),
});

export const Available: Story = {
  name: 'Available (follows capacity)',
  loaders: [async () => ({ desk: await stage() })],
  render: (_args, { loaded }) => picker(deskOf(loaded)),
};
export const Busy = base('busy', 'Busy (set by hand)');
export const BusyDnd = base('busy-dnd', 'Busy – Do not disturb');
export const Away = base('away', 'Away');
export const Offline = base('offline', 'Offline');
export const Custom = base('lunch', 'Custom status (Lunch → Away)');

export const Open: Story = {
  name: 'List open, with custom statuses',
  loaders: [async () => ({ desk: await stage() })],
  render: (_args, { loaded }) => picker(deskOf(loaded)),
  play: open,
};

export const BusyByCapacity: Story = {
  name: 'Busy by capacity (1 of 3)',
  loaders: [async () => ({ desk: await stage({ conversations: 1 }) })],
  render: (_args, { loaded }) => picker(deskOf(loaded)),
};

export const CapacityFull: Story = {
  name: 'Capacity full (3 of 3 → Do not disturb)',
  loaders: [async () => ({ desk: await stage({ conversations: 3 }) })],
  render: (_args, { loaded }) => picker(deskOf(loaded)),
};

export const Inactive: Story = {
  name: 'Inactive after a missed offer',
  loaders: [async () => ({ desk: await stage({ missed: true }) })],
  render: (_args, { loaded }) => picker(deskOf(loaded)),
  play: open,
};

export const Polish: Story = {
  globals: { locale: 'pl' },
  loaders: [async () => ({ desk: await stage({ locale: 'pl', conversations: 2 }) })],
  render: (_args, { loaded }) => picker(deskOf(loaded), { lang: 'pl' }),
  play: open,
};

export const Dark: Story = {
  globals: { scheme: 'dark' },
  loaders: [async () => ({ desk: await stage({ conversations: 1 }) })],
  render: (_args, { loaded }) => picker(deskOf(loaded), { dark: true }),
  play: open,
};

export const Narrow: Story = {
  name: 'Narrow (360 px)',
  loaders: [async () => ({ desk: await stage({ status: 'training' }) })],
  render: (_args, { loaded }) => picker(deskOf(loaded), { width: '360px' }),
  play: open,
};

export const RightToLeft: Story = {
  name: 'Right to left',
  loaders: [async () => ({ desk: await stage({ conversations: 2 }) })],
  render: (_args, { loaded }) => picker(deskOf(loaded), { dir: 'rtl' }),
  play: open,
};
