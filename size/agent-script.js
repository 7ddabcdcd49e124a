// One element: <cc-agent-script> (F15) and the desk it reads.
import 'contact-center-elements/define/agent-script';
import { createDesk } from 'contact-center-elements';

globalThis.createDesk = createDesk;
