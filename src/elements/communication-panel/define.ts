// The panel renders a transcript and an attachment picker: define them too.
import '../transcript/define.js';
import '../attachment-picker/define.js';
import { CcCommunicationPanel } from './communication-panel.js';

if (!customElements.get('cc-communication-panel')) customElements.define('cc-communication-panel', CcCommunicationPanel);

export { CcCommunicationPanel };
