import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/session-tabs/define.js';
import { ENGLISH_CUSTOMERS, frame, POLISH_CUSTOMERS, sessionsStage, stageOf, type Frame, type SessionsStageOptions } from './sessions-stage.js';

const tabs = (loaded: Record<string, unknown>, options: Frame = {}) =>
  frame(html`<cc-session-tabs .desk=${stageOf(loaded).desk}></cc-session-tabs>`, options);

const load = (options: SessionsStageOptions) => [async () => ({ stage: await sessionsStage(options) })];

const meta: Meta = {
  title: 'Elements/Session tabs',
  component: 'cc-session-tabs',
  parameters: {
    docs: {
      description: {
        component:
          'One tab per conversation the agent holds (F13): state, unread badge ("9+" above nine), and a close button that parks the conversation in Waiting. ARIA tabs with manual activation: arrows move, Enter brings a session to the front, Delete closes it. Every action is a cancelable `cc-session-select` / `cc-session-close` first.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

export const NoSessions: Story = {
  name: 'No sessions',
  loaders: load({}),
  render: (_args, { loaded }) => tabs(loaded),
};

export const OneSession: Story = {
  name: 'One session',
  loaders: load({ customers: ENGLISH_CUSTOMERS.slice(0, 1) }),
  render: (_args, { loaded }) => tabs(loaded),
};

export const Unread: Story = {
  name: 'Three sessions with unread messages',
  parameters: {
    docs: { description: { story: 'Two background sessions have new customer messages: one has 2, the other more than nine.' } },
  },
  loaders: load({ customers: ENGLISH_CUSTOMERS.slice(0, 3), unread: { 0: 12, 1: 2 } }),
  render: (_args, { loaded }) => tabs(loaded),
};

export const Full: Story = {
  name: 'Ten sessions: every slot taken',
  parameters: {
    docs: { description: { story: 'The desk holds at most 10 sessions: the tabs say "10 of 10" and why no other conversation can be accepted.' } },
  },
  loaders: load({ customers: ENGLISH_CUSTOMERS, unread: { 2: 1, 5: 4 } }),
  render: (_args, { loaded }) => tabs(loaded),
};

export const Polish: Story = {
  globals: { locale: 'pl' },
  loaders: load({ locale: 'pl', customers: POLISH_CUSTOMERS, unread: { 0: 3 } }),
  render: (_args, { loaded }) => tabs(loaded, { lang: 'pl' }),
};

export const Dark: Story = {
  globals: { scheme: 'dark' },
  loaders: load({ customers: ENGLISH_CUSTOMERS.slice(0, 3), unread: { 0: 12, 1: 2 } }),
  render: (_args, { loaded }) => tabs(loaded, { dark: true }),
};

export const Narrow: Story = {
  name: 'Narrow (360 px)',
  loaders: load({ customers: ENGLISH_CUSTOMERS.slice(0, 4), unread: { 1: 5 } }),
  render: (_args, { loaded }) => tabs(loaded, { width: 360 }),
};

export const RightToLeft: Story = {
  name: 'Right to left',
  parameters: {
    docs: { description: { story: 'In a right-to-left page the tabs run from the right, and ArrowLeft moves to the next one.' } },
  },
  loaders: load({ customers: ['ليلى حداد', 'يوسف العلي', 'مريم سالم'], unread: { 0: 2 } }),
  render: (_args, { loaded }) => tabs(loaded, { rtl: true }),
};

/** F14: sentiment per session; the upset customer of a background session needs urgent attention. */
const upset = (options: SessionsStageOptions) => [
  async () => {
    const stage = await sessionsStage(options);
    stage.transport.reportSentiment(stage.ids[0]!, 'negative');
    stage.transport.reportSentiment(stage.ids[1]!, 'positive');
    await stage.desk.settled();
    return { stage };
  },
];

export const UrgentBackgroundSession: Story = {
  name: 'Upset customer in a background session',
  parameters: {
    docs: { description: { story: 'The first session is in the background and its customer reads Negative: its tab says "needs urgent attention" until the level recovers or the agent brings it to the front.' } },
  },
  loaders: upset({ customers: ENGLISH_CUSTOMERS.slice(0, 3) }),
  render: (_args, { loaded }) => tabs(loaded),
};

export const UrgentBackgroundSessionPolish: Story = {
  name: 'Upset customer in a background session, Polish',
  globals: { locale: 'pl' },
  loaders: upset({ locale: 'pl', customers: POLISH_CUSTOMERS }),
  render: (_args, { loaded }) => tabs(loaded, { lang: 'pl' }),
};

export const UrgentBackgroundSessionDark: Story = {
  name: 'Upset customer in a background session, dark',
  globals: { scheme: 'dark' },
  loaders: upset({ customers: ENGLISH_CUSTOMERS.slice(0, 3) }),
  render: (_args, { loaded }) => tabs(loaded, { dark: true }),
};
