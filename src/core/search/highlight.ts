import { fold, foldChar } from './fold.js';

/** A piece of the original text: plain, or the part of a word that a query term matched. */
export interface HighlightRange {
  text: string;
  match: boolean;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/**
 * Splits `text` into ranges for rendering with `<mark>`, without changing a character of it. A term
 * marks the start of each word it is a prefix of, whatever the case and diacritics ("zamow" marks
 * "Zamów" in "Zamówienie"), the way the index matched it. Terms are folded here too, so raw query
 * words work as well as `SearchResults.terms`.
 */
export function highlight(text: string, terms: readonly string[]): HighlightRange[] {
  if (!text) return [];
  const needles = [...new Set(terms.map(fold).filter((t) => t.length > 0))].sort((a, b) => b.length - a.length);
  if (needles.length === 0) return [{ text, match: false }];

  // folded[i] came from the code point of `text` that starts at origin[i].
  let folded = '';
  const origin: number[] = [];
  let offset = 0;
  for (const char of text) {
    const piece = foldChar(char);
    for (let k = 0; k < piece.length; k++) origin.push(offset);
    folded += piece;
    offset += char.length;
  }

  const marked = new Uint8Array(text.length);
  let any = false;
  for (let i = 0; i < folded.length; i++) {
    // Only word starts: the index matches prefixes of words, not substrings.
    if (!WORD_CHAR.test(folded[i]!) || (i > 0 && WORD_CHAR.test(folded[i - 1]!))) continue;
    const needle = needles.find((n) => folded.startsWith(n, i));
    if (!needle) continue;
    const start = origin[i]!;
    // The last matched letter is marked whole even when folding split it (ß → ss), with its combining marks.
    const last = origin[i + needle.length - 1]!;
    let end = last + (text.codePointAt(last)! > 0xffff ? 2 : 1);
    while (end < text.length && /\p{M}/u.test(text[end]!)) end++;
    marked.fill(1, start, end);
    any = true;
  }
  if (!any) return [{ text, match: false }];

  const ranges: HighlightRange[] = [];
  let start = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i === text.length || marked[i] !== marked[start]) {
      ranges.push({ text: text.slice(start, i), match: marked[start] === 1 });
      start = i;
    }
  }
  return ranges;
}
