import { expect, waitUntil } from '@open-wc/testing';
import '../../src/elements/agent-desk/define.js';
import '../../src/elements/communication-panel/define.js';
import { CcCommunicationPanel } from '../../src/elements/communication-panel/communication-panel.js';
import type { CcTranscript } from '../../src/elements/transcript/transcript.js';
import { simDesk } from '../harness.js';
import { mountPanel } from '../panel-setup.js';

// A session keeps its transcript's place (F13). When the panel's transcript comes in late — here after
// a failed load and Try again — the conversation shown still opens where the agent left it, not at the
// newest message. A page of its own, where nothing else defines the transcript.

const load = CcCommunicationPanel.loadParts!;

describe('cc-communication-panel: a transcript that comes in late', () => {
  afterEach(() => {
    CcCommunicationPanel.loadParts = load;
  });

  it("opens at the session's saved place once loaded after a failed load", async () => {
    let calls = 0;
    CcCommunicationPanel.loadParts = async () => {
      calls++;
      if (calls === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return load();
    };
    const { desk, transport } = await simDesk();
    const offer = transport.offer({ locale: 'en', customer: { name: 'Anna Nowak' }, firstMessage: 'Hello there' });
    const { id } = await desk.accept(offer.id);
    transport.seedTranscript(id, 200);
    await waitUntil(() => desk.messages(id).get().length > 200, 'history not loaded');
    const saved = { messageId: desk.messages(id).get()[60]!.id, offset: 12 };
    desk.sessions.setScroll(id, saved);

    const { root } = await mountPanel(desk, { height: 500 });
    await waitUntil(() => root.querySelector('.parts-failed .retry-load'), 'the failed load was not shown');
    root.querySelector<HTMLButtonElement>('.parts-failed .retry-load')!.click();
    await waitUntil(() => customElements.get('cc-transcript') && root.querySelector('cc-transcript'), 'the transcript did not come in');
    const transcript = root.querySelector<CcTranscript>('cc-transcript')!;
    await transcript.updateComplete;
    expect(transcript.scrollPosition, 'opened at the newest message').to.deep.equal(saved);
    expect(calls).to.equal(2);
  });
});
