import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define.js';
import { createDesk, type Desk } from '../src/core/desk/desk.js';
import { STANDARD_WINDOW_MS } from '../src/core/reply-window.js';
import { loadCatalog } from '../src/i18n/index.js';
import { SimulatedTransport } from '../src/transports/simulated/index.js';
import { ENGLISH_CUSTOMERS, offered, POLISH_CUSTOMERS } from './sessions-stage.js';

/** The simulated world a designer sets from the Controls panel. */
interface World {
  customers: number;
  customerSpeed: number;
  failureRate: number;
  latencyMs: number;
  replyWindowMinutesLeft: number;
  locale: 'en' | 'pl';
}

/** The world of the story on screen: a change of controls disposes it before the next one starts. */
let current: { desk: Desk; transport: SimulatedTransport } | undefined;

async function world(args: World): Promise<{ desk: Desk; transport: SimulatedTransport }> {
  current?.desk.dispose();
  current?.transport.setNetwork({ failureRate: 0, latencyMs: 0 });
  current = undefined;
  await loadCatalog(args.locale);
  const pace = 1 / Math.max(0.1, args.customerSpeed);
  // The reply window closes 24 h after the customer's last message: the simulated customers' clock runs
  // that far behind, so every message they write leaves the window where the control puts it (and
  // offers made on that clock arrive expired, so none come while the window is short).
  const left = Math.max(0, Math.min(STANDARD_WINDOW_MS, args.replyWindowMinutesLeft * 60_000));
  const behind = STANDARD_WINDOW_MS - left;
  const transport = new SimulatedTransport({
    seed: 17,
    now: () => Date.now() - behind,
    // Scripted customers write on their own; new ones keep arriving while fewer than three wait.
    autoplay: { pace, offerEvery: Math.round(45_000 * pace), firstOfferAfter: Math.round(20_000 * pace), angryEvery: 3 },
    capabilities: { queue: true },
  });
  // A settled world first (no failures while the sessions open), then the network the controls ask for.
  const desk = createDesk({ transport, storage: 'memory', locale: args.locale, agent: { id: 'agent-1', name: 'Ewa' }, maxSendAttempts: 2 });
  await desk.connect();
  const names = args.locale === 'pl' ? [...POLISH_CUSTOMERS, ...ENGLISH_CUSTOMERS] : ENGLISH_CUSTOMERS;
  for (let i = 0; i < Math.min(10, Math.max(0, Math.round(args.customers))); i++) {
    const offer = transport.offer({ locale: args.locale, customer: { name: names[i % names.length]! }, expiresAt: Date.now() + 120_000 });
    await offered(desk, offer.id);
    await desk.accept(offer.id);
  }
  await desk.settled();
  transport.setNetwork({ failureRate: args.failureRate, latencyMs: args.latencyMs });
  current = { desk, transport };
  return current;
}

const meta: Meta<World> = {
  title: 'Guides/Playground',
  tags: ['!autodocs'],
  parameters: {
    layout: 'fullscreen',
    docs: {
      description: {
        component:
          'The whole workspace on the simulator. Set the simulated world in Controls: ten customers fill every session slot, a failure rate of 0.6 makes messages reach Failed with Retry, no minutes left closes the reply window.',
      },
    },
  },
  args: { customers: 2, customerSpeed: 1, failureRate: 0, latencyMs: 300, replyWindowMinutesLeft: 24 * 60, locale: 'en' },
  argTypes: {
    customers: { name: 'Customers in session', control: { type: 'range', min: 0, max: 10, step: 1 } },
    customerSpeed: { name: 'How fast customers write (× real time)', control: { type: 'range', min: 0.25, max: 20, step: 0.25 } },
    failureRate: { name: 'Network failure rate (share of sends)', control: { type: 'range', min: 0, max: 1, step: 0.05 } },
    latencyMs: { name: 'Network latency (ms)', control: { type: 'range', min: 0, max: 5000, step: 100 } },
    replyWindowMinutesLeft: { name: 'Reply window left (minutes; 0 closes it)', control: { type: 'number', min: 0, max: 1440, step: 1 } },
    locale: { name: 'Language', control: { type: 'inline-radio' }, options: ['en', 'pl'] },
  },
  loaders: [async ({ args }) => world(args as World)],
  render: (args, { loaded }) => html`
    <cc-agent-desk .desk=${(loaded as { desk: Desk }).desk} lang=${args.locale}>
      <div style="display: grid; grid-template-columns: minmax(0, 1fr) minmax(360px, 28rem); gap: 1rem; padding: 1rem; height: 100vh; box-sizing: border-box">
        <main style="display: grid; gap: 1rem; align-content: start; overflow: auto; min-width: 0" aria-label=${args.locale === 'pl' ? 'Praca' : 'Work'}>
          <div style="display: flex; gap: 1rem; align-items: center; flex-wrap: wrap">
            <cc-presence-picker></cc-presence-picker>
            <cc-shortcuts></cc-shortcuts>
          </div>
          <cc-work-items></cc-work-items>
          <cc-customer-form></cc-customer-form>
        </main>
        <aside style="display: flex; flex-direction: column; min-height: 0; min-width: 0" aria-label="Contact center">
          <cc-conversation-notification overlay></cc-conversation-notification>
          <cc-session-tabs></cc-session-tabs>
          <cc-communication-panel style="flex: 1; min-height: 0"></cc-communication-panel>
        </aside>
      </div>
    </cc-agent-desk>
  `,
};
export default meta;

export const Workspace: StoryObj<World> = {};

export const FlakyNetwork: StoryObj<World> = {
  name: 'Flaky network (Failed → Retry)',
  args: { customers: 1, failureRate: 0.8, latencyMs: 600 },
};

export const ReplyWindowClosed: StoryObj<World> = {
  name: 'Reply window closed',
  args: { customers: 1, replyWindowMinutesLeft: 0 },
};

export const TenSessions: StoryObj<World> = {
  name: 'Ten sessions',
  args: { customers: 10, customerSpeed: 4 },
};

export const Polish: StoryObj<World> = {
  args: { customers: 3, locale: 'pl' },
};
