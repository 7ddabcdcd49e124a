import { atom, type ReadableAtom } from 'nanostores';
import { toQuickReply, type FilledReply, type NewQuickReply, type QuickReply, type TransportQuickReply } from '../quick-replies.js';
import type { Composer } from './composer.js';
import type { QuickReplyCommands } from './quick-replies-commands.js';
import type { SliceContext } from './shared.js';

/** What `insert` did: the new draft, where the caret goes, and the placeholders left unfilled. */
export interface InsertedReply extends FilledReply {
  readonly draft: string;
  /** Just after the inserted text. */
  readonly caret: number;
}

/**
 * Quick replies (F15): `desk.quickReplies`. The host's (`createDesk({ quickReplies })` and, with
 * `capabilities.quickReplies`, the transport's `quickReplies.list`) and the agent's own, which are
 * stored per agent and survive a reload. Everything but `$replies` loads on first use.
 */
export interface QuickReplies {
  /** Every reply: the host's, then the agent's own. The transport's and own ones appear after `load()`. */
  readonly $replies: ReadableAtom<readonly QuickReply[]>;
  /** Fetches the transport's replies and reads the agent's own from storage; resolves with all of them. */
  load(): Promise<readonly QuickReply[]>;
  /** Replies matching `query` (accents optional; shortcut, title, text), best first; `locale` first. */
  search(query: string, options?: { locale?: string; limit?: number }): Promise<QuickReply[]>;
  /** The reply's text with the conversation's values filled in (text only, one pass). */
  fill(conversationId: string, reply: QuickReply | string): Promise<FilledReply>;
  /**
   * Fills the reply and puts it in the composer's draft in place of `range` (the `/query` typed;
   * default: at the end). DeskError `invalid` for an unknown reply, `too-long` when it does not fit.
   */
  insert(conversationId: string, replyId: string, range?: { start: number; end: number }): Promise<InsertedReply>;
  /** Saves an own reply (title and text required). DeskError `invalid` otherwise. */
  addOwn(reply: NewQuickReply): Promise<QuickReply>;
  /** Forgets an own reply; host replies cannot be removed (DeskError `invalid`). */
  removeOwn(id: string): Promise<void>;
}

/**
 * The quick-replies slice: the host's list as a store, and a loader for the commands
 * (quick-replies-commands.ts), which come in a chunk of their own on first use.
 */
export function quickRepliesSlice(
  ctx: SliceContext,
  hostReplies: readonly TransportQuickReply[],
  composer: (conversationId: string) => Composer,
): QuickReplies {
  const host = hostReplies.flatMap((r) => toQuickReply(r, 'host') ?? []);
  const $replies = atom<readonly QuickReply[]>(host);
  let loading: Promise<QuickReplyCommands> | undefined;
  const run = <T>(command: (commands: QuickReplyCommands) => Promise<T>): Promise<T> => {
    loading ??= import('./quick-replies-commands.js').then((m) => new m.QuickReplyCommands(ctx, host, $replies, composer));
    // A failed load is tried again next time.
    return ctx.track(loading.then(command, (error: unknown) => ((loading = undefined), Promise.reject(error))));
  };
  return {
    $replies,
    load: () => run((c) => c.load()),
    search: (query, options = {}) => run((c) => c.search(query, options)),
    fill: (conversationId, reply) => run((c) => c.fill(conversationId, reply)),
    insert: (conversationId, replyId, range) => run((c) => c.insert(conversationId, replyId, range)),
    addOwn: (reply) => run((c) => c.addOwn(reply)),
    removeOwn: (id) => run((c) => c.removeOwn(id)),
  };
}
