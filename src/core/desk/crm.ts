import type { ReadableAtom, WritableAtom } from 'nanostores';
import type { Conversation } from '../model.js';
import type { CrmRecord, LinkSlot, NewRecord, Note, RecordKind, RecordRef } from '../records.js';
import type { CrmCommands } from './crm-commands.js';
import { StoreMap, type SliceContext } from './shared.js';

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

/** The CRM slice's stores, as its commands (loaded on first use) fill them. */
export interface CrmStores {
  /** A customer's recent cases, made (and not loaded) if nobody asked for them yet. */
  recent(customerId: string): WritableAtom<RecentCases>;
  /** Whether anybody asked for a customer's recent cases. */
  hasRecent(customerId: string): boolean;
  notes(target: RecordRef): WritableAtom<readonly Note[]>;
  notesStatus(target: RecordRef): WritableAtom<NotesStatus>;
  noteDraft(conversationId: string): WritableAtom<string>;
}

type SearchOptions = { kinds?: RecordKind[]; customerId?: string; limit?: number };

const keyOf = (target: RecordRef): string => `${target.kind}:${target.id}`;

/**
 * CRM (F5, F7, F8, F10): records, links, notes with their drafts, and a customer's recent cases.
 * The stores are here from the start; the commands (crm-commands.ts) load on first use, in a chunk
 * of their own, so a page that never uses the CRM never downloads them.
 */
export class CrmSlice {
  readonly #ctx: SliceContext;
  readonly #recent = new StoreMap<RecentCases>({ status: 'loading' });
  readonly #notes = new StoreMap<readonly Note[]>([]);
  readonly #notesStatus = new StoreMap<NotesStatus>('idle');
  readonly #noteDrafts = new StoreMap<string>('');
  #commands: CrmCommands | undefined;
  #loading: Promise<CrmCommands> | undefined;

  constructor(ctx: SliceContext) {
    this.#ctx = ctx;
  }

  /** Loads the commands once (`settled()` waits for it); a failed load calls `failed` and is tried again next time. */
  #load(failed?: () => void): Promise<CrmCommands> {
    if (!this.#loading) {
      const loading = this.#ctx.track(
        import('./crm-commands.js').then(({ CrmCommands }) => {
          const stores: CrmStores = {
            recent: (customerId) => this.#recent.get(customerId),
            hasRecent: (customerId) => this.#recent.has(customerId),
            notes: (target) => this.#notes.get(keyOf(target)),
            notesStatus: (target) => this.#notesStatus.get(keyOf(target)),
            noteDraft: (conversationId) => this.#noteDrafts.get(conversationId),
          };
          return (this.#commands = new CrmCommands(this.#ctx, stores));
        }),
      );
      this.#loading = loading;
      loading.catch(() => {
        if (this.#loading === loading) this.#loading = undefined;
      });
    }
    const loading = this.#loading;
    if (!failed) return loading;
    return loading.catch((error: unknown) => {
      failed();
      throw error;
    });
  }

  /**
   * Runs a command: in the call that asks for it once the commands are loaded, else as soon as they
   * are, with `settled()` waiting for the load and the command together.
   */
  #run<T>(command: (commands: CrmCommands) => Promise<T>, failed?: () => void): Promise<T> {
    return this.#commands ? command(this.#commands) : this.#ctx.track(this.#load(failed).then(command));
  }

  async searchRecords(query: string, options: SearchOptions = {}): Promise<CrmRecord[]> {
    return this.#run((commands) => commands.searchRecords(query, options));
  }

  async createRecord(conversationId: string | undefined, record: NewRecord): Promise<CrmRecord> {
    return this.#run((commands) => commands.createRecord(conversationId, record));
  }

  async createAndLink(conversationId: string, record: NewRecord, beforeLink?: (ref: RecordRef) => boolean): Promise<CreateAndLinkResult> {
    return this.#run((commands) => commands.createAndLink(conversationId, record, beforeLink));
  }

  async link(conversationId: string, record: RecordRef): Promise<Conversation> {
    return this.#run((commands) => commands.link(conversationId, record));
  }

  async unlink(conversationId: string, slot: LinkSlot): Promise<Conversation> {
    return this.#run((commands) => commands.unlink(conversationId, slot));
  }

  // ---- recent cases ----

  /** The customer's recent cases; loads them the first time it is asked. */
  recentCases(customerId: string): ReadableAtom<RecentCases> {
    const asked = this.#recent.has(customerId);
    const store = this.#recent.get(customerId);
    if (!asked) void this.loadRecentCases(customerId).catch(() => undefined);
    return store;
  }

  /** (Re)loads a customer's recent cases (a load already running is shared); the list on screen stays while it refreshes. */
  async loadRecentCases(customerId: string): Promise<void> {
    return this.#run(
      (commands) => commands.loadRecentCases(customerId),
      () => this.#recent.get(customerId).set({ status: 'error' }),
    );
  }

  // ---- notes (F10) ----

  noteTarget(conversation: Conversation | undefined): RecordRef | undefined {
    const links = conversation?.links;
    return links?.case ?? links?.customer;
  }

  notes(target: RecordRef): ReadableAtom<readonly Note[]> {
    return this.#notes.get(keyOf(target));
  }

  notesStatus(target: RecordRef): ReadableAtom<NotesStatus> {
    return this.#notesStatus.get(keyOf(target));
  }

  /** Loads a record's notes (a load already running for the record is shared). */
  async loadNotes(target: RecordRef): Promise<readonly Note[]> {
    return this.#run(
      (commands) => commands.loadNotes(target),
      () => this.#notesStatus.get(keyOf(target)).set('error'),
    );
  }

  async addNote(conversationId: string, target: RecordRef | undefined, text: string): Promise<Note> {
    return this.#run((commands) => commands.addNote(conversationId, target, text));
  }

  /** The unsaved note of a conversation; read back from storage on first use. */
  noteDraft(conversationId: string): ReadableAtom<string> {
    if (this.#noteDrafts.has(conversationId)) return this.#noteDrafts.get(conversationId);
    const draft = this.#noteDrafts.get(conversationId);
    void this.#ctx.track(
      this.getNoteDraft(conversationId).then(
        (text) => {
          // Whatever the agent typed in the meantime wins over the stored draft.
          if (!draft.get() && text) draft.set(text);
        },
        () => undefined,
      ),
    );
    return draft;
  }

  /** Keeps the note draft; the commands write it to storage (shortly after typing pauses, an emptied one at once). */
  setNoteDraft(conversationId: string, text: string): void {
    (this.noteDraft(conversationId) as WritableAtom<string>).set(text);
    void this.#run(async (commands) => commands.noteDraftChanged(conversationId)).catch(() => undefined);
  }

  async getNoteDraft(conversationId: string): Promise<string> {
    return this.#run((commands) => commands.getNoteDraft(conversationId));
  }

  async saveNoteDraft(conversationId: string, text: string): Promise<void> {
    return this.#run((commands) => commands.saveNoteDraft(conversationId, text));
  }

  dispose(): void {
    // Typed text is never dropped: pending drafts are written now (storage closes once they are).
    // Drafts whose commands are still loading are written as soon as they arrive.
    this.#commands?.flushNoteDrafts();
  }
}
