// @chatscope/chat-ui-kit-react with React: a header, the message list with a typing indicator, and
// the composer with its attach button, as the kit's own example writes them.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import '@chatscope/chat-ui-kit-styles/dist/default/styles.min.css';
import {
  ChatContainer,
  ConversationHeader,
  MainContainer,
  Message,
  MessageInput,
  MessageList,
  TypingIndicator,
} from '@chatscope/chat-ui-kit-react';

function Chat() {
  const [messages, setMessages] = useState([{ message: 'Hello, my parcel has not arrived.', direction: 'incoming', position: 'single' }]);
  return (
    <MainContainer>
      <ChatContainer>
        <ConversationHeader>
          <ConversationHeader.Content userName="Anna" info="Facebook Messenger" />
        </ConversationHeader>
        <MessageList typingIndicator={<TypingIndicator content="Anna is typing" />}>
          {messages.map((model, index) => (
            <Message key={index} model={model} />
          ))}
        </MessageList>
        <MessageInput
          placeholder="Type a message"
          onSend={(_html, text) => setMessages([...messages, { message: text, direction: 'outgoing', position: 'single' }])}
        />
      </ChatContainer>
    </MainContainer>
  );
}

createRoot(document.body.appendChild(document.createElement('div'))).render(<Chat />);
