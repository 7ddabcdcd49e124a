import { html, type TemplateResult } from 'lit';
import { query } from 'lit/decorators.js';
import type { Desk } from '../../core/desk/desk.js';
import type { Session } from '../../core/desk/facades.js';
import type { Offer } from '../../core/model.js';
import { StoreController } from '../../controllers/store-controller.js';
import { sessionsStrings } from '../../i18n/en/sessions.js';
import { hostStyles } from '../../styles/tokens.js';
import { DeskElement } from '../desk-element.js';
import { CcAcceptEvent, CcRejectEvent, CcSessionCloseEvent, CcSessionSelectEvent } from '../events.js';
import { shortcutsStyles } from './shortcuts.styles.js';

type ShortcutText = 'next' | 'previous' | 'jump' | 'closeSession' | 'accept' | 'reject' | 'help';

/** The keys, in the order the help lists them. */
const KEYS: readonly (readonly [keys: string, text: ShortcutText])[] = [
  ['Alt+↓', 'next'],
  ['Alt+↑', 'previous'],
  ['Alt+1 … Alt+9', 'jump'],
  ['Alt+W', 'closeSession'],
  ['Alt+A', 'accept'],
  ['Alt+R', 'reject'],
  ['? / Alt+/', 'help'],
];

/** Typing goes to fields: a printable key there is text, never a shortcut. */
function typingIn(event: KeyboardEvent): boolean {
  const target = event.composedPath()[0];
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
}

/**
 * Page-wide keyboard shortcuts for sessions and offers (F13), and a help dialog that lists them.
 * Listens on `document` only while connected. Alt+ArrowDown / Alt+ArrowUp: next / previous
 * session; Alt+1…9: session n; Alt+W: close the session in front (the conversation waits);
 * Alt+A / Alt+R: accept / reject the first waiting offer; `?` (not while typing in a field) or
 * Alt+/: this help. Alt shortcuts use the physical key (`event.code`), so they work on any keyboard
 * layout and with macOS Option. Each fires the same cancelable intent as the matching button
 * (`cc-session-select`, `cc-session-close`, `cc-accept`, `cc-reject`) before calling the desk.
 *
 * The help is a modal `<dialog>`: Escape or Close shuts it and focus returns where it was. The
 * element shows a "Keyboard shortcuts" button that opens it; hide it with `::part(open)` if the
 * page has its own.
 *
 * @summary Keyboard shortcuts for sessions and offers, with a help dialog.
 * @tag cc-shortcuts
 * @fires cc-session-select - CcSessionSelectEvent, cancelable: a shortcut brings a session to the front.
 * @fires cc-session-close - CcSessionCloseEvent, cancelable: Alt+W closes the session in front.
 * @fires cc-accept - CcAcceptEvent, cancelable: Alt+A accepts the first waiting offer.
 * @fires cc-reject - CcRejectEvent, cancelable: Alt+R rejects it.
 * @csspart open - The button that opens the help.
 * @csspart dialog - The help dialog.
 * @cssprop --cc-color-surface - Dialog background.
 * @cssprop --cc-color-border - Dialog border and key caps.
 * @cssprop --cc-color-text - Text.
 * @cssprop --cc-color-text-muted - Secondary text: times, hints, counts.
 * @cssprop --cc-color-surface-2 - Raised or tinted areas: headers, notices, items.
 * @cssprop --cc-color-accent - Primary buttons, links and selection.
 * @cssprop --cc-color-on-accent - Text on the accent colour.
 * @cssprop --cc-color-focus - The focus ring.
 * @cssprop --cc-color-danger - Errors and destructive actions.
 * @cssprop --cc-color-warning - Warnings.
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
 */
export class CcShortcuts extends DeskElement {
  static override styles = [hostStyles, shortcutsStyles];

  /** @internal */
  protected static override strings = [sessionsStrings];

  #sessions = new StoreController<readonly Session[]>(this, []);
  #active = new StoreController<string | undefined>(this, undefined);
  #offers = new StoreController<readonly Offer[]>(this, []);

  /** @internal */
  @query('dialog') private dialog!: HTMLDialogElement | null;

  protected override deskChanged(desk: Desk | undefined): void {
    this.#sessions.set(desk?.sessions.$sessions);
    this.#active.set(desk?.$activeConversationId);
    this.#offers.set(desk?.$offers);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('keydown', this.#onKeyDown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this.#onKeyDown);
  }

  /** Opens the help dialog. */
  showHelp(): void {
    if (this.dialog && !this.dialog.open) this.dialog.showModal();
  }

  readonly #onKeyDown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey) return;
    if (!event.altKey) {
      if (event.key === '?' && !typingIn(event)) this.#handled(event, () => this.showHelp());
      return;
    }
    const code = event.code;
    const digit = /^Digit([1-9])$/.exec(code)?.[1];
    if (digit) this.#handled(event, () => this.#goTo(Number(digit) - 1));
    else if (code === 'ArrowDown') this.#handled(event, () => this.#step(1));
    else if (code === 'ArrowUp') this.#handled(event, () => this.#step(-1));
    else if (code === 'KeyW') this.#handled(event, () => void this.#closeFront());
    else if (code === 'KeyA') this.#handled(event, () => void this.#accept());
    else if (code === 'KeyR') this.#handled(event, () => void this.#reject());
    else if (code === 'Slash') this.#handled(event, () => this.showHelp());
  };

  #handled(event: KeyboardEvent, run: () => void): void {
    if (!this.activeDesk) return;
    event.preventDefault();
    run();
  }

  #step(by: number): void {
    const ids = this.#sessions.value.map((s) => s.conversationId);
    if (ids.length === 0) return;
    const index = ids.indexOf(this.#active.value ?? '');
    this.#goTo(index < 0 ? 0 : (index + by + ids.length) % ids.length);
  }

  #goTo(index: number): void {
    const desk = this.activeDesk;
    const id = this.#sessions.value[index]?.conversationId;
    if (!desk || id === undefined || id === this.#active.value) return;
    const intent = new CcSessionSelectEvent(id);
    this.dispatchEvent(intent);
    if (!intent.defaultPrevented) desk.sessions.focus(id);
  }

  async #closeFront(): Promise<void> {
    const desk = this.activeDesk;
    const id = this.#active.value;
    if (!desk || id === undefined || !this.#sessions.value.some((s) => s.conversationId === id)) return;
    const intent = new CcSessionCloseEvent(id);
    this.dispatchEvent(intent);
    if (!intent.defaultPrevented) await desk.sessions.close(id);
  }

  async #accept(): Promise<void> {
    const desk = this.activeDesk;
    const offer = this.#offers.value[0];
    if (!desk || !offer) return;
    const intent = new CcAcceptEvent(offer.id);
    this.dispatchEvent(intent);
    if (intent.defaultPrevented) return;
    // A refusal (every slot taken, the offer gone) is shown by the notification; a shortcut has no place to say it.
    await desk.accept(offer.id).catch(() => undefined);
  }

  async #reject(): Promise<void> {
    const desk = this.activeDesk;
    const offer = this.#offers.value[0];
    if (!desk || !offer || !desk.canReject) return;
    const intent = new CcRejectEvent(offer.id);
    this.dispatchEvent(intent);
    if (intent.defaultPrevented) return;
    await desk.reject(offer.id).catch(() => undefined);
  }

  protected override render(): TemplateResult {
    const t = this.localize.t.sessions.shortcuts;
    return html`<button type="button" part="open" aria-haspopup="dialog" @click=${() => this.showHelp()}>${t.open}</button>
      <dialog part="dialog" aria-labelledby="title">
        <h2 id="title">${t.title}</h2>
        <p>${t.intro}</p>
        <dl>
          ${KEYS.map(([keys, text]) => html`<div class="row"><dt><kbd dir="ltr">${keys}</kbd></dt><dd>${t[text]}</dd></div>`)}
        </dl>
        <form method="dialog"><button type="submit" class="primary">${t.close}</button></form>
      </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cc-shortcuts': CcShortcuts;
  }
}
