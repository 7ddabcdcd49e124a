import { html, nothing, unsafeCSS, type TemplateResult } from 'lit';
import type { Desk } from '../../core/desk/desk.js';
import type { Conversation } from '../../core/model.js';
import { ConversationController } from '../../controllers/conversation-controller.js';
import { StoreController } from '../../controllers/store-controller.js';
import type { Catalog } from '../../i18n/index.js';
import { hostStyles } from '../../styles/tokens.js';
import { DeskElement } from '../desk-element.js';

let loading: Promise<void> | undefined;
let loaded: typeof import('./call-controls-part.js') | undefined;

/**
 * Whether the desk has calls; if so, loads (once) the lazy chunk with `<cc-call-controls>` and the
 * menu items, built from what the page already has. A chunk that failed to load is tried again next time.
 */
function enabled(desk: Desk | undefined): desk is Desk {
  if (!desk?.calls.available) return false;
  loading ??= import('./call-controls-part.js')
    .then((m) => {
      loaded = m;
      m.defineCallControls({ DeskElement, ConversationController, StoreController, html, nothing, hostStyles, unsafeCSS });
    })
    .catch(() => void (loading = undefined));
  return true;
}

/** A conversation's `<cc-call-controls>` for another element's template (the panel, which may pass `sound`; `compact` on a session tab); nothing without calls. */
export function callControls(desk: Desk | undefined, conversationId: string, lang: string, compact = false, sound = false): TemplateResult | typeof nothing {
  return enabled(desk)
    ? html`<cc-call-controls part="call" lang=${lang} .desk=${desk} conversation-id=${conversationId} ?compact=${compact} ?sound=${sound}></cc-call-controls>`
    : nothing;
}

/** The "…" menu items Start voice call / Start video call (see call-controls-part.ts); nothing without calls or until the chunk is in. */
export function callMenu(desk: Desk | undefined, conversation: Conversation, t: Catalog, host: HTMLElement, done: () => void): unknown {
  if (!enabled(desk)) return nothing;
  // An open menu shows the items as soon as the chunk is in, not at the host's next render.
  if (!loaded) void loading?.then(() => (host as HTMLElement & { requestUpdate?(): void }).requestUpdate?.());
  return loaded?.callMenu(desk, conversation, t, host, done) || nothing;
}
