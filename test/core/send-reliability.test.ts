import { expect, waitUntil } from '@open-wc/testing';
import type { Desk } from '../../src/core/desk/desk.js';
import type { Conversation } from '../../src/core/model.js';
import { openStorage, type Storage } from '../../src/core/storage.js';
import { TransportError, type Command } from '../../src/core/transport.js';
import { deleteDatabase, dispose, testDesk, TestTransport } from '../harness.js';

const conversation: Conversation = {
  id: 'c1',
  customer: { id: 'u1', name: 'Ola' },
  channel: 'facebook',
  queue: 'Q',
  state: 'active',
  requestedAt: 0,
  lastCustomerMessageAt: Date.now(),
};

let counter = 0;
const uniqueName = (): string => `cc-send-${Date.now()}-${++counter}-${Math.random().toString(36).slice(2)}`;

/** A connected desk on its own TestTransport, with the conversation open. */
async function onlineDesk(options: Partial<Parameters<typeof testDesk>[0]> = {}): Promise<{ desk: Desk; transport: TestTransport }> {
  const transport = new TestTransport();
  const desk = testDesk({ transport, ...options });
  await desk.connect();
  transport.emit({ type: 'conversation.updated', conversation });
  return { desk, transport };
}

/** The signals the desk passed with each message.send. */
function recordSignals(transport: TestTransport): (AbortSignal | undefined)[] {
  const signals: (AbortSignal | undefined)[] = [];
  const execute = transport.execute.bind(transport);
  transport.execute = ((command: Command, opts?: { signal?: AbortSignal }) => {
    if (command.type === 'message.send') signals.push(opts?.signal);
    return execute(command, opts);
  }) as TestTransport['execute'];
  return signals;
}

const never = (): Promise<never> => new Promise<never>(() => undefined);

/** Whether some tab has asked for the send lock of this message and waits for it. */
async function waitingForLock(clientId: string): Promise<boolean> {
  const { pending = [] } = await navigator.locks.query();
  return pending.some((lock) => lock.name === `cc-send:${clientId}`);
}

describe('sending', () => {
  const names: string[] = [];
  afterEach(async () => {
    for (const name of names.splice(0)) await deleteDatabase(name);
  });

  describe('send timeout', () => {
    it('send timeout: a send whose answer never comes fails as a retryable timeout after sendTimeout, its signal aborted, and the next message goes out', async () => {
      const { desk, transport } = await onlineDesk({ sendTimeout: 0.05, maxSendAttempts: 1 });
      const signals = recordSignals(transport);
      transport.once('message.send', never);

      const [first, second] = await Promise.all([desk.send('c1', 'Never answered'), desk.send('c1', 'The next one')]);
      expect(first.status).to.equal('failed');
      expect(first.error).to.deep.include({ code: 'timeout', retryable: true });
      expect(second.status).to.equal('sent');
      expect(transport.executed('message.send').map((c) => c.text)).to.deep.equal(['Never answered', 'The next one']);
      expect(signals[0]?.aborted).to.equal(true);
      await desk.settled();
    });

    it('send timeout: after a timeout the send is tried again with the same client id', async () => {
      const { desk, transport } = await onlineDesk({ sendTimeout: 0.05, random: () => 0 });
      transport.once('message.send', never);

      const message = await desk.send('c1', 'Answered the second time');
      expect(message.status).to.equal('sent');
      const clientIds = transport.executed('message.send').map((c) => c.clientId);
      expect(clientIds).to.deep.equal([message.clientId, message.clientId]);
    });

    it('send timeout: the option must be a positive number of seconds', () => {
      expect(() => testDesk({ transport: new TestTransport(), sendTimeout: 0 })).to.throw(RangeError);
      expect(() => testDesk({ transport: new TestTransport(), sendTimeout: Number.NaN })).to.throw(RangeError);
    });
  });

  describe('two tabs', () => {
    it('two tabs: the tab that waited for the send lock shows the message Sent with its server id, and never sends it itself', async () => {
      const name = uniqueName();
      names.push(name);
      // Tab A sends; its backend holds the answer, so A holds the send lock.
      const a = await onlineDesk({ storage: openStorage(name) });
      a.transport.hold('message.send');
      const fromA = a.desk.send('c1', 'Sent from tab A');
      await waitUntil(() => a.transport.executed('message.send').length === 1, 'tab A did not send');
      const clientId = a.transport.executed('message.send')[0]!.clientId;

      // Tab B opens over the same storage: it restores the unsent message and tries to send it.
      const b = await onlineDesk({ storage: openStorage(name) });
      await waitUntil(() => b.desk.messages('c1').get().some((m) => m.clientId === clientId), 'tab B did not restore it');
      await waitUntil(
        async () => (await waitingForLock(clientId)) || b.desk.messages('c1').get()[0]!.status === 'failed',
        'tab B never tried to send it',
      );

      a.transport.release('message.send');
      const sentByA = await fromA;
      expect(sentByA.status).to.equal('sent');
      await waitUntil(() => b.desk.messages('c1').get()[0]!.status === 'sent', `tab B shows ${b.desk.messages('c1').get()[0]!.status}`);
      expect(b.desk.messages('c1').get()[0]).to.deep.include({ clientId, id: sentByA.id, status: 'sent' });
      expect(b.transport.executed('message.send')).to.deep.equal([]);
      await waitUntil(() => b.desk.outboxSize === 0);
      await b.desk.settled();
    });

    it('two tabs: when the sending tab lets go without an answer, the waiting tab sends it, and the first tab learns it was delivered', async () => {
      const name = uniqueName();
      names.push(name);
      // Tab A's backend never answers; its send times out and backs off for a long while.
      const a = await onlineDesk({ storage: openStorage(name), sendTimeout: 0.3, random: () => 1 });
      a.transport.on('message.send', never);
      const fromA = a.desk.send('c1', 'Outlived its tab');
      await waitUntil(() => a.transport.executed('message.send').length === 1, 'tab A did not send');
      const clientId = a.transport.executed('message.send')[0]!.clientId;

      const b = await onlineDesk({ storage: openStorage(name) });
      await waitUntil(() => b.desk.messages('c1').get()[0]?.status === 'sent', 'tab B did not send it', { timeout: 3000 });
      expect(b.transport.executed('message.send').map((c) => c.clientId)).to.deep.equal([clientId]);

      const settled = await fromA;
      expect(settled).to.deep.include({ clientId, status: 'sent', id: b.desk.messages('c1').get()[0]!.id });
      expect(a.transport.executed('message.send')).to.have.lengthOf(1);
    });
  });

  describe('reload right after Enter', () => {
    /** Storage whose outbox writes never finish: the page goes away before they commit. */
    function outboxNeverCommits(inner: Storage): Storage & { asked: number } {
      const storage = { ...inner, asked: 0, putOutbox: () => (storage.asked++, never()) };
      return storage;
    }

    /** Storage whose draft deletions never happen: the page goes away before any separate write. */
    function draftDeletesNeverRun(inner: Storage): Storage {
      return { ...inner, setDraft: (id, text) => (text ? inner.setDraft(id, text) : never()) };
    }

    async function reload(name: string): Promise<{ desk: Desk; transport: TestTransport; draft: string }> {
      const transport = new TestTransport();
      const desk = testDesk({ transport, storage: openStorage(name) });
      await waitUntil(() => desk.composer('c1').$state.get().restored, 'the composer was not restored');
      await desk.settled();
      return { desk, transport, draft: desk.composer('c1').draft };
    }

    it('reload right after Enter: until the outbox write has committed, the text stays in the stored draft, so a reload loses nothing', async () => {
      const name = uniqueName();
      names.push(name);
      const storage = outboxNeverCommits(await openStorage(name));
      const first = await onlineDesk({ storage });
      const composer = first.desk.composer('c1');
      await waitUntil(() => composer.$state.get().restored);
      // Typed and sent at once: the draft's own save has not run yet.
      composer.setDraft('Zamówienie 5521 wysłano dziś');
      void first.desk.sendComposer('c1');
      await waitUntil(() => storage.asked === 1, 'the outbox write was never asked for');
      expect(composer.draft).to.equal('');
      dispose(first.desk);

      const second = await reload(name);
      expect(second.draft).to.equal('Zamówienie 5521 wysłano dziś');
      expect(second.desk.outboxSize).to.equal(0);
    });

    it('reload right after Enter: the draft is deleted in the same write that keeps the message, so a reload sends it once and offers no copy to send again', async () => {
      const name = uniqueName();
      names.push(name);
      const storage = draftDeletesNeverRun(await openStorage(name));
      const offline = new TestTransport();
      offline.connectError = new TransportError('network', 'offline');
      const first = testDesk({ transport: offline, storage });
      await first.connect().catch(() => undefined);
      offline.emit({ type: 'conversation.updated', conversation });
      const composer = first.composer('c1');
      await waitUntil(() => composer.$state.get().restored);
      composer.setDraft('Sent once');
      await composer.flush();
      void first.sendComposer('c1');
      await waitUntil(() => first.outboxSize === 1, 'not stored');
      const clientId = first.messages('c1').get()[0]!.clientId;
      dispose(first);

      const second = await reload(name);
      expect(second.draft).to.equal('');
      await second.desk.connect();
      await waitUntil(() => second.desk.messages('c1').get()[0]?.status === 'sent', 'not sent after the reload');
      expect(second.transport.executed('message.send').map((c) => c.clientId)).to.deep.equal([clientId]);
    });
  });
});
