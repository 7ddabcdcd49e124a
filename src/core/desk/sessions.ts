import { atom, computed, type ReadableAtom } from 'nanostores';
import { DeskError } from '../errors.js';
import type { Conversation } from '../model.js';
import type { RecordRef } from '../records.js';
import type { SliceContext } from './shared.js';

/** What an app tab of a session shows (F13). `customer` is the anchor: every session has it, it can't close. */
export type AppTab =
  | { id: 'customer'; kind: 'customer' }
  | { id: string; kind: 'record'; record: RecordRef }
  | { id: string; kind: 'transcript'; conversationId: string; title: string }
  | { id: string; kind: 'knowledge'; articleId: string; title: string }
  | { id: string; kind: 'app'; title: string; data?: unknown };

/** Where the transcript was scrolled: the message at the top of the view and how far into it. */
export interface ScrollPosition {
  messageId: string;
  offset: number;
}

/** One open session (F13): a conversation the agent holds as a tab. */
export interface Session {
  readonly conversationId: string;
  /** Customer messages that arrived while another session was in front. */
  readonly unread: number;
  readonly apps: readonly AppTab[];
  readonly activeApp: string;
  readonly scroll?: ScrollPosition;
}

const ANCHOR: AppTab = { id: 'customer', kind: 'customer' };
const KEY = 'sessions';

export interface SessionHooks {
  /** Closing a tab of a conversation that is still Active parks it in Waiting. */
  park(conversationId: string): Promise<unknown>;
  /** Brings a Waiting conversation back to Active when its session is opened again. */
  resume(conversationId: string): Promise<unknown>;
  conversations(): Readonly<Record<string, Conversation>>;
  setActive(conversationId: string | undefined): void;
  activeId(): string | undefined;
}

/**
 * Sessions (F13, F6): every conversation the agent holds is a tab, up to `max`; each has app tabs
 * (the customer form is the anchor), an unread count and the transcript's scroll position. The
 * list survives a reload: once the backend's snapshot brings the conversations back, their
 * sessions reopen in the same order.
 */
export class SessionsSlice {
  readonly #ctx: SliceContext;
  readonly #hooks: SessionHooks;
  readonly max: number;
  readonly $sessions = atom<readonly Session[]>([]);
  #saved: Promise<Session[]>;

  constructor(ctx: SliceContext, hooks: SessionHooks, max: number) {
    this.#ctx = ctx;
    this.#hooks = hooks;
    this.max = max;
    this.$full = computed(this.$sessions, (list) => list.length >= max);
    this.#saved = ctx.storage.then((s) => s.getValue<Session[]>(`${KEY}:${ctx.agent.id}`)).then(
      (list) => (Array.isArray(list) ? list.filter((s) => typeof s?.conversationId === 'string') : []),
      () => [],
    );
  }

  /** Every slot is taken: another session can't be opened (an offer beyond the cap is not accepted). */
  readonly $full: ReadableAtom<boolean>;

  get full(): boolean {
    return this.$full.get();
  }

  has(conversationId: string): boolean {
    return this.$sessions.get().some((s) => s.conversationId === conversationId);
  }

  /** Opens (or focuses) the session of a conversation. Refuses with DeskError('session-limit') past the cap. */
  async open(conversationId: string): Promise<void> {
    const conversation = this.#ctx.conversation(conversationId);
    if (!this.has(conversationId)) {
      if (this.full) throw new DeskError('session-limit', `At most ${this.max} sessions can be open.`);
      this.#set([...this.$sessions.get(), { conversationId, unread: 0, apps: [ANCHOR], activeApp: ANCHOR.id }]);
    }
    this.focus(conversationId);
    if (conversation.state === 'waiting') await this.#hooks.resume(conversationId);
  }

  /** Brings a session to the front; its unread count goes back to zero. */
  focus(conversationId: string): void {
    this.#ctx.conversation(conversationId);
    this.#hooks.setActive(conversationId);
    this.#update(conversationId, (s) => (s.unread === 0 ? s : { ...s, unread: 0 }));
  }

  /**
   * Closes a session tab. A conversation still Active is not ended: it goes to Waiting and can be
   * opened again from the work items. The next session comes to the front.
   */
  async close(conversationId: string): Promise<void> {
    const list = this.$sessions.get();
    const index = list.findIndex((s) => s.conversationId === conversationId);
    if (index < 0) return;
    const conversation = this.#hooks.conversations()[conversationId];
    if (conversation?.state === 'active') await this.#hooks.park(conversationId);
    const rest = this.$sessions.get().filter((s) => s.conversationId !== conversationId);
    this.#set(rest);
    if (this.#hooks.activeId() === conversationId) {
      const next = rest[Math.min(index, rest.length - 1)];
      this.#hooks.setActive(next?.conversationId);
    }
  }

  /** Opens an app tab in a session (or brings it to the front if one with that id is open). */
  openApp(conversationId: string, app: AppTab): void {
    this.#require(conversationId);
    this.#update(conversationId, (s) => ({
      ...s,
      apps: s.apps.some((a) => a.id === app.id) ? s.apps : [...s.apps, app],
      activeApp: app.id,
    }));
  }

  /** Closes an app tab; the anchor (customer form) can't be closed. */
  closeApp(conversationId: string, appId: string): void {
    if (appId === ANCHOR.id) throw new DeskError('invalid', 'The customer form is the session’s anchor and stays open.');
    this.#update(conversationId, (s) => {
      const index = s.apps.findIndex((a) => a.id === appId);
      if (index < 0) return s;
      const apps = s.apps.filter((a) => a.id !== appId);
      return { ...s, apps, activeApp: s.activeApp === appId ? apps[Math.min(index, apps.length - 1)]!.id : s.activeApp };
    });
  }

  selectApp(conversationId: string, appId: string): void {
    this.#update(conversationId, (s) => (s.apps.some((a) => a.id === appId) ? { ...s, activeApp: appId } : s));
  }

  /** Remembers where the transcript was scrolled, so switching back lands in the same place. */
  setScroll(conversationId: string, scroll: ScrollPosition | undefined): void {
    this.#update(conversationId, (s) => {
      const { scroll: _old, ...rest } = s;
      return scroll ? { ...rest, scroll } : rest;
    }, false);
  }

  /** A conversation arrived or changed: reopen it if it was a session before a reload, drop it when closed. */
  conversationChanged(conversation: Conversation): void {
    // Released or transferred (Open again) it is not the agent's any more; a Closed one stays until the agent closes its tab.
    if (conversation.state === 'closed' || conversation.state === 'open') {
      if (conversation.state === 'open' && this.has(conversation.id)) {
        this.#set(this.$sessions.get().filter((s) => s.conversationId !== conversation.id));
        if (this.#hooks.activeId() === conversation.id) this.#hooks.setActive(this.$sessions.get()[0]?.conversationId);
      }
      return;
    }
    if (this.has(conversation.id)) return;
    void this.#saved.then((saved) => {
      const current = this.#hooks.conversations()[conversation.id];
      if (this.has(conversation.id) || this.full || !current || current.state === 'closed' || current.state === 'open') return;
      const before = saved.find((s) => s.conversationId === conversation.id);
      // Work the agent holds (Active, Wrap-up) is always reachable; a Waiting one only if it was a tab.
      if (!before && current.state === 'waiting') return;
      const session: Session = before
        ? { ...before, unread: before.unread ?? 0, apps: before.apps?.length ? before.apps : [ANCHOR], activeApp: before.activeApp ?? ANCHOR.id }
        : { conversationId: conversation.id, unread: 0, apps: [ANCHOR], activeApp: ANCHOR.id };
      // In the order they had before the reload; new ones after them.
      const order = saved.map((s) => s.conversationId);
      const list = [...this.$sessions.get(), session];
      list.sort((a, b) => rank(order, a.conversationId) - rank(order, b.conversationId));
      this.#set(list);
    });
  }

  /** A new customer message in a session that is not in front counts as unread. */
  customerWrote(conversationId: string): void {
    if (this.#hooks.activeId() === conversationId) return;
    this.#update(conversationId, (s) => ({ ...s, unread: s.unread + 1 }), false);
  }

  #require(conversationId: string): void {
    if (!this.has(conversationId)) throw new DeskError('unknown-conversation', `No session for "${conversationId}".`);
  }

  #update(conversationId: string, change: (s: Session) => Session, save = true): void {
    const list = this.$sessions.get();
    const index = list.findIndex((s) => s.conversationId === conversationId);
    if (index < 0) return;
    const next = change(list[index]!);
    if (next === list[index]) return;
    const copy = list.slice();
    copy[index] = next;
    this.#set(copy, save);
  }

  #set(list: readonly Session[], save = true): void {
    this.$sessions.set(list);
    if (!save) return;
    const key = `${KEY}:${this.#ctx.agent.id}`;
    void this.#ctx.track(this.#ctx.storage.then((s) => s.setValue(key, list))).catch(() => undefined);
  }
}

const rank = (order: string[], id: string): number => {
  const i = order.indexOf(id);
  return i < 0 ? order.length : i;
};
