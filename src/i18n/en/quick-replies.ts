import type { Catalog } from '../catalog.js';
import { quickRepliesComposerStrings } from './quick-replies-composer.js';
import { quickRepliesListStrings } from './quick-replies-list.js';

/**
 * English strings of `<cc-quick-replies>` and the composer's quick replies (F15), both parts: what
 * the composer shows up front (quick-replies-composer.ts) and what loads with the list (quick-replies-list.ts).
 */
export const quickRepliesStrings: Pick<Catalog, 'quickReplies'> = {
  quickReplies: { ...quickRepliesComposerStrings.quickReplies, ...quickRepliesListStrings.quickReplies },
};
