// README, "Drop the tags into your page": every element registered, then the desk.
import 'contact-center-elements/define';
import { createDesk } from 'contact-center-elements';

globalThis.createDesk = createDesk;
