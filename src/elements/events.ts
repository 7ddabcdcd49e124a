import type { AttachmentRef, BasePresence } from '../core/model.js';
import type { FileVerdict } from '../core/attachment-policy.js';
import type { CrmRecord, LinkSlot, NewRecord, RecordRef } from '../core/records.js';
import type { ArticleSummary, ShareMode } from '../core/knowledge.js';
import type { ConversationState } from '../core/model.js';
import type { PresenceStatus } from '../core/desk/desk.js';

/** A status the agent can pick (Inactive is set by the system only). */
export type PickablePresence = Exclude<BasePresence, 'inactive'>;

// Each class's `type` is a static getter, not a static field: a class with a field initializer counts as
// code with side effects, so a host's bundler would keep every event class of the package in every page.

/** Base of every intent: bubbles out of shadow roots and can be vetoed with preventDefault(). */
abstract class IntentEvent extends Event {
  constructor(type: string, cancelable = true) {
    super(type, { bubbles: true, composed: true, cancelable });
  }
}

/** The agent accepts an offer. Cancel to keep the offer pending. */
export class CcAcceptEvent extends IntentEvent {
  static get type(): 'cc-accept' {
    return 'cc-accept';
  }
  constructor(readonly offerId: string) {
    super(CcAcceptEvent.type);
  }
}

/** The agent rejects an offer. */
export class CcRejectEvent extends IntentEvent {
  static get type(): 'cc-reject' {
    return 'cc-reject';
  }
  constructor(readonly offerId: string) {
    super(CcRejectEvent.type);
  }
}

/** An offer timed out: it went back to the queue and presence became Inactive. Not cancelable. */
export class CcOfferExpiredEvent extends IntentEvent {
  static get type(): 'cc-offer-expired' {
    return 'cc-offer-expired';
  }
  constructor(readonly offerId: string) {
    super(CcOfferExpiredEvent.type, false);
  }
}

/**
 * The agent changes their status: `presence` is a base presence or a host's custom status id, `base`
 * the base presence it stands for (from the missed-offer notice it is `'available'`). Cancel to keep
 * the status.
 */
export class CcPresenceEvent extends IntentEvent {
  static get type(): 'cc-presence' {
    return 'cc-presence';
  }
  constructor(
    readonly presence: PresenceStatus,
    readonly base: PickablePresence = presence as PickablePresence,
  ) {
    super(CcPresenceEvent.type);
  }
}

/** The agent opens one of their work items: its session starts or comes to the front. Cancel to open nothing. */
export class CcWorkItemOpenEvent extends IntentEvent {
  static get type(): 'cc-work-item-open' {
    return 'cc-work-item-open';
  }
  constructor(readonly conversationId: string) {
    super(CcWorkItemOpenEvent.type);
  }
}

/** The agent picks a queued conversation: it becomes theirs and opens. Cancel to leave it in the queue. */
export class CcWorkItemPickEvent extends IntentEvent {
  static get type(): 'cc-work-item-pick' {
    return 'cc-work-item-pick';
  }
  constructor(readonly conversationId: string) {
    super(CcWorkItemPickEvent.type);
  }
}

/** The agent sends a message. Cancel to send nothing (the draft stays). */
export class CcSendEvent extends IntentEvent {
  static get type(): 'cc-send' {
    return 'cc-send';
  }
  constructor(
    readonly conversationId: string,
    readonly text: string,
    readonly attachments: readonly AttachmentRef[],
  ) {
    super(CcSendEvent.type);
  }
}

/** The agent retries a failed message (same client id). */
export class CcRetryEvent extends IntentEvent {
  static get type(): 'cc-retry' {
    return 'cc-retry';
  }
  constructor(
    readonly conversationId: string,
    readonly clientId: string,
  ) {
    super(CcRetryEvent.type);
  }
}

/** The agent ends the conversation (Active → Wrap-up) or closes it after wrap-up. */
export class CcEndEvent extends IntentEvent {
  static get type(): 'cc-end' {
    return 'cc-end';
  }
  constructor(
    readonly conversationId: string,
    readonly to: 'wrap-up' | 'closed',
  ) {
    super(CcEndEvent.type);
  }
}

/** The agent moves the conversation along F11 other than ending or closing it: Put on hold (→ waiting), Resume (→ active), Release to queue (→ open). */
export class CcTransitionEvent extends IntentEvent {
  static get type(): 'cc-transition' {
    return 'cc-transition';
  }
  constructor(
    readonly conversationId: string,
    readonly to: ConversationState,
  ) {
    super(CcTransitionEvent.type);
  }
}

/** The agent hands the conversation over to a queue or another agent (it becomes Open). Cancel to keep it. */
export class CcTransferEvent extends IntentEvent {
  static get type(): 'cc-transfer' {
    return 'cc-transfer';
  }
  constructor(
    readonly conversationId: string,
    readonly to: { readonly queue: string } | { readonly agentId: string },
  ) {
    super(CcTransferEvent.type);
  }
}

/** Files passed the policy and are about to upload. Cancel to upload nothing. */
export class CcAttachEvent extends IntentEvent {
  static get type(): 'cc-attach' {
    return 'cc-attach';
  }
  constructor(readonly files: readonly File[]) {
    super(CcAttachEvent.type);
  }
}

/** Some files were refused by the policy; nothing of them was uploaded. Not cancelable. */
export class CcFilesRejectedEvent extends IntentEvent {
  static get type(): 'cc-files-rejected' {
    return 'cc-files-rejected';
  }
  constructor(readonly rejected: readonly (FileVerdict & { ok: false })[]) {
    super(CcFilesRejectedEvent.type, false);
  }
}

/** The picker's set of uploaded, ready-to-send attachments changed. Not cancelable. */
export class CcAttachmentsChangeEvent extends IntentEvent {
  static get type(): 'cc-attachments-change' {
    return 'cc-attachments-change';
  }
  constructor(readonly attachments: readonly AttachmentRef[]) {
    super(CcAttachmentsChangeEvent.type, false);
  }
}

/**
 * The agent adds a note to the conversation's linked record (case, else contact or account).
 * Cancel to save nothing (the text stays). `record` is where it goes (`target` is the DOM's own).
 */
export class CcAddNoteEvent extends IntentEvent {
  static get type(): 'cc-add-note' {
    return 'cc-add-note';
  }
  constructor(
    readonly conversationId: string,
    readonly record: RecordRef,
    readonly text: string,
  ) {
    super(CcAddNoteEvent.type);
  }
}

/** The agent links a record to a conversation; it replaces whatever its slot held. Cancel to link nothing. */
export class CcLinkEvent extends IntentEvent {
  static get type(): 'cc-link' {
    return 'cc-link';
  }
  constructor(
    readonly conversationId: string,
    readonly record: RecordRef,
  ) {
    super(CcLinkEvent.type);
  }
}

/** The agent unlinks the record in a slot. The record itself is never deleted. Cancel to keep the link. */
export class CcUnlinkEvent extends IntentEvent {
  static get type(): 'cc-unlink' {
    return 'cc-unlink';
  }
  constructor(
    readonly conversationId: string,
    readonly slot: LinkSlot,
    readonly record: RecordRef,
  ) {
    super(CcUnlinkEvent.type);
  }
}

/** The agent quick-creates a case or contact (fields already valid). Cancel to create nothing (the form keeps its input). */
export class CcCreateRecordEvent extends IntentEvent {
  static get type(): 'cc-create-record' {
    return 'cc-create-record';
  }
  constructor(
    readonly conversationId: string | undefined,
    readonly record: NewRecord,
  ) {
    super(CcCreateRecordEvent.type);
  }
}

/** A quick-created record exists. `linked`: it was linked too; `linkFailed`: linking was tried and failed. Not cancelable. */
export class CcRecordCreatedEvent extends IntentEvent {
  static get type(): 'cc-record-created' {
    return 'cc-record-created';
  }
  constructor(
    readonly record: CrmRecord,
    readonly conversationId: string | undefined,
    readonly linked: boolean,
    readonly linkFailed = false,
  ) {
    super(CcRecordCreatedEvent.type, false);
  }
}

/** The agent closed a form without saving (e.g. quick-create's Cancel). Not cancelable. */
export class CcCancelEvent extends IntentEvent {
  static get type(): 'cc-cancel' {
    return 'cc-cancel';
  }
  constructor() {
    super(CcCancelEvent.type, false);
  }
}

/** The agent opens a transcript from the search results. Cancel to show it your own way (nothing opens). */
export class CcOpenTranscriptEvent extends IntentEvent {
  static get type(): 'cc-open-transcript' {
    return 'cc-open-transcript';
  }
  constructor(readonly conversationId: string) {
    super(CcOpenTranscriptEvent.type);
  }
}

/** The agent brings a session to the front (`<cc-session-tabs>`, `<cc-shortcuts>`). Cancel to leave the front session as it is. */
export class CcSessionSelectEvent extends IntentEvent {
  static get type(): 'cc-session-select' {
    return 'cc-session-select';
  }
  constructor(readonly conversationId: string) {
    super(CcSessionSelectEvent.type);
  }
}

/** The agent closes a session tab; an Active conversation goes to Waiting, it is not ended. Cancel to keep the tab. */
export class CcSessionCloseEvent extends IntentEvent {
  static get type(): 'cc-session-close' {
    return 'cc-session-close';
  }
  constructor(readonly conversationId: string) {
    super(CcSessionCloseEvent.type);
  }
}

/** The agent brings an app tab of a session to the front (`<cc-session-view>`). Cancel to keep the shown app. */
export class CcAppSelectEvent extends IntentEvent {
  static get type(): 'cc-app-select' {
    return 'cc-app-select';
  }
  constructor(
    readonly conversationId: string,
    readonly appId: string,
  ) {
    super(CcAppSelectEvent.type);
  }
}

/** The agent closes an app tab of a session (never the customer form). Cancel to keep it open. */
export class CcAppCloseEvent extends IntentEvent {
  static get type(): 'cc-app-close' {
    return 'cc-app-close';
  }
  constructor(
    readonly conversationId: string,
    readonly appId: string,
  ) {
    super(CcAppCloseEvent.type);
  }
}

/**
 * The agent shares a knowledge article into the conversation's composer (F9): `as` is `link` (title
 * and address) or `text` (the article's text). Cancel to leave the draft as it is.
 */
export class CcShareArticleEvent extends IntentEvent {
  static get type(): 'cc-share-article' {
    return 'cc-share-article';
  }
  constructor(
    readonly conversationId: string,
    readonly article: ArticleSummary,
    readonly as: ShareMode,
  ) {
    super(CcShareArticleEvent.type);
  }
}

/** The agent chose Reply on a customer message: the next message quotes it. Cancelable. */
export class CcReplyEvent extends IntentEvent {
  static get eventName(): 'cc-reply' {
    return 'cc-reply';
  }
  constructor(
    readonly conversationId: string,
    readonly messageId: string,
  ) {
    super(CcReplyEvent.eventName);
  }
}

// On GlobalEventHandlersEventMap, so listeners on elements, `document` and `window` are all typed.
declare global {
  interface GlobalEventHandlersEventMap {
    'cc-accept': CcAcceptEvent;
    'cc-reject': CcRejectEvent;
    'cc-offer-expired': CcOfferExpiredEvent;
    'cc-presence': CcPresenceEvent;
    'cc-work-item-open': CcWorkItemOpenEvent;
    'cc-work-item-pick': CcWorkItemPickEvent;
    'cc-send': CcSendEvent;
    'cc-retry': CcRetryEvent;
    'cc-reply': CcReplyEvent;
    'cc-end': CcEndEvent;
    'cc-transition': CcTransitionEvent;
    'cc-transfer': CcTransferEvent;
    'cc-attach': CcAttachEvent;
    'cc-files-rejected': CcFilesRejectedEvent;
    'cc-attachments-change': CcAttachmentsChangeEvent;
    'cc-add-note': CcAddNoteEvent;
    'cc-link': CcLinkEvent;
    'cc-unlink': CcUnlinkEvent;
    'cc-create-record': CcCreateRecordEvent;
    'cc-record-created': CcRecordCreatedEvent;
    'cc-cancel': CcCancelEvent;
    'cc-open-transcript': CcOpenTranscriptEvent;
    'cc-session-select': CcSessionSelectEvent;
    'cc-session-close': CcSessionCloseEvent;
    'cc-app-select': CcAppSelectEvent;
    'cc-app-close': CcAppCloseEvent;
    'cc-share-article': CcShareArticleEvent;
    /** `<cc-agent-desk>` got a desk (fired on `document`; elements naming it with `desk-id` look again). */
    'cc-desk-change': Event;
  }
}
