import type { ReadableAtom, WritableAtom } from 'nanostores';
import type { SentimentAnalyzer, SentimentLevel } from '../../sentiment/index.js';
import type { Message } from '../model.js';
import type { SentimentEvent } from '../transport.js';
import { StoreMap, type SliceContext } from './shared.js';

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

// Here, not in the engine: a dynamic import inside a lazy chunk makes a host's bundler split its import
// helper out of the first chunk.
const loadLexicon = (): Promise<SentimentAnalyzer> => import('../../sentiment/index.js').then((m) => m.createLexiconAnalyzer());

/**
 * Keeps one sentiment store per conversation and applies levels (alerts on a crossing). A level from
 * the transport wins: local analysis stops for that conversation. The local analysis itself (which
 * messages count, batching, the analyzer) is sentiment-engine.ts, a lazy chunk loaded with the first
 * customer message.
 */
export class SentimentSlice implements Sentiment {
  /** @internal Conversations the transport reports sentiment for. */
  readonly told = new Set<string>();
  readonly #stores = new StoreMap<SentimentState>(INITIAL);
  #engine: Promise<(conversationId: string) => void> | undefined;

  constructor(
    /** @internal */ readonly ctx: SliceContext,
    /** @internal */ readonly option: SentimentOption | undefined,
    /** @internal */ readonly messages: (conversationId: string) => readonly Message[],
  ) {}

  get enabled(): boolean {
    return this.option !== false || Boolean(this.ctx.transport.capabilities.sentiment);
  }

  /** @internal The store is writable here; the facade hands it out as a ReadableAtom. */
  of(conversationId: string): WritableAtom<SentimentState> {
    return this.#stores.get(conversationId);
  }

  dismiss(conversationId: string): void {
    const store = this.of(conversationId);
    if (store.get().alert) store.set({ ...store.get(), dismissed: true });
  }

  /** A customer message arrived or was edited: analyze the conversation again, soon (unless the transport reports its sentiment). */
  customerChanged(conversationId: string): void {
    // Only a conversation with a customer message loads the analysis.
    if (this.option === false || this.ctx.transport.capabilities.sentiment || !this.messages(conversationId).some((m) => m.author === 'customer' && m.text?.trim())) return;
    this.#engine ??= import('./sentiment-engine.js').then((m) => m.sentimentEngine(this, loadLexicon));
    // A chunk that failed to load leaves the level as it was; the next message tries again.
    void this.ctx.track(this.#engine.then((changed) => changed(conversationId))).catch(() => (this.#engine = undefined));
  }

  /** The transport reported the conversation's sentiment: it overrides local analysis from now on. */
  reported(event: SentimentEvent): void {
    this.told.add(event.conversationId);
    this.set(event.conversationId, event.level, 'transport');
  }

  /** @internal Applies a level; the first one at Slightly negative or below (again) raises `sentiment-alert`. */
  set(conversationId: string, level: SentimentLevel, source: SentimentState['source']): void {
    const store = this.of(conversationId);
    const before = store.get();
    const alert = isAlertLevel(level);
    if (before.level === level && before.source === source) return;
    // Dismissed only ever while in alert: a crossing (from no alert) shows the alert again.
    store.set({ level, source, alert, dismissed: alert && before.dismissed });
    if (alert && !before.alert) this.ctx.emit({ type: 'sentiment-alert', conversationId, level });
  }
}
