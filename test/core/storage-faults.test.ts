import { expect, waitUntil } from '@open-wc/testing';
import type { Desk } from '../../src/core/desk/desk.js';
import type { Conversation, Message } from '../../src/core/model.js';
import { openStorage, type Storage } from '../../src/core/storage.js';
import { deleteDatabase, testDesk, TestTransport } from '../harness.js';

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
const uniqueName = (): string => `cc-faults-${Date.now()}-${++counter}-${Math.random().toString(36).slice(2)}`;

/**
 * Opens the database as another tab would, at `version`. With `v1Schema`, creates what version 1
 * of the desk's schema had. The connection ignores `versionchange` unless the test closes it.
 */
function openAsAnotherTab(name: string, version: number, v1Schema = false): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, version);
    request.onupgradeneeded = () => {
      if (!v1Schema) return;
      request.result.createObjectStore('drafts', { keyPath: 'conversationId' });
      const transcripts = request.result.createObjectStore('transcripts', { keyPath: ['conversationId', 'storeKey'] });
      transcripts.createIndex('byConversation', ['conversationId', 'at']);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Storage whose outbox writes throw `error` (all of them, or the first `times`). */
function failingOutbox(inner: Storage, error: () => Error, times = Infinity): Storage & { attempts: number } {
  const storage = {
    ...inner,
    attempts: 0,
    async putOutbox(...args: Parameters<Storage['putOutbox']>) {
      storage.attempts++;
      if (storage.attempts <= times) throw error();
      return inner.putOutbox(...args);
    },
  };
  return storage;
}

async function onlineDesk(storage: Storage | Promise<Storage>): Promise<{ desk: Desk; transport: TestTransport }> {
  const transport = new TestTransport();
  const desk = testDesk({ transport, storage });
  await desk.connect();
  transport.emit({ type: 'conversation.updated', conversation });
  return { desk, transport };
}

/** No message of the conversation is left "sending". */
const noneStuck = (desk: Desk): boolean => desk.messages('c1').get().every((m) => m.status !== 'sending');

describe('storage faults never strand a send', () => {
  const names: string[] = [];
  const others: IDBDatabase[] = [];
  afterEach(async () => {
    for (const other of others.splice(0)) other.close();
    for (const name of names.splice(0)) await deleteDatabase(name);
  });

  it('storage: a blocked upgrade falls back to memory within the blocked timeout, says why, and the send goes out', async () => {
    const name = uniqueName();
    names.push(name);
    // Another tab keeps version 1 open and never lets go.
    others.push(await openAsAnotherTab(name, 1, true));
    const { desk, transport } = await onlineDesk(openStorage(name, { blockedTimeout: 100 }));
    const sent = desk.send('c1', 'While another tab blocks the upgrade');

    await waitUntil(() => desk.$storageKind.get() === 'memory', 'still waiting for the blocked upgrade', { timeout: 2000 });
    expect(desk.$storageReason.get()).to.equal('blocked');
    expect((await sent).status).to.equal('sent');
    expect(transport.executed('message.send')).to.have.lengthOf(1);
    expect(noneStuck(desk)).to.equal(true);
  });

  it('storage: openStorage gives up on a blocked upgrade and closes the late connection once the other tab lets go', async () => {
    const name = uniqueName();
    names.push(name);
    const other = await openAsAnotherTab(name, 1, true);
    const storage = await openStorage(name, { blockedTimeout: 50 });
    expect(storage.kind).to.equal('memory');
    expect(storage.reason).to.equal('blocked');
    // The other tab closes: the upgrade completes, and the connection nobody uses is closed again
    // (deleting the database would wait for it forever otherwise).
    other.close();
    await deleteDatabase(name);
  });

  it('storage: when a newer tab upgrades the database under a running desk, the send still goes out, kept in memory, and the desk says why', async () => {
    const name = uniqueName();
    names.push(name);
    const { desk, transport } = await onlineDesk(openStorage(name));
    await waitUntil(() => desk.$storageKind.get() === 'indexeddb');
    // A newer tab upgrades: this desk's connection closes to let it (and cannot reopen at its older version).
    const newer = await openAsAnotherTab(name, 99);
    newer.onversionchange = () => newer.close();
    others.push(newer);

    const message = await desk.send('c1', 'After the upgrade');
    expect(message.status).to.equal('sent');
    expect(transport.executed('message.send').map((c) => c.text)).to.deep.equal(['After the upgrade']);
    expect(desk.$storageKind.get()).to.equal('memory');
    expect(desk.$storageReason.get()).to.equal('closed');
    expect(noneStuck(desk)).to.equal(true);
    await desk.settled();
  });

  it('storage: when the database is closed under a running desk and can be opened again, the write is retried in IndexedDB', async () => {
    const name = uniqueName();
    names.push(name);
    const { desk, transport } = await onlineDesk(openStorage(name));
    await waitUntil(() => desk.$storageKind.get() === 'indexeddb');
    await transport.idle();
    await desk.settled();
    // Another tab deletes the database: this desk's connection closes to let it.
    await deleteDatabase(name);

    transport.hold('message.send');
    const sent = desk.send('c1', 'After the delete');
    await waitUntil(() => transport.executed('message.send').length === 1, 'not sent');
    // Stored again: the entry is in the reopened database while the send is in flight.
    const reader = await openStorage(name);
    try {
      expect((await reader.getOutbox()).map((e) => e.text)).to.deep.equal(['After the delete']);
    } finally {
      reader.close();
    }
    transport.release('message.send');
    expect((await sent).status).to.equal('sent');
    expect(desk.$storageKind.get()).to.equal('indexeddb');
    expect(desk.$storageReason.get()).to.equal(undefined);
    await desk.settled();
  });

  it('storage: a full disk (QuotaExceededError) on the outbox write moves the desk to memory, says why, and the send goes out', async () => {
    const name = uniqueName();
    names.push(name);
    const full = failingOutbox(await openStorage(name), () => new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    const { desk, transport } = await onlineDesk(full);
    await waitUntil(() => desk.$storageKind.get() === 'indexeddb');

    const message = await desk.send('c1', 'On a full disk');
    expect(message.status).to.equal('sent');
    expect(transport.executed('message.send')).to.have.lengthOf(1);
    expect(full.attempts).to.equal(1);
    expect(desk.$storageKind.get()).to.equal('memory');
    expect(desk.$storageReason.get()).to.equal('full');
    expect(noneStuck(desk)).to.equal(true);
    await desk.settled();
  });

  it('storage: a message stored as Sending… that no outbox holds any more (the page went away between the two writes) shows Failed with Retry after a reload, and Retry sends it once', async () => {
    const name = uniqueName();
    names.push(name);
    const before = await openStorage(name);
    const stale: Message = { id: 'cid-1', clientId: 'cid-1', conversationId: 'c1', author: 'agent', kind: 'text', text: 'Left behind', at: 1, status: 'sending' };
    await before.putMessages([stale]);
    before.close();

    const { desk, transport } = await onlineDesk(openStorage(name));
    await waitUntil(() => desk.messages('c1').get().length === 1, 'the stored message was not read back');
    await waitUntil(() => noneStuck(desk), `it stays ${desk.messages('c1').get()[0]!.status}`);
    expect(desk.messages('c1').get()[0]).to.deep.include({ clientId: 'cid-1', status: 'failed' });

    const retried = await desk.retry('c1', 'cid-1');
    expect(retried.status).to.equal('sent');
    expect(transport.executed('message.send').map((c) => c.clientId)).to.deep.equal(['cid-1']);
    await desk.settled();
  });

  it('storage: a message storage refuses to keep shows Failed with Retry (never a stuck Sending…), and Retry stores and sends it', async () => {
    const name = uniqueName();
    names.push(name);
    const refusing = failingOutbox(await openStorage(name), () => new DOMException('The object could not be cloned.', 'DataCloneError'), 1);
    const { desk, transport } = await onlineDesk(refusing);

    const failed = await desk.send('c1', 'Refused once');
    expect(failed.status).to.equal('failed');
    expect(failed.error).to.deep.include({ retryable: true });
    expect(transport.executed('message.send')).to.have.lengthOf(0);
    expect(noneStuck(desk)).to.equal(true);

    const retried = await desk.retry('c1', failed.clientId!);
    expect(retried.status).to.equal('sent');
    expect(transport.executed('message.send').map((c) => c.clientId)).to.deep.equal([failed.clientId]);
    expect(desk.$storageKind.get()).to.equal('indexeddb');
    await desk.settled();
  });
});
