import { expect, waitUntil } from '@open-wc/testing';
import { backoff, Outbox } from '../../src/core/outbox.js';
import { createMemoryStorage, openStorage, type OutboxEntry } from '../../src/core/storage.js';
import { TransportError } from '../../src/core/transport.js';
import type { Conversation } from '../../src/core/model.js';
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

describe('outbox', () => {
  it('keeps a message sent while offline through a reload, and sends it once with the same client id', async () => {
    const name = `cc-outbox-${Math.random()}`;
    const storage = await openStorage(name);
    const offline = new TestTransport();
    offline.connectError = new TransportError('network', 'offline');
    const first = testDesk({ transport: offline, storage });
    await first.connect().catch(() => undefined);
    offline.emit({ type: 'conversation.updated', conversation });
    void first.send('c1', 'Typed with no network');
    await waitUntil(() => first.outboxSize === 1);
    expect(first.messages('c1').get()[0]!.status).to.equal('sending');
    const clientId = first.messages('c1').get()[0]!.clientId!;
    dispose(first);

    // The page reloads: a new desk over the same IndexedDB.
    const online = new TestTransport();
    const second = testDesk({ transport: online, storage: await openStorage(name) });
    await waitUntil(() => second.messages('c1').get().length === 1, 'not restored');
    expect(second.messages('c1').get()[0]).to.include({ clientId, status: 'sending', text: 'Typed with no network' });
    await second.connect();
    await waitUntil(() => second.messages('c1').get()[0]!.status === 'sent', 'not sent after reload');
    expect(online.executed('message.send').map((c) => c.clientId)).to.deep.equal([clientId]);
    await waitUntil(() => second.outboxSize === 0);
    const reopened = await openStorage(name);
    expect(await reopened.getOutbox()).to.deep.equal([]);
    reopened.close();
    dispose(second);
    await deleteDatabase(name);
  });

  it('sends a conversation in order: a failing message holds the ones after it', async () => {
    const sent: string[] = [];
    let fail = 2;
    const outbox = new Outbox({
      storage: Promise.resolve(createMemoryStorage()),
      online: () => true,
      random: () => 0,
      send: async (entry) => {
        if (entry.text === 'first' && fail-- > 0) throw new TransportError('network', 'lost');
        sent.push(entry.text!);
        return { messageId: `s-${entry.clientId}`, at: 0 };
      },
      sent: () => undefined,
      failed: () => undefined,
    });
    const entry = (clientId: string, text: string): OutboxEntry => ({ clientId, conversationId: 'c', text, at: 0, state: 'pending', attempts: 0 });
    await outbox.enqueue(entry('a', 'first'));
    await outbox.enqueue(entry('b', 'second'));
    await waitUntil(() => sent.length === 2, 'not drained', { timeout: 3000 });
    expect(sent).to.deep.equal(['first', 'second']);
    expect(outbox.size).to.equal(0);
  });

  it('marks a message failed when the error cannot be fixed by retrying, and moves on', async () => {
    const failed: string[] = [];
    const sent: string[] = [];
    const outbox = new Outbox({
      storage: Promise.resolve(createMemoryStorage()),
      online: () => true,
      send: async (entry) => {
        if (entry.text === 'bad') throw new TransportError('window-closed', 'closed', { retryable: false });
        sent.push(entry.text!);
        return { messageId: 'x', at: 0 };
      },
      sent: () => undefined,
      failed: (entry) => failed.push(entry.clientId),
    });
    await outbox.enqueue({ clientId: 'a', conversationId: 'c', text: 'bad', at: 0, state: 'pending', attempts: 0 });
    await outbox.enqueue({ clientId: 'b', conversationId: 'c', text: 'good', at: 1, state: 'pending', attempts: 0 });
    await waitUntil(() => sent.length === 1);
    expect(failed).to.deep.equal(['a']);
    expect(outbox.size).to.equal(1);
  });

  it('backs off exponentially with jitter, capped at 30 s', () => {
    expect(backoff(1, () => 0)).to.equal(250);
    expect(backoff(1, () => 1)).to.equal(500);
    expect(backoff(4, () => 1)).to.equal(4000);
    expect(backoff(20, () => 1)).to.equal(30_000);
    expect(backoff(20, () => 0)).to.equal(15_000);
  });
});
