import type { Article, ArticleSummary, ShareMode } from '../knowledge.js';
import type { Composer } from './composer.js';
import type { KnowledgeCommands } from './knowledge-commands.js';
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
 * The knowledge slice: a few lines that load its commands (knowledge-commands.ts) on first use, in a
 * chunk of their own, so a page that never searches articles never downloads them.
 */
export function knowledgeSlice(ctx: SliceContext, composer: (conversationId: string) => Composer): Knowledge {
  let loading: Promise<KnowledgeCommands> | undefined;
  const run = <T>(command: (commands: KnowledgeCommands) => Promise<T>): Promise<T> => {
    loading ??= import('./knowledge-commands.js').then((m) => new m.KnowledgeCommands(ctx, composer));
    // A failed load is tried again next time.
    return ctx.track(loading.then(command, (error: unknown) => ((loading = undefined), Promise.reject(error))));
  };
  return {
    get available() {
      return ctx.transport.capabilities.knowledge === true;
    },
    search: (query, options = {}) => run((c) => c.search(query, options)),
    get: (articleId) => run((c) => c.get(articleId)),
    share: (conversationId, article, as) => run((c) => c.share(conversationId, article, as)),
  };
}
