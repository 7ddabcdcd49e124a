import { expect } from '@open-wc/testing';
import type { Desk } from '../../src/core/desk/desk.js';
import { DeskError } from '../../src/core/errors.js';
import type { Article } from '../../src/core/knowledge.js';
import type { Conversation } from '../../src/core/model.js';
import { MAX_MESSAGE_LENGTH } from '../../src/core/rules.js';
import { testDesk, TestTransport } from '../harness.js';

const conversation: Conversation = {
  id: 'c1',
  customer: { id: 'cust-1', name: 'Łucja Żak' },
  channel: 'facebook',
  queue: 'Orders',
  state: 'active',
  requestedAt: 1000,
};

async function setup(capabilities: { knowledge?: boolean } = { knowledge: true }): Promise<{ desk: Desk; transport: TestTransport }> {
  const transport = new TestTransport({ capabilities });
  const desk = testDesk({ transport });
  await desk.connect();
  transport.emit({ type: 'conversation.updated', conversation });
  await desk.settled();
  return { desk, transport };
}

describe('desk.knowledge', () => {
  it('finds articles whatever the diacritics, preferring the asked language', async () => {
    const { desk, transport } = await setup();
    const found = await desk.knowledge.search('platnosc', { locale: 'pl', limit: 3 });
    expect(found.length).to.be.within(1, 3);
    expect(found.map((a) => a.title)).to.include.members(['Płatność się nie powiodła', 'Metody płatności']);
    expect(found.every((a) => a.locale === 'pl')).to.equal(true);
    expect(transport.agentCommands.at(-1)).to.deep.include({ type: 'knowledge.search', query: 'platnosc', locale: 'pl', limit: 3 });
    expect(await desk.knowledge.search('   ')).to.deep.equal([]);
  });

  it('gets an article with its blocks', async () => {
    const { desk } = await setup();
    const article = await desk.knowledge.get('returns-policy');
    expect(article.title).to.equal('Returning an order');
    expect(article.blocks.map((b) => b.type)).to.include.members(['paragraph', 'heading', 'list', 'steps']);
  });

  it('shares a link into the composer after what the agent typed', async () => {
    const { desk } = await setup();
    desk.composer('c1').setDraft('Hello!  ');
    const [first] = await desk.knowledge.search('refund');
    const draft = await desk.knowledge.share('c1', first!, 'link');
    expect(draft).to.equal(`Hello!\n\n${first!.title}\n${first!.url}`);
    expect(desk.composer('c1').draft).to.equal(draft);
  });

  it('shares the text of an article, cut to the message limit', async () => {
    const { desk, transport } = await setup();
    const long: Article = {
      id: 'long',
      title: 'Long',
      summary: 's',
      locale: 'en',
      blocks: [{ type: 'paragraph', text: 'word '.repeat(1000) }, { type: 'steps', items: ['one', 'two'] }],
    };
    transport.on('knowledge.get', () => ({ article: long }));
    desk.composer('c1').setDraft('Hi');
    const draft = await desk.knowledge.share('c1', { id: 'long', title: 'Long', summary: 's', locale: 'en' }, 'text');
    expect(draft.startsWith('Hi\n\nLong\n\nword word')).to.equal(true);
    expect(draft.length).to.be.at.most(MAX_MESSAGE_LENGTH);
    expect(draft.endsWith('…')).to.equal(true);
    const steps = await desk.knowledge.share('c2', { ...long, blocks: [{ type: 'steps', items: ['one', 'two'] }] }, 'text');
    expect(steps).to.equal('Long\n\n1. one\n2. two');
  });

  it('refuses a link without an http(s) address and a full draft', async () => {
    const { desk } = await setup();
    const article = { id: 'x', title: 'X', summary: '', locale: 'en', url: 'javascript:alert(1)' };
    const bad = await desk.knowledge.share('c1', article, 'link').catch((e: unknown) => e);
    expect((bad as DeskError).code).to.equal('invalid');
    desk.composer('c1').setDraft('x'.repeat(MAX_MESSAGE_LENGTH));
    const full = await desk.knowledge.share('c1', { ...article, url: 'https://help.example.com/x' }, 'link').catch((e: unknown) => e);
    expect((full as DeskError).code).to.equal('too-long');
    expect(desk.composer('c1').draft.length).to.equal(MAX_MESSAGE_LENGTH);
  });

  it('is unsupported without the capability, and sends nothing', async () => {
    const { desk, transport } = await setup({});
    expect(desk.knowledge.available).to.equal(false);
    const error = await desk.knowledge.search('refund').catch((e: unknown) => e);
    expect(error).to.be.instanceOf(DeskError);
    expect((error as DeskError).code).to.equal('unsupported');
    expect(((await desk.knowledge.get('returns-policy').catch((e: unknown) => e)) as DeskError).code).to.equal('unsupported');
    expect(transport.agentCommands.some((c) => c.type.startsWith('knowledge.'))).to.equal(false);
  });
});
