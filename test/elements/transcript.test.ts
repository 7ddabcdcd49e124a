import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
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

  it('puts only a known author into the class attribute, and names an unknown one nowhere', async () => {
    const odd = ['constructor', 'customer agent', '__proto__', 'toString'].map(
      (author, i): Message => ({ ...failed, id: `odd-${i}`, clientId: undefined, status: undefined, author: author as Message['author'], text: `odd ${i}` }),
    );
    const el = await fixture<CcTranscript>(html`<cc-transcript style="height: 400px" .messages=${odd}></cc-transcript>`);
    await waitUntil(() => el.shadowRoot!.querySelectorAll('.row').length === odd.length, 'not every message got a row');
    const known = new Set(['row', 'customer', 'agent', 'system', 'bot', 'group-start', 'unreadable']);
    for (const row of el.shadowRoot!.querySelectorAll('.row')) {
      expect([...row.classList].filter((c) => !known.has(c))).to.deep.equal([]);
    }
    const shown = el.shadowRoot!.textContent!;
    expect(shown).not.to.contain('function');
    expect(shown).not.to.contain('[native code]');
    expect(shown).not.to.contain('undefined');
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

  describe('a malformed message', () => {
    const good = (id: string, text: string, minutesAgo = 1): Message => ({
      id,
      conversationId: 'conversation-1',
      author: 'customer',
      kind: 'text',
      text,
      at: Date.now() - minutesAgo * 60_000,
    });
    // What a backend might send that the types say it cannot: each must cost only its own line.
    const malformed = [
      { ...good('bad-at', 'bad time'), at: Number.NaN },
      { ...good('bad-text', ''), text: {} },
      { ...good('bad-attachments', 'files'), attachments: 'x' },
      { ...good('bad-reactions', 'liked'), reactions: 'lol' },
      { ...good('bad-all', ''), at: Number.NaN, text: {}, attachments: 'x', reactions: 'lol' },
      { ...good('bad-huge-time', 'far'), at: 1e20 },
      { ...good('bad-attachment-item', 'file'), attachments: [null] },
      null,
    ] as unknown as Message[];
    const messages = [good('first', 'First good message', 3), ...malformed, good('last', 'Last good message')];

    it('renders as one "unreadable message" line and leaves every other message visible', async () => {
      const el = await fixture<CcTranscript>(html`<cc-transcript style="height: 900px" .messages=${messages}></cc-transcript>`);
      const rows = () => [...el.shadowRoot!.querySelectorAll('.row')];
      await waitUntil(() => rows().length === messages.length, 'not every message got a row');
      const shown = el.shadowRoot!.textContent!;
      expect(shown).to.contain('First good message');
      expect(shown).to.contain('Last good message');
      const unreadable = rows().filter((row) => row.classList.contains('unreadable'));
      expect(unreadable.map((row) => row.textContent!.trim())).to.deep.equal(malformed.map(() => 'This message could not be shown.'));
      for (const leak of ['[object Object]', 'NaN', 'Invalid Date', 'undefined', 'lol']) expect(shown).not.to.contain(leak);
      await expect(el).to.be.accessible();
    });

    it('says so in Polish', async () => {
      const el = await fixture<CcTranscript>(html`<cc-transcript lang="pl" style="height: 900px" .messages=${messages}></cc-transcript>`);
      await waitUntil(() => el.shadowRoot!.querySelectorAll('.row.unreadable').length === malformed.length, 'no unreadable lines');
      expect(el.shadowRoot!.querySelector('.row.unreadable')!.textContent!.trim()).to.equal('Nie można wyświetlić tej wiadomości.');
      expect(el.shadowRoot!.textContent).to.contain('Last good message');
    });

    it('arriving later leaves the messages already shown on screen', async () => {
      const el = await fixture<CcTranscript>(html`<cc-transcript style="height: 900px" .messages=${[good('first', 'First good message', 3)]}></cc-transcript>`);
      await waitUntil(() => el.shadowRoot!.querySelector('.row'), 'the first message was not rendered');
      el.messages = messages;
      await waitUntil(() => el.shadowRoot!.querySelectorAll('.row').length === messages.length, 'not every message got a row');
      expect(el.shadowRoot!.textContent).to.contain('First good message');
      expect(el.shadowRoot!.textContent).to.contain('Last good message');
    });
  });

  describe('a very long message', () => {
    const long = (text: string): Message => ({ id: 'long', conversationId: 'conversation-1', author: 'customer', kind: 'text', text, at: Date.now() });
    const shownText = (el: CcTranscript): string => el.shadowRoot!.querySelector('.row .text')!.textContent!;
    const more = (el: CcTranscript): HTMLButtonElement | null => el.shadowRoot!.querySelector('[part="more"]');

    it('shows a Messenger-sized message whole', async () => {
      const text = 'x'.repeat(1999) + '!';
      const el = await fixture<CcTranscript>(html`<cc-transcript style="height: 400px" .messages=${[long(text)]}></cc-transcript>`);
      await waitUntil(() => el.shadowRoot!.querySelector('.row .text'), 'the message was not rendered');
      expect(shownText(el)).to.equal(text);
      expect(more(el)).to.equal(null);
    });

    it('shows the start of 100 KB of adversarial markdown, and the rest a step at a time from the keyboard', async () => {
      const text = ' *a'.repeat(34_000);
      const el = await fixture<CcTranscript>(html`<cc-transcript style="height: 400px" .messages=${[long(text)]}></cc-transcript>`);
      await waitUntil(() => more(el), 'no "Show more" under the long message');
      const first = shownText(el).length;
      expect(first).to.be.within(3800, 4000);
      expect(text.startsWith(shownText(el))).to.equal(true);
      expect(more(el)!.textContent!.trim()).to.equal(`Show more (${(text.length - first).toLocaleString('en')} more characters)`);
      more(el)!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => shownText(el).length > first, 'Enter showed nothing more');
      expect(shownText(el).length).to.be.within(7600, 8000);
      expect(el.shadowRoot!.activeElement).to.equal(more(el));
      await sendKeys({ press: ' ' });
      await waitUntil(() => shownText(el).length > 8000, 'Space showed nothing more');
    });

    it('once all of it is shown, drops the button and leaves focus in the log', async () => {
      const text = `${'word '.repeat(1500)}end`;
      const el = await fixture<CcTranscript>(html`<cc-transcript lang="pl" style="height: 400px" .messages=${[long(text)]}></cc-transcript>`);
      await waitUntil(() => more(el), 'no "Show more" under the long message');
      // 7,503 characters, 4,000 shown: "3503 znaki" (Polish "few" after 2–4).
      expect(more(el)!.textContent!.trim()).to.equal('Pokaż więcej (jeszcze 3503 znaki)');
      more(el)!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => more(el) === null, 'the button stayed');
      expect(shownText(el)).to.equal(text);
      expect(el.shadowRoot!.activeElement).to.equal(el.shadowRoot!.querySelector('[role="log"]'));
    });
  });

  describe('announcements', () => {
    const from = (author: Message['author'], i: number, text = `Message ${i}`): Message => ({
      id: `m-${author}-${i}`,
      conversationId: 'conversation-1',
      author,
      kind: 'text',
      text,
      at: Date.now() - 60_000 + i,
    });
    const live = (el: CcTranscript): string => el.shadowRoot!.querySelector('[aria-live="polite"]')!.textContent!.trim();

    it('stays quiet when a conversation is first shown with its history', async () => {
      const history = Array.from({ length: 3 }, (_, i) => from('customer', i));
      const el = await fixture<CcTranscript>(html`<cc-transcript customer-name="Anna Nowak" .messages=${history}></cc-transcript>`);
      await el.updateComplete;
      expect(live(el)).to.equal('');
    });

    it('announces the first customer message into an empty transcript', async () => {
      const el = await fixture<CcTranscript>(html`<cc-transcript customer-name="Anna Nowak" .messages=${[]}></cc-transcript>`);
      el.messages = [from('customer', 1, 'Hello, my parcel is late')];
      await el.updateComplete;
      expect(live(el)).to.equal('Anna Nowak: Hello, my parcel is late');
    });

    it('announces a burst of more than 5 as one summary line, in English and Polish', async () => {
      for (const [lang, summary] of [
        ['en', '8 new messages. Anna Nowak: Message 8'],
        ['pl', '8 nowych wiadomości. Anna Nowak: Message 8'],
      ] as const) {
        const el = await fixture<CcTranscript>(
          html`<cc-transcript lang=${lang} customer-name="Anna Nowak" .messages=${[from('agent', 0)]}></cc-transcript>`,
        );
        el.messages = [from('agent', 0), ...Array.from({ length: 8 }, (_, i) => from('customer', i + 1))];
        await el.updateComplete;
        expect(live(el)).to.equal(summary);
      }
    });

    it('reads a repeated message again', async () => {
      const el = await fixture<CcTranscript>(html`<cc-transcript customer-name="Anna Nowak" .messages=${[from('agent', 0)]}></cc-transcript>`);
      const region = (): string => el.shadowRoot!.querySelector('[aria-live="polite"]')!.textContent!;
      el.messages = [from('agent', 0), from('customer', 1, 'ok')];
      await el.updateComplete;
      const first = region();
      el.messages = [...el.messages, from('customer', 2, 'ok')];
      await el.updateComplete;
      // A live region whose text does not change is not read again.
      expect(region()).not.to.equal(first);
      expect(live(el)).to.equal('Anna Nowak: ok');
    });
  });
});
