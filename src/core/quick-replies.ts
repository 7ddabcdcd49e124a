/**
 * Quick replies (F15): canned answers the agent inserts into the composer by typing `/`. Pure data
 * and functions; the desk's quick-reply commands and `<cc-quick-replies>` use them, loaded on first use.
 */
import type { PlaceholderName } from './rules.js';

export { PLACEHOLDERS, unfilledPlaceholders, type PlaceholderName } from './rules.js';
// Filling and searching come with the commands and the list, not with the first load.
export { fillPlaceholders, placeholderValues } from './quick-replies-text.js';
export { searchReplies, slashToken, type SlashToken } from './quick-replies-search.js';

/**
 * One quick reply. `text` may hold placeholders (`{customerName}`, `{customerFirstName}`,
 * `{agentName}`, `{caseNumber}`, `{queue}`), filled from the conversation when it is inserted.
 */
export interface QuickReply {
  /** Unique among the desk's replies. Own replies get `own:` ids. */
  readonly id: string;
  /** What the list shows; searched. */
  readonly title: string;
  /** What is inserted; searched. At most `MAX_MESSAGE_LENGTH` characters. */
  readonly text: string;
  /** A short word the agent may type after `/` (e.g. `hello`); searched first. */
  readonly shortcut?: string;
  /** The language of the text (`en`, `pl`); replies in the agent's language are listed first. */
  readonly locale?: string;
  /** `host`: from `createDesk({ quickReplies })` or the transport; `own`: the agent's own, stored locally. */
  readonly source: 'host' | 'own';
}

/** A quick reply as the host gives it (`createDesk` option, `quickReplies.list` result). */
export type TransportQuickReply = Omit<QuickReply, 'source'>;

/** What the agent saves as an own reply. */
export type NewQuickReply = Pick<QuickReply, 'title' | 'text'> & Partial<Pick<QuickReply, 'shortcut' | 'locale'>>;

/** A reply's text with what the conversation could fill filled in. */
export interface FilledReply {
  readonly text: string;
  /** Placeholders left in the text (no value): Send stays blocked until the agent edits them away. */
  readonly unfilled: readonly PlaceholderName[];
}

/** Longest title and shortcut kept; longer ones are cut. */
const MAX_TITLE = 200;

/** A host's reply checked and copied, or undefined when it is unusable (no id, title or text). */
export function toQuickReply(raw: unknown, source: QuickReply['source']): QuickReply | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  const id = typeof r['id'] === 'number' ? String(r['id']) : r['id'];
  if (typeof id !== 'string' || !id || typeof r['title'] !== 'string' || typeof r['text'] !== 'string') return undefined;
  const title = r['title'].trim().slice(0, MAX_TITLE);
  if (!title || !r['text'].trim()) return undefined;
  const shortcut = typeof r['shortcut'] === 'string' ? r['shortcut'].trim().replace(/^\//u, '').slice(0, MAX_TITLE) : '';
  const locale = typeof r['locale'] === 'string' ? r['locale'].trim() : '';
  return { id, title, text: r['text'], ...(shortcut ? { shortcut } : {}), ...(locale ? { locale } : {}), source };
}
