import { DeskError } from '../errors.js';
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
 * The knowledge slice: always present and tiny; its commands (knowledge-commands.ts) load on first
 * use in a chunk of their own, so a page that never searches articles never downloads them.
 */
export class KnowledgeSlice implements Knowledge {
  readonly #ctx: SliceContext;
  readonly #composer: (conversationId: string) => Composer;
  #loading: Promise<KnowledgeCommands> | undefined;

  constructor(ctx: SliceContext, composer: (conversationId: string) => Composer) {
    this.#ctx = ctx;
    this.#composer = composer;
  }

  get available(): boolean {
    return this.#ctx.transport.capabilities.knowledge === true;
  }

  #run<T>(command: (commands: KnowledgeCommands) => Promise<T>): Promise<T> {
    if (!this.available) return Promise.reject(new DeskError('unsupported', 'This transport has no knowledge base.'));
    if (!this.#loading) {
      const loading = this.#ctx.track(import('./knowledge-commands.js').then(({ KnowledgeCommands }) => new KnowledgeCommands(this.#ctx)));
      this.#loading = loading;
      loading.catch(() => {
        if (this.#loading === loading) this.#loading = undefined;
      });
    }
    return this.#ctx.track(this.#loading.then(command));
  }

  search(query: string, options: { locale?: string; limit?: number } = {}): Promise<ArticleSummary[]> {
    return this.#run((c) => c.search(query, options));
  }

  get(articleId: string): Promise<Article> {
    return this.#run((c) => c.get(articleId));
  }

  share(conversationId: string, article: ArticleSummary | Article, as: ShareMode): Promise<string> {
    return this.#run((c) => c.share(this.#composer(conversationId), article, as));
  }
}
