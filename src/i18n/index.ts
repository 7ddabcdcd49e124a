import { en, type Catalog } from './en.js';
import { pl } from './pl.js';

export type { Catalog } from './en.js';
export { en } from './en.js';
export { pl } from './pl.js';

const catalogs = new Map<string, Catalog>([
  ['en', en],
  ['pl', pl],
]);

/** Adds or replaces a language, e.g. a host's own wording: `registerCatalog('en', { ...en, ... })`. */
export function registerCatalog(lang: string, catalog: Catalog): void {
  catalogs.set(lang.toLowerCase(), catalog);
}

/** The catalog for a BCP 47 tag (`pl-PL` → `pl`), English when unknown. */
export function catalogFor(lang: string | undefined): Catalog {
  const tag = (lang ?? '').toLowerCase();
  return catalogs.get(tag) ?? catalogs.get(tag.split('-')[0] ?? '') ?? en;
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
