import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Desk } from '../../src/core/desk/desk.js';
import { DeskError } from '../../src/core/errors.js';
import { TransportError, type Capabilities } from '../../src/core/transport.js';
import '../../src/elements/record-create/define.js';
import type { CcRecordCreate } from '../../src/elements/record-create/record-create.js';
import { CcCancelEvent, CcCreateRecordEvent, CcLinkEvent, CcRecordCreatedEvent } from '../../src/elements/events.js';
import { loadCatalog } from '../../src/i18n/index.js';
import { SimulatedTransport } from '../../src/transports/simulated/index.js';
import { testDesk, TestTransport } from '../harness.js';

interface Setup {
  el: CcRecordCreate;
  desk: Desk;
  transport: TestTransport;
  conversationId: string;
}

async function setup(
  options: {
    kind?: 'case' | 'contact';
    name?: string;
    firstMessage?: string;
    lang?: string;
    capabilities?: Partial<Capabilities>;
    noConversation?: boolean;
  } = {},
): Promise<Setup> {
  const sim = new SimulatedTransport({ seed: 5 });
  const transport = new TestTransport({ sim, ...(options.capabilities ? { capabilities: options.capabilities } : {}) });
  const desk = testDesk({ transport, agent: { id: 'a1', name: 'Ewa' } });
  await desk.connect();
  const conversation = sim.startConversation({
    locale: 'en',
    customer: { name: options.name ?? 'Anna Maria Nowak' },
    firstMessage: options.firstMessage ?? 'My parcel arrived damaged.',
  });
  if (!options.noConversation) desk.setActive(conversation.id);
  // Polish loads on first use; loading it first keeps the test from reading a moment of English.
  if (options.lang) await loadCatalog(options.lang);
  const el = await fixture<CcRecordCreate>(
    html`<cc-record-create .desk=${desk} kind=${options.kind ?? 'case'} lang=${options.lang ?? 'en'}></cc-record-create>`,
  );
  return { el, desk, transport, conversationId: conversation.id };
}

const control = <T extends HTMLElement = HTMLInputElement>(el: CcRecordCreate, name: string): T =>
  el.shadowRoot!.querySelector<T>(`[name="${name}"]`)!;
const errorOf = (el: CcRecordCreate, name: string): string | null => {
  const describedBy = control(el, name).getAttribute('aria-describedby');
  return describedBy ? el.shadowRoot!.getElementById(describedBy)!.textContent : null;
};
/** The alert's paragraphs and list items, one space apart. */
const alertText = (el: CcRecordCreate): string =>
  [...el.shadowRoot!.querySelectorAll('[role="alert"] :is(p, li)')].map((node) => node.textContent!.trim()).join(' ');
const submit = (el: CcRecordCreate): HTMLButtonElement => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit"]')!;
const focusedName = (el: CcRecordCreate): string | null | undefined => el.shadowRoot!.activeElement?.getAttribute('name');

/** Sets a control's value as typing would. */
async function fill(el: CcRecordCreate, name: string, value: string): Promise<void> {
  const target = control<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(el, name);
  target.value = value;
  target.dispatchEvent(new Event(target instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  await el.updateComplete;
}

describe('cc-record-create', () => {
  it('prefills a contact from the customer name', async () => {
    const { el } = await setup({ kind: 'contact' });
    expect(control(el, 'firstName').value).to.equal('Anna Maria');
    expect(control(el, 'lastName').value).to.equal('Nowak');
    expect(control(el, 'email').value).to.equal('');
    expect(control(el, 'email').type).to.equal('email');
    expect(control(el, 'phone').type).to.equal('tel');
    expect(control<HTMLInputElement>(el, 'link').checked).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('takes a one-word customer name as the first name, leaving the required last name to the agent', async () => {
    const { el } = await setup({ kind: 'contact', name: 'Kasia' });
    expect(control(el, 'firstName').value).to.equal('Kasia');
    expect(control(el, 'lastName').value).to.equal('');
  });

  it('prefills a case from the conversation: subject from the first customer message (≤ 200 chars), a transcript excerpt, normal priority', async () => {
    const long = `Hello, ${'the parcel arrived with a torn box and a broken lid, '.repeat(6)}please help.`;
    const { el, transport, conversationId } = await setup({ firstMessage: long });
    transport.sim.customerSays(conversationId, 'Order 5521.');
    await waitUntil(() => control<HTMLTextAreaElement>(el, 'description').value.includes('Order 5521.'), 'later message not in the excerpt');
    const subject = control(el, 'subject').value;
    expect(long.length).to.be.greaterThan(200);
    expect(subject.length).to.be.at.most(200);
    expect(subject.startsWith('Hello, the parcel arrived with a torn box')).to.equal(true);
    expect(subject.endsWith('…')).to.equal(true);
    const description = control<HTMLTextAreaElement>(el, 'description').value.split('\n');
    expect(description[0]!.startsWith('Anna Maria Nowak: Hello, the parcel')).to.equal(true);
    expect(description[1]).to.equal('Anna Maria Nowak: Order 5521.');
    expect(control<HTMLSelectElement>(el, 'priority').value).to.equal('normal');
  });

  it('keeps what the agent typed when more messages arrive', async () => {
    const { el, desk, transport, conversationId } = await setup();
    control(el, 'subject').focus();
    await sendKeys({ type: ' (urgent)' });
    transport.sim.customerSays(conversationId, 'Any news?');
    await waitUntil(() => desk.messages(conversationId).get().some((m) => m.text === 'Any news?'), 'the message never arrived');
    await el.updateComplete;
    expect(control(el, 'subject').value).to.equal('My parcel arrived damaged. (urgent)');
  });

  it('validates a field when the agent leaves it, with aria-invalid and a described error', async () => {
    const { el } = await setup();
    await fill(el, 'subject', '   ');
    expect(control(el, 'subject').getAttribute('aria-invalid')).to.equal('false');
    control(el, 'subject').focus();
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(control(el, 'subject').getAttribute('aria-invalid')).to.equal('true');
    expect(errorOf(el, 'subject')).to.equal('Subject is required.');
    // Fixed as soon as it is valid again.
    await fill(el, 'subject', 'Broken lid');
    expect(control(el, 'subject').getAttribute('aria-invalid')).to.equal('false');
    expect(errorOf(el, 'subject')).to.equal(null);
  });

  it('an empty subject blocks submit, shows a summary and focuses the subject; accessible with errors', async () => {
    const { el, transport } = await setup();
    const intents: CcCreateRecordEvent[] = [];
    el.addEventListener(CcCreateRecordEvent.type, (e) => intents.push(e));
    await fill(el, 'subject', '');
    submit(el).click();
    await waitUntil(() => focusedName(el) === 'subject', 'subject not focused');
    expect(alertText(el)).to.equal('Fix 1 field to create the record: Subject is required.');
    expect(errorOf(el, 'subject')).to.equal('Subject is required.');
    expect(intents).to.have.lengthOf(0);
    expect(transport.executed('records.create')).to.have.lengthOf(0);
    await expect(el).to.be.accessible();
  });

  it('a bad e-mail and a missing last name block submit; focus goes to the first invalid field', async () => {
    const { el, transport } = await setup({ kind: 'contact' });
    await fill(el, 'lastName', '');
    await fill(el, 'email', 'anna@');
    await fill(el, 'phone', 'call me');
    submit(el).click();
    await waitUntil(() => focusedName(el) === 'lastName', 'last name not focused');
    expect(errorOf(el, 'lastName')).to.equal('Last name is required.');
    expect(errorOf(el, 'email')).to.equal('Enter an e-mail address such as name@example.com.');
    expect(errorOf(el, 'phone')).to.contain('Enter a phone number');
    expect(errorOf(el, 'firstName')).to.equal(null);
    expect(alertText(el)).to.contain('Fix 3 fields to create the record:');
    expect(transport.commands.filter((c) => c.type.startsWith('records.'))).to.have.lengthOf(0);
    await expect(el).to.be.accessible();

    // Only the e-mail left: focus goes there.
    await fill(el, 'lastName', 'Nowak');
    await fill(el, 'phone', '');
    submit(el).click();
    await waitUntil(() => focusedName(el) === 'email', 'e-mail not focused');
    expect(alertText(el)).to.contain('Fix 1 field');
  });

  it('says how long a field may be', async () => {
    const { el } = await setup();
    await fill(el, 'subject', 'x'.repeat(201));
    submit(el).click();
    await el.updateComplete;
    expect(errorOf(el, 'subject')).to.equal('Subject can be at most 200 characters long.');
  });

  it('creates a valid case and links it, then resets', async () => {
    const { el, transport, desk, conversationId } = await setup();
    const intents: CcCreateRecordEvent[] = [];
    const links: CcLinkEvent[] = [];
    const created: CcRecordCreatedEvent[] = [];
    el.addEventListener(CcCreateRecordEvent.type, (e) => intents.push(e));
    el.addEventListener(CcLinkEvent.type, (e) => links.push(e));
    el.addEventListener(CcRecordCreatedEvent.type, (e) => created.push(e));
    await fill(el, 'subject', '  Broken lid  ');
    await fill(el, 'description', '');
    await fill(el, 'priority', 'high');
    submit(el).click();
    await waitUntil(() => created.length === 1, 'not created');

    expect(intents).to.have.lengthOf(1);
    expect(intents[0]!.conversationId).to.equal(conversationId);
    expect(intents[0]!.record).to.deep.equal({ kind: 'case', fields: { subject: 'Broken lid', priority: 'high' } });
    const [command] = transport.executed('records.create');
    expect(command!.record).to.deep.equal(intents[0]!.record);
    expect(command!.conversationId).to.equal(conversationId);
    expect(links).to.have.lengthOf(1);
    expect(transport.executed('records.link')[0]!.record.id).to.equal(created[0]!.record.id);
    expect(created[0]!.linked).to.equal(true);
    expect(created[0]!.cancelable).to.equal(false);
    expect(desk.$conversations.get()[conversationId]!.links?.case?.title).to.equal('Broken lid');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal('Case “Broken lid” created and linked.');
    // Reset to what the conversation suggests.
    expect(control(el, 'subject').value).to.equal('My parcel arrived damaged.');
    expect(control<HTMLSelectElement>(el, 'priority').value).to.equal('normal');
  });

  it('creates without linking when the box is unticked', async () => {
    const { el, transport } = await setup({ kind: 'contact' });
    const created: CcRecordCreatedEvent[] = [];
    el.addEventListener(CcRecordCreatedEvent.type, (e) => created.push(e));
    control<HTMLInputElement>(el, 'link').click();
    await fill(el, 'email', 'anna@example.com');
    submit(el).click();
    await waitUntil(() => created.length === 1);
    expect(transport.executed('records.create')[0]!.record).to.deep.equal({
      kind: 'contact',
      fields: { firstName: 'Anna Maria', lastName: 'Nowak', email: 'anna@example.com' },
    });
    expect(transport.executed('records.link')).to.have.lengthOf(0);
    expect(created[0]!.linked).to.equal(false);
  });

  it('a cancelled cc-create-record creates nothing and keeps the input', async () => {
    const { el, desk, transport } = await setup();
    el.addEventListener(CcCreateRecordEvent.type, (e) => e.preventDefault());
    await fill(el, 'subject', 'Kept');
    submit(el).click();
    await desk.settled();
    await el.updateComplete;
    expect(transport.executed('records.create')).to.have.lengthOf(0);
    expect(control(el, 'subject').value).to.equal('Kept');
  });

  it('a cancelled cc-link creates the record but does not link it', async () => {
    const { el, transport } = await setup();
    const created: CcRecordCreatedEvent[] = [];
    el.addEventListener(CcRecordCreatedEvent.type, (e) => created.push(e));
    el.addEventListener(CcLinkEvent.type, (e) => e.preventDefault());
    submit(el).click();
    await waitUntil(() => created.length === 1);
    expect(transport.executed('records.create')).to.have.lengthOf(1);
    expect(transport.executed('records.link')).to.have.lengthOf(0);
    expect(created[0]!.linked).to.equal(false);
  });

  it('shows the CRM refusing the record ("invalid") and keeps the input', async () => {
    const { el, transport } = await setup();
    const created: CcRecordCreatedEvent[] = [];
    el.addEventListener(CcRecordCreatedEvent.type, (e) => created.push(e));
    transport.failNext('records.create', new TransportError('invalid', 'A case with this subject is already open: CS-00412.'));
    await fill(el, 'subject', 'Duplicate');
    submit(el).click();
    await waitUntil(() => alertText(el).length > 0, 'no error shown');
    // The CRM's own message is not the agent's language: the catalog's text stands alone.
    expect(alertText(el)).to.equal('The CRM did not accept some fields. Fix them and try again.');
    expect(created).to.have.lengthOf(0);
    expect(control(el, 'subject').value).to.equal('Duplicate');
    expect(submit(el).getAttribute('aria-disabled')).to.equal('false');
    await expect(el).to.be.accessible();
  });

  it('shows field errors the desk reports (DeskError invalid) next to the fields', async () => {
    const { el, transport } = await setup({ kind: 'contact' });
    transport.failNext('records.create', new DeskError('invalid', 'Some fields are not valid.', { email: 'email' }));
    submit(el).click();
    await waitUntil(() => focusedName(el) === 'email', 'e-mail not focused');
    expect(errorOf(el, 'email')).to.equal('Enter an e-mail address such as name@example.com.');
    expect(alertText(el)).to.contain('The CRM did not accept some fields.');
    expect(alertText(el)).to.contain('Fix 1 field to create the record:');
    await fill(el, 'email', 'anna@example.com');
    expect(errorOf(el, 'email')).to.equal(null);
  });

  it('shows a network failure with what to do', async () => {
    const { el, transport } = await setup();
    transport.failNext('records.create', new TransportError('network', 'socket closed'));
    submit(el).click();
    await waitUntil(() => alertText(el).length > 0);
    expect(alertText(el)).to.equal('The record could not be created. No connection to the server. Check the connection and try again.');
  });

  it('says when the record was created but linking failed', async () => {
    const { el, transport } = await setup();
    const created: CcRecordCreatedEvent[] = [];
    el.addEventListener(CcRecordCreatedEvent.type, (e) => created.push(e));
    transport.failNext('records.link', new TransportError('network', 'offline'));
    submit(el).click();
    await waitUntil(() => created.length === 1);
    expect(created[0]!.linked).to.equal(false);
    expect(created[0]!.linkFailed).to.equal(true);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('was created but could not be linked');
  });

  it('Cancel fires cc-cancel and puts the prefill back', async () => {
    const { el } = await setup();
    const cancels: CcCancelEvent[] = [];
    el.addEventListener(CcCancelEvent.type, (e) => cancels.push(e));
    await fill(el, 'subject', '');
    submit(el).click();
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="cancel"]')!.click();
    await el.updateComplete;
    expect(cancels).to.have.lengthOf(1);
    expect(control(el, 'subject').value).to.equal('My parcel arrived damaged.');
    expect(alertText(el)).to.equal('');
  });

  it('without a conversation: no prefill and no link box', async () => {
    const { el, transport } = await setup({ noConversation: true });
    expect(control(el, 'subject').value).to.equal('');
    expect(control(el, 'link') === null, 'the link box is shown').to.equal(true);
    await fill(el, 'subject', 'Standalone');
    submit(el).click();
    await waitUntil(() => transport.executed('records.create').length === 1);
    expect(transport.executed('records.create')[0]!.conversationId).to.equal(undefined);
  });

  it('hides itself when the transport has no records', async () => {
    const { el } = await setup({ capabilities: { records: false } });
    expect(getComputedStyle(el).display).to.equal('none');
    expect(el.shadowRoot!.querySelector('form') === null, 'the form is rendered').to.equal(true);
  });

  it('speaks Polish', async () => {
    const { el } = await setup({ lang: 'pl', kind: 'contact' });
    expect(el.shadowRoot!.querySelector('.title')!.textContent).to.equal('Nowy kontakt');
    expect(el.shadowRoot!.querySelector('label[for="field-lastName"]')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Nazwisko (wymagane)');
    await fill(el, 'lastName', '');
    await fill(el, 'email', 'x@');
    submit(el).click();
    await waitUntil(() => focusedName(el) === 'lastName');
    expect(errorOf(el, 'lastName')).to.equal('Pole „Nazwisko” jest wymagane.');
    expect(errorOf(el, 'email')).to.equal('Wpisz adres e-mail, np. jan@example.com.');
    expect(alertText(el)).to.contain('Popraw 2 pola, aby utworzyć rekord:');
    await expect(el).to.be.accessible();
  });
});
