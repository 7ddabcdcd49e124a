/**
 * Quick replies (F15): the `/query` typed and searching. A module of its own, without the send
 * rules, so `<cc-quick-replies>` and the composer's quick-reply part load only this and the accent
 * folding on first use.
 */
import type { QuickReply } from './quick-replies.js';
import { fold } from './search/fold.js';

/** The `/query` token the caret is in: `start` is the `/`, `end` the caret. */
export interface SlashToken {
  readonly start: number;
  readonly end: number;
  /** What follows the `/`, up to the caret. */
  readonly query: string;
}

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
