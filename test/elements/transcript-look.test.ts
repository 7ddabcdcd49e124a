import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Message } from '../../src/core/model.js';
import '../../src/elements/transcript/define.js';
import type { CcTranscript } from '../../src/elements/transcript/transcript.js';
import { fittedScale } from '../../src/elements/transcript/lightbox.js';
import { PHOTO_PNG_DATA_URL } from '../../src/transports/simulated/scripts.js';

const now = Date.now();
const msg = (id: string, author: Message['author'], extra: Partial<Message> = {}): Message => ({
  id,
  conversationId: 'c-1',
  author,
  kind: author === 'system' ? 'system' : 'text',
  at: now - 60_000 + Number(id) * 1000,
  ...extra,
});

const rowOf = (el: CcTranscript, id: string): HTMLElement => el.shadowRoot!.querySelector<HTMLElement>(`.row[data-key="${id}"]`)!;
const bubbleOf = (el: CcTranscript, id: string): HTMLElement => rowOf(el, id).querySelector<HTMLElement>('.bubble')!;

describe('cc-transcript: system and bot messages', () => {
  it('are centred, muted notes styled apart from both sides, each with a label read before it', async () => {
    const messages = [
      msg('1', 'customer', { text: 'Hello' }),
      msg('2', 'agent', { text: 'Hi, how can I help?', status: 'read' }),
      msg('3', 'system', { text: 'This conversation may be monitored or recorded to improve our service.' }),
      msg('4', 'bot', { text: 'A colleague will answer shortly.' }),
    ];
    const el = await fixture<CcTranscript>(html`<cc-transcript style="height: 400px; width: 600px" customer-name="Anna Nowak" .messages=${messages}></cc-transcript>`);
    await waitUntil(() => rowOf(el, '4'), 'the bot message was not rendered');
    const style = (id: string) => getComputedStyle(bubbleOf(el, id));
    for (const id of ['3', '4']) {
      expect(style(id).textAlign, `message ${id}`).to.equal('center');
      expect(style(id).backgroundColor).not.to.equal(style('1').backgroundColor);
      expect(style(id).backgroundColor).not.to.equal(style('2').backgroundColor);
      expect(style(id).borderTopStyle).to.equal('dashed');
      // Centred: as much room on either side.
      const row = rowOf(el, id).getBoundingClientRect();
      const box = bubbleOf(el, id).getBoundingClientRect();
      expect(Math.abs(box.left - row.left - (row.right - box.right))).to.be.below(2);
    }
    expect(style('3').color).to.equal(style('4').color);
    expect(style('3').color).not.to.equal(style('1').color);
    // The customer's bubble starts at the left, the agent's ends at the right: neither is centred.
    expect(bubbleOf(el, '1').getBoundingClientRect().left - rowOf(el, '1').getBoundingClientRect().left).to.be.below(2);
    expect(rowOf(el, '3').querySelector('.visually-hidden')!.textContent).to.equal('Automated message:');
    expect(rowOf(el, '4').querySelector('.header')!.textContent).to.equal('Bot');
  });

  it('label the automated message in Polish too', async () => {
    const el = await fixture<CcTranscript>(html`<cc-transcript lang="pl" style="height: 300px" .messages=${[msg('3', 'system', { text: 'Ta rozmowa może być nagrywana.' })]}></cc-transcript>`);
    await waitUntil(() => rowOf(el, '3'));
    expect(rowOf(el, '3').querySelector('.visually-hidden')!.textContent).to.equal('Wiadomość automatyczna:');
  });
});

describe('cc-transcript: the image viewer', () => {
  const image = msg('5', 'customer', {
    kind: 'attachment',
    attachments: [{ id: 'a-1', kind: 'image', name: 'parcel.png', mimeType: 'image/png', url: PHOTO_PNG_DATA_URL }],
  });

  async function open(): Promise<{ el: CcTranscript; thumb: HTMLButtonElement; dialog: HTMLDialogElement; shown: () => DOMRect }> {
    const el = await fixture<CcTranscript>(html`<cc-transcript style="height: 400px" .messages=${[image]}></cc-transcript>`);
    await waitUntil(() => el.shadowRoot!.querySelector('button.thumb'), 'no thumbnail');
    const thumb = el.shadowRoot!.querySelector<HTMLButtonElement>('button.thumb')!;
    thumb.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.shadowRoot!.querySelector<HTMLDialogElement>('dialog')?.open, 'the viewer did not open');
    const dialog = el.shadowRoot!.querySelector<HTMLDialogElement>('dialog')!;
    const img = dialog.querySelector('img')!;
    await waitUntil(() => img.complete && img.naturalWidth > 0 && img.style.height !== '', 'the image was not sized');
    return { el, thumb, dialog, shown: () => img.getBoundingClientRect() };
  }

  it('opens the image larger than its thumbnail, and within the screen', async () => {
    const { thumb, shown, dialog } = await open();
    // The viewer brings its own rules: zoomed past the screen, the image scrolls inside it.
    expect(getComputedStyle(dialog.querySelector('.stage')!).overflow).to.equal('auto');
    const small = thumb.querySelector('img')!.getBoundingClientRect();
    expect(shown().width).to.be.at.least(small.width);
    expect(shown().height).to.be.at.least(small.height);
    expect(shown().width * shown().height).to.be.greaterThan(small.width * small.height);
    expect(shown().width).to.be.at.most(innerWidth * 0.9 + 1);
    expect(shown().height).to.be.at.most(innerHeight * 0.9 + 1);
  });

  it('zooms with + and −, fits again with 0, closes with Escape and gives focus back to the thumbnail', async () => {
    const { el, thumb, dialog, shown } = await open();
    const fitted = shown().width;
    await sendKeys({ press: '+' });
    expect(shown().width).to.be.greaterThan(fitted);
    await sendKeys({ press: '-' });
    await sendKeys({ press: '-' });
    expect(shown().width).to.be.lessThan(fitted);
    await sendKeys({ press: '0' });
    expect(Math.round(shown().width)).to.equal(Math.round(fitted));
    dialog.querySelector<HTMLButtonElement>('.zoom-in')!.click();
    expect(shown().width).to.be.greaterThan(fitted);
    expect(dialog.querySelector('.level')!.textContent).to.match(/^Zoom \d+%$/);
    dialog.querySelector<HTMLButtonElement>('.zoom-fit')!.click();
    expect(Math.round(shown().width)).to.equal(Math.round(fitted));
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !el.shadowRoot!.querySelector('dialog'), 'Escape did not close the viewer');
    expect(el.shadowRoot!.activeElement).to.equal(thumb);
  });

  it('fits a large image into the screen and shows a small one at its own size', () => {
    const area = { width: 900, height: 600 };
    const thumb = { width: 180, height: 135 };
    expect(fittedScale({ width: 3000, height: 2000 }, area, thumb)).to.equal(0.3);
    expect(fittedScale({ width: 400, height: 300 }, area, thumb)).to.equal(1);
    // Smaller than the thumbnail: shown at least as large as the thumbnail.
    const tiny = fittedScale({ width: 48, height: 32 }, area, thumb);
    expect(48 * tiny).to.be.at.least(180);
    expect(32 * tiny).to.be.at.least(135);
  });
});
