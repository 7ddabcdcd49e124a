import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createDesk } from 'contact-center-elements';
import { SimulatedTransport } from 'contact-center-elements/transports/simulated';
import { App } from './App';

const transport = new SimulatedTransport({ seed: 1 });
const desk = createDesk({ transport });

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root.');
createRoot(root).render(
  <StrictMode>
    <App desk={desk} />
  </StrictMode>,
);

void desk.connect().then(() => {
  transport.offer({ customer: { name: 'Ada Lovelace' }, locale: 'en' });
});
