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

// What the agent does while the panel's transcript and attachment picker are still loading
// (CcCommunicationPanel.loadParts, held here): Attach waits for the picker, and files pasted into one
// conversation never land in another one opened meanwhile. A page of its own, where nothing else
// defines the two elements; they are defined once, so the steps follow each other in one test.

const load = CcCommunicationPanel.loadParts!;

describe('cc-communication-panel: while its transcript and attachment picker load', () => {
  it('Attach after a failed load loads again and opens the picker; files pasted before another conversation is opened are not added to either', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    // The first load fails (the panel says so); the next one is held until released.
    CcCommunicationPanel.loadParts = async () => {
      calls++;
      if (calls === 1) throw new TypeError('Failed to fetch dynamically imported module');
      await held;
      return load();
    };
    const opened: string[] = [];
    const open = CcAttachmentPicker.prototype.open;
    CcAttachmentPicker.prototype.open = function (this: CcAttachmentPicker) {
      opened.push(this.conversationId ?? '');
      return true;
    };
    try {
      const transport = new SimulatedTransport({ seed: 5, capabilities: { upload: true } });
      const desk = testDesk({ transport });
      await desk.connect();
      const first = transport.offer({ locale: 'en', customer: { name: 'Anna Nowak' }, firstMessage: 'Hello there' });
      const second = transport.offer({ locale: 'en', customer: { name: 'Jan Kowalski' }, firstMessage: 'Good morning' });
      await desk.accept(first.id);
      await desk.accept(second.id);
      desk.setActive(first.conversationId);
      const { panel, root } = await mountPanel(desk);
      await waitUntil(() => root.querySelector('.parts-failed'), 'the failed load was not shown');
      expect(customElements.get('cc-attachment-picker')).to.equal(undefined);
      expect(root.querySelector('cc-attachment-picker')).to.equal(null);

      // Attach from the keyboard after the failed load: it loads again (the transcript back in place,
      // busy), then the picker, rendered again, opens once it is in.
      root.querySelector<HTMLButtonElement>('[part~="attach-button"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => calls === 2, 'Attach did not load the picker again');
      await panel.updateComplete;
      expect(root.querySelector('.parts-failed')).to.equal(null);
      expect(root.querySelector('cc-transcript')!.getAttribute('aria-busy')).to.equal('true');
      expect(opened).to.have.length(0);
      release();
      await waitUntil(() => opened.length === 1, 'Attach did not open the picker once it was in');
      expect(opened[0]).to.equal(first.conversationId);
      expect(calls).to.equal(2);

      // Attach pressed, and another conversation opened before the picker is reached: nothing opens
      // (the browser counts the press as the user's here, so only the switch holds it back).
      Object.defineProperty(navigator, 'userActivation', { value: { isActive: true, hasBeenActive: true }, configurable: true });
      try {
        root.querySelector<HTMLButtonElement>('[part~="attach-button"]')!.click();
        desk.setActive(second.conversationId);
        await panel.updateComplete;
        await panel.updateComplete;
        expect(opened, 'the picker opened for the conversation switched to').to.have.length(1);
      } finally {
        delete (navigator as { userActivation?: unknown }).userActivation;
      }
      desk.setActive(first.conversationId);
      await panel.updateComplete;

      // A file pasted into the first conversation, and the second one opened before the picker takes it
      // (the picker is reached a moment after the paste): added to neither, and the agent is told.
      const data = new DataTransfer();
      data.items.add(new File(['%PDF-1.4 invoice'], 'invoice.pdf', { type: 'application/pdf' }));
      root.querySelector('textarea')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, composed: true, cancelable: true }));
      desk.setActive(second.conversationId);
      await waitUntil(() => root.querySelector('.notice.error[role="alert"]'), 'the agent was not told the files were not added');
      expect(root.querySelector('.notice.error[role="alert"]')!.textContent).to.equal('The files were not added: another conversation was opened meanwhile. Add them again.');
      await desk.settled();
      expect(desk.composer(first.conversationId).$state.get().files).to.have.length(0);
      expect(desk.composer(second.conversationId).$state.get().files).to.have.length(0);

      // The same paste without a switch is added to the conversation shown.
      desk.setActive(first.conversationId);
      await panel.updateComplete;
      root.querySelector('textarea')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, composed: true, cancelable: true }));
      await waitUntil(() => desk.composer(first.conversationId).$state.get().files.length === 1, 'the pasted file was not added');
      await desk.settled();
    } finally {
      CcAttachmentPicker.prototype.open = open;
      CcCommunicationPanel.loadParts = load;
    }
  });
});
