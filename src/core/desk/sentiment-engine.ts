// Local sentiment analysis (F14), a lazy chunk the desk loads with the first customer message it
// would analyze: which messages count, batching, and the analyzer (itself a chunk of its own). It
// imports nothing the desk has already loaded, and loads nothing itself (a dynamic import here would
// make a host's bundler split its import helper out of the first chunk): what it needs comes in with
// the slice, with the loader of the default analyzer.
import type { SentimentAnalyzer } from '../../sentiment/index.js';
import type { Message } from '../model.js';
import type { SentimentSlice } from './sentiment.js';

/** What the customer wrote, oldest first, the newest six: text messages only (a photo or sticker without text does not count). */
export function customerTexts(messages: readonly Message[]): string[] {
  const texts: string[] = [];
  for (let i = messages.length - 1; i >= 0 && texts.length < 6; i--) {
    const m = messages[i]!;
    if (m.author === 'customer' && m.text?.trim()) texts.push(m.text);
  }
  return texts.reverse();
}

/**
 * The slice's local analysis: returns what the slice calls when a customer message arrives or is
 * edited. Marked conversations are analyzed together a task later, so a backfill of hundreds of
 * messages costs one analysis.
 */
export function sentimentEngine(slice: SentimentSlice, loadLexicon: () => Promise<SentimentAnalyzer>): (conversationId: string) => void {
  const dirty = new Set<string>();
  let scheduled = false;
  let analyzer: Promise<SentimentAnalyzer | undefined> | undefined;

  const load = (): Promise<SentimentAnalyzer | undefined> => {
    const option = slice.option ?? loadLexicon;
    analyzer ??= (typeof option === 'function' ? option() : Promise.resolve(option || undefined)).catch(() => {
      // A chunk that failed to load may load next time.
      analyzer = undefined;
      return undefined;
    });
    return analyzer;
  };

  const analyze = async (): Promise<void> => {
    const ids = [...dirty];
    dirty.clear();
    // Only a conversation with a customer message loads the analyzer.
    if (!ids.some((id) => customerTexts(slice.messages(id)).length > 0)) return;
    const loaded = await load();
    if (!loaded || slice.ctx.isDisposed()) return;
    for (const id of ids) {
      // Read now: more may have arrived while the analyzer loaded.
      const texts = customerTexts(slice.messages(id));
      if (texts.length > 0 && !slice.told.has(id)) slice.set(id, loaded.analyze(texts), 'local');
    }
  };

  return (conversationId) => {
    if (slice.told.has(conversationId)) return;
    dirty.add(conversationId);
    if (scheduled) return;
    scheduled = true;
    void slice.ctx.track(
      new Promise<void>((resolve) => setTimeout(resolve, 0)).then(() => {
        scheduled = false;
        // An analyzer that failed to load leaves the level as it was; the next message tries again.
        return analyze().catch(() => undefined);
      }),
    );
  };
}
