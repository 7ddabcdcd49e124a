import { CcSmartAssist } from './smart-assist.js';

if (!customElements.get('cc-smart-assist')) customElements.define('cc-smart-assist', CcSmartAssist);

export { CcSmartAssist };
