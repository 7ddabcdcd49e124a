// The package entry must load in Node (SSR, tests, build tools): no DOM globals at import time,
// no element registered, and a desk that works without a browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';

assert.equal(typeof globalThis.window, 'undefined', 'precondition: Node has no window');
assert.equal(typeof globalThis.document, 'undefined', 'precondition: Node has no document');

const api = await import('../../dist/index.js');

/** An in-memory backend: accepts offers, acks sends, echoes transitions. */
class FakeTransport {
  capabilities = { reject: true, upload: false, typing: false };
  commands = [];
  #listeners = new Set();
  #cursor = 0;
  async connect() {}
  async disconnect() {}
  subscribe(listener) {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
  emit(event) {
    for (const listener of this.#listeners) listener({ ...event, cursor: String(++this.#cursor) });
  }
  conversation(state) {
    return {
      id: 'conv-1',
      customer: { id: 'cust-1', name: 'Ada' },
      channel: 'facebook',
      queue: 'Billing',
      state,
      requestedAt: 1_000,
      lastCustomerMessageAt: Date.now(),
    };
  }
  async execute(command) {
    this.commands.push(command);
    switch (command.type) {
      case 'offer.accept':
        return { conversation: this.conversation('active') };
      case 'conversation.transition':
        return { conversation: this.conversation(command.to) };
      case 'message.send':
        return { messageId: `m-${command.clientId}`, at: Date.now() };
      case 'presence.set':
        return { presence: command.presence };
      default:
        return { ok: true };
    }
  }
}

test('importing the package touches no DOM global', () => {
  assert.equal(typeof globalThis.window, 'undefined');
  assert.equal(typeof globalThis.document, 'undefined');
});

test('importing the package defines no custom element', () => {
  // Lit's Node build may install a shim registry; it must stay empty of our tags.
  const registry = globalThis.customElements;
  if (registry === undefined) return;
  for (const tag of ['cc-agent-desk', 'cc-conversation-notification', 'cc-communication-panel', 'cc-attachment-picker', 'cc-transcript']) {
    assert.equal(registry.get(tag), undefined, `${tag} was defined by importing "."`);
  }
});

test('importing the package loads no Lit', () => {
  // Lit announces each of its modules in a global version list as it loads.
  for (const marker of ['litElementVersions', 'reactiveElementVersions', 'litHtmlVersions']) {
    assert.equal(globalThis[marker], undefined, `importing "." loaded Lit (${marker})`);
  }
});

test('exposes the public API', () => {
  for (const name of ['createDesk', 'Desk', 'DeskError', 'TransportError', 'ConversationStateError', 'canTransition', 'transition', 'replyWindow', 'checkFile', 'createMemoryStorage', 'CcSendEvent', 'en', 'loadCatalog', 'registerCatalog', 'createClientId']) {
    assert.ok(name in api, `missing export ${name}`);
  }
  for (const name of ['CcAgentDesk', 'deskContext', 'hostStyles', 'pl']) {
    assert.ok(!(name in api), `"." exports ${name}, which would drag Lit or the Polish catalog into every host bundle`);
  }
});

test('Polish loads on first use', async () => {
  const pl = await api.loadCatalog('pl');
  assert.equal(pl.lang, 'pl');
  assert.equal(api.catalogFor('pl-PL'), pl);
});

test('the element classes, context and host styles come from "./elements", which defines no tag', async () => {
  const elements = await import('../../dist/elements.js');
  for (const name of ['CcAgentDesk', 'CcCommunicationPanel', 'DeskElement', 'deskContext', 'DeskController', 'hostStyles']) {
    assert.ok(name in elements, `"./elements" is missing ${name}`);
  }
  assert.equal(typeof elements.CcAgentDesk, 'function');
  assert.equal(globalThis.customElements?.get('cc-agent-desk'), undefined, 'importing "./elements" defined <cc-agent-desk>');
});

test('a desk runs in Node over an in-memory transport', async () => {
  const transport = new FakeTransport();
  const desk = api.createDesk({ transport, storage: 'memory' });
  assert.ok(desk instanceof api.Desk);
  await desk.connect();
  assert.equal(desk.$connection.get(), 'online');
  assert.equal(desk.$presence.get(), 'available');

  transport.emit({
    type: 'offer.created',
    offer: {
      id: 'offer-1',
      conversationId: 'conv-1',
      customer: { id: 'cust-1', name: 'Ada' },
      channel: 'facebook',
      queue: 'Billing',
      requestedAt: 1_000,
      firstMessage: 'Hello?',
    },
  });
  assert.deepEqual(desk.$offers.get().map((o) => o.id), ['offer-1']);

  const conversation = await desk.accept('offer-1');
  assert.equal(conversation.state, 'active');
  assert.equal(desk.$offers.get().length, 0);
  assert.equal(desk.$activeConversation.get()?.id, 'conv-1');

  const sent = await desk.send('conv-1', 'Hi Ada');
  assert.equal(sent.status, 'sent');
  assert.deepEqual(desk.messages('conv-1').get().map((m) => m.text), ['Hi Ada']);

  // F11: an illegal move is refused before it reaches the transport.
  await assert.rejects(desk.transition('conv-1', 'closed'), api.ConversationStateError);
  assert.ok(!transport.commands.some((c) => c.type === 'conversation.transition'));
  await desk.end('conv-1');
  assert.equal(desk.$conversations.get()['conv-1'].state, 'wrap-up');
  assert.equal(api.canTransition('wrap-up', 'closed'), true);

  desk.dispose();
});
