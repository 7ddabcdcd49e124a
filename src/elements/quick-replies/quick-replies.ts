// This module is the lazy chunk `<cc-communication-panel>` loads on the first `/`. It imports nothing
// that the page has already loaded (Lit, the base element, the strings): those come in as `deps`, so
// a host's bundler does not have to split them out of the first load into chunks shared with this one
// (measured: that split alone cost the golden path about 1.8 kB). define.ts passes the same modules.
import type { html as litHtml, PropertyValues, TemplateResult } from 'lit';
import type { Desk } from '../../core/desk/desk.js';
import type { InsertedReply } from '../../core/desk/quick-replies.js';
import type { QuickReply } from '../../core/quick-replies.js';
import { searchReplies } from '../../core/quick-replies-text.js';
import type { quickRepliesStrings } from '../../i18n/en/quick-replies.js';
import type { errorText as errorTextFn } from '../../i18n/error-text.js';
import type { DeskElement } from '../desk-element.js';
import { quickRepliesCss } from './quick-replies.styles.js';

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

/** What the element is built from: modules the page has already loaded. */
export interface QuickRepliesDeps {
  DeskElement: typeof DeskElement;
  html: typeof litHtml;
  nothing: symbol;
  strings: typeof quickRepliesStrings;
  errorText: typeof errorTextFn;
}

/** Replies listed at once: the list never scrolls (its options take no focus); typing narrows it. */
const MAX_SHOWN = 6;
let instances = 0;
let sheet: CSSStyleSheet | undefined;

/** The element's public face (the class is made by `quickRepliesElement`). */
export interface CcQuickReplies extends DeskElement {
  conversationId: string | undefined;
  query: string;
  range: { start: number; end: number } | undefined;
  input: HTMLElement | undefined;
  readonly results: readonly QuickReply[];
  readonly activeOptionId: string | undefined;
  move(delta: number): void;
  choose(index?: number): Promise<InsertedReply | undefined>;
}

/** Makes the `<cc-quick-replies>` class from the page's Lit and base element (define.ts, or the panel on the first `/`). */
export function quickRepliesElement({ DeskElement, html, nothing, strings, errorText }: QuickRepliesDeps): new () => CcQuickReplies {
  /**
   * The quick replies matching what the agent typed after `/` in the composer (F15): a listbox that
   * the composer's field drives (`input`): Up/Down move (`aria-activedescendant` on the field), Enter
   * or a click inserts the reply, with its placeholders filled from the conversation, in place of the
   * `/query` (`range`). The count is announced as it changes. Reply texts are shown as text only.
   *
   * It renders without a shadow root, next to the field it serves, so the field's
   * `aria-activedescendant` and `aria-controls` can point at its options. `<cc-communication-panel>`
   * loads it on the first `/` typed; `…/define/quick-replies` registers it up front.
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
  class CcQuickRepliesElement extends DeskElement implements CcQuickReplies {
    /** @internal */
    protected static override strings = [strings];

    static override properties = {
      conversationId: { attribute: 'conversation-id' },
      query: {},
      range: { attribute: false },
      input: { attribute: false },
      active: { state: true },
      phase: { state: true },
      problem: { state: true },
    };

    /** The conversation whose draft a reply goes into. Default: the desk's active conversation. */
    conversationId: string | undefined;
    /** What the agent typed after `/`: filters by shortcut, title and text, accents optional. */
    query = '';
    /** The part of the draft a reply replaces (the `/query`); default: appended. */
    range: { start: number; end: number } | undefined;
    /** The field that drives the list; it gets `aria-controls`, `aria-activedescendant` and `aria-autocomplete`. */
    input: HTMLElement | undefined;

    /** @internal */
    private active = 0;
    /** @internal */
    private phase: 'loading' | 'ready' | 'failed' = 'loading';
    /** @internal */
    private problem = '';

    readonly #id = `cc-qr-${++instances}`;
    #loadedFor: Desk | undefined;
    #unsubscribe: (() => void) | undefined;

    /** Renders next to the field it serves (see the class description). */
    protected override createRenderRoot(): HTMLElement {
      return this;
    }

    override connectedCallback(): void {
      super.connectedCallback();
      // No shadow root: the styles go to the tree the element is in, once per tree.
      const root = this.getRootNode() as Document | ShadowRoot;
      if (!sheet) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(quickRepliesCss);
      }
      if ('adoptedStyleSheets' in root && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      this.#subscribe(this.activeDesk);
    }

    override disconnectedCallback(): void {
      super.disconnectedCallback();
      this.#unsubscribe?.();
      this.#unsubscribe = undefined;
      for (const name of ['aria-autocomplete', 'aria-controls', 'aria-activedescendant']) this.input?.removeAttribute(name);
    }

    /** The replies shown, best first. */
    get results(): readonly QuickReply[] {
      const replies = this.activeDesk?.quickReplies.$replies.get() ?? [];
      return searchReplies(replies, this.query, this.localize.lang).slice(0, MAX_SHOWN);
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
      const conversationId = this.conversationId || desk?.$activeConversationId.get();
      const reply = this.results[index];
      if (!desk || !conversationId || !reply) return undefined;
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

    protected deskChanged(desk: Desk | undefined): void {
      this.#subscribe(desk);
      if (!desk || this.#loadedFor === desk) return;
      this.#loadedFor = desk;
      this.phase = 'loading';
      desk.quickReplies.load().then(
        () => this.activeDesk === desk && (this.phase = 'ready'),
        () => this.activeDesk === desk && (this.phase = 'failed'),
      );
    }

    #subscribe(desk: Desk | undefined): void {
      this.#unsubscribe?.();
      this.#unsubscribe = this.isConnected ? desk?.quickReplies.$replies.listen(() => this.requestUpdate()) : undefined;
      this.requestUpdate();
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
      if (!input) return;
      const active = this.activeOptionId;
      input.setAttribute('aria-autocomplete', 'list');
      if (active) {
        input.setAttribute('aria-controls', `${this.#id}-list`);
        input.setAttribute('aria-activedescendant', active);
      } else {
        input.removeAttribute('aria-controls');
        input.removeAttribute('aria-activedescendant');
      }
    }

    protected override render(): TemplateResult {
      const t = this.localize.t.quickReplies;
      const results = this.results;
      const waiting = results.length === 0 && this.phase === 'loading';
      const failed = this.phase === 'failed' && results.length === 0;
      const status = this.problem || (failed ? t.failed : waiting ? t.loading : results.length > 0 ? t.count(results.length) : t.noMatch);
      return html`<div class="cc-qr">
        ${results.length > 0
          ? html`<ul id=${`${this.#id}-list`} class="cc-qr-list" role="listbox" aria-label=${t.label}>
              ${results.map((reply, i) => this.#renderOption(reply, i))}
            </ul>`
          : nothing}
        <p class=${results.length > 0 && !this.problem ? 'cc-qr-status cc-qr-sr' : 'cc-qr-status'} role="status">${status}</p>
      </div>`;
    }

    #renderOption(reply: QuickReply, i: number): TemplateResult {
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
  return CcQuickRepliesElement;
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

/** Registers `<cc-quick-replies>` once, built from `deps`. */
export function defineQuickReplies(deps: QuickRepliesDeps): void {
  if (!customElements.get('cc-quick-replies')) customElements.define('cc-quick-replies', quickRepliesElement(deps));
}
