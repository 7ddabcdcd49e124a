import { expect, waitUntil } from '@open-wc/testing';
import type { Message } from '../../src/core/model.js';
import { createMemoryStorage, openStorage, type OutboxEntry, type Storage } from '../../src/core/storage.js';
import { withFallback } from '../../src/core/storage-fallback.js';
import { deleteDatabase, dispose, testDesk, TestTransport } from '../harness.js';

const T0 = Date.UTC(2025, 2, 30, 12, 0, 0);

function message(overrides: Partial<Message> = {}): Message {
  return { id: 'm1', conversationId: 'c1', author: 'customer', kind: 'text', text: 'Hello', at: T0, ...overrides };
}

let counter = 0;
const uniqueName = () => `cce-test-${Date.now()}-${++counter}-${Math.random().toString(36).slice(2)}`;

interface Harness {
  open(): Promise<Storage>;
  /** Closes and discards everything the test created. */
  cleanup(): Promise<void>;
}

/** One contract, run against every Storage. */
function storageContract(label: string, kind: Storage['kind'], harness: () => Harness): void {
  describe(`${label} storage contract`, () => {
    let h: Harness;
    let storage: Storage;

    beforeEach(async () => {
      h = harness();
      storage = await h.open();
    });
    afterEach(() => h.cleanup());

    it(`reports kind "${kind}"`, () => {
      expect(storage.kind).to.equal(kind);
    });

    it('sets, gets and deletes drafts per conversation', async () => {
      expect(await storage.getDraft('c1')).to.equal(undefined);
      await storage.setDraft('c1', 'Dzień dobry, sprawdzę zamówienie');
      await storage.setDraft('c2', 'Other');
      expect(await storage.getDraft('c1')).to.equal('Dzień dobry, sprawdzę zamówienie');
      expect(await storage.getDraft('c2')).to.equal('Other');
      await storage.setDraft('c1', 'Rewritten');
      expect(await storage.getDraft('c1')).to.equal('Rewritten');
      await storage.setDraft('c1', '');
      expect(await storage.getDraft('c1')).to.equal(undefined);
      expect(await storage.getDraft('c2')).to.equal('Other');
    });

    it('returns one conversation’s transcript in time order', async () => {
      await storage.putMessages([
        message({ id: 'm3', at: T0 + 3000 }),
        message({ id: 'x1', conversationId: 'c2', at: T0 + 1500 }),
        message({ id: 'm1', at: T0 + 1000 }),
      ]);
      await storage.putMessages([message({ id: 'm2', at: T0 + 2000 })]);
      await storage.putMessages([]);
      expect((await storage.getTranscript('c1')).map((m) => m.id)).to.deep.equal(['m1', 'm2', 'm3']);
      expect((await storage.getTranscript('c2')).map((m) => m.id)).to.deep.equal(['x1']);
      expect(await storage.getTranscript('none')).to.deep.equal([]);
    });

    it('gives back exactly the message it was given', async () => {
      const full = message({
        id: 'srv-1',
        clientId: 'c-1',
        author: 'agent',
        status: 'read',
        reactions: [{ emoji: '👍', by: 'customer' }],
        attachments: [{ id: 'a', kind: 'image', name: '12345.jpg', url: 'https://example.test/a.jpg' }],
        cursor: '17',
      });
      await storage.putMessages([full]);
      expect(await storage.getTranscript('c1')).to.deep.equal([full]);
    });

    it('stores a message sent under a client id once after its server id arrives', async () => {
      const sending = message({ id: 'c-1', clientId: 'c-1', author: 'agent', status: 'sending' });
      await storage.putMessages([sending]);
      await storage.putMessages([{ ...sending, id: 'srv-1', status: 'sent' }]);
      await storage.putMessages([{ ...sending, id: 'srv-1', status: 'read' }]);
      const transcript = await storage.getTranscript('c1');
      expect(transcript).to.have.lengthOf(1);
      expect(transcript[0]).to.deep.include({ id: 'srv-1', clientId: 'c-1', status: 'read' });
    });

    it('stores a message without a client id once per server id', async () => {
      await storage.putMessages([message({ text: 'v1' })]);
      await storage.putMessages([message({ text: 'v2', editedAt: T0 + 1 })]);
      const transcript = await storage.getTranscript('c1');
      expect(transcript).to.have.lengthOf(1);
      expect(transcript[0]!.text).to.equal('v2');
    });

    it('keeps the same id apart in different conversations', async () => {
      await storage.putMessages([message({ id: 'same' }), message({ id: 'same', conversationId: 'c2' })]);
      expect(await storage.getTranscript('c1')).to.have.lengthOf(1);
      expect(await storage.getTranscript('c2')).to.have.lengthOf(1);
    });

    it('numbers message writes, and lists the messages written after a change in that order', async () => {
      expect(await storage.latestChange!()).to.equal(0);
      await storage.putMessages([message({ id: 'a' }), message({ id: 'b' })]);
      const first = await storage.latestChange!();
      await storage.putMessages([message({ id: 'c', conversationId: 'c2' })]);
      // Written again (a status update): it moves after the others.
      await storage.putMessages([message({ id: 'a', status: 'read' })]);
      expect(await storage.latestChange!()).to.be.greaterThan(first);
      const all = await storage.scanChanges!(0, 10);
      expect(all.map((m) => [m.conversationId, m.storeKey, m.status])).to.deep.equal([
        ['c1', 'b', undefined],
        ['c2', 'c', undefined],
        ['c1', 'a', 'read'],
      ]);
      expect(all.map((m) => m.change)).to.deep.equal([...all.map((m) => m.change!)].sort((x, y) => x - y));
      expect((await storage.scanChanges!(first, 10)).map((m) => m.storeKey)).to.deep.equal(['c', 'a']);
      // Page by page, from the last one's change.
      const page = await storage.scanChanges!(0, 2);
      expect((await storage.scanChanges!(page[1]!.change!, 2)).map((m) => m.storeKey)).to.deep.equal(['a']);
      expect(await storage.scanChanges!(await storage.latestChange!(), 10)).to.deep.equal([]);
      // Transcripts stay as given.
      expect(await storage.getTranscript('c2')).to.deep.equal([message({ id: 'c', conversationId: 'c2' })]);
    });
  });
}

storageContract('memory', 'memory', () => ({
  open: async () => createMemoryStorage(),
  cleanup: async () => undefined,
}));

storageContract('IndexedDB', 'indexeddb', () => {
  const name = uniqueName();
  let opened: Storage | undefined;
  return {
    async open() {
      opened = await openStorage(name);
      return opened;
    },
    async cleanup() {
      opened?.close();
      await deleteDatabase(name);
    },
  };
});

describe('storage with a fallback to memory', () => {
  /** A first storage (IndexedDB by its kind) whose `method` fails with a full disk once `full` is set, in a fallback. */
  function fillingUp(method: 'putMessages' | 'setValue') {
    const primary = createMemoryStorage();
    const write = primary[method] as (...args: unknown[]) => Promise<void>;
    const disk = {
      primary,
      full: false,
      storage: withFallback(
        Promise.resolve<Storage>({
          ...primary,
          kind: 'indexeddb',
          [method]: async (...args: unknown[]) => {
            if (disk.full) throw new DOMException('Quota exceeded', 'QuotaExceededError');
            await write.apply(primary, args);
          },
        }),
      ).storage,
    };
    return disk;
  }

  it('numbers writes as its first storage does, and stops claiming to once it keeps memory', async () => {
    const disk = fillingUp('putMessages');
    const fallback = await disk.storage;
    await fallback.putMessages([message({ id: 'a' }), message({ id: 'b' })]);
    expect(await fallback.latestChange!()).to.equal(2);
    expect((await fallback.scanChanges!(1, 10)).map((m) => m.storeKey)).to.deep.equal(['b']);
    disk.full = true;
    await fallback.putMessages([message({ id: 'c' })]);
    expect(fallback.kind).to.equal('memory');
    // What memory keeps has no number in the first storage's order: callers must read everything.
    const refused = await Promise.allSettled([fallback.latestChange!(), fallback.scanChanges!(0, 10)]);
    expect(refused.map((r) => r.status)).to.deep.equal(['rejected', 'rejected']);
    expect((await fallback.scanMessages(undefined, 10)).map((m) => m.storeKey)).to.deep.equal(['a', 'b', 'c']);
  });

  it('once in memory: reads what only the first storage holds, clears its draft on send, deletes from both', async () => {
    const disk = fillingUp('setValue');
    const { primary } = disk;
    const fallback = await disk.storage;
    const entry = (clientId: string): OutboxEntry => ({ clientId, conversationId: 'c1', text: 'Hi', at: T0, state: 'pending', attempts: 0 });
    await fallback.setValue('kept', 'before');
    await fallback.setDraft('c1', 'typed before');
    await fallback.putOutbox(entry('o1'));
    disk.full = true;
    await fallback.setValue('later', 1);
    expect(fallback.kind).to.equal('memory');
    expect(await fallback.getValue('kept')).to.equal('before');
    await fallback.putOutbox(entry('o2'), { clearDraft: true });
    expect((await primary.getDraft('c1')) ?? '').to.equal('');
    await fallback.deleteOutbox('o1');
    expect((await primary.getOutbox()).map((e) => e.clientId)).to.deep.equal([]);
    expect((await fallback.getOutbox()).map((e) => e.clientId)).to.deep.equal(['o2']);
  });
});

describe('openStorage (IndexedDB)', () => {
  const names: string[] = [];
  afterEach(async () => {
    for (const name of names.splice(0)) await deleteDatabase(name);
  });

  it('keeps drafts and transcripts across a reopen', async () => {
    const name = uniqueName();
    names.push(name);
    const first = await openStorage(name);
    await first.setDraft('c1', 'survives reload');
    await first.putMessages([message({ id: 'm2', at: T0 + 2 }), message({ id: 'm1', at: T0 + 1 })]);
    first.close();

    const second = await openStorage(name);
    try {
      expect(second.kind).to.equal('indexeddb');
      expect(await second.getDraft('c1')).to.equal('survives reload');
      expect((await second.getTranscript('c1')).map((m) => m.id)).to.deep.equal(['m1', 'm2']);
    } finally {
      second.close();
    }
  });

  describe('when IndexedDB cannot be opened', () => {
    beforeEach(() => {
      // An own property shadows IDBFactory.prototype.open until it is deleted again.
      Object.defineProperty(indexedDB, 'open', {
        configurable: true,
        value: () => {
          throw new DOMException('The user denied permission to access the database.', 'SecurityError');
        },
      });
    });
    afterEach(() => {
      delete (indexedDB as unknown as { open?: unknown }).open;
    });

    it('falls back to memory storage that still works', async () => {
      const storage = await openStorage(uniqueName());
      expect(storage.kind).to.equal('memory');
      await storage.setDraft('c1', 'kept in memory');
      expect(await storage.getDraft('c1')).to.equal('kept in memory');
    });

    it('lets the desk report that it keeps nothing', async () => {
      const desk = testDesk({ transport: new TestTransport(), storage: undefined });
      try {
        await waitUntil(() => desk.$storageKind.get() !== 'pending', 'storage never settled');
        expect(desk.$storageKind.get()).to.equal('memory');
        await desk.saveDraft('c1', 'still works');
        expect(await desk.getDraft('c1')).to.equal('still works');
      } finally {
        dispose(desk);
      }
    });
  });

  it('a desk with default storage uses IndexedDB when it is available', async () => {
    const desk = testDesk({ transport: new TestTransport(), storage: undefined });
    try {
      await waitUntil(() => desk.$storageKind.get() !== 'pending', 'storage never settled');
      expect(desk.$storageKind.get()).to.equal('indexeddb');
    } finally {
      dispose(desk);
      names.push('contact-center-elements');
    }
  });
});
