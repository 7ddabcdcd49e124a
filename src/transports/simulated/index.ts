export {
  DEFAULT_CAPABILITIES,
  SimulatedTransport,
  type AutoplayOptions,
  type CustomerMessageOptions,
  type OfferInput,
  type QueueInput,
  type RecordedTransfer,
  type RecordedUpload,
  type RecordedWrapUp,
  type SimulatedConversationState,
  type SimulatedState,
  type SimulatedTransportOptions,
} from './simulated-transport.js';
export {
  foldText,
  searchTranscripts,
  SimulatedCrm,
  type ConversationDetails,
  type PastConversation,
  type RecordQuery,
  type SimulatedCrmOptions,
} from './crm.js';
export type { SimulatedCallOptions } from './calls.js';
export { mulberry32, Random, SCENARIOS, type Scenario, type ScriptLocale } from './scripts.js';
