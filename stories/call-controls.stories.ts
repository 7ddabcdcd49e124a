import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { createDesk, type CallState, type Desk } from '../src/core/desk/desk.js';
import { loadCatalog } from '../src/i18n/index.js';
import { SimulatedTransport } from '../src/transports/simulated/index.js';
import { syntheticMedia } from '../src/transports/simulated/calls.js';
import '../src/elements/call-controls/define.js';

interface Stage {
  desk: Desk;
  transport: SimulatedTransport;
  conversationId: string;
}

/**
 * A desk with one Active conversation on a simulator with calls. The browser of a story may have
 * no camera or microphone: the agent's side gets synthetic media too (a canvas and a tone).
 */
async function stage(locale: 'en' | 'pl' = 'en'): Promise<Stage> {
  if (locale === 'pl') await loadCatalog('pl');
  const transport = new SimulatedTransport({ seed: 4, calls: { ringMs: 600 } });
  const getUserMedia = (constraints: MediaStreamConstraints) => Promise.resolve(syntheticMedia(constraints.video ? 'video' : 'voice', 'Y').stream);
  const desk = createDesk({ transport, storage: 'memory', locale, calls: { getUserMedia } });
  await desk.connect();
  const conversation = transport.startConversation({ locale, customer: { name: 'Anna Nowak' } });
  await desk.settled();
  return { desk, transport, conversationId: conversation.id };
}

const stageOf = (loaded: Record<string, unknown>): Stage => loaded['stage'] as Stage;

function page(content: TemplateResult, options: { lang?: 'en' | 'pl'; dark?: boolean } = {}): TemplateResult {
  const style = `padding: 1rem; max-width: 26rem;${options.dark ? ' color-scheme: dark; background: #121418; color: #e8eaed;' : ''}`;
  return html`<div style=${style} lang=${options.lang ?? 'en'}>${content}</div>`;
}

const started = (seconds: number): number => Date.now() - seconds * 1000;
const STATES: Record<string, CallState> = {
  incoming: { phase: 'ringing-in', callId: 's1', media: 'video', from: 'customer', muted: false, camera: true },
  outgoing: { phase: 'ringing-out', callId: 's2', media: 'voice', from: 'agent', muted: false, camera: false },
  connectedVoice: { phase: 'connected', callId: 's3', media: 'voice', from: 'agent', muted: false, camera: false, startedAt: started(72) },
  onHold: { phase: 'on-hold', callId: 's4', media: 'voice', from: 'agent', muted: false, camera: false, startedAt: started(252) },
  muted: { phase: 'connected', callId: 's5', media: 'voice', from: 'agent', muted: true, camera: false, startedAt: started(31) },
  ended: { phase: 'ended', callId: 's6', media: 'video', from: 'agent', muted: false, camera: false, reason: 'customer-hung-up' },
  denied: { phase: 'ended', callId: 's7', media: 'video', from: 'agent', muted: false, camera: false, reason: 'permission-denied', problem: 'permission-denied' },
  noDevice: { phase: 'ended', callId: 's8', media: 'voice', from: 'agent', muted: false, camera: false, reason: 'no-device', problem: 'no-device' },
};

/** The element showing `state` for the stage's conversation (its customer's name), as the desk would. */
const shown = (key: keyof typeof STATES, options: { lang?: 'en' | 'pl'; dark?: boolean } = {}) => ({
  loaders: [async () => ({ stage: await stage(options.lang) })],
  render: (_args: unknown, { loaded }: { loaded: Record<string, unknown> }) => {
    const { desk, conversationId } = stageOf(loaded);
    return page(html`<cc-call-controls .desk=${desk} conversation-id=${conversationId} .call=${STATES[key]}></cc-call-controls>`, options);
  },
});

/** A real call with the simulated customer: synthetic media both ways over RTCPeerConnection. */
const live = (media: 'voice' | 'video') => ({
  loaders: [async () => ({ stage: await stage() })],
  render: (_args: unknown, { loaded }: { loaded: Record<string, unknown> }) => {
    const { desk, conversationId } = stageOf(loaded);
    return page(html`<cc-call-controls .desk=${desk} conversation-id=${conversationId}></cc-call-controls>`);
  },
  play: async ({ loaded }: { loaded: Record<string, unknown> }) => {
    const { desk, conversationId } = stageOf(loaded);
    await desk.calls.start(conversationId, media);
  },
});

const meta: Meta = {
  title: 'Elements/Call controls',
  component: 'cc-call-controls',
  parameters: {
    docs: {
      description: {
        component:
          'A voice or video call with the customer (F20): an incoming call rings with Accept and Decline; in a call, the customer’s video and a muted self-view, a live timer, Mute, Camera, Hold/Resume, End call and the choice of devices. Media is WebRTC, signalling goes through the transport; the simulated customer’s media is synthetic. The first stories show a state; “Live” ones place a real call with the simulator.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

export const IncomingRinging: Story = { name: 'Incoming call, ringing', ...shown('incoming') };
export const OutgoingRinging: Story = { name: 'Outgoing call, ringing', ...shown('outgoing') };
export const ConnectedVoice: Story = { name: 'Connected, voice', ...shown('connectedVoice') };
export const ConnectedVideo: Story = { name: 'Live: connected video (synthetic media)', ...live('video') };
export const LiveVoice: Story = { name: 'Live: voice call (synthetic media)', ...live('voice') };
export const OnHold: Story = { name: 'On hold', ...shown('onHold') };
export const Muted: Story = { name: 'Muted', ...shown('muted') };
export const Ended: Story = { name: 'Ended by the customer', ...shown('ended') };
export const PermissionDenied: Story = { name: 'Permission denied', ...shown('denied') };
export const NoDevice: Story = { name: 'No microphone or camera', ...shown('noDevice') };
export const IncomingPolish: Story = { name: 'Incoming call, Polish', globals: { locale: 'pl' }, ...shown('incoming', { lang: 'pl' }) };
export const OnHoldPolish: Story = { name: 'On hold, Polish', globals: { locale: 'pl' }, ...shown('onHold', { lang: 'pl' }) };
export const IncomingDark: Story = { name: 'Incoming call, dark', globals: { scheme: 'dark' }, ...shown('incoming', { dark: true }) };
export const ConnectedDark: Story = { name: 'Connected, dark', globals: { scheme: 'dark' }, ...shown('connectedVoice', { dark: true }) };

export const SessionTabBadge: Story = {
  name: 'Compact badge (session tab)',
  ...shown('connectedVoice'),
  render: (_args, { loaded }) => {
    const { desk, conversationId } = stageOf(loaded);
    return page(html`<cc-call-controls compact .desk=${desk} conversation-id=${conversationId} .call=${STATES['connectedVoice']}></cc-call-controls>
      <cc-call-controls compact .desk=${desk} conversation-id=${conversationId} .call=${STATES['incoming']}></cc-call-controls>
      <cc-call-controls compact .desk=${desk} conversation-id=${conversationId} .call=${STATES['onHold']}></cc-call-controls>`);
  },
};
