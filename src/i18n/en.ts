import type { Catalog } from './catalog.js';
import { assistStrings } from './en/assist.js';
import { attachmentsStrings } from './en/attachments.js';
import { sharedStrings } from './en/shared.js';
import { customerFormStrings } from './en/customer-form.js';
import { emojiStrings } from './en/emoji.js';
import { knowledgeStrings } from './en/knowledge.js';
import { messageStrings } from './en/message.js';
import { notesStrings } from './en/notes.js';
import { notificationStrings } from './en/notification.js';
import { panelStrings } from './en/panel.js';
import { presenceStrings } from './en/presence.js';
import { quickRepliesStrings } from './en/quick-replies.js';
import { recordsStrings } from './en/records.js';
import { scriptsStrings } from './en/scripts.js';
import { sessionsStrings } from './en/sessions.js';
import { sentimentStrings } from './en/sentiment.js';
import { transcriptSearchStrings } from './en/transcript-search.js';
import { workItemsStrings } from './en/work-items.js';
import { callsStrings } from './en/calls.js';
import { callMenuStrings } from './en/call-menu.js';

export type { Catalog } from './catalog.js';

/**
 * The whole English catalog, every element's strings. Elements do not need it: each brings its own
 * part (src/i18n/en/), so a page bundles only the English it shows. Importing this bundles it all.
 */
// A pure call (a spread would not be): a bundle that never reads `en` drops it, and with it every
// part that no element of the page brings.
export const en: Catalog = /* @__PURE__ */ Object.assign(
  {},
  sharedStrings,
  notificationStrings,
  panelStrings,
  messageStrings,
  attachmentsStrings,
  customerFormStrings,
  notesStrings,
  recordsStrings,
  transcriptSearchStrings,
  knowledgeStrings,
  presenceStrings,
  workItemsStrings,
  sessionsStrings,
  assistStrings,
  scriptsStrings,
  quickRepliesStrings,
  sentimentStrings,
  emojiStrings,
  callsStrings,
  callMenuStrings,
) as typeof sharedStrings &
  typeof assistStrings &
  typeof scriptsStrings &
  typeof notificationStrings &
  typeof panelStrings &
  typeof messageStrings &
  typeof attachmentsStrings &
  typeof customerFormStrings &
  typeof notesStrings &
  typeof recordsStrings &
  typeof transcriptSearchStrings &
  typeof knowledgeStrings &
  typeof quickRepliesStrings &
  typeof presenceStrings &
  typeof workItemsStrings &
  typeof sessionsStrings &
  typeof sentimentStrings &
  typeof emojiStrings &
  typeof callsStrings &
  typeof callMenuStrings;
