import type { Catalog } from '../catalog.js';
import { composerQuickReplies } from './quick-replies-composer.js';
import { listQuickReplies } from './quick-replies-list.js';

/**
 * English strings of `<cc-quick-replies>` and the composer's quick replies (F15), both parts: what
 * the composer shows up front (quick-replies-composer.ts) and what loads with the list (quick-replies-list.ts).
 */
export const quickRepliesStrings: Pick<Catalog, 'quickReplies'> = {
  // A pure call on plain names (a spread would not be): a bundle that never reads this drops it,
  // and the list's English stays in the list's chunk.
  quickReplies: /* @__PURE__ */ Object.assign({}, composerQuickReplies, listQuickReplies),
};
