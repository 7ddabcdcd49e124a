import { CcPresencePicker } from './presence-picker.js';

if (!customElements.get('cc-presence-picker')) customElements.define('cc-presence-picker', CcPresencePicker);

export { CcPresencePicker };
