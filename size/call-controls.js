// One element: <cc-call-controls> (F20) and the desk it reads; the calls' WebRTC commands stay a lazy chunk.
import 'contact-center-elements/define/call-controls';
import { createDesk } from 'contact-center-elements';

globalThis.createDesk = createDesk;
