import type { Catalog } from '../catalog.js';

/** What the wrap-up area and the transfer dialog show once their chunk has loaded. */
export type PanelWorkdayStrings = Pick<
  Catalog['panel'],
  | 'transferTitle'
  | 'transferToQueue'
  | 'transferToAgent'
  | 'agentId'
  | 'transferSubmit'
  | 'cancel'
  | 'disposition'
  | 'dispositionNone'
  | 'required'
  | 'closeNeedsDisposition'
  | 'wrapUpNote'
  | 'wrapUpTimer'
  | 'wrapUpOverdue'
>;

/**
 * The English of the panel's wrap-up area and transfer dialog (F19, F11), which load on first use
 * with their chunk (communication-panel/workday-part.ts). A module of its own that imports nothing,
 * so that chunk imports nothing of the first load.
 */
export const panelWorkday: PanelWorkdayStrings = {
  transferTitle: 'Transfer conversation',
  transferToQueue: 'To a queue',
  transferToAgent: 'To an agent',
  agentId: 'Agent ID',
  transferSubmit: 'Transfer',
  cancel: 'Cancel',
  disposition: 'Disposition',
  dispositionNone: 'Choose a code',
  required: 'required',
  closeNeedsDisposition: 'Choose a disposition code to close the conversation.',
  wrapUpNote: 'Wrap-up note',
  wrapUpTimer: (time) => `Wrap-up: ${time} left`,
  wrapUpOverdue: 'Wrap-up time is over',
};
