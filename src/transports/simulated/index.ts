export {
  DEFAULT_CAPABILITIES,
  SimulatedTransport,
  type AutoplayOptions,
  type CustomerMessageOptions,
  type OfferInput,
  type RecordedUpload,
  type SimulatedTransportOptions,
} from './simulated-transport.js';
export { mulberry32, Random, SCENARIOS, type Scenario, type ScriptLocale } from './scripts.js';
