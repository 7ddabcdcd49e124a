import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Desk } from '../../src/core/desk/desk.js';
import type { Conversation } from '../../src/core/model.js';
import { createMemoryStorage, type Storage } from '../../src/core/storage.js';
import '../../src/elements/agent-script/define.js';
import { CcScriptStepEvent, type CcAgentScript } from '../../src/elements/agent-script/agent-script.js';
import { loadCatalog } from '../../src/i18n/index.js';
import { AGENT_SCRIPTS } from '../../src/transports/simulated/agent-scripts.js';
import { dispose, testDesk, TestTransport } from '../harness.js';

const conversation = (queue: string): Conversation => ({
  id: 'c1',
  customer: { id: 'cust-1', name: 'Megan Clarke', locale: 'en-GB' },
  channel: 'facebook',
  queue,
  state: 'active',
  requestedAt: 1000,
});

interface Setup {
  el: CcAgentScript;
  desk: Desk;
}

async function setup(options: { queue?: string; storage?: Storage; lang?: string } = {}): Promise<Setup> {
  const transport = new TestTransport({ capabilities: { knowledge: true } });
  const desk = testDesk({ transport, scripts: [...AGENT_SCRIPTS], ...(options.storage ? { storage: options.storage } : {}) });
  await desk.connect();
  transport.emit({ type: 'conversation.updated', conversation: conversation(options.queue ?? 'Returns') });
  await desk.settled();
  if (options.lang) await loadCatalog(options.lang);
  const el = await fixture<CcAgentScript>(html`<cc-agent-script .desk=${desk} conversation-id="c1" lang=${options.lang ?? 'en'}></cc-agent-script>`);
  await desk.settled();
  await el.updateComplete;
  return { el, desk };
}

const root = (el: CcAgentScript): ShadowRoot => el.shadowRoot!;
const step = (el: CcAgentScript, id: string): HTMLElement => root(el).querySelector<HTMLElement>(`[data-step="${id}"]`)!;
const box = (el: CcAgentScript, id: string): HTMLInputElement => step(el, id).querySelector('input')!;
const progressText = (el: CcAgentScript): string => root(el).querySelector('.progress-text')!.textContent!;
const announced = (el: CcAgentScript): string => root(el).querySelector('[role="status"]')!.textContent!;

describe('cc-agent-script', () => {
  it("shows the queue's script in order with its progress, accessible", async () => {
    const { el } = await setup();
    expect(root(el).querySelector('h3')!.textContent).to.equal('Return or exchange');
    const labels = [...root(el).querySelectorAll('label')].map((l) => l.textContent!.trim());
    expect(labels).to.deep.equal([
      'Hi {customerFirstName}! I can help with your return.',
      'Confirm the order number',
      'Returning an order',
      'Email the return label',
      'Is there anything else I can help with?',
    ]);
    expect(progressText(el)).to.equal('0 of 5 done');
    expect([...root(el).querySelectorAll('[data-action="run"]')].map((b) => b.textContent!.trim())).to.deep.equal(['Insert', 'Share link', 'Insert']);
    await expect(el).to.be.accessible();
  });

  it('"Insert" puts the step text into the composer, marks it done and says so', async () => {
    const { el, desk } = await setup();
    const intents: string[] = [];
    el.addEventListener(CcScriptStepEvent.type, (e) => intents.push(`${e.action}:${e.step.id}`));
    step(el, 'greeting').querySelector('button')!.click();
    await waitUntil(() => box(el, 'greeting').checked, 'the step was not ticked');
    expect(desk.composer('c1').draft).to.equal('Hi {customerFirstName}! I can help with your return.');
    expect(intents).to.deep.equal(['run:greeting']);
    expect(progressText(el)).to.equal('1 of 5 done');
    expect(announced(el)).to.equal('Done: Hi {customerFirstName}! I can help with your return.');
    expect(step(el, 'greeting').classList.contains('done')).to.equal(true);
  });

  it('is usable from the keyboard alone: Space ticks a check, Enter shares an article', async () => {
    const { el, desk } = await setup();
    box(el, 'order').focus();
    await sendKeys({ press: 'Space' });
    await waitUntil(() => progressText(el) === '1 of 5 done', 'Space did not tick the check');
    expect(announced(el)).to.equal('Done: Confirm the order number');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.textContent?.trim()).to.equal('Share link');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => desk.composer('c1').draft.includes('https://'), 'the article was not shared');
    expect(desk.composer('c1').draft).to.equal('Returning an order\nhttps://help.example.com/en/returns-policy');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ press: 'Space' });
    await waitUntil(() => !box(el, 'policy').checked, 'Space did not untick');
    expect(announced(el)).to.equal('Not done: Returning an order');
  });

  it('a cancelled step stays as it was', async () => {
    const { el, desk } = await setup();
    el.addEventListener(CcScriptStepEvent.type, (e) => e.preventDefault());
    box(el, 'order').click();
    await desk.settled();
    await el.updateComplete;
    expect(box(el, 'order').checked).to.equal(false);
    expect(progressText(el)).to.equal('0 of 5 done');
  });

  it('keeps a ticked check across a new desk on the same storage, and shows all done', async () => {
    const storage = createMemoryStorage();
    const first = await setup({ storage });
    box(first.el, 'order').click();
    await waitUntil(() => progressText(first.el) === '1 of 5 done', 'not ticked');
    await first.desk.settled();
    first.el.remove();
    dispose(first.desk);

    const second = await setup({ storage });
    await waitUntil(() => box(second.el, 'order').checked, 'the tick was not restored');
    for (const id of ['greeting', 'policy', 'label', 'closing']) await second.desk.scripts.complete('c1', id);
    await second.el.updateComplete;
    expect(progressText(second.el)).to.equal('5 of 5 done');
    expect(second.el.matches(':state(complete)')).to.equal(true);
    await expect(second.el).to.be.accessible();
  });

  it('renders nothing for a queue without a script', async () => {
    const { el } = await setup({ queue: 'Complaints' });
    expect(root(el).children.length).to.equal(0);
    expect(el.matches(':state(empty)')).to.equal(true);
    expect(getComputedStyle(el).display).to.equal('none');
  });

  it('speaks Polish', async () => {
    const { el } = await setup({ queue: 'Reklamacje', lang: 'pl' });
    expect(progressText(el)).to.equal('Wykonano 0 z 5');
    expect(root(el).querySelector('[data-action="run"]')!.textContent!.trim()).to.equal('Wstaw');
    await expect(el).to.be.accessible();
  });
});
