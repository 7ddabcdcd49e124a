import type { Catalog } from '../catalog.js';

/** English strings of the composer's emoji picker (they load with it). */
export const emojiStrings: Pick<Catalog, 'emoji'> = {
  emoji: {
    label: 'Emoji',
    search: 'Search emoji',
    noResults: 'No emoji found',
    categories: { smileys: 'Smileys', people: 'Gestures', hearts: 'Hearts and symbols', nature: 'Nature and food', objects: 'Objects' },
  },
};
