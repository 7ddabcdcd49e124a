import { expect, waitUntil } from '@open-wc/testing';
import type { AgentScript, Desk, ScriptProgress } from '../../src/core/desk/desk.js';
import type { DeskError } from '../../src/core/errors.js';
import type { Conversation } from '../../src/core/model.js';
import { createMemoryStorage, type Storage } from '../../src/core/storage.js';
import { TransportError } from '../../src/core/transport.js';
import { AGENT_SCRIPTS } from '../../src/transports/simulated/agent-scripts.js';
import { dispose, testDesk, TestTransport } from '../harness.js';

const conversation: Conversation = {
  id: 'c1',
  customer: { id: 'cust-1', name: 'Megan Clarke', locale: 'en-GB' },
  channel: 'facebook',
  queue: 'Returns',
  state: 'active',
  requestedAt: 1000,
};

const script: AgentScript = {
  id: 'returns',
  title: 'Return or exchange',
  queue: ['Returns', 'Exchanges'],
  steps: [
    { id: 'greet', kind: 'send', text: 'Hi {customerFirstName}! I can help with your return.' },
    { id: 'order', kind: 'check', label: 'Confirm the order number' },
    { id: 'policy', kind: 'article', articleId: 'returns-policy' },
  ],
};

async function setup(
  options: { scripts?: AgentScript[]; storage?: Storage; capabilities?: Record<string, boolean>; queue?: string } = {},
): Promise<{ desk: Desk; transport: TestTransport }> {
  const transport = new TestTransport({ capabilities: { knowledge: true, ...options.capabilities } });
  const desk = testDesk({ transport, scripts: options.scripts ?? [script], ...(options.storage ? { storage: options.storage } : {}) });
  await desk.connect();
  transport.emit({ type: 'conversation.updated', conversation: { ...conversation, queue: options.queue ?? conversation.queue } });
  await desk.settled();
  return { desk, transport };
}

/** Watches the conversation's script until it is known. */
async function watch(desk: Desk, id = 'c1'): Promise<{ progress: () => ScriptProgress | undefined; stop: () => void }> {
  const store = desk.scripts.for(id);
  const stop = store.listen(() => undefined);
  await desk.settled();
  return { progress: () => store.get(), stop };
}

describe('desk.scripts', () => {
  it("shows the script of the conversation's queue, every step not done yet", async () => {
    const { desk } = await setup();
    const { progress, stop } = await watch(desk);
    expect(progress()?.script.id).to.equal('returns');
    expect(progress()?.steps.map((s) => [s.id, s.done])).to.deep.equal([
      ['greet', false],
      ['order', false],
      ['policy', false],
    ]);
    expect([progress()?.completed, progress()?.total]).to.deep.equal([0, 3]);
    stop();
  });

  it('has no script for a queue without one', async () => {
    const { desk } = await setup({ queue: 'Sales' });
    const { progress, stop } = await watch(desk);
    expect(progress()).to.equal(undefined);
    stop();
    const none = await setup({ scripts: [] });
    expect((await watch(none.desk)).progress()).to.equal(undefined);
  });

  it('inserts a send step into the composer after the draft, placeholders left alone, and marks it done', async () => {
    const { desk } = await setup();
    const { progress, stop } = await watch(desk);
    desk.composer('c1').setDraft('Hello.  ');
    await desk.scripts.run('c1', 'greet');
    expect(desk.composer('c1').draft).to.equal('Hello.\n\nHi {customerFirstName}! I can help with your return.');
    expect(progress()?.steps[0]?.done).to.equal(true);
    expect(progress()?.completed).to.equal(1);
    stop();
  });

  it("shares an article step's link into the composer", async () => {
    const { desk } = await setup();
    const { progress, stop } = await watch(desk);
    await desk.scripts.run('c1', 'policy');
    expect(desk.composer('c1').draft).to.equal('Returning an order\nhttps://help.example.com/en/returns-policy');
    expect(progress()?.steps[2]?.done).to.equal(true);
    stop();
  });

  it('keeps ticks across a new desk on the same storage, and undoes them', async () => {
    const storage = createMemoryStorage();
    const first = await setup({ storage });
    await first.desk.scripts.complete('c1', 'order');
    await first.desk.settled();
    dispose(first.desk);

    const second = await setup({ storage });
    const { progress, stop } = await watch(second.desk);
    await waitUntil(() => progress()?.completed === 1, 'the tick was not restored');
    expect(progress()?.steps.find((s) => s.id === 'order')?.done).to.equal(true);
    await second.desk.scripts.undo('c1', 'order');
    expect(progress()?.completed).to.equal(0);
    stop();
    const error = await second.desk.scripts.complete('c1', 'nope').catch((e: unknown) => e);
    expect((error as DeskError).code).to.equal('invalid');
  });

  it('never writes over stored progress after a failed read, and ticks once storage reads again', async () => {
    const inner = createMemoryStorage();
    await inner.setValue('script-progress/c1/returns', ['greet']);
    let failures = 2;
    const storage: Storage = {
      ...inner,
      getValue<T>(key: string): Promise<T | undefined> {
        if (key.startsWith('script-progress/') && failures-- > 0) return Promise.reject(new Error('read failed'));
        return inner.getValue<T>(key);
      },
    };
    const { desk } = await setup({ storage });
    const { progress, stop } = await watch(desk);
    await waitUntil(() => progress()?.script.id === 'returns', 'the script is not shown');
    // Still unreadable: the tick is refused rather than saving progress without the stored step.
    const refused = await desk.scripts.complete('c1', 'order').then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).to.be.instanceOf(Error);
    await desk.settled();
    expect(await inner.getValue('script-progress/c1/returns')).to.deep.equal(['greet']);
    // Storage reads again: the tick joins the stored one.
    await desk.scripts.complete('c1', 'order');
    await desk.settled();
    expect(await inner.getValue('script-progress/c1/returns')).to.deep.equal(['greet', 'order']);
    expect(progress()?.completed).to.equal(2);
    stop();
  });

  it("fetches the transport's scripts again after the list failed", async () => {
    const { desk, transport } = await setup({ scripts: [], capabilities: { scripts: true }, queue: 'Sales' });
    const billing = structuredClone(AGENT_SCRIPTS.find((s) => s.id === 'billing')!);
    transport.on('scripts.list', () => ({ scripts: [billing] }));
    transport.failNext('scripts.list', new TransportError('network', 'offline'));
    const { progress, stop } = await watch(desk);
    await waitUntil(() => transport.executed('scripts.list').length === 1, 'the scripts were not asked for');
    await desk.settled();
    expect(progress()).to.equal(undefined);
    // Transferred to a queue the backend has a script for: the list is fetched again.
    transport.emit({ type: 'conversation.updated', conversation: { ...conversation, queue: 'Billing' } });
    await waitUntil(() => progress()?.script.id === 'billing', "the backend's script is not shown");
    expect(transport.executed('scripts.list')).to.have.length(2);
    stop();
  });

  it("shows the backend's script again in a conversation watched while the list had failed", async () => {
    const { desk, transport } = await setup({ scripts: [], capabilities: { scripts: true }, queue: 'Billing' });
    const billing = structuredClone(AGENT_SCRIPTS.find((s) => s.id === 'billing')!);
    transport.on('scripts.list', () => ({ scripts: [billing] }));
    transport.failNext('scripts.list', new TransportError('network', 'offline'));
    const first = await watch(desk);
    await desk.settled();
    expect(first.progress()).to.equal(undefined);
    // Another conversation fetches the list again: the first one shows its script too.
    transport.emit({ type: 'conversation.updated', conversation: { ...conversation, id: 'c2', queue: 'Billing' } });
    const second = await watch(desk, 'c2');
    await waitUntil(() => second.progress()?.script.id === 'billing', "the backend's script is not shown");
    await waitUntil(() => first.progress()?.script.id === 'billing', 'the conversation shown meanwhile kept no script');
    first.stop();
    second.stop();
  });

  it("adds the transport's scripts after the host's", async () => {
    const { desk, transport } = await setup({ scripts: [], capabilities: { scripts: true }, queue: 'Billing' });
    const broken = { id: 'broken', title: 'No steps', queue: 'Billing' } as unknown as AgentScript;
    const odd = { id: 'odd', kind: 'call', number: '112' } as unknown as AgentScript['steps'][number];
    const billing = structuredClone(AGENT_SCRIPTS.find((s) => s.id === 'billing')!);
    transport.on('scripts.list', () => ({ scripts: [broken, { ...billing, steps: [odd, ...billing.steps] }] }));
    const { progress, stop } = await watch(desk);
    expect(progress()?.script.id).to.equal('billing');
    // What the elements could not show is dropped: a script without steps, a step of an unknown kind.
    expect(progress()?.steps.map((s) => s.id)).to.deep.equal(billing.steps.map((s) => s.id));
    expect(transport.executed('scripts.list')).to.have.length(1);
    stop();
  });
});
