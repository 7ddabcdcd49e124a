import { CcSentimentAlert } from './sentiment-alert.js';
import { CcSentimentBadge } from './sentiment-badge.js';

if (!customElements.get('cc-sentiment-badge')) customElements.define('cc-sentiment-badge', CcSentimentBadge);
if (!customElements.get('cc-sentiment-alert')) customElements.define('cc-sentiment-alert', CcSentimentAlert);

export { CcSentimentAlert, CcSentimentBadge };
