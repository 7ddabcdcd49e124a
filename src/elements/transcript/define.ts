import { CcTranscript } from './transcript.js';

if (!customElements.get('cc-transcript')) customElements.define('cc-transcript', CcTranscript);

export { CcTranscript };
