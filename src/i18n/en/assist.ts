import type { Catalog } from '../catalog.js';

/** English strings of `<cc-smart-assist>`. */
export const assistStrings: Pick<Catalog, 'assist'> = {
  assist: {
    label: 'Suggestions',
    articles: 'Articles',
    cases: 'Similar cases',
    loading: 'Looking for suggestions…',
    ready: (articles, cases) =>
      `${articles === 1 ? '1 article' : `${articles} articles`} and ${cases === 1 ? '1 similar case' : `${cases} similar cases`} suggested.`,
    empty: 'Nothing to suggest yet. Suggestions follow what the customer writes.',
    noArticles: 'No matching articles.',
    noCases: 'No similar cases.',
    failed: 'Suggestions could not be loaded.',
    retry: 'Try again',
    unavailable: 'Suggestions are not available here.',
    noConversation: 'Open a conversation to see suggestions.',
    shareLink: 'Share link',
    shareLinkLabel: (title) => `Share link: ${title}`,
    open: 'Open',
    openArticleLabel: (title) => `Open article: ${title}`,
    openCaseLabel: (name) => `Open conversation with ${name}`,
    earlierConversation: 'Earlier conversation',
    shared: 'Link added to the message. Edit it before sending.',
  },
};
