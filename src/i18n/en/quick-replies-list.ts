import type { Catalog } from '../catalog.js';
import type { ComposerQuickRepliesStrings } from './quick-replies-composer.js';

/**
 * The English of `<cc-quick-replies>` and the composer's quick-reply part that loads with it (F15),
 * but for what the composer shows up front (quick-replies-composer.ts). A module of its own that
 * imports nothing, so the lazy chunk that takes it imports nothing of the first load.
 */
export const listQuickReplies: Omit<Catalog['quickReplies'], keyof ComposerQuickRepliesStrings> = {
  label: 'Quick replies',
  count: (n) => (n === 1 ? '1 reply' : `${n} replies`),
  noMatch: 'No quick replies match',
  loading: 'Loading quick replies…',
  failed: 'Quick replies could not be loaded.',
  own: 'Yours',
  fillIn: (names) => `Fill in ${names} before sending.`,
  saved: 'Saved as a quick reply. Type / to use it.',
  removeHint: 'Shift+Delete removes your own reply.',
  removed: (title) => `Removed “${title}”.`,
};
