import { html, nothing } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { property, query, state } from 'lit/decorators.js';
import type { Composer, ComposerState, ConnectionStatus, Desk, WrapUpState } from '../../core/desk/desk.js';
import { MAX_WRAP_UP_NOTE } from '../../core/desk/wrap-up.js';
import { DeskError } from '../../core/errors.js';
import type { Conversation, ConversationState, Message } from '../../core/model.js';
import type { ReplyWindow } from '../../core/reply-window.js';
import type { StorageFallbackReason } from '../../core/storage.js';
import { composerSendBlock, MAX_MESSAGE_LENGTH, unfilledPlaceholders } from '../../core/rules.js';
import { quickRepliesComposerStrings } from '../../i18n/en/quick-replies-composer.js';
import type { ComposerQuickReplies } from './quick-replies-part.js';
import type { EmojiPart } from '../emoji-picker/emoji-part.js';
import type { PanelWorkday } from './workday-part.js';
import { attachmentsStrings } from '../../i18n/en/attachments.js';
import { close, paperclip } from '../../icons/index.js';
import smile from 'lucide/dist/esm/icons/face-slightly-smiling.mjs';
import { visibleText } from '../../core/visible-text.js';
import { ConversationController } from '../../controllers/conversation-controller.js';
import { StoreController } from '../../controllers/store-controller.js';
import { errorText, formatRemaining } from '../../i18n/index.js';
import { panelShownStrings } from '../../i18n/en/panel-shown.js';
import { hostText } from '../../i18n/host-text.js';
import { hostStyles, textareaStyles, stateBadgeStyles } from '../../styles/tokens.js';
import { avatar, avatarStyles } from '../avatar.js';
import { ellipsis, icon } from '../../icons/index.js';
import { DeskElement } from '../desk-element.js';
import { loadOnce } from '../load-once.js';
import { CcEndEvent, CcReplyEvent, CcRetryEvent, CcSendEvent, CcTransferEvent, CcTransitionEvent } from '../events.js';
import type { CcAttachmentPicker } from '../attachment-picker/attachment-picker.js';
import type { CcTranscript } from '../transcript/transcript.js';
import { communicationPanelStyles } from './communication-panel.styles.js';
import { sentimentAlert, sentimentBadge } from '../sentiment-badge/slots.js';
import { callControls, callMenu } from '../call-controls/slots.js';

const EMPTY_COMPOSER: ComposerState = { draft: '', files: [], restored: false };
const EMPTY_WRAP_UP: WrapUpState = { note: '', overdue: false };

/** Under this much time left the window countdown is highlighted. */
const WINDOW_WARNING_MS = 60 * 60 * 1000;

/**
 * The agent's view of one Facebook conversation: header with state and the live Messenger reply
 * window, the virtualized transcript, and the composer with attachments. Follows the desk's active
 * conversation unless `conversation-id` is set. The draft and the attached files are the desk's
 * (`desk.composer(id)`): a second panel on the same conversation shows the same ones, and they
 * survive switching conversations and a reload.
 *
 * `…/define/communication-panel` registers the `<cc-transcript>` and `<cc-attachment-picker>` it
 * renders in a chunk of their own, loaded when the page is first idle, or at once for the first
 * conversation shown before that; a failed load is said in the transcript's place, with Try again
 * (text can still be sent). Registering the class by hand, register those two as well.
 *
 * @summary Transcript, composer, attachments and reply window of a Messenger conversation.
 * @tag cc-communication-panel
 * @fires cc-send - Before a message is sent (`CcSendEvent`, cancelable: the draft stays).
 * @fires cc-reply - From the inner transcript: the agent pressed Reply on a customer message (`CcReplyEvent`, cancelable: nothing is quoted).
 * @fires cc-retry - Before a failed message is sent again with the same client id (`CcRetryEvent`, cancelable).
 * @fires cc-end - Before the conversation is ended (→ wrap-up) or closed (`CcEndEvent`, cancelable).
 * @fires cc-transition - Before Put on hold (→ waiting), Resume (→ active) or Release to queue (→ open) (`CcTransitionEvent`, cancelable).
 * @fires cc-sentiment-dismiss - From the inner sentiment alert: the agent dismisses it (`CcSentimentDismissEvent`, cancelable).
 * @fires cc-quick-reply - From the `/` quick-reply list, before a reply goes into the draft (`CcQuickReplyEvent`, cancelable).
 * @fires cc-quick-reply-save - "…" → Save as quick reply: the draft becomes one of the agent's own replies (`CcQuickReplySaveEvent`, cancelable).
 * @fires cc-quick-reply-remove - From the `/` quick-reply list: Shift+Delete removes one of the agent's own replies (`CcQuickReplyRemoveEvent`, cancelable).
 * @fires cc-quick-reply-inserted - From the `/` quick-reply list: a reply is in the draft (`CcQuickReplyInsertedEvent`).
 * @fires cc-transfer - Before the conversation is handed to a queue or an agent from the transfer dialog (`CcTransferEvent`, cancelable).
 * @fires cc-attach - From the inner attachment picker, before files upload (`CcAttachEvent`, cancelable).
 * @fires cc-files-rejected - From the inner attachment picker: files refused by the attachment policy (`CcFilesRejectedEvent`).
 * @fires cc-attachments-change - From the inner attachment picker: the ready-to-send attachments changed (`CcAttachmentsChangeEvent`).
 * @slot header-actions - Extra controls at the end of the header (e.g. transfer).
 * @csspart header - The header bar.
 * @csspart avatar - The customer's picture in the header, else their initials (hidden in a narrow panel).
 * @csspart connection - The banner shown while the connection is down or reconnecting.
 * @csspart storage - The banner shown while the browser's storage failed and the desk keeps data in memory.
 * @csspart privacy - The "may be monitored or recorded" banner, when the host configured a privacy notice.
 * @csspart state - The conversation state badge.
 * @csspart sentiment - The customer's sentiment (`<cc-sentiment-badge>`, F14).
 * @csspart sentiment-alert - The alert shown when the customer's sentiment turns negative (`<cc-sentiment-alert>`).
 * @csspart window - The reply-window countdown.
 * @csspart menu-button - The "…" button.
 * @csspart menu - The "…" menu.
 * @csspart transcript - The `<cc-transcript>`.
 * @csspart transcript-bubble - The transcript's `bubble` part, re-exported: every message bubble (`transcript-customer-bubble`, `transcript-agent-bubble`, `transcript-system-bubble`, `transcript-bot-bubble` by author).
 * @csspart transcript-text - The transcript's `text` part: a message's text.
 * @csspart transcript-author - The transcript's `author` part: the author's name over a group of messages.
 * @csspart transcript-scroller - The transcript's `scroller` part (likewise `transcript-jump`, `transcript-typing`, `transcript-reply`, `transcript-more`).
 * @csspart attachment-picker - The composer's `<cc-attachment-picker>`.
 * @csspart attachment-list - The attachment picker's `list` part, re-exported: the files attached to the draft (likewise `attachment-item`, `attachment-progress`, `attachment-reason`).
 * @csspart sentiment-badge - The sentiment badge's `badge` part, re-exported (likewise `sentiment-icon`, `sentiment-urgent`).
 * @csspart composer - The composer area.
 * @csspart textarea - The message field.
 * @csspart send - The Send button.
 * @csspart tools - The row under the field: the emoji and attach buttons and the attachment policy.
 * @csspart emoji-button - The button that opens the emoji picker (loaded on its first press).
 * @csspart emoji-picker - The emoji picker: search, categories, emoji (Escape closes it).
 * @csspart attach-button - The button that opens the file chooser; the policy is its description.
 * @csspart policy - The allowed file types and the size limit ("PDF, JPG · up to 5 MB"), shown before a file is chosen.
 * @csspart replying - "Replying to Anna: …" with its × above the field, while the agent quotes a customer message.
 * @csspart quick-replies - The `/` quick-reply list (`<cc-quick-replies>`, loaded on the first `/`).
 * @csspart placeholders - The "Fill in {caseNumber} before sending" notice, with the placeholders left marked.
 * @csspart wrap-up - The wrap-up area: disposition, note, timer and Close (loaded when the conversation shown is first in wrap-up; a busy placeholder until then).
 * @csspart disposition - The disposition code select.
 * @csspart wrap-up-note - The wrap-up note field.
 * @csspart wrap-up-timer - The wrap-up countdown (and its overdue state).
 * @csspart close - The Close button of the wrap-up area.
 * @csspart transfer-dialog - The transfer dialog (loaded on the first "…" → Transfer).
 * @cssprop --cc-panel-height - Height of the panel (default: fill the parent).
 * @cssprop --cc-color-accent - Primary buttons and links.
 * @cssprop --cc-color-border - Borders.
 * @cssprop --cc-color-surface - Background.
 * @cssprop --cc-color-surface-2 - Header and notices.
 * @cssprop --cc-color-danger - Errors and the closed reply window.
 * @cssprop --cc-color-warning - A reply window about to close.
 * @cssprop --cc-color-text - Text.
 * @cssprop --cc-color-text-muted - Secondary text: times, hints, counts.
 * @cssprop --cc-color-on-accent - Text on the accent colour.
 * @cssprop --cc-color-focus - The focus ring.
 * @cssprop --cc-color-success - Success and confirmation.
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
 * @cssprop --cc-color-customer-bubble - Background of customer messages.
 * @cssprop --cc-color-customer-bubble-text - Text of customer messages (default `--cc-color-text`).
 * @cssprop --cc-color-agent-bubble - Background of agent messages.
 * @cssprop --cc-color-agent-bubble-text - Text of agent messages (default `--cc-color-text`).
 * @cssprop --cc-color-system-bubble - Background of system and bot notes (default `--cc-color-surface-2`).
 * @cssprop --cc-color-system-bubble-text - Text of system and bot notes (default `--cc-color-text-muted`).
 * @cssprop --cc-color-bubble-link - Links inside messages (default `--cc-color-accent`).
 * @cssprop --cc-color-agent-bubble-link - Links inside agent messages (default `--cc-color-bubble-link`).
 * @cssprop --cc-color-agent-bubble-muted - Quotes and file names inside agent messages (default `--cc-color-text-muted`).
 * @cssprop --cc-color-state-active - The "active" state badge (default `--cc-color-success`).
 * @cssprop --cc-color-state-waiting - The "waiting" and "wrap-up" state badges (default `--cc-color-warning`).
 * @cssprop --cc-color-state-closed - The "open" and "closed" state badges (default `--cc-color-text-muted`).
 * @cssprop --cc-color-sentiment-negative - Negative and very negative sentiment, the urgent marker and the alert (default `--cc-color-danger`).
 * @cssprop --cc-color-sentiment-slightly-negative - Slightly negative sentiment (default `--cc-color-warning`).
 * @cssprop --cc-color-sentiment-neutral - Neutral sentiment (default `--cc-color-text-muted`).
 * @cssprop --cc-color-sentiment-positive - Positive and very positive sentiment (default `--cc-color-success`).
 */
export class CcCommunicationPanel extends DeskElement {
  static override styles = [hostStyles, textareaStyles, stateBadgeStyles, avatarStyles, communicationPanelStyles];

  /** @internal Loads the wrap-up area and the transfer dialog (workday-part.ts); tests replace it to hold or fail the load. */
  static loadWorkday = (): Promise<typeof import('./workday-part.js')> => import('./workday-part.js');

  /**
   * @internal Defines the `<cc-transcript>` and `<cc-attachment-picker>` the panel renders.
   * `define/communication-panel` loads them as a chunk of their own: when the page is first idle, or at
   * once when a conversation is shown before that. Without it (the class registered by hand) the page
   * defines them itself.
   */
  static loadParts: (() => Promise<unknown>) | undefined;

  /** @internal Whether the page has both already (registered some other way): then nothing is loaded. Stories replace it. */
  static partsDefined = (): boolean => !!customElements.get('cc-transcript') && !!customElements.get('cc-attachment-picker');

  /** @internal */
  protected static override strings = [panelShownStrings, quickRepliesComposerStrings, attachmentsStrings];

  /** @internal */
  private readonly shown = new ConversationController(this, (id, desk, previous) => this.#show(id, desk, previous));
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
  /** @internal */
  private readonly wrapUp = new StoreController<WrapUpState>(this, EMPTY_WRAP_UP);
  /** @internal Ticks only while a wrap-up timer runs. */
  private readonly clock = new StoreController<number>(this, 0);

  /** Show this conversation instead of the desk's active one. */
  @property({ attribute: 'conversation-id' }) conversationId: string | undefined;

  /** An incoming call rings with a tone (on a desk with calls; in one browser tab only, as offers do). */
  @property({ type: Boolean, attribute: 'call-sound' }) callSound = false;

  /** @internal */
  @state() private menuOpen = false;
  /** @internal */
  @state() private dragging = false;
  /** @internal */
  @state() private error = '';
  /** @internal "…" → Transfer was chosen and the dialog's chunk is still loading. */
  @state() private transferPending = false;

  /** @internal */
  @query('textarea') private textarea?: HTMLTextAreaElement;

  /** The composer shown, so switching away can write its draft and stop the typing signal. */
  #composer: Composer | undefined;
  /** The desk of the conversation shown, so switching away remembers its scroll position there. */
  #shownDesk: Desk | undefined;
  #dragDepth = 0;
  #focusPending = true;
  /** F15's composer part (quick-replies-part.ts), loaded on the first `/`, placeholder or Save as quick reply. */
  #quick: ComposerQuickReplies | undefined;
  #quickReplies = loadOnce(() =>
    import('./quick-replies-part.js').then((m) => {
      const deps = { DeskElement, html, nothing, strings: quickRepliesComposerStrings, errorText };
      const host = { element: this, localize: this.localize, field: () => this.textarea, fail: this.#fail };
      this.#quick = m.composerQuickReplies(deps, host);
      this.requestUpdate();
      return this.#quick;
    }),
  );
  /** The emoji picker (emoji-picker/emoji-part.ts), loaded on the first press of the emoji button. */
  #emoji: EmojiPart | undefined;
  #emojiPart = loadOnce(() =>
    import('../emoji-picker/emoji-part.js').then(
      (m) => (this.#emoji = m.emojiPart({ html, nothing }, { element: this, t: () => this.localize.t, lang: () => this.localize.lang })),
    ),
  );
  /** The wrap-up area and the transfer dialog (workday-part.ts), loaded on the first wrap-up or Transfer. */
  #workday: PanelWorkday | undefined;
  #workdayLoading: Promise<PanelWorkday> | undefined;
  /** The last load failed: the wrap-up area waits for Try again instead of loading on each render. */
  #workdayFailed = false;
  /**
   * The transcript and the attachment picker (`loadParts`): not asked for yet, loading (the transcript
   * in place, busy), failed (the panel says so, with Try again), loading again from Try again (the
   * notice kept, busy), or ready.
   */
  #parts: 'idle' | 'loading' | 'failed' | 'retrying' | 'ready' = !CcCommunicationPanel.loadParts || CcCommunicationPanel.partsDefined() ? 'ready' : 'idle';
  #partsLoad = loadOnce(() => CcCommunicationPanel.loadParts!());
  /** Loads tried since the first failure: each failed one is announced anew. */
  #partsAttempt = 0;
  /** Try again had the focus: once the parts are in, the focus goes to the message field; after another failure, to Try again. */
  #retryHadFocus = false;

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

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.#parts !== 'idle') return;
    // Loaded when the page is first idle, so a conversation accepted later shows at once (unless a
    // conversation shown has asked for them meanwhile).
    const load = (): void => void (this.#parts === 'idle' && this.#loadParts().catch(() => undefined));
    if (typeof requestIdleCallback === 'function') requestIdleCallback(load, { timeout: 2000 });
    else setTimeout(load);
  }

  /**
   * Loads the transcript and the attachment picker once; a failed load is tried again on the next call,
   * with the transcript in place and busy meanwhile, or (`retry`: Try again) the notice kept, busy.
   */
  #loadParts(retry = false): Promise<void> {
    if (this.#parts !== 'ready' && (!CcCommunicationPanel.loadParts || CcCommunicationPanel.partsDefined())) this.#partsLoaded();
    if (this.#parts === 'ready') return Promise.resolve();
    if (this.#parts === 'idle' || this.#parts === 'failed') {
      this.#parts = retry && this.#parts === 'failed' ? 'retrying' : 'loading';
      this.requestUpdate();
      void this.#partsLoad().then(
        () => this.#partsLoaded(),
        () => {
          this.#parts = 'failed';
          this.#partsAttempt++;
          this.requestUpdate();
          // Registered meanwhile by another panel's load, or by the page: shown without Try again.
          const both = Promise.all([customElements.whenDefined('cc-transcript'), customElements.whenDefined('cc-attachment-picker')]);
          void both.then(() => CcCommunicationPanel.partsDefined() && this.#partsLoaded());
        },
      );
    }
    return this.#partsLoad().then(() => undefined);
  }

  #partsLoaded(): void {
    if (this.#parts === 'ready') return;
    this.#parts = 'ready';
    this.requestUpdate();
    const { id } = this.shown;
    if (this.activeDesk && id !== undefined) this.#restoreScroll(id, this.activeDesk);
  }

  /** Try again, after a failed load: the notice stays, busy, until it is in or fails anew. */
  #retryParts = (event: Event): void => {
    this.#retryHadFocus = this.shadowRoot?.activeElement === event.currentTarget;
    void this.#loadParts(true).catch(() => undefined);
    this.requestUpdate();
  };

  /** The attachment picker, once its element is defined and it has become one (a panel out of the page upgrades it only now). */
  async #definedPicker(): Promise<CcAttachmentPicker | undefined> {
    if (!customElements.get('cc-attachment-picker') || this.#parts === 'failed') {
      await this.#loadParts();
      await customElements.whenDefined('cc-attachment-picker');
      // After a failed load the picker is rendered again only now.
      await this.updateComplete;
    }
    return this.#upgraded<CcAttachmentPicker>('cc-attachment-picker', 'open');
  }

  /**
   * The element `selector` of the panel once it has become one (`method` is there): upgraded first,
   * as one rendered while the panel was out of the page is only upgraded now.
   */
  #upgraded<T extends HTMLElement>(selector: string, method: keyof T): T | undefined {
    const element = this.renderRoot?.querySelector<T>(selector);
    if (element) customElements.upgrade(element);
    return element && typeof element[method] === 'function' ? element : undefined;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    void this.#composer?.flush();
  }

  protected override willUpdate(): void {
    // Resolves the conversation shown now: a switch resets the view state before this render, not after it.
    void this.shown.id;
    const { deadline, overdue } = this.wrapUp.value;
    const timing = this.conversation?.state === 'wrap-up' && deadline !== undefined && !overdue;
    this.clock.set(timing ? this.activeDesk?.$now : undefined);
  }

  protected override updated(): void {
    if (this.#retryHadFocus && (this.#parts === 'ready' || this.#parts === 'failed')) {
      this.#retryHadFocus = false;
      // Try again went with the notice it was in: to the message field once loaded, to the new Try again after a failure.
      if (this.#parts === 'ready') this.#focusPending = true;
      else this.renderRoot.querySelector<HTMLElement>('.parts-failed .retry-load')?.focus();
    }
    if (this.#composer && this.textarea && this.#focusPending) {
      this.#focusPending = false;
      // After Accept the notification goes away; give keyboard users the composer instead of <body>.
      if (document.activeElement === document.body || document.activeElement === null) this.textarea.focus();
    }
  }

  #show(id: string | undefined, desk: Desk | undefined, previous: string | undefined): void {
    if (desk && id !== undefined) void this.#loadParts().catch(() => undefined);
    this.#keepScroll(id, desk, previous);
    const composer = desk && id !== undefined ? desk.composer(id) : undefined;
    if (composer !== this.#composer) void this.#composer?.flush();
    this.#composer = composer;
    this.composerState.set(composer?.$state);
    this.messageList.set(desk && id !== undefined ? desk.messages(id) : undefined);
    this.customerTyping.set(desk && id !== undefined ? desk.typing(id) : undefined);
    this.window.set(desk && id !== undefined ? desk.replyWindow(id) : undefined);
    this.wrapUp.set(desk && id !== undefined ? desk.wrapUp.state(id) : undefined);
    this.error = '';
    this.menuOpen = false;
    this.transferPending = false;
    this.#workday?.reset();
    this.#quick?.close();
    this.#emoji?.close();
    this.#focusPending = true;
  }

  /**
   * Sessions keep their transcript's place (F13): the one switched away from remembers where it was
   * scrolled, and the one shown comes back there once rendered (at the newest message if it has none).
   */
  #keepScroll(id: string | undefined, desk: Desk | undefined, previous: string | undefined): void {
    const transcript = this.#transcript();
    const before = this.#shownDesk;
    this.#shownDesk = desk;
    const hadSession = previous !== undefined && !!before?.sessions.$sessions.get().some((s) => s.conversationId === previous);
    if (transcript && before && hadSession) before.sessions.setScroll(previous!, transcript.scrollPosition);
    if (!desk || id === undefined) return;
    // Until the transcript is in (or after its load failed), the place is restored once it is.
    if (this.#parts === 'ready' || customElements.get('cc-transcript')) this.#restoreScroll(id, desk);
  }

  /** Puts the transcript back where the session was, once rendered, if that conversation is still the one shown. */
  #restoreScroll(id: string, desk: Desk): void {
    void this.updateComplete.then(() => {
      if (this.shown.id !== id || this.activeDesk !== desk) return;
      const scroll = desk.sessions.$sessions.get().find((s) => s.conversationId === id)?.scroll;
      // One still undefined (registered by hand, later) opens at the newest message.
      this.#transcript()?.restoreScroll(scroll);
    });
  }

  /** The transcript shown, once its element is defined and it has become one. */
  #transcript(): CcTranscript | undefined {
    return this.#upgraded<CcTranscript>('cc-transcript', 'restoreScroll');
  }

  #onInput = (event: Event): void => {
    this.error = '';
    const field = event.target as HTMLTextAreaElement;
    this.#composer?.setDraft(field.value);
    // F15: a `/` at the start of a word opens the quick replies, loaded on first use.
    if (this.#quick || /(^|\s)\//u.test(field.value)) void this.#quickReplies().then((quick) => quick.input(field), this.#fail);
  };

  #fail = (error: unknown): void => {
    this.error = errorText(this.localize.t, error);
  };

  #toggleEmoji = (): void => void this.#emojiPart().then((part) => part.toggle(), this.#fail);

  /** Quotes a customer message in the next message (the transcript's Reply). */
  #onReply = (event: CcReplyEvent): void => {
    // As with Retry: the page sees the panel's own event, whose cancel is honoured.
    event.stopPropagation();
    const intent = new CcReplyEvent(event.conversationId, event.messageId);
    this.dispatchEvent(intent);
    if (intent.defaultPrevented || !this.#composerOpen()) return;
    this.#composer?.setReplyTo(event.messageId);
    this.textarea?.focus();
  };

  #onKeyDown = (event: KeyboardEvent): void => {
    if (this.#quick?.key(event)) return;
    if (event.key === 'Escape' && this.composerState.value.replyTo) {
      event.preventDefault();
      this.#composer?.setReplyTo(undefined);
      return;
    }
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
    return composerSendBlock(conversation, desk.now(), this.composerState.value.draft, composer.attachments.length) === undefined;
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
    } catch (error) {
      this.error = error instanceof DeskError ? errorText(this.localize.t, error) : this.localize.t.panel.endFailed;
    }
  }

  /** Put on hold, Resume, Release to queue. */
  async #move(to: ConversationState): Promise<void> {
    this.menuOpen = false;
    const desk = this.activeDesk;
    const conversation = this.conversation;
    if (!desk || !conversation) return;
    const intent = new CcTransitionEvent(conversation.id, to);
    this.dispatchEvent(intent);
    if (intent.defaultPrevented) return;
    this.error = '';
    try {
      await desk.transition(conversation.id, to);
    } catch (error) {
      this.error = error instanceof DeskError ? errorText(this.localize.t, error) : this.localize.t.panel.transitionFailed;
    }
  }

  #openTransfer = (): void => {
    this.#closeMenu();
    if (this.#workday) return this.#workday.openTransfer();
    this.error = '';
    this.transferPending = true;
    const id = this.shown.id;
    void this.#workdayPart().then(
      (part) => {
        // Only if the agent still waits for it on the same conversation.
        if (!this.transferPending || this.shown.id !== id) return;
        this.transferPending = false;
        part.openTransfer();
      },
      (error: unknown) => {
        this.transferPending = false;
        this.#fail(error);
      },
    );
  };

  /** Loads the wrap-up area and the transfer dialog once; a load that failed is tried again on the next call. */
  #workdayPart(): Promise<PanelWorkday> {
    this.#workdayFailed = false;
    const deps = { html, nothing, CcTransferEvent, maxNote: MAX_WRAP_UP_NOTE, formatRemaining, hostText };
    const host = {
      element: this,
      localize: this.localize,
      wrapUp: () => this.wrapUp.value,
      error: () => this.error,
      fail: this.#fail,
      clearError: () => void (this.error = ''),
      close: () => void this.#end('closed'),
      focusMenuButton: () => this.renderRoot.querySelector<HTMLElement>('.menu-button')?.focus(),
    };
    // A failure to load, or to set up what loaded, shows the error and can be tried again.
    return (this.#workdayLoading ??= CcCommunicationPanel.loadWorkday()
      .then((m) => ((this.#workday = m.panelWorkdayPart(deps, host)), this.requestUpdate(), this.#workday))
      .catch((error: unknown) => ((this.#workdayLoading = undefined), (this.#workdayFailed = true), this.requestUpdate(), Promise.reject(error))));
  }

  /** The wrap-up area, or while its chunk loads a placeholder in its place (with Try again once a load failed). */
  #renderWrapUp(conversation: Conversation) {
    if (this.#workday) return this.#workday.wrapUp(conversation);
    if (!this.#workdayFailed && !this.#workdayLoading) void this.#workdayPart().catch(this.#fail);
    const t = this.localize.t;
    const retry = (): void => {
      this.error = '';
      // The button goes away: once loaded, the wrap-up note takes the focus.
      this.#focusPending = true;
      void this.#workdayPart().catch(this.#fail);
    };
    // Its line is not a live region: the loaded area's own status line says it, once.
    return html`<div
      class="composer wrap-up"
      part="composer wrap-up"
      role="group"
      aria-labelledby="wrap-up-status"
      aria-busy=${this.#workdayFailed ? 'false' : 'true'}
    >
      <p class="notice" id="wrap-up-status">${t.panel.wrapUp}</p>
      ${this.#workdayFailed ? html`<button type="button" class="retry-load" @click=${retry}>${t.panel.retryLoad}</button>` : nothing}
      ${this.error ? html`<p class="notice error" role="alert">${this.error}</p>` : nothing}
    </div>`;
  }

  /** The transcript: until its element is loaded, in place and busy (it upgrades in place). */
  #renderTranscript(conversation: Conversation) {
    const ready = this.#parts === 'ready';
    return html`${ready ? nothing : html`<p class="visually-hidden" role="status">${this.localize.t.panel.loading}</p>`}<cc-transcript
        aria-busy=${ready ? nothing : 'true'}
        part="transcript"
        exportparts="bubble:transcript-bubble,customer-bubble:transcript-customer-bubble,agent-bubble:transcript-agent-bubble,system-bubble:transcript-system-bubble,bot-bubble:transcript-bot-bubble,text:transcript-text,author:transcript-author,scroller:transcript-scroller,jump:transcript-jump,typing:transcript-typing,reply:transcript-reply,more:transcript-more"
        lang=${this.localize.lang}
        .messages=${this.messageList.value}
        customer-name=${conversation.customer?.name ?? ''}
        ?typing=${this.customerTyping.value}
        ?replyable=${this.#composerOpen()}
        @cc-retry=${this.#onRetry}
        @cc-reply=${this.#onReply}
      ></cc-transcript>`;
  }

  /** The failure notice stands in the transcript's place (and the picker's): after a failure, and while Try again loads. */
  #partsFailedShown(): boolean {
    return this.#parts === 'failed' || this.#parts === 'retrying';
  }

  /** The transcript and the attachment picker could not be loaded: say so, with Try again. */
  #renderPartsFailed() {
    const t = this.localize.t;
    // Keyed by attempt: a load that fails again is a new alert, announced again.
    return keyed(
      this.#partsAttempt,
      html`<div class="notice error parts-failed" aria-busy=${this.#parts === 'retrying' ? 'true' : 'false'}>
        <p role="alert">${t.panel.partsFailed}</p>
        <button type="button" class="retry-load" @click=${this.#retryParts}>${t.panel.retryLoad}</button>
      </div>`,
    );
  }

  #onAttach = (): void => {
    // Checking files makes the composer busy without changing its store: look again once it is done.
    void this.#composer?.settled().then(() => this.requestUpdate());
  };

  #toggleMenu = (): void => {
    this.menuOpen = !this.menuOpen;
    if (this.menuOpen) {
      // A disabled item cannot take focus: start on the first one that works.
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[role="menuitem"]:not(:disabled)')?.focus());
    }
  };

  #onMenuKeyDown = (event: KeyboardEvent): void => {
    const items = [...this.renderRoot.querySelectorAll<HTMLElement>('[role="menuitem"]:not(:disabled)')];
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
    const id = this.shown.id;
    // A failed load is said in the transcript's place already.
    void this.#definedPicker().then((picker) => {
      if (!picker || this.shown.id !== id) return;
      // The file chooser opens only close enough to the press: after a slow load, ask for another one.
      if (navigator.userActivation && !navigator.userActivation.isActive) this.error = this.localize.t.panel.attachAgain;
      else picker.open();
    }, () => undefined);
  };

  /** "…" → Save as quick reply: the draft becomes one of the agent's own replies. */
  #saveQuickReply = (): void => {
    this.menuOpen = false;
    void this.#quickReplies().then((quick) => quick.save(), this.#fail);
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
    const id = this.shown.id;
    void this.#definedPicker().then((picker) => {
      if (!picker) return;
      // Never into another conversation's draft: the agent switched while the picker loaded.
      if (this.shown.id !== id) return void (this.error = this.localize.t.panel.filesNotAdded);
      // The picker shows refusals and failures itself; nothing is left to handle here.
      return picker.addFiles(files).catch(() => undefined);
    }, () => undefined);
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
      ${sentimentAlert(this.activeDesk, conversation.id, this.localize.lang)} ${callControls(this.activeDesk, conversation.id, this.localize.lang, false, this.callSound)}
      ${this.activeDesk.privacy.configured ? html`<p class="privacy" part="privacy" role="status">${t.panel.privacy}</p>` : nothing}
      ${this.#partsFailedShown() ? this.#renderPartsFailed() : this.#renderTranscript(conversation)}
      ${this.#renderFooter(conversation)}
      ${this.dragging ? html`<div class="drop" aria-hidden="true">${t.panel.dropHere}</div>` : nothing}
      ${this.#workday?.transfer()}
      ${this.transferPending
        ? html`<p class="notice transfer-loading" role="status" aria-label=${t.panel.transfer}>${t.panel.loading}</p>`
        : nothing}
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
    const can = (to: ConversationState): boolean => desk.canTransition(conversation.id, to);
    // Open from Active is a release or a transfer; from Waiting only a release.
    const canTransfer = Boolean(desk.capabilities.transfer) && conversation.state === 'active' && can('open');
    const closeBlocked = desk.wrapUp.closeBlock(conversation) !== undefined;
    // role="none": the page's own header is the banner landmark, not the panel's.
    return html`<header part="header" role="none">
      <div>
        <h2 dir="auto">${conversation.customer?.name?.trim() || t.panel.unnamedCustomer}</h2>
        <span class="channel">${t.channel.facebook} · ${conversation.queue}</span>
      </div>
      ${avatar(conversation.customer?.name, conversation.customer?.avatarUrl)}
      <span class="badge ${conversation.state}" part="state">${t.state[conversation.state]}</span>
      ${sentimentBadge(desk, conversation.id, this.localize.lang)}
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
          ${icon(ellipsis)}
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
              ${conversation.state === 'active' && this.composerState.value.draft.trim()
                ? html`<button role="menuitem" @click=${this.#saveQuickReply}>${t.quickReplies.save}</button>`
                : nothing}
              ${callMenu(this.activeDesk, conversation, t, this, () => (this.menuOpen = false))}
              ${can('wrap-up') ? html`<button role="menuitem" @click=${() => this.#end('wrap-up')}>${t.panel.endConversation}</button>` : nothing}
              ${conversation.state === 'active' && can('waiting')
                ? html`<button role="menuitem" @click=${() => this.#move('waiting')}>${t.panel.putOnHold}</button>`
                : nothing}
              ${conversation.state === 'waiting' && can('active')
                ? html`<button role="menuitem" @click=${() => this.#move('active')}>${t.panel.resume}</button>`
                : nothing}
              ${can('open') ? html`<button role="menuitem" @click=${() => this.#move('open')}>${t.panel.releaseToQueue}</button>` : nothing}
              ${canTransfer ? html`<button role="menuitem" aria-haspopup="dialog" @click=${this.#openTransfer}>${t.panel.transfer}</button>` : nothing}
              ${can('closed')
                ? html`<button role="menuitem" ?disabled=${closeBlocked} @click=${() => this.#end('closed')}>${t.panel.closeConversation}</button>`
                : nothing}
            </div>`
          : nothing}
      </div>
    </header>`;
  }

  /** "Replying to Anna: …" with × while the agent quotes a customer message. */
  #renderReplying(conversation: Conversation) {
    const id = this.composerState.value.replyTo;
    if (!id) return nothing;
    const t = this.localize.t;
    const quoted = this.messageList.value.find((m) => m.id === id);
    const text = visibleText(quoted?.text ?? quoted?.attachments?.[0]?.name ?? '').replace(/\s+/gu, ' ').trim();
    const snippet = text.length > 80 ? `${text.slice(0, 80)}…` : text;
    const name = conversation.customer?.name?.trim() || t.panel.unnamedCustomer;
    return html`<div class="replying" part="replying">
      <span role="status">${t.panel.replyingTo(name, snippet)}</span>
      <button type="button" class="tool" aria-label=${t.panel.cancelReply} title=${t.panel.cancelReply} @click=${() => (this.#composer?.setReplyTo(undefined), this.textarea?.focus())}>
        ${icon(close)}
      </button>
    </div>`;
  }

  /** The emoji and attach buttons, with the attachment policy shown before a file is chosen. */
  #renderTools(disabled: boolean) {
    const t = this.localize.t;
    const desk = this.activeDesk!;
    const { allow, maxBytes } = desk.policy;
    const types = [...new Set(allow.map((ext) => (ext === 'jpeg' ? 'JPG' : ext.toUpperCase())))].join(', ');
    return html`<div class="tools" part="tools">
      <button
        type="button"
        class="tool"
        part="emoji-button"
        aria-label=${t.panel.emoji}
        title=${t.panel.emoji}
        aria-haspopup="dialog"
        aria-expanded=${this.#emoji?.open ? 'true' : 'false'}
        ?disabled=${disabled}
        @click=${this.#toggleEmoji}
      >
        ${icon(smile)}
      </button>
      ${desk.capabilities.upload
        ? html`<button
              type="button"
              class="tool"
              part="attach-button"
              aria-label=${t.panel.attachFile}
              title=${t.panel.attachFile}
              aria-describedby="policy"
              ?disabled=${disabled}
              @click=${this.#attach}
            >
              ${icon(paperclip)}
            </button>
            <span class="policy" id="policy" part="policy">${t.attachments.policy(types, t.attachments.size(maxBytes))}</span>`
        : nothing}
    </div>`;
  }

  #renderFooter(conversation: Conversation) {
    const t = this.localize.t;
    if (conversation.state === 'wrap-up') return this.#renderWrapUp(conversation);
    if (conversation.state === 'closed') {
      return html`<div class="composer" part="composer"><p class="notice" role="status">${t.panel.closed}</p></div>`;
    }
    const window = this.window.value;
    const blocked = !window.open;
    const draft = this.composerState.value.draft;
    const length = draft.length;
    const over = length - MAX_MESSAGE_LENGTH;
    const unfilled = conversation.state === 'active' ? unfilledPlaceholders(draft) : [];
    const described = [blocked ? 'window-help' : '', 'hint', 'counter', unfilled.length > 0 ? 'placeholder-help' : ''].filter(Boolean).join(' ');
    return html`<div class="composer" part="composer" @paste=${this.#onPaste}>
      ${conversation.state === 'waiting' ? html`<p class="notice" role="status">${t.panel.waiting}</p>` : nothing}
      ${blocked
        ? html`<p class="notice error" id="window-help" role="status">
            <strong>${t.panel.windowClosed}.</strong>
            ${window.closesAt === undefined ? t.panel.windowNotOpen : t.panel.windowClosedHelp}
          </p>`
        : nothing}
      ${this.#quick?.list(conversation.id)} ${this.#renderReplying(conversation)}
      <label class="visually-hidden" for="composer">${t.panel.composerLabel}</label>
      <span class="visually-hidden" id="hint">${t.panel.composerHint} ${t.quickReplies.hint}</span>
      <textarea
        id="composer"
        part="textarea"
        rows="2"
        .value=${draft}
        placeholder=${t.panel.placeholder}
        ?disabled=${blocked || conversation.state !== 'active'}
        aria-describedby=${described}
        aria-invalid=${over > 0 ? 'true' : 'false'}
        @input=${this.#onInput}
        @keydown=${this.#onKeyDown}
        @blur=${() => this.#quick?.close()}
      ></textarea>
      <button
        class="primary"
        part="send"
        ?disabled=${!this.#canSend()}
        aria-describedby=${unfilled.length > 0 ? 'placeholder-help' : nothing}
        @click=${() => void this.send()}
      >
        ${t.panel.send}
      </button>
      ${this.#emoji?.render()} ${this.#renderTools(blocked || conversation.state !== 'active')}
      <span id="counter" class="counter ${over > 0 ? 'over' : ''}">
        ${t.panel.counter(length, MAX_MESSAGE_LENGTH)}${over > 0 ? html` · <span role="alert">${t.panel.tooLong(over)}</span>` : nothing}
      </span>
      ${unfilled.length > 0 ? this.#quick?.unfilled(unfilled) ?? void this.#quickReplies().catch(() => undefined) : nothing}
      ${this.error ? html`<p class="notice error" role="alert">${this.error}</p>` : nothing}
      ${this.#quick?.notice()}
      ${this.#partsFailedShown() ? nothing : this.#renderPicker(conversation, blocked)}
    </div>`;
  }

  /** The composer's attachment picker; until its element is loaded, in place (it upgrades in place). */
  #renderPicker(conversation: Conversation, blocked: boolean) {
    return html`<cc-attachment-picker
        compact
        part="attachment-picker"
        exportparts="list:attachment-list,item:attachment-item,progress:attachment-progress,reason:attachment-reason"
        .desk=${this.activeDesk}
        conversation-id=${conversation.id}
        lang=${this.localize.lang}
        ?hidden=${blocked || !this.activeDesk?.capabilities.upload}
        @cc-attach=${this.#onAttach}
      ></cc-attachment-picker>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cc-communication-panel': CcCommunicationPanel;
  }
}
