import { CcRecordCreate } from './record-create.js';

if (!customElements.get('cc-record-create')) customElements.define('cc-record-create', CcRecordCreate);

export { CcRecordCreate };
