import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { simDesk } from '../harness.js';
import '../../src/elements/agent-desk/define.js';
import '../../src/elements/communication-panel/define.js';
import type { CcCommunicationPanel } from '../../src/elements/communication-panel/communication-panel.js';
import { en, registerCatalog, type Catalog } from '../../src/i18n/index.js';

// A host's own wording, registered before or after the elements load and render, always wins over
// the English the elements bring; a namespace the host's catalog lacks falls back to that English.

async function openPanel(lang = 'en'): Promise<CcCommunicationPanel> {
  const { desk, transport } = await simDesk({ seed: 5 });
  const offer = transport.offer({ locale: 'en', customer: { name: 'Jan Lis' }, firstMessage: 'Hello' });
  const wrapper = await fixture<HTMLElement>(html`
    <cc-agent-desk .desk=${desk} lang=${lang}>
      <cc-communication-panel style="height: 400px; display: flex"></cc-communication-panel>
    </cc-agent-desk>
  `);
  await desk.accept(offer.id);
  const panel = wrapper.querySelector('cc-communication-panel')!;
  await waitUntil(() => sendLabel(panel) !== undefined, 'the composer did not open');
  return panel;
}

const sendLabel = (panel: CcCommunicationPanel) => panel.shadowRoot!.querySelector('[part~="send"]')?.textContent?.trim();

describe('a host catalog and the built-in English', () => {
  afterEach(() => registerCatalog('en', en));

  it('the host’s English wins when registered before the element renders', async () => {
    registerCatalog('en', { ...en, panel: { ...en.panel, send: 'Reply' } });
    const panel = await openPanel();
    expect(sendLabel(panel)).to.equal('Reply');
  });

  it('the host’s English wins when registered after the element rendered', async () => {
    const panel = await openPanel();
    expect(sendLabel(panel)).to.equal('Send');
    registerCatalog('en', { ...en, panel: { ...en.panel, send: 'Reply' } });
    await waitUntil(() => sendLabel(panel) === 'Reply', `the panel still reads "${sendLabel(panel)}"`);
  });

  it('a namespace the host’s catalog lacks is shown in English, not left out', async () => {
    const { panel: _left, ...partial } = en;
    registerCatalog('en', partial as unknown as Catalog);
    registerCatalog('de', { ...(partial as unknown as Catalog), lang: 'de', state: { ...en.state, active: 'Aktiv' } });
    const english = await openPanel();
    expect(sendLabel(english)).to.equal('Send');
    const german = await openPanel('de');
    expect(sendLabel(german)).to.equal('Send');
    expect(german.shadowRoot!.querySelector('header')!.textContent).to.contain('Aktiv');
  });
});
