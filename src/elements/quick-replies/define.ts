import { CcQuickReplies } from './quick-replies.js';

if (!customElements.get('cc-quick-replies')) customElements.define('cc-quick-replies', CcQuickReplies);

export { CcQuickReplies };
