import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CallState, Desk, DeskOptions } from '../../src/core/desk/desk.js';
import '../../src/elements/call-controls/define.js';
import '../../src/elements/communication-panel/define.js';
import '../../src/elements/session-tabs/define.js';
import type { CcCallControls } from '../../src/elements/call-controls/define.js';
import type { CcCommunicationPanel } from '../../src/elements/communication-panel/communication-panel.js';
import type { CcSessionTabs } from '../../src/elements/session-tabs/session-tabs.js';
import type { SimulatedTransport } from '../../src/transports/simulated/index.js';
import { simDesk } from '../harness.js';

const inner = (host: Element, selector: string): HTMLElement | null => host.shadowRoot!.querySelector<HTMLElement>(selector);
const clean = (el: Element | null | undefined): string => (el?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function setup(calls = true, deskOptions: Partial<DeskOptions> = {}): Promise<{ desk: Desk; transport: SimulatedTransport; id: string }> {
  const { desk, transport } = await simDesk(calls ? { calls: { ringMs: 20 } } : {}, deskOptions);
  const offer = transport.offer({ locale: 'en', customer: { name: 'Anna Nowak' }, firstMessage: 'Hello, can we talk?' });
  await waitUntil(() => desk.$offers.get().length === 1, 'no offer');
  await desk.accept(offer.id);
  return { desk, transport, id: offer.conversationId };
}

async function openMenu(panel: CcCommunicationPanel, { callItems = true } = {}): Promise<HTMLElement[]> {
  // The call items come with the calls chunk, which the panel loads on its first render when the desk has calls.
  const items = (): HTMLElement[] => [...panel.shadowRoot!.querySelectorAll<HTMLElement>('[role="menuitem"]')];
  inner(panel, '.menu-button')!.click();
  await panel.updateComplete;
  // With calls, wait for the panel's own load of that chunk to bring the call items in.
  if (panel.desk?.calls.available && callItems) await waitUntil(() => items().some((i) => /call/i.test(i.textContent!)), 'no call items in the menu');
  return items();
}

describe('<cc-call-controls> (F20)', () => {
  it('no capability: no call menu items and no call controls anywhere', async () => {
    const { desk } = await setup(false);
    const panel = await fixture<CcCommunicationPanel>(html`<cc-communication-panel lang="en" .desk=${desk} style="height: 500px; display: flex"></cc-communication-panel>`);
    const items = await openMenu(panel);
    expect(items.map((i) => i.textContent!.trim())).to.not.include.members(['Start voice call']);
    expect(items.some((i) => /call/i.test(i.textContent!))).to.equal(false);
    expect(inner(panel, 'cc-call-controls')).to.equal(null);
    const tabs = await fixture<CcSessionTabs>(html`<cc-session-tabs lang="en" .desk=${desk}></cc-session-tabs>`);
    expect(inner(tabs, 'cc-call-controls')).to.equal(null);
  });

  it('starts a video call from the panel menu: cancelable cc-call-start, then the customer video, a muted self-view and a timer', async () => {
    const { desk, id } = await setup();
    const panel = await fixture<CcCommunicationPanel>(html`<cc-communication-panel lang="en" .desk=${desk} style="height: 700px; display: flex"></cc-communication-panel>`);
    let items = await openMenu(panel);
    const video = items.find((i) => i.textContent!.trim() === 'Start video call')!;
    expect(items.some((i) => i.textContent!.trim() === 'Start voice call')).to.equal(true);
    // Cancelled: nothing rings.
    const cancel = (e: Event) => e.preventDefault();
    panel.addEventListener('cc-call-start', cancel, { once: true });
    video.click();
    await desk.settled();
    expect(desk.calls.state(id).get().phase).to.equal('idle');

    const starts: string[] = [];
    panel.addEventListener('cc-call-start', (e) => starts.push(`${e.conversationId}:${e.media}`));
    items = await openMenu(panel);
    items.find((i) => i.textContent!.trim() === 'Start video call')!.click();
    expect(starts).to.deep.equal([`${id}:video`]);
    await customElements.whenDefined('cc-call-controls');
    const controls = inner(panel, 'cc-call-controls') as CcCallControls;
    await waitUntil(() => desk.calls.state(id).get().phase === 'connected', 'not connected', { timeout: 8000 });
    await waitUntil(() => controls.shadowRoot!.querySelector('[part="timer"]') !== null, 'no timer');
    expect(clean(controls)).to.contain('Video call');
    const remote = controls.shadowRoot!.querySelector<HTMLVideoElement>('video.remote')!;
    const self = controls.shadowRoot!.querySelector<HTMLVideoElement>('video.self')!;
    await waitUntil(() => remote.srcObject !== null && self.srcObject !== null, 'the videos have no streams');
    expect(self.muted).to.equal(true);
    expect(remote.getAttribute('aria-label')).to.equal("Anna Nowak's video");
    expect(inner(controls, '[part="timer"]')!.getAttribute('role')).to.equal('timer');
    expect(controls.matches(':state(live)')).to.equal(true);
    // The menu offers no second call meanwhile.
    items = await openMenu(panel, { callItems: false });
    expect(items.some((i) => /call/i.test(i.textContent!))).to.equal(false);
    inner(panel, '.menu-button')!.click();
    await expect(controls).to.be.accessible();

    // Keyboard only: Tab to Mute, press it.
    inner(controls, '[part="mute"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => desk.calls.state(id).get().muted, 'not muted');
    await controls.updateComplete;
    expect(inner(controls, '[part="mute"]')!.getAttribute('aria-pressed')).to.equal('true');
    expect(controls.shadowRoot!.querySelector('[role="status"].visually-hidden')?.textContent).to.equal('Microphone off');
    expect(desk.calls.state(id).get().local!.getAudioTracks()[0]!.enabled).to.equal(false);

    // Camera off and on again: the self-view goes and comes back.
    expect(desk.calls.state(id).get().camera).to.equal(true);
    inner(controls, '[part="camera"]')!.click();
    await waitUntil(() => !desk.calls.state(id).get().camera, 'the camera is still on');
    await controls.updateComplete;
    expect(inner(controls, 'video.self')).to.equal(null);
    expect(inner(controls, '[part="camera"]')!.textContent!.trim()).to.equal('Camera on');
    inner(controls, '[part="camera"]')!.click();
    await waitUntil(() => desk.calls.state(id).get().camera, 'the camera did not come back on');
    await controls.updateComplete;
    expect(inner(controls, 'video.self')).to.not.equal(null);

    inner(controls, '[part="hold"]')!.click();
    await waitUntil(() => desk.calls.state(id).get().phase === 'on-hold', 'not on hold');
    await controls.updateComplete;
    expect(inner(controls, '[part="hold"]')!.textContent!.trim()).to.equal('Resume');

    const ends: string[] = [];
    controls.addEventListener('cc-call-end', (e) => ends.push(e.callId));
    inner(controls, '[part="end"]')!.click();
    await waitUntil(() => desk.calls.state(id).get().phase === 'ended', 'not ended');
    expect(ends).to.deep.equal([desk.calls.state(id).get().callId]);
    await controls.updateComplete;
    expect(clean(controls)).to.contain('Call ended: you hung up');
    // The transcript has the call's line.
    await waitUntil(() => clean(inner(panel, 'cc-transcript')).includes('Video call, '), 'no call line in the transcript');
  });

  it('an incoming call rings as an alert; Accept by keyboard connects; the session tab shows the call', async () => {
    const { desk, transport, id } = await setup();
    const tabs = await fixture<CcSessionTabs>(html`<cc-session-tabs lang="en" .desk=${desk}></cc-session-tabs>`);
    const el = await fixture<CcCallControls>(html`<cc-call-controls lang="en" .desk=${desk} conversation-id=${id}></cc-call-controls>`);
    expect(clean(el)).to.equal('');
    await transport.customerCalls(id, 'voice');
    await waitUntil(() => inner(el, '[role="alert"]') !== null, 'no ringing');
    expect(inner(el, '[role="alert"]')!.textContent).to.equal('Incoming voice call from Anna Nowak');
    expect(el.matches(':state(ringing)')).to.equal(true);
    await expect(el).to.be.accessible();
    await customElements.whenDefined('cc-call-controls');
    const badge = inner(tabs, 'cc-call-controls')!;
    await waitUntil(() => clean(badge).includes('Incoming voice call'), 'no ringing on the tab');

    inner(el, '[part="accept"]')!.focus();
    await sendKeys({ press: 'Space' });
    await waitUntil(() => desk.calls.state(id).get().phase === 'connected', 'not connected', { timeout: 8000 });
    await waitUntil(() => clean(badge).includes('Call in progress'), 'no call on the tab');
    expect(inner(el, 'audio.remote')).to.not.equal(null);

    await transport.customerHangsUp(id);
    await waitUntil(() => clean(el).includes('the customer hung up'), 'no end shown');
    await waitUntil(() => clean(badge) === '', 'the tab still shows the call');
    inner(el, '[part="dismiss"]')!.click();
    await waitUntil(() => clean(el) === '', 'not dismissed');
  });

  it('Decline is cancelable and ends a ringing call', async () => {
    const { desk, transport, id } = await setup();
    const el = await fixture<CcCallControls>(html`<cc-call-controls lang="en" .desk=${desk} conversation-id=${id}></cc-call-controls>`);
    await transport.customerCalls(id, 'video');
    await waitUntil(() => inner(el, '[part="decline"]') !== null, 'no ringing');
    el.addEventListener('cc-call-decline', (e) => e.preventDefault(), { once: true });
    inner(el, '[part="decline"]')!.click();
    await desk.settled();
    expect(desk.calls.state(id).get().phase).to.equal('ringing-in');
    inner(el, '[part="decline"]')!.click();
    await waitUntil(() => desk.calls.state(id).get().phase === 'ended');
    expect(desk.calls.state(id).get().reason).to.equal('declined');
  });

  it("the panel's call-sound attribute makes its call controls ring with a tone; without it they stay silent", async () => {
    const { desk, transport, id } = await setup();
    const silent = await fixture<CcCommunicationPanel>(html`<cc-communication-panel lang="en" .desk=${desk}></cc-communication-panel>`);
    const ringing = await fixture<CcCommunicationPanel>(html`<cc-communication-panel lang="en" call-sound .desk=${desk}></cc-communication-panel>`);
    await waitUntil(() => inner(silent, 'cc-call-controls') && inner(ringing, 'cc-call-controls'), 'no call controls');
    expect((inner(silent, 'cc-call-controls') as CcCallControls).sound).to.equal(false);
    expect((inner(ringing, 'cc-call-controls') as CcCallControls).sound).to.equal(true);
    expect(ringing.callSound).to.equal(true);

    // A ringing call: the controls that ring hold the call's ring lock (one tab rings) until it stops ringing.
    const ringLocks = async (): Promise<number> => ((await navigator.locks.query()).held ?? []).filter((lock) => lock.name?.startsWith('cc-call-ring:')).length;
    ringing.remove();
    await transport.customerCalls(id, 'voice');
    await waitUntil(() => inner(inner(silent, 'cc-call-controls')!, '[part="accept"]') !== null, 'no ringing');
    await (inner(silent, 'cc-call-controls') as CcCallControls).updateComplete;
    expect(await ringLocks()).to.equal(0);
    const ringer = await fixture(html`<cc-communication-panel lang="en" call-sound .desk=${desk}></cc-communication-panel>`);
    await waitUntil(async () => (await ringLocks()) === 1, 'the panel with call-sound does not ring');
    // Moved elsewhere in the page while the call rings: it stops, then rings again.
    const place = ringer.parentElement!;
    ringer.remove();
    await waitUntil(async () => (await ringLocks()) === 0, 'still ringing while out of the page');
    place.append(ringer);
    await waitUntil(async () => (await ringLocks()) === 1, 'no ring after the panel was moved');
    await desk.calls.decline(id);
    await waitUntil(async () => (await ringLocks()) === 0, 'still ringing after the call was declined');
  });

  it('permission denied: a clear message, no crash, and the composer still works', async () => {
    const denied = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
    const { desk, id } = await setup(true, { calls: { getUserMedia: denied } });
    const panel = await fixture<CcCommunicationPanel>(html`<cc-communication-panel lang="en" .desk=${desk} style="height: 600px; display: flex"></cc-communication-panel>`);
    const items = await openMenu(panel);
    items.find((i) => i.textContent!.trim() === 'Start voice call')!.click();
    await customElements.whenDefined('cc-call-controls');
    const controls = inner(panel, 'cc-call-controls')!;
    await waitUntil(() => inner(controls, '[part="problem"]') !== null, 'no message');
    expect(inner(controls, '[part="problem"]')!.getAttribute('role')).to.equal('alert');
    expect(clean(controls)).to.contain('The browser has no access to your microphone or camera');
    await expect(controls).to.be.accessible();
    const field = inner(panel, 'textarea') as HTMLTextAreaElement;
    expect(field.disabled).to.equal(false);
    await desk.send(id, 'We can keep writing here.');
    expect(desk.messages(id).get().at(-1)?.text).to.equal('We can keep writing here.');
  });

  it('speaks Polish and shows a given state (stories)', async () => {
    const state: CallState = { phase: 'on-hold', media: 'video', callId: 'x', muted: true, camera: false, startedAt: Date.now() - 65_000 };
    const el = await fixture<CcCallControls>(html`<cc-call-controls lang="pl" .call=${state}></cc-call-controls>`);
    await waitUntil(() => clean(el).includes('Wstrzymana'), 'no Polish');
    expect(inner(el, '[part="hold"]')!.textContent!.trim()).to.equal('Wznów');
    expect(inner(el, '[part="end"]')!.textContent!.trim()).to.equal('Zakończ rozmowę');
    expect(inner(el, '[part="timer"]')!.textContent).to.match(/^01:0\d$/);
    el.call = { phase: 'ended', muted: false, camera: false, reason: 'no-device', problem: 'no-device' };
    await el.updateComplete;
    expect(clean(el)).to.contain('Nie znaleziono mikrofonu ani kamery');
    await expect(el).to.be.accessible();
  });
});
