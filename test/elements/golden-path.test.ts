import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { simDesk } from '../harness.js';
import '../../src/define.js';

/** The whole path an agent walks, keyboard only: offer → Accept → read → reply. */
describe('golden path', () => {
  it('accepts an offer from the keyboard, then reads and answers the customer in the panel', async () => {
    const { desk, transport } = await simDesk({ seed: 21 });
    const page = await fixture<HTMLElement>(html`
      <cc-agent-desk .desk=${desk}>
        <cc-conversation-notification></cc-conversation-notification>
        <div style="height: 520px; display: flex"><cc-communication-panel></cc-communication-panel></div>
      </cc-agent-desk>
    `);
    const notification = page.querySelector('cc-conversation-notification')!;
    const panel = page.querySelector('cc-communication-panel')!;
    const offer = transport.offer({ locale: 'en', customer: { name: 'Zofia Wiśniewska' }, firstMessage: 'Where is my refund?' });

    const accept = () => notification.shadowRoot!.querySelector<HTMLButtonElement>('[part~="accept"]');
    await waitUntil(() => accept() && notification.shadowRoot!.activeElement === accept(), 'Accept was not focused');
    await sendKeys({ press: 'Enter' });

    await waitUntil(() => desk.$activeConversationId.get() === offer.conversationId, 'offer not accepted');
    await waitUntil(() => panel.shadowRoot!.querySelector('header')?.textContent?.includes('Zofia Wiśniewska'), 'panel did not open it');
    const transcript = panel.shadowRoot!.querySelector('cc-transcript')!;
    await waitUntil(() => transcript.shadowRoot!.textContent!.includes('Where is my refund?'), 'first message not shown');

    // Focus lands in the composer after Accept, so the agent can answer at once.
    await waitUntil(() => panel.shadowRoot!.activeElement?.tagName === 'TEXTAREA', 'composer not focused after accept');
    await sendKeys({ type: 'It is on its way.' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => transport.sentMessages.length === 1, 'reply not sent');
    expect(transport.sentMessages[0]!.text).to.equal('It is on its way.');
    expect(transport.sentMessages[0]!.clientId).to.be.a('string');
    await expect(page).to.be.accessible();
  });
});
