// This module is the lazy chunk `<cc-communication-panel>` loads on the first `/`. It imports nothing
// that the page has already loaded (Lit, the base element, the strings): those come in as `deps`, so
// a host's bundler does not have to split them out of the first load into chunks shared with this one
// (measured: that split alone cost the golden path about 1.8 kB). define.ts passes the same modules.
import type { html as litHtml, PropertyValues, TemplateResult } from 'lit';
import type { Desk } from '../../core/desk/desk.js';
import type { InsertedReply } from '../../core/desk/quick-replies.js';
import type { QuickReply } from '../../core/quick-replies.js';
import { searchReplies } from '../../core/quick-replies-search.js';
import type { quickRepliesStrings } from '../../i18n/en/quick-replies.js';
import type { errorText as errorTextFn } from '../../i18n/error-text.js';
import type { DeskElement } from '../desk-element.js';
import type { LazyDeskElement } from '../lazy-element.js';
import { quickRepliesCss } from './quick-replies.styles.js';

/** Fired before a quick reply is inserted; cancel it to keep the draft as it is. */
export class CcQuickReplyEvent extends Event {
  static get eventName(): 'cc-quick-reply' {
    return 'cc-quick-reply';
  }
  constructor(
    readonly conversationId: string,
    readonly reply: QuickReply,
  ) {
    super(CcQuickReplyEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

/** Fired once a quick reply is in the draft: where the caret goes and which placeholders are left. */
export class CcQuickReplyInsertedEvent extends Event {
  static get eventName(): 'cc-quick-reply-inserted' {
    return 'cc-quick-reply-inserted';
  }
  constructor(
    readonly conversationId: string,
    readonly reply: QuickReply,
    readonly result: InsertedReply,
  ) {
    super(CcQuickReplyInsertedEvent.eventName, { bubbles: true, composed: true });
  }
}

/** The agent removes an own quick reply (Shift+Delete in the list). Cancel to keep it. */
export class CcQuickReplyRemoveEvent extends Event {
  static get eventName(): 'cc-quick-reply-remove' {
    return 'cc-quick-reply-remove';
  }
  constructor(readonly reply: QuickReply) {
    super(CcQuickReplyRemoveEvent.eventName, { bubbles: true, composed: true, cancelable: true });
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

/** The element's public face (the class is made by `quickRepliesElement`; it is a DeskElement). */
export interface CcQuickReplies extends LazyDeskElement {
  query: string;
  range: { start: number; end: number } | undefined;
  input: HTMLElement | undefined;
  readonly results: readonly QuickReply[];
  readonly activeOptionId: string | undefined;
  move(delta: number): void;
  choose(index?: number): Promise<InsertedReply | undefined>;
  removeActive(): Promise<boolean>;
}

/** Makes the `<cc-quick-replies>` class from the page's Lit and base element (define.ts, or the panel on the first `/`). */
export function quickRepliesElement({ DeskElement, html, nothing, strings, errorText }: QuickRepliesDeps): new () => CcQuickReplies {
  // Documented (tag, events, styling) on CcQuickReplies in define.ts, which the manifest reads.
  class CcQuickRepliesElement extends DeskElement implements CcQuickReplies {
    /** @internal */
    protected static override strings = [strings];

    /** @internal */
    static override properties = {
      conversationId: { attribute: 'conversation-id' },
      query: {},
      range: { attribute: false },
      input: { attribute: false },
    };

    /** The conversation whose draft a reply goes into. Default: the desk's active conversation. */
    conversationId: string | undefined;
    /** What the agent typed after `/`: filters by shortcut, title and text, accents optional. */
    query = '';
    /** The part of the draft a reply replaces (the `/query`); default: appended. */
    range: { start: number; end: number } | undefined;
    /** The field that drives the list; it gets `aria-controls`, `aria-activedescendant` and `aria-autocomplete`. */
    input: HTMLElement | undefined;

    // View state, not attributes: each change asks for an update itself.
    #active = 0;
    #phase: 'loading' | 'ready' | 'failed' = 'loading';
    #problem = '';

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
      return this.results.length > 0 ? `${this.#id}-${this.#active}` : undefined;
    }

    /** Moves the active reply by `delta`, wrapping around. */
    move(delta: number): void {
      const n = this.results.length;
      if (n === 0) return;
      this.#active = (((this.#active + delta) % n) + n) % n;
      this.requestUpdate();
    }

    /**
     * Inserts the active reply (or the one at `index`) after a cancelable `cc-quick-reply`; resolves
     * with what the desk did, or undefined when cancelled or there is nothing to insert.
     */
    async choose(index = this.#active): Promise<InsertedReply | undefined> {
      const desk = this.activeDesk;
      const conversationId = this.conversationId || desk?.$activeConversationId.get();
      const reply = this.results[index];
      if (!desk || !conversationId || !reply) return undefined;
      const intent = new CcQuickReplyEvent(conversationId, reply);
      this.dispatchEvent(intent);
      if (intent.defaultPrevented) return undefined;
      try {
        const result = await desk.quickReplies.insert(conversationId, reply.id, this.range);
        const inserted = new CcQuickReplyInsertedEvent(conversationId, reply, result);
        this.dispatchEvent(inserted);
        return result;
      } catch (error) {
        this.#problem = errorText(this.localize.t, error);
        this.requestUpdate();
        return undefined;
      }
    }

    /** Removes the active reply if it is the agent's own, after a cancelable `cc-quick-reply-remove`; true if removed. */
    async removeActive(): Promise<boolean> {
      const desk = this.activeDesk;
      const reply = this.results[this.#active];
      if (!desk || reply?.source !== 'own') return false;
      const intent = new CcQuickReplyRemoveEvent(reply);
      this.dispatchEvent(intent);
      if (intent.defaultPrevented) return false;
      try {
        await desk.quickReplies.removeOwn(reply.id);
        this.#problem = this.localize.t.quickReplies.removed(reply.title);
        return true;
      } catch (error) {
        this.#problem = errorText(this.localize.t, error);
        return false;
      } finally {
        this.requestUpdate();
      }
    }

    /** @internal */
    protected deskChanged(desk: Desk | undefined): void {
      this.#subscribe(desk);
      if (!desk || this.#loadedFor === desk) return;
      this.#load(desk);
    }

    /** Loads the desk's replies; a failed load is tried again on the next query or desk. */
    #load(desk: Desk): void {
      this.#loadedFor = desk;
      this.#phase = 'loading';
      const loaded = (phase: 'ready' | 'failed') => () => {
        if (phase === 'failed' && this.#loadedFor === desk) this.#loadedFor = undefined;
        if (this.activeDesk !== desk) return;
        this.#phase = phase;
        this.requestUpdate();
      };
      desk.quickReplies.load().then(loaded('ready'), loaded('failed'));
    }

    #subscribe(desk: Desk | undefined): void {
      this.#unsubscribe?.();
      this.#unsubscribe = this.isConnected ? desk?.quickReplies.$replies.listen(() => this.requestUpdate()) : undefined;
      this.requestUpdate();
    }

    protected override willUpdate(changed: PropertyValues<this>): void {
      super.willUpdate(changed);
      if (changed.has('query')) {
        this.#active = 0;
        this.#problem = '';
        const desk = this.activeDesk;
        if (desk && this.#phase === 'failed' && this.#loadedFor === undefined) this.#load(desk);
      }
      if (this.#active >= this.results.length) this.#active = 0;
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
      const waiting = results.length === 0 && this.#phase === 'loading';
      const failed = this.#phase === 'failed' && results.length === 0;
      const count = results[this.#active]?.source === 'own' ? `${t.count(results.length)} ${t.removeHint}` : t.count(results.length);
      const status = this.#problem || (failed ? t.failed : waiting ? t.loading : results.length > 0 ? count : t.noMatch);
      return html`<div class="cc-qr">
        ${results.length > 0
          ? html`<ul id=${`${this.#id}-list`} class="cc-qr-list" role="listbox" aria-label=${t.label}>
              ${results.map((reply, i) => this.#renderOption(reply, i))}
            </ul>`
          : nothing}
        <p class=${results.length > 0 && !this.#problem ? 'cc-qr-status cc-qr-sr' : 'cc-qr-status'} role="status">${status}</p>
      </div>`;
    }

    #renderOption(reply: QuickReply, i: number): TemplateResult {
      const t = this.localize.t.quickReplies;
      return html`<li
        id=${`${this.#id}-${i}`}
        class="cc-qr-option"
        role="option"
        aria-selected=${i === this.#active ? 'true' : 'false'}
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
    'cc-quick-reply-remove': CcQuickReplyRemoveEvent;
  }
}

/** Registers `<cc-quick-replies>` once, built from `deps` (the panel, on the first `/`). */
export function defineQuickReplies(deps: QuickRepliesDeps): void {
  // Through a reference: the manifest documents the element once, as define.ts registers it.
  const registry = customElements;
  if (!registry.get('cc-quick-replies')) registry.define('cc-quick-replies', quickRepliesElement(deps));
}
