import type { Catalog } from '../catalog.js';

/** English strings of `<cc-presence-picker>`. */
export const presenceStrings: Pick<Catalog, 'presence'> = {
  presence: {
    label: 'Status',
    statuses: {
      available: 'Available',
      busy: 'Busy',
      'busy-dnd': 'Busy – Do not disturb',
      away: 'Away',
      offline: 'Offline',
      inactive: 'Inactive',
    },
    buttonLabel: (status) => `Status: ${status}. Change status`,
    menuLabel: 'Choose your status',
    inactiveHint: 'Set after a missed conversation. Choose another status to take conversations again.',
    capacityLabel: 'Capacity',
    capacity: (used, total) => `${used} of ${total}`,
    capacityLong: (used, total) => `${used} of ${total} conversation slots in use`,
    automatic: 'Follows your capacity',
    manual: 'Set by you',
    takesOffers: 'New conversations arrive',
    noOffers: 'No new conversations arrive',
    changedByCapacity: (status, used, total) => `Your status is now ${status}: ${used} of ${total} conversation slots in use.`,
    changedByMissedOffer: 'You missed a conversation: your status is now Inactive.',
    changed: (status) => `Your status is now ${status}.`,
    failed: 'Your status could not be changed.',
  },
};
