// Types shared by the elements whose classes a lazy chunk makes from the page's own modules (call
// controls, sentiment badge and alert, quick replies). Types only: nothing here is loaded.
import type { CSSResultGroup, html as litHtml, unsafeCSS as litUnsafeCSS } from 'lit';
import type { Desk } from '../core/desk/desk.js';
import type { ConversationController } from '../controllers/conversation-controller.js';
import type { StoreController } from '../controllers/store-controller.js';
import type { DeskElement } from './desk-element.js';

/** What such an element is built from: modules the page has already loaded. */
export interface PageDeps {
  DeskElement: typeof DeskElement;
  ConversationController: typeof ConversationController;
  StoreController: typeof StoreController;
  html: typeof litHtml;
  nothing: symbol;
  hostStyles: CSSResultGroup;
  /** Lit's `unsafeCSS`: the styles stay CSS results, made into sheets only where there is a document. */
  unsafeCSS: typeof litUnsafeCSS;
}

/** The public face every such element has (its class is made in the chunk; it is a DeskElement). */
export interface LazyDeskElement extends HTMLElement {
  desk: Desk | undefined;
  deskId: string | undefined;
  readonly activeDesk: Desk | undefined;
  readonly updateComplete: Promise<boolean>;
  requestUpdate(): void;
  /** The conversation shown (default: the desk's active one). */
  conversationId: string | undefined;
}
