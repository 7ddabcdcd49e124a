import { atom, onMount, type ReadableAtom } from 'nanostores';
import type { FilledReply, NewQuickReply, QuickReply, TransportQuickReply } from '../quick-replies.js';
import type { Composer } from './composer.js';
import { forward, lazyCommands } from './knowledge.js';
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
 * (quick-replies-commands.ts), which come in a chunk of their own on first use. Until then the
 * store holds the host's list as given; the commands check it (ids, titles, shortcuts) as they load,
 * which reading or watching the store starts.
 */
export function quickRepliesSlice(
  ctx: SliceContext,
  hostReplies: readonly TransportQuickReply[],
  composer: (conversationId: string) => Composer,
): QuickReplies {
  // Only what can be listed meanwhile; malformed ones may show until the commands drop them.
  const $replies = atom<readonly QuickReply[]>(
    hostReplies.flatMap((r) => (typeof r?.title === 'string' && typeof r.text === 'string' ? { ...r, source: 'host' } : [])),
  );
  const commands = lazyCommands(ctx, () =>
    import('./quick-replies-commands.js').then((m) => new m.QuickReplyCommands(ctx, hostReplies, $replies, composer)),
  );
  onMount($replies, () => void commands().catch(() => undefined));
  return { $replies, ...forward(ctx, commands, ['load', 'search', 'fill', 'insert', 'addOwn', 'removeOwn']) };
}
