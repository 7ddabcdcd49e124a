import type { AttachmentRef } from '../core/model.js';
import type { FileVerdict } from '../core/attachment-policy.js';

/** Base of every intent: bubbles out of shadow roots and can be vetoed with preventDefault(). */
abstract class IntentEvent extends Event {
  constructor(type: string, cancelable = true) {
    super(type, { bubbles: true, composed: true, cancelable });
  }
}

/** The agent accepts an offer. Cancel to keep the offer pending. */
export class CcAcceptEvent extends IntentEvent {
  static readonly type = 'cc-accept';
  constructor(readonly offerId: string) {
    super(CcAcceptEvent.type);
  }
}

/** The agent rejects an offer. */
export class CcRejectEvent extends IntentEvent {
  static readonly type = 'cc-reject';
  constructor(readonly offerId: string) {
    super(CcRejectEvent.type);
  }
}

/** An offer timed out: it went back to the queue and presence became Inactive. Not cancelable. */
export class CcOfferExpiredEvent extends IntentEvent {
  static readonly type = 'cc-offer-expired';
  constructor(readonly offerId: string) {
    super(CcOfferExpiredEvent.type, false);
  }
}

/** The agent becomes Available again (from the missed-offer notice). */
export class CcPresenceEvent extends IntentEvent {
  static readonly type = 'cc-presence';
  constructor(readonly presence: 'available') {
    super(CcPresenceEvent.type);
  }
}

/** The agent sends a message. Cancel to send nothing (the draft stays). */
export class CcSendEvent extends IntentEvent {
  static readonly type = 'cc-send';
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
  static readonly type = 'cc-retry';
  constructor(
    readonly conversationId: string,
    readonly clientId: string,
  ) {
    super(CcRetryEvent.type);
  }
}

/** The agent ends the conversation (Active → Wrap-up) or closes it after wrap-up. */
export class CcEndEvent extends IntentEvent {
  static readonly type = 'cc-end';
  constructor(
    readonly conversationId: string,
    readonly to: 'wrap-up' | 'closed',
  ) {
    super(CcEndEvent.type);
  }
}

/** Files passed the policy and are about to upload. Cancel to upload nothing. */
export class CcAttachEvent extends IntentEvent {
  static readonly type = 'cc-attach';
  constructor(readonly files: readonly File[]) {
    super(CcAttachEvent.type);
  }
}

/** Some files were refused by the policy; nothing of them was uploaded. Not cancelable. */
export class CcFilesRejectedEvent extends IntentEvent {
  static readonly type = 'cc-files-rejected';
  constructor(readonly rejected: readonly (FileVerdict & { ok: false })[]) {
    super(CcFilesRejectedEvent.type, false);
  }
}

/** The picker's set of uploaded, ready-to-send attachments changed. Not cancelable. */
export class CcAttachmentsChangeEvent extends IntentEvent {
  static readonly type = 'cc-attachments-change';
  constructor(readonly attachments: readonly AttachmentRef[]) {
    super(CcAttachmentsChangeEvent.type, false);
  }
}

declare global {
  interface HTMLElementEventMap {
    'cc-accept': CcAcceptEvent;
    'cc-reject': CcRejectEvent;
    'cc-offer-expired': CcOfferExpiredEvent;
    'cc-presence': CcPresenceEvent;
    'cc-send': CcSendEvent;
    'cc-retry': CcRetryEvent;
    'cc-end': CcEndEvent;
    'cc-attach': CcAttachEvent;
    'cc-files-rejected': CcFilesRejectedEvent;
    'cc-attachments-change': CcAttachmentsChangeEvent;
  }
}
