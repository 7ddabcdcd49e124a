import { html, nothing } from 'lit';
import { quickRepliesStrings } from '../../i18n/en/quick-replies.js';
import { errorText } from '../../i18n/error-text.js';
import { DeskElement } from '../desk-element.js';
import { quickRepliesElement } from './quick-replies.js';

/**
 * The quick replies matching what the agent typed after `/` in the composer (F15): a listbox that
 * the composer's field drives (`input`): Up/Down move (`aria-activedescendant` on the field), Enter
 * or a click inserts the reply, with its placeholders filled from the conversation, in place of the
 * `/query` (`range`). The count is announced as it changes ("6 replies", "No quick replies match").
 * Reply texts are shown as text only.
 *
 * It renders without a shadow root, next to the field it serves, so the field's
 * `aria-activedescendant` and `aria-controls` can point at its options; its styles are added to the
 * tree it is in. `<cc-communication-panel>` loads it on the first `/` typed; this entry
 * (`…/define/quick-replies`) registers it up front, e.g. for a composer of the page's own.
 *
 * @summary The `/` quick-reply list of the composer.
 * @tag cc-quick-replies
 * @fires cc-quick-reply - CcQuickReplyEvent, cancelable: before a reply is inserted. Cancel to leave the draft as it is.
 * @fires cc-quick-reply-remove - CcQuickReplyRemoveEvent, cancelable: Shift+Delete on one of the agent's own replies removes it. Cancel to keep it.
 * @fires cc-quick-reply-inserted - CcQuickReplyInsertedEvent: the reply is in the draft (`result.draft`, `result.caret`, `result.unfilled`).
 * @cssprop --cc-color-surface - List background.
 * @cssprop --cc-color-border - List border.
 * @cssprop --cc-color-text-muted - Reply texts and the count.
 * @cssprop --cc-color-highlight - The active reply.
 * @cssprop --cc-color-focus - Outline of the active reply.
 * @cssprop --cc-color-text - Reply titles.
 * @cssprop --cc-radius - Radius of the list (default `--cc-radius-2`, else 6px).
 * @cssprop --cc-radius-2 - Radius of the list when `--cc-radius` is not set.
 * @cssprop --cc-radius-1 - Radius of a reply in the list (default 4px).
 */
export class CcQuickReplies extends quickRepliesElement({ DeskElement, html, nothing, strings: quickRepliesStrings, errorText }) {}

if (!customElements.get('cc-quick-replies')) customElements.define('cc-quick-replies', CcQuickReplies);

export { CcQuickReplyEvent, CcQuickReplyInsertedEvent, CcQuickReplyRemoveEvent } from './quick-replies.js';
export { CcQuickReplySaveEvent } from './events.js';
