import { expect } from '@open-wc/testing';
import { createDesk } from '../../src/core/desk/desk.js';
import type { Capabilities } from '../../src/core/transport.js';
import type { Command, TransportEvent } from '../../src/core/transport.js';
import type { CrmRecord, RecordRef } from '../../src/core/records.js';
import { foldText, SimulatedTransport, type OfferInput } from '../../src/transports/simulated/index.js';
import { rejection } from './helpers.js';

const START = Date.UTC(2025, 2, 14, 10, 0, 0);
const HOUR = 60 * 60 * 1000;
const agent = { id: 'agent-1', name: 'Marta' };

async function connected(options: { seed?: number; capabilities?: Partial<Capabilities> } = {}) {
  let clock = START;
  const transport = new SimulatedTransport({ seed: 42, now: () => clock, ...options });
  const events: TransportEvent[] = [];
  transport.subscribe((event) => events.push(event));
  await transport.connect(agent);
  return {
    transport,
    events,
    now: () => clock,
    advance(ms: number) {
      clock += ms;
    },
  };
}

/** A connected transport and an active conversation that starts unlinked. */
async function withConversation(input: OfferInput = {}) {
  const setup = await connected();
  const conversation = setup.transport.startConversation({ links: {}, locale: 'pl', ...input });
  return { ...setup, conversation, conversationId: conversation.id };
}

const ref = (record: CrmRecord): RecordRef => ({ kind: record.kind, id: record.id, title: record.title });
const ids = (records: readonly CrmRecord[]) => records.map((r) => r.id);

describe('SimulatedTransport: seeded CRM', () => {
  describe('records.search', () => {
    it('finds contacts, accounts and cases without caring about diacritics or case', async () => {
      const { transport } = await connected();
      const barbara = (await transport.execute({ type: 'records.search', query: 'scibor' })).records;
      expect(barbara.map((r) => [r.kind, r.title])).to.deep.equal([['contact', 'Barbara Ścibor-Rylska']]);
      expect((await transport.execute({ type: 'records.search', query: 'ŚCIBOR' })).records.map((r) => r.id)).to.deep.equal(ids(barbara));

      // Every word must match.
      const lodka = (await transport.execute({ type: 'records.search', query: 'zolta lodka' })).records;
      expect(lodka.map((r) => [r.kind, r.title])).to.deep.equal([['account', 'Żółta Łódka Catering']]);
      expect((await transport.execute({ type: 'records.search', query: 'zolta kłos' })).records).to.deep.equal([]);
    });

    it('matches the e-mail and the case number, also in part', async () => {
      const { transport } = await connected();
      const contact = transport.crm.records('contact')[0]!;
      const email = contact.fields!['E-mail']!;
      expect(ids((await transport.execute({ type: 'records.search', query: email.toUpperCase() })).records)).to.deep.equal([contact.id]);

      const kase = transport.crm.records('case')[3]!;
      expect(kase.subtitle).to.match(/^CAS-\d{5}$/);
      const byNumber = (await transport.execute({ type: 'records.search', query: kase.subtitle!.toLowerCase() })).records;
      expect(ids(byNumber)).to.deep.equal([kase.id]);
      const byDigits = (await transport.execute({ type: 'records.search', query: kase.subtitle!.slice(-5) })).records;
      expect(ids(byDigits)).to.include(kase.id);
    });

    it('filters by kind and customer, and honours the limit', async () => {
      const { transport } = await connected();
      const accounts = (await transport.execute({ type: 'records.search', query: '', kinds: ['account'], limit: 100 })).records;
      expect(accounts.length).to.equal(transport.crm.records('account').length);
      expect(accounts.every((r) => r.kind === 'account')).to.equal(true);

      // A directory customer who belongs to a company and has cases.
      const customer = transport.crm.customers().find((c) => transport.crm.accountOf(c.id) && transport.crm.casesOf(c.id).length > 0);
      expect(customer, 'the seed has a customer with an account and cases').to.exist;
      const own = (await transport.execute({ type: 'records.search', query: '', customerId: customer!.id, limit: 100 })).records;
      const expected = [
        transport.crm.contactOf(customer!.id)!.id,
        transport.crm.accountOf(customer!.id)!.id,
        ...transport.crm.records('case').filter((r) => r.customerId === customer!.id).map((r) => r.id),
      ];
      expect(ids(own)).to.have.members(expected);

      const cases = (await transport.execute({ type: 'records.search', query: '', kinds: ['case'], customerId: customer!.id })).records;
      expect(cases.every((r) => r.kind === 'case' && r.customerId === customer!.id)).to.equal(true);
      // Recent cases first.
      expect(cases.map((r) => r.updatedAt)).to.deep.equal(cases.map((r) => r.updatedAt).sort((a, b) => b! - a!));

      expect((await transport.execute({ type: 'records.search', query: '', limit: 3 })).records).to.have.length(3);
    });

    it('gives every conversation customer a contact of their own', async () => {
      const { transport, conversation } = await withConversation({ customer: { name: 'Jędrzej Żółkiewski' } });
      const found = (await transport.execute({ type: 'records.search', query: 'jedrzej zolkiewski', kinds: ['contact'] })).records;
      expect(found.map((r) => [r.title, r.customerId])).to.deep.equal([['Jędrzej Żółkiewski', conversation.customer.id]]);
      expect(found[0]!.subtitle).to.match(/^jedrzej\.zolkiewski@/);
    });
  });

  describe('records.create', () => {
    it('creates an open case with a case number, owned by the conversation’s customer', async () => {
      const { transport, conversationId, conversation } = await withConversation();
      const { record } = await transport.execute({
        type: 'records.create',
        clientId: 'c-case-1',
        conversationId,
        record: { kind: 'case', fields: { subject: '  Zgubiona paczka  ', description: 'Kurier nie dojechał.', priority: 'high' } },
      });
      expect(record).to.include({ kind: 'case', title: 'Zgubiona paczka', status: 'open', customerId: conversation.customer.id });
      expect(record.subtitle).to.match(/^CAS-\d{5}$/);
      expect(record.fields).to.include({ 'Case number': record.subtitle, Priority: 'high', Description: 'Kurier nie dojechał.' });

      const second = await transport.execute({
        type: 'records.create',
        clientId: 'c-case-2',
        conversationId,
        record: { kind: 'case', fields: { subject: 'Druga sprawa' } },
      });
      expect(Number(second.record.subtitle!.slice(4))).to.equal(Number(record.subtitle!.slice(4)) + 1);

      const recent = await transport.execute({ type: 'records.search', query: '', kinds: ['case'], customerId: conversation.customer.id });
      expect(ids(recent.records)).to.include.members([record.id, second.record.id]);
      expect(ids((await transport.execute({ type: 'records.search', query: 'zgubiona' })).records)).to.deep.equal([record.id]);
    });

    it('creates a contact', async () => {
      const { transport, conversationId, conversation } = await withConversation();
      const { record } = await transport.execute({
        type: 'records.create',
        clientId: 'c-contact',
        conversationId,
        record: { kind: 'contact', fields: { firstName: 'Łucja', lastName: 'Żak', email: 'lucja@example.com', phone: '+48 600 100 200' } },
      });
      expect(record).to.include({ kind: 'contact', title: 'Łucja Żak', subtitle: 'lucja@example.com', customerId: conversation.customer.id });
      expect(ids((await transport.execute({ type: 'records.search', query: 'lucja zak' })).records)).to.deep.equal([record.id]);
    });

    it('is idempotent on clientId', async () => {
      const { transport, conversationId } = await withConversation();
      const before = transport.crm.records().length;
      const command: Command = {
        type: 'records.create',
        clientId: 'c-same',
        conversationId,
        record: { kind: 'case', fields: { subject: 'Raz' } },
      };
      const first = await transport.execute(command);
      const [second, third] = await Promise.all([transport.execute(command), transport.execute(command)]);
      expect(second).to.deep.equal(first);
      expect(third).to.deep.equal(first);
      expect(transport.crm.records().length).to.equal(before + 1);
    });

    it('rejects invalid fields and unknown conversations, creating nothing', async () => {
      const { transport, conversationId } = await withConversation();
      const before = transport.crm.records().length;
      const empty = await rejection(
        transport.execute({ type: 'records.create', clientId: 'c-1', conversationId, record: { kind: 'case', fields: { subject: '   ' } } }),
      );
      expect(empty.code).to.equal('invalid');
      expect(empty.retryable).to.equal(false);
      expect(empty.message).to.contain('subject');
      const email = await rejection(
        transport.execute({
          type: 'records.create',
          clientId: 'c-2',
          conversationId,
          record: { kind: 'contact', fields: { lastName: 'Nowak', email: 'not-an-email' } },
        }),
      );
      expect(email.code).to.equal('invalid');
      expect(email.message).to.contain('email');
      const unknown = await rejection(
        transport.execute({ type: 'records.create', clientId: 'c-3', conversationId: 'nope', record: { kind: 'case', fields: { subject: 'x' } } }),
      );
      expect(unknown.code).to.equal('not-found');
      expect(transport.crm.records().length).to.equal(before);
    });
  });

  describe('records.link and records.unlink', () => {
    it('links one contact-or-account and one case; linking replaces the slot; emits conversation.updated', async () => {
      const { transport, conversationId, events } = await withConversation();
      const [contact] = transport.crm.records('contact');
      const [account] = transport.crm.records('account');
      const [firstCase, secondCase] = transport.crm.records('case');

      const before = events.length;
      // The CRM's own title wins over a stale one from the client.
      const linked = await transport.execute({ type: 'records.link', conversationId, record: { ...ref(contact!), title: 'old name' } });
      expect(linked.conversation.links).to.deep.equal({ customer: ref(contact!) });
      const fresh = events.slice(before);
      expect(fresh.map((e) => e.type)).to.deep.equal(['conversation.updated']);
      expect(fresh[0]).to.deep.include({ conversation: linked.conversation });

      await transport.execute({ type: 'records.link', conversationId, record: ref(firstCase!) });
      await transport.execute({ type: 'records.link', conversationId, record: ref(account!) });
      expect(transport.conversation(conversationId)!.links).to.deep.equal({ customer: ref(account!), case: ref(firstCase!) });
      await transport.execute({ type: 'records.link', conversationId, record: ref(secondCase!) });
      expect(transport.conversation(conversationId)!.links).to.deep.equal({ customer: ref(account!), case: ref(secondCase!) });
    });

    it('refuses unknown records, a wrong kind and unknown conversations with not-found', async () => {
      const { transport, conversationId } = await withConversation();
      const contact = transport.crm.records('contact')[0]!;
      const codes = await Promise.all([
        rejection(transport.execute({ type: 'records.link', conversationId, record: { kind: 'case', id: 'case-0', title: 'x' } })),
        rejection(transport.execute({ type: 'records.link', conversationId, record: { ...ref(contact), kind: 'case' } })),
        rejection(transport.execute({ type: 'records.link', conversationId: 'nope', record: ref(contact) })),
      ]);
      expect(codes.map((e) => e.code)).to.deep.equal(['not-found', 'not-found', 'not-found']);
      expect(transport.conversation(conversationId)!.links).to.deep.equal({});
    });

    it('unlink clears the slot only; the record stays findable', async () => {
      const { transport, conversationId, events } = await withConversation();
      const contact = transport.crm.records('contact')[1]!;
      const kase = transport.crm.records('case')[0]!;
      await transport.execute({ type: 'records.link', conversationId, record: ref(contact) });
      await transport.execute({ type: 'records.link', conversationId, record: ref(kase) });

      const before = events.length;
      const { conversation } = await transport.execute({ type: 'records.unlink', conversationId, slot: 'case' });
      expect(conversation.links).to.deep.equal({ customer: ref(contact) });
      expect(events.slice(before).map((e) => e.type)).to.deep.equal(['conversation.updated']);
      expect(transport.crm.record(kase.id)).to.deep.equal(kase);
      expect(ids((await transport.execute({ type: 'records.search', query: kase.subtitle! })).records)).to.deep.equal([kase.id]);

      await transport.execute({ type: 'records.unlink', conversationId, slot: 'customer' });
      expect(transport.conversation(conversationId)!.links).to.deep.equal({});
      expect(ids((await transport.execute({ type: 'records.search', query: contact.title })).records)).to.include(contact.id);
      // An empty slot: nothing to do.
      const again = await transport.execute({ type: 'records.unlink', conversationId, slot: 'customer' });
      expect(again.conversation.links).to.deep.equal({});
    });

    it('closing the conversation keeps the linked case open', async () => {
      const { transport, conversationId, now } = await withConversation();
      const { record: kase } = await transport.execute({
        type: 'records.create',
        clientId: 'c-open',
        conversationId,
        record: { kind: 'case', fields: { subject: 'Sprawa w toku' } },
      });
      await transport.execute({ type: 'records.link', conversationId, record: ref(kase) });
      await transport.execute({ type: 'conversation.transition', conversationId, to: 'wrap-up' });
      const { conversation } = await transport.execute({ type: 'conversation.transition', conversationId, to: 'closed' });
      expect(conversation).to.include({ state: 'closed', closedAt: now() });
      expect(conversation.links).to.deep.equal({ case: ref(kase) });
      expect(transport.crm.record(kase.id)!.status).to.equal('open');
      const found = (await transport.execute({ type: 'records.search', query: 'sprawa w toku' })).records;
      expect(found.map((r) => r.status)).to.deep.equal(['open']);
    });
  });

  describe('notes', () => {
    it('adds notes to a record and lists them oldest first', async () => {
      const { transport, conversationId, advance } = await withConversation();
      const kase = transport.crm.records('case')[0]!;
      const seeded = (await transport.execute({ type: 'notes.list', target: ref(kase) })).notes;
      const { note } = await transport.execute({ type: 'notes.add', target: ref(kase), conversationId, text: 'Klient zadzwoni jutro.', clientId: 'c-n1' });
      advance(60_000);
      await transport.execute({ type: 'notes.add', target: ref(kase), text: 'Second', clientId: 'c-n2' });
      expect(note).to.deep.include({ target: ref(kase), conversationId, text: 'Klient zadzwoni jutro.', author: 'Marta' });

      const { notes } = await transport.execute({ type: 'notes.list', target: ref(kase) });
      expect(notes.map((n) => n.text)).to.deep.equal([...seeded.map((n) => n.text), 'Klient zadzwoni jutro.', 'Second']);
      expect(notes.map((n) => n.at)).to.deep.equal(notes.map((n) => n.at).sort((a, b) => a - b));
      // Notes belong to the record: another record has none of these.
      const other = (await transport.execute({ type: 'notes.list', target: ref(transport.crm.records('account')[0]!) })).notes;
      expect(other.map((n) => n.text)).to.not.include('Second');
    });

    it('notes.add is idempotent on clientId', async () => {
      const { transport } = await connected();
      const contact = ref(transport.crm.records('contact')[2]!);
      const command: Command = { type: 'notes.add', target: contact, text: 'Raz', clientId: 'c-once' };
      const [a, b] = await Promise.all([transport.execute(command), transport.execute(command)]);
      const c = await transport.execute(command);
      expect(b).to.deep.equal(a);
      expect(c).to.deep.equal(a);
      expect((await transport.execute({ type: 'notes.list', target: contact })).notes.filter((n) => n.text === 'Raz')).to.have.length(1);
    });

    it('refuses unknown targets and empty notes', async () => {
      const { transport } = await connected();
      const contact = ref(transport.crm.records('contact')[0]!);
      const missing = { kind: 'case', id: 'case-404', title: 'x' } as const;
      expect((await rejection(transport.execute({ type: 'notes.list', target: missing }))).code).to.equal('not-found');
      expect((await rejection(transport.execute({ type: 'notes.add', target: missing, text: 'a', clientId: 'c-a' }))).code).to.equal('not-found');
      expect((await rejection(transport.execute({ type: 'notes.add', target: contact, text: '  ', clientId: 'c-b' }))).code).to.equal('invalid');
    });
  });

  describe('transcripts.search and transcripts.get', () => {
    async function searchable() {
      const setup = await withConversation({ customer: { name: 'Jędrzej Żółkiewski' }, firstMessage: 'Dzień dobry' });
      const { transport, conversationId, advance } = setup;
      const said = (text: string) => {
        advance(1000);
        return transport.customerSays(conversationId, text);
      };
      const messages = {
        order: said('Moje zamówienie nr 555 nie dotarło'),
        plural: said('Zamówienia są dwa'),
        parcel: said('Kurier zgubił paczkę'),
        both: said('Paczka i zamówienie są uszkodzone'),
      };
      const search = async (query: string, filters: Extract<Command, { type: 'transcripts.search' }>['filters'] = {}, limit?: number) =>
        (await transport.execute({ type: 'transcripts.search', query, filters, ...(limit !== undefined ? { limit } : {}) })).hits;
      return { ...setup, messages, search };
    }

    it('is diacritic-insensitive, matches prefixes, and needs every word', async () => {
      const { search, messages, conversation } = await searchable();
      // The live conversation only: the customer has seeded history too.
      const mine = { states: ['active' as const] };
      const keys = async (query: string) => (await search(query, mine)).map((h) => h.messageKey).sort();

      expect(await keys('zamowienie')).to.deep.equal([messages.order.id, messages.both.id].sort());
      expect(await keys('ZAMÓWIENIE')).to.deep.equal([messages.order.id, messages.both.id].sort());
      expect(await keys('zamow')).to.deep.equal([messages.order.id, messages.plural.id, messages.both.id].sort());
      expect(await keys('paczk zamowienie')).to.deep.equal([messages.both.id]);
      expect(await keys('zamowienie kot')).to.deep.equal([]);
      // Prefixes only: the middle of a word does not match.
      expect(await keys('owienie')).to.deep.equal([]);
      expect(await search('   ')).to.deep.equal([]);

      const [hit] = await search('zgubil', mine);
      expect(hit).to.deep.equal({
        conversationId: conversation.id,
        messageKey: messages.parcel.id,
        at: messages.parcel.at,
        text: 'Kurier zgubił paczkę',
        author: 'customer',
      });
    });

    it('searches the seeded past conversations', async () => {
      const { search, transport } = await searchable();
      const past = await search('zamowienie', { states: ['closed'] });
      expect(past.length).to.be.greaterThan(0);
      expect(past.every((h) => transport.crm.pastConversation(h.conversationId) !== undefined)).to.equal(true);
      expect(past.every((h) => foldText(h.text).includes('zamowienie'))).to.equal(true);
      expect(past.some((h) => h.text.includes('zamówienie')), 'a hit with diacritics').to.equal(true);
      expect(past.map((h) => h.at)).to.deep.equal(past.map((h) => h.at).sort((a, b) => b - a));
    });

    it('honours customer, date, state filters and the limit', async () => {
      const { search, conversation, now, transport } = await searchable();
      const ownIds = (hits: { conversationId: string }[]) => [...new Set(hits.map((h) => h.conversationId))];
      const customerOf = (id: string) => (transport.conversation(id) ?? transport.crm.pastConversation(id)!.conversation).customer.id;

      for (const customer of ['zolkiewski', 'Jędrzej', conversation.customer.id]) {
        const hits = await search('zamow', { customer });
        expect(ownIds(hits)).to.include(conversation.id);
        expect(new Set(ownIds(hits).map(customerOf))).to.deep.equal(new Set([conversation.customer.id]));
      }
      expect(await search('zamow', { customer: 'nobody like this' })).to.deep.equal([]);
      expect(ownIds(await search('zamow', { states: ['active'] }))).to.deep.equal([conversation.id]);
      expect(ownIds(await search('zamow', { from: now() - HOUR }))).to.deep.equal([conversation.id]);
      const older = await search('zamow', { to: now() - HOUR });
      expect(older.length).to.be.greaterThan(0);
      expect(ownIds(older)).to.not.include(conversation.id);
      expect(await search('zamow', { from: now() - HOUR, states: ['closed'] })).to.deep.equal([]);

      const two = await search('zamow', {}, 2);
      expect(two.map((h) => h.text)).to.deep.equal(['Paczka i zamówienie są uszkodzone', 'Zamówienia są dwa']);
    });

    it('gets a past or a current conversation with its messages', async () => {
      const { transport, conversationId } = await searchable();
      const past = transport.crm.pastConversations()[0]!;
      const got = await transport.execute({ type: 'transcripts.get', conversationId: past.conversation.id });
      expect(got.conversation).to.deep.equal(past.conversation);
      expect(got.conversation.state).to.equal('closed');
      expect(got.messages).to.deep.equal(past.messages);
      expect(got.messages.length).to.be.greaterThan(1);

      const live = await transport.execute({ type: 'transcripts.get', conversationId });
      expect(live.conversation.state).to.equal('active');
      expect(live.messages.map((m) => m.text)).to.deep.equal(transport.transcript(conversationId).map((m) => m.text));
      expect((await rejection(transport.execute({ type: 'transcripts.get', conversationId: 'nope' }))).code).to.equal('not-found');
    });
  });

  describe('capabilities', () => {
    it('turns commands off with unavailable, and leaves the rest working', async () => {
      const { transport } = await connected({ capabilities: { records: false, notes: false, search: false } });
      expect(transport.capabilities).to.include({ records: false, notes: false, search: false, reject: true });
      const conversation = transport.startConversation({ links: {} });
      const contact = ref(transport.crm.records('contact')[0]!);
      const commands: Command[] = [
        { type: 'records.search', query: 'a' },
        { type: 'records.create', clientId: 'c-1', record: { kind: 'case', fields: { subject: 'x' } } },
        { type: 'records.link', conversationId: conversation.id, record: contact },
        { type: 'records.unlink', conversationId: conversation.id, slot: 'customer' },
        { type: 'notes.list', target: contact },
        { type: 'notes.add', target: contact, text: 'x', clientId: 'c-2' },
        { type: 'transcripts.search', query: 'a' },
        { type: 'transcripts.get', conversationId: conversation.id },
      ];
      for (const command of commands) {
        const error = await rejection(transport.execute(command));
        expect([command.type, error.code, error.retryable]).to.deep.equal([command.type, 'unavailable', false]);
      }
      await transport.execute({ type: 'message.send', conversationId: conversation.id, clientId: 'c-3', text: 'Still works' });
    });

    it('turns off one feature at a time', async () => {
      const { transport } = await connected({ capabilities: { notes: false } });
      const contact = ref(transport.crm.records('contact')[0]!);
      expect((await transport.execute({ type: 'records.search', query: 'scibor' })).records).to.have.length(1);
      expect((await rejection(transport.execute({ type: 'notes.list', target: contact }))).code).to.equal('unavailable');
    });
  });

  describe('conversation details', () => {
    it('gives offers pre-chat answers, visitor details and sometimes a link to the contact', async () => {
      const { transport } = await connected();
      const offers = Array.from({ length: 24 }, () => transport.offer());
      const conversations = await Promise.all(
        offers.map(async (o) => (await transport.execute({ type: 'offer.accept', offerId: o.id })).conversation),
      );
      for (const c of conversations) {
        expect(c.visitor).to.include({ 'Entry point': 'Messenger', Locale: c.customer.locale });
        expect(c.visitor!['Timezone']).to.match(/^(Europe|America)\//);
        expect(c.visitor!['Page']).to.be.a('string').and.not.empty;
      }
      const withPreChat = conversations.filter((c) => c.preChat && c.preChat.length > 0);
      expect(withPreChat.length).to.be.greaterThan(conversations.length / 2);
      const questions = withPreChat.flatMap((c) => c.preChat!.map((q) => q.question));
      expect(questions).to.include.members(['Topic', 'Temat']);
      expect(withPreChat.some((c) => c.preChat!.some((q) => /^(Order number|Numer zamówienia)$/.test(q.question) && q.answer.length > 0))).to.equal(true);

      const linked = conversations.filter((c) => c.links?.customer);
      expect(linked.length).to.be.greaterThan(0);
      expect(linked.length).to.be.lessThan(conversations.length / 2);
      for (const c of linked) expect(c.links!.customer).to.deep.equal(ref(transport.crm.contactOf(c.customer.id)!));
    });

    it('takes pre-chat answers, visitor details and links from offer()', async () => {
      const { transport } = await connected();
      const preChat = [{ question: 'Order number', answer: '<b>PL-4471</b>' }];
      const conversation = transport.startConversation({ preChat, visitor: { Page: 'Test' }, links: {} });
      expect(conversation.preChat).to.deep.equal(preChat);
      expect(conversation.visitor).to.deep.equal({ Page: 'Test' });
      expect(conversation.links).to.deep.equal({});
    });
  });

  describe('determinism', () => {
    const snapshot = async (seed: number) => {
      const { transport } = await connected({ seed });
      const offer = transport.offer();
      const conversation = transport.conversation(offer.conversationId)!;
      const records = transport.crm.records();
      const notes = await Promise.all(records.slice(0, 20).map(async (r) => (await transport.execute({ type: 'notes.list', target: ref(r) })).notes));
      const hits = (await transport.execute({ type: 'transcripts.search', query: 'zamowienie order' })).hits;
      return { records, notes, past: transport.crm.pastConversations(), conversation, hits };
    };

    it('the same seed gives the same CRM; another seed another', async () => {
      const a = await snapshot(42);
      expect(a.records.length).to.be.greaterThan(20);
      expect(a.past.length).to.be.greaterThan(10);
      expect(await snapshot(42)).to.deep.equal(a);
      const b = await snapshot(43);
      expect(b.records).to.not.deep.equal(a.records);
    });

    it('seeds Polish and English cases, open and closed', async () => {
      const { transport } = await connected();
      const cases = transport.crm.records('case');
      expect(new Set(cases.map((c) => c.status))).to.deep.equal(new Set(['open', 'closed']));
      expect(cases.some((c) => /[ąćęłńóśźż]/i.test(c.title))).to.equal(true);
      expect(cases.some((c) => /\b(the|of|order)\b/i.test(c.title))).to.equal(true);
      const counts = transport.crm.customers().map((c) => transport.crm.casesOf(c.id).length);
      expect(Math.min(...counts)).to.equal(0);
      expect(Math.max(...counts)).to.be.at.most(4);
      expect(transport.crm.records('account').some((a) => /[ąćęłńóśźż]/i.test(a.title))).to.equal(true);
    });
  });

  describe('with a desk', () => {
    it('searchRecords → link → addNote → loadNotes → unlink', async () => {
      const transport = new SimulatedTransport({ seed: 11 });
      const desk = createDesk({ transport, storage: 'memory', agent });
      try {
        await desk.connect();
        const conversation = transport.startConversation({ customer: { name: 'Anna Nowak' }, links: {}, locale: 'pl' });
        const [contact] = await desk.searchRecords('anna nowak', { kinds: ['contact'] });
        expect(contact).to.include({ kind: 'contact', title: 'Anna Nowak', customerId: conversation.customer.id });

        await desk.link(conversation.id, contact!);
        expect(desk.$conversations.get()[conversation.id]!.links).to.deep.equal({ customer: ref(contact!) });
        expect(desk.noteTarget(conversation.id)).to.deep.equal(ref(contact!));

        const note = await desk.addNote(conversation.id, 'Prosi o fakturę na firmę.');
        expect(note).to.include({ text: 'Prosi o fakturę na firmę.', author: 'Marta', conversationId: conversation.id });
        const loaded = await desk.loadNotes(ref(contact!));
        expect(loaded.map((n) => n.id)).to.include(note.id);

        const created = await desk.createRecord(conversation.id, { kind: 'case', fields: { subject: 'Faktura na firmę' } });
        await desk.link(conversation.id, created);
        expect(desk.noteTarget(conversation.id)).to.deep.equal(ref(created));
        const recent = await desk.searchRecords('', { kinds: ['case'], customerId: conversation.customer.id });
        expect(recent[0]).to.include({ id: created.id, status: 'open' });

        await desk.unlink(conversation.id, 'customer');
        expect(desk.$conversations.get()[conversation.id]!.links).to.deep.equal({ case: ref(created) });
        expect(ids(await desk.searchRecords('anna nowak'))).to.include(contact!.id);
        expect((await desk.loadNotes(ref(contact!))).map((n) => n.text)).to.include('Prosi o fakturę na firmę.');

        await desk.end(conversation.id);
        await desk.transition(conversation.id, 'closed');
        expect((await desk.searchRecords('faktura na firme', { kinds: ['case'] })).find((r) => r.id === created.id)!.status).to.equal('open');
      } finally {
        desk.dispose();
      }
    });
  });
});
