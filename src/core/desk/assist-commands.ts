import type { WritableAtom } from 'nanostores';
import { keyTerms, type SimilarCase } from '../assist.js';
import type { ArticleSummary } from '../knowledge.js';
import type { Message } from '../model.js';
import { isTransportError } from '../transport.js';
import type { AssistDeps, AssistState } from './assist.js';
import { trackedDelay, type SliceContext } from './shared.js';

/** How long the customer's messages must stay quiet before the suggestions are worked out again. */
const DEBOUNCE_MS = 600;
/** Customer messages the suggestions are drawn from: the latest few. */
const LATEST = 3;
const MAX_ARTICLES = 3;
const MAX_CASES = 3;

interface Suggestions {
  articles: ArticleSummary[];
  cases: SimilarCase[];
}

/** The newest customer message with text: its id stands for "what the suggestions were drawn from". */
function latestKey(messages: readonly Message[]): string {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]!;
    if (m.author === 'customer' && m.text) return m.id;
  }
  return '';
}

/** Smart assist's commands (F15), loaded when suggestions are first watched. */
export class AssistCommands {
  readonly #ctx: SliceContext;
  readonly #deps: AssistDeps;
  /** Per conversation: the latest request (older answers are dropped) and what it was drawn from. */
  readonly #seq = new Map<string, number>();
  readonly #drawnFrom = new Map<string, string>();

  readonly #stores: ReadonlyMap<string, WritableAtom<AssistState>>;

  constructor(ctx: SliceContext, deps: AssistDeps, stores: ReadonlyMap<string, WritableAtom<AssistState>>) {
    this.#ctx = ctx;
    this.#deps = deps;
    this.#stores = stores;
  }

  /** Works the suggestions out now if the customer wrote since last time, and again (debounced) whenever they write. Returns the stop. */
  watch(conversationId: string): () => void {
    const store = this.#stores.get(conversationId)!;
    const messages = this.#deps.messages(conversationId);
    let seen = latestKey(messages.get());
    if (store.get().status === 'idle' || this.#drawnFrom.get(conversationId) !== seen) void this.refresh(conversationId);
    let cancel: (() => void) | undefined;
    const stop = messages.listen((list) => {
      const key = latestKey(list);
      if (key === seen) return;
      seen = key;
      cancel?.();
      cancel = trackedDelay(this.#ctx, DEBOUNCE_MS, () => this.refresh(conversationId));
    });
    return () => {
      stop();
      cancel?.();
    };
  }

  async refresh(conversationId: string): Promise<void> {
    const store = this.#stores.get(conversationId)!;
    if (this.#ctx.isDisposed()) return;
    const seq = (this.#seq.get(conversationId) ?? 0) + 1;
    this.#seq.set(conversationId, seq);
    const current = (): boolean => this.#seq.get(conversationId) === seq && !this.#ctx.isDisposed();
    const { assist, knowledge, search } = this.#ctx.transport.capabilities;
    if (!assist && !knowledge && !search) {
      store.set({ status: 'unavailable', articles: [], cases: [] });
      return;
    }
    const messages = this.#deps.messages(conversationId).get();
    this.#drawnFrom.set(conversationId, latestKey(messages));
    // The previous suggestions stay while new ones load, so the lists do not flash.
    store.set({ ...store.get(), status: 'loading' });
    try {
      const found = assist ? await this.#fromTransport(conversationId) : await this.#local(conversationId, messages);
      if (current()) store.set({ status: 'ready', ...found });
    } catch (error) {
      if (!current()) return;
      const unavailable = isTransportError(error) && error.code === 'unavailable' && !error.retryable;
      store.set({ status: unavailable ? 'unavailable' : 'error', articles: [], cases: [] });
    }
  }

  async #fromTransport(conversationId: string): Promise<Suggestions> {
    const result = await this.#ctx.transport.execute({ type: 'assist.suggest', conversationId });
    // Only what can be shown: an article needs an id and a title, a case a conversation that is not this one.
    const articles = (Array.isArray(result?.articles) ? result.articles : []).filter(
      (a) => typeof a?.id === 'string' && typeof a.title === 'string',
    );
    const cases = (Array.isArray(result?.cases) ? result.cases : []).filter(
      (c) => typeof c?.conversationId === 'string' && c.conversationId !== conversationId && typeof c.text === 'string',
    );
    return { articles, cases };
  }

  async #local(conversationId: string, messages: readonly Message[]): Promise<Suggestions> {
    const texts = messages.filter((m) => m.author === 'customer' && m.text).slice(-LATEST).map((m) => m.text!);
    const terms = keyTerms(texts);
    if (terms.length === 0) return { articles: [], cases: [] };
    const locale = this.#deps.conversations()[conversationId]?.customer.locale;
    const [articles, cases] = await Promise.all([this.#articles(terms, locale), this.#cases(terms, conversationId)]);
    return { articles, cases };
  }

  /** Articles found by most key terms, in the customer's language when there are any. */
  async #articles(terms: readonly string[], locale: string | undefined): Promise<ArticleSummary[]> {
    const knowledge = this.#deps.knowledge;
    if (!knowledge.available) return [];
    const lists = await Promise.all(terms.map((term) => knowledge.search(term, { ...(locale ? { locale } : {}), limit: 5 })));
    const scored = new Map<string, { article: ArticleSummary; score: number }>();
    lists.forEach((list, t) =>
      list.forEach((article, rank) => {
        const entry = scored.get(article.id) ?? { article, score: 0 };
        // Earlier terms are the more distinctive ones; a result near the top of its list counts more.
        entry.score += (terms.length - t) * 10 + (5 - rank);
        scored.set(article.id, entry);
      }),
    );
    let ranked = [...scored.values()].sort((a, b) => b.score - a.score).map((s) => s.article);
    const language = locale?.toLowerCase().split('-')[0];
    if (language && ranked.some((a) => a.locale === language)) ranked = ranked.filter((a) => a.locale === language);
    return ranked.slice(0, MAX_ARTICLES);
  }

  /** Other conversations that match most key terms; closed and past ones first, then the newest. */
  async #cases(terms: readonly string[], conversationId: string): Promise<SimilarCase[]> {
    const results = await Promise.all(terms.map((term) => this.#deps.searchTranscripts(term, {}, { limit: 30 })));
    const known = this.#deps.conversations();
    const found = new Map<string, SimilarCase & { terms: string[] }>();
    const fromCustomer = new Set<string>();
    results.forEach((result, t) => {
      for (const hit of result.hits) {
        if (hit.conversationId === conversationId || !hit.text) continue;
        let entry = found.get(hit.conversationId);
        if (!entry) {
          const conversation = known[hit.conversationId];
          entry = {
            conversationId: hit.conversationId,
            text: hit.text,
            at: hit.at,
            terms: [],
            ...(conversation ? { customerName: conversation.customer.name, state: conversation.state } : {}),
          };
          found.set(hit.conversationId, entry);
        }
        // The customer's own words describe the case best.
        if (hit.author === 'customer' && !fromCustomer.has(hit.conversationId)) {
          fromCustomer.add(hit.conversationId);
          Object.assign(entry, { text: hit.text, at: hit.at });
        }
        if (!entry.terms.includes(terms[t]!)) entry.terms.push(terms[t]!);
      }
    });
    // A conversation the desk does not hold is a past one the backend or storage remembers.
    const past = (c: SimilarCase): number => (c.state === undefined || c.state === 'closed' ? 1 : 0);
    return [...found.values()]
      .sort((a, b) => b.terms.length - a.terms.length || past(b) - past(a) || b.at - a.at)
      .slice(0, MAX_CASES);
  }
}
