import { CcAttachmentPicker } from './attachment-picker.js';

if (!customElements.get('cc-attachment-picker')) customElements.define('cc-attachment-picker', CcAttachmentPicker);

export { CcAttachmentPicker };
