import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Message } from '../../src/core/model.js';
import '../../src/elements/transcript/define.js';
import type { CcTranscript } from '../../src/elements/transcript/transcript.js';
import type { CcRetryEvent } from '../../src/elements/events.js';

const failed: Message = {
  id: 'client-1',
  clientId: 'client-1',
  conversationId: 'conversation-1',
  author: 'agent',
  kind: 'text',
  text: 'Your parcel left the warehouse.',
  at: Date.now(),
  status: 'failed',
};

describe('cc-transcript', () => {
  it('on its own, reports Retry on a failed message as a cc-retry the page can hear', async () => {
    const el = await fixture<CcTranscript>(html`<cc-transcript style="height: 300px" .messages=${[failed]}></cc-transcript>`);
    const button = () => el.shadowRoot!.querySelector<HTMLButtonElement>('button.retry');
    await waitUntil(button, 'no Retry button on the failed message');
    const seen: CcRetryEvent[] = [];
    const listener = (event: CcRetryEvent) => seen.push(event);
    document.addEventListener('cc-retry', listener);
    try {
      button()!.click();
    } finally {
      document.removeEventListener('cc-retry', listener);
    }
    expect(seen).to.have.length(1);
    expect(seen[0]!.target).to.equal(el);
    expect(seen[0]!.conversationId).to.equal('conversation-1');
    expect(seen[0]!.clientId).to.equal('client-1');
  });
});
