import assert from 'node:assert/strict';
import { request } from 'node:http';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { WebSocket } from 'ws';
import { signBody } from '../src/webhook.js';
import { activeConversation, Agent, APP_SECRET, setup, waitFor, type Setup } from './helpers.js';

const AGENT_SECRET = 'test-agent-secret';
const PAGE_TOKEN = 'test-page-token';

/** A raw HTTP exchange: what the server answered (status line), or how the connection ended. */
function raw(port: number, text: string, opts: { keepWriting?: string; every?: number } = {}): Promise<{ status?: number; ended: boolean; ms: number }> {
  return new Promise((resolve) => {
    const start = Date.now();
    const socket = connect(port, '127.0.0.1');
    let data = '';
    let timer: NodeJS.Timeout | undefined;
    socket.on('connect', () => {
      socket.write(text);
      if (opts.keepWriting) timer = setInterval(() => socket.writable && socket.write(opts.keepWriting!), opts.every ?? 100);
    });
    socket.on('data', (d) => (data += d.toString()));
    const done = () => {
      clearInterval(timer);
      const match = /^HTTP\/1\.1 (\d{3})/.exec(data);
      resolve({ ...(match ? { status: Number(match[1]) } : {}), ended: true, ms: Date.now() - start });
    };
    socket.on('close', done);
    socket.on('error', () => undefined);
  });
}

describe('hostile traffic: refused cleanly, logged without secrets, the others still served', () => {
  let s: Setup;
  let agent: Agent;
  let customer: Awaited<ReturnType<typeof activeConversation>>['customer'];
  let conversationId: string;
  const tokens: string[] = [];
  let n = 0;

  before(async () => {
    s = await setup({ headersTimeoutMs: 300, requestTimeoutMs: 600, maxSocketsPerIp: 12 });
    agent = new Agent(() => s.bridge, 'h-normal');
    tokens.push(agent.token);
    await agent.connect();
    ({ customer, conversationId } = await activeConversation(s, agent, 'A normal customer'));
  });
  after(async () => {
    await s.close();
  });

  /** The normal agent still gets a normal customer's message. */
  async function stillServed(): Promise<void> {
    const mid = await customer.says(`still served ${++n}`);
    await agent.event('message.received', (e) => e.message.id === mid);
  }
  const webhook = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${s.bridge.httpUrl}/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  it('unsigned (401), wrongly signed (403) and replayed webhooks (applied once)', async () => {
    const { item, mid } = customer.messageItem({ text: 'Replay me' });
    const body = JSON.stringify({ object: 'page', entry: [{ id: 'page', time: Date.now(), messaging: [item] }] });
    assert.equal((await webhook(body)).status, 401);
    assert.equal((await webhook(body, { 'x-hub-signature-256': signBody(body, 'not-the-secret') })).status, 403);
    for (let i = 0; i < 3; i++) assert.equal((await webhook(body, { 'x-hub-signature-256': signBody(body, APP_SECRET) })).status, 200);
    await s.bridge.idle();
    await stillServed();
    assert.equal(agent.eventsOf('message.received').filter((e) => e.message.id === mid).length, 1, 'a replay is deduplicated by mid');
  });

  it('malformed JSON, signed: 400', async () => {
    const body = '{"object":"page","entry":[';
    const response = await webhook(body, { 'x-hub-signature-256': signBody(body, APP_SECRET) });
    assert.equal(response.status, 400);
    await stillServed();
  });

  it('a 10 MB body: 413 at once, before the body is sent, and without reading it when chunked', async () => {
    const declared = await new Promise<number>((resolve, reject) => {
      const req = request(`${s.bridge.httpUrl}/webhook`, { method: 'POST', headers: { 'content-length': String(10 * 1024 * 1024), 'x-hub-signature-256': 'sha256=00' } });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on('error', () => undefined);
      req.write(Buffer.alloc(64 * 1024)); // the rest never comes
      setTimeout(() => reject(new Error('no answer before the body was sent')), 2000).unref();
    });
    assert.equal(declared, 413);
    const chunkedAnswer = new Promise<number>((resolve) => {
      const req = request(`${s.bridge.httpUrl}/webhook`, { method: 'POST', headers: { 'transfer-encoding': 'chunked', 'x-hub-signature-256': 'sha256=00' } });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', () => undefined);
      const chunk = Buffer.alloc(256 * 1024, 120);
      let sent = 0;
      const pump = () => {
        while (sent < 10 * 1024 * 1024 && !req.destroyed) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        req.end();
      };
      pump();
    });
    await stillServed(); // while the big body is coming in
    assert.equal(await chunkedAnswer, 413);
    await stillServed();
  });

  it('slowloris: headers or a body dribbled in are cut off (408) after the timeouts', async () => {
    const port = s.bridge.port;
    const slowHeaders = raw(port, 'POST /webhook HTTP/1.1\r\nhost: x\r\n', { keepWriting: 'x-slow: 1\r\n', every: 100 });
    const slowBody = raw(port, 'POST /webhook HTTP/1.1\r\nhost: x\r\ncontent-length: 100000\r\nx-hub-signature-256: sha256=00\r\n\r\n', { keepWriting: 'x', every: 50 });
    await stillServed(); // while both are dribbling
    const [headers, body] = await Promise.all([slowHeaders, slowBody]);
    assert.ok(headers.ended && body.ended, 'both connections were cut');
    assert.ok(headers.status === undefined || headers.status === 408, `headers: ${String(headers.status)}`);
    assert.ok(body.status === undefined || body.status === 408, `body: ${String(body.status)}`);
    await stillServed();
  });

  it("agent B's token cannot read or write agent A's conversation (not-found), by socket or upload", async () => {
    const other = new Agent(() => s.bridge, 'h-other');
    tokens.push(other.token);
    await other.connect();
    for (const command of [
      { type: 'message.send', conversationId, clientId: 'steal-1', text: 'Hi from the wrong agent' },
      { type: 'conversation.transition', conversationId, to: 'closed' },
      { type: 'typing.set', conversationId, on: true },
    ]) {
      const answer = await other.run(command);
      assert.equal(!answer.ok && answer.error.code, 'not-found', command.type);
    }
    const upload = await fetch(`${s.bridge.httpUrl}/upload?conversationId=${conversationId}&clientId=steal-2&name=a.txt`, {
      method: 'POST',
      headers: { authorization: `Bearer ${other.token}`, 'content-type': 'text/plain' },
      body: 'x',
    });
    assert.equal(upload.status, 404);
    assert.equal(s.graph.calls.filter((c) => JSON.stringify(c.body).includes('wrong agent')).length, 0);
    await other.close();
    await stillServed();
  });

  it('an expired token: the socket is refused (4401), an upload answers 401', async () => {
    const expired = s.bridge.token('h-normal', 'Old', -60);
    tokens.push(expired);
    const late = new Agent(() => s.bridge, 'h-normal', expired);
    const answer = await late.connect();
    assert.equal(answer.type, 'refused');
    await waitFor(() => late.closed, 'the close');
    assert.equal(late.closed!.code, 4401);
    const upload = await fetch(`${s.bridge.httpUrl}/upload?conversationId=${conversationId}&clientId=late-1`, { method: 'POST', headers: { authorization: `Bearer ${expired}` }, body: 'x' });
    assert.equal(upload.status, 401);
    await stillServed();
  });

  it('a flood of sockets from one address: refused past the limit (429), the open ones keep working', async () => {
    const flood: WebSocket[] = [];
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, () => {
        const ws = new WebSocket(s.bridge.url);
        flood.push(ws);
        return new Promise<number>((resolve) => {
          ws.once('open', () => resolve(101));
          ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
          ws.once('error', () => resolve(0));
        });
      }),
    );
    assert.ok(outcomes.filter((o) => o === 429).length >= 18, `refused: ${outcomes.join(',')}`);
    assert.ok(outcomes.every((o) => o === 101 || o === 429), 'each is accepted or refused with 429');
    await stillServed();
    for (const ws of flood) ws.terminate();
    await waitFor(async () => {
      const again = new Agent(() => s.bridge, 'h-after-flood');
      const welcome = await again.connect().catch(() => undefined);
      await again.close().catch(() => undefined);
      return welcome?.type === 'welcome';
    }, 'sockets to be accepted again');
  });

  it('the logs name every refusal and hold none of the secrets', () => {
    const text = s.logs.join('\n');
    for (const secret of [APP_SECRET, AGENT_SECRET, PAGE_TOKEN, ...tokens]) assert.ok(!text.includes(secret), 'a secret in the logs');
    for (const refusal of ['401', '403', '400', '413', 'token', 'sockets open from there']) assert.ok(text.includes(refusal), `logged: ${refusal}`);
  });
});
