import { atom, onMount, type WritableAtom } from 'nanostores';
import type { Article, ArticleSummary, ShareMode } from '../knowledge.js';
import type { Composer } from './composer.js';
import type { SliceContext } from './shared.js';

/** Knowledge articles (F9): `desk.knowledge`. Without `capabilities.knowledge` every command rejects with DeskError('unsupported'). */
export interface Knowledge {
  /** The transport has a knowledge base: the elements show it. */
  readonly available: boolean;
  /** Articles matching `query`, best first; `locale` prefers articles in that language. */
  search(query: string, options?: { locale?: string; limit?: number }): Promise<ArticleSummary[]>;
  get(articleId: string): Promise<Article>;
  /**
   * Appends the article to the conversation's composer draft, for the agent to edit before sending:
   * `link` adds its title and http(s) address, `text` its text, cut to fit the message limit.
   * Resolves with the new draft. DeskError('invalid') for a link without an http(s) address,
   * DeskError('too-long') when the draft has no room left.
   */
  share(conversationId: string, article: ArticleSummary | Article, as: ShareMode): Promise<string>;
}

/**
 * Loads a slice's commands on first use, in a chunk of their own, so a page that never uses them
 * never downloads them; a failed load is tried again next time. The knowledge, quick-replies, assist
 * and scripts slices share it.
 */
export function lazyCommands<C>(ctx: SliceContext, load: () => Promise<C>): () => Promise<C> {
  let loading: Promise<C> | undefined;
  return () => ctx.track((loading ??= load()).catch((error: unknown) => ((loading = undefined), Promise.reject(error))));
}

/**
 * Facade methods that load the commands (`lazyCommands`) and call their method of the same name,
 * the whole call tracked (`desk.settled()` waits for it).
 */
export function forward<C, K extends keyof C>(ctx: SliceContext, commands: () => Promise<C>, names: readonly K[]): Pick<C, K> {
  type Call = (...args: unknown[]) => Promise<unknown>;
  return Object.fromEntries(
    names.map((name) => [name, (...args: unknown[]) => ctx.track(commands().then((c) => (c[name] as Call)(...args)))]),
  ) as Pick<C, K>;
}

/**
 * One store per id, kept: while anything listens, `watch` (from the loaded commands) keeps it up
 * to date; `failed` runs when the commands cannot load.
 */
export function storesPerId<T>(
  stores: Map<string, WritableAtom<T>>,
  initial: T,
  commands: () => Promise<{ watch(id: string): () => void }>,
  failed?: (store: WritableAtom<T>) => void,
): (id: string) => WritableAtom<T> {
  return (id) => {
    let store = stores.get(id);
    if (!store) {
      const created = (store = atom<T>(initial));
      onMount(created, () => {
        let stop: (() => void) | undefined;
        let gone = false;
        commands().then(
          (c) => void (gone || (stop = c.watch(id))),
          () => failed?.(created),
        );
        return () => {
          gone = true;
          stop?.();
        };
      });
      stores.set(id, created);
    }
    return store;
  };
}

/** The knowledge slice: its commands (knowledge-commands.ts) load on first use. */
export function knowledgeSlice(ctx: SliceContext, composer: (conversationId: string) => Composer): Knowledge {
  const commands = lazyCommands(ctx, () => import('./knowledge-commands.js').then((m) => new m.KnowledgeCommands(ctx, composer)));
  return {
    get available() {
      return ctx.transport.capabilities.knowledge === true;
    },
    search: (query, options = {}) => ctx.track(commands().then((c) => c.search(query, options))),
    ...forward(ctx, commands, ['get', 'share']),
  };
}
