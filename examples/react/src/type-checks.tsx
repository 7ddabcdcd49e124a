// Compile-time checks of the generated typings (`tsc --noEmit` fails if one stops holding). Not rendered.
import type { CcAcceptEvent, Desk } from 'contact-center-elements';
import { CcCommunicationPanel } from 'contact-center-elements/react/communication-panel';
import { CcConversationNotification } from 'contact-center-elements/react/conversation-notification';
import { CcAgentDesk, useStore } from 'contact-center-elements/react';

export function TypeChecks({ desk }: { desk: Desk }) {
  const conversations: Readonly<Record<string, { id: string }>> = useStore(desk.$conversations);
  return (
    <>
      {/* Event callbacks get the event class: `offerId` on cc-accept, `text` on cc-send. */}
      <CcConversationNotification onCcAccept={(event) => event.offerId.length} />
      <CcCommunicationPanel onCcSend={(event) => event.text.length} conversationId={Object.keys(conversations)[0]} />
      {/* @ts-expect-error a cc-send callback does not take a cc-accept event */}
      <CcCommunicationPanel onCcSend={(event: CcAcceptEvent) => event.offerId} />
      {/* @ts-expect-error the panel fires no cc-accept */}
      <CcCommunicationPanel onCcAccept={() => undefined} />
      {/* @ts-expect-error `desk` takes the desk object */}
      <CcAgentDesk desk={42} />
      {/* Raw tags: attributes, properties and `oncc-…` events typed too. */}
      <cc-communication-panel conversation-id="c1" oncc-send={(event) => event.text.length} />
      {/* @ts-expect-error a conversation id is a string */}
      <cc-communication-panel conversationId={42} />
    </>
  );
}
