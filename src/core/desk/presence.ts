import { atom, computed, type ReadableAtom } from 'nanostores';
import { usesCapacity } from '../conversation-state.js';
import { DeskError } from '../errors.js';
import type { BasePresence, Channel, Conversation } from '../model.js';
import { toTransportError } from '../transport.js';
import type { SliceContext } from './shared.js';

/** A host-defined status (F12), e.g. "Lunch" → away, "Training" → busy-dnd. */
export interface CustomPresence {
  id: string;
  /** Shown to the agent; per language (`{ en: 'Lunch', pl: 'Przerwa' }`) or one text. */
  label: string | Readonly<Record<string, string>>;
  base: Exclude<BasePresence, 'inactive'>;
}

/** How much work the agent takes at once (F12): units per conversation, by channel. */
export interface CapacityOptions {
  /** Units the agent has. Default: as many as sessions (`maxSessions`, 10). */
  total?: number;
  /** Units one conversation uses, per channel. Default 1. */
  units?: Partial<Record<Channel, number>>;
}

export interface Capacity {
  used: number;
  total: number;
}

/** Presences in which offers arrive. */
export const OFFER_PRESENCES: readonly BasePresence[] = ['available', 'busy'];

/** Capacity → presence (F12): full → Busy – DND, partly used → Busy, free → Available. */
export function presenceForCapacity({ used, total }: Capacity): 'available' | 'busy' | 'busy-dnd' {
  return used >= total ? 'busy-dnd' : used > 0 ? 'busy' : 'available';
}

/** Units a set of conversations uses: Active and Wrap-up count, Waiting and the rest don't. */
export function capacityUsed(conversations: Iterable<Conversation>, units: Partial<Record<Channel, number>> = {}): number {
  let used = 0;
  for (const c of conversations) if (usesCapacity(c.state)) used += units[c.channel] ?? 1;
  return used;
}

/**
 * Presence and capacity (F12). The agent picks a status (a base one or a host's custom one); while
 * the agent has not picked one by hand, capacity decides: full → Busy – DND, partly used → Busy,
 * free → Available. A missed offer makes the agent Inactive until they act. Offers arrive only in
 * Available and Busy.
 */
export class PresenceSlice {
  readonly #ctx: SliceContext;
  readonly custom: readonly CustomPresence[];
  readonly $presence = atom<BasePresence>('offline');
  /** The status the agent sees: a custom id, or the base presence. */
  readonly $status = atom<string>('offline');
  /** Whether the agent chose the status by hand (capacity then leaves it alone). */
  readonly $manual = atom(false);
  readonly $capacity: ReadableAtom<Capacity>;

  constructor(ctx: SliceContext, $conversations: ReadableAtom<Readonly<Record<string, Conversation>>>, options: { custom?: CustomPresence[]; capacity?: CapacityOptions; defaultTotal?: number }) {
    this.#ctx = ctx;
    this.custom = options.custom ?? [];
    const total = Math.max(1, options.capacity?.total ?? options.defaultTotal ?? 10);
    const units = options.capacity?.units ?? {};
    this.$capacity = computed($conversations, (all) => ({ used: capacityUsed(Object.values(all), units), total }));
    this.$capacity.listen((capacity) => this.#follow(capacity));
  }

  /** Whether an offer may be shown now. */
  get takesOffers(): boolean {
    const presence = this.$presence.get();
    // Still connecting (not yet online, not set offline by hand): what the backend sends is shown.
    return OFFER_PRESENCES.includes(presence) || (presence === 'offline' && !this.$manual.get());
  }

  /** Connected: the backend takes a connected agent as available for the work it has capacity for. */
  onOnline(): void {
    if (this.$presence.get() !== 'offline') return;
    const presence = presenceForCapacity(this.$capacity.get());
    this.$presence.set(presence);
    this.$status.set(presence);
  }

  /** The agent picks a status: a base presence or a custom one's id. Available hands control back to capacity. */
  async set(status: string): Promise<void> {
    const custom = this.custom.find((c) => c.id === status);
    const base = custom?.base ?? (status as BasePresence);
    if (!custom && !['available', 'busy', 'busy-dnd', 'away', 'offline'].includes(status)) {
      throw new DeskError('invalid', `Unknown presence "${status}".`);
    }
    const previous = { presence: this.$presence.get(), status: this.$status.get(), manual: this.$manual.get() };
    const manual = base !== 'available';
    this.$manual.set(manual);
    this.$presence.set(manual ? base : presenceForCapacity(this.$capacity.get()));
    this.$status.set(manual ? status : this.$presence.get());
    try {
      await this.#ctx.track(this.#ctx.transport.execute({ type: 'presence.set', presence: this.$presence.get() }));
    } catch (error) {
      this.$presence.set(previous.presence);
      this.$status.set(previous.status);
      this.$manual.set(previous.manual);
      throw toTransportError(error);
    }
  }

  /** A missed offer (F1): Inactive until the agent acts, and the backend is told. */
  markInactive(): void {
    this.#apply('inactive', true);
  }

  /** The agent acted after a missed offer (accepted one, or chose Available). */
  leaveInactive(): void {
    if (this.$presence.get() !== 'inactive') return;
    this.$manual.set(false);
    this.#apply(presenceForCapacity(this.$capacity.get()), false);
  }

  #follow(capacity: Capacity): void {
    const now = this.$presence.get();
    if (this.$manual.get() || now === 'offline' || now === 'inactive') return;
    const next = presenceForCapacity(capacity);
    if (next !== now) this.#apply(next, false);
  }

  #apply(presence: BasePresence, manual: boolean): void {
    this.$presence.set(presence);
    this.$status.set(presence);
    this.$manual.set(manual);
    void this.#ctx.track(this.#ctx.transport.execute({ type: 'presence.set', presence })).catch(() => undefined);
  }
}
