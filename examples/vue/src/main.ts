import 'contact-center-elements/define/agent-desk';
import 'contact-center-elements/define/conversation-notification';
import 'contact-center-elements/define/communication-panel';
import { createApp } from 'vue';
import { createDesk } from 'contact-center-elements';
import { SimulatedTransport } from 'contact-center-elements/transports/simulated';
import App from './App.vue';

const transport = new SimulatedTransport({ seed: 1 });
const desk = createDesk({ transport });

createApp(App, { desk }).mount('#app');

void desk.connect().then(() => {
  transport.offer({ customer: { name: 'Ada Lovelace' }, locale: 'en' });
});
