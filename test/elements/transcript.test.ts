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

  it('shows bidi overrides and other hidden characters in attachment names and link text instead of obeying them', async () => {
    const message: Message = {
      id: 'bidi-1',
      conversationId: 'conversation-1',
      author: 'customer',
      kind: 'attachment',
      text: 'see https://example.com/\u202Egpj.exe',
      at: Date.now(),
      attachments: [
        { id: 'a-1', kind: 'file', name: 'invoice\u202Efdp.exe', url: 'https://example.com/f/1' },
        { id: 'a-2', kind: 'image', name: 'photo\u2066\u202Egnp.exe', url: 'data:image/png;base64,AAAA' },
      ],
    };
    const el = await fixture<CcTranscript>(html`<cc-transcript style="height: 300px" .messages=${[message]}></cc-transcript>`);
    const row = () => el.shadowRoot!.querySelector('.row');
    await waitUntil(row, 'the message was not rendered');
    const attributes = [...row()!.querySelectorAll('*')].flatMap((node) => [...node.attributes].map((a) => a.value));
    for (const shown of [row()!.textContent!, ...attributes]) {
      expect(shown).not.to.match(/[\u202a-\u202e\u2066-\u2069]/u);
    }
    expect(row()!.querySelector('a[href^="https://example.com/"]:not(.file)')!.textContent).to.equal('https://example.com/\uFFFDgpj.exe');
    expect(row()!.textContent).to.contain('invoice\uFFFDfdp.exe');
    expect(row()!.querySelector('a.file')!.getAttribute('aria-label')).to.equal('Download invoice\uFFFDfdp.exe');
  });

  it('loads customer images without sending a referrer', async () => {
    const message: Message = {
      id: 'img-1',
      conversationId: 'conversation-1',
      author: 'customer',
      kind: 'attachment',
      at: Date.now(),
      attachments: [
        { id: 'a-1', kind: 'image', name: 'photo.png', url: `${location.origin}/test/fixtures/avatar.svg` },
        { id: 'a-2', kind: 'sticker', name: 'sticker', url: `${location.origin}/test/fixtures/avatar.svg` },
      ],
    };
    const el = await fixture<CcTranscript>(html`<cc-transcript style="height: 300px" .messages=${[message]}></cc-transcript>`);
    const images = () => [...el.shadowRoot!.querySelectorAll('img')];
    await waitUntil(() => images().length === 2, 'the images were not rendered');
    expect(images().map((img) => img.getAttribute('referrerpolicy'))).to.deep.equal(['no-referrer', 'no-referrer']);
  });
});
