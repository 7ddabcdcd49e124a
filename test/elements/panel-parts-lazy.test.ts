import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { SimulatedTransport } from '../../src/transports/simulated/index.js';
import { testDesk } from '../harness.js';
import { mountPanel } from '../panel-setup.js';
import '../../src/elements/agent-desk/define.js';
import '../../src/elements/communication-panel/define.js';
import { CcCommunicationPanel } from '../../src/elements/communication-panel/communication-panel.js';
// The class only: importing it defines nothing.
import { CcAttachmentPicker } from '../../src/elements/attachment-picker/attachment-picker.js';

// `define/communication-panel` loads the transcript and the attachment picker as a chunk of their
// own (CcCommunicationPanel.loadParts): when the page is first idle, or at once for the first
// conversation shown. This file runs in a page of its own, where nothing else defines them; the
// elements can be defined only once, so the steps follow each other in one test.

const load = CcCommunicationPanel.loadParts!;
let calls = 0;
let fail = false;
let held: Promise<void> | undefined;

describe('cc-communication-panel: the transcript and the attachment picker load after the panel', () => {
  beforeEach(() => {
    CcCommunicationPanel.loadParts = async () => {
      calls++;
      await held;
      if (fail) throw new TypeError('Failed to fetch dynamically imported module');
      return load();
    };
  });

  afterEach(() => {
    CcCommunicationPanel.loadParts = load;
  });

  it('loads them when idle, says so when the load fails, tries again on Try again, then opens the picker on Attach', async () => {
    expect(customElements.get('cc-transcript'), 'defined before the panel loaded it').to.equal(undefined);
    expect(customElements.get('cc-attachment-picker')).to.equal(undefined);
    const opened: unknown[] = [];
    const open = CcAttachmentPicker.prototype.open;
    CcAttachmentPicker.prototype.open = function (this: CcAttachmentPicker) {
      opened.push(this);
      return true;
    };
    try {
      fail = true;
      const transport = new SimulatedTransport({ seed: 5, capabilities: { upload: true } });
      const desk = testDesk({ transport });
      await desk.connect();
      const { wrapper, panel, root } = await mountPanel(desk);
      const retryButton = () => root.querySelector<HTMLButtonElement>('.parts-failed .retry-load')!;

      // No conversation yet: the idle load happens anyway, and its failure says nothing.
      await waitUntil(() => calls === 1, 'the parts were not loaded when the page was idle');
      await panel.updateComplete;
      expect(root.querySelector('[role="alert"]')).to.equal(null);

      // The first conversation tries again; while it loads, the transcript is in place and busy.
      let release!: () => void;
      held = new Promise<void>((resolve) => (release = resolve));
      const offer = transport.offer({ locale: 'en', customer: { name: 'Anna Nowak' }, firstMessage: 'Hello there' });
      await desk.accept(offer.id);
      await waitUntil(() => calls === 2, 'showing a conversation did not load the parts');
      await panel.updateComplete;
      expect(root.querySelector('cc-transcript')!.getAttribute('aria-busy')).to.equal('true');
      expect(root.querySelector('[role="status"].visually-hidden')?.textContent).to.equal('Loading…');
      expect(root.querySelector('cc-attachment-picker')).to.not.equal(null);
      expect(root.querySelector('.parts-failed')).to.equal(null);
      release();
      await waitUntil(() => root.querySelector('.parts-failed'), 'a failed load was not shown');
      const alert = root.querySelector('.parts-failed [role="alert"]')!;
      expect(alert.textContent).to.equal('The messages could not be loaded. Check the connection.');
      expect(customElements.get('cc-transcript')).to.equal(undefined);
      // The notice stands in the transcript's place; the message field still sends text.
      expect(root.querySelector('cc-transcript')).to.equal(null);
      expect(root.querySelector('cc-attachment-picker')).to.equal(null);
      expect(root.querySelector('textarea')!.disabled).to.equal(false);
      await expect(wrapper).to.be.accessible();

      // Try again from the keyboard, failing once more: busy meanwhile, then a new alert (announced
      // again), and the focus on its Try again.
      held = new Promise<void>((resolve) => (release = resolve));
      retryButton().focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => calls === 3, 'Try again did not load again');
      await panel.updateComplete;
      expect(root.querySelector('.parts-failed')!.getAttribute('aria-busy')).to.equal('true');
      release();
      await waitUntil(() => root.querySelector('.parts-failed [role="alert"]') !== alert, 'the second failure was not a new alert');
      await panel.updateComplete;
      expect(root.querySelector('.parts-failed')!.getAttribute('aria-busy')).to.equal('false');
      expect(root.activeElement, 'the focus was lost with the old notice').to.equal(retryButton());

      // Try again, and this time it loads: the notice goes, the focus moves to the message field, the
      // transcript is defined, no longer busy, and shows the message.
      fail = false;
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => !root.querySelector('.parts-failed'), 'the notice stayed after the load');
      await waitUntil(() => root.activeElement === root.querySelector('textarea'), 'the focus did not go to the message field');
      expect(customElements.get('cc-transcript')).to.not.equal(undefined);
      const transcript = root.querySelector('cc-transcript')!;
      expect(transcript.hasAttribute('aria-busy')).to.equal(false);
      expect(root.querySelector('[role="status"].visually-hidden')).to.equal(null);
      await waitUntil(() => transcript.shadowRoot?.textContent?.includes('Hello there'), 'the transcript shows no message');
      await expect(wrapper).to.be.accessible();
      expect(calls, 'loaded again once defined').to.equal(4);

      // Attach from the keyboard opens the picker; a press the browser does not count as the user's
      // (no user activation, as after a slow load) asks for another one instead.
      root.querySelector<HTMLButtonElement>('[part~="attach-button"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => opened.length === 1, 'Attach did not open the picker');
      expect(opened[0]).to.equal(root.querySelector('cc-attachment-picker'));
      expect(opened[0]).to.be.instanceOf(CcAttachmentPicker);
      // The press of a moment ago still counts for a few seconds: stand in for a browser where it no longer does.
      Object.defineProperty(navigator, 'userActivation', { value: { isActive: false, hasBeenActive: true }, configurable: true });
      try {
        root.querySelector<HTMLButtonElement>('[part~="attach-button"]')!.click();
        await waitUntil(() => root.querySelector('.notice.error[role="alert"]'), 'no request to press Attach again');
      } finally {
        delete (navigator as { userActivation?: unknown }).userActivation;
      }
      expect(root.querySelector('.notice.error[role="alert"]')!.textContent).to.equal('Ready: press Attach file again to choose the files.');
      expect(opened).to.have.length(1);
      expect(calls).to.equal(4);
    } finally {
      CcAttachmentPicker.prototype.open = open;
    }
  });
});
