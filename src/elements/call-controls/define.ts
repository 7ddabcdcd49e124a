import { html, nothing, unsafeCSS } from 'lit';
import { ConversationController } from '../../controllers/conversation-controller.js';
import { StoreController } from '../../controllers/store-controller.js';
import { hostStyles } from '../../styles/tokens.js';
import { DeskElement } from '../desk-element.js';
import { callControlsElement } from './call-controls.js';

/**
 * A conversation's voice or video call (F20): an incoming call rings (announced, with Accept and
 * Decline; with `sound`, a tone in one tab only, as offers do); an outgoing one shows "calling…" with
 * Cancel; in a call: the customer's video and a muted self-view (video calls), a live call timer,
 * Mute, Camera on/off, Hold/Resume, End call, and the choice of microphone, camera and speaker
 * (the speaker where the browser can route audio). When the microphone or camera is refused or
 * missing, it says so plainly; the chat goes on. Reads `desk.calls` for its `conversation-id` (or
 * the desk's active conversation); renders nothing while there is no call. With `compact` it is a
 * small badge (a session tab): the call's kind and timer, or that it rings.
 *
 * `<cc-communication-panel>` shows it, and its "…" menu has Start voice call / Start video call, when
 * the transport has calls (`capabilities.calls`); without the capability there are no call buttons.
 * Media is WebRTC; signalling goes through the transport.
 *
 * @summary A voice or video call: ring, accept/decline, mute, camera, hold, end, timer, devices.
 * @tag cc-call-controls
 * @attr conversation-id - The conversation whose call is shown (default: the desk's active one).
 * @attr desk-id - Id of a `<cc-agent-desk>` elsewhere on the page (else the `desk` property, or the nearest `<cc-agent-desk>`).
 * @prop {Desk | undefined} desk - The desk object from `createDesk()`, when given directly.
 * @attr {boolean} compact - A small badge for a session tab: the call's kind and timer, or that it rings.
 * @attr {boolean} sound - An incoming call rings with a tone (in one browser tab only, the one that holds the lock).
 * @prop {CallState | undefined} call - Shows this state instead of the desk's (stories, tests).
 * @fires cc-call-start - CcCallStartEvent, cancelable: `start(media)` is about to ring the customer. Cancel to keep it from ringing.
 * @fires cc-call-accept - CcCallEvent, cancelable: Accept on an incoming call. Cancel to leave it ringing.
 * @fires cc-call-decline - CcCallEvent, cancelable: Decline on an incoming call. Cancel to leave it ringing.
 * @fires cc-call-end - CcCallEvent, cancelable: End call (or Cancel while it rings). Cancel to stay in the call.
 * @csspart call - The call's box.
 * @csspart accept - Accept (incoming call).
 * @csspart decline - Decline (incoming call).
 * @csspart media - The video area (video calls).
 * @csspart remote-video - The customer's video.
 * @csspart self-view - The agent's own camera, muted.
 * @csspart timer - The call timer.
 * @csspart actions - The call's buttons.
 * @csspart mute - Mute (a toggle, `aria-pressed`).
 * @csspart camera - Camera on/off.
 * @csspart hold - Hold / Resume.
 * @csspart end - End call / Cancel call.
 * @csspart devices - The device choice (microphone, camera, speaker).
 * @csspart problem - Why the microphone or camera could not be had.
 * @csspart dismiss - Close, once the call has ended.
 * @csspart badge - The compact badge.
 * @cssstate ringing - The call rings (in or out).
 * @cssstate live - The call is connecting, connected or on hold.
 * @cssstate ended - The call has ended.
 * @cssstate idle - No call.
 * @cssprop --cc-color-accent - A ringing call, pressed toggles.
 * @cssprop --cc-color-on-accent - Text on the accent, danger and badge colours.
 * @cssprop --cc-color-danger - End call, Decline and media problems.
 * @cssprop --cc-color-success - The badge of a connected call.
 * @cssprop --cc-color-warning - The badge of a call on hold.
 * @cssprop --cc-color-text - Text.
 * @cssprop --cc-color-text-muted - The timer and device choice.
 * @cssprop --cc-color-surface - Background of buttons and fields.
 * @cssprop --cc-color-surface-2 - The call's box.
 * @cssprop --cc-color-border - Borders.
 * @cssprop --cc-color-focus - The focus ring.
 * @cssprop --cc-font-family - Font family.
 * @cssprop --cc-font-size - Base font size (default 14px).
 * @cssprop --cc-space - The base spacing step every gap and padding is a multiple of (default `--cc-space-2`).
 * @cssprop --cc-radius - The base radius of buttons, fields and cards (default `--cc-radius-2`).
 * @cssprop --cc-radius-1 - Small radius (default 4px): the self-view.
 */
export class CcCallControls extends callControlsElement({ DeskElement, ConversationController, StoreController, html, nothing, hostStyles, unsafeCSS }) {}

if (!customElements.get('cc-call-controls')) customElements.define('cc-call-controls', CcCallControls);

export { CcCallEvent, CcCallStartEvent } from './events.js';
export type { CallControlsElement } from './call-controls.js';

declare global {
  interface HTMLElementTagNameMap {
    'cc-call-controls': CcCallControls;
  }
}
