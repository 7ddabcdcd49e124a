import { useCallback, useSyncExternalStore } from 'react';
import type { ReadableAtom } from 'nanostores';

/**
 * The current value of a desk store (`desk.$conversations`, `desk.$presence`, …) as React state: the
 * component renders again whenever the store changes.
 *
 * ```tsx
 * const presence = useStore(desk.$presence);
 * ```
 */
export function useStore<T>(store: ReadableAtom<T>): T {
  const subscribe = useCallback((onChange: () => void) => store.listen(onChange), [store]);
  const get = () => store.get();
  return useSyncExternalStore(subscribe, get, get);
}
