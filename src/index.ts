// The public API. Importing it defines no element and touches no DOM global (it runs in Node):
// register tags with `contact-center-elements/define` or one `define/<element>` entry.

// ---- core ----
export type * from './core/model.js';
export type {
  Capabilities,
  Command,
  CommandResults,
  ResultOf,
  AcceptOfferCommand,
  RejectOfferCommand,
  SendMessageCommand,
  SetTypingCommand,
  TransitionCommand,
  SetPresenceCommand,
  SearchRecordsCommand,
  CreateRecordCommand,
  LinkRecordCommand,
  UnlinkRecordCommand,
  ListNotesCommand,
  AddNoteCommand,
  SearchTranscriptsCommand,
  GetTranscriptCommand,
  TransportEvent,
  SnapshotEvent,
  OfferCreatedEvent,
  OfferWithdrawnEvent,
  ConversationUpdatedEvent,
  MessageReceivedEvent,
  MessageStatusEvent,
  ReceiptEvent,
  TypingEvent,
  ReactionEvent,
  EditEvent,
  UploadMeta,
  ConnectOptions,
  Transport,
  TransportErrorCode,
} from './core/transport.js';
export { TransportError, isTransportError, toTransportError, createClientId } from './core/transport.js';
export { Desk, createDesk, MAX_MESSAGE_LENGTH } from './core/desk/desk.js';
export type { DeskOptions, ConnectionStatus, TimelineEntry } from './core/desk/desk.js';
export type * from './core/records.js';
export { validateNewRecord, slotOf, RECORD_FIELD_LIMITS, MAX_NOTE_LENGTH } from './core/records.js';
export type { SearchStatus, SearchService } from './core/search/types.js';
export { DeskError } from './core/errors.js';
export type { DeskErrorCode } from './core/errors.js';
export {
  ConversationStateError,
  canTransition,
  transition,
  nextStates,
  usesCapacity,
} from './core/conversation-state.js';
export {
  createAttachmentPolicy,
  checkFile,
  decodeFileName,
  safeDownloadName,
  DEFAULT_ALLOWED_EXTENSIONS,
  MESSENGER_MAX_BYTES,
} from './core/attachment-policy.js';
export type { AttachmentPolicy, FileVerdict, RejectionReason } from './core/attachment-policy.js';
export { replyWindow, STANDARD_WINDOW_MS, HUMAN_AGENT_WINDOW_MS } from './core/reply-window.js';
export type { ReplyWindow } from './core/reply-window.js';
export { createMemoryStorage, openStorage } from './core/storage.js';
export type { Storage, StoredMessage } from './core/storage.js';

// ---- elements (classes only; see define.ts) ----
export { DeskElement } from './elements/desk-element.js';
export { CcAgentDesk } from './elements/agent-desk/agent-desk.js';
export { CcConversationNotification } from './elements/conversation-notification/conversation-notification.js';
export { CcCommunicationPanel } from './elements/communication-panel/communication-panel.js';
export { CcAttachmentPicker } from './elements/attachment-picker/attachment-picker.js';
export type { AddFilesResult, AttachmentItemState, RejectedFile } from './elements/attachment-picker/attachment-picker.js';
export { CcTranscript } from './elements/transcript/transcript.js';
export { CcCustomerForm } from './elements/customer-form/customer-form.js';
export type { CustomerFormTab, CustomerFormView } from './elements/customer-form/customer-form.js';
export { CcConversationNotes } from './elements/conversation-notes/conversation-notes.js';
export { CcRecordSearch } from './elements/record-search/record-search.js';
export type { RecordFilter, RecordSearchPhase } from './elements/record-search/record-search.js';
export { CcRecordCreate } from './elements/record-create/record-create.js';
export type { QuickCreateKind } from './elements/record-create/record-create.js';
export { CcTranscriptSearch } from './elements/transcript-search/transcript-search.js';
export {
  CcAcceptEvent,
  CcRejectEvent,
  CcOfferExpiredEvent,
  CcPresenceEvent,
  CcSendEvent,
  CcRetryEvent,
  CcEndEvent,
  CcAttachEvent,
  CcFilesRejectedEvent,
  CcAttachmentsChangeEvent,
  CcAddNoteEvent,
  CcLinkEvent,
  CcUnlinkEvent,
  CcCreateRecordEvent,
  CcRecordCreatedEvent,
  CcCancelEvent,
  CcOpenTranscriptEvent,
} from './elements/events.js';

// ---- controllers, context, styles ----
export { deskContext, DESK_CHANGE_EVENT } from './controllers/desk-context.js';
export { DeskController } from './controllers/desk-controller.js';
export type { DeskHost } from './controllers/desk-controller.js';
export { StoreController } from './controllers/store-controller.js';
export { LocalizeController } from './controllers/localize-controller.js';
export { hostStyles } from './styles/tokens.js';

// ---- i18n ----
export { en, registerCatalog, catalogFor, loadCatalog, formatRemaining } from './i18n/index.js';
export { pl } from './i18n/pl.js';
export type { Catalog } from './i18n/index.js';
