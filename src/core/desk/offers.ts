import { atom } from 'nanostores';
import { DeskError } from '../errors.js';
import type { Conversation, Offer } from '../model.js';
import { TransportError } from '../transport.js';
import { MAX_TIMER_MS } from './options.js';
import { loadValidator, type SliceContext } from './shared.js';

/** What offers need of presence (F12). */
export interface OfferPresence {
  readonly takesOffers: boolean;
  markInactive(): void;
  leaveInactive(): void;
}

/** How many settled offer ids are remembered to refuse replays (far more than a day's offers). */
const SETTLED_MEMORY = 5000;

/** Offers that are over and must never come back: accepted, rejected, withdrawn or expired. */
type Settlement = 'accepted' | 'rejected' | 'withdrawn' | 'expired';

/**
 * Offers (F1). An offer waits for Accept until it expires; a missed offer goes
 * back to the queue and the agent becomes Inactive. An offer that is over is remembered, so a
 * replay after a reconnect never brings it back nor marks the agent Inactive for it.
 */
export class OffersSlice {
  readonly #ctx: SliceContext;
  readonly #timeoutMs: number;
  readonly $offers = atom<readonly Offer[]>([]);
  /** Offers that timed out, newest last, until the agent dismisses them or becomes available. */
  readonly $missedOffers = atom<readonly Offer[]>([]);
  #settled = new Map<string, Settlement>();
  #timer: ReturnType<typeof setTimeout> | undefined;

  readonly #presence: OfferPresence;

  constructor(ctx: SliceContext, timeoutMs: number, presence: OfferPresence) {
    this.#ctx = ctx;
    this.#timeoutMs = timeoutMs;
    this.#presence = presence;
  }

  /** Whether an offer is over (and why), or undefined while it may still be offered. */
  settlement(offerId: string): Settlement | undefined {
    return this.#settled.get(offerId);
  }

  received(offer: Offer): void {
    if (this.#settled.has(offer.id) || this.$offers.get().some((o) => o.id === offer.id)) return;
    // Offers arrive only in presences that take them (F12): refused here, and the backend is told.
    if (!this.#presence.takesOffers) {
      this.#settle(offer.id, 'rejected');
      void this.#ctx.track(this.#ctx.transport.execute({ type: 'offer.reject', offerId: offer.id })).catch(() => undefined);
      return;
    }
    const expiresAt = offer.expiresAt ?? this.#ctx.now() + this.#timeoutMs;
    // Already over when it arrives (a replay of an old offer): nothing to accept, nothing missed.
    if (expiresAt <= this.#ctx.now()) {
      this.#settle(offer.id, 'expired');
      return;
    }
    this.$offers.set([...this.$offers.get(), { ...offer, expiresAt }]);
    this.#schedule();
  }

  withdrawn(offerId: string): void {
    this.#settle(offerId, 'withdrawn');
    this.#remove(offerId);
  }

  /** The snapshot is the truth about pending offers: any other offer held here is gone. */
  snapshot(offers: readonly Offer[]): void {
    const keep = new Set(offers.map((o) => o.id));
    for (const held of this.$offers.get()) if (!keep.has(held.id)) this.#settle(held.id, 'withdrawn');
    this.$offers.set(this.$offers.get().filter((o) => keep.has(o.id)));
    for (const offer of offers) this.received(offer);
    this.#schedule();
  }

  async accept(offerId: string): Promise<Conversation> {
    const offer = this.#find(offerId);
    // While the backend answers, the offer's timer must not give it back to the queue.
    this.#answering.add(offer.id);
    try {
      return await this.#accept(offer);
    } finally {
      this.#answering.delete(offer.id);
      this.#schedule();
    }
  }

  /** Offers with an accept or reject on its way: expiry leaves them alone until the answer. */
  #answering = new Set<string>();

  async #accept(offer: Offer): Promise<Conversation> {
    const offerId = offer.id;
    const [result, { conversationOf }] = await Promise.all([this.#ctx.transport.execute({ type: 'offer.accept', offerId }), loadValidator()]);
    // The offer stays until the backend really confirms it with the conversation.
    let conversation: Conversation;
    try {
      conversation = conversationOf(result?.conversation);
    } catch {
      throw new TransportError('invalid', 'The backend accepted the offer without a usable conversation.', { retryable: false });
    }
    this.#settle(offer.id, 'accepted');
    this.#remove(offer.id);
    // Back from Inactive (a missed offer): tell the backend too, or it keeps routing around the agent.
    this.#presence.leaveInactive();
    return conversation;
  }

  async reject(offerId: string, allowed: boolean): Promise<void> {
    const offer = this.#find(offerId);
    if (!allowed) throw new DeskError('unsupported', 'Rejecting offers is turned off.');
    this.#answering.add(offer.id);
    try {
      await this.#ctx.transport.execute({ type: 'offer.reject', offerId });
    } finally {
      this.#answering.delete(offer.id);
      this.#schedule();
    }
    this.#settle(offer.id, 'rejected');
    this.#remove(offer.id);
  }

  dismissMissed(): void {
    this.$missedOffers.set([]);
  }

  dispose(): void {
    clearTimeout(this.#timer);
  }

  #find(offerId: string): Offer {
    const offer = this.$offers.get().find((o) => o.id === offerId);
    if (!offer) throw new DeskError('unknown-offer', `No offer "${offerId}" is waiting.`);
    return offer;
  }

  #settle(offerId: string, how: Settlement): void {
    this.#settled.set(offerId, how);
    if (this.#settled.size > SETTLED_MEMORY) this.#settled.delete(this.#settled.keys().next().value!);
  }

  #remove(offerId: string): void {
    if (this.$offers.get().some((o) => o.id === offerId)) this.$offers.set(this.$offers.get().filter((o) => o.id !== offerId));
    this.#schedule();
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    const offers = this.$offers.get();
    if (offers.length === 0 || this.#ctx.isDisposed()) return;
    const next = Math.min(...offers.filter((o) => !this.#answering.has(o.id)).map((o) => o.expiresAt ?? Infinity));
    if (!Number.isFinite(next)) return;
    // A far expiry waits in steps: setTimeout fires at once past about 24.8 days.
    this.#timer = setTimeout(() => this.#expire(), Math.min(MAX_TIMER_MS, Math.max(0, next - this.#ctx.now())));
  }

  #expire(): void {
    const now = this.#ctx.now();
    const expired = this.$offers.get().filter((o) => (o.expiresAt ?? Infinity) <= now && !this.#answering.has(o.id));
    if (expired.length > 0) {
      for (const offer of expired) this.#settle(offer.id, 'expired');
      this.$offers.set(this.$offers.get().filter((o) => !expired.includes(o)));
      this.$missedOffers.set([...this.$missedOffers.get(), ...expired]);
      // A missed offer goes back to the queue and the agent is marked Inactive (F1).
      this.#presence.markInactive();
      const { transport } = this.#ctx;
      for (const offer of expired) {
        void this.#ctx.track(transport.execute({ type: 'offer.reject', offerId: offer.id })).catch(() => undefined);
      }
      this.#ctx.emit({ type: 'offer-expired', offers: expired });
    }
    this.#schedule();
  }
}
