/**
 * Folding and tokenizing shared by the index, the query and highlighting: lower case, no diacritics,
 * so "Zamówienie", "zamowienie" and "ZAMOWIENIE" are one token.
 */

/** Letters that Unicode does not decompose into a base letter plus a combining mark. */
const SPECIAL: Readonly<Record<string, string>> = {
  ł: 'l',
  đ: 'd',
  ø: 'o',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ı: 'i',
  þ: 'th',
  ð: 'd',
  ħ: 'h',
  ŧ: 't',
  // Whole-string lower-casing writes a word-final sigma as ς; a single character lower-cases to σ.
  ς: 'σ',
};
const SPECIAL_CHARS = /[łđøßæœıþðħŧς]/g;
const MARKS = /\p{M}+/gu;
const ASCII = /^[\0-\x7f]*$/;
const ASCII_TOKEN = /[a-z0-9]+/g;

/** Longer tokens are cut: a pasted blob must not bloat the vocabulary, and a prefix still finds it. */
export const MAX_TOKEN_LENGTH = 48;

/** Lower case, decomposed, combining marks removed, undecomposable letters spelled out. */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  if (ASCII.test(lower)) return lower;
  const stripped = lower.normalize('NFD').replace(MARKS, '');
  return stripped.replace(SPECIAL_CHARS, (c) => SPECIAL[c]!);
}

/** Folds one code point (for mapping folded offsets back to the original text). */
export function foldChar(char: string): string {
  const lower = char.toLowerCase();
  if (lower.length === 1 && lower < '\x80') return lower;
  return SPECIAL[lower] ?? fold(lower);
}

const RAW_TOKEN = /[\p{L}\p{N}\p{M}]+/gu;
/** Folded forms of short raw words: most words repeat, and normalize() is the costly part. */
const folded = new Map<string, string>();
const FOLDED_MAX = 10_000;

function foldToken(raw: string): string {
  // Long words are not cached: they may be slices that would keep a whole message alive.
  if (raw.length >= 13) return fold(raw);
  let token = folded.get(raw);
  if (token === undefined) {
    token = fold(raw);
    if (folded.size >= FOLDED_MAX) folded.clear();
    folded.set(raw, token);
  }
  return token;
}

/**
 * Folded tokens of `text`: runs of letters and digits, in order, repeats kept. Split before
 * folding (a word's combining marks go with it), which gives the same tokens as folding first.
 */
export function tokenize(text: string): string[] {
  const ascii = ASCII.test(text);
  const tokens = ascii ? (text.toLowerCase().match(ASCII_TOKEN) ?? []) : (text.match(RAW_TOKEN) ?? []);
  let kept = 0;
  for (let i = 0; i < tokens.length; i++) {
    let token = ascii ? tokens[i]! : foldToken(tokens[i]!);
    if (token.length > MAX_TOKEN_LENGTH) token = token.slice(0, MAX_TOKEN_LENGTH);
    // Only combining marks, e.g. after a space: nothing left to find.
    if (token) tokens[kept++] = token;
  }
  tokens.length = kept;
  return tokens;
}

/** Most words a query uses; more would only narrow an already narrow result. */
const MAX_QUERY_WORDS = 8;

/**
 * The words of a query, folded, each to be matched as a prefix. Repeats and words that are a prefix
 * of another query word are dropped: "zam zamow" needs only "zamow".
 */
export function queryWords(query: string): string[] {
  const words = [...new Set(tokenize(query))];
  return words.filter((w, i) => !words.some((other, j) => j !== i && other.length > w.length && other.startsWith(w))).slice(0, MAX_QUERY_WORDS);
}
