import { expect } from '@open-wc/testing';
import type { Desk } from '../../src/core/desk/desk.js';
import { DeskError } from '../../src/core/errors.js';
import type { Conversation } from '../../src/core/model.js';
import type { CrmRecord, Note, RecordRef } from '../../src/core/records.js';
import { validateNewRecord } from '../../src/core/records.js';
import { createMemoryStorage } from '../../src/core/storage.js';
import { dispose, testDesk, TestTransport } from '../harness.js';

const conversation: Conversation = {
  id: 'c1',
  customer: { id: 'cust-1', name: 'Łucja Żak' },
  channel: 'facebook',
  queue: 'Orders',
  state: 'active',
  requestedAt: 1000,
};
const contact: RecordRef = { kind: 'contact', id: 'ct-1', title: 'Łucja Żak' };
const account: RecordRef = { kind: 'account', id: 'ac-1', title: 'Żak Sp. z o.o.' };
const kase: RecordRef = { kind: 'case', id: 'cs-1', title: 'Parcel late' };

/** A fake CRM: link/unlink keep links on the conversation like a real backend would. */
function crm(transport: TestTransport): void {
  let current = conversation;
  transport.on('records.link', (c) => {
    current = { ...current, links: { ...current.links, [c.record.kind === 'case' ? 'case' : 'customer']: c.record } };
    return { conversation: current };
  });
  transport.on('records.unlink', (c) => {
    const links = { ...current.links };
    delete links[c.slot];
    current = { ...current, links };
    return { conversation: current };
  });
  transport.on('records.search', () => ({ records: [{ ...contact, subtitle: 'lucja@example.com' } as CrmRecord] }));
  transport.on('records.create', (c) => ({ record: { kind: c.record.kind, id: 'new-1', title: 'created' } as CrmRecord }));
  transport.on('notes.add', (c) => ({ note: { id: `n-${c.clientId}`, target: c.target, text: c.text, author: 'Agent', at: 5 } as Note }));
  transport.on('notes.list', () => ({ notes: [{ id: 'n2', target: kase, text: 'later', author: 'A', at: 20 }, { id: 'n1', target: kase, text: 'earlier', author: 'A', at: 10 }] }));
}

async function setup(capabilities = { records: true, notes: true }): Promise<{ desk: Desk; transport: TestTransport }> {
  const transport = new TestTransport({ capabilities });
  crm(transport);
  const desk = testDesk({ transport });
  await desk.connect();
  transport.emit({ type: 'conversation.updated', conversation });
  return { desk, transport };
}

describe('Desk: records, notes and timeline', () => {
  it('links one contact-or-account and one case; a second contact replaces the first; unlink sends no delete', async () => {
    const { desk, transport } = await setup();
    await desk.link('c1', contact);
    await desk.link('c1', kase);
    expect(desk.$conversations.get()['c1']!.links).to.deep.equal({ customer: contact, case: kase });
    await desk.link('c1', account);
    expect(desk.$conversations.get()['c1']!.links!.customer).to.deep.equal(account);
    await desk.unlink('c1', 'case');
    expect(desk.$conversations.get()['c1']!.links!.case).to.equal(undefined);
    expect(transport.agentCommands.map((c) => c.type)).to.deep.equal(['records.link', 'records.link', 'records.link', 'records.unlink']);
  });

  it('saves notes to the linked case, else the linked contact, and refuses with no link', async () => {
    const { desk, transport } = await setup();
    const refused = await desk.addNote('c1', 'hello').catch((e: unknown) => e);
    expect(refused).to.be.instanceOf(DeskError);
    expect((refused as DeskError).code).to.equal('no-link');
    expect(transport.executed('notes.add')).to.have.length(0);
    await desk.link('c1', contact);
    expect(desk.noteTarget('c1')).to.deep.equal(contact);
    await desk.link('c1', kase);
    expect(desk.noteTarget('c1')).to.deep.equal(kase);
    const note = await desk.addNote('c1', 'Customer called back');
    expect(transport.executed('notes.add')[0]!.target).to.deep.equal(kase);
    expect(desk.notes(kase).get()).to.deep.equal([note]);
    const tooLong = (await desk.addNote('c1', 'x'.repeat(4001)).catch((e: unknown) => e)) as DeskError;
    expect(tooLong.code).to.equal('too-long');
    expect(transport.executed('notes.add')).to.have.length(1);
    await desk.loadNotes(kase);
    expect(desk.notes(kase).get().map((n) => n.text)).to.deep.equal(['earlier', 'later']);
  });

  it('validates a quick-created record before sending anything', async () => {
    const { desk, transport } = await setup();
    const error = (await desk.createRecord('c1', { kind: 'contact', fields: { lastName: '', email: 'nope' } }).catch((e: unknown) => e)) as DeskError;
    expect(error.code).to.equal('invalid');
    expect(error.fieldErrors).to.deep.equal({ lastName: 'required', email: 'email' });
    expect(transport.executed('records.create')).to.have.length(0);
    await desk.createRecord('c1', { kind: 'case', fields: { subject: 'Parcel late', priority: 'high' } });
    expect(transport.executed('records.create')[0]!.clientId).to.be.a('string');
  });

  it('refuses records and notes when the transport lacks them', async () => {
    const { desk, transport } = await setup({ records: false, notes: false });
    for (const attempt of [desk.searchRecords('x'), desk.link('c1', contact), desk.loadNotes(kase)]) {
      const error = (await (attempt as Promise<unknown>).catch((e: unknown) => e)) as DeskError;
      expect(error.code).to.equal('unsupported');
    }
    expect(transport.agentCommands).to.have.length(0);
  });

  it('keeps a timeline of states, links and notes', async () => {
    const { desk } = await setup();
    await desk.link('c1', kase);
    await desk.addNote('c1', 'n');
    await desk.unlink('c1', 'case');
    expect(desk.timeline('c1').get().map((e) => e.kind)).to.deep.equal(['state', 'link', 'note', 'unlink']);
  });

  it('keeps note drafts per conversation', async () => {
    const { desk } = await setup();
    await desk.saveNoteDraft('c1', 'half a note');
    expect(await desk.getNoteDraft('c1')).to.equal('half a note');
    expect(await desk.getDraft('c1')).to.equal('');
  });
});

describe('Desk: CRM commands load on first use', () => {
  it('shares a notes load already running for the same record, before and after the commands load', async () => {
    const { desk, transport } = await setup();
    const [first, second] = await Promise.all([desk.loadNotes(kase), desk.loadNotes(kase)]);
    expect(transport.executed('notes.list')).to.have.length(1);
    expect(second).to.equal(first);
    expect(desk.notesStatus(kase).get()).to.equal('loaded');
    const other = desk.loadNotes(contact);
    await Promise.all([desk.loadNotes(kase), desk.loadNotes(kase), other]);
    expect(transport.executed('notes.list').map((c) => c.target.id)).to.deep.equal(['cs-1', 'ct-1', 'cs-1']);
    // Once a load is over, the next one asks again.
    await desk.loadNotes(kase);
    expect(transport.executed('notes.list')).to.have.length(4);
  });

  it('shares a recent-cases load already running for the same customer', async () => {
    const { desk, transport } = await setup();
    transport.on('records.search', (c) => ({ records: c.customerId === 'cust-1' ? [{ ...kase, customerId: 'cust-1' } as CrmRecord] : [] }));
    const recent = desk.recentCases('cust-1');
    expect(recent.get()).to.deep.equal({ status: 'loading' });
    await desk.loadRecentCases('cust-1');
    await desk.settled();
    expect(transport.executed('records.search')).to.have.length(1);
    expect(recent.get()).to.deep.equal({ status: 'done', records: [{ ...kase, customerId: 'cust-1' }] });
    await Promise.all([desk.loadRecentCases('cust-1'), desk.loadRecentCases('cust-1'), desk.loadRecentCases('cust-2')]);
    expect(transport.executed('records.search').map((c) => c.customerId)).to.deep.equal(['cust-1', 'cust-1', 'cust-2']);
  });

  it('refreshes the customer’s recent cases when a case is linked, with a load that starts after the link', async () => {
    const { desk, transport } = await setup();
    let cases: CrmRecord[] = [];
    transport.on('records.search', () => ({ records: cases }));
    transport.hold('records.search');
    const recent = desk.recentCases('cust-1');
    cases = [{ ...kase, customerId: 'cust-1' }];
    await desk.link('c1', kase);
    // The load that was running may have missed the case: the link asks again rather than sharing it.
    expect(transport.executed('records.search')).to.have.length(2);
    transport.release('records.search');
    await desk.settled();
    expect(recent.get()).to.deep.equal({ status: 'done', records: cases });
    await desk.link('c1', contact);
    await desk.settled();
    expect(transport.executed('records.search'), 'a contact link leaves the cases alone').to.have.length(2);
  });

  it('loads no recent cases on a link when nobody asked for the customer’s', async () => {
    const { desk, transport } = await setup();
    await desk.link('c1', kase);
    await desk.settled();
    expect(transport.executed('records.search')).to.have.length(0);
  });

  it('settles only once a command that waited for the commands to load is done', async () => {
    const { desk, transport } = await setup();
    void desk.loadNotes(kase);
    await desk.settled();
    expect(transport.executed('notes.list')).to.have.length(1);
    expect(desk.notesStatus(kase).get()).to.equal('loaded');
    expect(desk.notes(kase).get().map((n) => n.id)).to.deep.equal(['n1', 'n2']);
  });

  it('writes a note draft typed before the commands loaded, also when the desk goes away at once', async () => {
    const storage = createMemoryStorage();
    const transport = new TestTransport({ capabilities: { records: true, notes: true } });
    const desk = testDesk({ transport, storage });
    expect(desk.noteDraft('c1').get()).to.equal('');
    desk.setNoteDraft('c1', 'half a note');
    expect(desk.noteDraft('c1').get()).to.equal('half a note');
    await desk.settled();
    expect(await storage.getDraft('note:c1')).to.equal('half a note');
    desk.setNoteDraft('c1', 'half a note, and more');
    const other = testDesk({ transport, storage });
    other.setNoteDraft('c2', 'typed on the way out');
    dispose(other);
    await Promise.all([desk.settled(), other.settled()]);
    expect(await storage.getDraft('note:c1')).to.equal('half a note, and more');
    expect(await storage.getDraft('note:c2')).to.equal('typed on the way out');
  });

  it('still refuses bad input with the same errors, and sends nothing', async () => {
    const { desk, transport } = await setup();
    const codes = await Promise.all(
      [
        desk.createRecord('c1', { kind: 'case', fields: { subject: ' ' } }),
        desk.createAndLink('c1', { kind: 'contact', fields: { lastName: '' } }),
        desk.addNote('c1', 'no link yet'),
      ].map((attempt) => (attempt as Promise<unknown>).then(() => 'resolved', (e: unknown) => (e as DeskError).code)),
    );
    expect(codes).to.deep.equal(['invalid', 'invalid', 'no-link']);
    await desk.link('c1', kase);
    expect(((await desk.addNote('c1', '  ').catch((e: unknown) => e)) as DeskError).code).to.equal('empty');
    expect(transport.executed('records.create')).to.have.length(0);
    expect(transport.executed('notes.add')).to.have.length(0);
  });
});

describe('validateNewRecord', () => {
  it('checks case and contact fields', () => {
    expect(validateNewRecord({ kind: 'case', fields: { subject: ' ' } })).to.deep.equal({ subject: 'required' });
    expect(validateNewRecord({ kind: 'case', fields: { subject: 'x'.repeat(201) } })).to.deep.equal({ subject: 'too-long' });
    expect(validateNewRecord({ kind: 'case', fields: { subject: 'ok', priority: 'urgent' as 'high' } })).to.deep.equal({ priority: 'choice' });
    expect(validateNewRecord({ kind: 'contact', fields: { lastName: 'Żak', email: 'l@example.com', phone: '+48 600 100 200' } })).to.deep.equal({});
    expect(validateNewRecord({ kind: 'contact', fields: { lastName: 'Żak', phone: 'call me' } })).to.deep.equal({ phone: 'phone' });
  });
});
