import { atom } from 'nanostores';
import type { Conversation, Message } from '../model.js';
import type { SearchFilters, SearchPageOptions, SearchResults } from '../records.js';
import type { SearchService, SearchStatus } from '../search/types.js';
import type { MessagesSlice } from './messages.js';
import { lazyCommands } from './knowledge.js';
import type { SliceContext } from './shared.js';

/**
 * Transcript search (F16): a local index over stored transcripts, merged with the server's search.
 * The engine and the commands load on first use, each in a chunk of its own.
 */
export class SearchSlice {
  readonly #ctx: SliceContext;
  readonly #messages: MessagesSlice;
  readonly #conversations: () => Readonly<Record<string, Conversation>>;
  readonly $status = atom<SearchStatus>({ state: 'idle', indexed: 0 });
  #service: Promise<SearchService> | undefined;
  /** The search commands, loaded once (`settled()` waits for it); a failed load is tried again next time. */
  readonly #commands: () => Promise<typeof import('./search-commands.js')>;

  constructor(ctx: SliceContext, messages: MessagesSlice, conversations: () => Readonly<Record<string, Conversation>>) {
    this.#ctx = ctx;
    this.#messages = messages;
    this.#conversations = conversations;
    this.#commands = lazyCommands(ctx, () => import('./search-commands.js'));
  }

  enable(): Promise<SearchService> {
    this.#service ??= (async () => {
      this.$status.set({ state: 'loading', indexed: 0 });
      const [{ createSearchService }, storage] = await Promise.all([import('../search/service.js'), this.#ctx.storage]);
      return createSearchService({
        storage,
        conversations: this.#conversations,
        onStatus: (status) => this.$status.set(status),
      });
    })();
    this.#service.catch((error: unknown) => this.$status.set({ state: 'error', indexed: 0, error: String(error) }));
    return this.#service;
  }

  /** Messages just stored: indexed at once, so a message is searchable as soon as it is kept. */
  stored(batch: readonly Message[]): void {
    this.#service?.then((service) => service.add(batch)).catch(() => undefined);
  }

  conversationChanged(conversation: Conversation): void {
    this.#service?.then((service) => service.updateConversation(conversation)).catch(() => undefined);
  }

  /**
   * Full-text search over stored transcripts, merged with the server's search (its code loads with
   * the first search). Every local match is counted; `offset` skips that many local matches.
   */
  async search(query: string, filters: SearchFilters = {}, options: SearchPageOptions = {}): Promise<SearchResults> {
    const [service, commands] = await Promise.all([this.enable(), this.#commands()]);
    return commands.searchPage(this.#ctx, service, this.#conversations, query, filters, options);
  }

  /** A conversation and its messages for read-only display: from memory, else storage, else the server. */
  async open(conversationId: string): Promise<{ conversation?: Conversation; messages: readonly Message[] }> {
    return (await this.#commands()).openTranscript(this.#ctx, this.#messages, this.#conversations()[conversationId], conversationId);
  }
}
