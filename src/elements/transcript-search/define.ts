// The search opens transcripts in a <cc-transcript>: define it too.
import '../transcript/define.js';
import { CcTranscriptSearch } from './transcript-search.js';

if (!customElements.get('cc-transcript-search')) customElements.define('cc-transcript-search', CcTranscriptSearch);

export { CcTranscriptSearch };
