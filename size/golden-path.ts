// The golden path a CRM page loads: desk + incoming notification + communication panel + attachment picker.
// Built with every dependency bundled (vite.size.config.ts) and checked against the budget by size-limit.
import '../src/elements/agent-desk/define.js';
import '../src/elements/conversation-notification/define.js';
import '../src/elements/communication-panel/define.js';
import '../src/elements/attachment-picker/define.js';

export { createDesk } from '../src/core/desk/desk.js';
