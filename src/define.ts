// Registers every element (the side-effect entry) and re-exports the public API, so one import does both.
import './elements/agent-desk/define.js';

export * from './index.js';
