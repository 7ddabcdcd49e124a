/**
 * `load`, called once: later calls share its promise, and after a failure the next call loads again
 * (a chunk that could not be fetched may be fetched later).
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => (loading ??= load().catch((error: unknown) => ((loading = undefined), Promise.reject(error))));
}
