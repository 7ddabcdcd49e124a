import { atom, type ReadableAtom } from 'nanostores';
import type { FileVerdict } from '../attachment-policy.js';
import { DeskError } from '../errors.js';
import type { AttachmentRef, Message } from '../model.js';
import { unfilledPlaceholders } from '../rules.js';
import type { AttachmentsSlice } from './attachments.js';
import type { SendOptions } from './sending.js';
import { DRAFT_SAVE_DELAY, type SliceContext } from './shared.js';

/** How long after the last keystroke the customer stops seeing "typing…". */
export const TYPING_IDLE = 4000;

/** Where a pending file is: refused by the checks, uploading, ready to send, failed or cancelled. */
export type PendingFileState = 'rejected' | 'uploading' | 'ready' | 'failed' | 'cancelled';

/** A file the agent added to a conversation's composer. */
export interface PendingFile {
  /** Unique within the desk. */
  readonly key: number;
  readonly file: File;
  readonly state: PendingFileState;
  /** Bytes uploaded so far. */
  readonly sent: number;
  /** Why it was refused (state `rejected`). */
  readonly verdict?: FileVerdict & { ok: false };
  /** The uploaded file (state `ready`). */
  readonly ref?: AttachmentRef;
  /** Why the upload failed (state `failed`): a `TransportError` or `DeskError` code. */
  readonly error?: { code: string; message: string };
}

export interface ComposerState {
  /** The unsent text. */
  readonly draft: string;
  readonly files: readonly PendingFile[];
  /** The id of the customer message the next message quotes (reply-to). */
  readonly replyTo?: string;
  /** Stored input (draft and files) has been read back; before that the composer is empty. */
  readonly restored: boolean;
}

/** What `addFiles` did with a batch. */
export interface AddFilesOutcome {
  readonly accepted: readonly File[];
  readonly rejected: readonly (FileVerdict & { ok: false })[];
  /** `confirm` said no: nothing was uploaded. */
  readonly vetoed: boolean;
  /** Settles when every upload of the batch has ended, with the ones ready to send. Never rejects. */
  readonly uploaded: Promise<readonly AttachmentRef[]>;
}

interface StoredFile {
  key: number;
  file: File;
  ref?: AttachmentRef;
}

let nextKey = 1;

/**
 * One conversation's composer, kept in the desk: the draft (written to storage as the agent types),
 * the pending files with their uploads and progress, and the "agent is typing" signal. A second
 * view of the same conversation, a session switch or a reload keeps unsaved input and files.
 */
export class Composer {
  readonly conversationId: string;
  readonly #ctx: SliceContext;
  readonly #attachments: AttachmentsSlice;
  readonly #state = atom<ComposerState>({ draft: '', files: [], restored: false });
  #aborts = new Map<number, AbortController>();
  #uploads = new Map<number, Promise<AttachmentRef | undefined>>();
  #checking = new Set<Promise<unknown>>();
  #cancelDraftSave: (() => void) | undefined;
  #typingTimer: ReturnType<typeof setTimeout> | undefined;
  #typingSent = false;
  #touched = false;
  /** The agent chose (or cancelled) a quote since the page opened: it wins over the stored one. */
  #replyChosen = false;
  /** The draft changed since it was last written. */
  #unsaved = false;

  constructor(ctx: SliceContext, attachments: AttachmentsSlice, conversationId: string) {
    this.#ctx = ctx;
    this.#attachments = attachments;
    this.conversationId = conversationId;
    void ctx.track(this.#restore());
  }

  get $state(): ReadableAtom<ComposerState> {
    return this.#state;
  }

  get draft(): string {
    return this.#state.get().draft;
  }

  /** Uploaded files, ready to go with the next message. */
  get attachments(): AttachmentRef[] {
    return this.#state.get().files.flatMap((f) => (f.state === 'ready' && f.ref ? [f.ref] : []));
  }

  /** Files are still being checked or uploaded (Send waits for them). */
  get busy(): boolean {
    return this.#checking.size > 0 || this.#state.get().files.some((f) => f.state === 'uploading');
  }

  /** The agent typed: keeps the draft (written shortly after typing pauses) and tells the customer. */
  setDraft(text: string): void {
    this.#touched = true;
    this.#unsaved = true;
    this.#patch({ draft: text });
    this.#cancelDraftSave?.();
    this.#cancelDraftSave = this.#delay(DRAFT_SAVE_DELAY, () => this.#saveDraft());
    if (text) this.#signalTyping();
  }

  /** Quotes a message in the next one sent (`undefined` stops quoting); kept over a reload. */
  setReplyTo(messageId: string | undefined): void {
    this.#replyChosen = true;
    this.#patch({ replyTo: messageId });
    void this.#saveReply();
  }

  /** Writes the draft now (e.g. when the view goes away) and stops the typing signal. */
  async flush(): Promise<void> {
    this.#cancelDraftSave?.();
    this.#cancelDraftSave = undefined;
    this.stopTyping();
    await this.#saveDraft();
  }

  /**
   * Checks files against the policy and their content against their extension; refused ones are
   * listed with their reason. Unless `confirm` says no, the rest start uploading at once.
   */
  addFiles(files: Iterable<File>, confirm: (accepted: readonly File[]) => boolean = () => true): Promise<AddFilesOutcome> {
    const work = this.#addFiles([...files], confirm);
    this.#checking.add(work);
    const done = (): void => void this.#checking.delete(work);
    work.then(done, done);
    return this.#ctx.track(work);
  }

  /** Resolves, with the ready attachments, when no check or upload is running. */
  async settled(): Promise<AttachmentRef[]> {
    while (this.#checking.size > 0) await Promise.all([...this.#checking]);
    await Promise.all([...this.#uploads.values()]);
    return this.attachments;
  }

  /** Cancels an upload (state `cancelled`, the file stays listed until removed). */
  cancel(key: number): void {
    this.#aborts.get(key)?.abort();
    this.#update(key, (f) => (f.state === 'uploading' ? { ...f, state: 'cancelled' } : f));
  }

  /** Removes a file from the list, cancelling its upload. */
  remove(key: number): void {
    this.#aborts.get(key)?.abort();
    this.#patch({ files: this.#state.get().files.filter((f) => f.key !== key) });
    void this.#saveFiles();
  }

  /** Uploads a failed or cancelled file again. */
  retry(key: number): void {
    const file = this.#state.get().files.find((f) => f.key === key);
    if (!file || (file.state !== 'failed' && file.state !== 'cancelled')) return;
    this.#startUpload(file.key, file.file);
  }

  /** Empties the draft and the files (after sending), cancelling running uploads. */
  clear(): void {
    for (const abort of this.#aborts.values()) abort.abort();
    this.#patch({ draft: '', files: [] });
    this.#touched = true;
    void this.flush();
    void this.#saveFiles();
  }

  /**
   * Sends the draft and the ready files through `desk.send`, clearing the composer first so a fast
   * second Enter cannot send twice; a refusal (DeskError) gives the text and files back.
   *
   * A reload at any moment keeps the text in exactly one place: the stored draft is deleted in the
   * same storage write that puts the message in the outbox, and the files only after that write.
   * Text typed since the last draft save is stored first, so it is never only on screen.
   */
  async send(
    send: (conversationId: string, text: string, attachments: readonly AttachmentRef[], options: SendOptions) => Promise<Message>,
  ): Promise<Message> {
    if (this.busy) throw new DeskError('invalid', 'Files are still uploading.');
    const { draft, files, replyTo } = this.#state.get();
    const unfilled = unfilledPlaceholders(draft);
    if (unfilled.length > 0) throw new DeskError('unfilled-placeholder', `Fill in {${unfilled.join('}, {')}} before sending.`);
    const attachments = this.attachments;
    const unsaved = this.#unsaved;
    this.#cancelDraftSave?.();
    this.#cancelDraftSave = undefined;
    this.stopTyping();
    this.#patch({ draft: '', files: files.filter((f) => f.state !== 'ready'), replyTo: undefined });
    this.#touched = this.#replyChosen = true;
    const stored = (): void => {
      void this.#saveDraft();
      void this.#saveFiles();
      void this.#saveReply();
    };
    try {
      if (unsaved) await this.#saveDraft(draft);
      return await send(this.conversationId, draft, attachments, { clearDraft: true, stored, ...(replyTo ? { replyTo } : {}) });
    } catch (error) {
      const now = this.#state.get();
      this.#patch({ draft: now.draft || draft, files: [...files.filter((f) => f.state === 'ready'), ...now.files], replyTo: now.replyTo ?? replyTo });
      void this.#saveDraft();
      void this.#saveFiles();
      throw error;
    }
  }

  /** Another tab sent this text: if it is this draft, it is gone here too, so it cannot go twice. */
  sentElsewhere(text: string): void {
    if (this.draft === text) {
      this.#patch({ draft: '' });
      void this.#saveDraft();
    }
  }

  stopTyping(): void {
    clearTimeout(this.#typingTimer);
    if (this.#typingSent) void this.#setTyping(false);
    this.#typingSent = false;
  }

  dispose(): void {
    this.#cancelDraftSave?.();
    clearTimeout(this.#typingTimer);
    for (const abort of this.#aborts.values()) abort.abort();
  }

  async #addFiles(all: File[], confirm: (accepted: readonly File[]) => boolean): Promise<AddFilesOutcome> {
    this.#ctx.conversation(this.conversationId);
    if (!this.#attachments.canUpload) throw new DeskError('unsupported', 'This transport cannot send files.');
    const verdicts = await this.#attachments.inspect(all);
    const accepted: File[] = [];
    const rejected: (FileVerdict & { ok: false })[] = [];
    const refusedFiles: PendingFile[] = [];
    verdicts.forEach((verdict, i) => {
      if (verdict.ok) accepted.push(all[i]!);
      else {
        rejected.push(verdict);
        refusedFiles.push({ key: nextKey++, file: all[i]!, state: 'rejected', sent: 0, verdict });
      }
    });
    if (refusedFiles.length > 0) this.#patch({ files: [...this.#state.get().files, ...refusedFiles] });
    const none = (vetoed: boolean): AddFilesOutcome => ({ accepted, rejected, vetoed, uploaded: Promise.resolve([]) });
    if (accepted.length === 0) return none(false);
    if (!confirm(accepted)) return none(true);
    const keys = accepted.map((file) => {
      const key = nextKey++;
      this.#patch({ files: [...this.#state.get().files, { key, file, state: 'uploading', sent: 0 }] });
      this.#startUpload(key, file);
      return key;
    });
    void this.#saveFiles();
    const uploaded = Promise.all(keys.map((k) => this.#uploads.get(k))).then((refs) =>
      refs.filter((ref): ref is AttachmentRef => ref !== undefined),
    );
    return { accepted, rejected, vetoed: false, uploaded };
  }

  #startUpload(key: number, file: File): void {
    const abort = new AbortController();
    this.#aborts.set(key, abort);
    this.#update(key, (f) => ({ key: f.key, file: f.file, state: 'uploading', sent: 0 }));
    const onProgress = (sent: number): void => {
      if (abort.signal.aborted) return;
      this.#update(key, (f) => (f.state === 'uploading' ? { ...f, sent: Math.max(0, Math.min(sent, file.size)) } : f));
    };
    const run = this.#attachments.upload(this.conversationId, file, { signal: abort.signal, onProgress }).then(
      (ref) => {
        // A transport may finish an upload it was asked to abort; the agent said no, so it is not attached.
        if (abort.signal.aborted) return undefined;
        this.#update(key, (f) => ({ ...f, state: 'ready', ref, sent: file.size }));
        void this.#saveFiles();
        return ref;
      },
      (error: unknown) => {
        if (abort.signal.aborted) return undefined;
        const code = (error as { code?: string })?.code ?? 'internal';
        const message = error instanceof Error ? error.message : String(error);
        this.#update(key, (f) => ({ ...f, state: 'failed', error: { code, message } }));
        return undefined;
      },
    );
    const tracked = run.finally(() => {
      if (this.#aborts.get(key) === abort) this.#aborts.delete(key);
      if (this.#uploads.get(key) === tracked) this.#uploads.delete(key);
    });
    this.#uploads.set(key, tracked);
    void this.#ctx.track(tracked);
  }

  #update(key: number, change: (file: PendingFile) => PendingFile): void {
    const files = this.#state.get().files;
    const index = files.findIndex((f) => f.key === key);
    if (index < 0) return;
    const next = files.slice();
    next[index] = change(files[index]!);
    this.#patch({ files: next });
  }

  #patch(part: Partial<ComposerState>): void {
    this.#state.set({ ...this.#state.get(), ...part });
  }

  #delay(ms: number, run: () => Promise<void>): () => void {
    let resolve!: () => void;
    void this.#ctx.track(new Promise<void>((r) => (resolve = r)));
    const timer = setTimeout(() => void run().finally(resolve), ms);
    return () => {
      clearTimeout(timer);
      resolve();
    };
  }

  #signalTyping(): void {
    if (!this.#typingSent) {
      this.#typingSent = true;
      void this.#setTyping(true);
    }
    clearTimeout(this.#typingTimer);
    this.#typingTimer = setTimeout(() => this.stopTyping(), TYPING_IDLE);
  }

  async #setTyping(on: boolean): Promise<void> {
    if (!this.#ctx.transport.capabilities.typing) return;
    try {
      await this.#ctx.transport.execute({ type: 'typing.set', conversationId: this.conversationId, on });
    } catch {
      // A lost typing indicator is harmless.
    }
  }

  async #saveDraft(text = this.draft): Promise<void> {
    this.#unsaved = false;
    const storage = await this.#ctx.storage;
    await this.#ctx.track(storage.setDraft(this.conversationId, text)).catch(() => undefined);
  }

  async #saveReply(): Promise<void> {
    const storage = await this.#ctx.storage;
    await this.#ctx.track(storage.setValue(`composer-reply:${this.conversationId}`, this.#state.get().replyTo ?? null)).catch(() => undefined);
  }

  /** Files survive a reload: ready ones with their upload, the rest are uploaded again. */
  async #saveFiles(): Promise<void> {
    const keep: StoredFile[] = this.#state
      .get()
      .files.filter((f) => f.state === 'uploading' || f.state === 'ready')
      .map((f) => ({ key: f.key, file: f.file, ...(f.ref ? { ref: f.ref } : {}) }));
    const storage = await this.#ctx.storage;
    await this.#ctx.track(storage.setValue(`composer-files:${this.conversationId}`, keep)).catch(() => undefined);
  }

  async #restore(): Promise<void> {
    const storage = await this.#ctx.storage;
    const [draft, stored, reply] = await Promise.all([
      storage.getDraft(this.conversationId).catch(() => undefined),
      storage.getValue<StoredFile[]>(`composer-files:${this.conversationId}`).catch(() => undefined),
      storage.getValue<string | null>(`composer-reply:${this.conversationId}`).catch(() => undefined),
    ]);
    const current = this.#state.get();
    // What the agent did meanwhile wins over what was stored.
    const files: PendingFile[] = [];
    const again: PendingFile[] = [];
    for (const s of stored ?? []) {
      if (!(s.file instanceof Blob)) continue;
      const key = nextKey++;
      if (s.ref) files.push({ key, file: s.file, state: 'ready', sent: s.file.size, ref: s.ref });
      else again.push({ key, file: s.file, state: 'cancelled', sent: 0 });
    }
    this.#state.set({
      draft: this.#touched ? current.draft : (draft ?? ''),
      files: [...files, ...again, ...current.files],
      replyTo: this.#replyChosen ? current.replyTo : typeof reply === 'string' ? reply : undefined,
      restored: true,
    });
    for (const f of again) if (this.#attachments.canUpload && this.#exists()) this.#startUpload(f.key, f.file);
  }

  #exists(): boolean {
    try {
      this.#ctx.conversation(this.conversationId);
      return true;
    } catch {
      return false;
    }
  }
}

/** The composers of every conversation, made on first use. */
export class ComposerSlice {
  readonly #ctx: SliceContext;
  readonly #attachments: AttachmentsSlice;
  #composers = new Map<string, Composer>();

  constructor(ctx: SliceContext, attachments: AttachmentsSlice) {
    this.#ctx = ctx;
    this.#attachments = attachments;
  }

  get(conversationId: string): Composer {
    let composer = this.#composers.get(conversationId);
    if (!composer) {
      composer = new Composer(this.#ctx, this.#attachments, conversationId);
      this.#composers.set(conversationId, composer);
    }
    return composer;
  }

  sentElsewhere(conversationId: string, text: string): void {
    this.#composers.get(conversationId)?.sentElsewhere(text);
  }

  dispose(): void {
    for (const composer of this.#composers.values()) composer.dispose();
  }
}
