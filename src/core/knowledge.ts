/**
 * Knowledge articles (F9): what the transport's knowledge base answers with. Structured blocks,
 * never HTML, so a host's article is always rendered as text.
 */

/** One article as a search lists it. */
export interface ArticleSummary {
  id: string;
  title: string;
  /** One or two sentences, plain text. */
  summary: string;
  /** BCP 47 language tag of the article ("en", "pl"). */
  locale: string;
  /** Where the customer can read it; only http(s) is ever shown or shared. */
  url?: string;
  /** Last change, epoch ms. */
  updatedAt?: number;
}

/** A piece of an article: text only (a paragraph is Messenger-style markdown: `*bold*`, `_italic_`, links). */
export type ArticleBlock =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'list'; items: string[] }
  | { type: 'steps'; items: string[] }
  | { type: 'note'; text: string };

/** A whole article. */
export interface Article extends ArticleSummary {
  blocks: ArticleBlock[];
}

/** How an article goes into the composer: its title and address, or its text. */
export type ShareMode = 'link' | 'text';

/**
 * The article as text for a message: title, then each block on its own lines (lists with "•",
 * steps numbered). Paragraphs keep their Messenger markdown, which the customer's Messenger shows.
 */
export function articleText(article: Pick<Article, 'title' | 'blocks'>): string {
  const parts = [article.title];
  for (const block of article.blocks) {
    switch (block.type) {
      case 'heading':
      case 'paragraph':
      case 'note':
        parts.push(block.text);
        break;
      case 'list':
        parts.push(block.items.map((item) => `• ${item}`).join('\n'));
        break;
      case 'steps':
        parts.push(block.items.map((item, i) => `${i + 1}. ${item}`).join('\n'));
        break;
    }
  }
  return parts.filter((p) => p.trim()).join('\n\n');
}
