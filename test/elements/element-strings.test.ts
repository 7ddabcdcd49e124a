import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ReactiveElement } from 'lit';
import { simDesk } from '../harness.js';
import '../../src/define.js';
// Loaded by the panel on the first `/`; registered here so it renders with the rest.
import '../../src/elements/quick-replies/define.js';
import { AGENT_SCRIPTS } from '../../src/transports/simulated/agent-scripts.js';

// Each element shows the shared English and the parts it brings (src/i18n/en/), nothing more, so an
// element that reads a namespace it does not bring fails here whatever else the page has loaded.
// This file registers no catalog of its own: a registered English would stand in for the parts.

/** Every element under `root`, through shadow roots. */
function deepElements(root: Element | ShadowRoot): Element[] {
  return [...root.children].flatMap((child) => [child, ...deepElements(child), ...(child.shadowRoot ? deepElements(child.shadowRoot) : [])]);
}

/** Text and attribute values an agent could read or hear, through shadow roots. */
function shownText(root: Element): string[] {
  return deepElements(root).flatMap((el) => [
    ...[...el.attributes].map((attribute) => `${el.localName}[${attribute.name}]: ${attribute.value}`),
    ...[...(el.shadowRoot?.childNodes ?? []), ...el.childNodes]
      .filter((node) => node.nodeType === Node.TEXT_NODE)
      .map((node) => `${el.localName}: ${node.textContent ?? ''}`),
  ]);
}

/** Waits until every element has rendered; rejects if an element's update threw. */
async function settled(root: Element): Promise<void> {
  for (const el of deepElements(root)) if (el instanceof ReactiveElement) await el.updateComplete;
}

const TAGS = [
  'cc-conversation-notification',
  'cc-communication-panel',
  'cc-attachment-picker',
  'cc-transcript',
  'cc-customer-form',
  'cc-conversation-notes',
  'cc-record-search',
  'cc-record-create',
  'cc-transcript-search',
  'cc-knowledge-search',
  'cc-smart-assist',
  'cc-agent-script',
  'cc-session-tabs',
  'cc-session-view',
  'cc-shortcuts',
  'cc-presence-picker',
  'cc-work-items',
  'cc-sentiment-badge',
  'cc-quick-replies',
];

describe('element strings', () => {
  const failures: unknown[] = [];
  const onRejection = (event: PromiseRejectionEvent) => failures.push(event.reason);
  const onError = (event: ErrorEvent) => failures.push(event.error);
  beforeEach(() => {
    failures.length = 0;
    window.addEventListener('unhandledrejection', onRejection);
    window.addEventListener('error', onError);
  });
  afterEach(() => {
    window.removeEventListener('unhandledrejection', onRejection);
    window.removeEventListener('error', onError);
  });

  it('every element renders in English, offered and in a conversation, with no text missing', async () => {
    const { desk, transport } = await simDesk({ seed: 3 }, { scripts: [...AGENT_SCRIPTS] });
    const page = await fixture<HTMLElement>(html`
      <cc-agent-desk .desk=${desk} lang="en">
        <cc-conversation-notification></cc-conversation-notification>
        <cc-communication-panel style="height: 400px; display: flex"></cc-communication-panel>
        <cc-attachment-picker></cc-attachment-picker>
        <cc-transcript></cc-transcript>
        <cc-customer-form></cc-customer-form>
        <cc-conversation-notes></cc-conversation-notes>
        <cc-record-search></cc-record-search>
        <cc-record-create></cc-record-create>
        <cc-transcript-search></cc-transcript-search>
        <cc-knowledge-search></cc-knowledge-search>
        <cc-smart-assist></cc-smart-assist>
        <cc-agent-script></cc-agent-script>
        <cc-session-tabs></cc-session-tabs>
        <cc-session-view></cc-session-view>
        <cc-shortcuts></cc-shortcuts>
        <cc-presence-picker></cc-presence-picker>
        <cc-work-items></cc-work-items>
        <cc-sentiment-badge></cc-sentiment-badge>
        <cc-quick-replies></cc-quick-replies>
      </cc-agent-desk>
    `);
    const elements = TAGS.map((tag) => page.querySelector(tag)!);
    const check = async (when: string) => {
      await settled(page);
      expect(failures, `${when}: an element failed to render`).to.deep.equal([]);
      const missing = shownText(page).filter((text) => /\bundefined\b|\[object /.test(text));
      expect(missing, `${when}: text that is not there`).to.deep.equal([]);
    };

    const offer = transport.offer({ locale: 'en', customer: { name: 'Ola Kot' }, firstMessage: 'Is my parcel on its way?' });
    await waitUntil(() => elements[0]!.shadowRoot!.textContent!.includes('Ola Kot'), 'the offer was not shown');
    await check('offered');

    await desk.accept(offer.id);
    const panel = elements[1]!;
    await waitUntil(() => panel.shadowRoot!.querySelector('cc-transcript')?.shadowRoot?.textContent?.includes('Is my parcel'), 'the conversation did not open');
    // The queue's script loads on first use (its own chunk, then the stored progress).
    await waitUntil(() => page.querySelector('cc-agent-script')!.shadowRoot!.textContent!.trim() !== '', 'the script did not load');
    await check('in a conversation');
    // Every element put something on screen (a render that threw would leave it empty).
    for (const el of elements.filter((el) => el.localName !== 'cc-conversation-notification' && el.localName !== 'cc-transcript')) {
      // `<cc-quick-replies>` renders without a shadow root, next to the field it serves.
      expect((el.shadowRoot ?? el).textContent!.trim(), el.localName).not.to.equal('');
    }
  });
});
