import type { WritableAtom } from 'nanostores';
import { DeskError } from '../errors.js';
import {
  fillPlaceholders,
  placeholderValues,
  searchReplies,
  toQuickReply,
  type FilledReply,
  type NewQuickReply,
  type QuickReply,
  type TransportQuickReply,
} from '../quick-replies.js';
import { MAX_MESSAGE_LENGTH } from '../rules.js';
import type { Composer } from './composer.js';
import type { InsertedReply } from './quick-replies.js';
import type { SliceContext } from './shared.js';

/** Resolves once the composer read its stored draft back, so inserting never loses it. */
function restored(composer: Composer): Promise<void> {
  if (composer.$state.get().restored) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = composer.$state.listen((state) => {
      if (!state.restored) return;
      stop();
      resolve();
    });
  });
}

/** The quick-reply commands (F15), loaded on first use. */
export class QuickReplyCommands {
  readonly #ctx: SliceContext;
  readonly #host: readonly QuickReply[];
  readonly #replies: WritableAtom<readonly QuickReply[]>;
  readonly #composer: (conversationId: string) => Composer;
  #remote: readonly QuickReply[] = [];
  /** Whether the transport's list was fetched; a failed fetch is tried again on the next load or search. */
  #remoteLoaded = false;
  /** Whether a load was tried (its failure, if any, was reported to its caller). */
  #attempted = false;
  /** The agent's own replies, once read back from storage (never set by a failed read). */
  #own: QuickReply[] | undefined;
  /** The storage read in progress, shared by concurrent callers; dropped when it fails. */
  #ownRead: Promise<QuickReply[]> | undefined;

  /** `host`: the host's list as given (`createDesk({ quickReplies })`); checked here, then published. */
  constructor(
    ctx: SliceContext,
    host: readonly TransportQuickReply[],
    replies: WritableAtom<readonly QuickReply[]>,
    composer: (conversationId: string) => Composer,
  ) {
    this.#ctx = ctx;
    this.#host = host.flatMap((r) => toQuickReply(r, 'host') ?? []);
    this.#replies = replies;
    this.#composer = composer;
    this.#publish();
  }

  get #key(): string {
    return `quick-replies:own:${this.#ctx.agent.id}`;
  }

  async load(): Promise<readonly QuickReply[]> {
    this.#attempted = true;
    const [remote] = await Promise.allSettled([this.#fetch(), this.#readOwn()]);
    // The agent's own replies are listed even when the transport's list could not be fetched.
    if (remote.status === 'fulfilled') {
      this.#remote = remote.value;
      this.#remoteLoaded = true;
    }
    this.#publish();
    if (remote.status === 'rejected') throw remote.reason;
    return this.#replies.get();
  }

  async search(query: string, options: { locale?: string; limit?: number } = {}): Promise<QuickReply[]> {
    if (!this.#loaded) {
      // What failed before is fetched again; a failure already reported by an earlier load does not fail the search.
      const reported = this.#attempted;
      await this.load().catch((error: unknown) => {
        if (!reported) throw error;
      });
    }
    return searchReplies(this.#replies.get(), query, options.locale).slice(0, options.limit ?? 50);
  }

  async fill(conversationId: string, reply: QuickReply | string): Promise<FilledReply> {
    const found = typeof reply === 'string' ? await this.#find(reply) : reply;
    const conversation = this.#ctx.conversation(conversationId);
    return fillPlaceholders(found.text, placeholderValues(conversation, this.#ctx.agent));
  }

  async insert(conversationId: string, replyId: string, range?: { start: number; end: number }): Promise<InsertedReply> {
    const filled = await this.fill(conversationId, await this.#find(replyId));
    const composer = this.#composer(conversationId);
    await restored(composer);
    const draft = composer.draft;
    const clamp = (n: number | undefined, fallback: number): number =>
      Number.isFinite(n) ? Math.max(0, Math.min(Math.floor(n!), draft.length)) : fallback;
    const start = clamp(range?.start, draft.length);
    const end = Math.max(start, clamp(range?.end, start));
    const next = draft.slice(0, start) + filled.text + draft.slice(end);
    if (next.length > MAX_MESSAGE_LENGTH) throw new DeskError('too-long', `Messages are limited to ${MAX_MESSAGE_LENGTH} characters.`);
    composer.setDraft(next);
    return { draft: next, caret: start + filled.text.length, text: filled.text, unfilled: filled.unfilled };
  }

  async addOwn(input: NewQuickReply): Promise<QuickReply> {
    const own = await this.#readOwn();
    const id = `own:${this.#ctx.now().toString(36)}-${Math.floor(this.#ctx.random() * 1e9).toString(36)}`;
    const reply = toQuickReply({ ...input, id }, 'own');
    if (!reply) throw new DeskError('invalid', 'A quick reply needs a title and a text.');
    if (reply.text.length > MAX_MESSAGE_LENGTH) throw new DeskError('too-long', `Messages are limited to ${MAX_MESSAGE_LENGTH} characters.`);
    this.#own = [...own, reply];
    this.#publish();
    await this.#saveOwn();
    return reply;
  }

  async removeOwn(id: string): Promise<void> {
    const own = await this.#readOwn();
    if (!own.some((r) => r.id === id)) throw new DeskError('invalid', `No own quick reply "${id}".`);
    this.#own = own.filter((r) => r.id !== id);
    this.#publish();
    await this.#saveOwn();
  }

  async #find(replyId: string): Promise<QuickReply> {
    let reply = this.#replies.get().find((r) => r.id === replyId);
    if (!reply && !this.#loaded) reply = (await this.load()).find((r) => r.id === replyId);
    if (!reply) throw new DeskError('invalid', `No quick reply "${replyId}".`);
    return reply;
  }

  async #fetch(): Promise<readonly QuickReply[]> {
    if (!this.#ctx.transport.capabilities.quickReplies) return this.#remote;
    const { replies } = await this.#ctx.transport.execute({ type: 'quickReplies.list' });
    return (Array.isArray(replies) ? replies : []).flatMap((r) => toQuickReply(r, 'host') ?? []);
  }

  /** Both the transport's list and the agent's own replies are in. */
  get #loaded(): boolean {
    return this.#remoteLoaded && this.#own !== undefined;
  }

  /**
   * The agent's own replies as stored. A failed read rejects and is not kept, so the next call reads
   * again; adding or removing never writes a list that was not read back first.
   */
  #readOwn(): Promise<QuickReply[]> {
    if (this.#own) return Promise.resolve(this.#own);
    this.#ownRead ??= (async () => {
      try {
        const storage = await this.#ctx.storage;
        const stored = await storage.getValue<unknown[]>(this.#key);
        this.#own ??= (Array.isArray(stored) ? stored : []).flatMap((r) => toQuickReply(r, 'own') ?? []);
        return this.#own;
      } finally {
        this.#ownRead = undefined;
      }
    })();
    return this.#ownRead;
  }

  async #saveOwn(): Promise<void> {
    // Only ever a list read back from storage (and changed since): never an unread, empty one.
    if (!this.#own) return;
    const storage = await this.#ctx.storage;
    await this.#ctx.track(storage.setValue(this.#key, this.#own));
  }

  #publish(): void {
    const seen = new Set<string>();
    const all = [...this.#host, ...this.#remote, ...(this.#own ?? [])].filter((r) => !seen.has(r.id) && seen.add(r.id));
    this.#replies.set(all);
  }
}
