import { expect, waitUntil } from '@open-wc/testing';
import type { Conversation, Message } from '../../src/core/model.js';
import { createSearchService, readSnapshot, SNAPSHOT_KEY, type SearchTuning } from '../../src/core/search/service.js';
import { InvertedIndex } from '../../src/core/search/inverted-index.js';
import type { SearchService, SearchStatus } from '../../src/core/search/types.js';
import { createMemoryStorage, openStorage, type Storage } from '../../src/core/storage.js';
import { simDesk } from '../harness.js';
import { searchPage, searchTranscripts } from '../../src/core/desk/search-commands.js';
import type { SliceContext } from '../../src/core/desk/shared.js';
import type { SearchHit } from '../../src/core/records.js';

const T0 = Date.UTC(2025, 2, 30, 12, 0, 0);

function message(id: string, conversationId: string, text: string, at: number, extra: Partial<Message> = {}): Message {
  return { id, conversationId, author: 'customer', kind: 'text', text, at, ...extra };
}

function conversation(id: string, name: string, state: Conversation['state']): Conversation {
  return { id, customer: { id: `u-${id}`, name }, channel: 'facebook', queue: 'Sales', state, requestedAt: T0 };
}

function start(storage: Storage, conversations: Record<string, Conversation> = {}, tuning: SearchTuning = {}) {
  const statuses: SearchStatus[] = [];
  const service = createSearchService({
    storage,
    conversations: () => conversations,
    onStatus: (s) => statuses.push(s),
    tuning: { persistDelayMs: 20, ...tuning },
  });
  return { service, statuses };
}

/** Keys of the hits, once the service has read them back from storage (the index keeps only hashes). */
const keys = async (service: SearchService, query: string, filters = {}, limit = 50) =>
  (await service.hydrate(service.search(query, filters, limit))).hits.map((h) => h.messageKey);

describe('search service', () => {
  it('catches up with stored messages in slices, reporting progress', async () => {
    const storage = createMemoryStorage();
    const stored = Array.from({ length: 2500 }, (_, i) => message(`m${i}`, `c${i % 40}`, `Wiadomość numer ${i} o zamówieniu`, T0 + i * 1000));
    stored.push(message('s1', 'c1', '', T0, { kind: 'system' }), message('u1', 'c1', 'fallback', T0, { kind: 'unsupported' }));
    await storage.putMessages(stored);
    const { service, statuses } = start(storage);
    await service.ready();
    expect(statuses[0]!.state).to.equal('loading');
    expect(statuses.some((s) => s.state === 'indexing' && s.indexed > 0 && s.indexed < 2500)).to.be.true;
    expect(statuses.at(-1)).to.deep.equal({ state: 'ready', indexed: 2500 });
    expect(await keys(service, 'zamowieniu 2499')).to.deep.equal(['m2499']);
    expect(await keys(service, 'fallback')).to.deep.equal([]);
    const results = await service.hydrate(service.search('numer', {}, 5));
    expect(results.hits.map((h) => h.messageKey)).to.deep.equal(['m2499', 'm2498', 'm2497', 'm2496', 'm2495']);
    expect(results.more).to.be.true;
    // Stored in key order (c0, c1, …), not time order: the index is compacted into time order
    // after the catch-up, and answers the same.
    await service.persist();
    expect(await keys(service, 'numer', {}, 3)).to.deep.equal(['m2499', 'm2498', 'm2497']);
    expect(await keys(service, 'zamowieniu 1234')).to.deep.equal(['m1234']);
  });

  it('makes an added message searchable at once and fills texts from storage', async () => {
    const storage = createMemoryStorage();
    await storage.putMessages([message('old', 'c1', 'Stara reklamacja butów', T0)]);
    const { service } = start(storage);
    await service.ready();
    const fresh = message('new', 'c1', 'Nowa reklamacja płaszcza', T0 + 1000);
    service.add([fresh, message('st', 'c1', '', T0, { kind: 'sticker' })]);
    const found = service.search('reklamacja', {}, 10);
    expect(found.terms).to.deep.equal(['reklamacja']);
    // The fresh one is known at once; the stored one is read back by hydrate().
    expect(found.hits.map((h) => [h.messageKey, h.text])).to.deep.equal([
      ['new', 'Nowa reklamacja płaszcza'],
      ['', ''],
    ]);
    const hydrated = await service.hydrate(found);
    expect(hydrated.hits.map((h) => [h.messageKey, h.text])).to.deep.equal([
      ['new', 'Nowa reklamacja płaszcza'],
      ['old', 'Stara reklamacja butów'],
    ]);
    expect(hydrated.hits[0]).to.include({ conversationId: 'c1', at: T0 + 1000, author: 'customer', source: 'local' });
    // A status update of the same message does not index it twice.
    service.add([{ ...fresh, status: 'read' }]);
    expect(await keys(service, 'reklamacja')).to.deep.equal(['new', 'old']);
    // An edit replaces the old text.
    service.add([{ ...fresh, text: 'Nowa skarga na płaszcz', editedAt: T0 + 2000 }]);
    expect(await keys(service, 'reklamacja')).to.deep.equal(['old']);
    expect(await keys(service, 'skarga plaszcz')).to.deep.equal(['new']);
  });

  it('filters by the conversations it is told about and the stored ones', async () => {
    const storage = createMemoryStorage();
    await storage.putConversations([conversation('c1', 'Łucja Wąs', 'closed')]);
    await storage.putMessages([message('a', 'c1', 'faktura proforma', T0), message('b', 'c2', 'faktura VAT', T0 + 1)]);
    const { service } = start(storage, { c2: conversation('c2', 'Jan Kowalski', 'active') });
    await service.ready();
    expect(await keys(service, 'faktura', { customer: 'lucja was' })).to.deep.equal(['a']);
    expect(await keys(service, 'faktura', { states: ['active'] })).to.deep.equal(['b']);
    service.updateConversation(conversation('c2', 'Jan Kowalski', 'closed'));
    expect(await keys(service, 'faktura', { states: ['closed'] })).to.deep.equal(['b', 'a']);
    expect(await keys(service, 'faktura', { customer: 'u-c2' })).to.deep.equal(['b']);
  });

  it('counts every match and pages past the first 100, after adds, edits and deletes', async () => {
    const storage = createMemoryStorage();
    // 350 messages: every 2nd has "zamówienie", every 5th "faktura"; odd ones are in c1.
    const text = (i: number) => `${i % 2 === 0 ? 'Zamówienie' : 'Paczka'} numer ${i}${i % 5 === 0 ? ' faktura' : ''}`;
    await storage.putMessages(Array.from({ length: 350 }, (_, i) => message(`m${i}`, `c${i % 2}`, text(i), T0 + i * 1000)));
    const { service } = start(storage);
    await service.ready();
    /** Keys of every match, page by page. */
    const pages = async (query: string, size = 100) => {
      const first = service.searchAll(query, {});
      const keys: string[] = [];
      for (let offset = 0; offset < first.total; offset += size) {
        const page = await service.hydrate(service.searchAll(query, {}).page(offset, size));
        expect(page.total, query).to.equal(first.total);
        expect(page.offset).to.equal(offset);
        expect(page.more, `${query} @${offset}`).to.equal(offset + size < first.total);
        keys.push(...page.hits.map((h) => h.messageKey));
      }
      return { total: first.total, conversations: first.conversationCount, keys };
    };
    const newest = (keys: number[]) => keys.sort((a, b) => b - a).map((i) => `m${i}`);
    const range = (n: number, keep: (i: number) => boolean) => Array.from({ length: n }, (_, i) => i).filter(keep);

    // 1 word, with and without diacritics, a prefix, two words.
    for (const query of ['zamówienie', 'zamowienie', 'ZAMOW']) {
      expect(await pages(query), query).to.deep.equal({ total: 175, conversations: 1, keys: newest(range(350, (i) => i % 2 === 0)) });
    }
    expect(await pages('numer')).to.deep.include({ total: 350, conversations: 2, keys: newest(range(350, () => true)) });
    expect(await pages('zamow fakt', 30)).to.deep.include({ total: 35, keys: newest(range(350, (i) => i % 10 === 0)) });
    expect(service.searchAll('zamowienie numer 12', {}).total).to.equal(6); // 12, 120–128 even, …
    expect(service.searchAll('nic', {}).total).to.equal(0);
    expect(service.searchAll('', {}).page(0, 10)).to.deep.include({ total: 0, hits: [], more: false });
    // Past the end: an empty page.
    expect(service.searchAll('zamowienie', {}).page(500, 100)).to.deep.include({ hits: [], total: 175, more: false });

    // Adds (one older than the rest), an edit in each direction, and deletes (emptied, or no longer text).
    service.add([message('new1', 'c2', 'Zamówienie nowe', T0 + 999_000), message('old1', 'c2', 'Zamówienie stare', T0 - 5000)]);
    service.add([message('m1', 'c1', 'Teraz zamówienie', T0 + 1000), message('m2', 'c0', 'Już tylko paczka', T0 + 2000)]);
    service.add([message('m4', 'c0', '', T0 + 4000), message('m6', 'c0', '  ', T0 + 6000), message('m8', 'c0', 'x', T0 + 8000, { kind: 'unsupported' })]);
    const want = newest(range(350, (i) => (i % 2 === 0 || i === 1) && ![2, 4, 6, 8].includes(i)));
    const after = await pages('zamowienie');
    expect(after.total).to.equal(175 + 2 + 1 - 4);
    expect(after.conversations).to.equal(3);
    expect(after.keys).to.deep.equal(['new1', ...want, 'old1']);
    expect((await pages('zamow', 7)).keys).to.deep.equal(after.keys);
    expect(await keys(service, 'paczka numer', {}, 400)).to.have.length(174);
    // The same after the snapshot replaced the live index.
    await service.persist();
    expect(await pages('zamowienie')).to.deep.equal(after);

    // A full set asked for a page after other searches, and after a change: its own matches, as they are now.
    const held = service.searchAll('faktura', {});
    const keysOf = async (results: ReturnType<typeof held.page>) => (await service.hydrate(results)).hits.map((h) => h.messageKey);
    service.searchAll('paczka', {});
    service.searchAll('zam', { from: T0 + 100_000 });
    expect(held.total).to.equal(70);
    expect(await keysOf(held.page(0, 3))).to.deep.equal(['m345', 'm340', 'm335']);
    expect(held.has('c1', 'm345')).to.be.true;
    expect(held.has('c1', 'm343')).to.be.false;
    service.add([message('f1', 'c3', 'Faktura korygująca', T0 + 2_000_000)]);
    const now = held.page(0, 2);
    expect(now).to.deep.include({ total: 71, conversationCount: 3, more: true });
    expect(await keysOf(now)).to.deep.equal(['f1', 'm345']);
    expect(held.has('c3', 'f1')).to.be.true;
  });

  it('persists its snapshot in IndexedDB and reloads it', async () => {
    const name = `cc-search-test-${Math.random().toString(36).slice(2)}`;
    try {
      const storage = await openStorage(name);
      expect(storage.kind).to.equal('indexeddb');
      const messages = Array.from({ length: 300 }, (_, i) => message(`m${i}`, `c${i % 7}`, `Przesyłka ${i} dotarła do Łodzi`, T0 + i * 1000));
      await storage.putMessages(messages);
      // Small chunks: the arrays go into several IndexedDB values.
      const first = start(storage, {}, { chunkBytes: 256 });
      await first.service.ready();
      await first.service.persist();
      const head = await storage.getValue<Record<string, unknown>>(SNAPSHOT_KEY);
      expect(head?.['postings']).to.deep.include({ type: 'Uint8Array' });
      const stored = InvertedIndex.fromSnapshot(await readSnapshot(storage));
      expect(stored?.size).to.equal(300);
      const before = await first.service.hydrate(first.service.search('lodzi prze', {}, 20));
      expect(before.hits).to.have.length(20);
      storage.close();

      // A newer message stored after the snapshot is found by the catch-up of the next start.
      const reopened = await openStorage(name);
      await reopened.putMessages([message('late', 'c1', 'Przesyłka spóźniona, Łódź', T0 + 999_999)]);
      const second = start(reopened, {}, { chunkBytes: 256 });
      await second.service.ready();
      expect(second.statuses.at(-1)).to.deep.equal({ state: 'ready', indexed: 301 });
      const after = await second.service.hydrate(second.service.search('lodzi prze', {}, 20));
      expect(after).to.deep.equal(before);
      expect(await keys(second.service, 'spozniona lodz')).to.deep.equal(['late']);
      const hydrated = await second.service.hydrate(second.service.search('przesylka 299', {}, 5));
      expect(hydrated.hits.map((h) => h.text)).to.deep.equal(['Przesyłka 299 dotarła do Łodzi']);
      await second.service.persist();
      reopened.close();
    } finally {
      await new Promise((resolve) => {
        const request = indexedDB.deleteDatabase(name);
        request.onsuccess = request.onerror = request.onblocked = resolve;
      });
    }
  });

  it('answers as soon as the snapshot is read, before the message keys are', async () => {
    const storage = createMemoryStorage();
    await storage.putMessages(Array.from({ length: 50 }, (_, i) => message(`m${i}`, 'c1', `Gwarancja ${i}`, T0 + i)));
    const first = start(storage);
    await first.service.ready();
    await first.service.persist();

    let releaseKeys!: () => void;
    const keysHeld = new Promise<void>((resolve) => (releaseKeys = resolve));
    const slow: Storage = {
      ...storage,
      async getValue<T>(key: string) {
        if (key.startsWith('search-index-keys')) await keysHeld;
        return storage.getValue<T>(key);
      },
    };
    const second = start(slow);
    await waitUntil(() => second.statuses.some((s) => s.state === 'indexing'), 'searchable');
    const early = second.service.search('gwarancja 49', {}, 5);
    expect(early.hits.map((h) => h.at)).to.deep.equal([T0 + 49]);
    const hydrating = second.service.hydrate(early);
    releaseKeys();
    expect((await hydrating).hits.map((h) => [h.messageKey, h.text])).to.deep.equal([['m49', 'Gwarancja 49']]);
    await second.service.ready();
  });

  it('keeps the previous snapshot when a write is cut short', async () => {
    const storage = createMemoryStorage();
    await storage.putMessages(Array.from({ length: 200 }, (_, i) => message(`m${i}`, `c${i % 5}`, `Zwrot numer ${i}`, T0 + i)));
    const first = start(storage, {}, { chunkBytes: 128 });
    await first.service.ready();
    await first.service.persist();

    await storage.putMessages([message('later', 'c1', 'Zwrot późniejszy', T0 + 5000)]);
    first.service.add([message('later', 'c1', 'Zwrot późniejszy', T0 + 5000)]);
    // The tab closes after a few values of the next snapshot are written.
    let writes = 0;
    const failing: Storage = {
      ...storage,
      async setValue(key, value) {
        if (++writes > 3) throw new Error('closed');
        await storage.setValue(key, value);
      },
    };
    const cut = start(failing, {}, { chunkBytes: 128 });
    await cut.service.ready();
    cut.service.add([message('later2', 'c2', 'Zwrot ostatni', T0 + 6000)]);
    await cut.service.persist().catch(() => undefined);
    expect(writes).to.be.greaterThan(3);

    const next = start(storage, {}, { chunkBytes: 128 });
    await next.service.ready();
    expect(next.statuses.at(-1)).to.deep.equal({ state: 'ready', indexed: 201 });
    expect(await keys(next.service, 'zwrot', {}, 300)).to.have.length(201);
    expect(await keys(next.service, 'zwrot pozniejszy')).to.deep.equal(['later']);
  });

  it('after a reload, reads only the messages stored since the snapshot, edits too', async () => {
    const storage = createMemoryStorage();
    await storage.putMessages(Array.from({ length: 120 }, (_, i) => message(`m${i}`, `c${i % 6}`, `Reklamacja numer ${i}`, T0 + i * 1000)));
    const first = start(storage, {}, { chunkBytes: 96 });
    await first.service.ready();
    await first.service.persist();

    // Stored while no search ran (another tab, or the last seconds before a close): a new message and an edit.
    await storage.putMessages([message('late', 'c2', 'Reklamacja spóźniona', T0 + 500_000), message('m7', 'c1', 'Zwrot zamiast naprawy', T0 + 7000)]);
    const scanned: string[] = [];
    const counting: Storage = {
      ...storage,
      async scanMessages(after, limit) {
        scanned.push('all');
        return storage.scanMessages(after, limit);
      },
      async scanChanges(after, limit) {
        const page = await storage.scanChanges!(after, limit);
        scanned.push(...page.map((m) => m.storeKey));
        return page;
      },
    };
    const second = start(counting, {}, { chunkBytes: 96 });
    await second.service.ready();
    expect(scanned).to.deep.equal(['late', 'm7']);
    expect(second.statuses.at(-1)).to.deep.equal({ state: 'ready', indexed: 121 });

    // The same answers as an index built from every stored message.
    const rebuilt = start(createMemoryStorage(), {}, {});
    rebuilt.service.add(await storage.scanMessages(undefined, 1000));
    await rebuilt.service.ready();
    for (const query of ['reklamacja', 'reklamacja 7', 'zwrot naprawy', 'spozniona', 'numer 11']) {
      expect(await keys(second.service, query, {}, 200), query).to.deep.equal(await keys(rebuilt.service, query, {}, 200));
    }
    expect(await keys(second.service, 'reklamacja 7')).to.not.include('m7');
    expect(await keys(second.service, 'zwrot')).to.deep.equal(['m7']);

    // Its own snapshot covers them: the next reload reads nothing.
    await second.service.persist();
    scanned.length = 0;
    const third = start(counting, {}, { chunkBytes: 96 });
    await third.service.ready();
    expect(scanned).to.deep.equal([]);
    expect(await keys(third.service, 'reklamacja', {}, 200)).to.deep.equal(await keys(rebuilt.service, 'reklamacja', {}, 200));
  });

  it('a message emptied out of its sight (another tab, a reload before its snapshot) is no longer found, counted or reloaded', async () => {
    const storage = createMemoryStorage();
    await storage.putMessages([message('m1', 'c1', 'Reklamacja pierwsza', T0), message('m2', 'c1', 'Reklamacja druga', T0 + 1000)]);
    const first = start(storage);
    await first.service.ready();
    await first.service.persist();
    expect(first.service.searchAll('reklamacja', {}).total).to.equal(2);

    // Another tab empties m2 (the customer unsent it); this tab's next snapshot write, for a message
    // of its own, reads that change too.
    await storage.putMessages([message('m2', 'c1', '', T0 + 1000)]);
    const own = message('m3', 'c2', 'Zwrot', T0 + 2000);
    await storage.putMessages([own]);
    first.service.add([own]);
    await first.service.persist();
    expect(first.service.searchAll('reklamacja', {}).total).to.equal(1);
    expect(await keys(first.service, 'reklamacja')).to.deep.equal(['m1']);

    // Emptied again after that snapshot, then a reload before the next one: the catch-up takes it out.
    await storage.putMessages([message('m1', 'c1', '', T0)]);
    const second = start(storage);
    await second.service.ready();
    expect(second.service.searchAll('reklamacja', {}).total).to.equal(0);
    await second.service.persist();
    const third = start(storage);
    await third.service.ready();
    expect(third.service.searchAll('reklamacja', {}).total).to.equal(0);
    expect(await keys(third.service, 'druga')).to.deep.equal([]);
  });

  it('reads every stored message after a reload when storage does not number its writes', async () => {
    const { latestChange: _latest, scanChanges: _scan, ...plain } = createMemoryStorage();
    let fullScans = 0;
    const storage: Storage = {
      ...plain,
      async scanMessages(after, limit) {
        if (!after) fullScans++;
        return plain.scanMessages(after, limit);
      },
    };
    await storage.putMessages(Array.from({ length: 30 }, (_, i) => message(`m${i}`, `c${i % 3}`, `Dostawa ${i}`, T0 + i)));
    const first = start(storage);
    await first.service.ready();
    await first.service.persist();
    await storage.putMessages([message('late', 'c1', 'Dostawa jutro', T0 + 100), message('m3', 'c0', 'Odbiór osobisty', T0 + 3)]);
    const second = start(storage);
    await second.service.ready();
    expect(fullScans).to.equal(2);
    expect(await keys(second.service, 'dostawa jutro')).to.deep.equal(['late']);
    expect(await keys(second.service, 'odbior')).to.deep.equal(['m3']);
    expect(await keys(second.service, 'dostawa', {}, 100)).to.have.length(30);
  });

  it('a write cut short at any point leaves the previous snapshot readable whole', async () => {
    const storage = createMemoryStorage();
    await storage.putMessages(Array.from({ length: 60 }, (_, i) => message(`m${i}`, `c${i % 4}`, `Faktura korekta ${i}`, T0 + i * 1000)));
    const tuning = { chunkBytes: 64, persistDelayMs: 3_600_000, persistMaxWaitMs: 3_600_000 };
    const first = start(storage, {}, tuning);
    await first.service.ready();
    await first.service.persist();
    const later = Array.from({ length: 10 }, (_, i) => message(`n${i}`, `c${i % 4}`, `Faktura późna ${i}`, T0 + 100_000 + i));
    await storage.putMessages(later);
    first.service.add(later);
    const expected = await keys(first.service, 'faktura', {}, 100);
    expect(expected).to.have.length(70);

    // Cut after 1, 2, … values of the next snapshot, until one goes through whole.
    for (let cut = 1; ; cut++) {
      let writes = 0;
      const failing: Storage = {
        ...storage,
        async setValue(key, value) {
          if (++writes > cut) throw new Error('closed');
          await storage.setValue(key, value);
        },
      };
      const writer = start(failing, {}, tuning);
      await writer.service.ready();
      writer.service.add([message('n0', 'c0', 'Faktura późna 0, poprawiona', T0 + 100_000)]);
      const whole = await writer.service.persist().then(
        () => true,
        () => false,
      );

      let fullScans = 0;
      const reader: Storage = {
        ...storage,
        async scanMessages(after, limit) {
          fullScans++;
          return storage.scanMessages(after, limit);
        },
      };
      const next = start(reader, {}, tuning);
      await next.service.ready();
      // Restored from a snapshot (the previous one, or the new one once whole): never rebuilt from every message.
      expect(fullScans, `cut after ${cut}`).to.equal(0);
      expect(await keys(next.service, 'faktura', {}, 100), `cut after ${cut}`).to.have.members(expected);
      if (whole) {
        expect(await keys(next.service, 'poprawiona')).to.deep.equal(['n0']);
        break;
      }
      expect(await keys(next.service, 'poprawiona'), `cut after ${cut}`).to.deep.equal([]);
      expect(cut).to.be.lessThan(200);
    }
  });

  it('rebuilds from stored messages when the snapshot is of another version', async () => {
    const storage = createMemoryStorage();
    await storage.putMessages([message('a', 'c1', 'gwarancja', T0)]);
    await storage.setValue(SNAPSHOT_KEY, { format: 'cc-search-index', version: -1 });
    const { service } = start(storage);
    await service.ready();
    expect(await keys(service, 'gwar')).to.deep.equal(['a']);
    await service.persist();
    expect((await storage.getValue<{ version: number }>(SNAPSHOT_KEY))!.version).to.be.greaterThan(0);
  });
});

describe('desk transcript search', () => {
  it('finds messages that arrived through the desk, with their text', async () => {
    const { desk, transport } = await simDesk({ seed: 3 });
    const c1 = transport.startConversation({ customer: { id: 'u1', name: 'Łucja Wąs' } });
    const c2 = transport.startConversation({ customer: { id: 'u2', name: 'John Smith' } });
    await desk.enableSearch();
    transport.customerSays(c1.id, 'Moje zamówienie 8841 nie dotarło');
    transport.customerSays(c2.id, 'My order 8841 has not arrived');
    await waitUntil(async () => (await desk.searchTranscripts('8841')).hits.length === 2, 'both messages indexed', { timeout: 3000 });
    await (await desk.enableSearch()).ready();

    const polish = await desk.searchTranscripts('zamowienie dotarlo');
    expect(polish.hits.map((h) => [h.conversationId, h.text])).to.deep.equal([[c1.id, 'Moje zamówienie 8841 nie dotarło']]);
    expect(polish.terms).to.deep.equal(['zamowienie', 'dotarlo']);
    const byCustomer = await desk.searchTranscripts('8841', { customer: 'smith' });
    expect(byCustomer.hits.map((h) => h.text)).to.deep.equal(['My order 8841 has not arrived']);
    expect((await desk.searchTranscripts('8841 zwrot')).hits).to.deep.equal([]);
    expect(desk.$searchStatus.get().state).to.equal('ready');
  });

  it("counts the server's own matches only when a page lists them, so paging never lowers the count", async () => {
    const storage = createMemoryStorage();
    const local = Array.from({ length: 150 }, (_, i) => message(`m${i}`, 'c1', `Reklamacja ${i}`, T0 + i * 1000));
    await storage.putMessages(local);
    const { service } = start(storage);
    await service.ready();
    const hit = (id: string, at: number): SearchHit => ({ conversationId: 'past', messageKey: id, at, text: 'Reklamacja', author: 'customer', source: 'server' });
    // The server knows 30 older matches of its own (an archive), and 2 newer ones.
    const serverHits = [...Array.from({ length: 30 }, (_, i) => hit(`old${i}`, T0 - (i + 1) * 1000)), hit('new1', T0 + 500_000), hit('new2', T0 + 600_000)];
    const ctx = {
      transport: { capabilities: { search: true }, execute: async () => ({ hits: serverHits }) },
    } as unknown as SliceContext;
    const first = await searchTranscripts(ctx, service, 'reklamacja', {}, 100);
    expect(first.hits.filter((h) => h.source === 'server').map((h) => h.messageKey)).to.deep.equal(['new2', 'new1']);
    expect(first.total).to.equal(152);
    // The server's conversations are not all known: no count of conversations is claimed.
    expect(first).not.to.have.property('conversationCount');
    const second = await searchTranscripts(ctx, service, 'reklamacja', {}, 100, 98);
    expect(second.hits).to.have.length(52);
    expect(second.total + 2).to.equal(first.total);
    // A later page is local only: its conversations are all counted.
    expect(second.conversationCount).to.equal(1);
  });

  it("lists the agent's own message once when the server names it by its server id (kept here under its client id)", async () => {
    const storage = createMemoryStorage();
    const own = message('srv-7', 'c1', 'Twoja reklamacja 8841 jest przyjęta', T0, { author: 'agent', clientId: 'cl-7' });
    const customer = message('m1', 'c1', 'Reklamacja 8841?', T0 - 60_000);
    await storage.putMessages([customer, own]);
    const { service } = start(storage);
    await service.ready();
    const serverHits: SearchHit[] = [
      { conversationId: 'c1', messageKey: 'srv-7', at: T0 + 1000, text: own.text!, author: 'agent', source: 'server' },
      { conversationId: 'c1', messageKey: 'm1', at: T0 - 60_000, text: customer.text!, author: 'customer', source: 'server' },
      { conversationId: 'archive', messageKey: 'srv-1', at: T0 - 3_600_000, text: 'Reklamacja 8841 (archiwum)', author: 'agent', source: 'server' },
    ];
    const ctx = {
      transport: { capabilities: { search: true }, execute: async () => ({ hits: serverHits }) },
      storage: Promise.resolve(storage),
    } as unknown as SliceContext;
    const results = await searchTranscripts(ctx, service, '8841', {}, 100);
    expect(results.hits.map((h) => [h.messageKey, h.source])).to.deep.equal([
      ['cl-7', 'local'],
      ['m1', 'local'],
      ['srv-1', 'server'],
    ]);
    expect(results.total).to.equal(3);
  });

  it('appends the next page to a first one that lists server hits: every local match listed once, the count kept', async () => {
    const storage = createMemoryStorage();
    await storage.putMessages(Array.from({ length: 150 }, (_, i) => message(`m${i}`, 'c1', `Reklamacja ${i}`, T0 + i * 1000)));
    const { service } = start(storage);
    await service.ready();
    const hit = (id: string, at: number): SearchHit => ({ conversationId: 'past', messageKey: id, at, text: 'Reklamacja', author: 'customer', source: 'server' });
    const ctx = {
      transport: { capabilities: { search: true }, execute: async () => ({ hits: [hit('new1', T0 + 500_000), hit('new2', T0 + 600_000)] }) },
      storage: Promise.resolve(storage),
    } as unknown as SliceContext;
    const first = await searchPage(ctx, service, () => ({}), 'reklamacja', {}, { limit: 100 });
    expect(first.hits.filter((h) => h.source === 'server')).to.have.length(2);
    expect(first.total).to.equal(152);
    const all = await searchPage(ctx, service, () => ({}), 'reklamacja', {}, { limit: 100, after: first });
    expect(all.total).to.equal(first.total);
    expect(all).not.to.have.property('conversationCount');
    expect(all.more).to.equal(false);
    const local = all.hits.filter((h) => h.source === 'local').map((h) => h.messageKey);
    expect(local).to.have.length(150);
    expect(new Set(local).size).to.equal(150);
  });

  it('counts every match and pages with offset', async () => {
    const { desk, transport } = await simDesk({ seed: 3 });
    const c1 = transport.startConversation({ customer: { id: 'u1', name: 'Łucja Wąs' } });
    await desk.enableSearch();
    for (let i = 0; i < 130; i++) transport.customerSays(c1.id, `Reklamacja kwzx ${i}`);
    await waitUntil(async () => (await desk.searchTranscripts('kwzx')).total === 130, 'all messages indexed', { timeout: 5000 });
    const first = await desk.searchTranscripts('kwzx', {}, { limit: 100 });
    expect(first).to.deep.include({ total: 130, conversationCount: 1, more: true });
    expect(first.hits.map((h) => h.text)).to.deep.equal(Array.from({ length: 100 }, (_, i) => `Reklamacja kwzx ${129 - i}`));
    const second = await desk.searchTranscripts('kwzx', {}, { limit: 100, offset: 100 });
    expect(second).to.deep.include({ total: 130, offset: 100, more: false });
    expect(second.hits.map((h) => h.text)).to.deep.equal(Array.from({ length: 30 }, (_, i) => `Reklamacja kwzx ${29 - i}`));
    // `after`: the next page comes back appended to the results shown, one result set.
    const appended = await desk.searchTranscripts('ignored: the shown query is searched', {}, { limit: 100, after: first });
    expect(appended).to.deep.include({ query: 'kwzx', total: 130, offset: 0, conversationCount: 1, more: false });
    expect(appended.hits.map((h) => h.text)).to.deep.equal(Array.from({ length: 130 }, (_, i) => `Reklamacja kwzx ${129 - i}`));
    expect((await desk.searchTranscripts('reklamacja kwzx 1', {}, { limit: 5 })).total).to.equal(41);
  });
});
