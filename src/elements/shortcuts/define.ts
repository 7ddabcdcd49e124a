import { CcShortcuts } from './shortcuts.js';

if (!customElements.get('cc-shortcuts')) customElements.define('cc-shortcuts', CcShortcuts);

export { CcShortcuts };
