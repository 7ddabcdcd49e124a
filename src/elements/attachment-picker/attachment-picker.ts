import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { FileVerdict } from '../../core/attachment-policy.js';
import type { Desk } from '../../core/desk/desk.js';
import { DeskError } from '../../core/errors.js';
import type { AttachmentRef } from '../../core/model.js';
import { StoreController } from '../../controllers/store-controller.js';
import { hostStyles } from '../../styles/tokens.js';
import { DeskElement } from '../desk-element.js';
import { CcAttachEvent, CcAttachmentsChangeEvent, CcFilesRejectedEvent } from '../events.js';
import { attachmentPickerStyles } from './attachment-picker.styles.js';

export type RejectedFile = FileVerdict & { ok: false };

/** What `addFiles()` did with a batch. */
export interface AddFilesResult {
  /** Files that passed the policy (uploading now, unless the `cc-attach` event was cancelled). */
  readonly accepted: readonly File[];
  /** Files the policy refused; none of them was uploaded. */
  readonly rejected: readonly RejectedFile[];
  /** The `cc-attach` event was cancelled: nothing was uploaded. */
  readonly vetoed: boolean;
  /**
   * Settles when every upload of this batch has ended; resolves with the ones that are ready to
   * send (failed and cancelled uploads are left out). Never rejects.
   */
  readonly uploaded: Promise<readonly AttachmentRef[]>;
}

/** Per-file state shown in the list. */
export type AttachmentItemState = 'rejected' | 'uploading' | 'ready' | 'failed' | 'cancelled';

interface Item {
  readonly key: number;
  readonly file: File;
  /** The file name made safe to display. */
  readonly label: string;
  state: AttachmentItemState;
  sent: number;
  verdict?: RejectedFile;
  ref?: AttachmentRef;
  error?: string;
  abort?: AbortController;
  done?: Promise<AttachmentRef | undefined>;
}

/**
 * C0 controls and bidirectional overrides would hide or reorder part of a name
 * ("invoice\u202Efdp.exe" reads as "invoiceexe.pdf"), so they are shown as U+FFFD.
 */
// eslint-disable-next-line no-control-regex
const HIDDEN_CHARACTERS = /[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

let nextKey = 1;

/**
 * Lets the agent pick, drop or paste files, checks every file against the desk's attachment
 * policy before anything is uploaded, then uploads the accepted ones with progress and cancel.
 * Inside `<cc-communication-panel>` the panel feeds it dropped and pasted files (`addFiles`),
 * opens the chooser from its menu (`open`), and reads `attachments` / calls `clear()` when sending.
 *
 * Hidden (`:state(unavailable)`) when there is no desk, no conversation, or the transport cannot upload.
 * A drop the picker takes has `defaultPrevented` set, so containers can skip it.
 *
 * @summary File chooser and drop zone with per-file policy checks, upload progress and cancel.
 * @tag cc-attachment-picker
 * @fires cc-files-rejected - Some files were refused by the policy (`CcFilesRejectedEvent`, not cancelable).
 * @fires cc-attach - Files passed the policy and are about to upload (`CcAttachEvent`); cancel to upload nothing.
 * @fires cc-attachments-change - The ready-to-send attachments changed (`CcAttachmentsChangeEvent`).
 * @csspart button - The "Choose files" button.
 * @csspart dropzone - The area with the button, the drop hint and the limits.
 * @csspart list - The list of files.
 * @csspart item - One file in the list.
 * @csspart progress - The upload progress bar of a file.
 * @csspart reason - Why a file was refused.
 * @cssprop --cc-color-accent - Choose button, drag highlight and progress.
 * @cssprop --cc-color-border - Drop zone and item borders.
 * @cssprop --cc-color-danger - Refused and failed files.
 * @cssprop --cc-color-success - Files ready to send.
 * @cssprop --cc-color-surface - Drop zone background.
 * @cssprop --cc-color-surface-2 - Item background and drag highlight.
 */
export class CcAttachmentPicker extends DeskElement {
  static override styles = [hostStyles, attachmentPickerStyles];

  #activeConversation = new StoreController<string | undefined>(this, undefined);

  /** The conversation files are uploaded to. Default: the desk's active conversation. */
  @property({ attribute: 'conversation-id' }) conversationId: string | undefined;

  /** Shows only the file list: no button, drop zone or limits (the host offers its own way to pick files). */
  @property({ type: Boolean, reflect: true }) compact = false;

  /** @internal */
  @state() private announcement = '';
  /** @internal */
  @state() private problem = '';

  /** @internal */
  @query('input[type="file"]') private input!: HTMLInputElement | null;

  #internals = this.attachInternals();
  #lists = new Map<string, Item[]>();
  #announcedThisUpdate = false;
  #focusAfterUpdate: number | 'choose' | undefined;

  constructor() {
    super();
    this.addEventListener('dragover', this.#onDragOver);
    this.addEventListener('dragleave', this.#onDragLeave);
    this.addEventListener('drop', this.#onDrop);
  }

  /** The uploaded files, ready to send with the next message. */
  get attachments(): AttachmentRef[] {
    return this.#items().flatMap((item) => (item.state === 'ready' && item.ref ? [item.ref] : []));
  }

  /** Whether any upload is still running. */
  #checking = new Set<Promise<unknown>>();

  get busy(): boolean {
    return this.#checking.size > 0 || this.#items().some((item) => item.state === 'uploading');
  }

  /** Whether files can be attached: a desk whose transport uploads, and a conversation. */
  get available(): boolean {
    return this.#unavailableReason() === undefined;
  }

  /**
   * Checks the files against the policy and their content against their extension, lists the refused ones with their reason, then (unless
   * `cc-attach` is cancelled) starts uploading the rest. Resolves once the checks are done and the
   * uploads have started; await `result.uploaded` or `settled()` for the uploads to finish.
   * Rejects with a `DeskError` when the picker is not `available`.
   */
  addFiles(files: Iterable<File>): Promise<AddFilesResult> {
    // Until the checks are done and the uploads started, settled() and busy account for these files.
    const work = this.#addFiles(files);
    this.#checking.add(work);
    const done = (): void => void this.#checking.delete(work);
    work.then(done, done);
    return work;
  }

  async #addFiles(files: Iterable<File>): Promise<AddFilesResult> {
    const unavailable = this.#unavailableReason();
    if (unavailable) throw unavailable;
    const desk = this.activeDesk!;
    const conversationId = this.#conversationId!;
    const all = [...files];
    // Policy first, then the content of what passed (a renamed executable is refused here).
    const verdicts = await desk.inspectFiles(all);
    const list = this.#list(conversationId);
    const accepted: File[] = [];
    const rejected: RejectedFile[] = [];
    verdicts.forEach((verdict, i) => {
      const file = all[i]!;
      if (verdict.ok) {
        accepted.push(file);
        return;
      }
      rejected.push(verdict);
      list.push({ ...this.#newItem(file), state: 'rejected', verdict });
    });
    this.problem = '';
    if (rejected.length > 0) {
      this.requestUpdate();
      this.#announce(this.localize.t.attachments.rejectedCount(rejected.length));
      const refused = new CcFilesRejectedEvent(rejected);
      this.dispatchEvent(refused);
    }
    const nothingUploaded = (vetoed: boolean): AddFilesResult => ({
      accepted,
      rejected,
      vetoed,
      uploaded: Promise.resolve([]),
    });
    if (accepted.length === 0) return nothingUploaded(false);
    const intent = new CcAttachEvent(accepted);
    this.dispatchEvent(intent);
    if (intent.defaultPrevented) return nothingUploaded(true);

    const items = accepted.map((file) => this.#newItem(file));
    list.push(...items);
    this.requestUpdate();
    for (const item of items) item.done = this.#upload(desk, conversationId, item);
    const uploaded = Promise.all(items.map((item) => item.done!)).then((refs) =>
      refs.filter((ref): ref is AttachmentRef => ref !== undefined),
    );
    return { accepted, rejected, vetoed: false, uploaded };
  }

  /** Resolves, with `attachments`, once no upload of the current conversation is running. */
  async settled(): Promise<AttachmentRef[]> {
    // Files still being checked have no item yet: wait for their checks first.
    while (this.#checking.size > 0) await Promise.all([...this.#checking]);
    await Promise.all(this.#items().map((item) => item.done));
    return this.attachments;
  }

  /** Opens the native file chooser. Needs a user gesture; returns false when the picker is not available. */
  open(): boolean {
    if (!this.available || !this.input) return false;
    this.input.click();
    return true;
  }

  /** Empties the list of the current conversation (e.g. after sending), cancelling running uploads. */
  clear(): void {
    const id = this.#conversationId;
    if (id === undefined) return;
    for (const item of this.#lists.get(id) ?? []) item.abort?.abort();
    this.#lists.delete(id);
    this.requestUpdate();
  }

  protected override deskChanged(desk: Desk | undefined): void {
    this.#activeConversation.set(desk?.$activeConversationId);
    // Uploads belong to the desk they were started on.
    for (const list of this.#lists.values()) for (const item of list) item.abort?.abort();
    this.#lists.clear();
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const states = this.#internals.states;
    if (this.available) states.delete('unavailable');
    else states.add('unavailable');
  }

  protected override updated(): void {
    this.#announcedThisUpdate = false;
    const target = this.#focusAfterUpdate;
    if (target === undefined) return;
    this.#focusAfterUpdate = undefined;
    const next =
      target === 'choose'
        ? this.renderRoot.querySelector<HTMLElement>('[part="button"]')
        : this.renderRoot.querySelector<HTMLElement>(`li[data-key="${target}"] button`);
    next?.focus();
  }

  get #conversationId(): string | undefined {
    return this.conversationId || this.#activeConversation.value;
  }

  #unavailableReason(): DeskError | undefined {
    const desk = this.activeDesk;
    if (!desk) {
      return new DeskError(
        'unsupported',
        'cc-attachment-picker has no desk: place it inside <cc-agent-desk>, name one with desk-id="id", or set .desk.',
      );
    }
    if (!desk.capabilities.upload || typeof desk.transport.upload !== 'function') {
      return new DeskError('unsupported', 'This transport cannot send files (capabilities.upload is false).');
    }
    if (this.#conversationId === undefined) {
      return new DeskError(
        'unknown-conversation',
        'cc-attachment-picker has no conversation: set conversation-id or open a conversation on the desk.',
      );
    }
    return undefined;
  }

  #items(): Item[] {
    const id = this.#conversationId;
    return id === undefined ? [] : (this.#lists.get(id) ?? []);
  }

  #list(conversationId: string): Item[] {
    let list = this.#lists.get(conversationId);
    if (!list) {
      list = [];
      this.#lists.set(conversationId, list);
    }
    return list;
  }

  #newItem(file: File): Item {
    const label = file.name.replace(HIDDEN_CHARACTERS, '\uFFFD').trim() || this.localize.t.attachments.unnamed;
    return { key: nextKey++, file, label, state: 'uploading', sent: 0 };
  }

  async #upload(desk: Desk, conversationId: string, item: Item): Promise<AttachmentRef | undefined> {
    const abort = new AbortController();
    item.abort = abort;
    const onProgress = (sent: number): void => {
      if (item.state !== 'uploading') return;
      item.sent = Math.max(0, Math.min(sent, item.file.size));
      this.requestUpdate();
    };
    try {
      const ref = await desk.upload(conversationId, item.file, { signal: abort.signal, onProgress });
      // A transport may finish an upload it was asked to abort; the agent said no, so it is not attached.
      if (abort.signal.aborted) return undefined;
      item.state = 'ready';
      item.ref = ref;
      item.sent = item.file.size;
      this.requestUpdate();
      if (conversationId === this.#conversationId) {
        this.#announce(this.localize.t.attachments.uploaded(item.label));
        this.#attachmentsChanged();
      }
      return ref;
    } catch (error) {
      if (abort.signal.aborted) return undefined;
      item.state = 'failed';
      item.error = error instanceof Error ? error.message : String(error);
      this.requestUpdate();
      if (conversationId === this.#conversationId) this.#announce(this.localize.t.attachments.failed(item.label));
      return undefined;
    } finally {
      item.abort = undefined;
    }
  }

  /** One polite message per update: several in the same update are read together. */
  #announce(text: string): void {
    let next = this.#announcedThisUpdate ? `${this.announcement} ${text}` : text;
    // An unchanged live region is not read again; a trailing no-break space makes it change.
    if (next === this.announcement) next += '\u00A0';
    this.announcement = next;
    this.#announcedThisUpdate = true;
  }

  readonly #onChoose = (): void => {
    this.open();
  };

  readonly #onInputChange = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    // Lets the agent pick the same file again after removing it.
    input.value = '';
    if (files.length > 0) this.#addFromUser(files);
  };

  #addFromUser(files: File[]): void {
    this.addFiles(files).catch((error: unknown) => {
      this.problem = error instanceof Error ? error.message : String(error);
    });
  }

  #onItemButton(item: Item): void {
    if (item.state === 'uploading') {
      item.state = 'cancelled';
      item.abort?.abort();
      this.requestUpdate();
      this.#announce(this.localize.t.attachments.cancelled(item.label));
      return;
    }
    const list = this.#items();
    const index = list.indexOf(item);
    if (index < 0) return;
    list.splice(index, 1);
    const neighbour = list[index] ?? list[index - 1];
    this.#focusAfterUpdate = neighbour ? neighbour.key : 'choose';
    this.requestUpdate();
    if (item.state === 'ready') this.#attachmentsChanged();
  }

  #attachmentsChanged(): void {
    const change = new CcAttachmentsChangeEvent(this.attachments);
    this.dispatchEvent(change);
  }

  #hasFiles(event: DragEvent): boolean {
    return this.available && (event.dataTransfer?.types.includes('Files') ?? false);
  }

  #setDragging(on: boolean): void {
    if (on) this.#internals.states.add('dragging');
    else this.#internals.states.delete('dragging');
  }

  readonly #onDragOver = (event: DragEvent): void => {
    if (!this.#hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer!.dropEffect = 'copy';
    this.#setDragging(true);
  };

  readonly #onDragLeave = (event: DragEvent): void => {
    const to = event.relatedTarget as Node | null;
    if (to && (this.contains(to) || this.renderRoot.contains(to))) return;
    this.#setDragging(false);
  };

  readonly #onDrop = (event: DragEvent): void => {
    this.#setDragging(false);
    if (!this.#hasFiles(event)) return;
    event.preventDefault();
    const files = [...(event.dataTransfer?.files ?? [])];
    if (files.length > 0) this.#addFromUser(files);
  };

  protected override render(): TemplateResult {
    if (!this.available) return this.renderLiveRegion();
    return html`${this.renderDropzone()}
      <ul part="list" aria-label=${this.localize.t.attachments.label}>${repeat(
        this.#items(),
        (item) => item.key,
        (item) => this.renderItem(item),
      )}</ul>
      ${this.renderLiveRegion()}`;
  }

  private renderDropzone(): TemplateResult {
    const t = this.localize.t.attachments;
    const { maxBytes, allow } = this.activeDesk!.policy;
    const limits =
      allow.length > 0 ? t.limits(t.size(maxBytes), allow.map((ext) => `.${ext}`).join(', ')) : t.limitsAnyType(t.size(maxBytes));
    const input = html`<input
      type="file"
      multiple
      hidden
      tabindex="-1"
      accept=${allow.length > 0 ? allow.map((ext) => `.${ext}`).join(',') : nothing}
      @change=${this.#onInputChange}
    />`;
    // Compact (inside the panel): the panel's "…" menu, drag & drop and paste bring the files in.
    if (this.compact) {
      return html`${input}${this.problem ? html`<p class="limits error">${this.problem}</p>` : nothing}`;
    }
    return html`<div part="dropzone" class="dropzone">
      <button part="button" type="button" class="primary" aria-describedby="limits" @click=${this.#onChoose}>
        ${t.choose}
      </button>
      <span class="hint">${t.drop}</span>
      <p class="limits" id="limits">${limits}</p>
      ${this.problem ? html`<p class="limits error">${this.problem}</p>` : nothing} ${input}
    </div>`;
  }

  private renderItem(item: Item): TemplateResult {
    const t = this.localize.t.attachments;
    const uploading = item.state === 'uploading';
    // The button element is the same in every state, so focus stays on it when Cancel becomes Remove.
    return html`<li part="item" data-key=${item.key} data-state=${item.state}>
      <span class="status" id="status-${item.key}">${this.renderStatus(item)}</span>
      ${uploading
        ? html`<progress
            part="progress"
            max=${Math.max(item.file.size, 1)}
            .value=${item.sent}
            aria-labelledby="status-${item.key}"
          ></progress>`
        : nothing}
      <button type="button" aria-label=${uploading ? t.cancel(item.label) : t.remove(item.label)} @click=${() => this.#onItemButton(item)}>
        ${uploading ? t.cancelButton : t.removeButton}
      </button>
    </li>`;
  }

  private renderStatus(item: Item): TemplateResult | string {
    const t = this.localize.t.attachments;
    switch (item.state) {
      case 'rejected': {
        const verdict = item.verdict!;
        const detail =
          verdict.reason === 'too-large'
            ? t.size(verdict.limit ?? this.activeDesk?.policy.maxBytes ?? 0)
            : verdict.reason === 'type-mismatch'
              ? (verdict.detected ?? '?').toUpperCase()
              : (verdict.extension ?? '');
        return html`<span part="reason" class="reason">${t.reasons[verdict.reason](item.label, detail)}</span>`;
      }
      case 'uploading': {
        const percent = item.file.size > 0 ? Math.floor((item.sent / item.file.size) * 100) : 0;
        return html`${t.uploading(item.label, percent)} <span class="detail">${t.size(item.file.size)}</span>`;
      }
      case 'ready':
        return html`<span class="ready">${t.uploaded(item.label)}</span> <span class="detail">${t.size(item.file.size)}</span>`;
      case 'failed':
        return html`<span class="error">${t.failed(item.label)}</span> <span class="detail">${item.error}</span>`;
      case 'cancelled':
        return t.cancelled(item.label);
    }
  }

  private renderLiveRegion(): TemplateResult {
    return html`<div role="status" class="visually-hidden">${this.announcement}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cc-attachment-picker': CcAttachmentPicker;
  }
}
