import type { ReadableAtom, WritableAtom } from 'nanostores';
import type { SimilarCase } from '../assist.js';
import type { ArticleSummary } from '../knowledge.js';
import type { Conversation, Message } from '../model.js';
import type { SearchFilters, SearchResults } from '../records.js';
import { lazyCommands, storesPerId, type Knowledge } from './knowledge.js';
import type { SliceContext } from './shared.js';

export type AssistStatus = 'idle' | 'loading' | 'ready' | 'error' | 'unavailable';

/** What smart assist offers for one conversation (F15). */
export interface AssistState {
  status: AssistStatus;
  articles: readonly ArticleSummary[];
  cases: readonly SimilarCase[];
}

/** Smart assist (F15): `desk.assist`. */
export interface Assist {
  /** Suggestions can be had: the transport suggests them (`capabilities.assist`), or has a knowledge base or transcript search. */
  readonly available: boolean;
  /**
   * Articles and similar past cases for the conversation's latest customer messages: worked out when
   * first watched, and again (debounced) when the customer writes.
   */
  suggestions(conversationId: string): ReadableAtom<AssistState>;
  /** Works the suggestions out again now. */
  refresh(conversationId: string): Promise<void>;
}

/** What the assist commands read from the rest of the desk. */
export interface AssistDeps {
  messages(conversationId: string): ReadableAtom<readonly Message[]>;
  conversations(): Readonly<Record<string, Conversation>>;
  knowledge: Knowledge;
  searchTranscripts(query: string, filters: SearchFilters, options: { limit?: number }): Promise<SearchResults>;
}

const IDLE: AssistState = { status: 'idle', articles: [], cases: [] };

/**
 * The assist slice: one store per conversation; the work (key terms, searches, the debounce) is in
 * assist-commands.ts, a chunk of its own that loads when a store is first watched.
 */
export function assistSlice(ctx: SliceContext, deps: AssistDeps): Assist {
  const stores = new Map<string, WritableAtom<AssistState>>();
  const commands = lazyCommands(ctx, () => import('./assist-commands.js').then((m) => new m.AssistCommands(ctx, deps, stores)));
  const store = storesPerId(stores, IDLE, commands, (s) => s.set({ ...s.get(), status: 'error' }));
  return {
    get available() {
      const { assist, knowledge, search } = ctx.transport.capabilities;
      return assist === true || knowledge === true || search === true;
    },
    suggestions: store,
    refresh: (conversationId) => (store(conversationId), commands().then((c) => c.refresh(conversationId))),
  };
}
