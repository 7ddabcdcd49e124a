import { html, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { FileVerdict } from '../../core/attachment-policy.js';
import type { Composer, ComposerState, PendingFile, PendingFileState } from '../../core/desk/desk.js';
import { DeskError } from '../../core/errors.js';
import type { AttachmentRef } from '../../core/model.js';
import { visibleText } from '../../core/visible-text.js';
import { ConversationController } from '../../controllers/conversation-controller.js';
import { StoreController } from '../../controllers/store-controller.js';
import { errorText } from '../../i18n/index.js';
import { attachmentsStrings } from '../../i18n/en/attachments.js';
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
export type AttachmentItemState = PendingFileState;

const NO_FILES: ComposerState = { draft: '', files: [], restored: false };

/** A name longer than this shows its start and its end (the extension), the whole of it in a tooltip. */
const SHOWN_NAME = 60;

function shortName(name: string): string {
  const chars = [...name];
  return chars.length <= SHOWN_NAME ? name : `${chars.slice(0, SHOWN_NAME - 20).join('')}…${chars.slice(-19).join('')}`;
}

const readyRefs = (files: readonly PendingFile[]): AttachmentRef[] =>
  files.flatMap((f) => (f.state === 'ready' && f.ref ? [f.ref] : []));

const sameRefs = (a: readonly AttachmentRef[], b: readonly AttachmentRef[]): boolean =>
  a.length === b.length && a.every((ref, i) => ref === b[i]);

/** What the last update showed: the base for announcements and `cc-attachments-change`. */
interface Shown {
  readonly composer: Composer | undefined;
  readonly restored: boolean;
  readonly states: ReadonlyMap<number, PendingFileState>;
  readonly attachments: readonly AttachmentRef[];
}

/**
 * Lets the agent pick, drop or paste files, checks every file against the desk's attachment
 * policy before anything is uploaded, then uploads the accepted ones with progress and cancel.
 * The files, their uploads and progress live in the desk (`desk.composer(id)`), per conversation:
 * another view of the same conversation shows the same files, and they survive switching
 * conversations and a reload. Inside `<cc-communication-panel>` the panel feeds it dropped and
 * pasted files (`addFiles`) and opens the chooser from its menu (`open`).
 *
 * Hidden (`:state(unavailable)`) when there is no desk, no conversation, or the transport cannot upload.
 * A drop the picker takes has `defaultPrevented` set, so containers can skip it.
 *
 * @summary File chooser and drop zone with per-file policy checks, upload progress and cancel.
 * @tag cc-attachment-picker
 * @fires cc-files-rejected - Some files were refused by the policy (`CcFilesRejectedEvent`, not cancelable).
 * @fires cc-attach - Files passed the policy and are about to upload (`CcAttachEvent`); cancel to upload nothing.
 * @fires cc-attachments-change - The ready-to-send attachments of the conversation shown changed: an upload finished, a file was removed, or the message went out (`CcAttachmentsChangeEvent`). Not fired when another conversation is shown.
 * @cssstate unavailable - No desk, no conversation, or the transport cannot upload (hidden by default).
 * @cssstate dragging - Files are being dragged over the element.
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
 * @cssprop --cc-color-text - Text.
 * @cssprop --cc-color-text-muted - Secondary text: times, hints, counts.
 * @cssprop --cc-color-on-accent - Text on the accent colour.
 * @cssprop --cc-color-focus - The focus ring.
 * @cssprop --cc-color-warning - Warnings.
 * @cssprop --cc-font-family - Font family.
 * @cssprop --cc-font-size - Base font size (default 14px).
 * @cssprop --cc-space-1 - Spacing step 1 (default 4px).
 * @cssprop --cc-space-2 - Spacing step 2 (default 8px); the base step unless `--cc-space` is set.
 * @cssprop --cc-space-3 - Spacing step 3 (default 12px).
 * @cssprop --cc-space-4 - Spacing step 4 (default 16px).
 * @cssprop --cc-space - The base spacing step every gap and padding is a multiple of (default `--cc-space-2`).
 * @cssprop --cc-radius-1 - Small radius (default 4px).
 * @cssprop --cc-radius-2 - Medium radius (default 8px); buttons, fields and cards unless `--cc-radius` is set.
 * @cssprop --cc-radius-3 - Large radius (default 12px): message bubbles.
 * @cssprop --cc-radius - The base radius of buttons, fields and cards (default `--cc-radius-2`).
 */
export class CcAttachmentPicker extends DeskElement {
  static override styles = [hostStyles, attachmentPickerStyles];

  /** @internal */
  protected static override strings = [attachmentsStrings];

  /** @internal */
  private readonly shown = new ConversationController(this, () => this.composerState.set(this.#composer?.$state));
  /** @internal */
  private readonly composerState = new StoreController<ComposerState>(this, NO_FILES);

  /** The conversation files are uploaded to. Default: the desk's active conversation. */
  @property({ attribute: 'conversation-id' }) conversationId: string | undefined;

  /** Shows only the file list: no button, drop zone or limits (the host offers its own way to pick files). */
  @property({ type: Boolean, reflect: true }) compact = false;

  /** @internal */
  @state() private announcement = '';
  /** @internal What went wrong adding files; shown translated by its code. */
  @state() private problem: { error: unknown } | undefined;

  /** @internal */
  @query('input[type="file"]') private input!: HTMLInputElement | null;

  #internals = this.attachInternals();
  #announcedThisUpdate = false;
  #focusAfterUpdate: number | 'choose' | undefined;
  /** Files added through this element: only their outcome is announced here, so a second view stays quiet. */
  #mine = new WeakSet<File>();
  #last: Shown = { composer: undefined, restored: false, states: new Map(), attachments: [] };

  constructor() {
    super();
    this.addEventListener('dragover', this.#onDragOver);
    this.addEventListener('dragleave', this.#onDragLeave);
    this.addEventListener('drop', this.#onDrop);
  }

  /** The uploaded files, ready to send with the next message. */
  get attachments(): AttachmentRef[] {
    return this.#composer?.attachments ?? [];
  }

  /** Whether files are still being checked or uploaded. */
  get busy(): boolean {
    return this.#composer?.busy ?? false;
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
    const unavailable = this.#unavailableReason();
    if (unavailable) return Promise.reject(unavailable);
    const confirm = (accepted: readonly File[]): boolean => {
      const intent = new CcAttachEvent(accepted);
      this.dispatchEvent(intent);
      if (intent.defaultPrevented) return false;
      for (const file of accepted) this.#mine.add(file);
      return true;
    };
    return this.#composer!.addFiles(files, confirm).then((outcome) => {
      this.problem = undefined;
      if (outcome.rejected.length > 0) {
        this.#announce(this.localize.t.attachments.rejectedCount(outcome.rejected.length));
        this.dispatchEvent(new CcFilesRejectedEvent(outcome.rejected));
      }
      return outcome;
    });
  }

  /** Resolves, with `attachments`, once no check or upload of the current conversation is running. */
  async settled(): Promise<AttachmentRef[]> {
    return (await this.#composer?.settled()) ?? [];
  }

  /** Opens the native file chooser. Needs a user gesture; returns false when the picker is not available. */
  open(): boolean {
    if (!this.available || !this.input) return false;
    this.input.click();
    return true;
  }

  /** Empties the list of the current conversation, cancelling running uploads. The draft stays. */
  clear(): void {
    const composer = this.#composer;
    if (!composer) return;
    for (const file of composer.$state.get().files) composer.remove(file.key);
  }

  /** @internal */
  protected override deskChanged(): void {
    // The conversation controller follows the desk and points `composerState` at its composer.
  }

  protected override willUpdate(): void {
    // Syncs the conversation shown (and its composer store) before comparing with the last update.
    void this.shown.id;
    const states = this.#internals.states;
    if (this.available) states.delete('unavailable');
    else states.add('unavailable');
    this.#noteChanges();
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

  get #composer(): Composer | undefined {
    const desk = this.activeDesk;
    const id = this.shown.id;
    return desk && id !== undefined ? desk.composer(id) : undefined;
  }

  /**
   * Announces how this element's uploads ended and reports changed attachments. A new
   * conversation shown, or files read back after a reload, are a new starting point, not a change.
   */
  #noteChanges(): void {
    const composer = this.#composer;
    const { files, restored } = this.composerState.value;
    const attachments = readyRefs(files);
    const last = this.#last;
    this.#last = { composer, restored, states: new Map(files.map((f) => [f.key, f.state])), attachments };
    if (composer !== last.composer || restored !== last.restored) return;
    const t = this.localize.t.attachments;
    for (const file of files) {
      const before = last.states.get(file.key);
      if (before === file.state || !this.#mine.has(file.file)) continue;
      if (file.state === 'ready') this.#announce(t.uploaded(this.#label(file.file)));
      else if (file.state === 'failed') this.#announce(t.failed(this.#label(file.file)));
    }
    if (!sameRefs(attachments, last.attachments)) this.dispatchEvent(new CcAttachmentsChangeEvent(attachments));
  }

  #unavailableReason(): DeskError | undefined {
    const desk = this.activeDesk;
    if (!desk) {
      return new DeskError(
        'unsupported',
        'cc-attachment-picker has no desk: place it inside <cc-agent-desk>, name one with desk-id="id", or set .desk.',
      );
    }
    if (!desk.capabilities.upload) {
      return new DeskError('unsupported', 'This transport cannot send files (capabilities.upload is false).');
    }
    if (this.shown.id === undefined) {
      return new DeskError(
        'unknown-conversation',
        'cc-attachment-picker has no conversation: set conversation-id or open a conversation on the desk.',
      );
    }
    return undefined;
  }

  /** The file name made safe to display. */
  #label(file: File): string {
    return visibleText(file.name).trim() || this.localize.t.attachments.unnamed;
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
      this.problem = { error };
    });
  }

  #onItemButton(file: PendingFile): void {
    const composer = this.#composer;
    if (!composer) return;
    if (file.state === 'uploading') {
      composer.cancel(file.key);
      this.#announce(this.localize.t.attachments.cancelled(this.#label(file.file)));
      return;
    }
    const files = this.composerState.value.files;
    const index = files.findIndex((f) => f.key === file.key);
    if (index < 0) return;
    const neighbour = files[index + 1] ?? files[index - 1];
    this.#focusAfterUpdate = neighbour ? neighbour.key : 'choose';
    composer.remove(file.key);
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
        this.composerState.value.files,
        (file) => file.key,
        (file) => this.renderItem(file),
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
      return html`${input}${this.renderProblem()}`;
    }
    return html`<div part="dropzone" class="dropzone">
      <button part="button" type="button" class="primary" aria-describedby="limits" @click=${this.#onChoose}>
        ${t.choose}
      </button>
      <span class="hint">${t.drop}</span>
      <p class="limits" id="limits">${limits}</p>
      ${this.renderProblem()} ${input}
    </div>`;
  }

  private renderProblem(): TemplateResult | typeof nothing {
    return this.problem ? html`<p class="limits error">${errorText(this.localize.t, this.problem.error)}</p>` : nothing;
  }

  private renderItem(item: PendingFile): TemplateResult {
    const t = this.localize.t.attachments;
    const label = this.#label(item.file);
    const uploading = item.state === 'uploading';
    // The button element is the same in every state, so focus stays on it when Cancel becomes Remove.
    const shown = shortName(label);
    // A very long name is cut on screen; screen readers, the tooltip and the button still get all of it.
    const status =
      shown === label
        ? this.renderStatus(item, label)
        : html`<span aria-hidden="true" title=${label}>${this.renderStatus(item, shown)}</span
            ><span class="visually-hidden">${this.renderStatus(item, label)}</span>`;
    return html`<li part="item" data-key=${item.key} data-state=${item.state}>
      <span class="status" id="status-${item.key}">${status}</span>
      ${uploading
        ? html`<progress
            part="progress"
            max=${Math.max(item.file.size, 1)}
            .value=${item.sent}
            aria-labelledby="status-${item.key}"
          ></progress>`
        : nothing}
      <button type="button" aria-label=${uploading ? t.cancel(label) : t.remove(label)} @click=${() => this.#onItemButton(item)}>
        ${uploading ? t.cancelButton : t.removeButton}
      </button>
    </li>`;
  }

  private renderStatus(item: PendingFile, label: string): TemplateResult | string {
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
        return html`<span part="reason" class="reason">${t.reasons[verdict.reason](label, detail)}</span>`;
      }
      case 'uploading': {
        const percent = item.file.size > 0 ? Math.floor((item.sent / item.file.size) * 100) : 0;
        return html`${t.uploading(label, percent)} <span class="detail">${t.size(item.file.size)}</span>`;
      }
      case 'ready':
        return html`<span class="ready">${t.uploaded(label)}</span> <span class="detail">${t.size(item.file.size)}</span>`;
      case 'failed':
        return html`<span class="error">${t.failed(label)}</span>
          ${item.error ? html`<span class="detail">${errorText(this.localize.t, item.error)}</span>` : nothing}`;
      case 'cancelled':
        return t.cancelled(label);
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
