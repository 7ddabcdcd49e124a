// `contact-center-elements/elements`: the element classes and what it takes to build more elements
// on the desk (controllers, context, host styles). Importing it loads Lit but defines no tag: register
// tags with `contact-center-elements/define` or one `define/<element>` entry. Kept apart from the
// package root so that a host using only the desk (`createDesk`) never bundles Lit.

// ---- elements (classes only; see define.ts) ----
export { DeskElement } from './elements/desk-element.js';
export { CcAgentDesk } from './elements/agent-desk/agent-desk.js';
export { CcConversationNotification } from './elements/conversation-notification/conversation-notification.js';
export { CcCommunicationPanel } from './elements/communication-panel/communication-panel.js';
export { CcAttachmentPicker } from './elements/attachment-picker/attachment-picker.js';
export type { AddFilesResult, AttachmentItemState, RejectedFile } from './elements/attachment-picker/attachment-picker.js';
export { CcTranscript } from './elements/transcript/transcript.js';
export { CcReplyEvent } from './elements/events.js';
export { CcCustomerForm } from './elements/customer-form/customer-form.js';
export type { CustomerFormTab, CustomerFormView } from './elements/customer-form/customer-form.js';
export { CcConversationNotes } from './elements/conversation-notes/conversation-notes.js';
export { CcRecordSearch } from './elements/record-search/record-search.js';
export type { RecordFilter, RecordSearchPhase } from './elements/record-search/record-search.js';
export { CcRecordCreate } from './elements/record-create/record-create.js';
export type { QuickCreateKind } from './elements/record-create/record-create.js';
export { CcTranscriptSearch } from './elements/transcript-search/transcript-search.js';
export { CcKnowledgeSearch } from './elements/knowledge-search/knowledge-search.js';
export type { KnowledgeSearchPhase } from './elements/knowledge-search/knowledge-search.js';
// Types only: `<cc-quick-replies>` loads on the first `/` in the composer (or from `…/define/quick-replies`).
export type { CcQuickReplies, CcQuickReplyEvent, CcQuickReplyInsertedEvent } from './elements/quick-replies/quick-replies.js';
export { CcSmartAssist, CcOpenArticleEvent } from './elements/smart-assist/smart-assist.js';
export { CcAgentScript, CcScriptStepEvent, type ScriptStepAction } from './elements/agent-script/agent-script.js';
export { CcSessionTabs } from './elements/session-tabs/session-tabs.js';
export { CcSentimentBadge } from './elements/sentiment-badge/sentiment-badge.js';
export { CcSentimentAlert, CcSentimentDismissEvent } from './elements/sentiment-badge/sentiment-alert.js';
export { CcCallControls, CcCallEvent, CcCallStartEvent } from './elements/call-controls/define.js';
export { CcSessionView } from './elements/session-view/session-view.js';
export { CcShortcuts } from './elements/shortcuts/shortcuts.js';
export { CcPresencePicker } from './elements/presence-picker/presence-picker.js';
export { CcWorkItems } from './elements/work-items/work-items.js';
export type { SortDirection, WorkItemsColumn } from './elements/work-items/work-items.js';

// ---- controllers, context, styles ----
export { deskContext, DESK_CHANGE_EVENT } from './controllers/desk-context.js';
export { DeskController } from './controllers/desk-controller.js';
export type { DeskHost } from './controllers/desk-controller.js';
export { StoreController } from './controllers/store-controller.js';
export { ConversationController } from './controllers/conversation-controller.js';
export type { ConversationHost } from './controllers/conversation-controller.js';
export { LocalizeController } from './controllers/localize-controller.js';
export { hostStyles } from './styles/tokens.js';
