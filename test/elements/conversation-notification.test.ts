import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Desk, DeskOptions } from '../../src/core/desk/desk.js';
import type { WritableAtom } from 'nanostores';
import type { Offer } from '../../src/core/model.js';
import '../../src/elements/agent-desk/define.js';
import '../../src/elements/conversation-notification/define.js';
import type { CcConversationNotification } from '../../src/elements/conversation-notification/conversation-notification.js';
import type { CcAcceptEvent, CcOfferExpiredEvent, CcPresenceEvent, CcRejectEvent } from '../../src/elements/events.js';
import type { SimulatedTransport, OfferInput, SimulatedTransportOptions } from '../../src/transports/simulated/index.js';
import { simDesk } from '../harness.js';

function makeDesk(
  options: Partial<Omit<DeskOptions, 'transport'>> = {},
  transportOptions: SimulatedTransportOptions = {},
): Promise<{ desk: Desk; transport: SimulatedTransport }> {
  return simDesk({ seed: 3, ...transportOptions }, options);
}

async function mount(desk: Desk, attrs: { lang?: string; sound?: boolean; desktop?: boolean } = {}): Promise<CcConversationNotification> {
  return fixture<CcConversationNotification>(html`
    <cc-conversation-notification
      .desk=${desk}
      lang=${attrs.lang ?? 'en'}
      ?sound=${attrs.sound ?? false}
      ?desktop-notification=${attrs.desktop ?? false}
    ></cc-conversation-notification>
  `);
}

const anna: OfferInput = {
  customer: { name: 'Anna Nowak', avatarUrl: 'javascript:alert(1)' },
  queue: 'Billing',
  firstMessage: 'Hello, my invoice for March is wrong <img src=x onerror=alert(1)>',
  otherConversations: [],
};

function part(el: CcConversationNotification, name: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`);
}

function has(el: CcConversationNotification, name: string): boolean {
  return part(el, name) !== null;
}

function text(node: Element | null): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Where focus is, as a short name: comparing elements directly makes failures unreadable. */
function focused(): string {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  if (!active || active === document.body) return 'body';
  return active.getAttribute('part') ?? (active.id ? `#${active.id}` : active.localName);
}

async function settle(el: CcConversationNotification): Promise<void> {
  await el.activeDesk?.settled();
  await el.updateComplete;
}

/** Whether a tab holds (or waits for) the lock that lets one tab alert for this offer: held while its alert runs. */
async function alertLock(agentId: string, offerId: string): Promise<'held' | 'pending' | 'none'> {
  const { held = [], pending = [] } = await navigator.locks.query();
  const name = `cc-offer-alert:${agentId}:${offerId}`;
  if (held.some((lock) => lock.name === name)) return 'held';
  return pending.some((lock) => lock.name === name) ? 'pending' : 'none';
}


/** Every image `root` ever shows, even one removed again at once (a failed load is dropped). */
function recordImages(root: ShadowRoot): string[] {
  const seen: string[] = [];
  const note = (node: Node): void => {
    if (node instanceof HTMLImageElement) seen.push(node.getAttribute('src') ?? '');
    if (node instanceof Element) node.querySelectorAll('img').forEach(note);
  };
  new MutationObserver((records) => records.forEach((r) => r.addedNodes.forEach(note))).observe(root, { childList: true, subtree: true });
  return seen;
}

describe('cc-conversation-notification', () => {
  it('is defined', () => {
    expect(customElements.get('cc-conversation-notification')).to.exist;
  });

  it('takes no space and shows nothing while there is no offer', async () => {
    const { desk } = await makeDesk();
    const el = await mount(desk);
    expect(has(el, 'card')).to.equal(false);
    expect(has(el, 'missed')).to.equal(false);
    const box = el.getBoundingClientRect();
    expect(box.height).to.equal(0);
  });

  it('shows the first message as plain text, without Messenger formatting markers', async () => {
    const { desk, transport } = await makeDesk();
    const el = await mount(desk);
    transport.offer({ ...anna, firstMessage: 'Zapłaciłam *149,99 zł* ~twice~, kod `PL-7731` <b>x</b>' });
    await settle(el);
    const preview = el.shadowRoot!.querySelector<HTMLElement>('.preview-text')!;
    expect(preview.textContent).to.equal('Zapłaciłam 149,99 zł twice, kod PL-7731 <b>x</b>');
    expect(preview.title).to.equal(preview.textContent);
    expect(preview.children.length, 'text only, no markup').to.equal(0);
  });

  it('shows the customer, channel, queue, wait time, first message and a countdown, as text', async () => {
    const { desk, transport } = await makeDesk();
    const el = await mount(desk);
    transport.offer({ ...anna, requestedAt: Date.now() - 65_000 });
    await settle(el);

    const card = part(el, 'card')!;
    expect(card.getAttribute('role')).to.equal('alertdialog');
    const content = text(card);
    expect(content).to.include('Anna Nowak');
    expect(content).to.include('Facebook Messenger');
    expect(content).to.include('Billing');
    expect(content).to.match(/Waiting\s*1:0[5-7]/);
    expect(content).to.include('Hello, my invoice for March is wrong <img src=x onerror=alert(1)>');
    expect(el.shadowRoot!.querySelectorAll('img').length).to.equal(0, 'neither the preview nor a javascript: avatar creates an image');
    expect(text(part(el, 'countdown'))).to.match(/^Expires in 1(19|20) s$/);
    expect(part(el, 'countdown')!.getAttribute('aria-live')).to.equal('off');
    expect(text(el.shadowRoot!.querySelector('[role="status"]'))).to.equal(
      'Incoming Facebook conversation from Anna Nowak, queue Billing.',
    );
    expect(content).to.include('No other active conversations.');
    await expect(el).to.be.accessible();
  });

  it('shows an http(s) avatar only', async () => {
    const { desk, transport } = await makeDesk();
    const el = await mount(desk);
    transport.offer({ ...anna, customer: { name: 'Ola', avatarUrl: 'data:image/png;base64,AAAA' } });
    await settle(el);
    expect(el.shadowRoot!.querySelectorAll('img').length).to.equal(0);
    await desk.accept(desk.$offers.get()[0]!.id);
    // Served by the test server itself, so it loads without a network.
    const avatarUrl = `${location.origin}/test/fixtures/avatar.svg`;
    transport.offer({ ...anna, customer: { name: 'Ola', avatarUrl } });
    await settle(el);
    const avatar = () => el.shadowRoot!.querySelector<HTMLImageElement>('img');
    await waitUntil(() => avatar()?.complete && avatar()!.naturalWidth > 0, 'the avatar never loaded');
    expect(avatar()!.getAttribute('src')).to.equal(avatarUrl);
  });

  it('never fetches a relative or protocol-relative avatar URL against the page, and sends no referrer', async () => {
    const { desk, transport } = await makeDesk();
    const el = await mount(desk);
    const images = recordImages(el.shadowRoot!);
    // Resolved against the CRM's own origin, these would be requests made with the agent's cookies.
    for (const avatarUrl of ['/api/session/logout?all=1', 'api/session/logout', '//evil.example/a.png', '?logout=1']) {
      const offer = transport.offer({ ...anna, customer: { name: 'Ola', avatarUrl } });
      await settle(el);
      expect(text(part(el, 'card'))).to.include('Ola');
      await desk.accept(offer.id);
      await settle(el);
    }
    expect(images).to.deep.equal([]);
    transport.offer({ ...anna, customer: { name: 'Ola', avatarUrl: `${location.origin}/test/fixtures/avatar.svg` } });
    await settle(el);
    expect(el.shadowRoot!.querySelector('img')!.getAttribute('referrerpolicy')).to.equal('no-referrer');
  });

  it('counts down live without re-announcing the offer', async () => {
    const { desk, transport } = await makeDesk({ offerTimeout: 3 });
    const el = await mount(desk);
    transport.offer(anna);
    await settle(el);
    expect(text(part(el, 'countdown'))).to.equal('Expires in 3 s');
    const live = el.shadowRoot!.querySelector('[aria-live="polite"]')!;
    const spoken = live.firstElementChild;
    await waitUntil(() => /Expires in [12] s/.test(text(part(el, 'countdown'))), 'countdown did not move', { timeout: 2500 });
    // The offer is announced once: ticking changes nothing in the live region.
    expect(live.firstElementChild === spoken, 'live region re-rendered').to.equal(true);
    expect(el.shadowRoot!.querySelectorAll('[aria-live="polite"], [role="status"], [role="alert"]').length).to.equal(1);
  });

  it("lists the customer's other active conversations (F2)", async () => {
    const { desk, transport } = await makeDesk();
    const el = await mount(desk);
    transport.offer({
      ...anna,
      otherConversations: [
        { id: 'c-9', channel: 'facebook', queue: 'Returns', state: 'active', startedAt: Date.now() - 3_600_000 },
        { id: 'c-8', channel: 'facebook', queue: 'Sales', state: 'waiting', startedAt: Date.now() - 7_200_000 },
      ],
    });
    await settle(el);
    const items = [...el.shadowRoot!.querySelectorAll('.others li')].map(text);
    expect(items).to.have.length(2);
    expect(items[0]).to.match(/^Returns Active Started /);
    expect(items[1]).to.match(/^Sales Waiting Started /);
    expect(text(part(el, 'card'))).not.to.include('No other active conversations.');
    await expect(el).to.be.accessible();
  });

  it('says "unknown" for a start time or an expiry it does not know, and always shows Accept', async () => {
    const { desk, transport } = await makeDesk();
    const el = await mount(desk);
    transport.offer({
      ...anna,
      otherConversations: [{ id: 'c-9', channel: 'facebook', queue: 'Returns', state: 'active' }],
    });
    await settle(el);
    expect([...el.shadowRoot!.querySelectorAll('.others li')].map(text)).to.deep.equal(['Returns Active Started: unknown']);
    // Past the desk's own checks: what the element does with dates it cannot read.
    const offers = desk.$offers as unknown as WritableAtom<readonly Offer[]>;
    const [offer] = offers.get();
    offers.set([
      {
        ...offer!,
        requestedAt: Number.NaN,
        expiresAt: undefined,
        otherConversations: [{ id: 'c-8', channel: 'facebook', queue: 'Sales', state: 'waiting', startedAt: Number.NaN }],
      },
    ]);
    await settle(el);
    expect(has(el, 'accept')).to.equal(true);
    expect(text(part(el, 'countdown'))).to.equal('Expires: unknown');
    expect(text(part(el, 'card'))).to.match(/Waiting\s*unknown/);
    expect([...el.shadowRoot!.querySelectorAll('.others li')].map(text)).to.deep.equal(['Sales Waiting Started: unknown']);
    expect(text(part(el, 'card'))).not.to.match(/NaN|Invalid/);
    await expect(el).to.be.accessible();
  });

  it('says "unknown" in Polish', async () => {
    const { desk, transport } = await makeDesk();
    const el = await mount(desk, { lang: 'pl' });
    transport.offer({ ...anna, otherConversations: [{ id: 'c-9', channel: 'facebook', queue: 'Returns', state: 'active' }] });
    await settle(el);
    const offers = desk.$offers as unknown as WritableAtom<readonly Offer[]>;
    offers.set(offers.get().map((o) => ({ ...o, expiresAt: undefined })));
    await settle(el);
    expect(text(part(el, 'countdown'))).to.equal('Wygasa: nie wiadomo');
    expect([...el.shadowRoot!.querySelectorAll('.others li')].map(text)).to.deep.equal(['Returns Aktywna Rozpoczęta: nie wiadomo']);
  });

  it('accepting starts the conversation and removes the offer', async () => {
    const { desk, transport } = await makeDesk();
    const el = await mount(desk);
    const offer = transport.offer(anna);
    await settle(el);
    const accepted = oneEvent(el, 'cc-accept') as unknown as Promise<CcAcceptEvent>;
    part(el, 'accept')!.click();
    expect((await accepted).offerId).to.equal(offer.id);
    await waitUntil(() => desk.$activeConversationId.get() === offer.conversationId, 'conversation not active');
    await el.updateComplete;
    expect(desk.$offers.get()).to.deep.equal([]);
    expect(transport.pendingOffers).to.deep.equal([]);
    expect(has(el, 'card')).to.equal(false);
  });

  it('a cancelled cc-accept keeps the offer and calls nothing', async () => {
    const { desk, transport } = await makeDesk();
    const el = await mount(desk);
    const offer = transport.offer(anna);
    await settle(el);
    let calls = 0;
    const accept = desk.accept.bind(desk);
    desk.accept = (id: string) => {
      calls++;
      return accept(id);
    };
    el.addEventListener('cc-accept', (e) => e.preventDefault());
    part(el, 'accept')!.click();
    await settle(el);
    expect(calls).to.equal(0);
    expect(desk.$offers.get().map((o) => o.id)).to.deep.equal([offer.id]);
    expect(transport.pendingOffers.map((o) => o.id)).to.deep.equal([offer.id]);
    expect(has(el, 'card')).to.equal(true);
  });

  it('shows a short error and keeps the offer when accepting fails', async () => {
    const { desk, transport } = await makeDesk();
    const el = await mount(desk);
    transport.offer(anna);
    await settle(el);
    await transport.disconnect();
    part(el, 'accept')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('.error'), 'no error shown');
    expect(text(el.shadowRoot!.querySelector('.error'))).to.equal('That did not work. Try again.');
    expect(has(el, 'card')).to.equal(true);
    expect(desk.$offers.get()).to.have.length(1);
  });

  it('rejecting removes the offer', async () => {
    const { desk, transport } = await makeDesk();
    const el = await mount(desk);
    const offer = transport.offer(anna);
    await settle(el);
    const rejected = oneEvent(el, 'cc-reject') as unknown as Promise<CcRejectEvent>;
    part(el, 'reject')!.click();
    expect((await rejected).offerId).to.equal(offer.id);
    await waitUntil(() => desk.$offers.get().length === 0, 'offer still waiting');
    await el.updateComplete;
    expect(transport.pendingOffers).to.deep.equal([]);
    expect(desk.$activeConversationId.get()).to.equal(undefined);
    expect(has(el, 'card')).to.equal(false);
  });

  it('hides Reject, and ignores Escape, when the desk does not allow rejecting', async () => {
    const { desk, transport } = await makeDesk({ allowReject: false });
    const el = await mount(desk);
    transport.offer(anna);
    await settle(el);
    expect(has(el, 'accept')).to.equal(true);
    expect(has(el, 'reject')).to.equal(false);
    let rejects = 0;
    el.addEventListener('cc-reject', () => rejects++);
    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect(rejects).to.equal(0);
    expect(desk.$offers.get()).to.have.length(1);
  });

  it('hides Reject when the transport cannot reject', async () => {
    const { desk, transport } = await makeDesk({}, { capabilities: { reject: false } });
    const el = await mount(desk);
    transport.offer(anna);
    await settle(el);
    expect(has(el, 'reject')).to.equal(false);
  });

  it('says how many more conversations wait', async () => {
    const { desk, transport } = await makeDesk();
    const el = await mount(desk);
    transport.offer(anna);
    transport.offer();
    await settle(el);
    expect(text(el.shadowRoot!.querySelector('.more'))).to.equal('1 more conversation waiting');
    transport.offer();
    await settle(el);
    expect(text(el.shadowRoot!.querySelector('.more'))).to.equal('2 more conversations waiting');
    expect(text(part(el, 'card'))).to.include('Anna Nowak');
  });

  it('uses Polish plurals for 2 and 5 more waiting', async () => {
    const { desk, transport } = await makeDesk();
    const el = await mount(desk, { lang: 'pl' });
    for (let i = 0; i < 3; i++) transport.offer();
    await settle(el);
    expect(text(el.shadowRoot!.querySelector('.more'))).to.equal('Czeka jeszcze 2 rozmowy');
    expect(text(part(el, 'accept'))).to.equal('Akceptuj');
    for (let i = 0; i < 3; i++) transport.offer();
    await settle(el);
    expect(text(el.shadowRoot!.querySelector('.more'))).to.equal('Czeka jeszcze 5 rozmów');
  });

  describe('expiry', () => {
    it('withdraws the offer, makes the agent inactive, fires cc-offer-expired once and shows the missed notice', async () => {
      const { desk, transport } = await makeDesk({ offerTimeout: 0.3 });
      const el = await mount(desk);
      const fired: string[] = [];
      el.addEventListener('cc-offer-expired', (e: CcOfferExpiredEvent) => {
        expect(e.cancelable).to.equal(false);
        fired.push(e.offerId);
      });
      const offer = transport.offer(anna);
      await settle(el);
      expect(has(el, 'card')).to.equal(true);

      await waitUntil(() => part(el, 'missed'), 'no missed notice', { timeout: 2000 });
      expect(desk.$offers.get()).to.deep.equal([]);
      expect(desk.$presence.get()).to.equal('inactive');
      expect(has(el, 'card')).to.equal(false);
      expect(fired).to.deep.equal([offer.id]);
      expect(text(part(el, 'missed'))).to.include('Missed conversation');
      expect(text(part(el, 'missed'))).to.include('Anna Nowak');
      await expect(el).to.be.accessible();

      el.requestUpdate();
      await settle(el);
      expect(fired).to.deep.equal([offer.id], 'fired once per offer');
    });

    it('"Become available" fires cc-presence and sets the presence', async () => {
      const { desk, transport } = await makeDesk({ offerTimeout: 0.2 });
      const el = await mount(desk);
      transport.offer(anna);
      await waitUntil(() => part(el, 'missed'), 'no missed notice', { timeout: 2000 });
      const button = [...part(el, 'missed')!.querySelectorAll('button')].find((b) => text(b) === 'Become available')!;
      const intent = oneEvent(el, 'cc-presence') as unknown as Promise<CcPresenceEvent>;
      button.click();
      expect((await intent).presence).to.equal('available');
      await waitUntil(() => desk.$presence.get() === 'available', 'still inactive');
      expect(transport.presence).to.equal('available');
      await el.updateComplete;
      expect(has(el, 'missed')).to.equal(false);
    });

    it('a cancelled cc-presence leaves the agent inactive', async () => {
      const { desk, transport } = await makeDesk({ offerTimeout: 0.2 });
      const el = await mount(desk);
      transport.offer(anna);
      await waitUntil(() => part(el, 'missed'), 'no missed notice', { timeout: 2000 });
      el.addEventListener('cc-presence', (e) => e.preventDefault());
      const button = [...part(el, 'missed')!.querySelectorAll('button')].find((b) => text(b) === 'Become available')!;
      button.click();
      await settle(el);
      expect(desk.$presence.get()).to.equal('inactive');
      expect(has(el, 'missed')).to.equal(true);
    });

    it('"Dismiss" hides the notice and the element takes no space again', async () => {
      const { desk, transport } = await makeDesk({ offerTimeout: 0.2 });
      const el = await mount(desk);
      transport.offer(anna);
      await waitUntil(() => part(el, 'missed'), 'no missed notice', { timeout: 2000 });
      const button = [...part(el, 'missed')!.querySelectorAll('button')].find((b) => text(b) === 'Dismiss')!;
      button.click();
      await el.updateComplete;
      expect(desk.$missedOffers.get()).to.deep.equal([]);
      expect(has(el, 'missed')).to.equal(false);
      expect(el.getBoundingClientRect().height).to.equal(0);
      expect(desk.$presence.get()).to.equal('inactive');
    });
  });

  describe('keyboard and focus', () => {
    async function mountWithButton(desk: Desk): Promise<{ el: CcConversationNotification; outside: HTMLButtonElement; input: HTMLInputElement }> {
      const wrapper = await fixture<HTMLDivElement>(html`
        <div>
          <button id="outside">CRM button</button>
          <label>Note <input id="note" /></label>
          <cc-conversation-notification .desk=${desk}></cc-conversation-notification>
        </div>
      `);
      return {
        el: wrapper.querySelector('cc-conversation-notification')!,
        outside: wrapper.querySelector('#outside')!,
        input: wrapper.querySelector('#note')!,
      };
    }

    it('moves focus to Accept; Enter accepts and focus returns where it was', async () => {
      const { desk, transport } = await makeDesk();
      const { el, outside } = await mountWithButton(desk);
      outside.focus();
      const offer = transport.offer(anna);
      await settle(el);
      expect(focused()).to.equal('accept');

      await sendKeys({ press: 'Enter' });
      await waitUntil(() => desk.$activeConversationId.get() === offer.conversationId, 'Enter did not accept');
      await settle(el);
      expect(has(el, 'card')).to.equal(false);
      expect(focused()).to.equal('#outside');
    });

    it('after accepting, focus moves to the next queued offer', async () => {
      const { desk, transport } = await makeDesk();
      const { el } = await mountWithButton(desk);
      transport.offer(anna);
      transport.offer({ customer: { name: 'Piotr Zieliński' } });
      await settle(el);
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => text(part(el, 'card')).includes('Piotr Zieliński'), 'next offer not shown');
      await settle(el);
      expect(focused()).to.equal('accept');
    });

    it('Escape never rejects: the offer stays on screen and focus goes back where it was', async () => {
      const { desk, transport } = await makeDesk();
      const { el, outside } = await mountWithButton(desk);
      outside.focus();
      const offer = transport.offer(anna);
      await settle(el);
      expect(focused()).to.equal('accept');
      let rejects = 0;
      el.addEventListener('cc-reject', () => rejects++);

      await sendKeys({ press: 'Escape' });
      await settle(el);
      expect(rejects).to.equal(0);
      expect(focused()).to.equal('#outside');
      // Not from the Reject button either: rejecting takes its explicit press.
      part(el, 'reject')!.focus();
      await sendKeys({ press: 'Escape' });
      await settle(el);
      expect(rejects).to.equal(0);
      expect(desk.$offers.get().map((o) => o.id)).to.deep.equal([offer.id]);
      expect(transport.pendingOffers.map((o) => o.id)).to.deep.equal([offer.id]);
      expect(has(el, 'card')).to.equal(true);
      expect(focused()).to.equal('#outside');

      part(el, 'reject')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => desk.$offers.get().length === 0, 'Enter on Reject did not reject');
      expect(rejects).to.equal(1);
      expect(desk.$activeConversationId.get()).to.equal(undefined);
    });

    it('does not steal focus from a field the agent is typing in', async () => {
      const { desk, transport } = await makeDesk();
      const { el, input } = await mountWithButton(desk);
      input.focus();
      await sendKeys({ type: 'Hel' });
      transport.offer(anna);
      await settle(el);
      expect(has(el, 'card')).to.equal(true);
      expect(focused()).to.equal('#note');
      await sendKeys({ type: 'lo' });
      expect(input.value).to.equal('Hello');
    });

    it('returns focus when the focused offer expires', async () => {
      const { desk, transport } = await makeDesk({ offerTimeout: 0.3 });
      const { el, outside } = await mountWithButton(desk);
      outside.focus();
      transport.offer(anna);
      await settle(el);
      expect(focused()).to.equal('accept');
      await waitUntil(() => part(el, 'missed'), 'no missed notice', { timeout: 2000 });
      await settle(el);
      expect(focused()).to.equal('#outside');
    });
  });

  it('finds its desk through desk-id="id" outside <cc-agent-desk>', async () => {
    const { desk, transport } = await makeDesk();
    const wrapper = await fixture<HTMLDivElement>(html`
      <div>
        <cc-agent-desk id="desk-a" .desk=${desk}><p>CRM content</p></cc-agent-desk>
        <aside><cc-conversation-notification desk-id="desk-a"></cc-conversation-notification></aside>
      </div>
    `);
    const el = wrapper.querySelector('cc-conversation-notification')!;
    transport.offer(anna);
    await settle(el);
    expect(el.activeDesk).to.equal(desk);
    expect(text(part(el, 'card'))).to.include('Anna Nowak');
  });

  describe('sound and desktop notification', () => {
    let oscillators = 0;
    const original = AudioContext.prototype.createOscillator;
    beforeEach(() => {
      oscillators = 0;
      AudioContext.prototype.createOscillator = function (this: AudioContext) {
        oscillators++;
        return original.call(this);
      };
    });
    afterEach(() => {
      AudioContext.prototype.createOscillator = original;
    });

    it('plays a tone for a new offer only with the sound attribute', async () => {
      await sendKeys({ press: 'Shift' }); // a user gesture, as a browser requires for sound
      const quiet = await makeDesk({ agent: { id: 'agent-quiet' } });
      const silent = await mount(quiet.desk);
      const unheard = quiet.transport.offer(anna);
      await settle(silent);
      // The element decides when it shows the offer: an alerting element has asked for the alert lock by now.
      expect(has(silent, 'card')).to.equal(true);
      expect(await alertLock('agent-quiet', unheard.id)).to.equal('none');
      expect(oscillators).to.equal(0);

      const loud = await makeDesk({ agent: { id: 'agent-sound' } });
      const el = await mount(loud.desk, { sound: true });
      const heard = loud.transport.offer(anna);
      await settle(el);
      await waitUntil(() => oscillators === 1, 'no tone played');
      expect(await alertLock('agent-sound', heard.id)).to.equal('held');
    });

    it('shows a desktop notification only when permission was already granted, and never asks', async () => {
      const created: { title: string; options: NotificationOptions | undefined }[] = [];
      let asked = 0;
      let permission: NotificationPermission = 'default';
      class FakeNotification extends EventTarget {
        static get permission(): NotificationPermission {
          return permission;
        }
        static requestPermission(): Promise<NotificationPermission> {
          asked++;
          return Promise.resolve(permission);
        }
        constructor(title: string, options?: NotificationOptions) {
          super();
          created.push({ title, options });
        }
        close(): void {}
      }
      const real = window.Notification;
      window.Notification = FakeNotification as unknown as typeof Notification;
      try {
        const { desk, transport } = await makeDesk({ agent: { id: 'agent-desktop' } });
        const el = await mount(desk, { desktop: true });
        const first = transport.offer(anna);
        await settle(el);
        // The alert runs while its lock is held: by then a notification would have been created.
        await waitUntil(async () => (await alertLock('agent-desktop', first.id)) === 'held', 'the alert never ran');
        expect(created).to.deep.equal([]);
        expect(asked).to.equal(0);

        permission = 'granted';
        const offer: Offer = transport.offer({ ...anna, customer: { name: 'Jan Kowalski' } });
        await settle(el);
        await waitUntil(() => created.length === 1, 'no desktop notification');
        expect(created[0]!.title).to.equal('Facebook conversation from Jan Kowalski');
        expect(created[0]!.options?.body).to.equal(offer.firstMessage);
        expect(asked).to.equal(0);
      } finally {
        window.Notification = real;
      }
    });
  });

  it('says so instead of accepting when every session slot is taken, and accepts nothing', async () => {
    const { desk, transport } = await makeDesk({ maxSessions: 1, capacity: { total: 5 } });
    const el = await mount(desk);
    await desk.accept(transport.offer(anna).id);
    const next = transport.offer(anna);
    await waitUntil(() => part(el, 'session-limit'), 'no notice about the session cap');
    expect(text(part(el, 'session-limit'))).to.include('session slots are taken');
    const accept = part(el, 'accept')!;
    expect(accept.getAttribute('aria-disabled')).to.equal('true');
    accept.click();
    await el.updateComplete;
    expect(desk.$offers.get().map((o) => o.id)).to.deep.equal([next.id]);
    expect(desk.sessions.$sessions.get()).to.have.length(1);
    await expect(el).to.be.accessible();
  });
});
