import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { createDesk, type Desk, type SentimentLevel } from '../src/core/desk/desk.js';
import { LEVELS } from '../src/core/desk/sentiment.js';
import { loadCatalog } from '../src/i18n/index.js';
import { SimulatedTransport } from '../src/transports/simulated/index.js';
import '../src/elements/sentiment-badge/define.js';

interface Stage {
  desk: Desk;
  conversationId: string;
}

/** A desk with one conversation whose backend reported `level`. */
async function stage(level: SentimentLevel, locale: 'en' | 'pl' = 'en'): Promise<Stage> {
  if (locale === 'pl') await loadCatalog('pl');
  const transport = new SimulatedTransport({ seed: 4 });
  const desk = createDesk({ transport, storage: 'memory' });
  await desk.connect();
  const conversation = transport.startConversation({ locale, customer: { name: 'Anna Nowak' } });
  transport.reportSentiment(conversation.id, level);
  await desk.settled();
  return { desk, conversationId: conversation.id };
}

const stageOf = (loaded: Record<string, unknown>): Stage => loaded['stage'] as Stage;

function page(content: TemplateResult, options: { lang?: 'en' | 'pl'; dark?: boolean } = {}): TemplateResult {
  const style = `padding: 1rem; display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center;${options.dark ? ' color-scheme: dark; background: #121418; color: #e8eaed;' : ''}`;
  return html`<div style=${style} lang=${options.lang ?? 'en'}>${content}</div>`;
}

const all = (extra: { background?: boolean } = {}) =>
  LEVELS.map((level) => html`<cc-sentiment-badge level=${level} ?background=${extra.background ?? false}></cc-sentiment-badge>`);

const meta: Meta = {
  title: 'Elements/Sentiment badge',
  component: 'cc-sentiment-badge',
  parameters: {
    docs: {
      description: {
        component:
          'The customer’s sentiment (F14): seven levels, each with its own shape, colour and name, so it never rests on colour alone. Reads `desk.sentiment` for its `conversation-id` (or the active conversation), or shows `level`. `<cc-sentiment-alert>` tells the agent once when the level crosses into Slightly negative or below.',
      },
    },
  },
  argTypes: { level: { control: 'select', options: LEVELS } },
  render: (args) => page(html`<cc-sentiment-badge level=${args['level'] as SentimentLevel}></cc-sentiment-badge>`),
};
export default meta;

type Story = StoryObj;

export const VeryNegative: Story = { args: { level: 'very-negative' } };
export const Negative: Story = { args: { level: 'negative' } };
export const SlightlyNegative: Story = { args: { level: 'slightly-negative' } };
export const Neutral: Story = { args: { level: 'neutral' } };
export const SlightlyPositive: Story = { args: { level: 'slightly-positive' } };
export const Positive: Story = { args: { level: 'positive' } };
export const VeryPositive: Story = { args: { level: 'very-positive' } };

export const AllLevels: Story = {
  name: 'All seven levels',
  render: () => page(html`${all()}`),
};

export const AllLevelsPolish: Story = {
  name: 'All seven levels, Polish',
  globals: { locale: 'pl' },
  loaders: [async () => ({ pl: await loadCatalog('pl') })],
  render: () => page(html`${all()}`, { lang: 'pl' }),
};

export const AllLevelsDark: Story = {
  name: 'All seven levels, dark',
  globals: { scheme: 'dark' },
  render: () => page(html`${all()}`, { dark: true }),
};

export const Urgent: Story = {
  name: 'On a background session: needs urgent attention',
  parameters: {
    docs: { description: { story: 'With `background` (a session tab not in front), Slightly negative and below add a marker read as "needs urgent attention".' } },
  },
  render: () => page(html`${all({ background: true })}`),
};

export const UrgentDark: Story = {
  name: 'Needs urgent attention, dark',
  globals: { scheme: 'dark' },
  render: () => page(html`${all({ background: true })}`, { dark: true }),
};

export const FromDesk: Story = {
  name: 'From the desk, with the alert',
  parameters: {
    docs: { description: { story: 'The backend reported Negative for the conversation: the badge follows `desk.sentiment`, and `<cc-sentiment-alert>` shows once (Dismiss hides it until the next crossing).' } },
  },
  loaders: [async () => ({ stage: await stage('negative') })],
  render: (_args, { loaded }) => {
    const { desk, conversationId } = stageOf(loaded);
    return page(
      html`<cc-sentiment-badge .desk=${desk} conversation-id=${conversationId}></cc-sentiment-badge>
        <cc-sentiment-alert style="flex: 1 1 100%" .desk=${desk} conversation-id=${conversationId}></cc-sentiment-alert>`,
    );
  },
};

export const AlertPolish: Story = {
  name: 'Alert, Polish',
  globals: { locale: 'pl' },
  loaders: [async () => ({ stage: await stage('very-negative', 'pl') })],
  render: (_args, { loaded }) => {
    const { desk, conversationId } = stageOf(loaded);
    return page(
      html`<cc-sentiment-badge .desk=${desk} conversation-id=${conversationId}></cc-sentiment-badge>
        <cc-sentiment-alert style="flex: 1 1 100%" .desk=${desk} conversation-id=${conversationId}></cc-sentiment-alert>`,
      { lang: 'pl' },
    );
  },
};

export const AlertDark: Story = {
  name: 'Alert, dark',
  globals: { scheme: 'dark' },
  loaders: [async () => ({ stage: await stage('slightly-negative') })],
  render: (_args, { loaded }) => {
    const { desk, conversationId } = stageOf(loaded);
    return page(
      html`<cc-sentiment-badge .desk=${desk} conversation-id=${conversationId}></cc-sentiment-badge>
        <cc-sentiment-alert style="flex: 1 1 100%" .desk=${desk} conversation-id=${conversationId}></cc-sentiment-alert>`,
      { dark: true },
    );
  },
};
