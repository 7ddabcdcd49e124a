import { CcConversationNotes } from './conversation-notes.js';

if (!customElements.get('cc-conversation-notes')) customElements.define('cc-conversation-notes', CcConversationNotes);

export { CcConversationNotes };
