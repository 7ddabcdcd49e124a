// The README's code, type-checked by `npm run typecheck` (never run): if a snippet stops compiling
// against the public API, this file fails. Keep each block as close to the README as TypeScript
// allows and update both together. Package specifiers are written as paths into src/; the comment
// above each import names the specifier the README uses. The "Writing a Transport adapter" section
// is checked on its own.

// 'contact-center-elements'
import { createDesk, en, errorText, loadCatalog, registerCatalog, type Transport } from '../../src/index.js';
// 'contact-center-elements/define'
import '../../src/define.js';
import {
  CcAcceptEvent,
  CcAddNoteEvent,
  CcAttachEvent,
  CcAttachmentsChangeEvent,
  CcCancelEvent,
  CcCreateRecordEvent,
  CcEndEvent,
  CcFilesRejectedEvent,
  CcLinkEvent,
  CcOfferExpiredEvent,
  CcOpenTranscriptEvent,
  CcPresenceEvent,
  CcRecordCreatedEvent,
  CcRejectEvent,
  CcRetryEvent,
  CcSendEvent,
  CcUnlinkEvent,
  CcWorkItemOpenEvent,
  CcWorkItemPickEvent,
  CcSessionSelectEvent,
  CcSessionCloseEvent,
  CcAppSelectEvent,
  CcAppCloseEvent,
  CcTransitionEvent,
  CcTransferEvent,
  CcShareArticleEvent,
} from '../../src/index.js';
// 'contact-center-elements/elements'
import { CcOpenArticleEvent, CcReplyEvent, CcScriptStepEvent, CcSentimentDismissEvent } from '../../src/elements.js';
import type { CcQuickReplyEvent, CcQuickReplyInsertedEvent, CcQuickReplyRemoveEvent } from '../../src/elements/quick-replies/quick-replies.js';
import type { CcQuickReplySaveEvent } from '../../src/elements/quick-replies/events.js';
import type { CcCallEvent, CcCallStartEvent } from '../../src/elements/call-controls/events.js';
// 'contact-center-elements/sentiment'
import { createLexiconAnalyzer, type SentimentLevel } from '../../src/sentiment/index.js';

// Stand-ins for what the README's reader brings.
declare const MyTransport: new () => Transport; // './my-transport.js'
declare function containsCardNumber(text: string): boolean;

/** "Drop the tags into your page": the module script. */
export function dropTheTags(): void {
  const desk = createDesk({
    transport: new MyTransport(),
    offerTimeout: 120, // seconds before an unanswered offer is withdrawn (presence → Inactive)
    policy: { maxBytes: 5 * 1024 * 1024, allow: ['jpg', 'png', 'pdf', 'docx'] },
  });
  // README: document.getElementById('desk').desk = desk; (plain JS, untyped lookup)
  document.querySelector('cc-agent-desk')!.desk = desk;
  desk.connect(); // retries on its own; desk.$connection tells how it goes

  // An element elsewhere on the page takes the desk object as its `.desk` property…
  document.querySelector('cc-communication-panel')!.desk = desk;
  // …or names a <cc-agent-desk> by id with the desk-id attribute (`deskId` as a property).
  document.querySelector('cc-communication-panel')!.deskId = 'desk';
}

/** "The desk: state, commands and rules": a page with its own UI drives the desk without elements. */
export function deskWithoutElements(): void {
  const desk = createDesk({ transport: new MyTransport() });
  desk.$offers.subscribe((offers) => {
    document.title = offers.length > 0 ? `(${offers.length}) ${offers[0].customer.name} is waiting` : 'Desk';
  });
  desk.connect(); // retries on its own; desk.$connection tells how it goes
}

/** "Drop the tags into your page": the golden path's module script. */
export function goldenPath(): void {
  const desk = createDesk({ transport: new MyTransport() });
  // README: document.getElementById('desk').desk = desk; (plain JS, untyped lookup)
  document.querySelector('cc-agent-desk')!.desk = desk;
  desk.connect(); // retries on its own; desk.$connection tells how it goes
}

/** "Events: observe or veto every intent". */
export function vetoAnIntent(): void {
  document.addEventListener('cc-send', (event) => {
    if (containsCardNumber(event.text)) event.preventDefault(); // the draft stays in the composer
  });
}

/** Every event the README names is typed on document, window and elements, as its exported class. */
interface NamedEvents {
  'cc-accept': CcAcceptEvent;
  'cc-reject': CcRejectEvent;
  'cc-send': CcSendEvent;
  'cc-retry': CcRetryEvent;
  'cc-end': CcEndEvent;
  'cc-attach': CcAttachEvent;
  'cc-presence': CcPresenceEvent;
  'cc-link': CcLinkEvent;
  'cc-unlink': CcUnlinkEvent;
  'cc-create-record': CcCreateRecordEvent;
  'cc-add-note': CcAddNoteEvent;
  'cc-open-transcript': CcOpenTranscriptEvent;
  'cc-offer-expired': CcOfferExpiredEvent;
  'cc-files-rejected': CcFilesRejectedEvent;
  'cc-attachments-change': CcAttachmentsChangeEvent;
  'cc-record-created': CcRecordCreatedEvent;
  'cc-cancel': CcCancelEvent;
  'cc-work-item-open': CcWorkItemOpenEvent;
  'cc-work-item-pick': CcWorkItemPickEvent;
  'cc-session-select': CcSessionSelectEvent;
  'cc-session-close': CcSessionCloseEvent;
  'cc-app-select': CcAppSelectEvent;
  'cc-app-close': CcAppCloseEvent;
  'cc-transition': CcTransitionEvent;
  'cc-transfer': CcTransferEvent;
  'cc-share-article': CcShareArticleEvent;
  'cc-open-article': CcOpenArticleEvent;
  'cc-script-step': CcScriptStepEvent;
  'cc-quick-reply': CcQuickReplyEvent;
  'cc-quick-reply-inserted': CcQuickReplyInsertedEvent;
  'cc-quick-reply-remove': CcQuickReplyRemoveEvent;
  'cc-quick-reply-save': CcQuickReplySaveEvent;
  'cc-reply': CcReplyEvent;
  'cc-sentiment-dismiss': CcSentimentDismissEvent;
  'cc-call-start': CcCallStartEvent;
  'cc-call-accept': CcCallEvent;
  'cc-call-decline': CcCallEvent;
  'cc-call-end': CcCallEvent;
}

export function everyNamedEventIsTyped(): void {
  // Fails when a name is missing from the map or mapped to a looser type than its class.
  const typed: NamedEvents = {} as Pick<GlobalEventHandlersEventMap, keyof NamedEvents>;
  void typed;

  window.addEventListener('cc-accept', (event) => event.offerId);
  document.addEventListener('cc-record-created', (event) => event.record.id);
  document.querySelector('cc-record-create')!.addEventListener('cc-cancel', (event) => event.cancelable);
  document.querySelector('cc-transcript')!.addEventListener('cc-retry', (event) => `${event.conversationId}/${event.clientId}`);
}

/** "Language and theme". */
export async function languageAndTheme(): Promise<void> {
  await loadCatalog('pl');
  registerCatalog('en', { ...en, panel: { ...en.panel, send: 'Reply' } });
}

/** "…`errorText(catalog, error)` gives your own UI the same text." */
export function sameTextForYourOwnUi(error: unknown): string {
  return errorText(en, error);
}

/** "Sentiment analyzer". */
export function sentimentAnalyzer(): SentimentLevel {
  const analyzer = createLexiconAnalyzer();
  analyzer.analyze(['Paczka nie dotarła', 'To jest skandal!!!']); // 'negative'
  return analyzer.analyze([]); // 'neutral'
}
