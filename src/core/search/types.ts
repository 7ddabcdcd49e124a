import type { Conversation, Message } from '../model.js';
import type { SearchFilters, SearchResults } from '../records.js';
import type { Storage } from '../storage.js';

export interface SearchStatus {
  /** `loading`: engine loading / snapshot reading; `indexing`: catching up with stored messages. */
  state: 'idle' | 'loading' | 'indexing' | 'ready' | 'error';
  /** Messages in the index. */
  indexed: number;
  error?: string;
}

/** The lazily loaded search engine, as the desk sees it. */
export interface SearchService {
  /** Indexes messages (new or updated); cheap enough to call for every stored batch. */
  add(messages: readonly Message[]): void;
  /** Keeps conversation metadata (customer, state, dates) for filters. */
  updateConversation(conversation: Conversation): void;
  /**
   * Synchronous query over the in-memory index, newest first. The index keeps no strings per
   * message (heap, reload time): a hit's `text` and `messageKey` are filled only for messages the
   * service saw recently, else they are `''` until `hydrate` reads them from storage.
   */
  search(query: string, filters: SearchFilters, limit: number): SearchResults;
  /**
   * Every match of a query, counted exactly (the count an agent sees), newest first. Only doc
   * numbers are kept: a page's hits are made when `page()` asks for them, like `search()`'s (fill
   * them with `hydrate`). `page()` and `has()` answer for the index as it is when they are called:
   * after a change the matches are found again (the page's `total` then says how many there are).
   */
  searchAll(query: string, filters: SearchFilters): SearchMatches;
  /**
   * Fills `text` and `messageKey` of the local hits of `search()` from storage. Hits whose message
   * is no longer stored are dropped (and `total` lowered). Other hits are left as they are.
   */
  hydrate(results: SearchResults): Promise<SearchResults>;
  /** Resolves when the catch-up indexing of stored messages has finished. */
  ready(): Promise<void>;
  /** Writes the index snapshot now (otherwise it is written when idle). */
  persist(): Promise<void>;
}

/** The full result set of `SearchService.searchAll`. */
export interface SearchMatches {
  query: string;
  /** Folded query terms, for highlighting. */
  terms: string[];
  /** Every match, when `searchAll` was called. */
  total: number;
  /** Conversations with a match, when `searchAll` was called. */
  conversationCount: number;
  /** Whether a message (by conversation and storage key) is one of the matches. */
  has(conversationId: string, messageKey: string): boolean;
  /** Matches [offset, offset + limit), newest first; its `total` is every match, `more` when matches follow the page. */
  page(offset: number, limit: number): SearchResults;
}

export interface SearchServiceOptions {
  storage: Storage;
  /** The desk's current conversations (metadata for filters). */
  conversations(): Readonly<Record<string, Conversation>>;
  onStatus(status: SearchStatus): void;
}
