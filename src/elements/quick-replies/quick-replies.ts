import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Desk, InsertedReply, QuickReply } from '../../core/desk/desk.js';
import { searchReplies } from '../../core/quick-replies.js';
import { ConversationController } from '../../controllers/conversation-controller.js';
import { StoreController } from '../../controllers/store-controller.js';
import { quickRepliesStrings } from '../../i18n/en/quick-replies.js';
import { errorText } from '../../i18n/error-text.js';
import { DeskElement } from '../desk-element.js';
import { quickRepliesStyles } from './quick-replies.styles.js';

/** Fired before a quick reply is inserted; cancel it to keep the draft as it is. */
export class CcQuickReplyEvent extends Event {
  static readonly eventName = 'cc-quick-reply';
  constructor(
    readonly conversationId: string,
    readonly reply: QuickReply,
  ) {
    super(CcQuickReplyEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

/** Fired once a quick reply is in the draft: where the caret goes and which placeholders are left. */
export class CcQuickReplyInsertedEvent extends Event {
  static readonly eventName = 'cc-quick-reply-inserted';
  constructor(
    readonly conversationId: string,
    readonly reply: QuickReply,
    readonly result: InsertedReply,
  ) {
    super(CcQuickReplyInsertedEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Replies listed at once: the list never scrolls (its options take no focus); typing narrows it. */
const MAX_SHOWN = 6;
let instances = 0;

/**
 * The quick replies matching what the agent typed after `/` in the composer (F15): a listbox that
 * the composer's field drives (`input`): Up/Down move (`aria-activedescendant` on the field), Enter
 * or a click inserts the reply, with its placeholders filled from the conversation, in place of the
 * `/query` (`range`). The count is announced as it changes. Reply texts are shown as text only.
 *
 * It renders without a shadow root, next to the field it serves, so the field's
 * `aria-activedescendant` and `aria-controls` can point at its options. `<cc-communication-panel>`
 * loads it on the first `/` typed.
 *
 * @summary The `/` quick-reply list of the composer.
 * @tag cc-quick-replies
 * @fires cc-quick-reply - CcQuickReplyEvent, cancelable: before a reply is inserted. Cancel to leave the draft as it is.
 * @fires cc-quick-reply-inserted - CcQuickReplyInsertedEvent: the reply is in the draft (`result.draft`, `result.caret`, `result.unfilled`).
 * @cssprop --cc-color-surface - List background.
 * @cssprop --cc-color-border - List border.
 * @cssprop --cc-color-text-muted - Reply texts and the count.
 * @cssprop --cc-color-highlight - The active reply.
 */
export class CcQuickReplies extends DeskElement {
  /** @internal */
  protected static override strings = [quickRepliesStrings];

  /** @internal */
  private readonly replies = new StoreController<readonly QuickReply[]>(this, []);
  #conversation = new ConversationController(this);

  /** The conversation whose draft a reply goes into. Default: the desk's active conversation. */
  @property({ attribute: 'conversation-id' }) conversationId: string | undefined;

  /** What the agent typed after `/`: filters by shortcut, title and text, accents optional. */
  @property() query = '';

  /** The part of the draft a reply replaces (the `/query`); default: appended. */
  @property({ attribute: false }) range: { start: number; end: number } | undefined;

  /** The field that drives the list; it gets `aria-controls`, `aria-activedescendant` and `aria-autocomplete`. */
  @property({ attribute: false }) input: HTMLElement | undefined;

  /** @internal */
  @state() private active = 0;
  /** @internal */
  @state() private phase: 'loading' | 'ready' | 'failed' = 'loading';
  /** @internal */
  @state() private problem = '';

  readonly #id = `cc-qr-${++instances}`;
  #loadedFor: Desk | undefined;

  /** Renders next to the field it serves (see the class description). */
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // No shadow root: the styles go to the tree the element is in, once per tree.
    const root = this.getRootNode() as Document | ShadowRoot;
    const sheet = quickRepliesStyles.styleSheet;
    if (sheet && 'adoptedStyleSheets' in root && !root.adoptedStyleSheets.includes(sheet)) {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    }
  }

  /** The replies shown, best first. */
  get results(): readonly QuickReply[] {
    return searchReplies(this.replies.value, this.query, this.localize.lang).slice(0, MAX_SHOWN);
  }

  /** The id of the active option (for the field's `aria-activedescendant`), if any. */
  get activeOptionId(): string | undefined {
    return this.results.length > 0 ? `${this.#id}-${this.active}` : undefined;
  }

  /** Moves the active reply by `delta`, wrapping around. */
  move(delta: number): void {
    const n = this.results.length;
    if (n > 0) this.active = (((this.active + delta) % n) + n) % n;
  }

  /**
   * Inserts the active reply (or the one at `index`) after a cancelable `cc-quick-reply`; resolves
   * with what the desk did, or undefined when cancelled or there is nothing to insert.
   */
  async choose(index = this.active): Promise<InsertedReply | undefined> {
    const desk = this.activeDesk;
    const conversationId = this.#conversation.id;
    const reply = this.results[index];
    if (!desk || conversationId === undefined || !reply) return undefined;
    const intent = new CcQuickReplyEvent(conversationId, reply);
    this.dispatchEvent(intent);
    if (intent.defaultPrevented) return undefined;
    try {
      const result = await desk.quickReplies.insert(conversationId, reply.id, this.range);
      this.dispatchEvent(new CcQuickReplyInsertedEvent(conversationId, reply, result));
      return result;
    } catch (error) {
      this.problem = errorText(this.localize.t, error);
      return undefined;
    }
  }

  protected override deskChanged(desk: Desk | undefined): void {
    this.replies.set(desk?.quickReplies.$replies);
    if (!desk || this.#loadedFor === desk) return;
    this.#loadedFor = desk;
    this.phase = 'loading';
    desk.quickReplies.load().then(
      () => this.activeDesk === desk && (this.phase = 'ready'),
      () => this.activeDesk === desk && (this.phase = 'failed'),
    );
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('query')) {
      this.active = 0;
      this.problem = '';
    }
    if (this.active >= this.results.length) this.active = 0;
  }

  protected override updated(): void {
    const input = this.input;
    const active = this.activeOptionId;
    if (input) {
      input.setAttribute('aria-autocomplete', 'list');
      if (active) {
        input.setAttribute('aria-controls', `${this.#id}-list`);
        input.setAttribute('aria-activedescendant', active);
      } else {
        input.removeAttribute('aria-controls');
        input.removeAttribute('aria-activedescendant');
      }
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const name of ['aria-autocomplete', 'aria-controls', 'aria-activedescendant']) this.input?.removeAttribute(name);
  }

  protected override render() {
    const t = this.localize.t.quickReplies;
    const results = this.results;
    const waiting = results.length === 0 && this.phase === 'loading';
    const status = this.problem || (this.phase === 'failed' && results.length === 0 ? t.failed : waiting ? t.loading : results.length > 0 ? t.count(results.length) : t.noMatch);
    return html`<div class="cc-qr">
        ${results.length > 0
          ? html`<ul id=${`${this.#id}-list`} class="cc-qr-list" role="listbox" aria-label=${t.label}>
              ${results.map((reply, i) => this.#renderOption(reply, i))}
            </ul>`
          : nothing}
        <p class=${results.length > 0 && !this.problem ? 'cc-qr-status cc-qr-sr' : 'cc-qr-status'} role="status">${status}</p>
      </div>`;
  }

  #renderOption(reply: QuickReply, i: number) {
    const t = this.localize.t.quickReplies;
    return html`<li
      id=${`${this.#id}-${i}`}
      class="cc-qr-option"
      role="option"
      aria-selected=${i === this.active ? 'true' : 'false'}
      lang=${reply.locale ?? nothing}
      @mousedown=${(event: Event) => event.preventDefault()}
      @click=${() => void this.choose(i)}
    >
      <span class="cc-qr-title">${reply.title}</span>
      ${reply.shortcut ? html`<span class="cc-qr-shortcut">/${reply.shortcut}</span>` : nothing}
      ${reply.source === 'own' ? html`<span class="cc-qr-own">${t.own}</span>` : nothing}
      <span class="cc-qr-text">${reply.text}</span>
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cc-quick-replies': CcQuickReplies;
  }
  interface GlobalEventHandlersEventMap {
    'cc-quick-reply': CcQuickReplyEvent;
    'cc-quick-reply-inserted': CcQuickReplyInsertedEvent;
  }
}
