import type { Catalog } from '../catalog.js';

/** English strings of `<cc-knowledge-search>`. */
export const knowledgeStrings: Pick<Catalog, 'knowledge'> = {
  knowledge: {
    searchLabel: 'Search knowledge articles',
    placeholder: 'Words from the article',
    hint: 'Results appear as you type, and accents are optional. Down arrow moves to the results, Enter opens an article, Escape goes back.',
    idle: 'Type to search the knowledge base.',
    searching: 'Searching…',
    results: (n) => (n === 1 ? '1 article' : `${n} articles`),
    noResults: (query) => `No articles match “${query}”.`,
    failed: 'The knowledge base did not answer.',
    retry: 'Try again',
    resultsLabel: 'Articles',
    updated: (date) => `Updated ${date}`,
    back: 'Back to results',
    loading: 'Opening the article…',
    loadFailed: 'The article could not be opened.',
    openArticle: 'Open in a new tab',
    shareLink: 'Share as link',
    shareText: 'Share as text',
    copy: 'Copy',
    actionsLabel: 'Article actions',
    shared: 'Added to the message. Edit it before sending.',
    copied: 'Copied to the clipboard.',
    copyFailed: 'Copying is blocked here. Select the text and copy it by hand.',
    noConversation: 'Open a conversation to share articles with the customer.',
  },
};
