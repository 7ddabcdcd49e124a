import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { Desk, ScriptProgress, ScriptStep, ScriptStepProgress } from '../../core/desk/desk.js';
import { ConversationController } from '../../controllers/conversation-controller.js';
import { StoreController } from '../../controllers/store-controller.js';
import { scriptsStrings } from '../../i18n/en/scripts.js';
import { errorText } from '../../i18n/error-text.js';
import { hostStyles } from '../../styles/tokens.js';
import { DeskElement } from '../desk-element.js';
import { agentScriptStyles } from './agent-script.styles.js';

/** What the agent does with a script step. */
export type ScriptStepAction = 'run' | 'complete' | 'undo';

/**
 * The agent does a script step (`run`: insert its text or share its article, then tick it), ticks
 * it (`complete`) or unticks it (`undo`). Cancel to leave the step (and the composer) as they are.
 */
export class CcScriptStepEvent extends Event {
  static get type(): 'cc-script-step' {
    return 'cc-script-step';
  }
  constructor(
    readonly conversationId: string,
    readonly step: ScriptStep,
    readonly action: ScriptStepAction,
  ) {
    super(CcScriptStepEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cc-script-step': CcScriptStepEvent;
  }
  interface HTMLElementTagNameMap {
    'cc-agent-script': CcAgentScript;
  }
}

/**
 * An agent script (F15): the steps the host set for the conversation's queue, in order, with the
 * progress ("2 of 5 done"). A step to send has Insert (its text goes into the composer to edit and
 * send), an article step Share link, and every step a checkbox; ticks are kept across reloads
 * (`desk.scripts`). Steps done are announced. Renders nothing for a queue without a script.
 *
 * Follows the desk's active conversation unless `conversation-id` is set.
 *
 * @summary The queue's script for the conversation: ordered steps to insert, share or tick, with progress.
 * @tag cc-agent-script
 * @fires cc-script-step - CcScriptStepEvent, cancelable: the agent runs, ticks or unticks a step. Cancel to leave it as it is.
 * @cssstate empty - No conversation, or its queue has no script (hidden by default).
 * @cssstate complete - Every step is done.
 * @csspart progress - The progress bar.
 * @csspart steps - The list of steps.
 * @csspart step - One step.
 * @cssprop --cc-color-surface - Step background.
 * @cssprop --cc-color-surface-2 - Background of a step done.
 * @cssprop --cc-color-border - Step borders.
 * @cssprop --cc-color-accent - Checkbox and progress bar.
 * @cssprop --cc-color-text-muted - Progress text and steps done.
 * @cssprop --cc-color-danger - Errors.
 * @cssprop --cc-color-text - Text.
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
 */
export class CcAgentScript extends DeskElement {
  static override styles = [hostStyles, agentScriptStyles];

  /** @internal */
  protected static override strings = [scriptsStrings];

  #conversation = new ConversationController(this);
  #progress = new StoreController<ScriptProgress | undefined>(this, undefined);
  #internals = this.attachInternals();
  #announcement = '';
  #problem = '';
  #shownFor: string | undefined;

  /** The conversation whose script is shown. Default: the desk's active conversation. */
  @property({ attribute: 'conversation-id' }) conversationId: string | undefined;

  protected override deskChanged(): void {
    this.#announcement = '';
    this.#problem = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const desk = this.activeDesk;
    const id = this.#conversation.id;
    this.#progress.set(desk && id !== undefined ? desk.scripts.for(id) : undefined);
    if (this.#shownFor !== id) {
      this.#shownFor = id;
      this.#announcement = '';
      this.#problem = '';
    }
    const progress = this.#progress.value;
    if (progress) this.#internals.states.delete('empty');
    else this.#internals.states.add('empty');
    if (progress && progress.total > 0 && progress.completed === progress.total) this.#internals.states.add('complete');
    else this.#internals.states.delete('complete');
  }

  #label(step: ScriptStep): string {
    switch (step.kind) {
      case 'send':
        return step.text;
      case 'article':
        return step.title ?? this.localize.t.scripts.article(step.articleId);
      case 'check':
        return step.label;
    }
  }

  async #act(desk: Desk, conversationId: string, step: ScriptStepProgress, action: ScriptStepAction): Promise<void> {
    const intent = new CcScriptStepEvent(conversationId, step, action);
    this.dispatchEvent(intent);
    if (intent.defaultPrevented) {
      // The box shows the step as it is, not as it was clicked.
      this.requestUpdate();
      return;
    }
    const t = this.localize.t.scripts;
    this.#problem = '';
    try {
      if (action === 'run') await desk.scripts.run(conversationId, step.id);
      else if (action === 'complete') await desk.scripts.complete(conversationId, step.id);
      else await desk.scripts.undo(conversationId, step.id);
      const progress = this.#progress.value;
      const label = this.#label(step);
      const all = progress && progress.completed === progress.total ? ` ${t.allDone}` : '';
      this.#announcement = action === 'undo' ? t.stepUndone(label) : `${t.stepDone(label)}${all}`;
    } catch (error) {
      this.#problem = errorText(this.localize.t, error);
    }
    this.requestUpdate();
  }

  protected override render(): TemplateResult | typeof nothing {
    const desk = this.activeDesk;
    const id = this.#conversation.id;
    const progress = this.#progress.value;
    if (!desk || id === undefined || !progress) return nothing;
    const t = this.localize.t.scripts;
    return html`<section class="root" aria-labelledby="title">
      <p class="kicker">${t.label}</p>
      <h3 id="title">${progress.script.title}</h3>
      <p class="progress-text" id="progress-text">${t.progress(progress.completed, progress.total)}</p>
      <progress part="progress" max=${progress.total} .value=${progress.completed} aria-labelledby="progress-text"></progress>
      <ol part="steps" aria-labelledby="title">
        ${progress.steps.map((step, i) => this.renderStep(desk, id, step, i))}
      </ol>
      <p class="alert" role="alert">${this.#problem || nothing}</p>
      <p class="visually-hidden" role="status">${this.#announcement}</p>
    </section>`;
  }

  private renderStep(desk: Desk, id: string, step: ScriptStepProgress, index: number): TemplateResult {
    const t = this.localize.t.scripts;
    const box = `step-${index}`;
    const action = step.kind === 'send' ? t.insert : step.kind === 'article' ? t.shareLink : undefined;
    return html`<li part="step" class=${step.done ? 'done' : ''} data-step=${step.id}>
      <input
        type="checkbox"
        id=${box}
        .checked=${live(step.done)}
        @change=${(event: Event) => void this.#act(desk, id, step, (event.target as HTMLInputElement).checked ? 'complete' : 'undo')}
      />
      <label for=${box} id=${`${box}-label`}>${this.#label(step)}</label>
      ${action
        ? html`<button type="button" data-action="run" aria-describedby=${`${box}-label`} @click=${() => void this.#act(desk, id, step, 'run')}>
            ${action}
          </button>`
        : nothing}
    </li>`;
  }
}
