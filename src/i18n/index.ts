import { en, type Catalog } from './en.js';

export type { Catalog } from './en.js';
export { en } from './en.js';
export { errorText } from './error-text.js';

const catalogs = new Map<string, Catalog>([['en', en]]);
/** Languages other than English load on first use, so a page pays only for the ones it speaks. */
const loaders = new Map<string, () => Promise<Catalog>>([['pl', () => import('./pl.js').then((m) => m.pl)]]);
const loading = new Map<string, Promise<Catalog>>();
const listeners = new Set<() => void>();

function tagOf(lang: string | undefined): string {
  const tag = (lang ?? '').toLowerCase();
  return catalogs.has(tag) || loaders.has(tag) ? tag : (tag.split('-')[0] ?? '');
}

/** Adds or replaces a language, e.g. a host's own wording: `registerCatalog('en', { ...en, ... })`. */
export function registerCatalog(lang: string, catalog: Catalog): void {
  catalogs.set(lang.toLowerCase(), catalog);
  for (const listener of listeners) listener();
}

/** Called whenever a catalog arrives or changes (localized elements re-render). */
export function onCatalogsChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The catalog for a BCP 47 tag (`pl-PL` → `pl`) if loaded, English otherwise. See loadCatalog(). */
export function catalogFor(lang: string | undefined): Catalog {
  return catalogs.get(tagOf(lang)) ?? en;
}

/** Whether `lang` has a catalog that is not loaded yet. */
export function needsCatalog(lang: string | undefined): boolean {
  const tag = tagOf(lang);
  return !catalogs.has(tag) && loaders.has(tag);
}

/**
 * Loads a language's catalog (Polish is loaded on first use). Elements do it by themselves and
 * re-render; await it before first render to avoid a moment of English, e.g. `await loadCatalog('pl')`.
 */
export function loadCatalog(lang: string): Promise<Catalog> {
  const tag = tagOf(lang);
  const known = catalogs.get(tag);
  if (known) return Promise.resolve(known);
  const loader = loaders.get(tag);
  if (!loader) return Promise.resolve(en);
  let pending = loading.get(tag);
  if (!pending) {
    pending = loader().then((catalog) => {
      registerCatalog(tag, catalog);
      return catalog;
    });
    loading.set(tag, pending);
  }
  return pending;
}

/** "1:05" under an hour; "23 h 10 min" up to a day; "6 days 4 h" beyond. */
export function formatRemaining(ms: number, t: Catalog): string {
  // Seconds round up in the last hour (a countdown never shows 0:00 early); longer spans round down.
  const total = Math.max(0, ms < 3_600_000 ? Math.ceil(ms / 1000) : Math.floor(ms / 1000));
  const days = Math.floor(total / 86400);
  const hours = Math.floor((total % 86400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  // A full day reads better as "24 h 0 min" than "1 day 0 h".
  if (days > 0 && total > 86400) return `${t.duration.days(days)} ${t.duration.hours(hours)}`;
  if (days > 0) return `${t.duration.hours(24)} ${t.duration.minutes(0)}`;
  if (hours > 0) return `${t.duration.hours(hours)} ${t.duration.minutes(minutes)}`;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}
