// The view renders the customer form and the transcript by default: define them too.
import '../customer-form/define.js';
import '../transcript/define.js';
import { CcSessionView } from './session-view.js';

if (!customElements.get('cc-session-view')) customElements.define('cc-session-view', CcSessionView);

export { CcSessionView };
