import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { NotesStatus } from '../../core/desk/desk.js';
import { DeskError } from '../../core/errors.js';
import { MAX_NOTE_LENGTH, type Note, type RecordRef } from '../../core/records.js';
import { ConversationController } from '../../controllers/conversation-controller.js';
import { StoreController } from '../../controllers/store-controller.js';
import { notesStrings } from '../../i18n/en/notes.js';
import { hostStyles, textareaStyles } from '../../styles/tokens.js';
import { DeskElement } from '../desk-element.js';
import { CcAddNoteEvent } from '../events.js';
import { conversationNotesStyles } from './conversation-notes.styles.js';

/**
 * Notes on a conversation (F10). They are saved to the record linked to the conversation: the
 * linked case, else the linked contact or account, and the element says which. With nothing
 * linked the agent can still write (the draft is kept) but "Add note" stays disabled, with the
 * reason read by screen readers. Drafts are kept per conversation by the desk (IndexedDB), so they
 * survive a reload. Notes are listed newest first, under the note field.
 *
 * Follows the desk's active conversation unless `conversation-id` is set. When the transport has
 * no notes (`capabilities.notes` is false) only a short "Notes are not available" message is
 * shown, and the host gets `:state(unavailable)` to hide the element if it prefers.
 *
 * @summary Lists a conversation's notes and adds new ones to the linked case or contact.
 * @tag cc-conversation-notes
 * @fires cc-add-note - Before a note is saved (`CcAddNoteEvent`, cancelable: nothing is sent and the text stays).
 * @cssstate unavailable - The transport has no notes (`capabilities.notes` is false).
 * @cssstate no-link - The conversation has no linked case, contact or account, so notes cannot be added.
 * @csspart message - A short status text: not available, no conversation, nothing linked, loading, no notes.
 * @csspart composer - The note field with its label, target, counter and Add button.
 * @csspart target - "Saved to case …": where new notes go.
 * @csspart textarea - The note field.
 * @csspart counter - The character counter.
 * @csspart add-button - The "Add note" button.
 * @csspart error - A failure to load or save (`role="alert"`).
 * @csspart retry-button - Loads the notes again after a failure.
 * @csspart list - The list of notes, newest first.
 * @csspart note - One note.
 * @csspart note-meta - Author and time of a note.
 * @csspart note-text - The text of a note, line breaks kept.
 * @cssprop --cc-color-accent - The Add button.
 * @cssprop --cc-color-border - Note and field borders.
 * @cssprop --cc-color-danger - Errors and the over-limit counter.
 * @cssprop --cc-color-warning - Edge of the "link a record first" message.
 * @cssprop --cc-color-surface - Note and field background.
 * @cssprop --cc-color-surface-2 - Status message background.
 * @cssprop --cc-color-text-muted - Times, counter, hints.
 * @cssprop --cc-space - Spacing unit.
 * @cssprop --cc-radius - Corner radius.
 * @cssprop --cc-color-text - Text.
 * @cssprop --cc-color-on-accent - Text on the accent colour.
 * @cssprop --cc-color-focus - The focus ring.
 * @cssprop --cc-color-success - Success and confirmation.
 * @cssprop --cc-font-family - Font family.
 * @cssprop --cc-font-size - Base font size (default 14px).
 * @cssprop --cc-space-1 - Spacing step 1 (default 4px).
 * @cssprop --cc-space-2 - Spacing step 2 (default 8px); the base step unless `--cc-space` is set.
 * @cssprop --cc-space-3 - Spacing step 3 (default 12px).
 * @cssprop --cc-space-4 - Spacing step 4 (default 16px).
 * @cssprop --cc-radius-1 - Small radius (default 4px).
 * @cssprop --cc-radius-2 - Medium radius (default 8px); buttons, fields and cards unless `--cc-radius` is set.
 * @cssprop --cc-radius-3 - Large radius (default 12px): message bubbles.
 */
export class CcConversationNotes extends DeskElement {
  static override styles = [hostStyles, textareaStyles, conversationNotesStyles];

  /** @internal */
  protected static override strings = [notesStrings];

  /** @internal */
  private readonly conversation = new ConversationController(this, () => {
    // Errors and the busy state belong to the conversation they were about.
    this.saveError = '';
    this.saving = false;
  });
  /** @internal */
  private readonly draftStore = new StoreController<string>(this, '');
  /** @internal */
  private readonly noteList = new StoreController<readonly Note[]>(this, []);
  /** @internal */
  private readonly loadStatus = new StoreController<NotesStatus>(this, 'idle');

  /** Show the notes of this conversation instead of the desk's active one. */
  @property({ attribute: 'conversation-id' }) conversationId: string | undefined;

  /** @internal */
  @state() private saving = false;
  /** @internal */
  @state() private saveError = '';
  /** @internal */
  @state() private announcement = '';

  /** @internal */
  @query('textarea') private textarea?: HTMLTextAreaElement;

  #internals = this.attachInternals();
  #targetKey: string | undefined;
  #focusField = false;

  /** The conversation whose notes are shown (none when the transport has no notes). */
  get #id(): string | undefined {
    return this.activeDesk?.capabilities.notes ? this.conversation.id : undefined;
  }

  /** The note being written: kept by the desk per conversation, so every view of it shows the same text. */
  get #draft(): string {
    return this.draftStore.value;
  }

  /** Where a new note would be saved now, if anywhere. */
  get noteTarget(): RecordRef | undefined {
    const desk = this.activeDesk;
    const id = this.#id;
    return desk && id ? desk.noteTarget(id) : undefined;
  }

  /** Focuses the note field. */
  override focus(options?: FocusOptions): void {
    if (this.textarea) this.textarea.focus(options);
    else super.focus(options);
  }

  protected override deskChanged(): void {
    // The conversation controller follows the desk; the stores below are re-pointed in willUpdate.
    this.#targetKey = undefined;
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const desk = this.activeDesk;
    const id = this.#id;
    this.draftStore.set(desk && id ? desk.noteDraft(id) : undefined);
    // Links change through conversation updates, so the target is re-read whenever they do.
    const target = desk && id ? desk.noteTarget(id) : undefined;
    const key = target ? `${target.kind}:${target.id}` : undefined;
    if (key !== this.#targetKey) {
      this.#targetKey = key;
      this.noteList.set(desk && target ? desk.notes(target) : undefined);
      this.loadStatus.set(desk && target ? desk.notesStatus(target) : undefined);
      // Shown anew: fetch the latest, unless another view of the same record is fetching them already.
      if (desk && target && desk.notesStatus(target).get() !== 'loading') void desk.loadNotes(target).catch(() => undefined);
    }
    const states = this.#internals.states;
    if (desk && !desk.capabilities.notes) states.add('unavailable');
    else states.delete('unavailable');
    if (id && !target) states.add('no-link');
    else states.delete('no-link');
  }

  protected override updated(): void {
    if (this.#focusField) {
      this.#focusField = false;
      this.textarea?.focus();
    }
  }

  readonly #onRetry = (): void => {
    const desk = this.activeDesk;
    const target = this.noteTarget;
    if (!desk || !target) return;
    // The Retry button goes away while loading; the note field is the nearest sensible place for focus.
    this.#focusField = true;
    void desk.loadNotes(target).catch(() => undefined);
  };

  readonly #onInput = (event: Event): void => {
    const desk = this.activeDesk;
    const id = this.#id;
    if (!desk || !id) return;
    this.saveError = '';
    desk.setNoteDraft(id, (event.target as HTMLTextAreaElement).value);
  };

  readonly #onKeyDown = (event: KeyboardEvent): void => {
    // Plain Enter is a new line in a note; Ctrl/Cmd+Enter saves.
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.isComposing) {
      event.preventDefault();
      void this.save();
    }
  };

  /** Why the note cannot be saved now: the id of the text that explains it, or undefined when it can. */
  #blocker(target: RecordRef | undefined): 'no-link' | 'counter' | 'empty' | 'saving' | undefined {
    if (!target) return 'no-link';
    if (this.#draft.length > MAX_NOTE_LENGTH) return 'counter';
    if (!this.#draft.trim()) return 'empty';
    if (this.saving) return 'saving';
    return undefined;
  }

  /**
   * Saves the note field as a note, as the Add note button does: fires `cc-add-note`, then (unless
   * it was cancelled) adds the note to the linked record. Does nothing when there is nothing to save
   * or nowhere to save it. Failures are shown, never thrown.
   */
  async save(): Promise<void> {
    const desk = this.activeDesk;
    const id = this.#id;
    const target = this.noteTarget;
    if (!desk || !id || !target || this.#blocker(target)) return;
    const typed = this.#draft;
    const text = typed.trim();
    const intent = new CcAddNoteEvent(id, target, text);
    this.dispatchEvent(intent);
    if (intent.defaultPrevented) return;
    const stillShown = (): boolean => this.activeDesk === desk && this.#id === id;
    this.saving = true;
    this.saveError = '';
    try {
      await desk.addNote(id, text);
      // Cleared wherever the draft is shown, unless it was edited while saving.
      if (desk.noteDraft(id).get() === typed) desk.setNoteDraft(id, '');
      if (stillShown()) this.#announce(this.localize.t.notes.saved);
    } catch (error) {
      if (stillShown()) {
        const t = this.localize.t.notes;
        this.saveError = error instanceof DeskError && error.code === 'no-link' ? t.noLink : t.saveFailed;
      }
    } finally {
      if (stillShown()) this.saving = false;
    }
  }

  #announce(text: string): void {
    // An unchanged live region is not read again; a trailing no-break space makes it change.
    this.announcement = text === this.announcement ? `${text}\u00A0` : text;
  }

  readonly #onAdd = (): void => {
    void this.save();
  };

  protected override render(): TemplateResult | typeof nothing {
    const desk = this.activeDesk;
    if (!desk) return nothing;
    const t = this.localize.t.notes;
    if (!desk.capabilities.notes) return html`<p part="message" class="message">${t.unavailable}</p>`;
    if (!this.#id) return html`<p part="message" class="message">${t.noConversation}</p>`;
    const target = this.noteTarget;
    return html`${this.renderComposer(target)} ${target ? this.renderNotes() : nothing}
      <div role="status" class="visually-hidden">${this.announcement}</div>`;
  }

  private renderComposer(target: RecordRef | undefined): TemplateResult {
    const t = this.localize.t.notes;
    const length = this.#draft.length;
    const over = length - MAX_NOTE_LENGTH;
    const blocker = this.#blocker(target);
    const where = target ? 'target' : 'no-link';
    return html`<div class="composer" part="composer">
      ${target ? nothing : html`<p part="message" class="message no-link" id="no-link">${t.noLink}</p>`}
      <label for="note">${t.label}</label>
      ${target ? html`<p part="target" class="target" id="target">${t.savedTo[target.kind](target.title)}</p>` : nothing}
      <textarea
        id="note"
        part="textarea"
        rows="3"
        .value=${this.#draft}
        aria-describedby="${where} hint counter"
        aria-invalid=${over > 0 ? 'true' : 'false'}
        @input=${this.#onInput}
        @keydown=${this.#onKeyDown}
      ></textarea>
      <div class="footer">
        <span class="hint" id="hint">${t.hint}</span>
        <span part="counter" id="counter" class="counter ${over > 0 ? 'over' : ''}">
          ${t.counter(length, MAX_NOTE_LENGTH)}${over > 0 ? html` · <span role="alert">${t.tooLong(over)}</span>` : nothing}
        </span>
        <button
          type="button"
          part="add-button"
          class="primary"
          aria-disabled=${blocker ? 'true' : 'false'}
          aria-describedby=${blocker === 'no-link' || blocker === 'counter' ? blocker : nothing}
          @click=${this.#onAdd}
        >
          ${this.saving ? t.saving : t.add}
        </button>
      </div>
      ${this.saveError ? html`<p part="error" class="alert error" role="alert">${this.saveError}</p>` : nothing}
    </div>`;
  }

  private renderNotes(): TemplateResult {
    const t = this.localize.t.notes;
    const notes = this.noteList.value;
    const loadError =
      this.loadStatus.value === 'error'
        ? html`<div class="load-error">
            <p part="error" class="alert error" role="alert">${t.loadFailed}</p>
            <button type="button" part="retry-button" @click=${this.#onRetry}>${t.retry}</button>
          </div>`
        : nothing;
    if (notes.length === 0) {
      if (this.loadStatus.value === 'error') return loadError as TemplateResult;
      const text = this.loadStatus.value === 'loaded' ? t.empty : t.loading;
      return html`<p part="message" class="message list-status">${text}</p>`;
    }
    // The desk keeps notes oldest first; the newest is shown first, right under the note field.
    const newestFirst = [...notes].reverse();
    return html`${loadError}
      <ul part="list" aria-label=${t.listLabel} aria-busy=${this.loadStatus.value === 'loading' ? 'true' : 'false'}>
        ${repeat(newestFirst, (note) => note.id, (note) => this.renderNote(note))}
      </ul>`;
  }

  private renderNote(note: Note): TemplateResult {
    return html`<li part="note">
      <p part="note-meta" class="meta">
        <span class="author">${this.#authorName(note.author)}</span>
        <time datetime=${new Date(note.at).toISOString()}>${this.#formatTime(note.at)}</time>
      </p>
      <p part="note-text" class="text" dir="auto">${note.text}</p>
    </li>`;
  }

  /** A note the agent wrote may carry their id (a backend that keeps ids): shown as their name, never the id. */
  #authorName(author: string): string {
    const agent = this.activeDesk?.agent;
    if (!agent || author !== agent.id) return author;
    return agent.name || this.localize.t.notes.you;
  }

  #formatTime(at: number): string {
    const date = new Date(at);
    const now = new Date(this.activeDesk?.now() ?? Date.now());
    const sameDay = date.toDateString() === now.toDateString();
    return new Intl.DateTimeFormat(
      this.localize.lang,
      sameDay ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' },
    ).format(date);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cc-conversation-notes': CcConversationNotes;
  }
}
