import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Desk } from '../../src/core/desk/desk.js';
import type { CrmRecord, RecordRef } from '../../src/core/records.js';
import { createMemoryStorage, type Storage } from '../../src/core/storage.js';
import type { Capabilities, Command } from '../../src/core/transport.js';
import '../../src/elements/conversation-notes/define.js';
import type { CcConversationNotes } from '../../src/elements/conversation-notes/conversation-notes.js';
import { MAX_NOTE_LENGTH } from '../../src/core/records.js';
import { CcAddNoteEvent } from '../../src/elements/events.js';
import { SimulatedTransport } from '../../src/transports/simulated/index.js';
import { dispose, testDesk, TestTransport } from '../harness.js';

const AGENT = { id: 'agent-ewa', name: 'Ewa Zielińska' };
const HOUR = 3_600_000;

const refOf = (record: CrmRecord): RecordRef => ({ kind: record.kind, id: record.id, title: record.title });

interface Setup {
  el: CcConversationNotes;
  desk: Desk;
  sim: SimulatedTransport;
  /** Every command that reached the simulator since the element was put on the page, in order. */
  commands: Command[];
  sent<T extends Command['type']>(type: T): Extract<Command, { type: T }>[];
  conversationId: string;
  /** The customer's contact in the simulated CRM. */
  contact: RecordRef;
  /** A case created from the conversation, as an agent would (F7). */
  kase: RecordRef;
}

interface SeedNote {
  on: 'contact' | 'case';
  text: string;
  author: string;
  /** How long ago, ms. */
  ago: number;
}

/**
 * A desk on the simulator with one active conversation that starts unlinked, the customer's contact
 * and a new case in the simulated CRM, optional notes on them, then the element.
 */
async function setup(
  options: {
    link?: ('contact' | 'case')[];
    notes?: SeedNote[];
    capabilities?: Partial<Capabilities>;
    lang?: string;
    storage?: Storage;
    /** Runs after linking and seeding, before the element is on the page. */
    prepare?: (context: { sim: SimulatedTransport; desk: Desk }) => Promise<void> | void;
  } = {},
): Promise<Setup> {
  let offset = 0;
  const sim = new SimulatedTransport({ seed: 11, now: () => Date.now() + offset, ...(options.capabilities ? { capabilities: options.capabilities } : {}) });
  const transport = new TestTransport({ sim, crm: 'simulator' });
  const desk = testDesk({ transport, storage: options.storage ?? 'memory', agent: AGENT });
  await desk.connect();
  const conversation = sim.startConversation({ customer: { name: 'Anna Nowak' }, links: {} });
  desk.setActive(conversation.id);
  const contact = refOf(sim.crm.contactOf(conversation.customer.id)!);
  const kase = options.capabilities?.records === false
    ? { kind: 'case' as const, id: 'none', title: 'none' }
    : refOf(await desk.createRecord(conversation.id, { kind: 'case', fields: { subject: 'Delayed shipment' } }));
  for (const which of options.link ?? []) await desk.link(conversation.id, which === 'case' ? kase : contact);
  for (const [i, note] of (options.notes ?? []).entries()) {
    offset = -note.ago;
    sim.crm.addNote({ target: note.on === 'case' ? kase : contact, text: note.text, author: note.author, clientId: `seed-${i}` });
  }
  offset = 0;
  await options.prepare?.({ sim, desk });
  transport.commands.length = 0;
  const el = await fixture<CcConversationNotes>(
    html`<cc-conversation-notes .desk=${desk} lang=${options.lang ?? 'en'}></cc-conversation-notes>`,
  );
  const sent = <T extends Command['type']>(type: T) => transport.executed(type);
  return { el, desk, sim, commands: transport.commands, sent, conversationId: conversation.id, contact, kase };
}

const $ = <T extends Element = HTMLElement>(el: CcConversationNotes, selector: string): T | null =>
  el.shadowRoot!.querySelector<T>(selector);
const textarea = (el: CcConversationNotes): HTMLTextAreaElement => $<HTMLTextAreaElement>(el, 'textarea')!;
const addButton = (el: CcConversationNotes): HTMLButtonElement => $<HTMLButtonElement>(el, '[part="add-button"]')!;
const noteTexts = (el: CcConversationNotes): string[] =>
  [...el.shadowRoot!.querySelectorAll('[part="note-text"]')].map((p) => p.textContent!);
const liveText = (el: CcConversationNotes): string => $(el, '[role="status"]')!.textContent!.trim();
const alertText = (el: CcConversationNotes): string | undefined => $(el, '[role="alert"]')?.textContent?.trim();
/** What a screen reader reads as the description of a control. */
const description = (el: CcConversationNotes, control: Element): string =>
  (control.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => el.shadowRoot!.getElementById(id)?.textContent?.trim() ?? `#${id} missing`)
    .join(' ');

async function loaded(el: CcConversationNotes): Promise<void> {
  await waitUntil(() => !$(el, '[part="message"].list-status') || !/Loading|Wczytywanie/.test($(el, '.list-status')!.textContent!), 'notes did not load');
  await el.updateComplete;
}

/** Types into the note field the way a user does: focus, then keys. */
async function typeNote(el: CcConversationNotes, text: string): Promise<void> {
  textarea(el).focus();
  await sendKeys({ type: text });
  await el.updateComplete;
}

async function ctrlEnter(): Promise<void> {
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: 'Enter' });
  await sendKeys({ up: 'Control' });
}


describe('cc-conversation-notes', () => {
  it('is defined', () => {
    expect(customElements.get('cc-conversation-notes')).to.exist;
  });

  it('lists the linked case’s notes newest first, as text with line breaks, and says where notes go', async () => {
    const { el, sent, kase } = await setup({
      link: ['contact', 'case'],
      notes: [
        { on: 'case', text: 'Customer called about the delay.', author: 'Marek', ago: 3 * HOUR },
        { on: 'case', text: 'Courier says Friday.\nPromised a call back.', author: 'Ewa', ago: 2 * HOUR },
        { on: 'case', text: '<img src=x onerror="window.pwned=1">', author: '<b>Mallory</b>', ago: HOUR },
      ],
    });
    await loaded(el);

    expect(sent('notes.list').map((c) => c.target)).to.deep.equal([kase]);
    expect($(el, '[part="target"]')!.textContent!.trim()).to.equal('Saved to case Delayed shipment');
    expect(noteTexts(el)).to.deep.equal([
      '<img src=x onerror="window.pwned=1">',
      'Courier says Friday.\nPromised a call back.',
      'Customer called about the delay.',
    ]);
    // Host- and customer-controlled text stays text.
    expect(el.shadowRoot!.querySelector('img, b')).to.equal(null);
    expect((window as { pwned?: number }).pwned).to.equal(undefined);
    const secondText = el.shadowRoot!.querySelectorAll('[part="note-text"]')[1]!;
    expect(getComputedStyle(secondText).whiteSpace).to.equal('pre-wrap');
    const firstMeta = $(el, '[part="note-meta"]')!;
    expect(firstMeta.textContent).to.contain('<b>Mallory</b>');
    const times = [...el.shadowRoot!.querySelectorAll('time')].map((t) => Date.parse(t.dateTime));
    expect(times).to.deep.equal([...times].sort((a, b) => b - a));
    expect($(el, '[part="list"]')!.getAttribute('aria-label')).to.equal('Notes');
    await expect(el).to.be.accessible();
  });

  it('keyboard only: Tab to the field, type, Ctrl+Enter saves to the case, lists the note and announces it', async () => {
    const { el, sim, sent, conversationId, kase } = await setup({ link: ['contact', 'case'] });
    await loaded(el);
    expect($(el, '.list-status')!.textContent!.trim()).to.equal('No notes yet.');
    const before = document.createElement('button');
    before.textContent = 'before';
    el.before(before);
    before.focus();
    const events: CcAddNoteEvent[] = [];
    el.addEventListener(CcAddNoteEvent.type, (e) => events.push(e));

    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(textarea(el));
    expect(description(el, textarea(el))).to.contain('Saved to case Delayed shipment');
    await sendKeys({ type: 'Refund approved.' });
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ type: 'Tracking sent' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ type: 'by e-mail.' });
    await el.updateComplete;
    expect(textarea(el).value).to.equal('Refund approved.\nTracking sent\nby e-mail.');
    expect($(el, '[part="counter"]')!.textContent!.trim()).to.equal(`41 / ${MAX_NOTE_LENGTH}`);
    expect(sent('notes.add')).to.have.lengthOf(0);

    await ctrlEnter();
    await waitUntil(() => noteTexts(el).length === 1, 'the note was not listed');
    await el.updateComplete;

    const [add] = sent('notes.add');
    expect(add!.target).to.deep.equal(kase);
    expect(add!.conversationId).to.equal(conversationId);
    expect(add!.text).to.equal('Refund approved.\nTracking sent\nby e-mail.');
    expect(sim.crm.notes(kase).map((n) => [n.text, n.author])).to.deep.equal([['Refund approved.\nTracking sent\nby e-mail.', 'Ewa Zielińska']]);
    expect(events).to.have.lengthOf(1);
    expect(events[0]!.cancelable && events[0]!.composed && events[0]!.bubbles).to.equal(true);
    expect(events[0]!.record).to.deep.equal(kase);
    expect(events[0]!.conversationId).to.equal(conversationId);
    expect(noteTexts(el)).to.deep.equal(['Refund approved.\nTracking sent\nby e-mail.']);
    expect($(el, '.author')!.textContent).to.equal('Ewa Zielińska');
    expect(textarea(el).value).to.equal('');
    expect(liveText(el)).to.equal('Note saved');
    expect(el.shadowRoot!.activeElement).to.equal(textarea(el));
    before.remove();
  });

  it('the Add note button saves too, and keeps focus in the element', async () => {
    const { el, sent } = await setup({ link: ['case'] });
    await loaded(el);
    await typeNote(el, 'Short one.');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(addButton(el));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => noteTexts(el).length === 1, 'the note was not listed');
    expect(sent('notes.add')).to.have.lengthOf(1);
    // With the field empty the button cannot save, but it stays focusable rather than dropping focus.
    expect(addButton(el).getAttribute('aria-disabled')).to.equal('true');
    expect(el.shadowRoot!.activeElement).to.equal(addButton(el));
  });

  it('falls back to the linked contact when no case is linked', async () => {
    const { el, sim, sent, desk, conversationId, contact, kase } = await setup({
      link: ['contact'],
      notes: [{ on: 'contact', text: 'Prefers e-mail.', author: 'Marek', ago: 72 * HOUR }],
    });
    await loaded(el);
    const onContact = sim.crm.notes(contact).map((n) => n.text);
    expect(onContact).to.include('Prefers e-mail.');
    expect($(el, '[part="target"]')!.textContent!.trim()).to.equal('Saved to contact Anna Nowak');
    expect(noteTexts(el)).to.deep.equal([...onContact].reverse());
    await typeNote(el, 'Asked about the invoice.');
    await ctrlEnter();
    await waitUntil(() => sent('notes.add').length === 1);
    expect(sent('notes.add')[0]!.target).to.deep.equal(contact);
    await waitUntil(() => noteTexts(el).length === onContact.length + 1);
    expect(noteTexts(el)[0]).to.equal('Asked about the invoice.');
    expect(sim.crm.notes(kase)).to.deep.equal([]);

    // Linking a case later moves the target: its notes are loaded and new notes go there.
    await desk.link(conversationId, kase);
    await el.updateComplete;
    await loaded(el);
    expect($(el, '[part="target"]')!.textContent!.trim()).to.equal('Saved to case Delayed shipment');
    expect(sent('notes.list').map((c) => c.target.kind)).to.deep.equal(['contact', 'case']);
    expect(noteTexts(el)).to.deep.equal([]);
  });

  it('with nothing linked: explains why, keeps drafting possible, Add is disabled and sends nothing', async () => {
    const { el, sent, desk, conversationId, contact } = await setup();
    await el.updateComplete;
    const message = $(el, '#no-link')!;
    expect(message.textContent!.trim()).to.equal('Link a contact or a case to this conversation to add notes.');
    expect(sent('notes.list')).to.have.lengthOf(0);
    expect($(el, '[part="list"]')).to.equal(null);

    await typeNote(el, 'Draft before linking');
    expect(textarea(el).value).to.equal('Draft before linking');
    expect(addButton(el).getAttribute('aria-disabled')).to.equal('true');
    expect(description(el, addButton(el))).to.equal('Link a contact or a case to this conversation to add notes.');
    expect(description(el, textarea(el))).to.contain('Link a contact or a case');
    await ctrlEnter();
    addButton(el).click();
    await desk.settled();
    await el.updateComplete;
    expect(sent('notes.add')).to.have.lengthOf(0);
    expect(textarea(el).value).to.equal('Draft before linking');
    await expect(el).to.be.accessible();

    // Once a contact is linked the same draft can be saved.
    await desk.link(conversationId, contact);
    await el.updateComplete;
    expect($(el, '#no-link')).to.equal(null);
    expect(addButton(el).getAttribute('aria-disabled')).to.equal('false');
  });

  it('a cancelled cc-add-note sends nothing and keeps the text', async () => {
    const { el, desk, sent } = await setup({ link: ['case'] });
    await loaded(el);
    const intents: CcAddNoteEvent[] = [];
    el.addEventListener(CcAddNoteEvent.type, (e) => {
      intents.push(e);
      e.preventDefault();
    });
    await typeNote(el, 'Vetoed by the host');
    await ctrlEnter();
    await desk.settled();
    await el.updateComplete;
    expect(intents).to.have.lengthOf(1);
    expect(sent('notes.add')).to.have.lengthOf(0);
    expect(textarea(el).value).to.equal('Vetoed by the host');
    expect(noteTexts(el)).to.deep.equal([]);
    expect(liveText(el)).to.equal('');
  });

  it('a failed save keeps the text and shows an error; saving again works', async () => {
    const { el, desk, sent, sim, kase } = await setup({ link: ['case'] });
    await loaded(el);
    await typeNote(el, 'Will fail once');
    await desk.disconnect();
    await ctrlEnter();
    await waitUntil(() => alertText(el) !== undefined, 'no error shown');
    expect(alertText(el)).to.equal('The note was not saved. Your text is kept: try again.');
    expect($(el, '[role="alert"]')!.getAttribute('part')).to.equal('error');
    expect(textarea(el).value).to.equal('Will fail once');
    expect(noteTexts(el)).to.deep.equal([]);
    expect(liveText(el)).to.equal('');
    await expect(el).to.be.accessible();

    await desk.connect();
    await ctrlEnter();
    await waitUntil(() => noteTexts(el).length === 1);
    await el.updateComplete;
    expect(alertText(el)).to.equal(undefined);
    expect(textarea(el).value).to.equal('');
    expect(sent('notes.add')).to.have.lengthOf(2);
    expect(sim.crm.notes(kase).map((n) => n.text)).to.deep.equal(['Will fail once']);
  });

  it('a failed load shows an error with Retry, which loads the notes', async () => {
    const { el, desk, sent } = await setup({
      link: ['case'],
      notes: [{ on: 'case', text: 'Older note', author: 'Marek', ago: 1000 }],
      prepare: ({ desk }) => desk.disconnect(),
    });
    await waitUntil(() => alertText(el) !== undefined, 'no load error shown');
    expect(alertText(el)).to.equal('The notes could not be loaded.');
    await expect(el).to.be.accessible();
    await desk.connect();
    const retry = $<HTMLButtonElement>(el, '[part="retry-button"]')!;
    retry.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => noteTexts(el).length === 1, 'retry did not load the notes');
    expect(sent('notes.list')).to.have.lengthOf(2);
    expect(alertText(el)).to.equal(undefined);
    // The Retry button went away; focus went to the note field, not to the page.
    expect(el.shadowRoot!.activeElement).to.equal(textarea(el));
  });

  it('shows loading while the notes are on their way', async () => {
    const { el } = await setup({ link: ['case'], prepare: ({ sim }) => void (sim.latency = 200) });
    await el.updateComplete;
    expect($(el, '.list-status')!.textContent!.trim()).to.equal('Loading notes…');
    await loaded(el);
    expect($(el, '.list-status')!.textContent!.trim()).to.equal('No notes yet.');
  });

  it('counts characters and refuses a note over 4,000 characters', async () => {
    const { el, desk, sent } = await setup({ link: ['case'] });
    await loaded(el);
    textarea(el).focus();
    textarea(el).value = 'x'.repeat(MAX_NOTE_LENGTH + 2);
    textarea(el).dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect($(el, '[part="counter"]')!.textContent).to.contain(`${MAX_NOTE_LENGTH + 2} / ${MAX_NOTE_LENGTH}`);
    expect(alertText(el)).to.equal('2 characters too many');
    expect(textarea(el).getAttribute('aria-invalid')).to.equal('true');
    expect(addButton(el).getAttribute('aria-disabled')).to.equal('true');
    expect(description(el, addButton(el))).to.contain('2 characters too many');
    await ctrlEnter();
    await desk.settled();
    expect(sent('notes.add')).to.have.lengthOf(0);
  });

  it('the draft survives a reload (a new desk over the same storage)', async () => {
    const storage = createMemoryStorage();
    const first = await setup({ link: ['case'], storage });
    const stored = () => first.desk.getNoteDraft(first.conversationId);
    await typeNote(first.el, 'Half-written note');
    // Saved after a short pause in typing, not on every key.
    await waitUntil(async () => (await stored()) === 'Half-written note', 'the draft was not saved after a pause');
    await typeNote(first.el, ', then more');
    // Leaving the page (disconnect) keeps the latest text without waiting for the pause: the desk goes at once.
    first.el.remove();
    dispose(first.desk);

    const second = await setup({ link: ['case'], storage });
    expect(second.conversationId).to.equal(first.conversationId);
    await waitUntil(() => textarea(second.el).value !== '', 'the draft was not restored');
    expect(textarea(second.el).value).to.equal('Half-written note, then more');

    // Saving clears the stored draft too.
    textarea(second.el).focus();
    await ctrlEnter();
    await waitUntil(() => noteTexts(second.el).length === 1);
    await waitUntil(async () => (await second.desk.getNoteDraft(second.conversationId)) === '', 'the stored draft was not cleared');
  });

  it('keeps a draft per conversation when the active conversation changes', async () => {
    const { el, desk, sim, conversationId } = await setup({ link: ['case'] });
    await loaded(el);
    await typeNote(el, 'About the first customer');
    const other = sim.startConversation({ customer: { name: 'Jan Kowalski' }, links: {} });
    desk.setActive(other.id);
    await el.updateComplete;
    expect(textarea(el).value).to.equal('');
    expect($(el, '#no-link')).to.exist;
    desk.setActive(conversationId);
    await waitUntil(() => textarea(el).value === 'About the first customer', 'draft not restored');
  });

  it('follows conversation-id instead of the active conversation', async () => {
    const { desk, sim, conversationId } = await setup({ link: ['case'] });
    const other = sim.startConversation({ customer: { name: 'Jan Kowalski' }, links: {} });
    await desk.link(other.id, refOf(sim.crm.contactOf(other.customer.id)!));
    const el = await fixture<CcConversationNotes>(
      html`<cc-conversation-notes .desk=${desk} conversation-id=${other.id}></cc-conversation-notes>`,
    );
    await loaded(el);
    expect(desk.$activeConversationId.get()).to.equal(conversationId);
    expect($(el, '[part="target"]')!.textContent!.trim()).to.equal('Saved to contact Jan Kowalski');
  });

  it('says so when the transport has no notes, and sends nothing', async () => {
    const { el, sent } = await setup({ link: ['case'], capabilities: { notes: false } });
    await el.updateComplete;
    expect($(el, '[part="message"]')!.textContent!.trim()).to.equal('Notes are not available.');
    expect($(el, 'textarea')).to.equal(null);
    expect(el.matches(':state(unavailable)')).to.equal(true);
    expect(sent('notes.list')).to.have.lengthOf(0);
  });

  it('speaks Polish', async () => {
    const { el } = await setup({
      lang: 'pl',
      link: ['case'],
      notes: [{ on: 'case', text: 'Klient prosi o zwrot.', author: 'Ewa', ago: 1000 }],
    });
    await loaded(el);
    expect($(el, '[part="target"]')!.textContent!.trim()).to.equal('Zapisywane w sprawie Delayed shipment');
    expect($(el, 'label')!.textContent!.trim()).to.equal('Nowa notatka');
    expect(addButton(el).textContent!.trim()).to.equal('Dodaj notatkę');
    expect($(el, '[part="list"]')!.getAttribute('aria-label')).to.equal('Notatki');
    textarea(el).value = 'x'.repeat(MAX_NOTE_LENGTH + 5);
    textarea(el).dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(alertText(el)).to.equal('5 znaków za dużo');
    textarea(el).value = 'Zwrot zatwierdzony';
    textarea(el).dispatchEvent(new Event('input'));
    await el.updateComplete;
    textarea(el).focus();
    await ctrlEnter();
    await waitUntil(() => liveText(el) !== '');
    expect(liveText(el)).to.equal('Notatka zapisana');

    const unlinked = await setup({ lang: 'pl' });
    await unlinked.el.updateComplete;
    expect($(unlinked.el, '#no-link')!.textContent!.trim()).to.equal(
      'Powiąż kontakt lub sprawę z tą rozmową, aby dodawać notatki.',
    );
  });
});
