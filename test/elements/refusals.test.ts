import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/agent-desk/define.js';
import '../../src/elements/communication-panel/define.js';
import type { CcCommunicationPanel } from '../../src/elements/communication-panel/communication-panel.js';
import { simDesk } from '../harness.js';

const HOUR = 60 * 60 * 1000;
/** Moves both clocks, so the reply window can close between the agent's Enter and the desk's check. */
let skew = 0;
const now = () => Date.now() + skew;

async function openPanel(lang: string) {
  skew = 0;
  const { desk, transport } = await simDesk({ seed: 11, now }, { now, maxSendAttempts: 1 });
  const offer = transport.offer({ locale: 'pl', customer: { name: 'Jan Kowalski' }, firstMessage: 'Dzień dobry' });
  const wrapper = await fixture<HTMLElement>(html`
    <cc-agent-desk .desk=${desk} lang=${lang}>
      <cc-communication-panel style="height: 600px; display: flex"></cc-communication-panel>
    </cc-agent-desk>
  `);
  const panel = wrapper.querySelector('cc-communication-panel')!;
  await desk.accept(offer.id);
  const field = () => panel.shadowRoot!.querySelector('textarea');
  await waitUntil(() => field() && !field()!.disabled, 'the composer is not ready');
  return { panel, transport, field: field()! };
}

/** Types, then presses Enter; the reply window closes as the intent goes out, so the desk refuses the send. */
async function sendAsTheWindowCloses(panel: CcCommunicationPanel, field: HTMLTextAreaElement, text: string): Promise<string> {
  field.focus();
  await sendKeys({ type: text });
  panel.addEventListener('cc-send', () => (skew = 25 * HOUR), { once: true });
  await sendKeys({ press: 'Enter' });
  const alert = () => panel.shadowRoot!.querySelector('.notice.error[role="alert"]')?.textContent?.trim() ?? '';
  await waitUntil(alert, 'no refusal shown');
  return alert();
}

describe('refusals on screen', () => {
  it('a refused send reads in Polish with lang="pl", not in the desk’s English', async () => {
    const { panel, transport, field } = await openPanel('pl');
    const shown = await sendAsTheWindowCloses(panel, field, 'Już sprawdzam');
    expect(shown).to.equal('Okno odpowiedzi jest zamknięte. Możesz znów pisać, gdy klient się odezwie.');
    expect(panel.shadowRoot!.textContent).not.to.contain('Messenger reply window is closed');
    expect(transport.sentMessages).to.have.length(0);
    // The desk gives the draft back on a refusal.
    expect(field.value).to.equal('Już sprawdzam');
  });

  it('the same refusal reads in English with lang="en"', async () => {
    const { panel, field } = await openPanel('en');
    const shown = await sendAsTheWindowCloses(panel, field, 'Checking now');
    expect(shown).to.equal('The reply window is closed. You can send again once the customer writes.');
  });
});
