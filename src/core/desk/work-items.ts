import { atom, computed, type ReadableAtom } from 'nanostores';
import { DeskError } from '../errors.js';
import type { Conversation } from '../model.js';
import type { QueuedItem } from '../transport.js';
import type { SliceContext } from './shared.js';

/** The agent's open queue (F21): loading, loaded, or failed (the list on screen stays while it refreshes). */
export type OpenWorkItems =
  | { status: 'idle'; items: readonly QueuedItem[] }
  | { status: 'loading'; items: readonly QueuedItem[] }
  | { status: 'done'; items: readonly QueuedItem[] }
  | { status: 'error'; items: readonly QueuedItem[] };

/** States of the agent's own work items. */
const MINE: readonly Conversation['state'][] = ['active', 'waiting', 'wrap-up'];

/**
 * Work items (F21): *my work items* — the agent's active, waiting and wrap-up conversations — and,
 * when the transport has a queue, *open work items* the agent may pick.
 */
export class WorkItemsSlice {
  readonly #ctx: SliceContext;
  readonly #picked: (conversation: Conversation) => Promise<unknown>;
  readonly $mine: ReadableAtom<readonly Conversation[]>;
  readonly $open = atom<OpenWorkItems>({ status: 'idle', items: [] });
  #request = 0;

  constructor(
    ctx: SliceContext,
    $conversations: ReadableAtom<Readonly<Record<string, Conversation>>>,
    picked: (conversation: Conversation) => Promise<unknown>,
  ) {
    this.#ctx = ctx;
    this.#picked = picked;
    this.$mine = computed($conversations, (all) =>
      Object.values(all)
        .filter((c) => MINE.includes(c.state))
        .sort((a, b) => a.requestedAt - b.requestedAt),
    );
  }

  /** Whether the transport offers a queue to pick from. */
  get canPick(): boolean {
    return this.#ctx.transport.capabilities.queue === true;
  }

  /** (Re)loads the open work items. */
  async load(limit = 50): Promise<void> {
    if (!this.canPick) throw new DeskError('unsupported', 'This transport has no queue to pick from.');
    const request = ++this.#request;
    this.$open.set({ status: 'loading', items: this.$open.get().items });
    try {
      const { items } = await this.#ctx.track(this.#ctx.transport.execute({ type: 'queue.list', limit }));
      if (request === this.#request) this.$open.set({ status: 'done', items: Array.isArray(items) ? items : [] });
    } catch (error) {
      if (request === this.#request) this.$open.set({ status: 'error', items: this.$open.get().items });
      throw error;
    }
  }

  /** Picks a queued conversation: it becomes the agent's and opens as a session. */
  async pick(conversationId: string): Promise<Conversation> {
    if (!this.canPick) throw new DeskError('unsupported', 'This transport has no queue to pick from.');
    const { conversation } = await this.#ctx.track(this.#ctx.transport.execute({ type: 'queue.pick', conversationId }));
    this.$open.set({ ...this.$open.get(), items: this.$open.get().items.filter((i) => i.conversationId !== conversationId) });
    await this.#picked(conversation);
    return conversation;
  }
}
