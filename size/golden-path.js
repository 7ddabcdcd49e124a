// The golden path: desk + incoming notification + communication panel + attachment picker, each
// registered through its own `define/<element>` entry.
import 'contact-center-elements/define/agent-desk';
import 'contact-center-elements/define/conversation-notification';
import 'contact-center-elements/define/communication-panel';
import 'contact-center-elements/define/attachment-picker';
import { createDesk } from 'contact-center-elements';

globalThis.createDesk = createDesk;
