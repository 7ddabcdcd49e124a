import type { WritableAtom } from 'nanostores';
import { DeskError } from '../errors.js';
import type { Conversation } from '../model.js';
import { MAX_NOTE_LENGTH, validateNewRecord, type CrmRecord, type LinkSlot, type NewRecord, type Note, type RecordKind, type RecordRef } from '../records.js';
import { createClientId } from '../random.js';
import { DRAFT_SAVE_DELAY } from './shared.js';
import type { CreateAndLinkResult, CrmStores } from './crm.js';
import type { SliceContext } from './shared.js';

/** How many recent cases the customer form shows. */
export const RECENT_CASES_LIMIT = 5;

/**
 * The CRM slice's commands (F5, F7, F8, F10): records, links, notes, note drafts and recent cases.
 * Loaded on first use, in a chunk of its own; the stores they fill belong to the CRM slice, which is
 * always there.
 */
export class CrmCommands {
  readonly #ctx: SliceContext;
  readonly #stores: CrmStores;
  /** Requests running, by customer id and by note target, so a second caller shares the first. */
  readonly #recentLoads = new Map<string, Promise<void>>();
  readonly #notesLoads = new Map<string, Promise<readonly Note[]>>();
  readonly #draftTimers = new Map<string, { timer: ReturnType<typeof setTimeout>; done(): void }>();

  constructor(ctx: SliceContext, stores: CrmStores) {
    this.#ctx = ctx;
    this.#stores = stores;
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
    if (created.kind === 'case' && created.customerId) this.#refreshRecent(created.customerId);
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
    // A newly linked case may be one the customer's list has not seen yet. A list nobody asked for
    // is loaded when it first is.
    if (record.kind === 'case' && this.#stores.hasRecent(conversation.customer.id)) this.#refreshRecent(conversation.customer.id);
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

  /**
   * (Re)loads a customer's recent cases; the list on screen stays while it refreshes. A load
   * already running for the customer is shared, unless `fresh` asks for one that starts now (after
   * a change the running one may not see).
   */
  loadRecentCases(customerId: string, fresh = false): Promise<void> {
    const running = this.#recentLoads.get(customerId);
    if (running && !fresh) return running;
    const request: Promise<void> = this.#loadRecent(customerId, () => this.#recentLoads.get(customerId) === request).finally(() => {
      if (this.#recentLoads.get(customerId) === request) this.#recentLoads.delete(customerId);
    });
    this.#recentLoads.set(customerId, request);
    return request;
  }

  /** One load of a customer's recent cases; only the latest (`latest()`) shows its outcome. */
  async #loadRecent(customerId: string, latest: () => boolean): Promise<void> {
    const store = this.#stores.recent(customerId);
    const shown = store.get();
    const records = shown.status === 'error' ? undefined : shown.records;
    store.set(records ? { status: 'loading', records } : { status: 'loading' });
    try {
      const found = await this.searchRecords('', { kinds: ['case'], customerId, limit: RECENT_CASES_LIMIT });
      if (latest()) store.set({ status: 'done', records: found.slice(0, RECENT_CASES_LIMIT) });
    } catch (error) {
      if (latest()) store.set({ status: 'error' });
      throw error;
    }
  }

  #refreshRecent(customerId: string): void {
    void this.loadRecentCases(customerId, true).catch(() => undefined);
  }

  // ---- notes (F10) ----

  /** Loads a record's notes, oldest first; a load already running for the record is shared. */
  loadNotes(target: RecordRef): Promise<readonly Note[]> {
    const key = `${target.kind}:${target.id}`;
    const running = this.#notesLoads.get(key);
    if (running) return running;
    const request = this.#loadNotes(target).finally(() => this.#notesLoads.delete(key));
    this.#notesLoads.set(key, request);
    return request;
  }

  async #loadNotes(target: RecordRef): Promise<readonly Note[]> {
    this.#require('notes');
    const status = this.#stores.notesStatus(target);
    status.set('loading');
    try {
      const { notes } = await this.#ctx.track(this.#ctx.transport.execute({ type: 'notes.list', target }));
      const store = this.#stores.notes(target);
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
    const store = this.#stores.notes(target);
    if (!store.get().some((n) => n.id === note.id)) store.set([...store.get(), note]);
    this.#ctx.log(conversationId, { kind: 'note', record: target });
    return note;
  }

  // ---- note drafts ----

  /**
   * The note draft changed: it is written to storage shortly after typing pauses, an emptied one at
   * once (a reload right after a saved note must not bring the saved text back), and at once after
   * the desk is disposed. What is written is the draft as it is then.
   */
  noteDraftChanged(conversationId: string): void {
    const draft: WritableAtom<string> = this.#stores.noteDraft(conversationId);
    const previous = this.#draftTimers.get(conversationId);
    this.#draftTimers.delete(conversationId);
    if (previous) {
      clearTimeout(previous.timer);
      // A replaced timer never runs: its wait is over.
      previous.done();
    }
    if (!draft.get() || this.#ctx.isDisposed()) {
      void this.saveNoteDraft(conversationId, draft.get());
      return;
    }
    let done!: () => void;
    void this.#ctx.track(new Promise<void>((resolve) => (done = resolve)));
    const timer = setTimeout(() => {
      this.#draftTimers.delete(conversationId);
      void this.saveNoteDraft(conversationId, draft.get()).finally(done);
    }, DRAFT_SAVE_DELAY);
    this.#draftTimers.set(conversationId, { timer, done });
  }

  async getNoteDraft(conversationId: string): Promise<string> {
    return (await (await this.#ctx.storage).getDraft(`note:${conversationId}`)) ?? '';
  }

  async saveNoteDraft(conversationId: string, text: string): Promise<void> {
    await this.#ctx.track((await this.#ctx.storage).setDraft(`note:${conversationId}`, text)).catch(() => undefined);
  }

  /** Writes every pending note draft now. */
  flushNoteDrafts(): void {
    const pending = [...this.#draftTimers];
    this.#draftTimers.clear();
    for (const [conversationId, { timer, done }] of pending) {
      clearTimeout(timer);
      void this.saveNoteDraft(conversationId, this.#stores.noteDraft(conversationId).get()).finally(done);
    }
  }
}
