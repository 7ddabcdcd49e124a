import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Desk } from '../../src/core/desk/desk.js';
import { DeskError } from '../../src/core/errors.js';
import type { Capabilities } from '../../src/core/transport.js';
import '../../src/elements/attachment-picker/define.js';
import type { CcAttachmentPicker } from '../../src/elements/attachment-picker/attachment-picker.js';
import {
  CcAttachEvent,
  CcAttachmentsChangeEvent,
  CcFilesRejectedEvent,
} from '../../src/elements/events.js';
import { SimulatedTransport } from '../../src/transports/simulated/index.js';
import { testDesk } from '../harness.js';

const MB = 1024 * 1024;
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const png = (name = 'photo.png'): File => new File([new Uint8Array([...PNG_SIGNATURE, 0, 0, 0, 0])], name, { type: 'image/png' });
const pdf = (name = 'invoice.pdf'): File => new File(['%PDF-1.4\n%%EOF\n'], name, { type: 'application/pdf' });
const bigPdf = (): File => new File([new Uint8Array(30 * MB)], 'big.pdf', { type: 'application/pdf' });
/** Reports 30 MB without allocating it: the policy reads only name and size. */
const bigPdfCheap = (): File => {
  const file = new File(['%PDF'], 'big.pdf', { type: 'application/pdf' });
  Object.defineProperty(file, 'size', { value: 30 * MB });
  return file;
};
const exe = (): File => new File(['MZ'], 'invoice.pdf.exe', { type: 'application/octet-stream' });

interface Setup {
  el: CcAttachmentPicker;
  desk: Desk;
  transport: SimulatedTransport;
  conversationId: string;
}

async function setup(
  options: { latency?: number; capabilities?: Partial<Capabilities>; lang?: string; conversationAttr?: boolean } = {},
): Promise<Setup> {
  const transport = new SimulatedTransport({ seed: 7, ...(options.capabilities ? { capabilities: options.capabilities } : {}) });
  const desk = testDesk({ transport });
  await desk.connect();
  const conversation = transport.startConversation({ customer: { name: 'Anna Nowak' } });
  desk.setActive(conversation.id);
  transport.latency = options.latency ?? 0;
  const el = await fixture<CcAttachmentPicker>(
    options.conversationAttr
      ? html`<cc-attachment-picker .desk=${desk} conversation-id=${conversation.id} lang=${options.lang ?? 'en'}></cc-attachment-picker>`
      : html`<cc-attachment-picker .desk=${desk} lang=${options.lang ?? 'en'}></cc-attachment-picker>`,
  );
  return { el, desk, transport, conversationId: conversation.id };
}

const $ = <T extends Element = HTMLElement>(el: CcAttachmentPicker, selector: string): T | null =>
  el.shadowRoot!.querySelector<T>(selector);
const items = (el: CcAttachmentPicker): HTMLLIElement[] => [...el.shadowRoot!.querySelectorAll<HTMLLIElement>('[part="item"]')];
const itemNamed = (el: CcAttachmentPicker, name: string): HTMLLIElement | undefined =>
  items(el).find((li) => li.textContent?.includes(name));
const liveText = (el: CcAttachmentPicker): string => $(el, '[role="status"]')!.textContent!.trim();
const chooseButton = (el: CcAttachmentPicker): HTMLButtonElement => $<HTMLButtonElement>(el, '[part="button"]')!;
const fileInput = (el: CcAttachmentPicker): HTMLInputElement => $<HTMLInputElement>(el, 'input[type="file"]')!;

/** Compares by identity and describes elements by their text: a failing chai diff of two elements is too big to report. */
function expectFocused(el: CcAttachmentPicker, target: Element | null | undefined): void {
  const active = el.shadowRoot!.activeElement;
  const describe = (node: Element | null | undefined): string =>
    node ? `<${node.localName}> "${node.getAttribute('aria-label') ?? node.textContent!.trim()}"` : String(node);
  expect(active === target && target != null, `focus is on ${describe(active)}, expected ${describe(target)}`).to.equal(true);
}

function collect<E extends Event>(el: Element, type: string): E[] {
  const seen: E[] = [];
  el.addEventListener(type, (event) => seen.push(event as E));
  return seen;
}


describe('cc-attachment-picker', () => {
  it('is defined', () => {
    expect(customElements.get('cc-attachment-picker')).to.exist;
  });

  it('shows the Choose button, drop hint and policy limits, and is accessible when empty', async () => {
    const { el } = await setup();
    expect(chooseButton(el).textContent!.trim()).to.equal('Choose files');
    const limits = $(el, '.limits')!.textContent!;
    expect(limits).to.contain('5 MB');
    expect(limits).to.contain('.jpg');
    expect(limits).to.contain('.xlsx');
    expect(limits).not.to.contain('.exe');
    expect(fileInput(el).multiple).to.equal(true);
    expect(fileInput(el).accept).to.contain('.pdf');
    expect(items(el)).to.have.lengthOf(0);
    await expect(el).to.be.accessible();
  });

  it('refuses a 30 MB file and invoice.pdf.exe with their reasons, and uploads nothing', async () => {
    const { el, desk, transport } = await setup();
    const rejectedEvents = collect<CcFilesRejectedEvent>(el, CcFilesRejectedEvent.type);
    const attachEvents = collect<CcAttachEvent>(el, CcAttachEvent.type);

    const result = await el.addFiles([bigPdf(), exe()]);
    await el.updateComplete;

    expect(result.rejected.map((r) => r.reason)).to.deep.equal(['too-large', 'double-extension']);
    expect(result.accepted).to.have.lengthOf(0);
    expect(rejectedEvents).to.have.lengthOf(1);
    expect(rejectedEvents[0]!.cancelable).to.equal(false);
    expect(rejectedEvents[0]!.rejected.map((r) => r.name)).to.deep.equal(['big.pdf', 'invoice.pdf.exe']);
    expect(attachEvents).to.have.lengthOf(0);

    const reasons = [...el.shadowRoot!.querySelectorAll('[part="reason"]')].map((r) => r.textContent!.trim());
    expect(reasons).to.deep.equal([
      'big.pdf is larger than the 5 MB limit.',
      'invoice.pdf.exe hides its real type behind a double extension.',
    ]);
    expect($(el, '[part="progress"]') === null, 'no progress bar for refused files').to.equal(true);
    expect(liveText(el)).to.equal('2 files were refused');
    await desk.settled();
    expect(transport.uploads).to.have.lengthOf(0);
    expect(el.attachments).to.deep.equal([]);
  });

  it('lists each refused file of a mixed batch and uploads only the accepted ones', async () => {
    const { el, transport } = await setup();
    const empty = new File([], 'empty.txt', { type: 'text/plain' });
    const zip = new File(['PK'], 'archive.zip', { type: 'application/zip' });
    const nul = new File(['x'], 'photo.jpg\u0000.exe', { type: 'image/jpeg' });
    const result = await el.addFiles([zip, png(), empty, nul]);
    await el.updateComplete;
    expect(liveText(el)).to.equal('3 files were refused');
    await result.uploaded;
    await el.updateComplete;

    expect(result.rejected.map((r) => r.reason)).to.deep.equal(['extension-not-allowed', 'empty', 'null-byte']);
    expect(itemNamed(el, 'archive.zip')!.textContent).to.contain('archive.zip: .zip files are not allowed.');
    expect(itemNamed(el, 'empty.txt')!.textContent).to.contain('empty.txt is empty.');
    // The null byte is shown, not swallowed, so the agent sees why the name is suspicious.
    expect(itemNamed(el, 'photo.jpg\uFFFD.exe')!.textContent).to.contain('has a hidden character in its name');
    expect(transport.uploads.map((u) => u.meta.name)).to.deep.equal(['photo.png']);
    expect(liveText(el)).to.equal('photo.png is ready to send');
  });

  it('uploads an allowed PNG: ready item, transport upload, cc-attachments-change with the ref', async () => {
    const { el, transport, conversationId } = await setup();
    const attachEvents = collect<CcAttachEvent>(el, CcAttachEvent.type);
    const changed = oneEvent(el, CcAttachmentsChangeEvent.type) as Promise<CcAttachmentsChangeEvent>;

    const file = png();
    const result = await el.addFiles([file]);
    expect(attachEvents).to.have.lengthOf(1);
    expect(attachEvents[0]!.files).to.deep.equal([file]);
    const change = await changed;
    const refs = await result.uploaded;
    await el.updateComplete;

    expect(transport.uploads).to.have.lengthOf(1);
    expect(transport.uploads[0]!.meta).to.include({ conversationId, name: 'photo.png', mimeType: 'image/png' });
    expect(refs).to.deep.equal([transport.uploads[0]!.attachment]);
    expect(change.attachments).to.deep.equal(refs);
    expect(el.attachments).to.deep.equal(refs);
    const item = itemNamed(el, 'photo.png')!;
    expect(item.dataset.state).to.equal('ready');
    expect(item.textContent).to.contain('photo.png is ready to send');
    expect(item.querySelector('button')!.getAttribute('aria-label')).to.equal('Remove photo.png');
    expect(liveText(el)).to.equal('photo.png is ready to send');
  });

  it('is accessible with refused and uploaded items', async () => {
    const { el } = await setup();
    const result = await el.addFiles([bigPdfCheap(), exe(), png(), pdf()]);
    await result.uploaded;
    await el.updateComplete;
    expect(items(el)).to.have.lengthOf(4);
    await expect(el).to.be.accessible();
  });

  it('uploads nothing when cc-attach is cancelled', async () => {
    const { el, desk, transport } = await setup();
    el.addEventListener(CcAttachEvent.type, (event) => event.preventDefault());
    const changes = collect(el, CcAttachmentsChangeEvent.type);
    const result = await el.addFiles([png(), pdf()]);
    await result.uploaded;
    await desk.settled();
    await el.updateComplete;
    expect(result.vetoed).to.equal(true);
    expect(transport.uploads).to.have.lengthOf(0);
    expect(items(el)).to.have.lengthOf(0);
    expect(changes).to.have.lengthOf(0);
    expect(el.attachments).to.deep.equal([]);
  });

  it('shows progress and cancels a running upload: aborted, marked cancelled, never attached', async () => {
    const { el, desk, transport } = await setup({ latency: 600 });
    const changes = collect(el, CcAttachmentsChangeEvent.type);
    const result = await el.addFiles([pdf('contract.pdf')]);
    await el.updateComplete;

    const item = itemNamed(el, 'contract.pdf')!;
    expect(item.dataset.state).to.equal('uploading');
    const progress = item.querySelector<HTMLProgressElement>('[part="progress"]')!;
    expect(progress).to.exist;
    expect(progress.getAttribute('aria-labelledby')).to.match(/^status-/);
    await waitUntil(() => progress.value > 0, 'progress never moved', { timeout: 2000 });
    expect(item.textContent).to.match(/Uploading contract\.pdf: \d+%/);

    const button = item.querySelector('button')!;
    expect(button.getAttribute('aria-label')).to.equal('Cancel upload of contract.pdf');
    button.focus();
    button.click();
    await el.updateComplete;

    expect(item.dataset.state).to.equal('cancelled');
    expect(item.textContent).to.contain('Upload of contract.pdf cancelled.');
    expect(item.querySelector('[part="progress"]') === null, 'progress bar gone after cancel').to.equal(true);
    expect(liveText(el)).to.equal('Upload of contract.pdf cancelled.');
    // The same button now removes the row, so focus did not fall to the page.
    expectFocused(el, button);
    expect(button.getAttribute('aria-label')).to.equal('Remove contract.pdf');

    expect(await result.uploaded).to.deep.equal([]);
    // Waits for the transport's upload itself: had the abort not reached it, it would finish and be recorded.
    await desk.settled();
    expect(transport.uploads).to.have.lengthOf(0);
    expect(changes).to.have.lengthOf(0);
    expect(el.attachments).to.deep.equal([]);
    expect(el.busy).to.equal(false);
  });

  it('shows a failed upload with its message', async () => {
    const { el, transport } = await setup();
    await transport.disconnect();
    const result = await el.addFiles([pdf()]);
    expect(await result.uploaded).to.deep.equal([]);
    await el.updateComplete;
    const item = itemNamed(el, 'invoice.pdf')!;
    expect(item.dataset.state).to.equal('failed');
    expect(item.textContent).to.contain('invoice.pdf could not be uploaded.');
    expect(item.querySelector('.detail')!.textContent!.trim()).not.to.equal('');
    expect(liveText(el)).to.equal('invoice.pdf could not be uploaded.');
  });

  it('removes a ready file, fires cc-attachments-change and moves focus to the next item, then to Choose', async () => {
    const { el } = await setup();
    const result = await el.addFiles([png('a.png'), png('b.png')]);
    await result.uploaded;
    await el.updateComplete;
    expect(el.attachments.map((a) => a.name)).to.deep.equal(['a.png', 'b.png']);

    const changes = collect<CcAttachmentsChangeEvent>(el, CcAttachmentsChangeEvent.type);
    itemNamed(el, 'a.png')!.querySelector('button')!.click();
    await el.updateComplete;
    expect(changes).to.have.lengthOf(1);
    expect(changes[0]!.attachments.map((a) => a.name)).to.deep.equal(['b.png']);
    expectFocused(el, itemNamed(el, 'b.png')!.querySelector('button'));

    itemNamed(el, 'b.png')!.querySelector('button')!.click();
    await el.updateComplete;
    expect(items(el)).to.have.lengthOf(0);
    expect(el.attachments).to.deep.equal([]);
    expect(changes[1]!.attachments).to.deep.equal([]);
    expectFocused(el, chooseButton(el));
  });

  it('moves focus to the previous item when the last one is removed', async () => {
    const { el } = await setup();
    await el.addFiles([exe(), bigPdfCheap()]);
    await el.updateComplete;
    const [first, last] = items(el);
    last!.querySelector('button')!.click();
    await el.updateComplete;
    expectFocused(el, first!.querySelector('button'));
  });

  it('clear() empties the list and the attachments', async () => {
    const { el } = await setup();
    await (await el.addFiles([png(), exe()])).uploaded;
    await el.updateComplete;
    expect(items(el)).to.have.lengthOf(2);
    el.clear();
    await el.updateComplete;
    expect(items(el)).to.have.lengthOf(0);
    expect(el.attachments).to.deep.equal([]);
  });

  it('settled() waits for running uploads', async () => {
    const { el } = await setup({ latency: 100 });
    await el.addFiles([png()]);
    expect(el.busy).to.equal(true);
    expect(el.attachments).to.deep.equal([]);
    const refs = await el.settled();
    expect(refs.map((r) => r.name)).to.deep.equal(['photo.png']);
    expect(el.busy).to.equal(false);
  });

  it('keyboard: Tab reaches Choose files and Enter or Space opens the file input', async () => {
    const { el } = await setup();
    const clicks: Event[] = [];
    // preventDefault keeps the native chooser closed in the test browser.
    fileInput(el).addEventListener('click', (event) => {
      clicks.push(event);
      event.preventDefault();
    });
    await sendKeys({ press: 'Tab' });
    expectFocused(el, chooseButton(el));
    await sendKeys({ press: 'Enter' });
    expect(clicks).to.have.lengthOf(1);
    await sendKeys({ press: 'Space' });
    expect(clicks).to.have.lengthOf(2);
    // The input itself is not a second tab stop.
    expect(fileInput(el).hidden).to.equal(true);
    expect(fileInput(el).tabIndex).to.equal(-1);
  });

  it('open() opens the file input', async () => {
    const { el } = await setup();
    let clicked = false;
    fileInput(el).addEventListener('click', (event) => {
      clicked = true;
      event.preventDefault();
    });
    expect(el.open()).to.equal(true);
    expect(clicked).to.equal(true);
  });

  it('uploads files chosen in the file input', async () => {
    const { el, transport } = await setup();
    const data = new DataTransfer();
    data.items.add(pdf());
    const input = fileInput(el);
    input.files = data.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await el.settled();
    expect(transport.uploads.map((u) => u.meta.name)).to.deep.equal(['invoice.pdf']);
    expect(input.value).to.equal('');
  });

  it('takes files dropped on it and marks the drop as handled', async () => {
    const { el, transport } = await setup();
    const data = new DataTransfer();
    data.items.add(png());
    data.items.add(exe());
    const over = new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true, composed: true });
    el.dispatchEvent(over);
    expect(over.defaultPrevented).to.equal(true);
    const drop = new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true, composed: true });
    el.dispatchEvent(drop);
    expect(drop.defaultPrevented).to.equal(true);
    await waitUntil(() => transport.uploads.length === 1, 'dropped PNG was not uploaded');
    await el.settled();
    await el.updateComplete;
    expect(itemNamed(el, 'invoice.pdf.exe')!.dataset.state).to.equal('rejected');
  });

  it('ignores a drag that carries no files', async () => {
    const { el } = await setup();
    const data = new DataTransfer();
    data.setData('text/plain', 'hello');
    const over = new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true });
    el.dispatchEvent(over);
    expect(over.defaultPrevented).to.equal(false);
  });

  it('renders file names as text only', async () => {
    const { el } = await setup();
    const name = '<img src=x onerror="window.__pwned=1">.exe';
    await el.addFiles([new File(['x'], name)]);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('img') === null, 'a file name created an <img>').to.equal(true);
    expect(itemNamed(el, name)).to.exist;
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('shows a right-to-left override in a name instead of obeying it', async () => {
    const { el } = await setup();
    await el.addFiles([new File(['x'], 'invoice\u202Efdp.exe')]);
    await el.updateComplete;
    expect(items(el)[0]!.textContent).to.contain('invoice\uFFFDfdp.exe');
    expect(items(el)[0]!.textContent).not.to.contain('\u202E');
  });

  it('keeps a 5,000-character file name to a line or two, with the whole name in a tooltip and in the accessible names', async () => {
    const { el } = await setup();
    const name = `${'quarterly-report-'.repeat(294)}final.png`;
    expect(name.length).to.be.greaterThan(5000);
    const result = await el.addFiles([png(name), png('photo.png')]);
    await result.uploaded;
    await el.updateComplete;
    const [long, short] = items(el);
    // One line of a normal name is the yardstick: the long one may take two.
    expect(long!.getBoundingClientRect().height).to.be.at.most(short!.getBoundingClientRect().height * 2);
    const shown = long!.querySelector<HTMLElement>('[title]')!;
    expect(shown.title).to.equal(name);
    expect(shown.textContent).to.contain('final.png');
    expect(long!.querySelector('button')!.getAttribute('aria-label')).to.equal(`Remove ${name}`);
    const hidden = long!.querySelector('.visually-hidden')!;
    expect(hidden.textContent).to.contain(`${name} is ready to send`);
    await expect(el).to.be.accessible();
  });

  it('speaks Polish: reasons, button and announcement', async () => {
    const { el } = await setup({ lang: 'pl' });
    expect(chooseButton(el).textContent!.trim()).to.equal('Wybierz pliki');
    await el.addFiles([bigPdfCheap(), exe()]);
    await el.updateComplete;
    const reasons = [...el.shadowRoot!.querySelectorAll('[part="reason"]')].map((r) => r.textContent!.trim());
    expect(reasons).to.deep.equal([
      'big.pdf przekracza limit 5 MB.',
      'invoice.pdf.exe ukrywa prawdziwy typ za podwójnym rozszerzeniem.',
    ]);
    expect(liveText(el)).to.equal('Odrzucono 2 pliki');
  });

  it('follows the active conversation unless conversation-id is set', async () => {
    const { el, desk, transport, conversationId } = await setup();
    const other = transport.startConversation({ customer: { name: 'Jan Kowalski' } });
    await (await el.addFiles([png('first.png')])).uploaded;
    desk.setActive(other.id);
    await el.updateComplete;
    // Each conversation keeps its own list.
    expect(items(el)).to.have.lengthOf(0);
    await (await el.addFiles([png('second.png')])).uploaded;
    expect(transport.uploads.map((u) => [u.meta.name, u.meta.conversationId])).to.deep.equal([
      ['first.png', conversationId],
      ['second.png', other.id],
    ]);
    desk.setActive(conversationId);
    await el.updateComplete;
    expect(el.attachments.map((a) => a.name)).to.deep.equal(['first.png']);

    el.conversationId = other.id;
    await el.updateComplete;
    expect(el.attachments.map((a) => a.name)).to.deep.equal(['second.png']);
  });

  it('uses the conversation-id attribute', async () => {
    const { el, transport, conversationId, desk } = await setup({ conversationAttr: true });
    desk.setActive(undefined);
    await el.updateComplete;
    expect(el.available).to.equal(true);
    await (await el.addFiles([png()])).uploaded;
    expect(transport.uploads[0]!.meta.conversationId).to.equal(conversationId);
  });

  it('hides itself and refuses files when the transport cannot upload', async () => {
    const { el, transport } = await setup({ capabilities: { upload: false } });
    expect(getComputedStyle(el).display).to.equal('none');
    expect(chooseButton(el) === null, 'Choose button shown without upload capability').to.equal(true);
    expect(el.available).to.equal(false);
    expect(el.open()).to.equal(false);
    let error: unknown;
    try {
      await el.addFiles([png()]);
    } catch (caught) {
      error = caught;
    }
    expect(error).to.be.instanceOf(DeskError);
    expect((error as DeskError).code).to.equal('unsupported');
    expect((error as DeskError).message).to.contain('cannot send files');
    expect(transport.uploads).to.have.lengthOf(0);
  });

  it('hides itself when no conversation is open', async () => {
    const { el, desk } = await setup();
    desk.setActive(undefined);
    await el.updateComplete;
    expect(getComputedStyle(el).display).to.equal('none');
    desk.setActive(desk.$conversations.get()[Object.keys(desk.$conversations.get())[0]!]!.id);
    await el.updateComplete;
    expect(getComputedStyle(el).display).to.equal('block');
  });
});

describe('cc-attachment-picker: content sniffing', () => {
  it('refuses an executable named like a photo and a ZIP named like a PDF, and uploads a real PNG', async () => {
    const transport = new SimulatedTransport({ seed: 12 });
    const desk = testDesk({ transport });
    await desk.connect();
    desk.setActive(transport.startConversation().id);
    const el = await fixture<CcAttachmentPicker>(html`<cc-attachment-picker .desk=${desk}></cc-attachment-picker>`);
    // A Windows executable starts with "MZ" and a PE header; a ZIP with "PK\x03\x04".
    const pe = new Uint8Array(512);
    pe.set([0x4d, 0x5a]);
    pe.set([0x50, 0x45, 0, 0], 0x80);
    new DataView(pe.buffer).setUint32(0x3c, 0x80, true);
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0, ...new Array(40).fill(0)]);
    const png = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII='), (c) => c.charCodeAt(0));
    const result = await el.addFiles([
      new File([pe], 'holiday.jpg', { type: 'image/jpeg' }),
      new File([zip], 'invoice.pdf', { type: 'application/pdf' }),
      new File([png], 'label.png', { type: 'image/png' }),
    ]);
    expect(result.rejected.map((r) => r.reason)).to.deep.equal(['type-mismatch', 'type-mismatch']);
    await result.uploaded;
    expect(transport.uploads.map((u) => u.meta.name)).to.deep.equal(['label.png']);
    expect(el.shadowRoot!.textContent).to.contain('holiday.jpg is really a EXE file');
  });
});
