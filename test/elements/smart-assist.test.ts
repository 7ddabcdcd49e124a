import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Desk } from '../../src/core/desk/desk.js';
import type { Conversation, Message } from '../../src/core/model.js';
import { TransportError } from '../../src/core/transport.js';
import { CcOpenTranscriptEvent, CcShareArticleEvent } from '../../src/elements/events.js';
import '../../src/elements/smart-assist/define.js';
import { CcOpenArticleEvent, type CcSmartAssist } from '../../src/elements/smart-assist/smart-assist.js';
import { loadCatalog } from '../../src/i18n/index.js';
import { testDesk, TestTransport } from '../harness.js';

const base = { channel: 'facebook', queue: 'Returns', requestedAt: 1000 } as const;
const current: Conversation = { ...base, id: 'now', customer: { id: 'c1', name: 'Aoife Byrne', locale: 'en-IE' }, state: 'active' };
const closed: Conversation = { ...base, id: 'past', customer: { id: 'c2', name: 'Liam Doherty' }, state: 'closed', closedAt: 5000 };

let seq = 0;
const says = (conversationId: string, text: string): Message => ({ id: `m${++seq}`, conversationId, author: 'customer', kind: 'text', text, at: 2000 + seq });

interface Setup {
  el: CcSmartAssist;
  desk: Desk;
  transport: TestTransport;
}

async function setup(options: { capabilities?: Record<string, boolean>; lang?: string; hold?: boolean; question?: string } = {}): Promise<Setup> {
  const transport = new TestTransport({ capabilities: options.capabilities ?? { knowledge: true } });
  if (options.hold) transport.hold('assist.suggest');
  const desk = testDesk({ transport });
  await desk.connect();
  transport.emit({ type: 'conversation.updated', conversation: closed });
  transport.emit({ type: 'conversation.updated', conversation: current });
  transport.emit({ type: 'message.received', message: says('past', 'I need to return a jacket, the sleeves are too long') });
  transport.emit({ type: 'message.received', message: says('now', options.question ?? "How do I return a jacket that doesn't fit?") });
  await desk.settled();
  await desk.sessions.open('now');
  if (options.lang) await loadCatalog(options.lang);
  const el = await fixture<CcSmartAssist>(html`<cc-smart-assist .desk=${desk} conversation-id="now" lang=${options.lang ?? 'en'}></cc-smart-assist>`);
  return { el, desk, transport };
}

async function settle(el: CcSmartAssist, desk: Desk, state = 'ready'): Promise<void> {
  await waitUntil(() => el.assistState === state, `not ${state} (is ${el.assistState})`, { timeout: 4000 });
  await desk.settled();
  await el.updateComplete;
}

const root = (el: CcSmartAssist): ShadowRoot => el.shadowRoot!;
const titles = (el: CcSmartAssist, part: string): string[] => [...root(el).querySelectorAll(`[part="${part}"] .title`)].map((t) => t.textContent!.trim());
const button = (el: CcSmartAssist, label: string): HTMLButtonElement =>
  [...root(el).querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === label)!;

describe('cc-smart-assist', () => {
  it('suggests the article for the question and a similar past case, not the conversation itself', async () => {
    const { el, desk } = await setup();
    await settle(el, desk);
    expect(titles(el, 'articles')).to.include('Returning an order');
    expect(titles(el, 'cases')).to.deep.equal(['Liam Doherty']);
    expect(root(el).querySelector('[part="cases"] .snippet')!.textContent).to.equal('I need to return a jacket, the sleeves are too long');
    expect(root(el).querySelector('[role="status"]')!.textContent).to.match(/articles? and 1 similar case suggested/);
    expect(el.matches(':state(ready)')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('"Share link" puts the article link into the composer, from the keyboard', async () => {
    const { el, desk } = await setup();
    await settle(el, desk);
    const shared: CcShareArticleEvent[] = [];
    el.addEventListener(CcShareArticleEvent.type, (e) => shared.push(e));
    desk.composer('now').setDraft('Hi Aoife,');
    button(el, 'Share link: Returning an order').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => desk.composer('now').draft.includes('https://'), 'no link in the draft');
    expect(desk.composer('now').draft).to.equal('Hi Aoife,\n\nReturning an order\nhttps://help.example.com/en/returns-policy');
    expect(shared.map((e) => [e.conversationId, e.article.id, e.as])).to.deep.equal([['now', 'returns-policy', 'link']]);
    await el.updateComplete;
    expect(root(el).querySelector('.notice')!.textContent).to.contain('Link added');
  });

  it('a cancelled share leaves the draft alone', async () => {
    const { el, desk } = await setup();
    await settle(el, desk);
    el.addEventListener(CcShareArticleEvent.type, (e) => e.preventDefault());
    button(el, 'Share link: Returning an order').click();
    await desk.settled();
    expect(desk.composer('now').draft).to.equal('');
  });

  it('opens an article and a case as app tabs of the session, unless the page cancels', async () => {
    const { el, desk } = await setup();
    await settle(el, desk);
    const opened: string[] = [];
    el.addEventListener(CcOpenArticleEvent.type, (e) => opened.push(`article:${e.article.id}`));
    el.addEventListener(CcOpenTranscriptEvent.type, (e) => opened.push(`case:${e.conversationId}`));
    button(el, 'Open article: Returning an order').click();
    button(el, 'Open conversation with Liam Doherty').click();
    expect(opened).to.deep.equal(['article:returns-policy', 'case:past']);
    const apps = () => desk.sessions.$sessions.get().find((s) => s.conversationId === 'now')!.apps.map((a) => a.id);
    expect(apps()).to.include.members(['knowledge-returns-policy', 'transcript-past']);

    desk.sessions.closeApp('now', 'knowledge-returns-policy');
    el.addEventListener(CcOpenArticleEvent.type, (e) => e.preventDefault());
    button(el, 'Open article: Returning an order').click();
    expect(apps()).not.to.include('knowledge-returns-policy');
  });

  it("shows the transport's suggestions when it has the assist capability", async () => {
    const { el, desk, transport } = await setup({ capabilities: { knowledge: true, assist: true }, hold: true });
    transport.on('assist.suggest', () => ({
      articles: [
        { id: 'b1', title: 'From the backend', summary: 'Suggested by the server', locale: 'en', url: 'https://help.example.com/b1' },
        { id: 'b2', title: 'Internal only', summary: '', locale: 'en', url: 'javascript:alert(1)' },
      ],
      cases: [],
    }));
    await settle(el, desk, 'loading');
    // Loading is not announced: the lists say they are busy.
    expect(root(el).querySelector('[role="status"]')!.textContent).to.equal('');
    expect([...root(el).querySelectorAll('.empty')].map((e) => e.getAttribute('aria-busy'))).to.deep.equal(['true', 'true']);
    await expect(el).to.be.accessible();
    transport.release('assist.suggest');
    await settle(el, desk);
    expect(titles(el, 'articles')).to.deep.equal(['From the backend', 'Internal only']);
    // Only an http(s) address can be shared: the other article can be opened, not shared.
    expect(button(el, 'Share link: From the backend')).to.exist;
    expect(button(el, 'Share link: Internal only')).to.equal(undefined);
    expect(button(el, 'Open article: Internal only')).to.exist;
    expect(root(el).querySelector('.empty')!.textContent).to.equal('No similar cases.');
    expect(transport.executed('knowledge.search')).to.have.length(0);
  });

  it('announces the counts once when refreshes find the same, marking the lists busy meanwhile', async () => {
    const { el, desk, transport } = await setup({ capabilities: { knowledge: true, assist: true }, hold: true });
    transport.on('assist.suggest', () => ({
      articles: [{ id: 'b1', title: 'From the backend', summary: '', locale: 'en', url: 'https://help.example.com/b1' }],
      cases: [],
    }));
    const status = root(el).querySelector('[role="status"]')!;
    const announced: string[] = [];
    const observer = new MutationObserver(() => {
      const text = status.textContent!;
      if (text !== (announced.at(-1) ?? '')) announced.push(text);
    });
    observer.observe(status, { childList: true, characterData: true, subtree: true });
    transport.release('assist.suggest');
    await settle(el, desk);
    for (const text of ['Is there a size guide?', 'And the sleeves?']) {
      transport.hold('assist.suggest');
      transport.emit({ type: 'message.received', message: says('now', text) });
      await waitUntil(() => el.assistState === 'loading', 'the refresh did not start', { timeout: 4000 });
      await el.updateComplete;
      expect(root(el).querySelector('[part="articles"]')!.getAttribute('aria-busy')).to.equal('true');
      transport.release('assist.suggest');
      await settle(el, desk);
      expect(root(el).querySelector('[part="articles"]')!.getAttribute('aria-busy')).to.equal('false');
    }
    await new Promise<void>((resolve) => queueMicrotask(resolve));
    observer.disconnect();
    expect(transport.executed('assist.suggest')).to.have.length(3);
    expect(announced).to.have.length(1);
    expect(announced[0]).to.match(/1 article/);
    expect(status.textContent).to.equal(announced[0]);
  });

  it('says when there is nothing to suggest, when it failed (with retry) and when it is unavailable', async () => {
    const empty = await setup({ question: 'ok thanks' });
    await settle(empty.el, empty.desk);
    expect(empty.el.matches(':state(empty)')).to.equal(true);
    expect(root(empty.el).textContent).to.contain('Nothing to suggest yet');
    await expect(empty.el).to.be.accessible();

    const failing = await setup({ capabilities: { assist: true } });
    failing.transport.failNext('assist.suggest', new TransportError('internal', 'boom', { retryable: false }));
    await settle(failing.el, failing.desk, 'error');
    expect(root(failing.el).querySelector('[role="alert"]')!.textContent).to.contain('could not be loaded');
    await expect(failing.el).to.be.accessible();
    failing.transport.on('assist.suggest', () => ({ articles: [], cases: [] }));
    [...root(failing.el).querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Try again')!.click();
    await settle(failing.el, failing.desk);

    const bare = await setup({ capabilities: {} });
    await settle(bare.el, bare.desk, 'unavailable');
    expect(root(bare.el).textContent).to.contain('not available');
    await expect(bare.el).to.be.accessible();
  });

  it('speaks Polish', async () => {
    const { el, desk } = await setup({ lang: 'pl' });
    await settle(el, desk);
    expect(root(el).querySelector('h3')!.textContent).to.equal('Podpowiedzi');
    expect(button(el, 'Wyślij link: Returning an order')).to.exist;
    await expect(el).to.be.accessible();
  });
});
