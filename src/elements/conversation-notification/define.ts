import { CcConversationNotification } from './conversation-notification.js';

if (!customElements.get('cc-conversation-notification')) {
  customElements.define('cc-conversation-notification', CcConversationNotification);
}

export { CcConversationNotification };
