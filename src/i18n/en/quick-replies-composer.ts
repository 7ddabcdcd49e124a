import type { Catalog } from '../catalog.js';

/** The part of `quickReplies` the composer shows before anything of F15 has loaded. */
export type ComposerQuickRepliesStrings = Pick<Catalog['quickReplies'], 'hint' | 'save'>;

/**
 * The English quick-reply strings the composer shows up front (its description and the "…" menu
 * item); the rest come with the quick-reply chunk (quick-replies.ts), which reads them merged over
 * these. Typed as the whole part, as an element's `strings` are.
 */
export const quickRepliesComposerStrings = {
  quickReplies: {
    hint: 'Type / for quick replies.',
    save: 'Save as quick reply',
  } satisfies ComposerQuickRepliesStrings,
} as Pick<Catalog, 'quickReplies'>;
