// stream-chat-react with stream-chat and React: one channel with its header, message list, composer
// and thread, as the library's README writes them.
import { createRoot } from 'react-dom/client';
import { Channel, ChannelHeader, Chat, MessageComposer, MessageList, Thread, useCreateChatClient, Window } from 'stream-chat-react';
import 'stream-chat-react/dist/css/index.css';

function App() {
  const client = useCreateChatClient({ apiKey: 'api-key', tokenOrProvider: 'user-token', userData: { id: 'agent' } });
  if (!client) return null;
  return (
    <Chat client={client}>
      <Channel channel={client.channel('messaging', 'customer-1')}>
        <Window>
          <ChannelHeader />
          <MessageList />
          <MessageComposer />
        </Window>
        <Thread />
      </Channel>
    </Chat>
  );
}

createRoot(document.body.appendChild(document.createElement('div'))).render(<App />);
