// Registers every element (the side-effect entry) and re-exports the public API with the element
// classes, so one import does both.
import './elements/agent-desk/define.js';
import './elements/conversation-notification/define.js';
import './elements/attachment-picker/define.js';
import './elements/transcript/define.js';
import './elements/customer-form/define.js';
import './elements/conversation-notes/define.js';
import './elements/record-search/define.js';
import './elements/record-create/define.js';
import './elements/transcript-search/define.js';
import './elements/knowledge-search/define.js';
import './elements/smart-assist/define.js';
import './elements/agent-script/define.js';
import './elements/session-tabs/define.js';
import './elements/sentiment-badge/define.js';
import './elements/call-controls/define.js';
import './elements/session-view/define.js';
import './elements/shortcuts/define.js';
import './elements/presence-picker/define.js';
import './elements/work-items/define.js';
import { CcCommunicationPanel } from './elements/communication-panel/communication-panel.js';

// Not through `…/define/communication-panel`, which loads the panel's transcript and attachment picker
// after it: registered just above, they need no load (and no chunk a bundler would split them into).
if (!customElements.get('cc-communication-panel')) customElements.define('cc-communication-panel', CcCommunicationPanel);

export * from './index.js';
export * from './elements.js';
