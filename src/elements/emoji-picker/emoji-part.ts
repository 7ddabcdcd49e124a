// The composer's emoji picker, a lazy chunk `<cc-communication-panel>` loads on the first press of
// its emoji button. Like the quick replies it imports nothing the page has already loaded: Lit's
// `html` comes in as `deps`, so a host's bundler keeps Lit in the first load. The emoji are bundled
// (emoji-data.ts): nothing is fetched or stored, and it renders with a constructed style sheet and
// Lit templates only, so it runs under a strict CSP with Trusted Types. (emoji-picker-element, the
// ready-made picker weighed first, builds its templates with innerHTML and adds a <style> element,
// both refused by `require-trusted-types-for 'script'` and `style-src 'self'`; it also fetches its
// data, a network call the host's `connect-src` may not allow, and keeps it in IndexedDB.)
import type { html as litHtml, TemplateResult } from 'lit';
import type { Catalog } from '../../i18n/catalog.js';
import { emojiStrings } from '../../i18n/en/emoji.js';
import { CATEGORIES, emojiByCategory, searchEmoji, type Emoji } from './emoji-data.js';
import { emojiPickerCss } from './emoji-picker.styles.js';

export interface EmojiPartDeps {
  html: typeof litHtml;
  nothing: symbol;
}

/** The panel as its emoji picker sees it. */
export interface EmojiPartHost {
  readonly element: HTMLElement & { requestUpdate(): void; readonly updateComplete: Promise<boolean> };
  /** The panel's catalog now. */
  t(): Catalog;
  lang(): string;
}

/** The composer's emoji picker, one per panel. */
export interface EmojiPart {
  readonly open: boolean;
  /** Opens the picker (focus goes to its search field) or closes it (focus back to the message field). */
  toggle(): void;
  /** Closes it; `focusField` gives the message field the focus. */
  close(focusField?: boolean): void;
  /** The picker while open. */
  render(): TemplateResult | symbol;
}

let sheet: CSSStyleSheet | undefined;
let missing: ((char: string) => boolean) | undefined;

/**
 * Whether this system draws an emoji as the "missing glyph" box (no font has it): such emoji are left
 * out rather than offered as empty boxes. Checked on a canvas, once per emoji.
 */
function isMissing(): (char: string) => boolean {
  if (missing) return missing;
  const ctx = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  if (!ctx) return (missing = () => false);
  ctx.font = '24px sans-serif';
  ctx.textBaseline = 'top';
  const paint = (text: string): string => {
    ctx.clearRect(0, 0, 32, 32);
    ctx.fillText(text, 0, 0);
    return ctx.getImageData(0, 0, 32, 32).data.join();
  };
  const box = paint('\uFFFE');
  const seen = new Map<string, boolean>();
  return (missing = (char) => seen.get(char) ?? (seen.set(char, paint(char) === box), seen.get(char)!));
}

/** The emoji worth offering here: all of them if the system draws none (better boxes than nothing). */
function shown(list: readonly Emoji[]): readonly Emoji[] {
  const gap = isMissing();
  const all = [...emojiByCategory().values()].flat();
  return all.every((e) => gap(e.char)) ? list : list.filter((e) => !gap(e.char));
}

/** Gives the panel its emoji picker. */
export function emojiPart({ html, nothing }: EmojiPartDeps, host: EmojiPartHost): EmojiPart {
  const panel = host.element;
  const root = panel.shadowRoot;
  /** The message field the emoji go into. */
  const field = (): HTMLTextAreaElement | null | undefined => root?.querySelector<HTMLTextAreaElement>('textarea#composer');
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(emojiPickerCss);
  }
  if (root && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  const s = (): Catalog['emoji'] => ({ ...emojiStrings.emoji, ...host.t().emoji });
  let open = false;
  let query = '';
  let active = 0;

  const picker = (): HTMLElement | null | undefined => root?.querySelector<HTMLElement>('.emoji-picker');
  const buttons = (): HTMLButtonElement[] => [...(picker()?.querySelectorAll<HTMLButtonElement>('button.emoji') ?? [])];
  const set = (next: boolean, focus?: 'search' | 'field'): void => {
    open = next;
    if (!next) query = '';
    active = 0;
    panel.requestUpdate();
    void panel.updateComplete.then(() => {
      if (focus === 'search') picker()?.querySelector<HTMLInputElement>('input')?.focus();
      else if (focus === 'field') field()?.focus();
    });
  };
  const choose = (emoji: Emoji): void => {
    const input = field();
    if (input && !input.disabled) {
      input.setRangeText(emoji.char, input.selectionStart, input.selectionEnd, 'end');
      // The panel hears it as typing: the draft is the desk's.
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    }
    set(false, 'field');
  };
  const moveTo = (index: number): void => {
    const all = buttons();
    if (all.length === 0) return;
    active = Math.max(0, Math.min(index, all.length - 1));
    for (const [i, b] of all.entries()) b.tabIndex = i === active ? 0 : -1;
    all[active]!.focus();
  };
  /** The nearest button in the row above or below, by where the buttons are drawn. */
  const vertical = (all: HTMLButtonElement[], from: number, down: boolean): number => {
    const here = all[from]!.getBoundingClientRect();
    let best = from;
    let bestRow = down ? Infinity : -Infinity;
    let bestGap = Infinity;
    all.forEach((b, i) => {
      const r = b.getBoundingClientRect();
      const row = Math.round(r.top);
      if (down ? row <= here.top + 1 : row >= here.top - 1) return;
      const gap = Math.abs(r.left - here.left);
      const closerRow = down ? row < bestRow : row > bestRow;
      if (closerRow || (row === bestRow && gap < bestGap)) [best, bestRow, bestGap] = [i, row, gap];
    });
    return best;
  };
  const onKey = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      set(false, 'field');
      return;
    }
    const all = buttons();
    const index = all.indexOf(event.target as HTMLButtonElement);
    if (event.target instanceof HTMLInputElement) {
      if (event.key === 'ArrowDown' || event.key === 'Enter') {
        event.preventDefault();
        if (event.key === 'Enter' && query && all[0]) all[0].click();
        else moveTo(0);
      }
      return;
    }
    if (index < 0) return;
    // Left and Right go by where the emoji are drawn: in a right-to-left page the next one is on the left.
    const forward = getComputedStyle(all[index]!).direction === 'rtl' ? -1 : 1;
    const next = {
      ArrowLeft: index - forward,
      ArrowRight: index + forward,
      ArrowUp: vertical(all, index, false),
      ArrowDown: vertical(all, index, true),
      Home: 0,
      End: all.length - 1,
    }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    moveTo(next);
  };
  const onFocusOut = (event: FocusEvent): void => {
    const to = event.relatedTarget as Node | null;
    // Leaving the picker (Tab past it, a click elsewhere) closes it; the emoji button toggles it itself.
    if (open && to && !picker()?.contains(to) && !(to instanceof Element && to.getAttribute('part') === 'emoji-button')) set(false);
  };
  const emojiButton = (emoji: Emoji, index: number, lang: string): TemplateResult => {
    const name = lang.startsWith('pl') ? emoji.pl : emoji.en;
    return html`<button type="button" class="emoji" tabindex=${index === active ? 0 : -1} aria-label=${name} title=${name} @click=${() => choose(emoji)}>
      ${emoji.char}
    </button>`;
  };

  return {
    get open() {
      return open;
    },
    toggle: () => set(!open, open ? 'field' : 'search'),
    close: (focusField = false) => open && set(false, focusField ? 'field' : undefined),
    render() {
      if (!open) return nothing;
      const strings = s();
      const lang = host.lang();
      let index = 0;
      const found = query ? shown(searchEmoji(query)) : [];
      return html`<div class="emoji-picker" part="emoji-picker" role="dialog" aria-label=${strings.label} @keydown=${onKey} @focusout=${onFocusOut}>
        <input
          type="search"
          class="emoji-search"
          aria-label=${strings.search}
          placeholder=${strings.search}
          autocomplete="off"
          .value=${query}
          @input=${(event: Event) => {
            query = (event.target as HTMLInputElement).value;
            active = 0;
            panel.requestUpdate();
          }}
        />
        <div class="emoji-list">
          ${query
            ? found.length > 0
              ? html`<div class="emoji-grid" role="group" aria-label=${strings.label}>${found.map((e) => emojiButton(e, index++, lang))}</div>`
              : html`<p class="emoji-none" role="status">${strings.noResults}</p>`
            : CATEGORIES.map((category) => {
                const list = shown(emojiByCategory().get(category)!);
                return list.length === 0
                  ? nothing
                  : html`<div role="group" aria-labelledby="emoji-${category}">
                      <h3 class="emoji-heading" id="emoji-${category}">${strings.categories[category]}</h3>
                      <div class="emoji-grid">${list.map((e) => emojiButton(e, index++, lang))}</div>
                    </div>`;
              })}
        </div>
      </div>`;
    },
  };
}
