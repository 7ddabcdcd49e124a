import type { Catalog } from './catalog.js';
import { sharedStrings } from './en/shared.js';

export type { Catalog } from './catalog.js';
export { en } from './en.js';
export { errorText } from './error-text.js';

/** English strings an element shows besides the shared ones: parts from src/i18n/en/. */
export type Strings = readonly Partial<Catalog>[];

/**
 * The built-in English: the shared part, and every part an element on the page has brought. Each
 * element carries its own English (see englishFor), so a page bundles only the English it shows.
 */
const english = /* @__PURE__ */ Object.assign({}, sharedStrings) as Catalog;
const composed = new WeakMap<Strings, Catalog>();
/** Catalogs a host registered or that were loaded. Kept apart from the built-in English, so they win whenever they arrive. */
const catalogs = new Map<string, Catalog>();
/** Languages other than English load on first use, so a page pays only for the ones it speaks. */
const loaders = new Map<string, () => Promise<Catalog>>([['pl', () => import('./pl.js').then((m) => m.pl)]]);
const loading = new Map<string, Promise<Catalog>>();
const listeners = new Set<() => void>();

function tagOf(lang: string | undefined): string {
  const tag = (lang ?? '').toLowerCase();
  return catalogs.has(tag) || loaders.has(tag) ? tag : (tag.split('-')[0] ?? '');
}

/**
 * The English an element shows: the shared part and the parts it names (which also join the built-in
 * English that catalogFor() gives). Without parts: the built-in English, with every part brought so far.
 */
export function englishFor(strings?: Strings): Catalog {
  if (!strings) return english;
  let catalog = composed.get(strings);
  if (!catalog) {
    for (const part of strings) Object.assign(english, part);
    catalog = Object.assign({}, sharedStrings, ...strings) as Catalog;
    composed.set(strings, catalog);
  }
  return catalog;
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

/** The catalog registered or loaded for a BCP 47 tag (`pl-PL` → `pl`), if any. */
export function registeredCatalog(lang: string | undefined): Catalog | undefined {
  return catalogs.get(tagOf(lang));
}

/**
 * The catalog for a BCP 47 tag (`pl-PL` → `pl`) if registered or loaded (see loadCatalog()), the
 * built-in English otherwise. The built-in English holds the shared strings (states, durations,
 * `errors`) and those of the elements the page has created; `en` holds every element's.
 */
export function catalogFor(lang: string | undefined): Catalog {
  return registeredCatalog(lang) ?? english;
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
  if (!loader) return Promise.resolve(english);
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
