/**
 * The simulator's smart assist (F15, `assist.suggest` when `capabilities.assist` is on): articles
 * and similar past conversations for the key terms of the customer's latest messages, worked out
 * the way a backend might. Loaded on the first assist command.
 */
import { keyTerms, type SimilarCase } from '../../core/assist.js';
import type { ArticleSummary } from '../../core/knowledge.js';
import type { Conversation, Message } from '../../core/model.js';
import { searchTranscripts } from './crm.js';
import { searchArticles } from './knowledge.js';

export function suggest(
  conversation: Conversation,
  transcript: readonly Message[],
  sources: readonly { conversation: Conversation; messages: readonly Message[] }[],
): { articles: ArticleSummary[]; cases: SimilarCase[] } {
  const texts = transcript.filter((m) => m.author === 'customer' && m.text).slice(-3).map((m) => m.text!);
  const terms = keyTerms(texts);
  const locale = conversation.customer.locale;
  const language = locale?.toLowerCase().split('-')[0];
  const articles = new Map<string, { article: ArticleSummary; score: number }>();
  const cases = new Map<string, SimilarCase & { score: number }>();
  const others = sources.filter((s) => s.conversation.id !== conversation.id);
  terms.forEach((term, t) => {
    for (const article of searchArticles(term, { ...(locale ? { locale } : {}), limit: 5 })) {
      if (language && article.locale !== language) continue;
      const entry = articles.get(article.id) ?? { article, score: 0 };
      entry.score += terms.length - t;
      articles.set(article.id, entry);
    }
    for (const hit of searchTranscripts(others, term, {}, 20)) {
      const source = others.find((s) => s.conversation.id === hit.conversationId)!;
      const entry = cases.get(hit.conversationId) ?? {
        conversationId: hit.conversationId,
        customerName: source.conversation.customer.name,
        state: source.conversation.state,
        text: hit.text,
        at: hit.at,
        terms: [],
        score: 0,
      };
      if (!entry.terms!.includes(term)) {
        entry.terms!.push(term);
        entry.score += source.conversation.state === 'closed' ? 2 : 1;
      }
      cases.set(hit.conversationId, entry);
    }
  });
  return {
    articles: [...articles.values()].sort((a, b) => b.score - a.score).slice(0, 3).map((a) => a.article),
    cases: [...cases.values()]
      .sort((a, b) => b.score - a.score || b.at - a.at)
      .slice(0, 3)
      .map(({ score: _score, ...rest }) => rest),
  };
}
