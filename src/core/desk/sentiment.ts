import { atom, type ReadableAtom, type WritableAtom } from 'nanostores';
import type { SentimentAnalyzer, SentimentLevel } from '../../sentiment/index.js';
import type { Message } from '../model.js';
import type { SentimentEvent } from '../transport.js';
import type { SliceContext } from './shared.js';

export type { SentimentAnalyzer, SentimentLevel };

/**
 * The seven levels, most negative first. The same list as `SENTIMENT_LEVELS` of
 * `contact-center-elements/sentiment`, kept here so the desk does not load the analyzer to know them.
 */
export const LEVELS: readonly SentimentLevel[] = [
  'very-negative',
  'negative',
  'slightly-negative',
  'neutral',
  'slightly-positive',
  'positive',
  'very-positive',
];

/** Whether a level calls for the agent's attention: Slightly negative and below (the three negative levels). */
export const isAlertLevel = (level: SentimentLevel): boolean => level.endsWith('negative');

/** The customer's mood in one conversation (F14). */
export interface SentimentState {
  level: SentimentLevel;
  /** Who said so: the backend, the local analyzer, or nobody yet (Neutral). */
  source: 'transport' | 'local' | 'initial';
  /** Slightly negative or below. */
  alert: boolean;
  /** The agent dismissed the alert; it comes back the next time the level crosses into alert. */
  dismissed: boolean;
}

/**
 * Local analysis: an analyzer, a function that loads one (called once, on the first customer message),
 * or `false` for none. Default: the lexicon analyzer of `contact-center-elements/sentiment`, loaded
 * lazily in its own chunk.
 */
export type SentimentOption = SentimentAnalyzer | (() => Promise<SentimentAnalyzer>) | false;

/** Real-time sentiment (F14): per conversation, from the transport when it reports it, else analyzed locally. */
export interface Sentiment {
  /** The desk knows the customer's sentiment: it analyzes locally (not `sentiment: false`) or the transport reports it (`capabilities.sentiment`). */
  readonly enabled: boolean;
  /** The conversation's sentiment; Neutral until something is known. */
  of(conversationId: string): ReadableAtom<SentimentState>;
  /** Hides the conversation's alert until the level recovers and crosses into alert again. */
  dismiss(conversationId: string): void;
}

const INITIAL: SentimentState = { level: 'neutral', source: 'initial', alert: false, dismissed: false };

const loadLexicon = (): Promise<SentimentAnalyzer> => import('../../sentiment/index.js').then((m) => m.createLexiconAnalyzer());

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
 * Keeps one sentiment store per conversation. Customer messages and edits mark a conversation;
 * the marked ones are analyzed together a task later, so a backfill of hundreds of messages costs one
 * analysis. A level from the transport wins: local analysis stops for that conversation.
 */
export class SentimentSlice implements Sentiment {
  readonly #ctx: SliceContext;
  readonly #messages: (conversationId: string) => readonly Message[];
  readonly #option: SentimentOption | undefined;
  #stores = new Map<string, WritableAtom<SentimentState>>();
  /** Conversations the transport reports sentiment for. */
  #reported = new Set<string>();
  #dirty = new Set<string>();
  #scheduled = false;
  #analyzer: Promise<SentimentAnalyzer | undefined> | undefined;

  constructor(ctx: SliceContext, option: SentimentOption | undefined, messages: (conversationId: string) => readonly Message[]) {
    this.#ctx = ctx;
    this.#option = option;
    this.#messages = messages;
  }

  get enabled(): boolean {
    return this.#option !== false || Boolean(this.#ctx.transport.capabilities.sentiment);
  }

  /** Whether this desk analyzes customer messages itself. */
  get local(): boolean {
    return this.#option !== false && !this.#ctx.transport.capabilities.sentiment;
  }

  of(conversationId: string): ReadableAtom<SentimentState> {
    return this.#store(conversationId);
  }

  dismiss(conversationId: string): void {
    const store = this.#store(conversationId);
    if (store.get().alert) store.set({ ...store.get(), dismissed: true });
  }

  /** A customer message arrived or was edited: analyze the conversation again, soon. */
  customerChanged(conversationId: string): void {
    if (!this.local || this.#reported.has(conversationId)) return;
    this.#dirty.add(conversationId);
    if (this.#scheduled) return;
    this.#scheduled = true;
    void this.#ctx.track(
      new Promise<void>((resolve) => setTimeout(resolve, 0)).then(() => {
        this.#scheduled = false;
        // A chunk that failed to load leaves the level as it was; the next message tries again.
        return this.#analyze().catch(() => undefined);
      }),
    );
  }

  /** The transport reported the conversation's sentiment: it overrides local analysis from now on. */
  reported(event: SentimentEvent): void {
    this.#reported.add(event.conversationId);
    this.#dirty.delete(event.conversationId);
    this.#set(event.conversationId, event.level, 'transport');
  }

  async #analyze(): Promise<void> {
    const ids = [...this.#dirty];
    this.#dirty.clear();
    // Only a conversation with a customer message loads the analyzer.
    if (!ids.some((id) => customerTexts(this.#messages(id)).length > 0)) return;
    const analyzer = await this.#load();
    if (!analyzer || this.#ctx.isDisposed()) return;
    for (const id of ids) {
      // Read now: more may have arrived while the analyzer loaded.
      const texts = customerTexts(this.#messages(id));
      if (texts.length > 0 && !this.#reported.has(id)) this.#set(id, analyzer.analyze(texts), 'local');
    }
  }

  #load(): Promise<SentimentAnalyzer | undefined> {
    const option = this.#option ?? loadLexicon;
    this.#analyzer ??= (typeof option === 'function' ? option() : Promise.resolve(option || undefined)).catch(() => {
      // A chunk that failed to load may load next time.
      this.#analyzer = undefined;
      return undefined;
    });
    return this.#analyzer;
  }

  #set(conversationId: string, level: SentimentLevel, source: SentimentState['source']): void {
    const store = this.#store(conversationId);
    const before = store.get();
    const alert = isAlertLevel(level);
    const crossed = alert && !before.alert;
    if (before.level === level && before.source === source) return;
    store.set({ level, source, alert, dismissed: crossed ? false : alert && before.dismissed });
    if (crossed) this.#ctx.emit({ type: 'sentiment-alert', conversationId, level });
  }

  #store(conversationId: string): WritableAtom<SentimentState> {
    let store = this.#stores.get(conversationId);
    if (!store) this.#stores.set(conversationId, (store = atom(INITIAL)));
    return store;
  }
}
