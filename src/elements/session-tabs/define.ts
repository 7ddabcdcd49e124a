import '../sentiment-badge/define.js';
import { CcSessionTabs } from './session-tabs.js';

if (!customElements.get('cc-session-tabs')) customElements.define('cc-session-tabs', CcSessionTabs);

export { CcSessionTabs };
