// The search renders the quick-create form: define it too.
import '../record-create/define.js';
import { CcRecordSearch } from './record-search.js';

if (!customElements.get('cc-record-search')) customElements.define('cc-record-search', CcRecordSearch);

export { CcRecordSearch };
