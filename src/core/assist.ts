/**
 * Smart assist (F15): what the agent is offered for a conversation — related knowledge articles and
 * similar past cases — and the pure part of working them out locally: the key terms of the
 * customer's latest messages.
 */
import type { ConversationState } from './model.js';
import { tokenize } from './search/fold.js';

/** A past (or other) conversation that looks like this one. */
export interface SimilarCase {
  conversationId: string;
  /** The customer's name, when known. */
  customerName?: string;
  /** A matching message, for the snippet (customer-controlled: render as text). */
  text: string;
  /** Time of that message, epoch ms. */
  at: number;
  state?: ConversationState;
  /** The key terms it matched (folded), best first. */
  terms?: string[];
}

/** Folded (lower case, no diacritics) English and Polish words that say nothing about the topic. */
const STOP_WORDS = new Set(
  (
    // English
    'a about above after again against all also am an and any are aren as at be because been before being below between both but by can cannot could couldn ' +
    'did didn do does doesn doing don down during each few for from further get got had hadn has hasn have haven having he her here hers herself him ' +
    'himself his how i if in into is isn it its itself just let ll me more most mustn my myself no nor not now of off on once only or other our ours ' +
    'ourselves out over own please re same shan she should shouldn so some still such than thank thanks that the their theirs them themselves then there ' +
    'these they this those through to too under until up ve very was wasn we were weren what when where which while who whom why will with won would ' +
    'wouldn you your yours yourself yourselves hi hello hey ok okay yes yeah one two want need like know think tell already yet hasn ' +
    // Polski (bez znaków diakrytycznych, jak po złożeniu)
    'a aby ale albo ani az bardzo bez bo by byc byl byla bylo byly bede chce chcialam chcialbym chcialabym ci cie co czy dla do dobry dzien dzieki ' +
    'dziekuje gdy gdzie go ich ile im ja jak jaki jakie jednak jego jej jest jestem jeszcze jesli juz ka kiedy kto ktora ktore ktory ma mam mi mnie moge ' +
    'moj moja moje mozna moze mu my na nad nam nas nic nie niz no o od ok on ona oni oraz po pod prosze przez przy sa sie sobie sa ta tak tam te ' +
    'tego tej ten teraz to tu tutaj ty tylko u w wam was we wiec wszystko z za ze zeby hej witam czesc pani pana panie dalej nadal'
  ).split(' '),
);

/** Terms longer than this are cut to a stem, so a prefix search finds other forms ("returning" → "return"). */
const STEM_AFTER = 6;

function stem(word: string): string {
  return word.length > STEM_AFTER ? word.slice(0, Math.max(STEM_AFTER, word.length - 3)) : word;
}

/**
 * The few most distinctive terms of `texts` (oldest first), folded and stemmed: stop words (English
 * and Polish), numbers and short words are dropped; a term weighs more the longer it is, the more
 * often it occurs and the newer the message it is in.
 */
export function keyTerms(texts: readonly string[], limit = 4): string[] {
  const scores = new Map<string, number>();
  texts.forEach((text, index) => {
    const recency = 1 + index / Math.max(1, texts.length);
    for (const word of tokenize(text)) {
      if (word.length < 3 || STOP_WORDS.has(word) || /^\d+$/u.test(word) || /\d/u.test(word[0]!)) continue;
      const term = stem(word);
      scores.set(term, (scores.get(term) ?? 0) + Math.min(word.length, 10) * recency);
    }
  });
  const ranked = [...scores].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([term]) => term);
  // A term that another kept term starts with adds nothing to a prefix search.
  const kept: string[] = [];
  for (const term of ranked) {
    if (kept.length >= limit) break;
    if (kept.some((k) => k.startsWith(term) || term.startsWith(k))) continue;
    kept.push(term);
  }
  return kept;
}
