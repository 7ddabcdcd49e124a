import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { query, state } from 'lit/decorators.js';
import type { Capacity, Desk } from '../../core/desk/desk.js';
import type { BasePresence } from '../../core/model.js';
import { StoreController } from '../../controllers/store-controller.js';
import { presenceStrings } from '../../i18n/en/presence.js';
import { errorText } from '../../i18n/index.js';
import { hostText } from '../../i18n/host-text.js';
import { hostStyles } from '../../styles/tokens.js';
import { check, chevronDown, icon } from '../../icons/index.js';
import { DeskElement } from '../desk-element.js';
import { CcPresenceEvent, type PickablePresence } from '../events.js';
import { presencePickerStyles } from './presence-picker.styles.js';

/** One entry of the menu: a base status, a host's custom status under its base, or Inactive (not pickable). */
interface PresenceOption {
  id: string;
  base: BasePresence;
  label: string;
  custom: boolean;
  disabled: boolean;
}

const PICKABLE: readonly PickablePresence[] = ['available', 'busy', 'busy-dnd', 'away', 'offline'];
/** Typed letters within this time form one typeahead search. */
const TYPEAHEAD_MS = 700;

/**
 * The agent's status (F12): a button with the current status (a coloured dot and its name, a host's
 * custom status in the page's language) that opens a list of the statuses to pick — Available, Busy,
 * Busy – Do not disturb, Away, Offline, each followed by the host's custom statuses of that base.
 * Inactive is listed with why it can't be picked: the system sets it after a missed conversation.
 * Below the button: capacity ("2 of 3") and whether the status follows capacity by itself (after
 * Available) or was set by the agent. A change the agent did not make here (capacity, a missed
 * conversation) is announced politely.
 *
 * Keyboard: Enter, Space or the arrow keys open the list; Up/Down/Home/End move, typing a letter
 * jumps to the next status starting with it, Enter or Space picks, Escape or Tab closes; focus
 * returns to the button.
 *
 * Hidden (`:state(unavailable)`) when there is no desk.
 *
 * @summary The agent's status and capacity, with a list to change the status.
 * @tag cc-presence-picker
 * @fires cc-presence - CcPresenceEvent, cancelable: the agent picks a status (`presence` is the base or custom id, `base` its base presence). Cancel to keep the status.
 * @cssstate unavailable - No desk (hidden by default).
 * @cssstate open - The list is open.
 * @cssstate automatic - The status follows capacity (the agent has not set one by hand).
 * @cssstate inactive - The system set Inactive after a missed conversation.
 * @csspart button - The button showing the current status.
 * @csspart dot - The status dot (`data-presence` holds the base presence).
 * @csspart listbox - The list of statuses.
 * @csspart option - One status in the list.
 * @csspart capacity - The capacity line.
 * @cssprop --cc-color-success - Available.
 * @cssprop --cc-color-danger - Busy, Busy – Do not disturb, errors.
 * @cssprop --cc-color-warning - Away.
 * @cssprop --cc-color-text-muted - Offline, Inactive, the capacity line.
 * @cssprop --cc-color-surface - List background.
 * @cssprop --cc-color-surface-2 - The highlighted status in the list.
 * @cssprop --cc-color-border - List border and separators.
 * @cssprop --cc-color-text - Text.
 * @cssprop --cc-color-accent - Primary buttons, links and selection.
 * @cssprop --cc-color-on-accent - Text on the accent colour.
 * @cssprop --cc-color-focus - The focus ring.
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
export class CcPresencePicker extends DeskElement {
  static override styles = [hostStyles, presencePickerStyles];

  /** @internal */
  protected static override strings = [presenceStrings];

  #presence = new StoreController<BasePresence>(this, 'offline');
  #status = new StoreController<string>(this, 'offline');
  #manual = new StoreController<boolean>(this, false);
  #capacity = new StoreController<Capacity>(this, { used: 0, total: 0 });

  /** @internal */
  @state() private expanded = false;
  /** @internal Index of the highlighted option while the list is open. */
  @state() private activeIndex = 0;
  /** @internal */
  @state() private announcement = '';
  /** @internal */
  @state() private problem: string | undefined;

  /** @internal */
  @query('#button') private button!: HTMLButtonElement | null;
  /** @internal */
  @query('#listbox') private listbox!: HTMLElement | null;

  #internals = this.attachInternals();
  /** The status last rendered, to tell a change from the first render. */
  #seen: string | undefined;
  /** This element is changing the status: what follows is the agent's own doing, not announced. */
  #quiet = false;
  #typed = '';
  #typedAt = 0;

  /** Whether the list of statuses is open. */
  get open(): boolean {
    return this.expanded;
  }

  protected override deskChanged(desk: Desk | undefined): void {
    this.#presence.set(desk?.$presence);
    this.#status.set(desk?.presence.$status);
    this.#manual.set(desk?.presence.$manual);
    this.#capacity.set(desk?.presence.$capacity);
    this.#seen = undefined;
    this.expanded = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const desk = this.activeDesk;
    const presence = this.#presence.value;
    this.#toggleState('unavailable', !desk);
    this.#toggleState('open', this.expanded);
    this.#toggleState('automatic', !!desk && !this.#manual.value);
    this.#toggleState('inactive', presence === 'inactive');
    const status = this.#status.value;
    if (desk && this.#seen !== undefined && status !== this.#seen && !this.#quiet) this.announcement = this.#announce(status, presence);
    if (desk) this.#seen = status;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.expanded) this.renderRoot.querySelector('[data-active]')?.scrollIntoView?.({ block: 'nearest' });
  }

  #toggleState(name: string, on: boolean): void {
    if (on) this.#internals.states.add(name);
    else this.#internals.states.delete(name);
  }

  #announce(status: string, presence: BasePresence): string {
    const t = this.localize.t.presence;
    if (presence === 'inactive') return t.changedByMissedOffer;
    const label = this.#labelOf(status);
    if (!this.#manual.value && presence !== 'offline') {
      const { used, total } = this.#capacity.value;
      return t.changedByCapacity(label, used, total);
    }
    return t.changed(label);
  }

  get #options(): PresenceOption[] {
    const t = this.localize.t.presence;
    const custom = this.activeDesk?.presence.custom ?? [];
    const options: PresenceOption[] = [];
    for (const base of PICKABLE) {
      options.push({ id: base, base, label: t.statuses[base], custom: false, disabled: false });
      for (const c of custom) {
        if (c.base === base) options.push({ id: c.id, base, label: hostText(c.label, this.localize.lang), custom: true, disabled: false });
      }
    }
    options.push({ id: 'inactive', base: 'inactive', label: t.statuses.inactive, custom: false, disabled: true });
    return options;
  }

  #labelOf(status: string): string {
    const custom = this.activeDesk?.presence.custom.find((c) => c.id === status);
    if (custom) return hostText(custom.label, this.localize.lang);
    const statuses = this.localize.t.presence.statuses;
    return Object.hasOwn(statuses, status) ? statuses[status as BasePresence] : status;
  }

  // ---- open / close ----

  #openList(at: 'current' | 'first' | 'last' = 'current'): void {
    const options = this.#options;
    const current = options.findIndex((o) => o.id === this.#status.value);
    this.activeIndex = at === 'first' ? 0 : at === 'last' ? options.length - 1 : Math.max(0, current);
    this.expanded = true;
    this.problem = undefined;
    void this.updateComplete.then(() => this.listbox?.focus());
  }

  #closeList(refocus: boolean): void {
    this.expanded = false;
    if (refocus) this.button?.focus();
  }

  #onButtonClick(): void {
    if (this.expanded) this.#closeList(true);
    else this.#openList();
  }

  #onButtonKeyDown(event: KeyboardEvent): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      this.#openList(event.key === 'ArrowUp' ? 'last' : 'current');
    }
  }

  #onListKeyDown(event: KeyboardEvent): void {
    const options = this.#options;
    const last = options.length - 1;
    switch (event.key) {
      case 'ArrowDown':
        this.activeIndex = Math.min(this.activeIndex + 1, last);
        break;
      case 'ArrowUp':
        this.activeIndex = Math.max(this.activeIndex - 1, 0);
        break;
      case 'Home':
        this.activeIndex = 0;
        break;
      case 'End':
        this.activeIndex = last;
        break;
      case 'Enter':
      case ' ': {
        const option = options[this.activeIndex];
        if (option) void this.#pick(option);
        break;
      }
      case 'Escape':
        this.#closeList(true);
        break;
      case 'Tab':
        // Tab moves on as usual; the list just closes behind it.
        this.expanded = false;
        return;
      default:
        if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) this.#typeahead(event.key, options);
        else return;
    }
    event.preventDefault();
  }

  #typeahead(key: string, options: PresenceOption[]): void {
    const now = Date.now();
    this.#typed = now - this.#typedAt > TYPEAHEAD_MS ? key : this.#typed + key;
    this.#typedAt = now;
    const wanted = this.#typed.toLocaleLowerCase(this.localize.lang);
    // A repeated letter cycles through the statuses starting with it; a longer text narrows from here.
    const from = this.#typed.length === 1 ? this.activeIndex + 1 : this.activeIndex;
    for (let i = 0; i < options.length; i++) {
      const index = (from + i) % options.length;
      if (options[index]!.label.toLocaleLowerCase(this.localize.lang).startsWith(wanted)) {
        this.activeIndex = index;
        return;
      }
    }
  }

  #onFocusOut(event: FocusEvent): void {
    const next = event.relatedTarget as Node | null;
    if (this.expanded && (!next || !this.renderRoot.contains(next))) this.expanded = false;
  }

  // ---- pick ----

  async #pick(option: PresenceOption): Promise<void> {
    const desk = this.activeDesk;
    if (!desk || option.disabled || option.base === 'inactive') return;
    const intent = new CcPresenceEvent(option.id, option.base);
    this.dispatchEvent(intent);
    this.#closeList(true);
    if (intent.defaultPrevented) return;
    this.problem = undefined;
    this.#quiet = true;
    try {
      await desk.setPresence(option.id);
    } catch (error) {
      const text = errorText(this.localize.t, error);
      this.problem = `${this.localize.t.presence.failed} ${text}`;
    } finally {
      await this.updateComplete;
      this.#quiet = false;
    }
  }

  // ---- render ----

  protected override render(): TemplateResult | typeof nothing {
    if (!this.activeDesk) return nothing;
    const t = this.localize.t.presence;
    const presence = this.#presence.value;
    const label = this.#labelOf(this.#status.value);
    return html`<div class="root" @focusout=${this.#onFocusOut}>
      <button
        id="button"
        type="button"
        class="current"
        part="button"
        aria-haspopup="listbox"
        aria-expanded=${this.expanded ? 'true' : 'false'}
        aria-controls="listbox"
        aria-label=${t.buttonLabel(label)}
        @click=${this.#onButtonClick}
        @keydown=${this.#onButtonKeyDown}
      >
        <span class="dot" part="dot" data-presence=${presence}></span>
        <span class="text">${label}</span>
        <span class="caret">${icon(chevronDown)}</span>
      </button>
      ${this.renderList()}
      ${presence === 'inactive' ? html`<p class="hint">${t.inactiveHint}</p>` : nothing} ${this.renderMeta()}
      <p class="alert" role="alert">${this.problem ?? nothing}</p>
      <p class="visually-hidden" role="status">${this.announcement}</p>
    </div>`;
  }

  private renderMeta(): TemplateResult {
    const t = this.localize.t.presence;
    const { used, total } = this.#capacity.value;
    const desk = this.activeDesk;
    return html`<p class="meta" part="capacity">
      <span class="capacity" title=${t.capacityLong(used, total)}>${t.capacityLabel}: ${t.capacity(used, total)}</span>
      <span class="mode">${this.#manual.value ? t.manual : t.automatic}</span>
      <span class="offers">${desk?.presence.takesOffers ? t.takesOffers : t.noOffers}</span>
    </p>`;
  }

  private renderList(): TemplateResult {
    const t = this.localize.t.presence;
    const options = this.#options;
    const current = this.#status.value;
    const active = this.expanded ? options[this.activeIndex] : undefined;
    const option = (o: PresenceOption, index: number): TemplateResult =>
      html`<div
        id=${`option-${index}`}
        role="option"
        part="option"
        class=${o.custom ? 'custom' : o.disabled ? 'system' : 'base'}
        data-id=${o.id}
        aria-selected=${o.id === current ? 'true' : 'false'}
        aria-disabled=${o.disabled ? 'true' : nothing}
        ?data-active=${o === active}
        @click=${() => void this.#pick(o)}
        @pointermove=${() => (this.activeIndex = index)}
      >
        <span class="dot" data-presence=${o.base}></span>
        <span class="label">${o.label}</span>
        ${o.id === current ? html`<span class="tick">${icon(check)}</span>` : nothing}
        ${o.disabled ? html`<span class="why">${t.inactiveHint}</span>` : nothing}
      </div>`;
    // Each base with custom statuses is a group: the base first, then its custom statuses.
    const groups: TemplateResult[] = [];
    for (let i = 0; i < options.length; ) {
      const head = options[i]!;
      let end = i + 1;
      while (end < options.length && options[end]!.custom) end++;
      const members = options.slice(i, end).map((o, k) => option(o, i + k));
      groups.push(end - i > 1 ? html`<div role="group" aria-label=${head.label}>${members}</div>` : members[0]!);
      i = end;
    }
    return html`<div
      id="listbox"
      role="listbox"
      part="listbox"
      tabindex="0"
      aria-label=${t.menuLabel}
      aria-activedescendant=${active ? `option-${this.activeIndex}` : nothing}
      ?hidden=${!this.expanded}
      @keydown=${this.#onListKeyDown}
    >
      ${groups}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cc-presence-picker': CcPresencePicker;
  }
}
