import type { Catalog } from '../catalog.js';

/** English strings of `<cc-session-tabs>`, `<cc-session-view>` and `<cc-shortcuts>` (F6, F13). */
export const sessionsStrings: Pick<Catalog, 'sessions'> = {
  sessions: {
    tabsLabel: 'Sessions',
    empty: 'No open sessions. A conversation you accept opens here.',
    unnamedCustomer: 'Customer',
    unread: (n) => (n === 1 ? '1 unread message' : `${n} unread messages`),
    close: (name) => `Close session with ${name}`,
    tabsHint: 'Arrow keys move between sessions, Enter or Space opens one, Delete closes it (the conversation waits, it is not ended).',
    count: (n, max) => `${n} of ${max}`,
    full: (max) => `All ${max} session slots are taken. Close a session to accept another conversation.`,
    appsLabel: (name) => `Open in the session with ${name}`,
    appKinds: { customer: 'Customer', record: 'Record', transcript: 'Transcript', knowledge: 'Knowledge article', app: 'App' },
    closeApp: (title) => `Close ${title}`,
    appsHint: 'Arrow keys move between tabs, Enter or Space opens one, Delete closes it. The customer form stays open.',
    noSession: 'No session is open.',
    nothingShown: (title) => `${title} is open in this session.`,
    loading: 'Loading…',
    shortcuts: {
      title: 'Keyboard shortcuts',
      open: 'Keyboard shortcuts',
      close: 'Close',
      intro: 'These work anywhere on the page, except the ones without Alt while you type in a field.',
      next: 'Next session',
      previous: 'Previous session',
      jump: 'Go to session 1 to 9',
      closeSession: 'Close the session in front (the conversation waits)',
      accept: 'Accept the first waiting conversation',
      reject: 'Reject the first waiting conversation',
      help: 'Show this help',
    },
  },
};
