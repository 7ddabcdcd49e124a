// A communication panel inside <cc-agent-desk>, showing one accepted conversation: the start of the
// panel's workday tests (wrap-up, transfer, their lazy part) and of its late parts' tests.
import { fixture, html } from '@open-wc/testing';
import type { Desk, DeskOptions } from '../src/core/desk/desk.js';
import type { Capabilities } from '../src/core/transport.js';
import { SimulatedTransport } from '../src/transports/simulated/index.js';
import { testDesk } from './harness.js';
import '../src/elements/agent-desk/define.js';
import '../src/elements/communication-panel/define.js';

export interface PanelSetup {
  capabilities?: Partial<Capabilities>;
  desk?: Partial<DeskOptions>;
  lang?: string;
}

/** A `<cc-communication-panel>` inside a `<cc-agent-desk>` given `desk`, in the page. */
export async function mountPanel(desk: Desk, { lang = 'en', height = 600 }: { lang?: string; height?: number } = {}) {
  const wrapper = await fixture<HTMLElement>(html`
    <cc-agent-desk .desk=${desk} lang=${lang}>
      <cc-communication-panel style="height: ${height}px; display: flex"></cc-communication-panel>
    </cc-agent-desk>
  `);
  const panel = wrapper.querySelector('cc-communication-panel')!;
  return { wrapper, panel, root: panel.shadowRoot! };
}

export async function panelWithConversation(options: PanelSetup = {}) {
  const transport = new SimulatedTransport({ seed: 11, capabilities: options.capabilities ?? {} });
  const desk = testDesk({ transport, ...options.desk });
  await desk.connect();
  const offer = transport.offer({ locale: 'en', customer: { name: 'Anna Nowak' }, firstMessage: 'Hello' });
  const { panel } = await mountPanel(desk, { lang: options.lang });
  await desk.accept(offer.id);
  await panel.updateComplete;
  return { desk, transport, panel, conversationId: offer.conversationId };
}
