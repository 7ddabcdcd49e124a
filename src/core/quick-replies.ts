/**
 * Quick replies (F15): canned answers the agent inserts into the composer by typing `/`. Pure data
 * and functions; the desk's `quickReplies` facade and `<cc-quick-replies>` use them.
 */
import type { AgentRef, Conversation } from './model.js';
import { PLACEHOLDERS, type PlaceholderName } from './rules.js';
import { fold } from './search/fold.js';

export { PLACEHOLDERS, unfilledPlaceholders, type PlaceholderName } from './rules.js';

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

/** The `/query` token the caret is in: `start` is the `/`, `end` the caret. */
export interface SlashToken {
  readonly start: number;
  readonly end: number;
  /** What follows the `/`, up to the caret. */
  readonly query: string;
}

/** Longest title and shortcut kept; longer ones are cut. */
const MAX_TITLE = 200;

/**
 * The `/query` being typed at `caret`: a `/` at the start of the text or after white space, followed
 * by no white space up to the caret. Undefined when the caret is not in one.
 */
export function slashToken(text: string, caret: number): SlashToken | undefined {
  const before = text.slice(0, caret);
  const match = /(^|\s)\/([^\s/]{0,40})$/u.exec(before);
  if (!match) return undefined;
  const start = caret - match[2]!.length - 1;
  return { start, end: caret, query: match[2]! };
}

/** What each placeholder becomes in `conversation`, for `agent`; a missing value is left out. */
export function placeholderValues(
  conversation: Pick<Conversation, 'customer' | 'links' | 'queue'> | undefined,
  agent: AgentRef | undefined,
): Partial<Record<PlaceholderName, string>> {
  const values: Partial<Record<PlaceholderName, string>> = {};
  const name = conversation?.customer?.name?.trim();
  if (name) {
    values.customerName = name;
    values.customerFirstName = name.split(/\s+/u)[0]!;
  }
  const agentName = agent?.name?.trim();
  if (agentName) values.agentName = agentName;
  const kase = conversation?.links?.case?.title?.trim();
  if (kase) values.caseNumber = kase;
  const queue = conversation?.queue?.trim();
  if (queue) values.queue = queue;
  return values;
}

/**
 * Fills the known placeholders of `text` in one pass: a value is inserted as plain text and never
 * read again, so a customer named `{agentName}` stays `{agentName}`. Placeholders without a value
 * stay as they are and are listed in `unfilled`.
 */
export function fillPlaceholders(text: string, values: Partial<Record<PlaceholderName, string>>): FilledReply {
  const unfilled = new Set<PlaceholderName>();
  const filled = text.replace(/\{([A-Za-z]+)\}/g, (token, name: string) => {
    if (!(PLACEHOLDERS as readonly string[]).includes(name)) return token;
    const value = values[name as PlaceholderName];
    if (value === undefined || value === '') {
      unfilled.add(name as PlaceholderName);
      return token;
    }
    return value;
  });
  return { text: filled, unfilled: [...unfilled] };
}

/**
 * The replies matching `query`, best first: every word of the query must appear (accents and case
 * ignored) in the shortcut, title or text. A shortcut that starts with the query comes first, then
 * title matches, then text matches; replies in `locale` first, then those without one, then the rest.
 */
export function searchReplies(replies: readonly QuickReply[], query: string, locale?: string): QuickReply[] {
  const words = fold(query).split(/\s+/u).filter(Boolean);
  const lang = locale?.toLowerCase().split('-')[0];
  const scored: { reply: QuickReply; score: number; index: number }[] = [];
  replies.forEach((reply, index) => {
    const shortcut = fold(reply.shortcut ?? '');
    const title = fold(reply.title);
    const text = fold(reply.text);
    let score = 0;
    for (const word of words) {
      if (shortcut.startsWith(word)) score += 4;
      else if (title.includes(word)) score += 2;
      else if (shortcut.includes(word) || text.includes(word)) score += 1;
      else return;
    }
    const language = !lang || !reply.locale ? 50 : reply.locale.toLowerCase().split('-')[0] === lang ? 100 : 0;
    scored.push({ reply, score: score + language, index });
  });
  return scored.sort((a, b) => b.score - a.score || a.index - b.index).map((s) => s.reply);
}

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
