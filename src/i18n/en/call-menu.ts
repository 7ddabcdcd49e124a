import type { Catalog } from '../catalog.js';

/** English strings of the panel's call menu items (F20); small, as they come with the panel. */
export const callMenuStrings: Pick<Catalog, 'callMenu'> = {
  callMenu: { voice: 'Start voice call', video: 'Start video call', active: 'Call in progress' },
};
