// The wrap-up area (F19: disposition code, note, timer and Close) and the transfer dialog (F11) of
// `<cc-communication-panel>`, a lazy chunk the panel loads when the conversation shown is in
// wrap-up or when the agent chooses "…" → Transfer. Like the quick replies it imports nothing the
// page has already loaded: Lit's `html` and `nothing`, the transfer event and the helpers of the
// desk and the catalog come in as `deps`, so a host's bundler keeps them in the first load. Its
// English comes with it (panel-workday.ts), under the panel's catalog.
import type { html as litHtml, TemplateResult } from 'lit';
import type { Desk, Disposition, WrapUpState } from '../../core/desk/desk.js';
import type { Conversation } from '../../core/model.js';
import type { Catalog } from '../../i18n/catalog.js';
import { panelWorkday } from '../../i18n/en/panel-workday.js';
import type { hostText } from '../../i18n/host-text.js';
import type { CcTransferEvent } from '../events.js';

/** What the panel gives: Lit's `html` and `nothing`, and what the first load already has. */
export interface PanelWorkdayDeps {
  html: typeof litHtml;
  nothing: symbol;
  CcTransferEvent: typeof CcTransferEvent;
  /** The longest wrap-up note the desk keeps. */
  maxNote: number;
  formatRemaining(ms: number, t: Catalog): string;
  /** A disposition's label or group in the panel's language. */
  hostText: typeof hostText;
}

/** The panel as its wrap-up area and transfer dialog see it. */
export interface PanelWorkdayHost {
  readonly element: HTMLElement & {
    readonly activeDesk: Desk | undefined;
    readonly conversation: Conversation | undefined;
    requestUpdate(): void;
    readonly updateComplete: Promise<boolean>;
  };
  /** The panel's language and catalog now. */
  readonly localize: { readonly t: Catalog; readonly lang: string };
  /** The desk's wrap-up state of the conversation shown. */
  wrapUp(): WrapUpState;
  /** The panel's error line now ('' when none). */
  error(): string;
  /** Shows a refusal in the panel's error line. */
  fail(error: unknown): void;
  /** Clears the panel's error line. */
  clearError(): void;
  /** Closes the conversation, as "…" → Close conversation does (a cancelable `cc-end` first). */
  close(): void;
  /** Gives the "…" button the focus. */
  focusMenuButton(): void;
}

/** The panel's wrap-up area and transfer dialog, one per panel. */
export interface PanelWorkday {
  /** The wrap-up area, in place of the composer, for a conversation in wrap-up. */
  wrapUp(conversation: Conversation): TemplateResult;
  /** Opens the transfer dialog (focus goes into it; back to the "…" button when it closes). */
  openTransfer(): void;
  /** Forgets the transfer dialog without moving focus (the conversation shown changed). */
  reset(): void;
  /** The transfer dialog while open. */
  transfer(): TemplateResult | symbol;
}

/** The panel's styles for what this part renders in it: plain text, added to its shadow root on load. */
const css = `
  .field {
    grid-column: 1 / -1;
    display: grid;
    gap: 2px;
    font-size: 0.9em;
  }
  .required {
    color: var(--_muted);
  }
  select,
  dialog input[type='text'] {
    font: inherit;
    padding: 4px 6px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: inherit;
  }
  .timer {
    grid-column: 1 / -1;
    margin: 0;
    font-size: 0.9em;
    font-variant-numeric: tabular-nums;
    color: var(--_muted);
  }
  .timer.overdue {
    color: var(--_danger);
    font-weight: 600;
  }
  .wrap-up .primary {
    justify-self: start;
  }
  dialog {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: inherit;
    padding: calc(var(--_space) * 2);
    min-width: min(22rem, 90vw);
  }
  dialog h3 {
    margin: 0 0 var(--_space);
    font-size: 1em;
  }
  dialog fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    margin: 0 0 var(--_space);
    display: grid;
    gap: 4px;
  }
  .choice {
    display: flex;
    gap: 6px;
    align-items: center;
  }
  .actions {
    display: flex;
    justify-content: flex-end;
    gap: var(--_space);
  }
`;
let sheet: CSSStyleSheet | undefined;

/** Adds the part's styles to the panel's shadow root and gives the panel its wrap-up area and transfer dialog. */
export function panelWorkdayPart(deps: PanelWorkdayDeps, host: PanelWorkdayHost): PanelWorkday {
  const { html, nothing } = deps;
  const panel = host.element;
  const root = panel.shadowRoot;
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  if (root && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  // The English of this part; the panel's catalog (Polish, a host's) wins over it.
  const t = (): Catalog['panel'] => ({ ...panelWorkday, ...host.localize.t.panel });
  const lang = (): string => host.localize.lang;

  let transferOpen = false;
  /** `queue:<name>` or `agent`. */
  let transferTarget = '';
  let transferAgent = '';
  const set = (change: () => void): void => {
    change();
    panel.requestUpdate();
  };
  const dialog = (): HTMLDialogElement | null | undefined => root?.querySelector<HTMLDialogElement>('dialog[part="transfer-dialog"]');

  const onDisposition = (event: Event): void => {
    const conversation = panel.conversation;
    if (!conversation) return;
    const value = (event.target as HTMLSelectElement).value;
    host.clearError();
    try {
      panel.activeDesk?.wrapUp.setDisposition(conversation.id, value || undefined);
    } catch (error) {
      host.fail(error);
    }
  };

  const onNote = (event: Event): void => {
    const conversation = panel.conversation;
    if (!conversation) return;
    try {
      panel.activeDesk?.wrapUp.setNote(conversation.id, (event.target as HTMLTextAreaElement).value);
    } catch (error) {
      host.fail(error);
    }
  };

  const renderTimer = (state: WrapUpState): TemplateResult | symbol => {
    if (state.deadline === undefined) return nothing;
    // The panel renders again each second while the timer runs; the time may be up to a tick old.
    const left = Math.max(0, state.deadline - panel.activeDesk!.now());
    const overdue = state.overdue;
    return html`<p class="timer ${overdue ? 'overdue' : ''}" part="wrap-up-timer" role="timer">
      ${overdue ? t().wrapUpOverdue : t().wrapUpTimer(deps.formatRemaining(left, host.localize.t))}
    </p>`;
  };

  const renderDisposition = (disposition: Disposition, state: WrapUpState): TemplateResult =>
    html`<option value=${disposition.id} ?selected=${state.disposition === disposition.id}>
      ${deps.hostText(disposition.label, lang()) || disposition.id}
    </option>`;

  /** Codes under their group headings, in the host's order; codes without a group first. */
  const dispositionGroups = (dispositions: readonly Disposition[]): [string, Disposition[]][] => {
    const groups = new Map<string, Disposition[]>();
    for (const d of dispositions) {
      const group = deps.hostText(d.group, lang());
      groups.set(group, [...(groups.get(group) ?? []), d]);
    }
    return [...groups].sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : 0));
  };

  const transferTo = (): { queue: string } | { agentId: string } | undefined => {
    if (transferTarget.startsWith('queue:')) return { queue: transferTarget.slice('queue:'.length) };
    const agentId = transferAgent.trim();
    return transferTarget === 'agent' && agentId ? { agentId } : undefined;
  };

  const closeTransfer = (): void => dialog()?.close();

  const onTransferClosed = (): void => {
    if (!transferOpen) return;
    set(() => (transferOpen = false));
    host.focusMenuButton();
  };

  const onTransferSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const desk = panel.activeDesk;
    const conversation = panel.conversation;
    const to = transferTo();
    if (!desk || !conversation || !to) return;
    const intent = new deps.CcTransferEvent(conversation.id, to);
    panel.dispatchEvent(intent);
    if (intent.defaultPrevented) return;
    closeTransfer();
    host.clearError();
    try {
      await desk.transfer(conversation.id, to);
    } catch (error) {
      host.fail(error);
    }
  };

  const onTarget = (event: Event): void => set(() => (transferTarget = (event.target as HTMLInputElement).value));

  return {
    wrapUp(conversation) {
      const s = t();
      const desk = panel.activeDesk!;
      const { dispositions, required } = desk.wrapUp;
      const state = host.wrapUp();
      const blocked = desk.wrapUp.closeBlock(conversation) !== undefined;
      const canClose = desk.canTransition(conversation.id, 'closed');
      const error = host.error();
      return html`<div class="composer wrap-up" part="composer wrap-up">
        <p class="notice" role="status">${s.wrapUp}</p>
        ${renderTimer(state)}
        ${dispositions.length > 0
          ? html`<div class="field">
              <label for="disposition">
                ${s.disposition}${required ? html` <span class="required">(${s.required})</span>` : nothing}
              </label>
              <select
                id="disposition"
                part="disposition"
                ?required=${required}
                aria-describedby=${blocked ? 'close-reason' : nothing}
                @change=${onDisposition}
              >
                <option value="" ?selected=${!state.disposition}>${s.dispositionNone}</option>
                ${dispositionGroups(dispositions).map(([group, items]) =>
                  group
                    ? html`<optgroup label=${group}>${items.map((d) => renderDisposition(d, state))}</optgroup>`
                    : items.map((d) => renderDisposition(d, state)),
                )}
              </select>
            </div>`
          : nothing}
        <div class="field">
          <label for="wrap-up-note">${s.wrapUpNote}</label>
          <textarea id="wrap-up-note" part="wrap-up-note" rows="2" maxlength=${deps.maxNote} .value=${state.note} @input=${onNote}></textarea>
        </div>
        ${canClose
          ? html`<button
              class="primary"
              part="close"
              ?disabled=${blocked}
              aria-describedby=${blocked ? 'close-reason' : nothing}
              @click=${() => host.close()}
            >
              ${s.closeConversation}
            </button>`
          : nothing}
        ${blocked ? html`<p class="notice reason" id="close-reason">${s.closeNeedsDisposition}</p>` : nothing}
        ${error ? html`<p class="notice error" role="alert">${error}</p>` : nothing}
      </div>`;
    },

    openTransfer() {
      const queues = panel.activeDesk?.capabilities.transfer?.queues ?? [];
      transferTarget = queues[0] !== undefined ? `queue:${queues[0]}` : 'agent';
      transferAgent = '';
      transferOpen = true;
      panel.requestUpdate();
      void panel.updateComplete.then(() => {
        const shown = dialog();
        if (shown?.isConnected && !shown.open) shown.showModal();
      });
    },

    reset() {
      transferOpen = false;
    },

    transfer() {
      if (!transferOpen) return nothing;
      const s = t();
      const allowed = panel.activeDesk?.capabilities.transfer ?? {};
      const queues = allowed.queues ?? [];
      return html`<dialog part="transfer-dialog" aria-labelledby="transfer-title" @close=${onTransferClosed}>
        <form @submit=${onTransferSubmit}>
          <h3 id="transfer-title">${s.transferTitle}</h3>
          ${queues.length > 0
            ? html`<fieldset>
                <legend>${s.transferToQueue}</legend>
                ${queues.map(
                  (queue) => html`<label class="choice">
                    <input type="radio" name="target" value=${`queue:${queue}`} .checked=${transferTarget === `queue:${queue}`} @change=${onTarget} />
                    ${queue}
                  </label>`,
                )}
              </fieldset>`
            : nothing}
          ${allowed.agents
            ? html`<fieldset>
                <legend>${s.transferToAgent}</legend>
                <label class="choice">
                  <input type="radio" name="target" value="agent" .checked=${transferTarget === 'agent'} @change=${onTarget} />
                  ${s.agentId}
                </label>
                <input
                  type="text"
                  aria-label=${s.agentId}
                  autocomplete="off"
                  .value=${transferAgent}
                  @input=${(event: Event) =>
                    set(() => {
                      transferAgent = (event.target as HTMLInputElement).value;
                      transferTarget = 'agent';
                    })}
                />
              </fieldset>`
            : nothing}
          <div class="actions">
            <button type="button" @click=${closeTransfer}>${s.cancel}</button>
            <button class="primary" type="submit" ?disabled=${!transferTo()}>${s.transferSubmit}</button>
          </div>
        </form>
      </dialog>`;
    },
  };
}
