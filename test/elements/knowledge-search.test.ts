import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Desk } from '../../src/core/desk/desk.js';
import { TransportError, type Capabilities } from '../../src/core/transport.js';
import '../../src/elements/knowledge-search/define.js';
import type { CcKnowledgeSearch } from '../../src/elements/knowledge-search/knowledge-search.js';
import { CcShareArticleEvent } from '../../src/elements/events.js';
import { loadCatalog } from '../../src/i18n/index.js';
import { SimulatedTransport } from '../../src/transports/simulated/index.js';
import { testDesk, TestTransport } from '../harness.js';

interface Setup {
  el: CcKnowledgeSearch;
  desk: Desk;
  transport: TestTransport;
  conversationId: string;
}

async function setup(options: { capabilities?: Partial<Capabilities>; lang?: string } = {}): Promise<Setup> {
  const sim = new SimulatedTransport({ seed: 11 });
  const transport = new TestTransport({ sim, ...(options.capabilities ? { capabilities: options.capabilities } : {}) });
  const desk = testDesk({ transport });
  await desk.connect();
  const conversation = sim.startConversation({ locale: 'en', customer: { name: 'Anna Nowak' }, firstMessage: 'Where is my refund?' });
  desk.setActive(conversation.id);
  if (options.lang) await loadCatalog(options.lang);
  const el = await fixture<CcKnowledgeSearch>(html`<cc-knowledge-search .desk=${desk} lang=${options.lang ?? 'en'}></cc-knowledge-search>`);
  return { el, desk, transport, conversationId: conversation.id };
}

const $ = <T extends Element = HTMLElement>(el: CcKnowledgeSearch, selector: string): T | null => el.shadowRoot!.querySelector<T>(selector);
const field = (el: CcKnowledgeSearch): HTMLInputElement => $<HTMLInputElement>(el, 'input[type="search"]')!;
const resultButtons = (el: CcKnowledgeSearch): HTMLButtonElement[] => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.results button')];
const focused = (el: CcKnowledgeSearch): Element | null => el.shadowRoot!.activeElement;

/** Types into the search field and waits for the search to answer. */
async function type(el: CcKnowledgeSearch, transport: TestTransport, text: string): Promise<void> {
  const before = transport.executed('knowledge.search').length;
  field(el).focus();
  field(el).select();
  await sendKeys({ type: text });
  await waitUntil(() => transport.executed('knowledge.search').length > before && el.searchState === 'results', `no answer for "${text}"`, { timeout: 3000 });
  await el.updateComplete;
}

/** Opens the article of a result with the keyboard and waits for its blocks. */
async function openWithKeyboard(el: CcKnowledgeSearch): Promise<void> {
  await sendKeys({ press: 'ArrowDown' });
  await sendKeys({ press: 'Enter' });
  await waitUntil(() => $(el, '.blocks') !== null, 'the article did not open');
}

describe('cc-knowledge-search', () => {
  it('finds an article whatever the accents and marks the matched words, as text', async () => {
    const { el, transport } = await setup({ lang: 'pl' });
    await type(el, transport, 'platnosc');
    const titles = resultButtons(el).map((b) => b.textContent!.trim());
    expect(titles).to.include('Płatność się nie powiodła');
    const marks = [...el.shadowRoot!.querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks).to.include('Płatność');
    expect(el.shadowRoot!.querySelector('.results script, .results img')).to.equal(null);
    expect(transport.executed('knowledge.search').at(-1)).to.deep.include({ locale: 'pl' });
    await expect(el).to.be.accessible();
  });

  it('says when nothing matches', async () => {
    const { el, transport } = await setup();
    await type(el, transport, 'zzqx');
    expect($(el, '.status-line')!.textContent).to.contain('No articles match “zzqx”');
  });

  it('walks the results with the keyboard, opens the preview with Enter and goes back with Escape', async () => {
    const { el, transport } = await setup();
    await type(el, transport, 'refund');
    const first = resultButtons(el)[0]!;
    await openWithKeyboard(el);
    expect(el.searchState).to.equal('article');
    expect(focused(el)).to.equal($(el, '.article-title'));
    expect($(el, '.blocks li')).to.exist;
    const link = $<HTMLAnchorElement>(el, '.meta a')!;
    expect(link.href.startsWith('https://')).to.equal(true);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => el.searchState === 'results');
    expect(focused(el)?.textContent).to.equal(first.textContent);
  });

  it('moves between results with the arrows, Home and End, and back to the field with ArrowUp from the first or Escape', async () => {
    const { el, transport } = await setup();
    await type(el, transport, 'order');
    const buttons = resultButtons(el);
    expect(buttons.length).to.be.greaterThan(2);
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(el)).to.equal(buttons[0]);
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(el)).to.equal(buttons[1]);
    await sendKeys({ press: 'End' });
    expect(focused(el)).to.equal(buttons.at(-1));
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(el)).to.equal(buttons.at(-1));
    await sendKeys({ press: 'Home' });
    expect(focused(el)).to.equal(buttons[0]);
    await sendKeys({ press: 'ArrowUp' });
    expect(focused(el)).to.equal(field(el));
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Escape' });
    expect(focused(el)).to.equal(field(el));
    expect(el.searchState).to.equal('results');
  });

  it('Share as link puts the title and address into the composer draft', async () => {
    const { el, desk, transport, conversationId } = await setup();
    desk.composer(conversationId).setDraft('Here is our guide:');
    await type(el, transport, 'refund');
    await openWithKeyboard(el);
    const seen: CcShareArticleEvent[] = [];
    el.addEventListener('cc-share-article', (e) => seen.push(e));
    $<HTMLButtonElement>(el, '[data-share="link"]')!.click();
    await waitUntil(() => $(el, '.notice')!.textContent !== '');
    const draft = desk.composer(conversationId).draft;
    expect(seen.map((e) => e.as)).to.deep.equal(['link']);
    expect(draft).to.match(/^Here is our guide:\n\n.+\nhttps:\/\/help\.example\.com\/en\/refund-timing$/);
    expect(transport.executed('message.send')).to.have.length(0);
  });

  it('Share as text puts the article text into the draft', async () => {
    const { el, desk, transport, conversationId } = await setup();
    await type(el, transport, 'parcel locker');
    await openWithKeyboard(el);
    $<HTMLButtonElement>(el, '[data-share="text"]')!.click();
    await waitUntil(() => desk.composer(conversationId).draft !== '');
    expect(desk.composer(conversationId).draft).to.contain('1. ');
  });

  it('a cancelled cc-share-article changes nothing', async () => {
    const { el, desk, transport, conversationId } = await setup();
    desk.composer(conversationId).setDraft('Typed so far');
    await type(el, transport, 'refund');
    await openWithKeyboard(el);
    el.addEventListener('cc-share-article', (e) => e.preventDefault());
    $<HTMLButtonElement>(el, '[data-share="link"]')!.click();
    $<HTMLButtonElement>(el, '[data-share="text"]')!.click();
    await desk.settled();
    expect(desk.composer(conversationId).draft).to.equal('Typed so far');
    expect(transport.executed('knowledge.get')).to.have.length(1);
    expect($(el, '.notice')!.textContent).to.equal('');
  });

  it('says so when the clipboard refuses', async () => {
    const { el, transport } = await setup();
    await type(el, transport, 'refund');
    await openWithKeyboard(el);
    const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) } });
    try {
      $<HTMLButtonElement>(el, '[data-copy]')!.click();
      await waitUntil(() => ($(el, '.alert')?.textContent ?? '') !== '');
      expect($(el, '.alert')!.textContent).to.contain('copy it by hand');
    } finally {
      delete (navigator as unknown as Record<string, unknown>)['clipboard'];
      if (original) Object.defineProperty(Navigator.prototype, 'clipboard', original);
    }
  });

  it('offers Try again when the knowledge base fails', async () => {
    const { el, transport } = await setup();
    transport.failNext('knowledge.search', new TransportError('unavailable', 'down'));
    field(el).focus();
    await sendKeys({ type: 'refund' });
    await waitUntil(() => el.searchState === 'error');
    await el.updateComplete;
    expect($(el, '[role="alert"]')!.textContent).to.contain('did not answer');
    $<HTMLButtonElement>(el, '[role="alert"] button')!.click();
    await waitUntil(() => el.searchState === 'results');
  });

  it('is hidden when the transport has no knowledge base', async () => {
    const { el } = await setup({ capabilities: { knowledge: false } });
    expect(el.shadowRoot!.childElementCount).to.equal(0);
    expect(getComputedStyle(el).display).to.equal('none');
  });
});
