import type { Conversation, Message } from '../model.js';
import type { SearchFilters, SearchHit, SearchPageOptions, SearchResults } from '../records.js';
import type { SearchService } from '../search/types.js';
import type { MessagesSlice } from './messages.js';
import type { SliceContext } from './shared.js';

/**
 * Transcript search's commands (F16), loaded on the first search or transcript opened: the local
 * index's hits merged with the server's, and one transcript read back for display.
 */

/** One hit's message, as a key. */
const hitKey = (h: Pick<SearchHit, 'conversationId' | 'messageKey'>): string => `${h.conversationId}\0${h.messageKey}`;

/** One page of `desk.searchTranscripts()`: the first, or (`after`) the next one appended to those shown. */
export async function searchPage(
  ctx: SliceContext,
  service: SearchService,
  conversations: () => Readonly<Record<string, Conversation>>,
  query: string,
  filters: SearchFilters,
  { after, limit = 100, offset = 0 }: SearchPageOptions,
): Promise<SearchResults> {
  const skip = after ? after.hits.filter((h) => h.source === 'local').length : offset;
  const results = await searchTranscripts(ctx, service, after?.query ?? query, filters, limit, skip);
  // Which conversations are in memory is read once the hits are in.
  const page = await named(ctx, conversations(), results);
  return after ? appendPage(after, page) : page;
}

/** Hits from earlier sessions name their customer from the stored conversation, not by id. */
async function named(ctx: SliceContext, inMemory: Readonly<Record<string, Conversation>>, results: SearchResults): Promise<SearchResults> {
  const missing = new Set(results.hits.map((h) => h.conversationId).filter((id) => !inMemory[id]));
  if (missing.size === 0) return results;
  const stored = await (await ctx.storage).getConversations().catch(() => []);
  const found = Object.fromEntries(stored.filter((c) => missing.has(c.id)).map((c) => [c.id, c]));
  return Object.keys(found).length > 0 ? { ...results, conversations: found } : results;
}

/**
 * Searches the local index, then the server's search when there is one; the local results stand on
 * their own. Every local match is counted (`total`); `offset` skips that many local matches (a
 * later page). The server's search has no pages: it is asked on the first page only, and its own
 * matches count when they are on that page.
 */
export async function searchTranscripts(
  ctx: SliceContext,
  service: SearchService,
  query: string,
  filters: SearchFilters,
  limit: number,
  offset = 0,
): Promise<SearchResults> {
  // The index keeps no texts: the hits' snippets are read back from storage.
  const matches = service.searchAll(query, filters);
  const local = await service.hydrate(matches.page(offset, limit));
  if (offset > 0 || !ctx.transport.capabilities.search || !query.trim()) return local;
  try {
    const { hits } = await ctx.transport.execute({ type: 'transcripts.search', query, filters, limit });
    const seen = new Set(local.hits.map(hitKey));
    // Only the server's own matches add to the count: not the local ones, shown or on a later page.
    const fresh = hits.filter((h) => !seen.has(hitKey(h)) && !matches.has(h.conversationId, h.messageKey));
    const kept = await keptUnder(ctx, fresh);
    const server = fresh
      .filter((h) => {
        const clientId = kept.get(hitKey(h));
        return clientId === undefined || !matches.has(h.conversationId, clientId);
      })
      .map((h) => ({ ...h, source: 'server' as const }));
    if (server.length === 0) return local;
    const merged = [...local.hits, ...server].sort((a, b) => b.at - a.at).slice(0, limit);
    // Later pages are local only: a server match older than this page's is never listed, so it is not counted.
    const total = local.total + merged.filter((h) => h.source === 'server').length;
    // The server's matches are not all known: conversations are counted over the local ones only.
    const { conversationCount: _local, ...rest } = local;
    return { ...rest, hits: merged, total, more: total > merged.length };
  } catch {
    // Server search is a bonus: local results stand on their own.
    return local;
  }
}

/**
 * The agent's own messages are kept and indexed here under their client id; the server names them by
 * its id. For the conversations of the server's hits of agent messages: server id → client id.
 */
async function keptUnder(ctx: SliceContext, hits: readonly Pick<SearchHit, 'conversationId' | 'author'>[]): Promise<Map<string, string>> {
  const kept = new Map<string, string>();
  const conversations = new Set(hits.filter((h) => h.author === 'agent').map((h) => h.conversationId));
  if (conversations.size === 0) return kept;
  const storage = await ctx.storage;
  await Promise.all(
    [...conversations].map(async (conversationId) => {
      for (const m of await storage.getTranscript(conversationId).catch(() => [])) {
        if (m.clientId && m.clientId !== m.id) kept.set(hitKey({ conversationId, messageKey: m.id }), m.clientId);
      }
    }),
  );
  return kept;
}

/** A later page appended to the results shown: hits not listed yet, every local match counted, the server's listed ones on top. */
function appendPage(shown: SearchResults, page: SearchResults): SearchResults {
  const listed = new Set(shown.hits.filter((h) => h.source === 'local').map(hitKey));
  const server = shown.hits.filter((h) => h.source !== 'local').length;
  // The hits start where those shown did.
  const { conversationCount, offset: _next, ...rest } = page;
  return {
    ...rest,
    ...(shown.offset === undefined ? {} : { offset: shown.offset }),
    ...(shown.conversations || page.conversations ? { conversations: { ...shown.conversations, ...page.conversations } } : {}),
    // Conversations are counted over local matches only: right while no server hit is listed.
    ...(server === 0 && conversationCount !== undefined ? { conversationCount } : {}),
    hits: [...shown.hits, ...page.hits.filter((h) => !listed.has(hitKey(h)))],
    total: page.total + server,
    more: page.more,
  };
}

/** A conversation and its messages for read-only display: from memory, else storage, else the server. */
export async function openTranscript(
  ctx: SliceContext,
  messages: MessagesSlice,
  known: Conversation | undefined,
  conversationId: string,
): Promise<{ conversation?: Conversation; messages: readonly Message[] }> {
  const inMemory = messages.has(conversationId) ? messages.list(conversationId).get() : [];
  if (known && inMemory.length > 0) return { conversation: known, messages: inMemory };
  const storage = await ctx.storage;
  const [stored, conversations] = await Promise.all([storage.getTranscript(conversationId), storage.getConversations()]);
  const conversation = known ?? conversations.find((c) => c.id === conversationId);
  if (stored.length > 0 || !ctx.transport.capabilities.search) {
    return conversation ? { conversation, messages: stored } : { messages: stored };
  }
  const fromServer = await ctx.transport.execute({ type: 'transcripts.get', conversationId });
  return { conversation: fromServer.conversation, messages: fromServer.messages };
}
