// The panel renders a transcript and an attachment picker. They are a chunk of their own, loaded when
// the page is first idle, or at once when a conversation is shown before that.
import { CcCommunicationPanel } from './communication-panel.js';

CcCommunicationPanel.loadParts ??= () => import('./parts.js');
if (!customElements.get('cc-communication-panel')) customElements.define('cc-communication-panel', CcCommunicationPanel);

export { CcCommunicationPanel };
