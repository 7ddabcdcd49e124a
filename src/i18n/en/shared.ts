import type { Catalog } from '../catalog.js';

/** English every element shares (states, durations, error texts): always built in. */
export const sharedStrings: Pick<Catalog, 'lang' | 'channel' | 'state' | 'connection' | 'duration' | 'conversations' | 'errors'> = {
  lang: 'en',
  channel: { facebook: 'Facebook Messenger' },
  state: { open: 'Open', active: 'Active', waiting: 'Waiting', 'wrap-up': 'Wrap-up', closed: 'Closed' },
  connection: {
    idle: 'Not connected',
    connecting: 'Connecting…',
    online: 'Online',
    reconnecting: 'Reconnecting…',
    offline: 'Offline',
    'auth-expired': 'Session expired: sign in again',
  },
  duration: {
    seconds: (n) => `${n} s`,
    minutes: (n) => `${n} min`,
    hours: (n) => `${n} h`,
    days: (n) => (n === 1 ? '1 day' : `${n} days`),
  },
  conversations: (n) => (n === 1 ? '1 conversation' : `${n} conversations`),
  errors: {
    desk: {
      'window-closed': 'The reply window is closed. You can send again once the customer writes.',
      'too-long': 'This is too long. Shorten it and try again.',
      empty: 'There is nothing to send.',
      'unknown-conversation': 'This conversation is no longer available.',
      'unknown-offer': 'This conversation is no longer waiting for you.',
      policy: 'This file cannot be sent.',
      unsupported: 'This is not available here.',
      invalid: 'Some details are not valid. Check them and try again.',
      'no-link': 'Link a contact or a case to this conversation first.',
      'not-active': 'Messages can be sent only while the conversation is active.',
      disposed: 'This workspace was closed. Reload the page.',
    },
    transport: {
      network: 'No connection to the server. Check the connection and try again.',
      timeout: 'The server did not answer in time. Try again.',
      'auth-expired': 'Your session has expired. Sign in again.',
      'not-found': 'The server could not find it. It may have been removed.',
      invalid: 'The server did not accept the request.',
      conflict: 'It was changed elsewhere in the meantime. Try again.',
      'window-closed': 'Messenger’s reply window is closed. You can send again once the customer writes.',
      policy: 'The server refused this message or file.',
      aborted: 'Cancelled.',
      unavailable: 'The service is unavailable right now. Try again later.',
      internal: 'The server ran into a problem. Try again later.',
    },
    unknown: 'Something went wrong. Try again.',
  },
};
