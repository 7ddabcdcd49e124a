import type { Catalog } from '../catalog.js';

/** English strings of `<cc-quick-replies>` and the composer's placeholder check (F15). */
export const quickRepliesStrings: Pick<Catalog, 'quickReplies'> = {
  quickReplies: {
    label: 'Quick replies',
    count: (n) => (n === 1 ? '1 reply' : `${n} replies`),
    noMatch: 'No quick replies match',
    loading: 'Loading quick replies…',
    failed: 'Quick replies could not be loaded.',
    own: 'Yours',
    fillIn: (names) => `Fill in ${names} before sending.`,
    hint: 'Type / for quick replies.',
    save: 'Save as quick reply',
    saved: 'Saved as a quick reply. Type / to use it.',
    removeHint: 'Shift+Delete removes your own reply.',
    removed: (title) => `Removed “${title}”.`,
  },
};
