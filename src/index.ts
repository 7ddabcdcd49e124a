// The public API. Importing it defines no element, touches no DOM global (it runs in Node) and
// loads no Lit: a host that only uses the desk bundles no element. Register tags with
// `contact-center-elements/define` or one `define/<element>` entry; the element classes,
// controllers and host styles are in `contact-center-elements/elements` (src/elements.ts).

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
  SearchKnowledgeCommand,
  GetArticleCommand,
  TransportEvent,
  SnapshotEvent,
  DisconnectedEvent,
  ConnectResult,
  OfferCreatedEvent,
  OfferWithdrawnEvent,
  ConversationUpdatedEvent,
  MessageReceivedEvent,
  MessageStatusEvent,
  ReceiptEvent,
  TypingEvent,
  ReactionEvent,
  EditEvent,
  SentimentEvent,
  UploadMeta,
  ConnectOptions,
  Transport,
  TransportErrorCode,
} from './core/transport.js';
export { TransportError, isTransportError, toTransportError, createClientId } from './core/transport.js';
export { Desk, createDesk, MAX_MESSAGE_LENGTH } from './core/desk/desk.js';
export type {
  DeskOptions,
  ConnectionStatus,
  TimelineEntry,
  DeskEvent,
  Composer,
  ComposerState,
  PendingFile,
  PendingFileState,
  AddFilesOutcome,
  RecentCases,
  NotesStatus,
  CreateAndLinkResult,
  Sentiment,
  SentimentState,
  SentimentOption,
  SentimentAnalyzer,
  SentimentLevel,
  Assist,
  AssistState,
  AssistStatus,
  SimilarCase,
  Scripts,
  AgentScript,
  ScriptStep,
  ScriptStepProgress,
  ScriptProgress,
} from './core/desk/desk.js';
export { sendBlock, canSend } from './core/rules.js';
export type { SendBlock } from './core/rules.js';
// F15 quick replies: the placeholder rule the composer's Send follows, and the reply types.
export { composerSendBlock, unfilledPlaceholders, PLACEHOLDERS } from './core/rules.js';
export type { PlaceholderName } from './core/rules.js';
export type { QuickReplies, InsertedReply } from './core/desk/quick-replies.js';
export type { QuickReply, TransportQuickReply, NewQuickReply, FilledReply } from './core/quick-replies.js';
export type * from './core/records.js';
export type * from './core/knowledge.js';
export { articleText } from './core/knowledge.js';
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
export type { OpenStorageOptions, Storage, StorageFallbackReason, StoredMessage } from './core/storage.js';

// ---- intent events (plain DOM events, no Lit) ----
export {
  CcAcceptEvent,
  CcRejectEvent,
  CcOfferExpiredEvent,
  CcPresenceEvent,
  CcSendEvent,
  CcRetryEvent,
  CcReplyEvent,
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
  CcWorkItemOpenEvent,
  CcWorkItemPickEvent,
  CcSessionSelectEvent,
  CcSessionCloseEvent,
  CcAppSelectEvent,
  CcAppCloseEvent,
  CcShareArticleEvent,
  CcTransitionEvent,
  CcTransferEvent,
} from './elements/events.js';
export type { PickablePresence } from './elements/events.js';

// ---- i18n ----
// Polish is not exported here: a static import anywhere in the root would put its catalog in every
// page's first chunk. It loads on first use; `await loadCatalog('pl')` returns it.
export { en, registerCatalog, catalogFor, loadCatalog, formatRemaining, errorText } from './i18n/index.js';
export type { Catalog } from './i18n/index.js';
