import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { CcCommunicationPanel } from '../../src/elements/communication-panel/communication-panel.js';
import type { CcConversationNotification } from '../../src/elements/conversation-notification/conversation-notification.js';
import { disposeDesks, simDesk } from '../harness.js';

interface Axe {
  run(
    context: Document,
    options: { runOnly: { type: 'rule'; values: string[] } },
  ): Promise<{ violations: { id: string }[]; passes: { id: string }[] }>;
}

async function axe(): Promise<Axe> {
  const page = window as unknown as { axe?: Axe };
  if (!page.axe) await import('axe-core/axe.min.js' as string);
  return page.axe!;
}

describe('landmarks on a host page', () => {
  afterEach(disposeDesks);

  it('an offer card and the panel side by side add no banner landmark to the page', async () => {
    const { desk, transport } = await simDesk();
    transport.offer({ customer: { name: 'Anna Nowak' }, queue: 'Billing', firstMessage: 'Hello' });
    await waitUntil(() => desk.$offers.get().length === 1, 'no offer');
    await desk.accept(desk.$offers.get()[0]!.id);
    transport.offer({ customer: { name: 'Jan Kowalski' }, queue: 'Sales', firstMessage: 'Dzień dobry' });
    await waitUntil(() => desk.$offers.get().length === 1, 'no second offer');
    const page = await fixture(html`<div>
      <cc-conversation-notification .desk=${desk}></cc-conversation-notification>
      <cc-communication-panel .desk=${desk}></cc-communication-panel>
    </div>`);
    const card = page.querySelector<CcConversationNotification>('cc-conversation-notification')!;
    const panel = page.querySelector<CcCommunicationPanel>('cc-communication-panel')!;
    await waitUntil(() => card.shadowRoot?.querySelector('header') && panel.shadowRoot?.querySelector('header'), 'both headers render');

    const result = await (await axe()).run(document, {
      runOnly: { type: 'rule', values: ['landmark-no-duplicate-banner', 'landmark-banner-is-top-level', 'aria-allowed-role'] },
    });
    expect(result.violations.map((v) => v.id)).to.deep.equal([]);
    // The headers are the cards' tops, not banners: nothing in the page is one.
    const banners = [card, panel].flatMap((el) => [...el.shadowRoot!.querySelectorAll('header')]).filter((h) => h.getAttribute('role') !== 'none');
    expect(banners).to.deep.equal([]);
  });
});
