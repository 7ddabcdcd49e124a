import { CcWorkItems } from './work-items.js';

if (!customElements.get('cc-work-items')) customElements.define('cc-work-items', CcWorkItems);

export { CcWorkItems };
