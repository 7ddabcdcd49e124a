import type { Catalog } from '../catalog.js';

/** The part of `quickReplies` the composer shows before anything of F15 has loaded. */
export type ComposerQuickRepliesStrings = Pick<Catalog['quickReplies'], 'hint' | 'save'>;

/** The composer's English quick-reply strings: its description and the "…" menu item. */
export const composerQuickReplies: ComposerQuickRepliesStrings = {
  hint: 'Type / for quick replies.',
  save: 'Save as quick reply',
};

/**
 * `<cc-communication-panel>`'s part of the quick-reply English, shown up front; the rest come with
 * the quick-reply chunk (quick-replies-list.ts), which reads them merged over these. Typed as the
 * whole part, as an element's `strings` are.
 */
export const quickRepliesComposerStrings = { quickReplies: composerQuickReplies } as Pick<Catalog, 'quickReplies'>;
