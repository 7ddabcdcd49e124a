// contact-center-elements/transports/websocket is an entry of its own that loads in Node, where a
// host passes the `ws` package's WebSocket (Node 20 has no global one). `npm run test:node` builds
// dist/ first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { WebSocket, WebSocketServer } from 'ws';
import { root } from './build-entry.mjs';

const { WebSocketTransport } = await import('contact-center-elements/transports/websocket');
const { TransportError } = await import('contact-center-elements');

test('the package exports the WebSocket transport as an entry of its own', () => {
  const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
  assert.deepEqual(pkg.exports['./transports/websocket'], {
    types: './dist/types/transports/websocket/index.d.ts',
    import: './dist/transports/websocket.js',
  });
  assert.equal(typeof WebSocketTransport, 'function');
});

test('without a WebSocket to use, connect() says to pass one', async () => {
  assert.equal(typeof globalThis.WebSocket, 'undefined', 'precondition: Node 20 has no global WebSocket');
  const transport = new WebSocketTransport({ url: 'ws://127.0.0.1:9/agent', token: 't' });
  await assert.rejects(transport.connect({ id: 'a-1' }), (error) => error instanceof TransportError && /WebSocket option/.test(error.message));
});

test('with ws it says hello, resolves with the welcome cursor and delivers events', { timeout: 5000 }, async () => {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  server.on('connection', (socket) => {
    socket.on('message', (data) => {
      const frame = JSON.parse(String(data));
      if (frame.type !== 'hello' || frame.token !== 'tok') return;
      socket.send(JSON.stringify({ type: 'welcome', protocol: 1, agent: { id: 'a-1' }, capabilities: { reject: true, upload: false, typing: false }, cursor: '07' }));
      socket.send(JSON.stringify({ type: 'event', event: { type: 'snapshot', cursor: '07', offers: [], conversations: [], messages: [] } }));
    });
  });
  try {
    const transport = new WebSocketTransport({ url: `ws://127.0.0.1:${server.address().port}/agent`, token: 'tok', WebSocket });
    const first = new Promise((resolve) => transport.subscribe(resolve));
    assert.deepEqual(await transport.connect({ id: 'a-1' }), { cursor: '07' });
    assert.equal(transport.capabilities.upload, false);
    assert.equal((await first).type, 'snapshot');
    await transport.disconnect();
  } finally {
    for (const client of server.clients) client.terminate();
    await new Promise((resolve) => server.close(resolve));
  }
});
