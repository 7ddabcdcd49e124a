/**
 * Search bench only: the build off the main thread, for comparison with the sliced build. Reads
 * every stored message from IndexedDB, indexes them and sends the snapshot back (its buffers
 * transferred, not copied); the page restores it in slices, as after a reload.
 */
import { InvertedIndex, finish } from '../src/core/search/inverted-index.js';
import { openIndexedDBStorage } from '../src/core/storage-idb.js';

const PAGE = 1000;

self.onmessage = async (event: MessageEvent<{ db: string }>) => {
  const storage = await openIndexedDBStorage(event.data.db, {});
  const index = new InvertedIndex();
  let after: [string, string] | undefined;
  for (;;) {
    const page = await storage.scanMessages(after, PAGE);
    for (const m of page) {
      if (m.kind !== 'unsupported' && typeof m.text === 'string' && m.text.trim() !== '') index.add(m.conversationId, m.storeKey, m.at, m.author, m.text);
    }
    if (page.length < PAGE) break;
    const last = page[page.length - 1]!;
    after = [last.conversationId, last.storeKey];
  }
  storage.close();
  const snapshot = finish(index.snapshotSteps());
  const buffers = [...Object.values(snapshot.index), ...Object.values(snapshot.keys)].filter(ArrayBuffer.isView).map((view) => view.buffer);
  (self as unknown as Worker).postMessage(snapshot, buffers);
};
