// A host that only drives the desk (its own UI, a server, a worker): the package root, no tags.
// This bundle must hold no Lit and no element (test/node/bundle.test.mjs checks it).
import { createDesk } from 'contact-center-elements';

globalThis.createDesk = createDesk;
