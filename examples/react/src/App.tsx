import { useState } from 'react';
import type { CcSendEvent, Desk } from 'contact-center-elements';
// Each wrapper registers its element; `useStore` comes without registering anything.
import { CcAgentDesk } from 'contact-center-elements/react/agent-desk';
import { CcConversationNotification } from 'contact-center-elements/react/conversation-notification';
import { CcCommunicationPanel } from 'contact-center-elements/react/communication-panel';
import { useStore } from 'contact-center-elements/react/use-store';
// A raw tag needs its element registered, like in plain HTML.
import 'contact-center-elements/define/presence-picker';

export function App({ desk }: { desk: Desk }) {
  const conversations = useStore(desk.$conversations);
  const active = useStore(desk.$activeConversation);
  const [vetoed, setVetoed] = useState('');

  // Typed by the wrapper: `event` is a CcSendEvent; preventDefault() vetoes the send.
  const onSend = (event: CcSendEvent) => {
    if (event.text.includes('veto')) {
      event.preventDefault();
      setVetoed(event.text);
    }
  };

  return (
    <main>
      <h1>React 19</h1>
      {/* `desk` is an object: the wrapper sets it as a property. */}
      <CcAgentDesk desk={desk} lang="en">
        {/* A raw custom element, typed by contact-center-elements/frameworks/react. */}
        <cc-presence-picker oncc-presence={(event) => console.info('presence', event.presence)} />
        <CcConversationNotification />
        <CcCommunicationPanel style={{ height: 480 }} onCcSend={onSend} />
      </CcAgentDesk>
      <p>
        Vetoed: <output id="vetoed">{vetoed}</output>
      </p>
      <p>
        Conversations:{' '}
        <output data-check="useStore follows desk.$conversations" data-expect="1">
          {Object.keys(conversations).length}
        </output>
      </p>
      <p>
        Active:{' '}
        <output data-check="useStore follows desk.$activeConversation" data-expect="Ada Lovelace">
          {active?.customer.name}
        </output>
      </p>
    </main>
  );
}
