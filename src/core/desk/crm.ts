import { atom, type ReadableAtom, type WritableAtom } from 'nanostores';
import { DeskError } from '../errors.js';
import type { Conversation } from '../model.js';
import {
  MAX_NOTE_LENGTH,
  validateNewRecord,
  type CrmRecord,
  type LinkSlot,
  type NewRecord,
  type Note,
  type RecordKind,
  type RecordRef,
} from '../records.js';
import { createClientId } from '../transport.js';
import { DRAFT_SAVE_DELAY } from './composer.js';
import type { SliceContext } from './shared.js';

/** How many recent cases the customer form shows. */
export const RECENT_CASES_LIMIT = 5;

/** A customer's recent cases: loading (with the previous list while it refreshes), done, or failed. */
export type RecentCases =
  | { status: 'loading'; records?: readonly CrmRecord[] }
  | { status: 'done'; records: readonly CrmRecord[] }
  | { status: 'error' };

export type NotesStatus = 'idle' | 'loading' | 'loaded' | 'error';

/** What `createAndLink` did. */
export interface CreateAndLinkResult {
  record: CrmRecord;
  /** Linked to the conversation. */
  linked: boolean;
  /** Linking was tried and failed (the record exists). */
  linkFailed: boolean;
}

const keyOf = (target: RecordRef): string => `${target.kind}:${target.id}`;

/** CRM (F5, F7, F8, F10): records, links, notes with their drafts, and a customer's recent cases. */
export class CrmSlice {
  readonly #ctx: SliceContext;
  #notes = new Map<string, WritableAtom<readonly Note[]>>();
  #notesStatus = new Map<string, WritableAtom<NotesStatus>>();
  #noteDrafts = new Map<string, WritableAtom<string>>();
  #noteDraftTimers = new Map<string, ReturnType<typeof setTimeout>>();
  #recent = new Map<string, WritableAtom<RecentCases>>();
  #recentRequests = new Map<string, number>();

  constructor(ctx: SliceContext) {
    this.#ctx = ctx;
  }

  #require(capability: 'records' | 'notes'): void {
    if (!this.#ctx.transport.capabilities[capability]) {
      throw new DeskError('unsupported', `This transport does not support ${capability}.`);
    }
  }

  async searchRecords(query: string, options: { kinds?: RecordKind[]; customerId?: string; limit?: number } = {}): Promise<CrmRecord[]> {
    this.#require('records');
    const { records } = await this.#ctx.track(
      this.#ctx.transport.execute({
        type: 'records.search',
        query: query.trim(),
        ...(options.kinds ? { kinds: options.kinds } : {}),
        ...(options.customerId ? { customerId: options.customerId } : {}),
        limit: options.limit ?? 20,
      }),
    );
    return records;
  }

  async createRecord(conversationId: string | undefined, record: NewRecord): Promise<CrmRecord> {
    this.#require('records');
    const errors = validateNewRecord(record);
    if (Object.keys(errors).length > 0) {
      throw new DeskError('invalid', 'Some fields are not valid.', errors as Record<string, string>);
    }
    const { record: created } = await this.#ctx.track(
      this.#ctx.transport.execute({
        type: 'records.create',
        record,
        clientId: createClientId(),
        ...(conversationId ? { conversationId } : {}),
      }),
    );
    if (conversationId) this.#ctx.log(conversationId, { kind: 'created', record: created });
    if (created.kind === 'case' && created.customerId) void this.loadRecentCases(created.customerId).catch(() => undefined);
    return created;
  }

  /**
   * Creates a record and links it to the conversation. `beforeLink` may veto the link (the record
   * stays created); a failed link is reported, not thrown, since the record exists.
   */
  async createAndLink(
    conversationId: string,
    record: NewRecord,
    beforeLink: (ref: RecordRef) => boolean = () => true,
  ): Promise<CreateAndLinkResult> {
    const created = await this.createRecord(conversationId, record);
    const ref: RecordRef = { kind: created.kind, id: created.id, title: created.title };
    if (!beforeLink(ref)) return { record: created, linked: false, linkFailed: false };
    try {
      await this.link(conversationId, ref);
      return { record: created, linked: true, linkFailed: false };
    } catch {
      return { record: created, linked: false, linkFailed: true };
    }
  }

  async link(conversationId: string, record: RecordRef): Promise<Conversation> {
    this.#require('records');
    this.#ctx.conversation(conversationId);
    const { conversation } = await this.#ctx.track(
      this.#ctx.transport.execute({
        type: 'records.link',
        conversationId,
        record: { kind: record.kind, id: record.id, title: record.title },
      }),
    );
    this.#ctx.upsertConversation(conversation);
    this.#ctx.log(conversationId, { kind: 'link', record });
    return conversation;
  }

  async unlink(conversationId: string, slot: LinkSlot): Promise<Conversation> {
    this.#require('records');
    const current = this.#ctx.conversation(conversationId).links?.[slot];
    const { conversation } = await this.#ctx.track(this.#ctx.transport.execute({ type: 'records.unlink', conversationId, slot }));
    this.#ctx.upsertConversation(conversation);
    if (current) this.#ctx.log(conversationId, { kind: 'unlink', record: current });
    return conversation;
  }

  // ---- recent cases ----

  /** The customer's recent cases; loads them the first time it is asked. */
  recentCases(customerId: string): ReadableAtom<RecentCases> {
    let store = this.#recent.get(customerId);
    if (!store) {
      store = atom<RecentCases>({ status: 'loading' });
      this.#recent.set(customerId, store);
      void this.loadRecentCases(customerId).catch(() => undefined);
    }
    return store;
  }

  /** (Re)loads a customer's recent cases; the list on screen stays while it refreshes. */
  async loadRecentCases(customerId: string): Promise<void> {
    const store = this.#recent.get(customerId) ?? (this.recentCases(customerId) as WritableAtom<RecentCases>);
    const request = (this.#recentRequests.get(customerId) ?? 0) + 1;
    this.#recentRequests.set(customerId, request);
    const shown = store.get();
    store.set(shown.status === 'done' || (shown.status === 'loading' && shown.records) ? { status: 'loading', records: shown.records! } : { status: 'loading' });
    try {
      const records = await this.searchRecords('', { kinds: ['case'], customerId, limit: RECENT_CASES_LIMIT });
      if (this.#recentRequests.get(customerId) === request) store.set({ status: 'done', records: records.slice(0, RECENT_CASES_LIMIT) });
    } catch (error) {
      if (this.#recentRequests.get(customerId) === request) store.set({ status: 'error' });
      throw error;
    }
  }

  // ---- notes (F10) ----

  noteTarget(conversation: Conversation | undefined): RecordRef | undefined {
    const links = conversation?.links;
    return links?.case ?? links?.customer;
  }

  notes(target: RecordRef): ReadableAtom<readonly Note[]> {
    return this.#notesOf(target);
  }

  notesStatus(target: RecordRef): ReadableAtom<NotesStatus> {
    let store = this.#notesStatus.get(keyOf(target));
    if (!store) {
      store = atom<NotesStatus>('idle');
      this.#notesStatus.set(keyOf(target), store);
    }
    return store;
  }

  async loadNotes(target: RecordRef): Promise<readonly Note[]> {
    this.#require('notes');
    const status = this.notesStatus(target) as WritableAtom<NotesStatus>;
    status.set('loading');
    try {
      const { notes } = await this.#ctx.track(this.#ctx.transport.execute({ type: 'notes.list', target }));
      const store = this.#notesOf(target);
      store.set([...notes].sort((a, b) => a.at - b.at));
      status.set('loaded');
      return store.get();
    } catch (error) {
      status.set('error');
      throw error;
    }
  }

  async addNote(conversationId: string, target: RecordRef | undefined, text: string): Promise<Note> {
    this.#require('notes');
    if (!target) throw new DeskError('no-link', 'Link a contact or a case before adding notes.');
    if (!text.trim()) throw new DeskError('empty', 'The note is empty.');
    if (text.length > MAX_NOTE_LENGTH) throw new DeskError('too-long', `Notes are limited to ${MAX_NOTE_LENGTH} characters.`);
    const { note } = await this.#ctx.track(
      this.#ctx.transport.execute({ type: 'notes.add', target, conversationId, text, clientId: createClientId() }),
    );
    const store = this.#notesOf(target);
    if (!store.get().some((n) => n.id === note.id)) store.set([...store.get(), note]);
    this.#ctx.log(conversationId, { kind: 'note', record: target });
    return note;
  }

  /** The unsaved note of a conversation; read back from storage on first use. */
  noteDraft(conversationId: string): ReadableAtom<string> {
    return this.#noteDraft(conversationId);
  }

  /** Keeps the note draft (written to storage shortly after typing pauses; an emptied one at once). */
  setNoteDraft(conversationId: string, text: string): void {
    this.#noteDraft(conversationId).set(text);
    clearTimeout(this.#noteDraftTimers.get(conversationId));
    this.#noteDraftTimers.delete(conversationId);
    // A replaced timer never runs: its wait is over.
    this.#pendingDone.get(conversationId)?.();
    this.#pendingDone.delete(conversationId);
    // Emptied after a saved note: a reload right after must not bring the saved text back as a draft.
    if (!text) {
      void this.saveNoteDraft(conversationId, '');
      return;
    }
    let done!: () => void;
    void this.#ctx.track(new Promise<void>((resolve) => (done = resolve)));
    this.#pendingDone.set(conversationId, done);
    this.#noteDraftTimers.set(
      conversationId,
      setTimeout(() => {
        this.#noteDraftTimers.delete(conversationId);
        this.#pendingDone.delete(conversationId);
        void this.saveNoteDraft(conversationId, text).finally(done);
      }, DRAFT_SAVE_DELAY),
    );
  }

  #pendingDone = new Map<string, () => void>();

  async getNoteDraft(conversationId: string): Promise<string> {
    return (await (await this.#ctx.storage).getDraft(`note:${conversationId}`)) ?? '';
  }

  async saveNoteDraft(conversationId: string, text: string): Promise<void> {
    await this.#ctx.track((await this.#ctx.storage).setDraft(`note:${conversationId}`, text)).catch(() => undefined);
  }

  /** Writes every pending note draft now. */
  flushNoteDrafts(): void {
    for (const [conversationId, timer] of this.#noteDraftTimers) {
      clearTimeout(timer);
      const done = this.#pendingDone.get(conversationId);
      this.#pendingDone.delete(conversationId);
      void this.saveNoteDraft(conversationId, this.#noteDraft(conversationId).get()).finally(done);
    }
    this.#noteDraftTimers.clear();
  }

  dispose(): void {
    // Typed text is never dropped: pending drafts are written now (storage closes once they are).
    this.flushNoteDrafts();
  }

  #noteDraft(conversationId: string): WritableAtom<string> {
    let store = this.#noteDrafts.get(conversationId);
    if (!store) {
      const created = atom('');
      store = created;
      this.#noteDrafts.set(conversationId, created);
      void this.#ctx.track(
        this.getNoteDraft(conversationId).then(
          (text) => {
            // Whatever the agent typed in the meantime wins over the stored draft.
            if (!created.get() && text) created.set(text);
          },
          () => undefined,
        ),
      );
    }
    return store;
  }

  #notesOf(target: RecordRef): WritableAtom<readonly Note[]> {
    let store = this.#notes.get(keyOf(target));
    if (!store) {
      store = atom<readonly Note[]>([]);
      this.#notes.set(keyOf(target), store);
    }
    return store;
  }
}
