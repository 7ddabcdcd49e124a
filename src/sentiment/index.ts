// contact-center-elements/sentiment: a default, local sentiment analyzer for English and Polish
// customer messages (F14: seven levels over the last six customer messages, Neutral when there
// are none). Pure and DOM-free; the word lists load only with this entry.
import {
  AFTER_INTENSIFIERS,
  CONTRASTS,
  DIMINISHERS,
  EMOJI,
  INTENSIFIERS,
  NEGATED_ONLY,
  NEGATORS,
  WORDS,
} from './lexicon.js';

/** The seven sentiment levels, from the most negative to the most positive. */
export const SENTIMENT_LEVELS = [
  'very-negative',
  'negative',
  'slightly-negative',
  'neutral',
  'slightly-positive',
  'positive',
  'very-positive',
] as const;

export type SentimentLevel = (typeof SENTIMENT_LEVELS)[number];

/** A sentiment analyzer: the customer's messages, oldest first, in; one level out. */
export interface SentimentAnalyzer {
  analyze(texts: readonly string[]): SentimentLevel;
}

/** How many of the newest messages count. */
const WINDOW = 6;
/** Each older message weighs this much of the next newer one. */
const DECAY = 0.7;
/** A message with no feeling in it weighs this much of one that has some. */
const FLAT_WEIGHT = 0.5;
/** Longest word looked up, so the stem search stays linear in the text. */
const MAX_WORD = 24;
/** How many words after a negator it still applies to. */
const NEGATION_REACH = 3;
/** Scores at which the level moves one step away from Neutral. */
const SLIGHT = 0.5;
const PLAIN = 2;
const VERY = 4.5;
/** A message's score is kept within ±this. */
const CAP = 6;

type Modifier = 'negate' | 'intensify' | 'after' | 'diminish' | 'contrast';

interface Lexicon {
  exact: Map<string, number>;
  stems: Map<string, number>;
  negatedExact: Map<string, number>;
  negatedStems: Map<string, number>;
  modifiers: Map<string, Modifier>;
  emoji: Map<string, number>;
}

function fill(into: { exact: Map<string, number>; stems: Map<string, number> }, lists: Readonly<Record<string, string>>): void {
  for (const [score, words] of Object.entries(lists)) {
    for (const word of words.split(' ')) {
      if (word.endsWith('*')) into.stems.set(word.slice(0, -1), Number(score));
      else into.exact.set(word, Number(score));
    }
  }
}

function buildLexicon(): Lexicon {
  const words = { exact: new Map<string, number>(), stems: new Map<string, number>() };
  const negated = { exact: new Map<string, number>(), stems: new Map<string, number>() };
  fill(words, WORDS);
  fill(negated, NEGATED_ONLY);
  const modifiers = new Map<string, Modifier>();
  const add = (list: string, kind: Modifier) => list.split(' ').forEach((word) => modifiers.set(word, kind));
  add(NEGATORS, 'negate');
  add(INTENSIFIERS, 'intensify');
  add(AFTER_INTENSIFIERS, 'after');
  add(DIMINISHERS, 'diminish');
  add(CONTRASTS, 'contrast');
  const emoji = new Map<string, number>();
  for (const [score, list] of Object.entries(EMOJI)) for (const item of list.split(' ')) emoji.set(item, Number(score));
  return { exact: words.exact, stems: words.stems, negatedExact: negated.exact, negatedStems: negated.stems, modifiers, emoji };
}

/** Lower case, no diacritics, no apostrophes: "Dziękuję" → "dziekuje", "don't" → "dont". */
function fold(word: string): string {
  return word
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f'’]/g, '')
    .replace(/ł/g, 'l');
}

/** The entry for `word`: itself, else its longest listed stem (at least three letters). */
function lookup(word: string, exact: Map<string, number>, stems: Map<string, number>): number | undefined {
  const found = exact.get(word);
  if (found !== undefined) return found;
  for (let end = Math.min(word.length, MAX_WORD); end >= 3; end--) {
    const stem = stems.get(word.slice(0, end));
    if (stem !== undefined) return stem;
  }
  return undefined;
}

/** A negated feeling: pleasure turns into displeasure, displeasure into mild relief ("not bad"). */
const negate = (score: number) => (score > 0 ? -0.8 * score : -0.5 * score);

// Words, emoji (one pictograph each), text emoticons, and the punctuation that ends a negation's reach.
const TOKEN = /[\p{L}\p{N}'’]+|\p{Extended_Pictographic}|[:;]-?[()D](?![\p{L}\p{N}])|!+|[?.,;:]+/gu;

/** Words that, right before "like", make it a wish ("I'd like to…"), not a liking. */
const WISH = new Set(['id', 'would', 'wed', 'youd', 'look', 'looks', 'looked', 'seems', 'just']);

/** One message's score: positive is pleasure, negative displeasure, about ±1 to ±5. */
function scoreMessage(text: string, lexicon: Lexicon): number {
  let before = 0; // the clauses before the last contrast
  let sum = 0;
  let last = 0; // the last scored word's contribution, for "thanks a lot"
  let negation = 0; // words the current negation still reaches
  let boost = 1;
  let shouted = 0;
  let bangs = 0;
  let previous = '';
  let scored = false;
  for (const match of text.matchAll(TOKEN)) {
    const raw = match[0];
    const first = raw.charCodeAt(0);
    if (raw[0] === '!') {
      bangs += raw.length;
      negation = 0;
      boost = 1;
      continue;
    }
    const emoji = lexicon.emoji.get(raw);
    if (emoji !== undefined) {
      sum += emoji;
      last = emoji;
      scored = true;
      continue;
    }
    if (first < 0x80 && /[?.,;:]/.test(raw[0])) {
      negation = 0;
      boost = 1;
      previous = '';
      continue;
    }
    const word = fold(raw);
    const modifier = lexicon.modifiers.get(word);
    const caps = raw.length >= 2 && raw !== raw.toLowerCase() && raw === raw.toUpperCase() && /\p{L}/u.test(raw);
    if (caps && raw.length >= 3) shouted++;
    if (modifier === 'negate') {
      negation = NEGATION_REACH;
    } else if (modifier === 'intensify') {
      boost *= caps ? 2 : 1.5;
    } else if (modifier === 'diminish') {
      boost *= 0.6;
    } else if (modifier === 'after') {
      // "so much": the pending intensifier strengthens the word before, too.
      const factor = 1.5 * boost;
      sum += last * (factor - 1);
      last *= factor;
      boost = 1;
    } else if (modifier === 'contrast') {
      before = (before + sum) * 0.5;
      sum = 0;
      last = 0;
      negation = 0;
      boost = 1;
    } else if (!(word === 'dobry' && previous === 'dzien') && !(word === 'like' && WISH.has(previous))) {
      let score = lookup(word, lexicon.exact, lexicon.stems);
      let negated = negation > 0;
      if (score === undefined && word.startsWith('nie') && word.length > 5) {
        // Polish writes "not" into the word: niezadowolony, niemiły.
        score = lookup(word.slice(3), lexicon.exact, lexicon.stems);
        if (score !== undefined) negated = !negated;
      }
      if (negated && score === undefined) score = lookup(word, lexicon.negatedExact, lexicon.negatedStems);
      else if (negated && score !== undefined) score = negate(score);
      if (score !== undefined) {
        const contribution = score * boost * (caps ? 1.5 : 1);
        sum += contribution;
        last = contribution;
        scored = true;
        negation = 0;
        boost = 1;
      } else if (negation > 0) {
        negation--;
      }
    }
    previous = word;
  }
  if (!scored) return 0;
  let score = before + sum;
  score *= 1 + 0.25 * Math.min(shouted, 2) + 0.1 * Math.min(bangs, 4);
  return Math.max(-CAP, Math.min(CAP, score));
}

function levelOf(score: number): SentimentLevel {
  const size = Math.abs(score);
  const step = size < SLIGHT ? 0 : size < PLAIN ? 1 : size < VERY ? 2 : 3;
  return SENTIMENT_LEVELS[3 + Math.sign(score) * step];
}

/**
 * The default local analyzer: word lists for English and Polish (stems for Polish inflection,
 * diacritics optional), negation ("not good", "nie jest dobrze", "wcale nie"), intensifiers
 * ("very", "bardzo", "strasznie"), emoji, ALL CAPS and "!!!". It reads the last six texts,
 * the newer ones weighing more, and answers Neutral when there are none. Linear in the text.
 */
export function createLexiconAnalyzer(): SentimentAnalyzer {
  const lexicon = buildLexicon();
  return {
    analyze(texts) {
      let total = 0;
      let weights = 0;
      let weight = 1;
      for (let i = texts.length - 1; i >= Math.max(0, texts.length - WINDOW); i--) {
        const score = scoreMessage(texts[i] ?? '', lexicon);
        const w = score === 0 ? weight * FLAT_WEIGHT : weight;
        total += score * w;
        weights += w;
        weight *= DECAY;
      }
      return weights === 0 ? 'neutral' : levelOf(total / weights);
    },
  };
}
