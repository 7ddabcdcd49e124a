import type { Catalog } from '../catalog.js';
import { panelShown } from './panel-shown.js';
import { panelWorkday } from './panel-workday.js';

/**
 * English strings of the communication panel (and its transcript), both parts: what shows up front
 * (panel-shown.ts) and what loads with the wrap-up area and the transfer dialog (panel-workday.ts).
 */
export const panelStrings: Pick<Catalog, 'panel'> = {
  // A pure call on plain names (a spread would not be): a bundle that never reads this drops it,
  // and the wrap-up and transfer English stays in its chunk.
  panel: /* @__PURE__ */ Object.assign({}, panelShown, panelWorkday),
};
