import { atom, type ReadableAtom } from 'nanostores';
import { createMemoryStorage, type Storage, type StorageFallbackReason } from './storage.js';

/** Where the desk keeps its data: `pending` until storage has opened, then its kind and, for memory, why. */
export interface StorageStatus {
  readonly $kind: ReadableAtom<Storage['kind'] | 'pending'>;
  readonly $reason: ReadableAtom<StorageFallbackReason | undefined>;
}

/**
 * Wraps the storage the desk was given so a storage fault never strands a write (see
 * FallbackStorage in storage-fallback-wrap.ts), and reports where the data is kept as it changes.
 */
export function withFallback(opened: Promise<Storage>): StorageStatus & { storage: Promise<Storage> } {
  const $kind = atom<Storage['kind'] | 'pending'>('pending');
  const $reason = atom<StorageFallbackReason | undefined>(undefined);
  const report = (storage: Storage): void => {
    $reason.set(storage.reason);
    $kind.set(storage.kind);
  };
  const storage = opened
    .catch(() => ({ ...createMemoryStorage(), reason: 'unavailable' as const }))
    .then((primary) =>
      primary.kind === 'memory'
        ? primary
        : // FallbackStorage (storage-fallback-wrap.ts) loads with the IndexedDB storage it wraps; should that chunk not load, the
          // desk keeps the storage as it is rather than none.
          import('./storage-fallback-wrap.js').then((m) => new m.FallbackStorage(primary, report, createMemoryStorage), () => primary),
    );
  void storage.then(report);
  return { storage, $kind, $reason };
}
