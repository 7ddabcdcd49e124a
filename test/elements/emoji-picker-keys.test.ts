import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/communication-panel/define.js';
import type { CcCommunicationPanel } from '../../src/elements/communication-panel/communication-panel.js';
import { simDesk } from '../harness.js';

/** The deepest focused element, through shadow roots. */
const focused = (): Element | null => {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
};

/** A panel with one Active conversation, its emoji picker open and the first emoji focused. */
async function openPicker(dir: 'ltr' | 'rtl'): Promise<HTMLButtonElement[]> {
  const { desk, transport } = await simDesk();
  const offer = transport.offer({ locale: 'en', customer: { name: 'Anna Nowak' }, firstMessage: 'Hello' });
  await waitUntil(() => desk.$offers.get().length === 1, 'no offer');
  await desk.accept(offer.id);
  const panel = await fixture<CcCommunicationPanel>(
    html`<cc-communication-panel lang="en" dir=${dir} .desk=${desk} style="height: 520px; display: flex"></cc-communication-panel>`,
  );
  await waitUntil(() => panel.shadowRoot!.querySelector('[part="emoji-button"]'), 'no emoji button');
  panel.shadowRoot!.querySelector<HTMLButtonElement>('[part="emoji-button"]')!.click();
  await waitUntil(() => focused()?.classList.contains('emoji-search'), 'focus did not go into the picker');
  await sendKeys({ press: 'ArrowDown' });
  const buttons = [...panel.shadowRoot!.querySelectorAll<HTMLButtonElement>('.emoji-picker button.emoji')];
  expect(focused()).to.equal(buttons[0]);
  return buttons;
}

describe('emoji picker keys', () => {
  it('Left and Right follow the reading direction; Home, End and Down move through the grid', async () => {
    const buttons = await openPicker('ltr');
    const [first, second] = buttons;
    await sendKeys({ press: 'ArrowRight' });
    expect(focused()).to.equal(second);
    expect(second!.getBoundingClientRect().left).to.be.greaterThan(first!.getBoundingClientRect().left);
    await sendKeys({ press: 'ArrowLeft' });
    expect(focused()).to.equal(first);
    await sendKeys({ press: 'End' });
    expect(focused()).to.equal(buttons.at(-1));
    await sendKeys({ press: 'Home' });
    expect(focused()).to.equal(first);
    await sendKeys({ press: 'ArrowDown' });
    const below = focused()!.getBoundingClientRect();
    expect(below.top).to.be.greaterThan(first!.getBoundingClientRect().top);
    expect(Math.abs(below.left - first!.getBoundingClientRect().left)).to.be.lessThan(2);
  });

  it('in a right-to-left page, Left moves to the emoji drawn on the left (the next one)', async () => {
    const [first, second] = await openPicker('rtl');
    expect(second!.getBoundingClientRect().left).to.be.lessThan(first!.getBoundingClientRect().left);
    await sendKeys({ press: 'ArrowLeft' });
    expect(focused()).to.equal(second);
    await sendKeys({ press: 'ArrowRight' });
    expect(focused()).to.equal(first);
  });
});
