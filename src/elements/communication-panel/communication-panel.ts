import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { ConnectionStatus, Desk } from '../../core/desk/desk.js';
import { MAX_MESSAGE_LENGTH } from '../../core/desk/desk.js';
import { DeskError } from '../../core/errors.js';
import type { AttachmentRef, Conversation, Message } from '../../core/model.js';
import type { ReplyWindow } from '../../core/reply-window.js';
import { StoreController } from '../../controllers/store-controller.js';
import { formatRemaining } from '../../i18n/index.js';
import { hostStyles, textareaStyles, stateBadgeStyles } from '../../styles/tokens.js';
import { DeskElement } from '../desk-element.js';
import { CcAttachmentsChangeEvent, CcEndEvent, CcRetryEvent, CcSendEvent } from '../events.js';
import type { CcAttachmentPicker } from '../attachment-picker/attachment-picker.js';
import { communicationPanelStyles } from './communication-panel.styles.js';

const DRAFT_SAVE_DELAY = 300;
const TYPING_IDLE = 4000;
/** Under this much time left the window countdown is highlighted. */
const WINDOW_WARNING_MS = 60 * 60 * 1000;

/**
 * The agent's view of one Facebook conversation: header with state and the live Messenger reply
 * window, the virtualized transcript, and the composer with attachments. Follows the desk's active
 * conversation unless `conversation-id` is set.
 *
 * @summary Transcript, composer, attachments and reply window of a Messenger conversation.
 * @tag cc-communication-panel
 * @fires cc-send - Before a message is sent (`CcSendEvent`, cancelable: the draft stays).
 * @fires cc-retry - Before a failed message is sent again with the same client id (`CcRetryEvent`, cancelable).
 * @fires cc-end - Before the conversation is ended (→ wrap-up) or closed (`CcEndEvent`, cancelable).
 * @fires cc-attach - Re-fired from the attachment picker before files upload (`CcAttachEvent`, cancelable).
 * @fires cc-files-rejected - Files refused by the attachment policy (`CcFilesRejectedEvent`).
 * @slot header-actions - Extra controls at the end of the header (e.g. transfer).
 * @csspart header - The header bar.
 * @csspart connection - The banner shown while the connection is down or reconnecting.
 * @csspart state - The conversation state badge.
 * @csspart window - The reply-window countdown.
 * @csspart menu-button - The "…" button.
 * @csspart menu - The "…" menu.
 * @csspart transcript - The `<cc-transcript>`.
 * @csspart composer - The composer area.
 * @csspart textarea - The message field.
 * @csspart send - The Send button.
 * @cssprop --cc-panel-height - Height of the panel (default: fill the parent).
 * @cssprop --cc-color-accent - Primary buttons and links.
 * @cssprop --cc-color-border - Borders.
 * @cssprop --cc-color-surface - Background.
 * @cssprop --cc-color-surface-2 - Header and notices.
 * @cssprop --cc-color-danger - Errors and the closed reply window.
 * @cssprop --cc-color-warning - A reply window about to close.
 */
export class CcCommunicationPanel extends DeskElement {
  static override styles = [hostStyles, textareaStyles, stateBadgeStyles, communicationPanelStyles];

  /** @internal */
  private readonly activeId = new StoreController<string | undefined>(this, undefined);
  /** @internal */
  private readonly conversations = new StoreController<Readonly<Record<string, Conversation>>>(this, {});
  /** @internal */
  private readonly messageList = new StoreController<readonly Message[]>(this, []);
  /** @internal */
  private readonly customerTyping = new StoreController<boolean>(this, false);
  /** @internal */
  private readonly connection = new StoreController<ConnectionStatus>(this, 'idle');
  /** @internal */
  private readonly window = new StoreController<ReplyWindow>(this, { open: false, mode: 'standard', remainingMs: 0 });

  /** Show this conversation instead of the desk's active one. */
  @property({ attribute: 'conversation-id' }) conversationId: string | undefined;

  /** @internal */
  @state() private draft = '';
  /** @internal */
  @state() private menuOpen = false;
  /** @internal */
  @state() private dragging = false;
  /** @internal */
  @state() private error = '';
  /** @internal */
  @state() private attachments: readonly AttachmentRef[] = [];

  /** @internal */
  @query('textarea') private textarea?: HTMLTextAreaElement;
  /** @internal */
  @query('cc-attachment-picker') private picker?: CcAttachmentPicker;

  #shownId: string | undefined;
  #draftTimer: ReturnType<typeof setTimeout> | undefined;
  #typingTimer: ReturnType<typeof setTimeout> | undefined;
  #typingSent = false;
  #dragDepth = 0;
  #dirty = false;
  #focusPending = true;

  #stopRemote: (() => void) | undefined;

  protected deskChanged(desk: Desk | undefined): void {
    this.#stopRemote?.();
    // The same draft open in another tab was sent there: clear it here so it cannot go twice.
    this.#stopRemote = desk?.onRemoteSend((conversationId, text) => {
      if (conversationId === this.#shownId && this.draft === text) {
        this.draft = '';
        this.#dirty = false;
      }
    });
    this.activeId.set(desk?.$activeConversationId);
    this.connection.set(desk?.$connection);
    this.conversations.set(desk?.$conversations);
    this.#shownId = undefined;
  }

  constructor() {
    super();
    // Listeners on the element itself live as long as it does: nothing to tear down.
    this.addEventListener('dragenter', this.#onDragEnter);
    this.addEventListener('dragover', this.#onDragOver);
    this.addEventListener('dragleave', this.#onDragLeave);
    this.addEventListener('drop', this.#onDrop);
  }

  /** The conversation on screen. */
  get conversation(): Conversation | undefined {
    const id = this.conversationId ?? this.activeId.value;
    return id === undefined ? undefined : this.conversations.value[id];
  }

  /** Focuses the message field. */
  override focus(options?: FocusOptions): void {
    if (this.textarea && !this.textarea.disabled) this.textarea.focus(options);
    else super.focus(options);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#flushDraft();
    this.#stopTyping();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const desk = this.activeDesk;
    const id = this.conversationId ?? this.activeId.value;
    if (id !== this.#shownId || changed.has('conversationId')) {
      const previous = this.#shownId;
      this.#flushDraft(previous);
      this.#stopTyping(previous);
      this.#shownId = id;
      this.messageList.set(desk && id ? desk.messages(id) : undefined);
      this.customerTyping.set(desk && id ? desk.typing(id) : undefined);
      this.window.set(desk && id ? desk.replyWindow(id) : undefined);
      this.draft = '';
      this.error = '';
      this.attachments = [];
      this.menuOpen = false;
      if (desk && id) void this.#loadDraft(desk, id);
    }
  }

  protected override updated(): void {
    if (this.#shownId && this.textarea && this.#focusPending) {
      this.#focusPending = false;
      // After Accept the notification goes away; give keyboard users the composer instead of <body>.
      if (document.activeElement === document.body || document.activeElement === null) this.textarea.focus();
    }
  }

  async #loadDraft(desk: Desk, id: string): Promise<void> {
    this.#focusPending = true;
    const text = await desk.getDraft(id).catch(() => '');
    if (this.#shownId === id && !this.draft && text) this.draft = text;
  }

  #flushDraft(id = this.#shownId): void {
    clearTimeout(this.#draftTimer);
    this.#draftTimer = undefined;
    const desk = this.activeDesk;
    if (desk && id && this.#dirty) void desk.saveDraft(id, this.draft).catch(() => undefined);
    this.#dirty = false;
  }

  #onInput = (event: Event): void => {
    this.draft = (event.target as HTMLTextAreaElement).value;
    this.error = '';
    this.#dirty = true;
    clearTimeout(this.#draftTimer);
    this.#draftTimer = setTimeout(() => this.#flushDraft(), DRAFT_SAVE_DELAY);
    this.#signalTyping();
  };

  #signalTyping(): void {
    const desk = this.activeDesk;
    const id = this.#shownId;
    if (!desk || !id) return;
    if (!this.#typingSent) {
      this.#typingSent = true;
      void desk.setTyping(id, true);
    }
    clearTimeout(this.#typingTimer);
    this.#typingTimer = setTimeout(() => this.#stopTyping(), TYPING_IDLE);
  }

  #stopTyping(id = this.#shownId): void {
    clearTimeout(this.#typingTimer);
    if (this.#typingSent && id) void this.activeDesk?.setTyping(id, false);
    this.#typingSent = false;
  }

  #onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      void this.send();
    }
  };

  /** Sends the composer's text and ready attachments, as the Send button does. */
  async send(): Promise<void> {
    const desk = this.activeDesk;
    const conversation = this.conversation;
    if (!desk || !conversation || !this.#canSend()) return;
    const text = this.draft;
    const attachments = [...this.attachments];
    const intent = new CcSendEvent(conversation.id, text, attachments);
    this.dispatchEvent(intent);
    if (intent.defaultPrevented) return;
    // Clear first so a fast second Enter cannot send the same text twice.
    this.draft = '';
    this.attachments = [];
    this.picker?.clear();
    this.#dirty = true;
    this.#flushDraft(conversation.id);
    this.#stopTyping(conversation.id);
    try {
      const message = await desk.send(conversation.id, text, attachments);
      if (message.status === 'failed') this.error = this.localize.t.panel.sendFailed;
    } catch (error) {
      // Refused before sending: give the text back.
      this.draft = text;
      this.attachments = attachments;
      this.error = error instanceof DeskError && error.code === 'window-closed' ? this.localize.t.panel.windowClosed : String((error as Error).message);
    }
  }

  #canSend(): boolean {
    const length = this.draft.length;
    return (
      this.window.value.open &&
      this.conversation?.state === 'active' &&
      length <= MAX_MESSAGE_LENGTH &&
      // Sending clears the picker, which would cancel an upload still running.
      !this.picker?.busy &&
      (this.draft.trim().length > 0 || this.attachments.length > 0)
    );
  }

  #onRetry = (event: CcRetryEvent): void => {
    // The transcript's own cc-retry stops here: the page sees the panel's, whose cancel is honoured.
    event.stopPropagation();
    const { conversationId, clientId } = event;
    const intent = new CcRetryEvent(conversationId, clientId);
    this.dispatchEvent(intent);
    if (intent.defaultPrevented) return;
    void this.activeDesk?.retry(conversationId, clientId).catch(() => undefined);
  };

  async #end(to: 'wrap-up' | 'closed'): Promise<void> {
    this.menuOpen = false;
    const desk = this.activeDesk;
    const conversation = this.conversation;
    if (!desk || !conversation) return;
    const intent = new CcEndEvent(conversation.id, to);
    this.dispatchEvent(intent);
    if (intent.defaultPrevented) return;
    try {
      await desk.transition(conversation.id, to);
    } catch {
      this.error = this.localize.t.panel.endFailed;
    }
  }

  #onAttachmentsChange = (event: CcAttachmentsChangeEvent): void => {
    this.attachments = event.attachments;
  };

  #onUploadStart = (): void => {
    // Send waits for running uploads; re-check once they have started.
    void this.picker?.updateComplete.then(() => this.requestUpdate());
  };

  #toggleMenu = (): void => {
    this.menuOpen = !this.menuOpen;
    if (this.menuOpen) {
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[role="menuitem"]')?.focus());
    }
  };

  #onMenuKeyDown = (event: KeyboardEvent): void => {
    const items = [...this.renderRoot.querySelectorAll<HTMLElement>('[role="menuitem"]')];
    const index = items.indexOf((this.renderRoot as ShadowRoot).activeElement as HTMLElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      this.#closeMenu();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      items[(index + step + items.length) % items.length]?.focus();
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      items[event.key === 'Home' ? 0 : items.length - 1]?.focus();
    } else if (event.key === 'Tab') {
      this.menuOpen = false;
    }
  };

  #closeMenu(): void {
    this.menuOpen = false;
    this.renderRoot.querySelector<HTMLElement>('.menu-button')?.focus();
  }

  #attach = (): void => {
    this.menuOpen = false;
    this.picker?.open();
  };

  #onDragEnter = (event: DragEvent): void => {
    if (!this.#acceptsFiles(event)) return;
    event.preventDefault();
    this.#dragDepth++;
    this.dragging = true;
  };

  #onDragOver = (event: DragEvent): void => {
    if (!this.#acceptsFiles(event)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
  };

  #onDragLeave = (): void => {
    this.#dragDepth = Math.max(0, this.#dragDepth - 1);
    if (this.#dragDepth === 0) this.dragging = false;
  };

  #onDrop = (event: DragEvent): void => {
    this.#dragDepth = 0;
    this.dragging = false;
    // A drop on the picker itself was already taken by it.
    if (event.defaultPrevented || !this.#acceptsFiles(event)) return;
    event.preventDefault();
    const files = [...(event.dataTransfer?.files ?? [])];
    if (files.length > 0) this.#addFiles(files);
  };

  #onPaste = (event: ClipboardEvent): void => {
    const files = [...(event.clipboardData?.files ?? [])];
    if (files.length === 0 || !this.#composerOpen()) return;
    event.preventDefault();
    this.#addFiles(files);
  };

  #addFiles(files: File[]): void {
    // The picker shows refusals and failures itself; nothing is left to handle here.
    void this.picker?.addFiles(files).catch(() => undefined);
  }

  #acceptsFiles(event: DragEvent): boolean {
    return this.#composerOpen() && Boolean(this.activeDesk?.capabilities.upload) && [...(event.dataTransfer?.types ?? [])].includes('Files');
  }

  #composerOpen(): boolean {
    return this.conversation?.state === 'active' && this.window.value.open;
  }

  protected override render() {
    const t = this.localize.t;
    const conversation = this.conversation;
    if (!this.activeDesk || !conversation) {
      return html`<p class="empty">${t.panel.noConversation}</p>`;
    }
    return html`
      ${this.#renderHeader(conversation)} ${this.#renderConnection()}
      <cc-transcript
        part="transcript"
        lang=${this.localize.lang}
        .messages=${this.messageList.value}
        customer-name=${conversation.customer.name}
        ?typing=${this.customerTyping.value}
        @cc-retry=${this.#onRetry}
      ></cc-transcript>
      ${this.#renderFooter(conversation)}
      ${this.dragging ? html`<div class="drop" aria-hidden="true">${t.panel.dropHere}</div>` : nothing}
    `;
  }


  #renderConnection() {
    const status = this.connection.value;
    if (status === 'online' || status === 'idle') return nothing;
    const t = this.localize.t;
    return html`<p class="connection ${status}" part="connection" role="status">
      <strong>${t.connection[status]}</strong> ${status === 'auth-expired' ? nothing : t.panel.offlineHint}
    </p>`;
  }

  #renderHeader(conversation: Conversation) {
    const t = this.localize.t;
    const window = this.window.value;
    const time = formatRemaining(window.remainingMs, t);
    const windowText = !window.open
      ? t.panel.windowClosed
      : window.mode === 'human-agent'
        ? t.panel.windowLeftHumanAgent(time)
        : t.panel.windowLeft(time);
    const windowClass = !window.open ? 'closed' : window.remainingMs < WINDOW_WARNING_MS ? 'closing' : '';
    const canEnd = conversation.state === 'active';
    const canClose = conversation.state === 'wrap-up' || conversation.state === 'waiting';
    return html`<header part="header">
      <div>
        <h2>${conversation.customer.name}</h2>
        <span class="channel">${t.channel.facebook} · ${conversation.queue}</span>
      </div>
      <span class="badge ${conversation.state}" part="state">${t.state[conversation.state]}</span>
      ${conversation.state === 'active' || conversation.state === 'waiting'
        ? html`<span class="window ${windowClass}" part="window" role="timer">${windowText}</span>`
        : nothing}
      <slot name="header-actions"></slot>
      <div class="menu-wrap" @keydown=${this.#onMenuKeyDown}>
        <button
          class="menu-button"
          part="menu-button"
          aria-haspopup="menu"
          aria-expanded=${this.menuOpen ? 'true' : 'false'}
          aria-controls="menu"
          aria-label=${t.panel.more}
          title=${t.panel.more}
          @click=${this.#toggleMenu}
        >
          …
        </button>
        ${this.menuOpen
          ? html`<div id="menu" role="menu" part="menu" aria-label=${t.panel.more}>
              <button
                role="menuitem"
                ?disabled=${!this.#composerOpen() || !this.activeDesk?.capabilities.upload}
                @click=${this.#attach}
              >
                ${t.panel.attachFile}
              </button>
              ${canEnd ? html`<button role="menuitem" @click=${() => this.#end('wrap-up')}>${t.panel.endConversation}</button>` : nothing}
              ${canClose ? html`<button role="menuitem" @click=${() => this.#end('closed')}>${t.panel.closeConversation}</button>` : nothing}
            </div>`
          : nothing}
      </div>
    </header>`;
  }

  #renderFooter(conversation: Conversation) {
    const t = this.localize.t;
    if (conversation.state === 'wrap-up') {
      return html`<div class="composer" part="composer">
        <p class="notice" role="status">${t.panel.wrapUp}</p>
        <button class="primary" @click=${() => this.#end('closed')}>${t.panel.closeConversation}</button>
        ${this.error ? html`<p class="notice error" role="alert">${this.error}</p>` : nothing}
      </div>`;
    }
    if (conversation.state === 'closed') {
      return html`<div class="composer" part="composer"><p class="notice" role="status">${t.panel.closed}</p></div>`;
    }
    const window = this.window.value;
    const blocked = !window.open;
    const length = this.draft.length;
    const over = length - MAX_MESSAGE_LENGTH;
    return html`<div class="composer" part="composer" @paste=${this.#onPaste}>
      ${blocked
        ? html`<p class="notice error" id="window-help" role="status">
            <strong>${t.panel.windowClosed}.</strong>
            ${window.closesAt === undefined ? t.panel.windowNotOpen : t.panel.windowClosedHelp}
          </p>`
        : nothing}
      <label class="visually-hidden" for="composer">${t.panel.composerLabel}</label>
      <span class="visually-hidden" id="hint">${t.panel.composerHint}</span>
      <textarea
        id="composer"
        part="textarea"
        rows="2"
        .value=${this.draft}
        placeholder=${t.panel.placeholder}
        ?disabled=${blocked || conversation.state !== 'active'}
        aria-describedby=${blocked ? 'window-help hint counter' : 'hint counter'}
        aria-invalid=${over > 0 ? 'true' : 'false'}
        @input=${this.#onInput}
        @keydown=${this.#onKeyDown}
      ></textarea>
      <button class="primary" part="send" ?disabled=${!this.#canSend()} @click=${() => void this.send()}>${t.panel.send}</button>
      <span id="counter" class="counter ${over > 0 ? 'over' : ''}">
        ${t.panel.counter(length, MAX_MESSAGE_LENGTH)}${over > 0 ? html` · <span role="alert">${t.panel.tooLong(over)}</span>` : nothing}
      </span>
      ${this.error ? html`<p class="notice error" role="alert">${this.error}</p>` : nothing}
      <cc-attachment-picker
        compact
        .desk=${this.activeDesk}
        conversation-id=${conversation.id}
        lang=${this.localize.lang}
        ?hidden=${blocked || !this.activeDesk?.capabilities.upload}
        @cc-attachments-change=${this.#onAttachmentsChange}
        @cc-attach=${this.#onUploadStart}
      ></cc-attachment-picker>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cc-communication-panel': CcCommunicationPanel;
  }
}
