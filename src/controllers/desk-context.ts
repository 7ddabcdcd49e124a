import { createContext } from '@lit/context';
import type { Desk } from '../core/desk/desk.js';

/** The desk a `<cc-agent-desk>` provides to the elements inside it. */
export const deskContext = createContext<Desk | undefined>(Symbol('cc-desk'));

/** Fired on `document` by `<cc-agent-desk>` when its desk changes, so elements naming it by id can find it. */
export const DESK_CHANGE_EVENT = 'cc-desk-change';
