// React golden path: the wrappers of the golden path's elements (each registers its element; the panel's
// registers its transcript and attachment picker, in a chunk loaded after it), useStore
// and createDesk. React itself is the host's (external in vite.size.config.ts), so the difference from
// the README golden-path snippet (`<!-- size: golden-path -->`) is what the React entry adds.
import { CcAgentDesk } from 'contact-center-elements/react/agent-desk';
import { CcConversationNotification } from 'contact-center-elements/react/conversation-notification';
import { CcCommunicationPanel } from 'contact-center-elements/react/communication-panel';
import { useStore } from 'contact-center-elements/react/use-store';
import { createDesk } from 'contact-center-elements';

globalThis.cc = { CcAgentDesk, CcConversationNotification, CcCommunicationPanel, useStore, createDesk };
