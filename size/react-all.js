// Every React wrapper and useStore from `contact-center-elements/react` (which registers every element),
// with createDesk: the React counterpart of the README snippet `<!-- size: snippet -->`. React itself is the host's.
import * as react from 'contact-center-elements/react';
import { createDesk } from 'contact-center-elements';

globalThis.cc = { ...react, createDesk };
