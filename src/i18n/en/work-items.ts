import type { Catalog } from '../catalog.js';

/** English strings of `<cc-work-items>`. Customer names and messages arrive as arguments and stay plain text. */
export const workItemsStrings: Pick<Catalog, 'workItems'> = {
  workItems: {
    mine: 'My work items',
    open: 'Open work items',
    columns: { customer: 'Customer', state: 'State', queue: 'Queue', wait: 'Wait time', message: 'Last message' },
    sortBy: (column) => `Sort by ${column.toLowerCase()}`,
    sortedBy: (column, ascending) => `Sorted by ${column.toLowerCase()}, ${ascending ? 'ascending' : 'descending'}.`,
    mineHint: 'Up and down arrows move between work items; Enter opens one.',
    mineEmpty: 'You have no work items.',
    openItem: (name) => `Open the conversation with ${name}`,
    openFailed: 'The conversation could not be opened.',
    unnamed: 'Customer',
    noMessage: 'No messages yet',
    attachment: (name) => `Attachment: ${name}`,
    loading: 'Loading open work items…',
    loadFailed: 'Open work items could not be loaded.',
    retry: 'Try again',
    refresh: 'Refresh',
    openEmpty: 'No conversations are waiting to be picked.',
    count: (n) => (n === 1 ? '1 conversation' : `${n} conversations`),
    pick: 'Pick',
    pickLabel: (name) => `Pick the conversation with ${name}`,
    picking: 'Picking…',
    picked: (name) => `The conversation with ${name} is yours and opened.`,
    pickFailed: 'The conversation could not be picked. Someone may have taken it.',
  },
};
