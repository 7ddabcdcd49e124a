import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { DeskError } from '../../core/errors.js';
import type { CreateAndLinkResult } from '../../core/desk/desk.js';
import type { Conversation, Message } from '../../core/model.js';
import {
  validateNewRecord,
  type CaseFields,
  type ContactFields,
  type FieldError,
  type FieldErrors,
  type NewRecord,
  RECORD_FIELD_LIMITS,
} from '../../core/records.js';
import { isTransportError } from '../../core/transport.js';
import { ConversationController } from '../../controllers/conversation-controller.js';
import { StoreController } from '../../controllers/store-controller.js';
import { errorText } from '../../i18n/index.js';
import { recordsStrings } from '../../i18n/en/records.js';
import { hostStyles } from '../../styles/tokens.js';
import { DeskElement } from '../desk-element.js';
import { CcCancelEvent, CcCreateRecordEvent, CcLinkEvent, CcRecordCreatedEvent } from '../events.js';
import { recordCreateStyles } from './record-create.styles.js';

export type QuickCreateKind = 'case' | 'contact';
type FieldName = keyof CaseFields | keyof ContactFields;
type Values = Record<FieldName, string>;

const FIELDS: Record<QuickCreateKind, readonly FieldName[]> = {
  case: ['subject', 'description', 'priority'],
  contact: ['firstName', 'lastName', 'email', 'phone'],
};
const REQUIRED = new Set<FieldName>(['subject', 'lastName']);
/** The limits validateNewRecord applies, for the "at most N characters" messages. */
const MAX_LENGTH: Partial<Record<FieldName, number>> = RECORD_FIELD_LIMITS;
const PRIORITIES = ['low', 'normal', 'high'] as const;
const AUTOCOMPLETE: Partial<Record<FieldName, string>> = { firstName: 'given-name', lastName: 'family-name', email: 'email', phone: 'tel' };
const EXCERPT_MESSAGES = 6;
const EXCERPT_LINE = 280;

const EMPTY: Values = { subject: '', description: '', priority: 'normal', firstName: '', lastName: '', email: '', phone: '' };

/** Collapses whitespace and cuts to `max` characters, ending with "…" when cut. */
function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/**
 * Quick-creates a case or a contact from a conversation (F7): a native form, prefilled from the
 * conversation (contact name from the customer; case subject from the customer's first message,
 * description from the start of the transcript), validated on blur and on submit with the same
 * rules the desk applies, with errors next to each field and a summary. On success the record is
 * linked to the conversation (unless the agent unticks it) and the form resets.
 *
 * Cancel fires `cc-cancel` and resets the form; the container decides whether to close it
 * (`<cc-record-search>` does). Hidden (`:state(unavailable)`) when there is no desk or the
 * transport has no records.
 *
 * @summary Quick-create form for a case or contact, prefilled from the conversation.
 * @tag cc-record-create
 * @fires cc-create-record - CcCreateRecordEvent, cancelable: the agent submits valid fields. Cancel to create nothing.
 * @fires cc-link - CcLinkEvent, cancelable: the created record is about to be linked to the conversation.
 * @fires cc-record-created - CcRecordCreatedEvent, not cancelable: the record exists (`linked` tells whether it was linked).
 * @fires cc-cancel - CcCancelEvent, not cancelable: the agent pressed Cancel.
 * @cssstate unavailable - No desk, or the transport has no records (hidden by default).
 * @csspart form - The form.
 * @csspart field - One label, control and error.
 * @csspart summary - The error summary (`role="alert"`).
 * @csspart submit - The Create button.
 * @csspart cancel - The Cancel button.
 * @cssprop --cc-color-surface - Form and control background.
 * @cssprop --cc-color-border - Form and control borders.
 * @cssprop --cc-color-danger - Invalid controls and error text.
 * @cssprop --cc-color-success - The "created" notice.
 * @cssprop --cc-color-warning - The "created but not linked" notice.
 * @cssprop --cc-color-accent - The Create button and the checkbox.
 * @cssprop --cc-color-text - Text.
 * @cssprop --cc-color-text-muted - Secondary text: times, hints, counts.
 * @cssprop --cc-color-surface-2 - Raised or tinted areas: headers, notices, items.
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
export class CcRecordCreate extends DeskElement {
  static override styles = [hostStyles, recordCreateStyles];

  /** @internal */
  protected static override strings = [recordsStrings];

  #conversation = new ConversationController(this);
  #messages = new StoreController<readonly Message[]>(this, []);

  /** What to create. */
  @property({ reflect: true }) kind: QuickCreateKind = 'case';

  /** The conversation to prefill from and link to. Default: the desk's active conversation. */
  @property({ attribute: 'conversation-id' }) conversationId: string | undefined;

  /** @internal */
  @state() private values: Values = { ...EMPTY };
  /** @internal Current validation result; shown only for fields the agent has left or after a submit. */
  @state() private errors: FieldErrors = {};
  /** @internal Errors the desk or the CRM reported, until the field is edited. */
  @state() private serverErrors: FieldErrors = {};
  /** @internal */
  @state() private showSummary = false;
  /** @internal */
  @state() private failure: { text: string; detail?: string } | undefined;
  /** @internal */
  @state() private busy = false;
  /** @internal */
  @state() private linkAfterCreate = true;
  /** @internal */
  @state() private notice: { text: string; warning: boolean } | undefined;

  #internals = this.attachInternals();
  #touched = new Set<FieldName>();
  #dirty = false;
  #identity: string | undefined;
  #prefillKey: string | undefined;

  /** Moves focus to the first field. */
  override focus(options?: FocusOptions): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('input, textarea, select')?.focus(options));
  }

  /** Clears errors and puts the prefilled values back. */
  reset(): void {
    this.#dirty = false;
    this.#touched.clear();
    this.#prefillKey = undefined;
    this.errors = {};
    this.serverErrors = {};
    this.showSummary = false;
    this.failure = undefined;
    this.linkAfterCreate = true;
    this.requestUpdate();
  }

  protected override deskChanged(): void {
    // The conversation controller follows the desk; the messages store is re-pointed in willUpdate.
  }

  get #kind(): QuickCreateKind {
    return this.kind === 'contact' ? 'contact' : 'case';
  }

  get #conversationId(): string | undefined {
    return this.#conversation.id;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const desk = this.activeDesk;
    const id = this.#conversationId;
    this.#messages.set(desk && id !== undefined ? desk.messages(id) : undefined);
    if (desk?.capabilities.records) this.#internals.states.delete('unavailable');
    else this.#internals.states.add('unavailable');

    // Another record kind or conversation: what was typed belongs to the previous one.
    const identity = `${this.#kind}|${id ?? ''}`;
    if (identity !== this.#identity) {
      if (this.#identity !== undefined) this.reset();
      this.#identity = identity;
      this.notice = undefined;
    }
    // Until the agent types, the form follows the conversation (messages may arrive after it opens).
    if (!this.#dirty) {
      const conversation = this.#conversation.value;
      const key = `${identity}|${conversation?.customer.name ?? ''}|${this.#messages.value.length}|${this.localize.lang}`;
      if (key !== this.#prefillKey) {
        this.#prefillKey = key;
        this.values = this.#prefill(conversation, this.#messages.value);
      }
    }
  }

  #prefill(conversation: Conversation | undefined, messages: readonly Message[]): Values {
    const values = { ...EMPTY };
    if (!conversation) return values;
    if (this.#kind === 'contact') {
      const parts = conversation.customer.name.trim().split(/\s+/u).filter(Boolean);
      // "Anna Maria Nowak": the last word is the surname; a single word is taken as a first name.
      if (parts.length === 1) values.firstName = parts[0]!;
      else if (parts.length > 1) {
        values.lastName = parts[parts.length - 1]!;
        values.firstName = parts.slice(0, -1).join(' ');
      }
      return values;
    }
    const texts = messages.filter((m) => (m.author === 'customer' || m.author === 'agent') && m.text?.trim());
    const first = texts.find((m) => m.author === 'customer');
    if (first) values.subject = clip(first.text!, MAX_LENGTH.subject!);
    const agent = this.activeDesk?.agent.name ?? this.localize.t.records.agent;
    values.description = texts
      .slice(0, EXCERPT_MESSAGES)
      .map((m) => `${m.author === 'customer' ? conversation.customer.name : agent}: ${clip(m.text!, EXCERPT_LINE)}`)
      .join('\n');
    return values;
  }

  #record(): NewRecord {
    const v = this.values;
    const optional = <K extends string>(key: K, value: string): Partial<Record<K, string>> =>
      value.trim() ? ({ [key]: value.trim() } as Record<K, string>) : {};
    if (this.#kind === 'case') {
      return {
        kind: 'case',
        fields: {
          subject: v.subject.trim(),
          ...optional('description', v.description),
          priority: v.priority as (typeof PRIORITIES)[number],
        },
      };
    }
    return {
      kind: 'contact',
      fields: {
        ...optional('firstName', v.firstName),
        lastName: v.lastName.trim(),
        ...optional('email', v.email),
        ...optional('phone', v.phone),
      },
    };
  }

  // ---- handlers ----

  #onInput(event: Event): void {
    const control = event.target as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
    const name = control.name as FieldName;
    this.#dirty = true;
    this.values = { ...this.values, [name]: control.value };
    if (this.serverErrors[name]) {
      const { [name]: _fixed, ...rest } = this.serverErrors;
      this.serverErrors = rest;
    }
    this.errors = validateNewRecord(this.#record());
  }

  #onBlur(event: FocusEvent): void {
    const name = (event.target as HTMLInputElement).name as FieldName;
    if (!FIELDS[this.#kind].includes(name)) return;
    this.#touched.add(name);
    this.errors = validateNewRecord(this.#record());
  }

  async #onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const desk = this.activeDesk;
    if (this.busy || !desk) return;
    const t = this.localize.t.records;
    const record = this.#record();
    const errors = validateNewRecord(record);
    this.errors = errors;
    this.serverErrors = {};
    this.failure = undefined;
    this.notice = undefined;
    for (const name of FIELDS[this.#kind]) this.#touched.add(name);
    if (Object.keys(errors).length > 0) {
      this.showSummary = true;
      this.#focusFirstInvalid();
      return;
    }
    this.showSummary = false;

    const conversationId = this.#conversationId;
    const intent = new CcCreateRecordEvent(conversationId, record);
    this.dispatchEvent(intent);
    if (intent.defaultPrevented) return;

    this.busy = true;
    let outcome: CreateAndLinkResult;
    try {
      outcome =
        conversationId !== undefined && this.linkAfterCreate
          ? await desk.createAndLink(conversationId, record, (ref) => {
              const linkIntent = new CcLinkEvent(conversationId, ref);
              this.dispatchEvent(linkIntent);
              return !linkIntent.defaultPrevented;
            })
          : { record: await desk.createRecord(conversationId, record), linked: false, linkFailed: false };
    } catch (error) {
      this.busy = false;
      this.#showFailure(error);
      return;
    }
    const { record: created, linked, linkFailed } = outcome;
    this.busy = false;
    const kind = this.#kind;
    this.reset();
    this.notice = linkFailed
      ? { text: t.createdNotLinked(kind, created.title), warning: true }
      : { text: linked ? t.createdAndLinked(kind, created.title) : t.created(kind, created.title), warning: false };
    // Dispatched from a variable: the manifest analyzer would read the constructor's first argument as the event name.
    const done = new CcRecordCreatedEvent(created, conversationId, linked, linkFailed);
    this.dispatchEvent(done);
  }

  #showFailure(error: unknown): void {
    const t = this.localize.t.records;
    if (error instanceof DeskError && error.code === 'invalid' && error.fieldErrors) {
      const known = FIELDS[this.#kind];
      const fieldErrors = Object.fromEntries(
        Object.entries(error.fieldErrors).filter(([name]) => known.includes(name as FieldName)),
      ) as FieldErrors;
      this.serverErrors = fieldErrors;
      this.showSummary = Object.keys(fieldErrors).length > 0;
      // The fields and the summary say what is wrong.
      this.failure = { text: t.serverRejected };
      if (this.showSummary) this.#focusFirstInvalid();
      return;
    }
    if (isTransportError(error)) {
      // The reason comes from the catalog by code: the error's own message is not the agent's language.
      this.failure =
        error.code === 'invalid' ? { text: t.serverRejected } : { text: t.createFailed, detail: errorText(this.localize.t, error) };
      return;
    }
    this.failure = { text: t.createFailed, ...(error instanceof DeskError ? { detail: errorText(this.localize.t, error) } : {}) };
  }

  #focusFirstInvalid(): void {
    void this.updateComplete.then(() => {
      const name = FIELDS[this.#kind].find((f) => this.#visibleError(f));
      if (name) this.renderRoot.querySelector<HTMLElement>(`[name="${name}"]`)?.focus();
    });
  }

  #onCancel(): void {
    if (this.busy) return;
    this.reset();
    this.notice = undefined;
    const cancel = new CcCancelEvent();
    this.dispatchEvent(cancel);
  }

  #visibleError(name: FieldName): FieldError | undefined {
    const server = this.serverErrors[name];
    if (server) return server;
    return this.#touched.has(name) ? this.errors[name] : undefined;
  }

  #message(name: FieldName, error: FieldError): string {
    const t = this.localize.t.records;
    return t.errors[error](t.fields[name], MAX_LENGTH[name] ?? 0);
  }

  // ---- render ----

  protected override render(): TemplateResult | typeof nothing {
    if (!this.activeDesk?.capabilities.records) return nothing;
    const t = this.localize.t.records;
    const kind = this.#kind;
    const hasConversation = this.#conversationId !== undefined;
    return html`<form part="form" novalidate aria-labelledby="title" aria-busy=${this.busy ? 'true' : 'false'} @submit=${this.#onSubmit}>
      <p class="title" id="title">${t.newRecord[kind]}</p>
      ${this.renderAlert()}
      ${FIELDS[kind].map((name) => this.renderField(name))}
      ${hasConversation
        ? html`<label class="check">
            <input
              type="checkbox"
              name="link"
              .checked=${live(this.linkAfterCreate)}
              @change=${(e: Event) => (this.linkAfterCreate = (e.target as HTMLInputElement).checked)}
            />
            ${t.linkToConversation}
          </label>`
        : nothing}
      <div class="actions">
        <button type="submit" class="primary" part="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
          ${this.busy ? t.creating : t.submit}
        </button>
        <button type="button" part="cancel" @click=${this.#onCancel}>${t.cancel}</button>
      </div>
      <p role="status" class="notice ${this.notice?.warning ? 'warning' : ''}">${this.notice?.text ?? nothing}</p>
    </form>`;
  }

  private renderAlert(): TemplateResult {
    const t = this.localize.t.records;
    const listed = this.showSummary
      ? FIELDS[this.#kind].flatMap((name) => {
          const error = this.#visibleError(name);
          return error ? [{ name, text: this.#message(name, error) }] : [];
        })
      : [];
    const failure = this.failure;
    // One alert region that is always present, so a screen reader announces what appears in it.
    return html`<div role="alert" class="alert" part="summary">${failure
        ? html`<p>${failure.text}</p>${failure.detail ? html`<p class="detail">${failure.detail}</p>` : nothing}`
        : nothing}${listed.length > 0
        ? html`<p>${t.summary(listed.length)}</p>
            <ul>
              ${listed.map((item) => html`<li>${item.text}</li>`)}
            </ul>`
        : nothing}</div>`;
  }

  private renderField(name: FieldName): TemplateResult {
    const t = this.localize.t.records;
    const error = this.#visibleError(name);
    const id = `field-${name}`;
    const errorId = `${id}-error`;
    const common = {
      invalid: error ? 'true' : 'false',
      describedBy: error ? errorId : undefined,
    };
    const required = REQUIRED.has(name);
    const label = html`<label for=${id}>
      ${t.fields[name]}${required ? html` <span class="required" aria-hidden="true">${t.required}</span>` : nothing}
    </label>`;
    let control: TemplateResult;
    if (name === 'description') {
      control = html`<textarea
        id=${id}
        name=${name}
        rows="5"
        .value=${live(this.values[name])}
        aria-invalid=${common.invalid}
        aria-describedby=${common.describedBy ?? nothing}
        @input=${this.#onInput}
        @blur=${this.#onBlur}
      ></textarea>`;
    } else if (name === 'priority') {
      control = html`<select
        id=${id}
        name=${name}
        .value=${live(this.values[name])}
        aria-invalid=${common.invalid}
        aria-describedby=${common.describedBy ?? nothing}
        @change=${this.#onInput}
        @blur=${this.#onBlur}
      >
        ${PRIORITIES.map((p) => html`<option value=${p} ?selected=${this.values.priority === p}>${t.priorities[p]}</option>`)}
      </select>`;
    } else {
      const type = name === 'email' ? 'email' : name === 'phone' ? 'tel' : 'text';
      const autocomplete = AUTOCOMPLETE[name] ?? 'off';
      control = html`<input
        id=${id}
        name=${name}
        type=${type}
        autocomplete=${autocomplete}
        ?required=${required}
        .value=${live(this.values[name])}
        aria-invalid=${common.invalid}
        aria-describedby=${common.describedBy ?? nothing}
        @input=${this.#onInput}
        @blur=${this.#onBlur}
      />`;
    }
    return html`<div class="field" part="field">
      ${label} ${control} ${error ? html`<p class="error" id=${errorId}>${this.#message(name, error)}</p>` : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cc-record-create': CcRecordCreate;
  }
}
