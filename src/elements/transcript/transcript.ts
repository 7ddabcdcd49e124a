import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import type { AttachmentRef, Message, MessageAuthor, MessageStatus } from '../../core/model.js';
import { visibleText } from '../../core/visible-text.js';
import { safeDownloadName } from '../../core/attachment-policy.js';
import { LocalizeController } from '../../controllers/localize-controller.js';
import { CcReplyEvent, CcRetryEvent } from '../events.js';
import { panelShownStrings } from '../../i18n/en/panel-shown.js';
import { messageStrings } from '../../i18n/en/message.js';
import { attachmentsStrings } from '../../i18n/en/attachments.js';
import { hostStyles } from '../../styles/tokens.js';
import { check, checkCheck, clock, icon, paperclip } from '../../icons/index.js';
import { HeightIndex } from './height-index.js';
import { richText, safeMediaUrl, textChunks } from './rich-text.js';
import { transcriptStyles } from './transcript.styles.js';

/** The English the transcript shows besides the shared strings. */
const strings = [panelShownStrings, messageStrings, attachmentsStrings];

/** Pixels rendered above and below the viewport. */
const OVERSCAN = 600;
const ESTIMATED_ROW = 64;
const END_GAP = 8;
/**
 * The most either spacer grows to: browsers stop laying out content a few million pixels down
 * (Chromium at about 33 million, Firefox at about 17), so a longer history scrolls through a part
 * of it at a time, and the spacer is moved along when its end comes near.
 */
const MAX_SPACE = 8_000_000;
/** More new messages than this in one update are announced as one summary line. */
const BURST = 5;
/** A quoted message, or an announced one, shows this much of its text. */
const EXCERPT = 300;
const excerpt = (text: string): string => (text.length > EXCERPT ? `${text.slice(0, EXCERPT)}…` : text);
/** Messages closer than this from the same author share one header. */
const GROUP_GAP_MS = 5 * 60 * 1000;

/** A row's key: the client id, else the server id; a message with neither is keyed by its place. */
const keyOf = (m: Message | null | undefined, index: number): string => {
  const key = m !== null && typeof m === 'object' ? (m.clientId ?? m.id) : undefined;
  return typeof key === 'string' ? key : `#${index}`;
};

/** The class each author's rows get: nothing but these ever reaches the class attribute. */
const AUTHORS: Readonly<Record<MessageAuthor, string>> = { customer: 'customer', agent: 'agent', system: 'system', bot: 'bot' };
const STATUSES: ReadonlySet<unknown> = new Set<MessageStatus>(['sending', 'sent', 'delivered', 'read', 'failed']);
/** A time `Date` can show (NaN fails the comparison). */
const isTime = (value: unknown): boolean => typeof value === 'number' && Math.abs(value) <= 8.64e15;
const listOf = (value: unknown, valid: (item: Record<string, unknown>) => boolean): boolean =>
  value == null || (Array.isArray(value) && value.every((item) => item !== null && typeof item === 'object' && valid(item)));

/** A message from the customer (or a bot, or the system): what is announced and counted as unseen. */
const isIncoming = (m: unknown): m is Message => readable(m) && m.author !== 'agent';

/**
 * Whether a message can be shown. The desk checks what a transport sends; this also guards a
 * transcript fed directly, so one bad item costs its own line and never the whole view.
 */
function readable(m: unknown): m is Message {
  if (m === null || typeof m !== 'object') return false;
  const x = m as Record<string, unknown>;
  return (
    typeof x['author'] === 'string' &&
    Object.hasOwn(AUTHORS, x['author']) &&
    isTime(x['at']) &&
    (x['editedAt'] == null || isTime(x['editedAt'])) &&
    (x['text'] == null || typeof x['text'] === 'string') &&
    (x['status'] == null || STATUSES.has(x['status'])) &&
    listOf(x['attachments'], (a) => typeof a['name'] === 'string' && typeof a['url'] === 'string') &&
    listOf(x['reactions'], (r) => typeof r['emoji'] === 'string')
  );
}
/** Intl formatters are costly to create: one pair per language for the whole page. */
const formatCache = new Map<string, { time: Intl.DateTimeFormat; day: Intl.DateTimeFormat }>();
const dayOf = (at: number): number => Math.floor((at - new Date(at).getTimezoneOffset() * 60_000) / 86_400_000);

/**
 * A virtualized, read-only view of a conversation's messages that opens at the newest one.
 * Only the rows near the viewport exist in the DOM, so 100,000 messages cost what 30 do.
 * Customer content is rendered as text; Messenger markdown becomes bold, italic, strikethrough,
 * monospace and http(s) links only.
 *
 * @summary Virtualized conversation transcript with Messenger formatting, attachments and delivery state.
 * @tag cc-transcript
 * @fires cc-retry - The agent pressed Retry on a failed message (`CcRetryEvent`); the host resends it, e.g. with
 *   `desk.retry(conversationId, clientId)`. Inside `<cc-communication-panel>` the panel does that, unless its own
 *   `cc-retry` is cancelled.
 * @fires cc-reply - The agent pressed Reply on a customer message (`CcReplyEvent`, cancelable; shown with `replyable`).
 *   Inside `<cc-communication-panel>` the panel quotes it in the composer.
 * @csspart scroller - The scrolling log.
 * @csspart jump - The "new messages" button shown when scrolled away from the newest message.
 * @csspart typing - The typing indicator line.
 * @csspart reply - The Reply button of a customer message (with `replyable`).
 * @csspart more - The "Show more" button under a very long message (4,000 characters show at first, and 4,000 more per press).
 * @csspart bubble - Every message bubble; a bubble also has `customer-bubble`, `agent-bubble`, `system-bubble` or `bot-bubble` by its author.
 * @csspart text - A message's text (`dir="auto"`: each message takes the direction of its own first strong letter).
 * @csspart author - The author's name over a group of messages.
 * @cssprop --cc-color-customer-bubble - Background of customer messages.
 * @cssprop --cc-color-agent-bubble - Background of agent messages.
 * @cssprop --cc-color-surface - Background.
 * @cssprop --cc-color-text-muted - Timestamps and headers.
 * @cssprop --cc-color-danger - Failed and unsupported messages.
 * @cssprop --cc-font-mono - Monospace font for `code`.
 * @cssprop --cc-color-text - Text.
 * @cssprop --cc-color-surface-2 - Raised or tinted areas: headers, notices, items.
 * @cssprop --cc-color-border - Borders.
 * @cssprop --cc-color-accent - Primary buttons, links and selection.
 * @cssprop --cc-color-on-accent - Text on the accent colour.
 * @cssprop --cc-color-focus - The focus ring.
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
 * @cssprop --cc-color-customer-bubble-text - Text of customer messages (default `--cc-color-text`).
 * @cssprop --cc-color-agent-bubble-text - Text of agent messages (default `--cc-color-text`).
 * @cssprop --cc-color-system-bubble - Background of system and bot notes (default `--cc-color-surface-2`).
 * @cssprop --cc-color-system-bubble-text - Text of system and bot notes (default `--cc-color-text-muted`).
 * @cssprop --cc-color-bubble-link - Links inside messages (default `--cc-color-accent`).
 * @cssprop --cc-color-agent-bubble-link - Links inside agent messages (default `--cc-color-bubble-link`).
 * @cssprop --cc-color-agent-bubble-muted - Quotes and file names inside agent messages (default `--cc-color-text-muted`).
 */
export class CcTranscript extends LitElement {
  static override styles = [hostStyles, transcriptStyles];

  /** @internal */
  protected readonly localize = new LocalizeController(this, undefined, strings);

  /** The messages, oldest first. Replace the array to update (it is compared by identity). */
  @property({ attribute: false }) messages: readonly Message[] = [];

  /** The customer's display name, used in headers and the typing line. */
  @property({ attribute: 'customer-name' }) customerName = '';

  /** Shows "… is typing". */
  @property({ type: Boolean }) typing = false;

  /** Customer messages get a Reply button (`cc-reply`). */
  @property({ type: Boolean }) replyable = false;

  /** Accessible name of the log. */
  @property() label = '';

  /** @internal */
  @state() private unseen = 0;
  /** @internal */
  @state() private announcement = '';

  /** @internal */
  @query('.scroller') private scroller!: HTMLElement;

  #index = new HeightIndex(ESTIMATED_ROW);
  #heights = new Map<string, number>();
  #previous: readonly Message[] = [];
  #atBottom = true;
  #pinnedTop = 0;
  /**
   * Where the rows sit in the scroller minus where the index puts them. Rows measured above the view
   * move the top spacer instead of the scroll position, so a scroll in progress is never cut short;
   * the difference is settled once the top is reached or the view is placed. A very long history also
   * keeps one here (see `MAX_SPACE`).
   */
  #drift = 0;
  /** The scroller's height, read again after it resizes (reading it each update forced a layout). */
  #viewportHeight = 0;
  #window = { start: 0, end: 0 };
  #passes = 0;
  #resizeObserver: ResizeObserver | undefined;
  #observed = new Set<Element>();
  #frame = 0;
  /** How many pieces of each very long message the agent asked to see, by row key. */
  #shown = new Map<string, number>();
  /** A position given to `restoreScroll`, looked up once the messages it names are in. */
  #restore: { messageId: string; offset: number } | undefined;
  /** Where the next render puts the view: this row at the top, this many pixels into it. */
  #target: { index: number; offset: number } | undefined;

  /** Scrolls to the newest message. */
  scrollToLatest(): void {
    this.#atBottom = true;
    this.unseen = 0;
    this.requestUpdate();
  }

  /** Whether the view is at the newest message (new messages keep it there). */
  get atLatest(): boolean {
    return this.#atBottom;
  }

  /**
   * Where the view is scrolled: the message at the top of the view (its `id`) and how many pixels
   * of it are scrolled past. `undefined` while the view is pinned to the newest message, which is
   * where new messages keep it. Give it back to `restoreScroll` to return to the same place, e.g.
   * when the conversation is shown again.
   */
  get scrollPosition(): { messageId: string; offset: number } | undefined {
    if (this.#restore) return { ...this.#restore };
    if (this.#atBottom) return undefined;
    const list = this.#previous;
    let index: number;
    let offset: number;
    if (this.#target) {
      ({ index, offset } = this.#target);
    } else {
      const el = this.scroller;
      if (!el || list.length === 0) return undefined;
      index = this.#index.indexAt(el.scrollTop - this.#drift);
      offset = el.scrollTop - this.#drift - this.#index.offsetOf(index);
      // The rendered rows say exactly where the view's top edge is (the index rounds row heights).
      const top = el.getBoundingClientRect().top + el.clientTop;
      for (const row of el.querySelectorAll<HTMLElement>('.row')) {
        const box = row.getBoundingClientRect();
        if (box.bottom <= top) continue;
        index = Number(row.dataset['index']);
        offset = top - box.top;
        break;
      }
    }
    const id: unknown = (list[index] as Partial<Message> | null | undefined)?.id;
    // Whole pixels, rounded down: restoring rounds up, so a round trip does not creep.
    return typeof id === 'string' ? { messageId: id, offset: Math.max(0, Math.floor(offset)) } : undefined;
  }

  /**
   * Scrolls back to a position from `scrollPosition`: that message at the top of the view,
   * `offset` pixels into it. `undefined`, or a message the transcript does not hold (matched by
   * `id` or `clientId`), pins the view to the newest message instead. Call it after setting
   * `messages`; it takes effect with the next render.
   */
  restoreScroll(position: { messageId: string; offset: number } | undefined): void {
    this.#target = undefined;
    this.unseen = 0;
    if (position && typeof position.messageId === 'string') {
      const offset = Number.isFinite(position.offset) ? Math.max(0, position.offset) : 0;
      this.#restore = { messageId: position.messageId, offset };
    } else {
      this.#restore = undefined;
      this.#atBottom = true;
    }
    this.requestUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Late size changes (an image loading, the panel resizing) are handled in the next frame, so the
    // observer never changes layout inside its own callback.
    this.#resizeObserver ??= new ResizeObserver((entries) => {
      // Rows first observed at the height just measured change nothing: no extra pass for them.
      const same = (e: ResizeObserverEntry) =>
        e.target !== this.scroller &&
        Math.abs((e.borderBoxSize?.[0]?.blockSize ?? e.contentRect.height) - this.#index.size(Number((e.target as HTMLElement).dataset['index']))) < 1;
      if (entries.every(same)) return;
      this.#viewportHeight = 0;
      if (this.#frame) return;
      this.#frame = requestAnimationFrame(() => {
        this.#frame = 0;
        this.#measure();
      });
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resizeObserver?.disconnect();
    this.#observed.clear();
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('messages')) this.#sync();
    const restore = this.#restore;
    if (restore) {
      this.#restore = undefined;
      const index = this.messages.findIndex((m) => {
        const x = m as Partial<Message> | null | undefined;
        return x?.id === restore.messageId || x?.clientId === restore.messageId;
      });
      this.#atBottom = index < 0;
      this.#target = index < 0 ? undefined : { index, offset: restore.offset };
    }
  }

  /** Keeps the height index in step with the messages: O(k) for k appended, O(n) otherwise. */
  #sync(): void {
    const previous = this.#previous;
    const next = this.messages;
    this.#previous = next;
    const appended =
      previous.length > 0 &&
      next.length >= previous.length &&
      keyOf(previous[0], 0) === keyOf(next[0], 0) &&
      keyOf(previous[previous.length - 1], previous.length - 1) === keyOf(next[previous.length - 1], previous.length - 1);
    if (appended) {
      const added = next.length - previous.length;
      if (added > 0) {
        this.#index.append(added);
        const incoming = next.slice(previous.length).filter(isIncoming);
        if (!this.#atBottom) this.unseen += incoming.length;
        this.#announce(incoming);
      }
    } else {
      const sizes = new Float64Array(next.length).fill(ESTIMATED_ROW);
      // Nothing measured yet (a conversation just opened): every row at the estimate, no lookups.
      if (this.#heights.size > 0) for (let i = 0; i < next.length; i++) sizes[i] = this.#heights.get(keyOf(next[i], i)) ?? ESTIMATED_ROW;
      this.#index.reset(sizes);
      // The first messages into an empty transcript are news; a conversation opened with its history is not.
      if (previous.length === 0 && this.hasUpdated && next.length <= BURST) this.#announce(next.filter(isIncoming));
    }
  }

  /** One polite line per update: the newest incoming message, or for a burst a summary ending with it. */
  #announce(incoming: readonly Message[]): void {
    const last = incoming[incoming.length - 1];
    if (!last) return;
    const describe = this.#describe(last);
    let text = incoming.length > BURST ? `${this.localize.t.message.newMessages(incoming.length)}. ${describe}` : describe;
    // A live region whose text does not change is not read again.
    if (text === this.announcement) text += '\u00A0';
    this.announcement = text;
  }

  #viewport(): number {
    return (this.#viewportHeight ||= this.scroller?.clientHeight ?? 0) || this.clientHeight || 600;
  }

  #computeWindow(overscan = OVERSCAN, top = this.scroller?.scrollTop ?? 0): { start: number; end: number; scrollTop: number } {
    const n = this.messages.length;
    const viewport = this.#viewport();
    const total = this.#index.total();
    const target = this.#target;
    const scrollTop = this.#atBottom
      ? Math.max(0, total - viewport)
      : target
        ? this.#index.offsetOf(target.index) + target.offset
        : top - this.#drift;
    const start = n === 0 ? 0 : this.#index.indexAt(Math.max(0, scrollTop - overscan));
    const end = n === 0 ? 0 : Math.min(n, this.#index.indexAt(scrollTop + viewport + overscan) + 1);
    return { start, end, scrollTop };
  }

  #onScroll = (): void => {
    const el = this.scroller;
    // Pinned to the newest message until the user scrolls up from where we pinned it: a scroll event
    // caused by our own re-layout (rows measured, spacers resized) must not unpin it.
    const atBottom =
      (this.#atBottom && el.scrollTop >= this.#pinnedTop - 2) || el.scrollTop + el.clientHeight >= el.scrollHeight - 4;
    if (atBottom !== this.#atBottom) {
      this.#atBottom = atBottom;
      if (atBottom) this.unseen = 0;
    }
    if (this.#uncovered()) this.requestUpdate();
  };

  /**
   * Whether the rendered rows no longer cover the view and half the overscan on either side: rows
   * are added and removed in batches, not one at a time as each crosses the edge.
   */
  #uncovered(top?: number): boolean {
    const { start, end } = this.#computeWindow(OVERSCAN / 2, top);
    return start < this.#window.start || end > this.#window.end;
  }

  protected override updated(): void {
    this.#measure();
    this.#observe();
  }

  #observe(): void {
    const observer = this.#resizeObserver;
    const el = this.scroller;
    if (!observer || !el) return;
    const current = new Set<Element>([el, ...el.querySelectorAll('.row')]);
    for (const node of this.#observed) if (!current.has(node)) observer.unobserve(node);
    for (const node of current) if (!this.#observed.has(node)) observer.observe(node);
    this.#observed = current;
  }

  /** Reads rendered row heights, keeps the view anchored (or at the bottom), and re-renders if the window moved. */
  #measure(): void {
    const el = this.scroller;
    if (!el) return;
    const n = this.messages.length;
    // A restored position anchors the layout passes that follow it; after that the view keeps its own.
    const target = this.#atBottom || n === 0 ? undefined : this.#target;
    // A placed view (newest message, restored position) sets the scroll position itself: no drift.
    if (this.#atBottom || target || n === 0) this.#drift = 0;
    const scrollTop = el.scrollTop;
    const anchorIndex = this.#atBottom || target || n === 0 ? -1 : this.#index.indexAt(scrollTop - this.#drift);
    const anchorBefore = anchorIndex < 0 ? 0 : this.#index.offsetOf(anchorIndex);
    let changed = false;
    const rows = el.querySelectorAll<HTMLElement>('.row');
    for (const row of rows) {
      const i = Number(row.dataset['index']);
      const height = row.offsetHeight;
      if (height > 0 && this.#index.size(i) !== height) {
        this.#index.set(i, height);
        this.#heights.set(row.dataset['key']!, height);
        changed = true;
      }
    }
    // Rows above the view that changed height move the spacer by as much the other way.
    if (anchorIndex >= 0 && changed) this.#drift -= this.#index.offsetOf(anchorIndex) - anchorBefore;
    const above = this.#index.offsetOf(this.#window.start);
    let top = above + this.#drift;
    let settle = 0;
    if (top < 0 || top > MAX_SPACE || (this.#window.start === 0 && this.#drift !== 0)) {
      // No room left above the rows (or too much): the index's own offsets again, or for a very long
      // history a spacer of half the most, and the view moves with the rows.
      const next = Math.min(above, MAX_SPACE / 2);
      settle = next - top;
      top = next;
      this.#drift = next - above;
    }
    const rowsEl = el.firstElementChild as HTMLElement | null;
    if (rowsEl) {
      // Spacers are set here, through CSSOM (allowed under a strict style-src CSP), right after
      // measuring, so the scroll position below is exact before the frame is painted.
      rowsEl.style.paddingTop = `${top}px`;
      // A little room below the newest row, also so sub-pixel row heights never leave it cut off.
      rowsEl.style.paddingBottom = `${Math.min(MAX_SPACE, this.#index.total() - this.#index.offsetOf(this.#window.end)) + END_GAP}px`;
    }
    if (this.#atBottom) {
      el.scrollTop = el.scrollHeight;
      this.#pinnedTop = el.scrollTop;
    }
    // Rounded up: a whole-pixel scroll offset never shows a sliver of the row above.
    else if (target) el.scrollTop = Math.ceil(this.#rowTop(el, target.index) + target.offset);
    else if (settle) el.scrollTop += settle;
    // The scroll position is known here: reading it back would force another layout.
    if (this.#uncovered(this.#atBottom || target ? undefined : scrollTop + settle) && this.#passes < 4) {
      this.#passes++;
      // Deferred past this update (still before paint) so Lit does not see a change-in-update.
      queueMicrotask(() => this.requestUpdate());
    } else {
      this.#passes = 0;
      this.#target = undefined;
    }
  }

  /** Where a row starts in the scroller's content: from the DOM when it is rendered, else from the index. */
  #rowTop(el: HTMLElement, index: number): number {
    const row = el.querySelector<HTMLElement>(`.row[data-index="${index}"]`);
    if (!row) return this.#index.offsetOf(index) + this.#drift;
    return row.getBoundingClientRect().top - el.getBoundingClientRect().top - el.clientTop + el.scrollTop;
  }

  #formats(): { time: Intl.DateTimeFormat; day: Intl.DateTimeFormat } {
    const lang = this.localize.lang;
    let formats = formatCache.get(lang);
    if (!formats) {
      formats = {
        time: new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit' }),
        day: new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }),
      };
      formatCache.set(lang, formats);
    }
    return formats;
  }

  #authorName(m: Message): string {
    const t = this.localize.t.message;
    if (m.author === 'customer') return this.customerName || t.customer;
    return m.author === 'system' ? t.automated : t[m.author];
  }

  #describe(m: Message): string {
    const t = this.localize.t.message;
    const body =
      m.kind === 'unsupported'
        ? t.unsupported
        : (m.text ?? (m.attachments ?? []).map((a) => (a.kind === 'sticker' ? t.sticker : visibleText(a.name))).join(', '));
    return `${this.#authorName(m)}: ${excerpt(body)}`;
  }

  protected override render() {
    const t = this.localize.t;
    const { start, end } = this.#computeWindow();
    this.#window = { start, end };
    const slice = this.messages.slice(start, end);
    return html`
      <div
        class="scroller"
        part="scroller"
        role="log"
        aria-live="off"
        tabindex="0"
        aria-label=${this.label || t.panel.transcriptLabel(this.customerName || t.message.customer)}
        @scroll=${this.#onScroll}
      >
        <div class="rows">
          ${this.messages.length === 0
            ? html`<p class="empty">${t.panel.empty}</p>`
            : repeat(
                slice,
                (m, i) => keyOf(m, start + i),
                (m, i) => this.#renderRow(m, start + i),
              )}
        </div>
      </div>
      <div class="typing" part="typing">${this.typing ? t.panel.typing(this.customerName || t.message.customer) : nothing}</div>
      ${this.unseen > 0 && !this.#atBottom
        ? html`<button class="jump primary" part="jump" @click=${this.scrollToLatest}>
            ${t.message.newMessages(this.unseen)} · ${t.message.jumpToLatest}
          </button>`
        : nothing}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    `;
  }

  /** One row; a message that cannot be shown becomes one "unreadable" line, and nothing else is lost. */
  #renderRow(m: Message, index: number): TemplateResult {
    if (readable(m)) {
      try {
        return this.#renderMessage(m, index);
      } catch {
        // Shown as unreadable below.
      }
    }
    return html`<div class="row unreadable" data-key=${keyOf(m, index)} data-index=${index}>
      <div class="bubble unsupported" part="bubble" role="note">${this.localize.t.message.unreadable}</div>
    </div>`;
  }

  #renderMessage(m: Message, index: number): TemplateResult {
    const before = index > 0 ? this.messages[index - 1] : undefined;
    const previous = readable(before) ? before : undefined;
    const { time, day } = this.#formats();
    const newDay = !previous || dayOf(previous.at) !== dayOf(m.at);
    const groupStart = newDay || !previous || previous.author !== m.author || m.at - previous.at > GROUP_GAP_MS;
    const name = this.#authorName(m);
    return html`<div
      class="row ${AUTHORS[m.author]} ${groupStart ? 'group-start' : ''}"
      data-key=${keyOf(m, index)}
      data-index=${index}
    >
      ${newDay ? html`<div class="day">${day.format(m.at)}</div>` : nothing}
      ${m.author === 'system'
        ? html`<span class="visually-hidden">${this.localize.t.message.automated}:</span>`
        : groupStart
          ? html`<div class="header" part="author" dir="auto">${name}</div>`
          : html`<span class="visually-hidden">${name}:</span>`}
      ${this.#renderBubble(m, keyOf(m, index))}
      ${m.reactions?.length
        ? html`<div class="reactions" aria-label=${this.localize.t.message.reactions(m.reactions.map((r) => r.emoji).join(' '))}>
            ${m.reactions.map((r) => r.emoji).join(' ')}
          </div>`
        : nothing}
      <div class="meta">
        <time datetime=${new Date(m.at).toISOString()}>${time.format(m.at)}</time>
        ${m.editedAt ? html`<span>(${this.localize.t.message.edited})</span>` : nothing}
        ${m.author === 'agent' ? this.#renderStatus(m) : nothing}
        ${this.replyable && m.author === 'customer' && m.id
          ? html`<button
              class="reply"
              part="reply"
              aria-label=${this.localize.t.message.replyTo((m.text ?? visibleText(m.attachments?.[0]?.name ?? '')).slice(0, 80))}
              @click=${() => this.dispatchEvent(new CcReplyEvent(m.conversationId, m.id))}
            >
              ${this.localize.t.message.reply}
            </button>`
          : nothing}
      </div>
    </div>`;
  }

  #renderBubble(m: Message, key: string): TemplateResult {
    const t = this.localize.t.message;
    if (m.kind === 'unsupported') {
      return html`<div class="bubble unsupported" part="bubble" role="note">${t.unsupported}</div>`;
    }
    const quoted = m.replyTo ? this.#findBefore(m) : undefined;
    // A message renders only the pieces the agent asked to see (4,000 characters each), each piece
    // parsed and rendered once: 100 KB of text costs what 4,000 characters do, and so does "Show more".
    const text = m.text ? textChunks(m.text, this.#shown.get(key) ?? 1) : undefined;
    // No whitespace around the text: the text span keeps the customer's own line breaks (pre-wrap).
    return html`<div class="bubble ${m.status === 'failed' ? 'failed' : ''}" part="bubble ${AUTHORS[m.author]}-bubble">${quoted
        ? html`<div class="quote" dir="auto"><span class="visually-hidden">${t.inReplyTo}</span> ${excerpt(quoted.text ?? visibleText(quoted.attachments?.[0]?.name ?? ''))}</div>`
        : nothing}${text
        ? html`<span class="text" part="text" dir="auto">${text.chunks.map((chunk) => guard([chunk.text, chunk.midWord], () => richText(chunk.text, chunk)))}</span>`
        : nothing}${text && text.rest > 0
        ? html`<button class="more" part="more" @click=${(e: Event) => this.#showMore(e, key, text.chunks.length)}>
            ${t.showMore(text.rest)}
          </button>`
        : nothing}${(m.attachments ?? []).map((a) => this.#renderAttachment(a))}</div>`;
  }

  async #showMore(event: Event, key: string, shown: number): Promise<void> {
    const button = event.currentTarget as HTMLElement;
    this.#shown.set(key, shown + 1);
    this.requestUpdate();
    await this.updateComplete;
    // The last part is shown and the button is gone: keep focus in the log, not on the page.
    if (!button.isConnected) this.scroller.focus();
  }

  #findBefore(m: Message): Message | undefined {
    const list = this.messages;
    for (let i = list.length - 1, seen = 0; i >= 0 && seen < 2000; i--, seen++) {
      const candidate = list[i];
      if (readable(candidate) && candidate.id === m.replyTo) return candidate;
    }
    return undefined;
  }

  #renderAttachment(a: AttachmentRef): TemplateResult {
    const t = this.localize.t.message;
    // The shown name is the sender's: hidden characters are made visible, never obeyed.
    const name = visibleText(a.name);
    if (a.kind === 'sticker') {
      const src = safeMediaUrl(a.url, { image: true });
      return src
        ? html`<img class="sticker" src=${src} alt=${t.sticker} referrerpolicy="no-referrer" />`
        : html`<span>${t.sticker}</span>`;
    }
    if (a.kind === 'image') {
      const src = safeMediaUrl(a.url, { image: true });
      if (src) {
        return html`<button class="thumb" aria-label=${t.openImage(name)} @click=${(e: Event) => this.#open(e, src, name)}>
            <img src=${src} alt=${t.image(name)} loading="lazy" referrerpolicy="no-referrer" />
          </button>
          <span class="file-name">${name}</span>`;
      }
    }
    const href = safeMediaUrl(a.url);
    const label = a.size ? `${name} (${this.localize.t.attachments.size(a.size)})` : name;
    // Downloads always get a generated safe name; the shown name is never trusted.
    return href
      ? html`<a class="file" href=${href} download=${safeDownloadName(a.name)} rel="noopener noreferrer" aria-label=${t.download(name)}
          >${icon(paperclip)} <span>${label}</span></a
        >`
      : html`<span class="file">${icon(paperclip)} <span>${label}</span></span>`;
  }

  #renderStatus(m: Message): TemplateResult {
    const t = this.localize.t.message;
    const status = m.status ?? 'sent';
    if (status === 'failed') {
      return html`<span class="status-failed">${t.status.failed}</span>
        <button class="retry" @click=${() => this.#retry(m)}>${t.retry}</button>`;
    }
    const ticks = { sending: clock, sent: check, delivered: checkCheck, read: checkCheck }[status];
    return html`<span class="status status-${status}" title=${t.status[status]}
      >${icon(ticks)}<span class="visually-hidden">${t.status[status]}</span></span
    >`;
  }

  #retry(m: Message): void {
    if (!m.clientId) return;
    const intent = new CcRetryEvent(m.conversationId, m.clientId);
    this.dispatchEvent(intent);
  }

  async #open(event: Event, src: string, name: string): Promise<void> {
    const opener = event.currentTarget as HTMLElement;
    const thumb = opener.getBoundingClientRect();
    const { openLightbox } = await import('./lightbox.js');
    const t = this.localize.t.message;
    openLightbox(this.renderRoot as ShadowRoot, {
      src,
      name,
      opener,
      minSize: { width: thumb.width, height: thumb.height },
      labels: { close: t.closeImage, zoomIn: t.zoomIn, zoomOut: t.zoomOut, zoomFit: t.zoomFit, zoomLevel: t.zoomLevel },
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cc-transcript': CcTranscript;
  }
}
