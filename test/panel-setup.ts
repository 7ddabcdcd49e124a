// A communication panel inside <cc-agent-desk>, showing one accepted conversation: the start of the
// panel's workday tests (wrap-up, transfer, their lazy part).
import { fixture, html } from '@open-wc/testing';
import type { DeskOptions } from '../src/core/desk/desk.js';
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

export async function panelWithConversation(options: PanelSetup = {}) {
  const transport = new SimulatedTransport({ seed: 11, capabilities: options.capabilities ?? {} });
  const desk = testDesk({ transport, ...options.desk });
  await desk.connect();
  const offer = transport.offer({ locale: 'en', customer: { name: 'Anna Nowak' }, firstMessage: 'Hello' });
  const wrapper = await fixture<HTMLElement>(html`
    <cc-agent-desk .desk=${desk} lang=${options.lang ?? 'en'}>
      <cc-communication-panel style="height: 600px; display: flex"></cc-communication-panel>
    </cc-agent-desk>
  `);
  const panel = wrapper.querySelector('cc-communication-panel')!;
  await desk.accept(offer.id);
  await panel.updateComplete;
  return { desk, transport, panel, conversationId: offer.conversationId };
}
