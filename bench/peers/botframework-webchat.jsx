// botframework-webchat with React: the Web Chat component on a Direct Line connection, as its
// documentation writes it for a React page.
import { useMemo } from 'react';
import { createRoot } from 'react-dom/client';
import ReactWebChat, { createDirectLine } from 'botframework-webchat';

function App() {
  const directLine = useMemo(() => createDirectLine({ token: 'direct-line-token' }), []);
  return <ReactWebChat directLine={directLine} userID="agent" />;
}

createRoot(document.body.appendChild(document.createElement('div'))).render(<App />);
