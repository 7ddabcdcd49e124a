export { FaultTransport } from './fault-transport.js';
export type { FaultOptions, FaultCounts } from './fault-transport.js';
