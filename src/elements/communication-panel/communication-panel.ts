import { html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Composer, ComposerState, ConnectionStatus, Desk } from '../../core/desk/desk.js';
import type { Conversation, Message } from '../../core/model.js';
import type { ReplyWindow } from '../../core/reply-window.js';
import type { StorageFallbackReason } from '../../core/storage.js';
import { MAX_MESSAGE_LENGTH, sendBlock } from '../../core/rules.js';
import { ConversationController } from '../../controllers/conversation-controller.js';
import { StoreController } from '../../controllers/store-controller.js';
import { errorText, formatRemaining } from '../../i18n/index.js';
import { panelStrings } from '../../i18n/en/panel.js';
import { hostStyles, textareaStyles, stateBadgeStyles } from '../../styles/tokens.js';
import { DeskElement } from '../desk-element.js';
import { CcEndEvent, CcRetryEvent, CcSendEvent } from '../events.js';
import type { CcAttachmentPicker } from '../attachment-picker/attachment-picker.js';
import { communicationPanelStyles } from './communication-panel.styles.js';

const EMPTY_COMPOSER: ComposerState = { draft: '', files: [], restored: false };
/** Under this much time left the window countdown is highlighted. */
const WINDOW_WARNING_MS = 60 * 60 * 1000;

/**
 * The agent's view of one Facebook conversation: header with state and the live Messenger reply
 * window, the virtualized transcript, and the composer with attachments. Follows the desk's active
 * conversation unless `conversation-id` is set. The draft and the attached files are the desk's
 * (`desk.composer(id)`): a second panel on the same conversation shows the same ones, and they
 * survive switching conversations and a reload.
 *
 * @summary Transcript, composer, attachments and reply window of a Messenger conversation.
 * @tag cc-communication-panel
 * @fires cc-send - Before a message is sent (`CcSendEvent`, cancelable: the draft stays).
 * @fires cc-retry - Before a failed message is sent again with the same client id (`CcRetryEvent`, cancelable).
 * @fires cc-end - Before the conversation is ended (→ wrap-up) or closed (`CcEndEvent`, cancelable).
 * @fires cc-attach - From the inner attachment picker, before files upload (`CcAttachEvent`, cancelable).
 * @fires cc-files-rejected - From the inner attachment picker: files refused by the attachment policy (`CcFilesRejectedEvent`).
 * @fires cc-attachments-change - From the inner attachment picker: the ready-to-send attachments changed (`CcAttachmentsChangeEvent`).
 * @slot header-actions - Extra controls at the end of the header (e.g. transfer).
 * @csspart header - The header bar.
 * @csspart connection - The banner shown while the connection is down or reconnecting.
 * @csspart storage - The banner shown while the browser's storage failed and the desk keeps data in memory.
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
  protected static override strings = [panelStrings];

  /** @internal */
  private readonly shown = new ConversationController(this, (id, desk) => this.#show(id, desk));
  /** @internal */
  private readonly composerState = new StoreController<ComposerState>(this, EMPTY_COMPOSER);
  /** @internal */
  private readonly messageList = new StoreController<readonly Message[]>(this, []);
  /** @internal */
  private readonly customerTyping = new StoreController<boolean>(this, false);
  /** @internal */
  private readonly connection = new StoreController<ConnectionStatus>(this, 'idle');
  /** @internal */
  private readonly storageReason = new StoreController<StorageFallbackReason | undefined>(this, undefined);
  /** @internal */
  private readonly window = new StoreController<ReplyWindow>(this, { open: false, mode: 'standard', remainingMs: 0 });

  /** Show this conversation instead of the desk's active one. */
  @property({ attribute: 'conversation-id' }) conversationId: string | undefined;

  /** @internal */
  @state() private menuOpen = false;
  /** @internal */
  @state() private dragging = false;
  /** @internal */
  @state() private error = '';

  /** @internal */
  @query('textarea') private textarea?: HTMLTextAreaElement;
  /** @internal */
  @query('cc-attachment-picker') private picker?: CcAttachmentPicker;

  /** The composer shown, so switching away can write its draft and stop the typing signal. */
  #composer: Composer | undefined;
  #dragDepth = 0;
  #focusPending = true;

  protected deskChanged(desk: Desk | undefined): void {
    this.connection.set(desk?.$connection);
    this.storageReason.set(desk?.$storageReason);
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
    return this.shown.value;
  }

  /** Focuses the message field. */
  override focus(options?: FocusOptions): void {
    if (this.textarea && !this.textarea.disabled) this.textarea.focus(options);
    else super.focus(options);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    void this.#composer?.flush();
  }

  protected override willUpdate(): void {
    // Resolves the conversation shown now: a switch resets the view state before this render, not after it.
    void this.shown.id;
  }

  protected override updated(): void {
    if (this.#composer && this.textarea && this.#focusPending) {
      this.#focusPending = false;
      // After Accept the notification goes away; give keyboard users the composer instead of <body>.
      if (document.activeElement === document.body || document.activeElement === null) this.textarea.focus();
    }
  }

  #show(id: string | undefined, desk: Desk | undefined): void {
    const composer = desk && id !== undefined ? desk.composer(id) : undefined;
    if (composer !== this.#composer) void this.#composer?.flush();
    this.#composer = composer;
    this.composerState.set(composer?.$state);
    this.messageList.set(desk && id !== undefined ? desk.messages(id) : undefined);
    this.customerTyping.set(desk && id !== undefined ? desk.typing(id) : undefined);
    this.window.set(desk && id !== undefined ? desk.replyWindow(id) : undefined);
    this.error = '';
    this.menuOpen = false;
    this.#focusPending = true;
  }

  #onInput = (event: Event): void => {
    this.error = '';
    this.#composer?.setDraft((event.target as HTMLTextAreaElement).value);
  };

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
    const composer = this.#composer;
    if (!desk || !conversation || !composer || !this.#canSend()) return;
    const intent = new CcSendEvent(conversation.id, composer.draft, composer.attachments);
    this.dispatchEvent(intent);
    if (intent.defaultPrevented) return;
    this.error = '';
    try {
      // The desk clears the composer first (a fast second Enter cannot send twice) and gives it back on a refusal.
      const message = await desk.sendComposer(conversation.id);
      if (message.status === 'failed') this.error = this.localize.t.panel.sendFailed;
    } catch (error) {
      this.error = errorText(this.localize.t, error);
    }
  }

  /** The desk's own rule, plus files still being checked or uploaded. */
  #canSend(): boolean {
    const desk = this.activeDesk;
    const conversation = this.conversation;
    const composer = this.#composer;
    if (!desk || !conversation || !composer || composer.busy) return false;
    return sendBlock(conversation, desk.now(), this.composerState.value.draft, composer.attachments.length) === undefined;
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

  #onAttach = (): void => {
    // Checking files makes the composer busy without changing its store: look again once it is done.
    void this.#composer?.settled().then(() => this.requestUpdate());
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
        customer-name=${conversation.customer?.name ?? ''}
        ?typing=${this.customerTyping.value}
        @cc-retry=${this.#onRetry}
      ></cc-transcript>
      ${this.#renderFooter(conversation)}
      ${this.dragging ? html`<div class="drop" aria-hidden="true">${t.panel.dropHere}</div>` : nothing}
    `;
  }


  #renderConnection() {
    const status = this.connection.value;
    const reason = this.storageReason.value;
    const t = this.localize.t;
    return html`${status === 'online' || status === 'idle'
      ? nothing
      : html`<p class="connection ${status}" part="connection" role="status">
          <strong>${t.connection[status]}</strong> ${status === 'auth-expired' ? nothing : t.panel.offlineHint}
        </p>`}${reason
      ? html`<p class="connection storage" part="storage" role="status">
          <strong>${t.panel.storageReason[reason]}</strong> ${t.panel.storageFallback}
        </p>`
      : nothing}`;
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
    const desk = this.activeDesk!;
    const canEnd = desk.canTransition(conversation.id, 'wrap-up');
    const canClose = desk.canTransition(conversation.id, 'closed');
    return html`<header part="header">
      <div>
        <h2>${conversation.customer?.name?.trim() || t.panel.unnamedCustomer}</h2>
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
        ${this.activeDesk!.canTransition(conversation.id, 'closed')
          ? html`<button class="primary" @click=${() => this.#end('closed')}>${t.panel.closeConversation}</button>`
          : nothing}
        ${this.error ? html`<p class="notice error" role="alert">${this.error}</p>` : nothing}
      </div>`;
    }
    if (conversation.state === 'closed') {
      return html`<div class="composer" part="composer"><p class="notice" role="status">${t.panel.closed}</p></div>`;
    }
    const window = this.window.value;
    const blocked = !window.open;
    const draft = this.composerState.value.draft;
    const length = draft.length;
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
        .value=${draft}
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
        @cc-attach=${this.#onAttach}
      ></cc-attachment-picker>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cc-communication-panel': CcCommunicationPanel;
  }
}
