import { CUSTOM_ELEMENTS_SCHEMA, Component, OnDestroy, signal } from '@angular/core';
import { createDesk, type CcSendEvent } from 'contact-center-elements';
import { SimulatedTransport } from 'contact-center-elements/transports/simulated';

@Component({
  selector: 'app-root',
  // The cc-* tags are custom elements: Angular leaves them to the browser.
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <main>
      <h1>Angular</h1>
      <!-- [desk] sets the property (an object); (cc-send) listens to the DOM event. -->
      <cc-agent-desk [desk]="desk" lang="en">
        <cc-conversation-notification></cc-conversation-notification>
        <cc-communication-panel style="height: 480px" (cc-send)="onSend($event)"></cc-communication-panel>
      </cc-agent-desk>
      <p>Vetoed: <output id="vetoed">{{ vetoed() }}</output></p>
      <p>
        Conversations:
        <output data-check="the signal follows desk.$conversations" data-expect="1">{{ count() }}</output>
      </p>
    </main>
  `,
})
export class AppComponent implements OnDestroy {
  readonly #transport = new SimulatedTransport({ seed: 1 });
  readonly desk = createDesk({ transport: this.#transport });
  readonly vetoed = signal('');
  readonly count = signal(0);
  readonly #unlisten = this.desk.$conversations.subscribe((all) => this.count.set(Object.keys(all).length));

  constructor() {
    void this.desk.connect().then(() => {
      this.#transport.offer({ customer: { name: 'Ada Lovelace' }, locale: 'en' });
    });
  }

  /** The event is a CcSendEvent (GlobalEventHandlersEventMap types `$event`); preventDefault() vetoes the send. */
  onSend(event: CcSendEvent): void {
    if (event.text.includes('veto')) {
      event.preventDefault();
      this.vetoed.set(event.text);
    }
  }

  ngOnDestroy(): void {
    this.#unlisten();
  }
}
