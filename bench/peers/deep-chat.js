// deep-chat: a chat web component. The page a host writes: the element, a conversation's history,
// file attachments on.
import 'deep-chat';

const chat = document.createElement('deep-chat');
chat.history = [
  { role: 'user', text: 'Hello, my parcel has not arrived.' },
  { role: 'ai', text: 'Let me check that for you.' },
];
chat.mixedFiles = true;
chat.connect = { handler: (body, signals) => signals.onResponse({ text: `Received: ${body.messages.at(-1)?.text ?? ''}` }) };
document.body.append(chat);
