import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Desk } from '../../src/core/desk/desk.js';
import type { Offer } from '../../src/core/model.js';
import { createMemoryStorage } from '../../src/core/storage.js';
import '../../src/elements/conversation-notes/define.js';
import '../../src/elements/conversation-notification/define.js';
import '../../src/elements/customer-form/define.js';
import '../../src/elements/record-create/define.js';
import type { CcConversationNotes } from '../../src/elements/conversation-notes/conversation-notes.js';
import type { CcConversationNotification } from '../../src/elements/conversation-notification/conversation-notification.js';
import type { CcCustomerForm } from '../../src/elements/customer-form/customer-form.js';
import type { CcRecordCreate } from '../../src/elements/record-create/record-create.js';
import type { CcRecordCreatedEvent } from '../../src/elements/events.js';
import type { OfferInput } from '../../src/transports/simulated/index.js';
import { dispose, simDesk, testTransportDesk } from '../harness.js';

/**
 * Workflow state lives in the desk, not in the elements: two views of one conversation show the
 * same state, a reload (a new desk on the same storage) keeps it, and the desk does the work once.
 */

const anna: OfferInput = {
  conversationId: 'conv-anna',
  customer: { id: 'cust-anna', name: 'Anna Nowak' },
  queue: 'Orders',
  links: {},
};

/** An offer from a new customer each time. */
const caller = (): OfferInput => ({ customer: { name: 'Anna Nowak' }, queue: 'Orders' });

const shadow = (el: Element, selector: string): HTMLElement | null => el.shadowRoot!.querySelector<HTMLElement>(selector);
const text = (node: Element | null): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const noteField = (el: CcConversationNotes): HTMLTextAreaElement => shadow(el, 'textarea') as HTMLTextAreaElement;

describe('state the desk keeps for every view', () => {
  it('a note draft typed in one notes element shows in another on the same conversation and survives a reload', async () => {
    const storage = createMemoryStorage();
    const { desk, transport } = await testTransportDesk({ sim: { seed: 7 } }, { storage });
    const conversation = transport.sim.startConversation(anna);
    desk.setActive(conversation.id);
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <cc-conversation-notes .desk=${desk} lang="en"></cc-conversation-notes>
      <cc-conversation-notes .desk=${desk} lang="en" conversation-id=${conversation.id}></cc-conversation-notes>
    </div>`);
    const [first, second] = [...wrapper.querySelectorAll('cc-conversation-notes')] as [CcConversationNotes, CcConversationNotes];
    await first.updateComplete;

    noteField(first).focus();
    await sendKeys({ type: 'Call back on Friday' });
    await waitUntil(() => noteField(second).value === 'Call back on Friday', 'the second view did not show the draft');

    // The views go away at once; writing the draft is the desk's work, not theirs.
    wrapper.remove();
    await desk.settled();
    expect(await desk.getNoteDraft(conversation.id)).to.equal('Call back on Friday');

    dispose(desk);
    const reloaded = await testTransportDesk({ sim: { seed: 7 } }, { storage });
    const after = await fixture<CcConversationNotes>(
      html`<cc-conversation-notes .desk=${reloaded.desk} lang="en" conversation-id=${conversation.id}></cc-conversation-notes>`,
    );
    await waitUntil(() => noteField(after).value === 'Call back on Friday', 'the draft was not restored after the reload');
  });

  it('loads a customer’s recent cases once, however many forms show them, and refreshes once when a case is linked', async () => {
    const { desk, transport } = await testTransportDesk({ sim: { seed: 7 } });
    const conversation = transport.sim.startConversation(anna);
    desk.setActive(conversation.id);
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <cc-customer-form .desk=${desk} lang="en"></cc-customer-form>
      <cc-customer-form .desk=${desk} lang="en" conversation-id=${conversation.id}></cc-customer-form>
    </div>`);
    const forms = [...wrapper.querySelectorAll('cc-customer-form')] as CcCustomerForm[];
    const shown = (form: CcCustomerForm): string => text(shadow(form, '[part~="recent-cases"]'));
    await waitUntil(() => forms.every((form) => shown(form).includes('Parcel arrived damaged')), 'recent cases not shown in both forms');
    await desk.settled();
    expect(transport.executed('records.search').map((c) => c.customerId)).to.deep.equal(['cust-anna']);

    await desk.link(conversation.id, { kind: 'case', id: 'case-1', title: 'Parcel arrived damaged' });
    await waitUntil(() => forms.every((form) => shadow(form, '[part~="recent-cases"] .linked') !== null), 'linked case not marked');
    await desk.settled();
    expect(transport.executed('records.search').map((c) => c.customerId)).to.deep.equal(['cust-anna', 'cust-anna']);
  });

  describe('quick-create with link', () => {
    async function setup(): Promise<{
      desk: Desk;
      el: CcRecordCreate;
      conversationId: string;
      transport: Awaited<ReturnType<typeof testTransportDesk>>['transport'];
      createAndLinkCalls: () => number;
    }> {
      const { desk, transport } = await testTransportDesk({ sim: { seed: 7 } });
      const conversation = transport.sim.startConversation(anna);
      desk.setActive(conversation.id);
      let calls = 0;
      const createAndLink = desk.createAndLink.bind(desk);
      desk.createAndLink = (...args) => {
        calls++;
        return createAndLink(...args);
      };
      const el = await fixture<CcRecordCreate>(html`<cc-record-create .desk=${desk} lang="en" kind="case"></cc-record-create>`);
      const subject = shadow(el, '[name="subject"]') as HTMLInputElement;
      subject.value = 'Parcel lost';
      subject.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await el.updateComplete;
      return { desk, el, conversationId: conversation.id, transport, createAndLinkCalls: () => calls };
    }

    async function submit(el: CcRecordCreate): Promise<CcRecordCreatedEvent> {
      const created = new Promise<CcRecordCreatedEvent>((resolve) => el.addEventListener('cc-record-created', resolve, { once: true }));
      (shadow(el, '[part="submit"]') as HTMLButtonElement).click();
      return created;
    }

    it('creates and links the record in one desk command', async () => {
      const { desk, el, conversationId, transport, createAndLinkCalls } = await setup();
      const event = await submit(el);
      expect(createAndLinkCalls()).to.equal(1);
      expect(event.linked).to.equal(true);
      expect(event.linkFailed).to.equal(false);
      expect(transport.executed('records.create')).to.have.lengthOf(1);
      expect(transport.executed('records.link').map((c) => c.record.id)).to.deep.equal([event.record.id]);
      expect(desk.conversation(conversationId).get()?.links?.case?.id).to.equal(event.record.id);
      await el.updateComplete;
      expect(text(shadow(el, '[role="status"]'))).to.contain('linked');
    });

    it('a vetoed cc-link leaves the created record unlinked', async () => {
      const { desk, el, conversationId, transport, createAndLinkCalls } = await setup();
      el.addEventListener('cc-link', (e) => e.preventDefault());
      const event = await submit(el);
      await desk.settled();
      expect(createAndLinkCalls()).to.equal(1);
      expect(event.linked).to.equal(false);
      expect(event.linkFailed).to.equal(false);
      expect(transport.executed('records.create')).to.have.lengthOf(1);
      expect(transport.executed('records.link')).to.deep.equal([]);
      expect(desk.conversation(conversationId).get()?.links?.case).to.equal(undefined);
    });
  });

  describe('offer expiry', () => {
    it('the desk reports offer-expired with no element on the page', async () => {
      const { desk, transport } = await simDesk({ seed: 3 }, { offerTimeout: 0.2 });
      const expired: string[][] = [];
      desk.on('offer-expired', ({ offers }) => expired.push(offers.map((o) => o.id)));
      const offer = transport.offer(caller());
      await waitUntil(() => expired.length > 0, 'the desk did not expire the offer', { timeout: 2000 });
      expect(expired).to.deep.equal([[offer.id]]);
      expect(desk.$presence.get()).to.equal('inactive');
      expect(desk.$missedOffers.get().map((o) => o.id)).to.deep.equal([offer.id]);
    });

    it('each notification relays every expiry once as cc-offer-expired, even when the missed notice is cleared at once', async () => {
      const { desk, transport } = await simDesk({ seed: 3 }, { offerTimeout: 0.2 });
      // A host that clears the missed notice itself: the relay comes from the desk's event, not from that list.
      const fromDesk: string[] = [];
      desk.on('offer-expired', ({ offers }) => {
        fromDesk.push(...offers.map((o) => o.id));
        desk.dismissMissed();
      });
      const wrapper = await fixture<HTMLDivElement>(html`<div>
        <cc-conversation-notification .desk=${desk} lang="en"></cc-conversation-notification>
        <cc-conversation-notification .desk=${desk} lang="en"></cc-conversation-notification>
      </div>`);
      const notifications = [...wrapper.querySelectorAll('cc-conversation-notification')] as CcConversationNotification[];
      const heard = notifications.map(() => [] as string[]);
      notifications.forEach((el, i) => el.addEventListener('cc-offer-expired', (e) => heard[i]!.push(e.offerId)));
      const onPage: string[] = [];
      wrapper.addEventListener('cc-offer-expired', (e) => onPage.push(e.offerId));

      const expire = async (): Promise<Offer> => {
        // Inactive after a missed offer takes no offers (F12): the agent comes back first.
        if (desk.$presence.get() === 'inactive') await desk.setPresence('available');
        const offer = transport.offer(caller());
        await waitUntil(() => heard.every((ids) => ids.includes(offer.id)), 'cc-offer-expired not fired', { timeout: 2000 });
        await desk.settled();
        await Promise.all(notifications.map((el) => el.updateComplete));
        return offer;
      };
      const first = await expire();
      const second = await expire();

      expect(fromDesk).to.deep.equal([first.id, second.id]);
      expect(heard).to.deep.equal([
        [first.id, second.id],
        [first.id, second.id],
      ]);
      // Documented: two notifications on one desk each relay it, so a common ancestor hears both.
      expect(onPage).to.deep.equal([first.id, first.id, second.id, second.id]);

      // A notification taken off the page relays nothing more.
      notifications[1]!.remove();
      const third = await (async () => {
        await desk.setPresence('available');
        const offer = transport.offer(caller());
        await waitUntil(() => heard[0]!.includes(offer.id), 'cc-offer-expired not fired', { timeout: 2000 });
        return offer;
      })();
      await desk.settled();
      expect(heard[1]).to.deep.equal([first.id, second.id]);
      expect(fromDesk).to.deep.equal([first.id, second.id, third.id]);
    });
  });
});
