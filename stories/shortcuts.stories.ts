import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/session-tabs/define.js';
import '../src/elements/shortcuts/define.js';
import type { CcShortcuts } from '../src/elements/shortcuts/shortcuts.js';
import { ENGLISH_CUSTOMERS, frame, POLISH_CUSTOMERS, sessionsStage, stageOf, type Frame } from './sessions-stage.js';

const page = (loaded: Record<string, unknown>, options: Frame = {}) => {
  const { desk } = stageOf(loaded);
  return frame(
    html`<cc-session-tabs .desk=${desk}></cc-session-tabs>
      <p style="margin-block: 1rem">
        <cc-shortcuts .desk=${desk}></cc-shortcuts>
      </p>`,
    options,
  );
};

/** Opens the help, as the agent does with `?` or the button. */
async function openHelp({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> {
  const shortcuts = canvasElement.querySelector<CcShortcuts>('cc-shortcuts')!;
  await shortcuts.updateComplete;
  shortcuts.showHelp();
}

const meta: Meta = {
  title: 'Elements/Shortcuts',
  component: 'cc-shortcuts',
  parameters: {
    docs: {
      description: {
        component:
          'Page-wide keys for sessions and offers (F13): Alt+↓ / Alt+↑ next and previous session, Alt+1…9 session n, Alt+W close the session in front, Alt+A / Alt+R accept / reject the first offer, `?` or Alt+/ this help. Try them on the tabs above the button.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

export const Button: Story = {
  name: 'Help button',
  loaders: [async () => ({ stage: await sessionsStage({ customers: ENGLISH_CUSTOMERS.slice(0, 3) }) })],
  render: (_args, { loaded }) => page(loaded),
};

export const HelpOpen: Story = {
  name: 'Help open',
  loaders: [async () => ({ stage: await sessionsStage({ customers: ENGLISH_CUSTOMERS.slice(0, 3) }) })],
  render: (_args, { loaded }) => page(loaded),
  play: openHelp,
};

export const HelpOpenPolish: Story = {
  name: 'Help open, Polish',
  globals: { locale: 'pl' },
  loaders: [async () => ({ stage: await sessionsStage({ locale: 'pl', customers: POLISH_CUSTOMERS }) })],
  render: (_args, { loaded }) => page(loaded, { lang: 'pl' }),
  play: openHelp,
};
