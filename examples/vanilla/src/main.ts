import 'contact-center-elements/define/agent-desk';
import 'contact-center-elements/define/conversation-notification';
import 'contact-center-elements/define/communication-panel';
import { createDesk } from 'contact-center-elements';
import { SimulatedTransport } from 'contact-center-elements/transports/simulated';

const transport = new SimulatedTransport({ seed: 1 });
const desk = createDesk({ transport });

// HTMLElementTagNameMap types the query: `.desk` is the desk object, not a string.
const host = document.querySelector('cc-agent-desk');
const vetoed = document.querySelector<HTMLOutputElement>('#vetoed');
if (!host || !vetoed) throw new Error('The page lost its elements.');
host.desk = desk;

// GlobalEventHandlersEventMap types the listener: `event` is a CcSendEvent.
host.addEventListener('cc-send', (event) => {
  if (event.text.includes('veto')) {
    event.preventDefault(); // nothing is sent; the draft stays
    vetoed.value = event.text;
  }
});

void desk.connect().then(() => {
  transport.offer({ customer: { name: 'Ada Lovelace' }, locale: 'en' });
});
