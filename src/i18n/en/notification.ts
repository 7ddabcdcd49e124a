import type { Catalog } from '../catalog.js';

/** English strings of the incoming-conversation notification. */
export const notificationStrings: Pick<Catalog, 'notification'> = {
  notification: {
    title: 'Incoming conversation',
    from: (name) => `${name} wants to chat`,
    channel: 'Channel',
    queue: 'Queue',
    waiting: 'Waiting',
    firstMessage: 'First message',
    expiresIn: (s) => `Expires in ${s} s`,
    accept: 'Accept',
    reject: 'Reject',
    moreWaiting: (n) => (n === 1 ? '1 more conversation waiting' : `${n} more conversations waiting`),
    otherConversations: 'Other active conversations of this customer',
    noOtherConversations: 'No other active conversations.',
    missedTitle: 'Missed conversation',
    missed: (name) => `The conversation with ${name} went back to the queue. Your presence is now Inactive.`,
    becomeAvailable: 'Become available',
    dismiss: 'Dismiss',
    announce: (name, queue) => `Incoming Facebook conversation from ${name}, queue ${queue}.`,
    desktopTitle: (name) => `Facebook conversation from ${name}`,
    failed: 'That did not work. Try again.',
    startedAt: (time) => `Started ${time}`,
    startedUnknown: 'Started: unknown',
    expiresUnknown: 'Expires: unknown',
    unknown: 'unknown',
  },
};
