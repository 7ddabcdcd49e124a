import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { Desk } from '../../src/core/desk/desk.js';
import type { SimulatedTransport } from '../../src/transports/simulated/index.js';
import { adopt, simDesk } from '../harness.js';
import * as panel from '../../stories/communication-panel.stories.js';
import * as transcript from '../../stories/transcript.stories.js';
import '../../src/elements/transcript/define.js';
import type { CcTranscript } from '../../src/elements/transcript/transcript.js';

type Render = (args: Record<string, unknown>, context: { loaded: Record<string, unknown>; args: Record<string, unknown> }) => TemplateResult;
interface StoryLike {
  args?: Record<string, unknown>;
  loaders?: ((context: unknown) => Promise<Record<string, unknown>>)[];
  render?: Render;
}

/** The transcript an element renders, wherever it sits (alone or inside the panel's shadow root). */
function transcriptIn(root: Element): CcTranscript {
  const found = root.querySelector('cc-transcript') ?? root.querySelector('cc-communication-panel')?.shadowRoot?.querySelector('cc-transcript');
  if (!found) throw new Error('no transcript rendered');
  return found;
}

const retryButtons = (t: CcTranscript): HTMLButtonElement[] => [...t.shadowRoot!.querySelectorAll<HTMLButtonElement>('button.retry')];

describe('the "Failed message" stories', () => {
  it('Communication panel › Failed message shows the agent message failed, with its Retry button', async () => {
    const story = panel.FailedMessage as StoryLike;
    const meta = panel.default as StoryLike;
    const loaded = Object.assign({}, ...(await Promise.all(story.loaders!.map((load) => load({}))))) as Record<string, unknown>;
    const stage = loaded['stage'] as { desk: Desk; transport: SimulatedTransport };
    adopt(stage.desk);
    const el = await fixture<HTMLElement>(html`<div>${(story.render ?? meta.render)!({}, { loaded, args: {} })}</div>`);
    await waitUntil(() => {
      const t = el.querySelector('cc-communication-panel')?.shadowRoot?.querySelector('cc-transcript');
      return t && retryButtons(t).length > 0;
    }, 'the story shows no Retry button');
    const t = transcriptIn(el);
    const row = retryButtons(t)[0]!.closest('.row')!;
    expect(row.classList.contains('agent')).to.equal(true);
    expect(row.textContent).to.contain('Your refund has been approved.');
    expect(row.textContent).to.contain('Failed');
    // Retry goes through: the same message is sent, and the failed state goes away.
    retryButtons(t)[0]!.click();
    await waitUntil(() => stage.transport.sentMessages.some((m) => m.text === 'Your refund has been approved.'), 'Retry did not send');
    await waitUntil(() => retryButtons(transcriptIn(el)).length === 0, 'the message still shows failed');
  });

  it('Transcript › Failed message shows a failed agent message with its Retry button', async () => {
    const story = transcript.FailedMessage as StoryLike;
    const meta = transcript.default as StoryLike;
    const args = { ...meta.args, ...story.args };
    const el = await fixture<HTMLElement>(html`<div>${(story.render ?? meta.render)!(args, { loaded: {}, args })}</div>`);
    const t = transcriptIn(el);
    await t.updateComplete;
    expect(retryButtons(t)).to.have.length(1);
    expect(retryButtons(t)[0]!.closest('.row')!.classList.contains('agent')).to.equal(true);
  });
});

describe('SimulatedTransport › a flaky network', () => {
  it('fails the share of sends it is set to, and a Retry gets through once the network is good again', async () => {
    const { desk, transport } = await simDesk({}, { maxSendAttempts: 1 });
    const conversation = transport.startConversation({ locale: 'en', customer: { name: 'Anna Nowak' } });
    await desk.settled();
    transport.setNetwork({ failureRate: 1, latencyMs: 0 });
    const failed = await desk.send(conversation.id, 'First try');
    expect(failed.status).to.equal('failed');
    expect(transport.sentMessages.some((m) => m.text === 'First try')).to.equal(false);
    transport.setNetwork({ failureRate: 0 });
    const sent = await desk.retry(conversation.id, failed.clientId!);
    expect(sent.status).to.not.equal('failed');
    expect(transport.sentMessages.some((m) => m.text === 'First try')).to.equal(true);
  });

  it('fails about the share it is set to, the same way for the same seed', async () => {
    const outcomes = async (): Promise<boolean[]> => {
      const { desk, transport } = await simDesk({ seed: 7, failureRate: 0.5 }, { maxSendAttempts: 1 });
      const conversation = transport.startConversation({ locale: 'en', customer: { name: 'Anna Nowak' } });
      const results: boolean[] = [];
      for (let i = 0; i < 40; i++) results.push((await desk.send(conversation.id, `Message ${i}`)).status === 'failed');
      return results;
    };
    const first = await outcomes();
    const failures = first.filter(Boolean).length;
    expect(failures).to.be.within(8, 32);
    expect(await outcomes()).to.deep.equal(first);
  });
});
