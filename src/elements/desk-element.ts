import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { Desk } from '../core/desk/desk.js';
import { DeskController } from '../controllers/desk-controller.js';
import { LocalizeController } from '../controllers/localize-controller.js';
import type { Strings } from '../i18n/index.js';

/**
 * Shared plumbing of every desk-bound element: finds the desk (property, `desk-id="id"`, or the
 * nearest `<cc-agent-desk>`) and the language. Subclasses react to desk changes in `deskChanged`.
 */
export abstract class DeskElement extends LitElement {
  /**
   * The desk object from `createDesk()`, when given directly. Otherwise found through `desk-id` or the
   * nearest `<cc-agent-desk>`. A string here is reported with `console.error` and used as a desk id.
   */
  @property({ attribute: false }) desk: Desk | undefined;

  /** Id of a `<cc-agent-desk>` elsewhere on the page. */
  @property({ attribute: 'desk-id' }) deskId: string | undefined;

  /** @internal */
  protected readonly deskController = new DeskController(this, (desk) => this.deskChanged(desk));

  /**
   * The English the element shows besides the shared strings: parts of the catalog (src/i18n/en/),
   * so a page bundles only the English of the elements it uses. Without it, the element reads every
   * English part the page has loaded.
   * @internal
   */
  protected static strings: Strings | undefined;

  /** @internal */
  protected readonly localize = new LocalizeController(
    this,
    () => this.deskController?.value?.$locale.get(),
    (this.constructor as typeof DeskElement).strings,
  );

  /** The desk in use, however it was found. */
  get activeDesk(): Desk | undefined {
    return this.deskController.value;
  }

  /** Called when the desk in use changes; point store controllers at the new desk here. */
  protected abstract deskChanged(desk: Desk | undefined): void;
}
