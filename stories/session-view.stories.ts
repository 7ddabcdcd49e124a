import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/session-view/define.js';
import { ENGLISH_CUSTOMERS, frame, POLISH_CUSTOMERS, sessionsStage, stageOf, type Frame, type SessionsStage, type SessionsStageOptions } from './sessions-stage.js';

const view = (loaded: Record<string, unknown>, options: Frame = {}) =>
  frame(html`<cc-session-view .desk=${stageOf(loaded).desk}></cc-session-view>`, options);

/** Opens a case and the transcript of the customer's other session in the session in front; the transcript stays in front. */
function openApps({ desk, ids }: SessionsStage, polish = false): void {
  const front = ids[ids.length - 1]!;
  const other = ids[0]!;
  desk.sessions.openApp(front, {
    id: 'record-case-1',
    kind: 'record',
    record: { kind: 'case', id: 'case-1', title: polish ? 'Podwójna płatność za PL-3275' : 'Cracked lamp in order A-16866' },
  });
  desk.sessions.openApp(front, { id: `transcript-${other}`, kind: 'transcript', conversationId: other, title: polish ? 'Poprzednia rozmowa' : 'Earlier conversation' });
}

const load = (options: SessionsStageOptions, withApps = false) => [
  async () => {
    const stage = await sessionsStage(options);
    if (withApps) openApps(stage, options.locale === 'pl');
    return { stage };
  },
];

const meta: Meta = {
  title: 'Elements/Session view',
  component: 'cc-session-view',
  parameters: {
    docs: {
      description: {
        component:
          'What is open in the session in front (F6, F13): the customer form first (the anchor, which can’t close), then records, transcripts, knowledge articles and the page’s own apps. The page fills record, knowledge and app panels through `app-<kind>` or `app-<id>` slots; without them the view says what is open.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

export const CustomerOnly: Story = {
  name: 'Customer form only',
  loaders: load({ customers: ENGLISH_CUSTOMERS.slice(0, 1) }),
  render: (_args, { loaded }) => view(loaded),
};

export const WithApps: Story = {
  name: 'Record and transcript open',
  parameters: {
    docs: { description: { story: 'A case and an earlier conversation are open next to the customer form; the transcript is in front.' } },
  },
  loaders: load({ customers: ENGLISH_CUSTOMERS.slice(0, 2) }, true),
  render: (_args, { loaded }) => view(loaded),
};

export const RecordSlotted: Story = {
  name: 'Record shown by the page',
  parameters: {
    docs: { description: { story: 'The page puts its own record view in the `app-record` slot.' } },
  },
  loaders: [
    async () => {
      const stage = await sessionsStage({ customers: ENGLISH_CUSTOMERS.slice(0, 2) });
      openApps(stage);
      stage.desk.sessions.selectApp(stage.ids[1]!, 'record-case-1');
      return { stage };
    },
  ],
  render: (_args, { loaded }) =>
    frame(html`<cc-session-view .desk=${stageOf(loaded).desk}>
      <section slot="app-record" aria-label="Case">
        <h3>Cracked lamp in order A-16866</h3>
        <p>Status: open. Opened today by the customer through Messenger.</p>
      </section>
    </cc-session-view>`),
};

export const NoSession: Story = {
  name: 'No session',
  loaders: load({}),
  render: (_args, { loaded }) => view(loaded),
};

export const Polish: Story = {
  globals: { locale: 'pl' },
  loaders: load({ locale: 'pl', customers: POLISH_CUSTOMERS.slice(0, 2) }, true),
  render: (_args, { loaded }) => view(loaded, { lang: 'pl' }),
};

export const Dark: Story = {
  globals: { scheme: 'dark' },
  loaders: load({ customers: ENGLISH_CUSTOMERS.slice(0, 2) }, true),
  render: (_args, { loaded }) => view(loaded, { dark: true }),
};
