// One element: <cc-smart-assist> (F15) and the desk it reads.
import 'contact-center-elements/define/smart-assist';
import { createDesk } from 'contact-center-elements';

globalThis.createDesk = createDesk;
