import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Desk } from '../../src/core/desk/desk.js';
import type { Capabilities } from '../../src/core/transport.js';
import { panelWithConversation } from '../panel-setup.js';
import '../../src/elements/agent-desk/define.js';
import '../../src/elements/communication-panel/define.js';
import { CcCommunicationPanel } from '../../src/elements/communication-panel/communication-panel.js';

// The wrap-up area and the transfer dialog load on first use (workday-part.ts). The panel loads the
// chunk through CcCommunicationPanel.loadWorkday, which these tests hold or fail.

const load = CcCommunicationPanel.loadWorkday;
let calls = 0;
let fail = false;
let held: Promise<void> | undefined;

async function setup(capabilities: Partial<Capabilities> = {}) {
  return panelWithConversation({ capabilities, desk: { wrapUp: { dispositions: [{ id: 'resolved', label: 'Resolved' }], required: true } } });
}

const root = (panel: CcCommunicationPanel) => panel.shadowRoot!;
const stateOf = (desk: Desk, id: string) => desk.$conversations.get()[id]!.state;
const alertText = (panel: CcCommunicationPanel) => root(panel).querySelector('[role="alert"]')?.textContent?.trim() ?? '';

async function choose(panel: CcCommunicationPanel, label: string): Promise<void> {
  if (!root(panel).querySelector('[role="menu"]')) root(panel).querySelector<HTMLButtonElement>('.menu-button')!.click();
  await panel.updateComplete;
  const item = [...root(panel).querySelectorAll<HTMLButtonElement>('[role="menuitem"]')].find((b) => b.textContent!.trim() === label);
  expect(item, `no menu item "${label}"`).to.exist;
  item!.click();
  await panel.updateComplete;
}

describe('cc-communication-panel: wrap-up and transfer load on first use', () => {
  beforeEach(() => {
    calls = 0;
    fail = false;
    held = undefined;
    CcCommunicationPanel.loadWorkday = async () => {
      calls++;
      await held;
      if (fail) throw new TypeError('Failed to fetch dynamically imported module');
      return load();
    };
  });

  afterEach(() => {
    CcCommunicationPanel.loadWorkday = load;
  });

  it('loads the wrap-up area only when the conversation goes to wrap-up, with a busy placeholder meanwhile', async () => {
    let release!: () => void;
    held = new Promise<void>((resolve) => (release = resolve));
    const { desk, panel, conversationId } = await setup();
    expect(calls, 'loaded for an active conversation').to.equal(0);
    expect(root(panel).querySelector('[part~="wrap-up"]')).to.equal(null);

    await desk.end(conversationId);
    await waitUntil(() => root(panel).querySelector('[part~="wrap-up"][aria-busy="true"]'), 'no busy placeholder');
    expect(calls).to.equal(1);
    const placeholder = root(panel).querySelector('[part~="wrap-up"]')!;
    const name = root(panel).querySelector(`#${placeholder.getAttribute('aria-labelledby')}`);
    expect(name?.textContent).to.contain('The conversation has ended');
    // Said once, by the loaded area's status line: the placeholder's line is no live region.
    expect(placeholder.querySelector('[role="status"]')).to.equal(null);
    expect(root(panel).querySelector('[part="close"]')).to.equal(null);
    await expect(panel).to.be.accessible();

    release();
    await waitUntil(() => root(panel).querySelector('[part="wrap-up-note"]'), 'the wrap-up area did not load');
    expect(root(panel).querySelector('[aria-busy="true"]')).to.equal(null);
    const statuses = [...root(panel).querySelectorAll('[part~="wrap-up"] [role="status"]')].map((el) => el.textContent);
    expect(statuses.filter((text) => text?.includes('The conversation has ended'))).to.have.length(1);
    expect(root(panel).querySelector<HTMLButtonElement>('[part="close"]')!.disabled).to.equal(true);
    expect(root(panel).querySelector('label[for="disposition"]')!.textContent).to.contain('Disposition');
    // Its styles came with it.
    expect(getComputedStyle(root(panel).querySelector('[part="wrap-up-timer"], .field')!).display).to.equal('grid');
    expect(stateOf(desk, conversationId)).to.equal('wrap-up');
    expect(calls).to.equal(1);
  });

  it('treats a chunk that loads but cannot set itself up like a failed load: the error, then Try again works', async () => {
    let broken = true;
    CcCommunicationPanel.loadWorkday = async () => {
      calls++;
      const m = await load();
      return broken ? { ...m, panelWorkdayPart: () => { throw new TypeError('adoptedStyleSheets is not supported'); } } : m;
    };
    const { desk, panel, conversationId } = await setup();
    await desk.end(conversationId);
    await waitUntil(() => alertText(panel) !== '', 'no error for the part that failed to set up');
    const retry = [...root(panel).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === 'Try again');
    expect(retry, 'no Try again').to.exist;
    broken = false;
    retry!.click();
    await waitUntil(() => root(panel).querySelector('[part="wrap-up-note"]'), 'Try again did not load the wrap-up area');
    expect(calls).to.equal(2);
  });

  it('shows a failed load in the error line, keeps the panel usable, and loads on Try again (focus to the wrap-up note)', async () => {
    fail = true;
    const { desk, panel, conversationId } = await setup();
    await desk.end(conversationId);
    await waitUntil(() => alertText(panel).includes('Something went wrong'), 'no error for the failed load');
    const retry = [...root(panel).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === 'Try again');
    expect(retry, 'no Try again').to.exist;
    expect(root(panel).querySelector('[part~="wrap-up"]')!.getAttribute('aria-busy')).to.equal('false');
    // A failed load is not tried again on each render.
    panel.requestUpdate();
    await panel.updateComplete;
    expect(calls).to.equal(1);
    await expect(panel).to.be.accessible();

    fail = false;
    retry!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root(panel).querySelector('[part="wrap-up-note"]'), 'Try again did not load the wrap-up area');
    expect(calls).to.equal(2);
    expect(alertText(panel)).to.equal('');
    await waitUntil(() => root(panel).activeElement === root(panel).querySelector('[part="wrap-up-note"]'), 'the wrap-up note did not take the focus');
  });

  it('gives the wrap-up note the focus once loaded when the panel opens on a conversation in wrap-up, as before', async () => {
    const { desk, panel, conversationId } = await setup();
    await desk.end(conversationId);
    await waitUntil(() => root(panel).querySelector('[part="wrap-up-note"]'));
    panel.closest('cc-agent-desk')!.remove();
    expect(document.activeElement).to.equal(document.body);
    const again = await fixture<CcCommunicationPanel>(html`<cc-communication-panel .desk=${desk}></cc-communication-panel>`);
    await waitUntil(() => root(again).activeElement === root(again).querySelector('[part="wrap-up-note"]'), 'the wrap-up note did not take the focus');
  });

  it('loads the transfer dialog on "…" → Transfer: a busy placeholder, then the dialog with the focus; a failed load shows the error and Transfer tries again', async () => {
    fail = true;
    const { panel } = await setup({ transfer: { queues: ['Billing'], agents: true } });
    await choose(panel, 'Transfer…');
    await waitUntil(() => alertText(panel).includes('Something went wrong'), 'no error for the failed load');
    expect(root(panel).querySelector('dialog')).to.equal(null);
    expect(root(panel).querySelector('.transfer-loading')).to.equal(null);

    fail = false;
    let release!: () => void;
    held = new Promise<void>((resolve) => (release = resolve));
    await choose(panel, 'Transfer…');
    // The earlier failure is no longer said.
    expect(alertText(panel)).to.equal('');
    // A status, not busy: "Loading…" is announced.
    const placeholder = root(panel).querySelector('.transfer-loading[role="status"]:not([aria-busy="true"])');
    expect(placeholder, 'no loading status').to.exist;
    expect(placeholder!.getAttribute('aria-label')).to.equal('Transfer…');
    release();
    await waitUntil(() => root(panel).querySelector('dialog')?.open, 'the transfer dialog did not open');
    const dialog = root(panel).querySelector('dialog')!;
    expect(root(panel).querySelector('.transfer-loading')).to.equal(null);
    expect(dialog.contains(root(panel).activeElement), 'the focus is not in the dialog').to.equal(true);
    expect(getComputedStyle(dialog.querySelector('.actions')!).display).to.equal('flex');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !root(panel).querySelector('dialog'), 'the dialog did not close');
    expect(root(panel).activeElement).to.equal(root(panel).querySelector('.menu-button'));
  });
});
