import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Desk } from '../../src/core/desk/desk.js';
import '../../src/elements/session-tabs/define.js';
import '../../src/elements/shortcuts/define.js';
import type { CcSessionTabs } from '../../src/elements/session-tabs/session-tabs.js';
import type { CcShortcuts } from '../../src/elements/shortcuts/shortcuts.js';
import { CcAcceptEvent, CcSessionCloseEvent, CcSessionSelectEvent } from '../../src/elements/events.js';
import type { SimulatedTransport } from '../../src/transports/simulated/index.js';
import { simDesk } from '../harness.js';

/** Offers a conversation and accepts it, as the agent would: it opens as a session in front. */
async function acceptFrom(desk: Desk, transport: SimulatedTransport, name: string): Promise<string> {
  const offer = transport.offer({ locale: 'en', customer: { name }, firstMessage: `Hello from ${name}` });
  await waitUntil(() => desk.$offers.get().some((o) => o.id === offer.id), 'offer not shown');
  const conversation = await desk.accept(offer.id);
  return conversation.id;
}

async function setup(names: string[], deskOptions = {}): Promise<{ el: CcSessionTabs; desk: Desk; transport: SimulatedTransport; ids: string[] }> {
  const { desk, transport } = await simDesk({}, deskOptions);
  const ids: string[] = [];
  for (const name of names) ids.push(await acceptFrom(desk, transport, name));
  const el = await fixture<CcSessionTabs>(html`<cc-session-tabs .desk=${desk}></cc-session-tabs>`);
  return { el, desk, transport, ids };
}

/** Presses a key with Alt held (the runner takes one key per press). */
async function alt(key: string): Promise<void> {
  await sendKeys({ down: 'Alt' });
  await sendKeys({ press: key });
  await sendKeys({ up: 'Alt' });
}

const tabs = (el: CcSessionTabs): HTMLElement[] => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="tab"]')];
const tabNamed = (el: CcSessionTabs, name: string): HTMLElement => tabs(el).find((t) => t.querySelector('.name')!.textContent === name)!;
const unreadText = (el: CcSessionTabs, name: string): string => tabNamed(el, name).querySelector('[part="unread"] [aria-hidden]')?.textContent ?? '';

describe('<cc-session-tabs>', () => {
  it('shows one tab per accepted conversation; switching keeps the first one’s draft', async () => {
    const { el, desk, ids } = await setup(['Anna Nowak', 'Jan Kowalski']);
    expect(tabs(el).map((t) => t.querySelector('.name')!.textContent)).to.deep.equal(['Anna Nowak', 'Jan Kowalski']);
    expect(tabNamed(el, 'Jan Kowalski').getAttribute('aria-selected')).to.equal('true');
    expect(tabNamed(el, 'Anna Nowak').querySelector('[part="state"]')!.textContent).to.equal('Active');

    desk.composer(ids[1]!).setDraft('Half-written answer');
    tabNamed(el, 'Anna Nowak').click();
    await el.updateComplete;
    expect(desk.$activeConversationId.get()).to.equal(ids[0]);
    expect(tabNamed(el, 'Anna Nowak').getAttribute('aria-selected')).to.equal('true');
    tabNamed(el, 'Jan Kowalski').click();
    await desk.settled();
    expect(desk.composer(ids[1]!).draft).to.equal('Half-written answer');
    await expect(el).to.be.accessible();
  });

  it('counts customer messages in a background session and clears them on focus; "9+" above nine', async () => {
    const { el, desk, transport, ids } = await setup(['Anna Nowak', 'Jan Kowalski']);
    transport.customerSays(ids[0]!, 'Are you there?');
    await waitUntil(() => unreadText(el, 'Anna Nowak') === '1', 'no unread badge');
    expect(tabNamed(el, 'Anna Nowak').querySelector('.visually-hidden')!.textContent).to.equal('1 unread message');
    // Distinct times: the desk counts a message as unread only when it is newer than the last one it knew.
    const start = Date.now();
    for (let i = 0; i < 10; i++) transport.customerSays(ids[0]!, `Message ${i}`, { at: start + 1 + i });
    await waitUntil(() => unreadText(el, 'Anna Nowak') === '9+', 'badge does not cap at 9+');
    expect(unreadText(el, 'Jan Kowalski')).to.equal('');
    tabNamed(el, 'Anna Nowak').click();
    await waitUntil(() => unreadText(el, 'Anna Nowak') === '', 'unread not cleared');
    expect(desk.$activeConversationId.get()).to.equal(ids[0]);
  });

  it('closing a tab parks the conversation in Waiting and removes the tab; a cancelled close keeps it', async () => {
    const { el, desk, ids } = await setup(['Anna Nowak', 'Jan Kowalski']);
    const close = (): HTMLButtonElement => el.shadowRoot!.querySelector<HTMLButtonElement>('[aria-label="Close session with Anna Nowak"]')!;
    const veto = (e: Event): void => e.preventDefault();
    el.addEventListener('cc-session-close', veto, { once: true });
    close().click();
    await desk.settled();
    expect(tabs(el)).to.have.length(2);

    const seen: CcSessionCloseEvent[] = [];
    el.addEventListener('cc-session-close', (e) => seen.push(e));
    close().click();
    await waitUntil(() => tabs(el).length === 1, 'tab not gone');
    expect(seen[0]!.conversationId).to.equal(ids[0]);
    expect(desk.conversation(ids[0]!).get()!.state).to.equal('waiting');
  });

  it('moves with arrows, Home and End; Enter brings a session to the front, Delete closes it', async () => {
    const { el, desk, ids } = await setup(['Anna Nowak', 'Jan Kowalski', 'Ola Wiśniewska']);
    const focusedName = (): string | null | undefined => el.shadowRoot!.activeElement?.querySelector('.name')?.textContent;
    tabNamed(el, 'Ola Wiśniewska').focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(focusedName()).to.equal('Anna Nowak');
    await sendKeys({ press: 'End' });
    expect(focusedName()).to.equal('Ola Wiśniewska');
    await sendKeys({ press: 'Home' });
    expect(focusedName()).to.equal('Anna Nowak');
    await sendKeys({ press: 'ArrowRight' });
    expect(focusedName()).to.equal('Jan Kowalski');
    expect(desk.$activeConversationId.get()).to.equal(ids[2]);
    const selected: CcSessionSelectEvent[] = [];
    el.addEventListener('cc-session-select', (e) => selected.push(e));
    await sendKeys({ press: 'Enter' });
    expect(selected.map((e) => e.conversationId)).to.deep.equal([ids[1]]);
    expect(desk.$activeConversationId.get()).to.equal(ids[1]);
    expect(tabs(el).filter((t) => t.tabIndex === 0)).to.have.length(1);
    await sendKeys({ press: 'Delete' });
    await waitUntil(() => tabs(el).length === 2, 'Delete did not close');
    expect(desk.conversation(ids[1]!).get()!.state).to.equal('waiting');
    expect(el.shadowRoot!.activeElement?.getAttribute('role')).to.equal('tab');
  });

  it('says "n of max" and why when every slot is taken', async () => {
    const { el } = await setup(['Anna Nowak', 'Jan Kowalski'], { maxSessions: 2 });
    expect(el.shadowRoot!.querySelector('[part="count"]')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      '2 of 2 All 2 session slots are taken. Close a session to accept another conversation.',
    );
    expect(el.matches(':state(full)')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('says so when no session is open', async () => {
    const { el } = await setup([]);
    expect(el.shadowRoot!.textContent).to.contain('No open sessions.');
    expect(el.matches(':state(empty)')).to.equal(true);
  });

  it('keeps tabs compact: one line when there is room, the badges under a readable name when narrow; the channel is read, not shown', async () => {
    const { desk, transport } = await simDesk();
    const ids: string[] = [];
    for (const name of ['Aleksandra Mazur', 'Małgorzata Kowalczyk', 'Piotr Zieliński']) ids.push(await acceptFrom(desk, transport, name));
    transport.customerSays(ids[0]!, 'Are you there?');
    for (const [lang, width] of [['en', 900], ['pl', 900], ['en', 430], ['pl', 430], ['pl', 360]] as const) {
      const el = await fixture<CcSessionTabs>(html`<cc-session-tabs .desk=${desk} lang=${lang} style="width: ${width}px"></cc-session-tabs>`);
      await waitUntil(() => unreadText(el, 'Aleksandra Mazur') === '1', 'no unread badge');
      for (const tab of tabs(el)) {
        const name = tab.querySelector<HTMLElement>('.name')!;
        const line = name.getBoundingClientRect().height;
        const what = `${lang} ${width}px: ${name.textContent}`;
        // One line wide; at most the name and a line of small badges narrow.
        expect(tab.getBoundingClientRect().height, what).to.be.below(line * (width >= 900 ? 2 : 3));
        expect(name.getBoundingClientRect().width, what).to.be.at.least(parseFloat(getComputedStyle(name).fontSize) * 5.5);
        expect(name.title).to.equal(name.textContent);
        const channel = tab.querySelector<HTMLElement>('.channel')!;
        expect(channel.textContent).to.equal('Facebook Messenger');
        expect(channel.getBoundingClientRect().width).to.be.at.most(1);
        expect(tab.querySelector('[part="state"]')!.getBoundingClientRect().width).to.be.above(0);
      }
      await expect(el).to.be.accessible();
    }
  });
});

describe('<cc-shortcuts>', () => {
  it('switches, closes, accepts and rejects from the keyboard; leaves typing alone', async () => {
    const { desk, transport, ids } = await setup(['Anna Nowak', 'Jan Kowalski', 'Ola Wiśniewska']);
    const el = await fixture<CcShortcuts>(html`<div><input aria-label="Notes" /><cc-shortcuts .desk=${desk}></cc-shortcuts></div>`);
    const shortcuts = el.querySelector('cc-shortcuts')!;
    await shortcuts.updateComplete;
    expect(desk.$activeConversationId.get()).to.equal(ids[2]);
    await alt('ArrowDown');
    expect(desk.$activeConversationId.get()).to.equal(ids[0]);
    await alt('ArrowUp');
    expect(desk.$activeConversationId.get()).to.equal(ids[2]);
    await alt('2');
    expect(desk.$activeConversationId.get()).to.equal(ids[1]);

    await alt('KeyW');
    await waitUntil(() => desk.sessions.$sessions.get().length === 2, 'Alt+W did not close');
    expect(desk.conversation(ids[1]!).get()!.state).to.equal('waiting');

    const accepted: CcAcceptEvent[] = [];
    shortcuts.addEventListener('cc-accept', (e) => accepted.push(e));
    const offer = transport.offer({ locale: 'en', customer: { name: 'Piotr Zieliński' } });
    await waitUntil(() => desk.$offers.get().length === 1, 'no offer');
    await alt('KeyA');
    await waitUntil(() => desk.sessions.$sessions.get().length === 3, 'Alt+A did not accept');
    expect(accepted.map((e) => e.offerId)).to.deep.equal([offer.id]);

    const second = transport.offer({ locale: 'en', customer: { name: 'Ewa Lis' } });
    await waitUntil(() => desk.$offers.get().length === 1, 'no second offer');
    await alt('KeyR');
    await waitUntil(() => !desk.$offers.get().some((o) => o.id === second.id), 'Alt+R did not reject');
    expect(desk.sessions.$sessions.get()).to.have.length(3);

    const input = el.querySelector('input')!;
    input.focus();
    await sendKeys({ type: '?' });
    expect(input.value).to.equal('?');
    expect(shortcuts.shadowRoot!.querySelector('dialog')!.open).to.equal(false);
  });

  it('opens the help with ?, closes it with Escape and gives focus back', async () => {
    const { desk } = await simDesk();
    const el = await fixture<HTMLDivElement>(html`<div><button>Before</button><cc-shortcuts .desk=${desk}></cc-shortcuts></div>`);
    const shortcuts = el.querySelector('cc-shortcuts')!;
    await shortcuts.updateComplete;
    const before = el.querySelector('button')!;
    before.focus();
    await sendKeys({ type: '?' });
    const dialog = shortcuts.shadowRoot!.querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.textContent).to.contain('Alt+W');
    await expect(shortcuts).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    expect(dialog.open).to.equal(false);
    expect(document.activeElement).to.equal(before);
  });

  it('stops listening once removed', async () => {
    const { desk, ids } = await setup(['Anna Nowak', 'Jan Kowalski']);
    const el = await fixture<CcShortcuts>(html`<cc-shortcuts .desk=${desk}></cc-shortcuts>`);
    el.remove();
    await alt('1');
    expect(desk.$activeConversationId.get()).to.equal(ids[1]);
  });
});
