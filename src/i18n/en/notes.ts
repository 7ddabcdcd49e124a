import type { Catalog } from '../catalog.js';

/** English strings of `<cc-conversation-notes>`. */
export const notesStrings: Pick<Catalog, 'notes'> = {
  notes: {
    listLabel: 'Notes',
    unavailable: 'Notes are not available.',
    noConversation: 'Open a conversation to see its notes.',
    noLink: 'Link a contact or a case to this conversation to add notes.',
    savedTo: {
      case: (title) => `Saved to case ${title}`,
      contact: (title) => `Saved to contact ${title}`,
      account: (title) => `Saved to account ${title}`,
    },
    label: 'New note',
    hint: 'Ctrl+Enter (⌘+Enter on a Mac) saves the note.',
    counter: (used, max) => `${used} / ${max}`,
    tooLong: (over) => (over === 1 ? '1 character too many' : `${over} characters too many`),
    add: 'Add note',
    saving: 'Saving…',
    saved: 'Note saved',
    saveFailed: 'The note was not saved. Your text is kept: try again.',
    loading: 'Loading notes…',
    loadFailed: 'The notes could not be loaded.',
    retry: 'Try again',
    empty: 'No notes yet.',
    you: 'You',
  },
};
