import { DeskError } from '../errors.js';
import { articleText, type Article, type ArticleSummary, type ShareMode } from '../knowledge.js';
import { MAX_MESSAGE_LENGTH } from '../rules.js';
import { safeHttpUrl } from '../safe-url.js';
import type { Composer } from './composer.js';
import type { SliceContext } from './shared.js';

/** Blank line between what the agent typed and the shared article. */
const SEPARATOR = '\n\n';

/** Resolves once the composer read its stored draft back, so appending never loses it. */
function restored(composer: Composer): Promise<void> {
  if (composer.$state.get().restored) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = composer.$state.listen((state) => {
      if (!state.restored) return;
      stop();
      resolve();
    });
  });
}

/** Cuts `text` to `room` characters at a word boundary, with an ellipsis. */
function cut(text: string, room: number): string {
  if (text.length <= room) return text;
  const head = text.slice(0, room - 1);
  const space = head.search(/\s\S*$/u);
  return `${(space > room / 2 ? head.slice(0, space) : head).trimEnd()}…`;
}

/** The knowledge commands (F9), loaded on first use. */
export class KnowledgeCommands {
  readonly #ctx: SliceContext;
  readonly #composer: (conversationId: string) => Composer;

  constructor(ctx: SliceContext, composer: (conversationId: string) => Composer) {
    this.#ctx = ctx;
    this.#composer = composer;
  }

  #require(): void {
    if (!this.#ctx.transport.capabilities.knowledge) throw new DeskError('unsupported', 'This transport has no knowledge base.');
  }

  async search(query: string, options: { locale?: string; limit?: number }): Promise<ArticleSummary[]> {
    this.#require();
    const text = query.trim();
    if (!text) return [];
    const { articles } = await this.#ctx.transport.execute({
      type: 'knowledge.search',
      query: text,
      ...(options.locale ? { locale: options.locale } : {}),
      limit: options.limit ?? 20,
    });
    return articles;
  }

  async get(articleId: string): Promise<Article> {
    this.#require();
    const { article } = await this.#ctx.transport.execute({ type: 'knowledge.get', articleId });
    return article;
  }

  async share(conversationId: string, article: ArticleSummary | Article, as: ShareMode): Promise<string> {
    this.#require();
    const composer = this.#composer(conversationId);
    let added: string;
    if (as === 'link') {
      const url = safeHttpUrl(article.url);
      if (!url) throw new DeskError('invalid', 'The article has no http(s) address to share.');
      added = `${article.title}\n${url}`;
    } else {
      added = articleText('blocks' in article ? article : await this.get(article.id));
    }
    await restored(composer);
    const base = composer.draft.replace(/\s+$/u, '');
    const separator = base ? SEPARATOR : '';
    const room = MAX_MESSAGE_LENGTH - base.length - separator.length;
    // A link is shared whole or not at all: a cut address leads nowhere.
    if (room < (as === 'link' ? added.length : 2)) {
      throw new DeskError('too-long', `Messages are limited to ${MAX_MESSAGE_LENGTH} characters.`);
    }
    const draft = base + separator + cut(added, room);
    composer.setDraft(draft);
    return draft;
  }
}
