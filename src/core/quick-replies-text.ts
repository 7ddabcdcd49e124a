/**
 * Quick replies (F15): filling placeholders and searching. Pure functions, loaded with the desk's
 * quick-reply commands and `<cc-quick-replies>` on first use.
 */
import type { AgentRef, Conversation } from './model.js';
import type { FilledReply, QuickReply } from './quick-replies.js';
import { PLACEHOLDERS, type PlaceholderName } from './rules.js';
import { fold } from './search/fold.js';

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
