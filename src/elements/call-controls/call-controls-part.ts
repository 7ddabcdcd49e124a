// What slots.ts loads the first time a panel or a session tab shows calls. A module of its own,
// imported only dynamically: the package's define entry imports the element code statically, and a
// module imported both ways would not stay a lazy chunk of its own in the package build.
import type { TemplateResult } from 'lit';
import type { Desk } from '../../core/desk/desk.js';
import type { Conversation } from '../../core/model.js';
import type { CallMedia } from '../../core/transport.js';
import type { Catalog } from '../../i18n/index.js';
import { callMenuStrings } from '../../i18n/en/call-menu.js';
import type { PageDeps } from '../lazy-element.js';
import { callControlsElement } from './call-controls.js';
import { CcCallStartEvent } from './events.js';

let html: PageDeps['html'];

/** Registers the element once, built from `deps`. */
export function defineCallControls(deps: PageDeps): void {
  html = deps.html;
  // Through a reference: the manifest documents the element once, as define.ts registers it.
  const registry = customElements;
  if (!registry.get('cc-call-controls')) registry.define('cc-call-controls', callControlsElement(deps));
}

/**
 * The "…" menu items that start a voice or a video call (each as the transport allows), for an
 * Active conversation without a call. A click runs `done`, fires a cancelable `cc-call-start` from
 * `host`, then rings the customer.
 */
export function callMenu(desk: Desk, conversation: Conversation, t: Partial<Catalog>, host: HTMLElement, done: () => void): TemplateResult[] | undefined {
  const media = desk.calls.canStart(conversation.id);
  if (media.length === 0) return undefined;
  const labels = t.callMenu ?? callMenuStrings.callMenu;
  const start = (media: CallMedia): void => {
    done();
    const intent = new CcCallStartEvent(conversation.id, media);
    host.dispatchEvent(intent);
    if (!intent.defaultPrevented) void desk.calls.start(conversation.id, media).catch(() => undefined);
  };
  return media.map((m) => html`<button role="menuitem" @click=${() => start(m)}>${labels[m]}</button>`);
}
