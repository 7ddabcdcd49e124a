/**
 * Quick replies (F15): searching. A module of its own, without the send rules, so `<cc-quick-replies>`
 * loads only this and the accent folding on first use.
 */
import type { QuickReply } from './quick-replies.js';
import { fold } from './search/fold.js';

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
