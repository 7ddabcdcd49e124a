// The composer's quick replies (F15), a lazy chunk `<cc-communication-panel>` loads on the first `/`
// at a word start, on a placeholder left in the draft, or on "…" → Save as quick reply: the `/query`
// and the list's keys, the "Fill in {caseNumber}" notice, and saving the draft as an own reply. Like
// the list's module (which comes in the same chunk) it imports nothing the page has already loaded:
// Lit, the base element and the composer's strings come in as `deps`, so a host's bundler keeps
// them in the first load.
import type { TemplateResult } from 'lit';
import type { Desk } from '../../core/desk/desk.js';
import type { Conversation } from '../../core/model.js';
import { slashToken, type SlashToken } from '../../core/quick-replies-search.js';
import type { PlaceholderName } from '../../core/rules.js';
import type { Catalog } from '../../i18n/catalog.js';
import type { quickRepliesComposerStrings } from '../../i18n/en/quick-replies-composer.js';
import { listQuickReplies } from '../../i18n/en/quick-replies-list.js';
import { CcQuickReplySaveEvent, ownReplyTitle } from '../quick-replies/events.js';
import { defineQuickReplies, type CcQuickReplies, type CcQuickReplyInsertedEvent, type QuickRepliesDeps } from '../quick-replies/quick-replies.js';

/** What the panel gives: the list's deps, with the composer's part of the English. */
export type ComposerQuickRepliesDeps = Omit<QuickRepliesDeps, 'strings'> & { strings: typeof quickRepliesComposerStrings };

/** The panel as its quick replies see it. */
export interface ComposerQuickRepliesHost {
  readonly element: HTMLElement & { readonly activeDesk: Desk | undefined; readonly conversation: Conversation | undefined; requestUpdate(): void; readonly updateComplete: Promise<boolean> };
  /** The panel's language and catalog now. */
  readonly localize: { readonly t: Catalog; readonly lang: string };
  /** The message field, once rendered. */
  field(): HTMLTextAreaElement | undefined;
  /** Shows a refusal in the panel's error line. */
  fail(error: unknown): void;
}

/** The composer's quick replies, one per panel. */
export interface ComposerQuickReplies {
  /** The field's text or caret changed: opens, narrows or closes the list. */
  input(field: HTMLTextAreaElement): void;
  /** Closes the list (conversation switched, field left). */
  close(): void;
  /** Up/Down/Enter/Escape/Tab/Shift+Delete while the list is open; true when the key was the list's. */
  key(event: KeyboardEvent): boolean;
  /** The list, while a `/query` is typed. */
  list(conversationId: string): TemplateResult | symbol;
  /** "Fill in {caseNumber} before sending.", the placeholders marked. */
  unfilled(names: readonly PlaceholderName[]): TemplateResult;
  /** What the last quick-reply action did ("Saved as a quick reply"). */
  notice(): TemplateResult | symbol;
  /** "…" → Save as quick reply: the draft becomes one of the agent's own replies, after a cancelable `cc-quick-reply-save`. */
  save(): Promise<void>;
}

/** The panel's styles for what this part renders in it: plain text, added to its shadow root on load. */
const css = `
  .quick-replies {
    grid-column: 1 / -1;
  }
  .placeholders mark {
    background: var(--cc-color-highlight, light-dark(#fff3b0, #5c4a00));
    color: var(--cc-color-text, light-dark(#1d2330, #e8eaf0));
    border-radius: 3px;
    padding: 0 2px;
    font-weight: 600;
  }
`;
let sheet: CSSStyleSheet | undefined;

/** Registers `<cc-quick-replies>` from the panel's deps and gives the panel its composer part. */
export function composerQuickReplies(deps: ComposerQuickRepliesDeps, host: ComposerQuickRepliesHost): ComposerQuickReplies {
  const { html, nothing } = deps;
  const root = host.element.shadowRoot;
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  if (root && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  // The English of both parts; the panel's catalog (Polish, a host's) wins over it.
  const english = { ...deps.strings.quickReplies, ...listQuickReplies };
  defineQuickReplies({ ...deps, strings: { quickReplies: english } });
  const panel = host.element;
  const t = (): Catalog['quickReplies'] => ({ ...english, ...host.localize.t.quickReplies });
  let slash: SlashToken | undefined;
  let notice = '';
  const set = (token: SlashToken | undefined): void => {
    slash = token;
    panel.requestUpdate();
  };
  const listElement = (): CcQuickReplies | null | undefined => (slash ? panel.shadowRoot?.querySelector('cc-quick-replies') : null);
  const inserted = (event: CcQuickReplyInsertedEvent): void => {
    set(undefined);
    const caret = event.result.caret;
    void panel.updateComplete.then(() => {
      const field = host.field();
      if (!field) return;
      field.focus();
      field.setSelectionRange(caret, caret);
    });
  };
  return {
    input(field) {
      notice = '';
      set(field.selectionStart === field.selectionEnd ? slashToken(field.value, field.selectionEnd) : undefined);
    },
    close: () => slash && set(undefined),
    key(event) {
      if (!slash) return false;
      if (event.key === 'Escape' || event.key === 'Tab') {
        if (event.key === 'Escape') event.preventDefault();
        event.stopPropagation();
        set(undefined);
        return event.key === 'Escape';
      }
      const list = listElement();
      if (!list?.results.length || event.altKey || event.ctrlKey || event.metaKey || event.isComposing) return false;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') list.move(event.key === 'ArrowDown' ? 1 : -1);
      else if (event.key === 'Enter' && !event.shiftKey) void list.choose();
      else if (event.key === 'Delete' && event.shiftKey) void list.removeActive();
      else return false;
      event.preventDefault();
      return true;
    },
    list: (conversationId) =>
      slash
        ? html`<cc-quick-replies
            class="quick-replies"
            part="quick-replies"
            lang=${host.localize.lang}
            .desk=${panel.activeDesk}
            conversation-id=${conversationId}
            .query=${slash.query}
            .range=${{ start: slash.start, end: slash.end }}
            .input=${host.field()}
            @cc-quick-reply-inserted=${inserted}
          ></cc-quick-replies>`
        : nothing,
    unfilled: (names) =>
      html`<p class="notice reason placeholders" part="placeholders" id="placeholder-help" role="status">
        ${t()
          .fillIn(names.map((name) => `{${name}}`).join(', '))
          .split(/(\{[A-Za-z]+\})/u)
          .map((piece, i) => (i % 2 === 1 ? html`<mark>${piece}</mark>` : piece))}
      </p>`,
    notice: () => (notice ? html`<p class="notice" role="status">${notice}</p>` : nothing),
    async save() {
      const desk = panel.activeDesk;
      const conversation = panel.conversation;
      const text = conversation ? desk?.composer(conversation.id).draft.trim() : undefined;
      if (!desk || !text) return;
      const intent = new CcQuickReplySaveEvent({ title: ownReplyTitle(text), text });
      panel.dispatchEvent(intent);
      if (intent.defaultPrevented) return;
      try {
        await desk.quickReplies.addOwn(intent.reply);
        notice = t().saved;
        panel.requestUpdate();
      } catch (error) {
        host.fail(error);
      }
      host.field()?.focus();
    },
  };
}
