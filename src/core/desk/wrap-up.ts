import { atom, type ReadableAtom, type WritableAtom } from 'nanostores';
import { DeskError } from '../errors.js';
import type { Conversation } from '../model.js';
import { MAX_TIMER_MS } from './options.js';
import type { SliceContext } from './shared.js';

/** A disposition code the host offers for wrap-up (F19). */
export interface Disposition {
  id: string;
  /** Shown to the agent; per language (`{ en: 'Resolved', pl: 'Rozwiązane' }`) or one text. */
  label: string | Readonly<Record<string, string>>;
  /** Optional group heading, e.g. "Orders". */
  group?: string | Readonly<Record<string, string>>;
}

export interface WrapUpOptions {
  dispositions?: Disposition[];
  /** A disposition code must be chosen before Close. Default: true when codes are given. */
  required?: boolean;
  /** Seconds of wrap-up before `atZero` happens. Default: no timer. */
  seconds?: number;
  /** At zero: close the conversation (when it can be closed), or only remind the agent. Default 'remind'. */
  atZero?: 'close' | 'remind';
}

/** One conversation's wrap-up (F19). */
export interface WrapUpState {
  disposition?: string;
  note: string;
  /** When wrap-up began, epoch ms. */
  startedAt?: number;
  /** When the timer reaches zero, epoch ms (no timer: undefined). */
  deadline?: number;
  /** The timer reached zero and the conversation is still in wrap-up. */
  overdue: boolean;
}

export const MAX_WRAP_UP_NOTE = 1000;

/**
 * Wrap-up (F19): the disposition code and a short note the agent gives before closing, sent with
 * the move to Closed, and the wrap-up timer. Close is refused while a required code is missing.
 */
export class WrapUpSlice {
  readonly #ctx: SliceContext;
  readonly dispositions: readonly Disposition[];
  readonly required: boolean;
  readonly #seconds: number | undefined;
  readonly #atZero: 'close' | 'remind';
  readonly #close: (id: string) => Promise<unknown>;
  #states = new Map<string, WritableAtom<WrapUpState>>();
  #timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(ctx: SliceContext, options: WrapUpOptions, close: (id: string) => Promise<unknown>) {
    this.#ctx = ctx;
    this.dispositions = options.dispositions ?? [];
    this.required = options.required ?? this.dispositions.length > 0;
    this.#seconds = options.seconds !== undefined && options.seconds > 0 ? options.seconds : undefined;
    this.#atZero = options.atZero ?? 'remind';
    this.#close = close;
  }

  state(conversationId: string): ReadableAtom<WrapUpState> {
    return this.#state(conversationId);
  }

  setDisposition(conversationId: string, code: string | undefined): void {
    if (code !== undefined && !this.dispositions.some((d) => d.id === code)) throw new DeskError('invalid', `Unknown disposition "${code}".`);
    const store = this.#state(conversationId);
    const { disposition: _old, ...rest } = store.get();
    store.set(code === undefined ? rest : { ...rest, disposition: code });
  }

  setNote(conversationId: string, note: string): void {
    if (note.length > MAX_WRAP_UP_NOTE) throw new DeskError('too-long', `Wrap-up notes are limited to ${MAX_WRAP_UP_NOTE} characters.`);
    const store = this.#state(conversationId);
    store.set({ ...store.get(), note });
  }

  /** Why Close is not possible yet, or undefined. */
  closeBlock(conversation: Conversation): 'disposition-required' | undefined {
    if (conversation.state !== 'wrap-up' || !this.required) return undefined;
    return this.#state(conversation.id).get().disposition ? undefined : 'disposition-required';
  }

  /** What goes with the move to Closed. Throws DeskError('disposition-required') when a code is missing. */
  payload(conversation: Conversation): { disposition?: string; note?: string } | undefined {
    if (conversation.state !== 'wrap-up') return undefined;
    if (this.closeBlock(conversation)) throw new DeskError('disposition-required', 'Choose a disposition code before closing.');
    const { disposition, note } = this.#state(conversation.id).get();
    const trimmed = note.trim();
    return disposition || trimmed ? { ...(disposition ? { disposition } : {}), ...(trimmed ? { note: trimmed } : {}) } : undefined;
  }

  /** The conversation's state changed: start the timer on entering wrap-up, stop it on leaving. */
  conversationChanged(conversation: Conversation): void {
    const store = this.#state(conversation.id);
    if (conversation.state !== 'wrap-up') {
      clearTimeout(this.#timers.get(conversation.id));
      this.#timers.delete(conversation.id);
      return;
    }
    if (store.get().startedAt !== undefined) return;
    const startedAt = this.#ctx.now();
    const deadline = this.#seconds === undefined ? undefined : startedAt + this.#seconds * 1000;
    store.set({ ...store.get(), startedAt, ...(deadline === undefined ? {} : { deadline }) });
    if (deadline !== undefined) this.#arm(conversation.id, deadline);
  }

  dispose(): void {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
  }

  #arm(conversationId: string, deadline: number): void {
    const wait = Math.min(MAX_TIMER_MS, Math.max(0, deadline - this.#ctx.now()));
    this.#timers.set(
      conversationId,
      setTimeout(() => {
        if (this.#ctx.now() < deadline) return this.#arm(conversationId, deadline);
        this.#timers.delete(conversationId);
        const store = this.#state(conversationId);
        store.set({ ...store.get(), overdue: true });
        this.#ctx.emit({ type: 'wrap-up-overdue', conversationId });
        if (this.#atZero === 'close' && !this.closeBlock(this.#ctx.conversation(conversationId))) {
          void this.#close(conversationId).catch(() => undefined);
        }
      }, wait),
    );
  }

  #state(conversationId: string): WritableAtom<WrapUpState> {
    let store = this.#states.get(conversationId);
    if (!store) {
      store = atom<WrapUpState>({ note: '', overdue: false });
      this.#states.set(conversationId, store);
    }
    return store;
  }
}
