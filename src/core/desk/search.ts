import { atom } from 'nanostores';
import type { Conversation, Message } from '../model.js';
import type { SearchFilters, SearchResults } from '../records.js';
import type { SearchService, SearchStatus } from '../search/types.js';
import type { MessagesSlice } from './messages.js';
import type { SliceContext } from './shared.js';

/** Transcript search (F16): a local index over stored transcripts, merged with the server's search. */
export class SearchSlice {
  readonly #ctx: SliceContext;
  readonly #messages: MessagesSlice;
  readonly #conversations: () => Readonly<Record<string, Conversation>>;
  readonly $status = atom<SearchStatus>({ state: 'idle', indexed: 0 });
  #service: Promise<SearchService> | undefined;

  constructor(ctx: SliceContext, messages: MessagesSlice, conversations: () => Readonly<Record<string, Conversation>>) {
    this.#ctx = ctx;
    this.#messages = messages;
    this.#conversations = conversations;
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

  async search(query: string, filters: SearchFilters = {}, options: { limit?: number } = {}): Promise<SearchResults> {
    const limit = options.limit ?? 100;
    const service = await this.enable();
    // The index keeps no texts: the hits' snippets are read back from storage.
    const local = await service.hydrate(service.search(query, filters, limit));
    if (!this.#ctx.transport.capabilities.search || !query.trim()) return local;
    try {
      const { hits } = await this.#ctx.transport.execute({ type: 'transcripts.search', query, filters, limit });
      const seen = new Set(local.hits.map((h) => `${h.conversationId}/${h.messageKey}`));
      const server = hits.filter((h) => !seen.has(`${h.conversationId}/${h.messageKey}`)).map((h) => ({ ...h, source: 'server' as const }));
      const merged = [...local.hits, ...server].sort((a, b) => b.at - a.at).slice(0, limit);
      return { ...local, hits: merged, total: Math.min(limit, local.total + server.length), more: local.more || local.total + server.length > limit };
    } catch {
      // Server search is a bonus: local results stand on their own.
      return local;
    }
  }

  async open(conversationId: string): Promise<{ conversation?: Conversation; messages: readonly Message[] }> {
    const known = this.#conversations()[conversationId];
    const inMemory = this.#messages.has(conversationId) ? this.#messages.list(conversationId).get() : [];
    if (known && inMemory.length > 0) return { conversation: known, messages: inMemory };
    const storage = await this.#ctx.storage;
    const [stored, conversations] = await Promise.all([storage.getTranscript(conversationId), storage.getConversations()]);
    const conversation = known ?? conversations.find((c) => c.id === conversationId);
    if (stored.length > 0 || !this.#ctx.transport.capabilities.search) {
      return conversation ? { conversation, messages: stored } : { messages: stored };
    }
    const fromServer = await this.#ctx.transport.execute({ type: 'transcripts.get', conversationId });
    return { conversation: fromServer.conversation, messages: fromServer.messages };
  }
}
