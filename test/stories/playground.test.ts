import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { Desk } from '../../src/core/desk/desk.js';
import type { SimulatedTransport } from '../../src/transports/simulated/index.js';
import { adopt } from '../harness.js';
import * as playground from '../../stories/playground.stories.js';

type World = Record<string, unknown>;
type Loaded = { desk: Desk; transport: SimulatedTransport };
const meta = playground.default as unknown as {
  args: World;
  loaders: ((context: { args: World }) => Promise<Loaded>)[];
  render: (args: World, context: { loaded: Loaded; args: World }) => TemplateResult;
};

/** Builds the story's world from its controls, as Storybook does, and renders it. */
async function play(story: { args?: World }): Promise<Loaded & { el: HTMLElement }> {
  const args = { ...meta.args, ...story.args };
  const loaded = await meta.loaders[0]!({ args });
  adopt(loaded.desk);
  const el = await fixture<HTMLElement>(html`<div>${meta.render(args, { loaded, args })}</div>`);
  return { ...loaded, el };
}

describe('the playground story sets up the simulated world from its controls', () => {
  it('ten customers fill every session slot', async () => {
    const { desk } = await play(playground.TenSessions);
    expect(desk.sessions.$sessions.get()).to.have.length(10);
    expect(desk.sessions.$full.get()).to.equal(true);
  });

  it('no minutes left closes the reply window, also after the customer writes again', async () => {
    const { desk, transport } = await play(playground.ReplyWindowClosed);
    const [session] = desk.sessions.$sessions.get();
    const id = session!.conversationId;
    expect(desk.replyWindow(id).get().open).to.equal(false);
    transport.customerSays(id, 'Hello?');
    await desk.settled();
    await waitUntil(() => desk.messages(id).get().some((m) => m.text === 'Hello?'), 'the message never arrived');
    expect(desk.replyWindow(id).get().open).to.equal(false);
  });

  it('a flaky network makes sends fail until the message shows Failed', async () => {
    const { desk } = await play({ args: { customers: 1, failureRate: 1, latencyMs: 0 } });
    const id = desk.sessions.$sessions.get()[0]!.conversationId;
    await desk.send(id, 'Checking that now.').catch(() => undefined);
    await waitUntil(() => desk.messages(id).get().some((m) => m.text === 'Checking that now.' && m.status === 'failed'), 'the message never failed', { timeout: 8000 });
  });

  it('renders the workspace in the chosen language', async () => {
    const { el } = await play(playground.Polish);
    const root = el.querySelector('cc-agent-desk')!;
    expect(root.getAttribute('lang')).to.equal('pl');
    expect(root.querySelector('cc-communication-panel')).to.not.equal(null);
    expect(root.querySelector('cc-session-tabs')).to.not.equal(null);
  });
});
