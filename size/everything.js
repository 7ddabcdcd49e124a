// Everything: every element registered and every export of the root and of `./elements` used.
import 'contact-center-elements/define';
import * as api from 'contact-center-elements';
import * as elements from 'contact-center-elements/elements';

globalThis.contactCenter = { ...api, ...elements };
