// Placeholder being replaced by the search engine implementation.
import type { SearchService, SearchServiceOptions } from './types.js';

export function createSearchService(_options: SearchServiceOptions): SearchService {
  throw new Error('Search engine not implemented yet.');
}
