import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Desk } from '../../src/core/desk/desk.js';
import '../../src/define.js';
import type { CcCommunicationPanel } from '../../src/elements/communication-panel/communication-panel.js';
import { CcAttachmentPicker } from '../../src/elements/attachment-picker/attachment-picker.js';
import { simDesk } from '../harness.js';

const makeDesk = (options: Parameters<typeof simDesk>[0] = {}) => simDesk({ seed: 5, ...options });

/** Collects `console.error` calls while a test runs. */
let errors: unknown[][] = [];
const originalError = console.error;

beforeEach(() => {
  errors = [];
  console.error = (...args: unknown[]) => {
    errors.push(args);
  };
});

afterEach(() => {
  console.error = originalError;
});

const header = (panel: CcCommunicationPanel) => panel.shadowRoot!.querySelector('header')?.textContent ?? '';

/** A desk on the page, a panel elsewhere, and an accepted conversation the panel should show. */
async function deskElsewhere(panelTemplate: ReturnType<typeof html>) {
  const { desk, transport } = await makeDesk();
  const page = await fixture<HTMLElement>(html`
    <div>
      <cc-agent-desk id="main" .desk=${desk}><p>CRM content</p></cc-agent-desk>
      <aside style="height: 500px; display: flex">${panelTemplate}</aside>
    </div>
  `);
  const panel = page.querySelector('cc-communication-panel')!;
  const offer = transport.offer({ locale: 'en', customer: { name: 'Olga Kowal' }, firstMessage: 'Hi' });
  await desk.accept(offer.id);
  return { desk, panel, page };
}

describe('finding the desk', () => {
  it('finds a <cc-agent-desk> elsewhere on the page by its desk-id attribute', async () => {
    const { desk, panel } = await deskElsewhere(html`<cc-communication-panel desk-id="main"></cc-communication-panel>`);
    expect(panel.activeDesk).to.equal(desk);
    await waitUntil(() => header(panel).includes('Olga Kowal'), 'the panel did not show the conversation');
    expect(errors).to.deep.equal([]);
  });

  it('follows a changed desk-id to the other desk', async () => {
    const { desk: first } = await makeDesk();
    const { desk: second } = await makeDesk();
    const page = await fixture<HTMLElement>(html`
      <div>
        <cc-agent-desk id="first" .desk=${first}></cc-agent-desk>
        <cc-agent-desk id="second" .desk=${second}></cc-agent-desk>
        <cc-communication-panel desk-id="first"></cc-communication-panel>
      </div>
    `);
    const panel = page.querySelector('cc-communication-panel')!;
    await waitUntil(() => panel.activeDesk === first, 'desk-id="first" not found');
    panel.setAttribute('desk-id', 'second');
    await waitUntil(() => panel.activeDesk === second, 'desk-id="second" not followed');
  });

  it('no longer reads the old desk attribute as an id', async () => {
    const { panel } = await deskElsewhere(html`<cc-communication-panel desk="main"></cc-communication-panel>`);
    await panel.updateComplete;
    expect(panel.activeDesk).to.equal(undefined);
  });

  it('reports a string set on .desk (as React and Vue do for desk="main"), then uses it as a desk id', async () => {
    // What a framework does with <cc-communication-panel desk="main"> when the element has a desk property.
    const { desk, panel } = await deskElsewhere(
      html`<cc-communication-panel .desk=${'main' as unknown as Desk}></cc-communication-panel>`,
    );
    await waitUntil(() => panel.activeDesk === desk, 'the string was not used as a desk id');
    await waitUntil(() => header(panel).includes('Olga Kowal'), 'the panel did not show the conversation');

    expect(errors).to.have.length(1);
    const message = String(errors[0]![0]);
    expect(message).to.include('cc-communication-panel');
    expect(message).to.include('createDesk()');
    expect(message).to.include('desk-id');
    expect(message).to.include('"main"');

    // Later updates do not repeat the report.
    panel.requestUpdate();
    await panel.updateComplete;
    expect(errors).to.have.length(1);
  });

  it('takes a string on .desk set before the desk exists, and finds the desk once it appears', async () => {
    const page = await fixture<HTMLElement>(html`
      <div>
        <cc-agent-desk id="later"></cc-agent-desk>
        <cc-communication-panel></cc-communication-panel>
      </div>
    `);
    const panel = page.querySelector('cc-communication-panel')!;
    expect(() => {
      (panel as { desk: unknown }).desk = 'later';
    }).not.to.throw();
    await panel.updateComplete;
    expect(panel.activeDesk).to.equal(undefined);

    const { desk } = await makeDesk();
    page.querySelector('cc-agent-desk')!.desk = desk;
    await waitUntil(() => panel.activeDesk === desk, 'the desk named by the string was not found');
    expect(errors).to.have.length(1);
  });

  it('uses a .desk set before the element was defined from its first render (a define module loaded later)', async () => {
    const { desk, transport } = await makeDesk({ capabilities: { upload: true } });
    const offer = transport.offer({ locale: 'en', customer: { name: 'Anna Nowak' }, firstMessage: 'Hello' });
    await desk.accept(offer.id);
    const page = await fixture<HTMLElement>(html`<div><cc-late-picker conversation-id=${offer.conversationId}></cc-late-picker></div>`);
    const late = page.querySelector('cc-late-picker') as CcAttachmentPicker;
    late.desk = desk;
    // Defined only now, as the panel's attachment picker is when its chunk comes in.
    customElements.define('cc-late-picker', class extends CcAttachmentPicker {});
    await late.updateComplete;
    expect(late.activeDesk).to.equal(desk);
    expect(late.available).to.equal(true);
    expect(getComputedStyle(late).display, 'hidden as unavailable after its first render').to.equal('block');
  });

  it('a panel on a page that registered its transcript and picker already loads nothing for them, and no failed load hides them', async () => {
    const { CcCommunicationPanel } = await import('../../src/elements/communication-panel/communication-panel.js');
    const load = CcCommunicationPanel.loadParts;
    let calls = 0;
    CcCommunicationPanel.loadParts = () => (calls++, Promise.reject(new TypeError('Failed to fetch dynamically imported module')));
    try {
      const { desk, transport } = await makeDesk({ capabilities: { upload: true } });
      const offer = transport.offer({ locale: 'en', customer: { name: 'Anna Nowak' }, firstMessage: 'Hello' });
      await desk.accept(offer.id);
      const page = await fixture<HTMLElement>(html`<cc-agent-desk .desk=${desk}><cc-communication-panel></cc-communication-panel></cc-agent-desk>`);
      const panel = page.querySelector('cc-communication-panel')!;
      await panel.updateComplete;
      await desk.settled();
      await panel.updateComplete;
      const root = panel.shadowRoot!;
      expect(calls).to.equal(0);
      expect(root.querySelector('.parts-failed')).to.equal(null);
      expect(root.querySelector('cc-transcript')!.hasAttribute('aria-busy')).to.equal(false);
      expect(root.querySelector('cc-attachment-picker')).to.not.equal(null);
    } finally {
      CcCommunicationPanel.loadParts = load;
    }
  });

  it('<cc-agent-desk> given a string on .desk reports it and provides no desk, without crashing', async () => {
    const deskElement = await fixture<HTMLElementTagNameMap['cc-agent-desk']>(html`
      <cc-agent-desk .desk=${'main' as unknown as Desk}>
        <cc-communication-panel></cc-communication-panel>
      </cc-agent-desk>
    `);
    const panel = deskElement.querySelector('cc-communication-panel')!;
    await panel.updateComplete;
    expect(panel.activeDesk).to.equal(undefined);
    expect(errors).to.have.length(1);
    expect(String(errors[0]![0])).to.include('<cc-agent-desk>').and.include('createDesk()');

    const { desk } = await makeDesk();
    deskElement.desk = desk;
    await waitUntil(() => panel.activeDesk === desk, 'the desk given afterwards was not provided');
  });
});
