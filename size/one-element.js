// One element: the communication panel (it registers the transcript and the attachment picker it renders).
import 'contact-center-elements/define/communication-panel';
import { createDesk } from 'contact-center-elements';

globalThis.createDesk = createDesk;
