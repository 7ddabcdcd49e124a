import { expect, waitUntil } from '@open-wc/testing';
import { WebSocketTransport, type WebSocketTransportOptions } from '../../src/transports/websocket/index.js';
import type { TransportEvent } from '../../src/core/transport.js';
import { FakeServer } from './websocket-fake.js';
import { rejection } from './helpers.js';
import { testDesk } from '../harness.js';

const agent = { id: 'a-1', name: 'Ola' };

describe('WebSocketTransport', () => {
  let server: FakeServer;
  const transports: WebSocketTransport[] = [];

  beforeEach(async () => {
    server = await FakeServer.open();
  });

  afterEach(async () => {
    for (const t of transports.splice(0)) await t.disconnect();
    await server.dispose();
  });

  function create(options: Partial<WebSocketTransportOptions> = {}): { transport: WebSocketTransport; events: TransportEvent[] } {
    const transport = new WebSocketTransport({ url: server.url, token: 'tok-1', ...options });
    transports.push(transport);
    const events: TransportEvent[] = [];
    transport.subscribe((event) => events.push(event));
    return { transport, events };
  }

  const disconnects = (events: TransportEvent[]) => events.filter((e) => e.type === 'transport.disconnected');

  describe('handshake', () => {
    it('says hello with the token and no cursor, resolves with the welcome cursor and delivers the snapshot', async () => {
      const { transport, events } = create();
      const result = await transport.connect(agent);
      const hello = await server.frame('hello');
      expect(hello).to.deep.equal({ type: 'hello', protocol: 1, token: 'tok-1' });
      expect(result).to.deep.equal({ cursor: '000010' });
      await waitUntil(() => events.length > 0, 'no snapshot');
      expect(events[0]).to.include({ type: 'snapshot', cursor: '000010' });
      expect(transport.connected).to.equal(true);
      expect(transport.agent).to.deep.equal(agent);
    });

    it('resumes after a cursor: hello carries it and connect() resolves with it', async () => {
      const { transport } = create();
      const result = await transport.connect(agent, { cursor: '000042' });
      expect((await server.frame('hello')).cursor).to.equal('000042');
      expect(result).to.deep.equal({ cursor: '000042' });
    });

    it('answers capabilities from the constructor until the welcome, then from the server', async () => {
      const { transport } = create({ capabilities: { knowledge: true, maxAttachmentBytes: 1000 } });
      expect(transport.capabilities).to.include({ reject: true, upload: true, typing: true, knowledge: true, maxAttachmentBytes: 1000 });
      await transport.connect(agent);
      expect(transport.capabilities).to.deep.equal({ reject: false, upload: true, typing: true, humanAgent: true });
    });

    it('is idempotent: calls while connecting or connected open one socket', async () => {
      const { transport } = create();
      await Promise.all([transport.connect(agent), transport.connect(agent)]);
      await transport.connect(agent);
      const frames = await server.frames();
      expect(frames.filter((f) => f.type === 'hello')).to.have.length(1);
    });

    it('asks getToken for every connection', async () => {
      let n = 0;
      const { transport } = create({ token: undefined, getToken: async () => `fresh-${++n}` });
      await transport.connect(agent);
      expect((await server.frame('hello')).token).to.equal('fresh-1');
      await transport.disconnect();
      await transport.connect(agent);
      expect((await server.frame('hello', 1)).token).to.equal('fresh-2');
    });

    it('rejects with auth-expired when the server refuses the token, and asks getToken again on the next connect', async () => {
      await server.set({ answer: 'refuse' });
      const tokens = ['old', 'new'];
      const asked: string[] = [];
      const { transport, events } = create({
        token: undefined,
        getToken: () => {
          const token = tokens.shift()!;
          asked.push(token);
          return token;
        },
      });
      const error = await rejection(transport.connect(agent));
      expect(error.code).to.equal('auth-expired');
      expect(error.retryable).to.equal(false);
      expect(transport.connected).to.equal(false);

      await server.set({ answer: 'welcome' });
      await transport.connect(agent);
      expect(asked).to.deep.equal(['old', 'new']);
      expect((await server.frame('hello', 1)).token).to.equal('new');
      // The refusal failed connect(); it is not also a dropped connection.
      expect(disconnects(events)).to.deep.equal([]);
    });

    it('rejects with aborted when the signal aborts before the welcome, and a new connect opens a new socket', async () => {
      await server.set({ answer: 'nothing' });
      const { transport } = create();
      const controller = new AbortController();
      const connecting = rejection(transport.connect(agent, { signal: controller.signal }));
      await server.frame('hello');
      controller.abort();
      expect((await connecting).code).to.equal('aborted');
      expect((await server.closed()).code).to.equal(1000);
      await server.set({ answer: 'welcome' });
      await transport.connect(agent);
      expect(transport.connected).to.equal(true);
    });

    it('fails a connect whose socket closes before the welcome with a retryable network error', async () => {
      await server.set({ answer: 'nothing' });
      const { transport, events } = create();
      const connecting = rejection(transport.connect(agent));
      await server.frame('hello');
      await server.close(1011, 'boom');
      const error = await connecting;
      expect(error.code).to.equal('network');
      expect(error.retryable).to.equal(true);
      expect(disconnects(events)).to.deep.equal([]);
    });
  });

  describe('commands', () => {
    it('sends a command frame and resolves with the ack of the same id, in any order', async () => {
      const { transport } = create();
      await transport.connect(agent);
      const first = transport.execute({ type: 'message.send', conversationId: 'c-1', clientId: 'k-1', text: 'Hi' });
      const second = transport.execute({ type: 'offer.reject', offerId: 'o-1' });
      const a = await server.frame('command', 0);
      const b = await server.frame('command', 1);
      expect(a.command).to.deep.equal({ type: 'message.send', conversationId: 'c-1', clientId: 'k-1', text: 'Hi' });
      expect(a.id).to.be.a('string').and.not.equal(b.id);
      await server.send({ type: 'ack', id: b.id, result: { ok: true } });
      await server.send({ type: 'ack', id: a.id, result: { messageId: 'm-9', at: 5 } });
      expect(await first).to.deep.equal({ messageId: 'm-9', at: 5 });
      expect(await second).to.deep.equal({ ok: true });
    });

    it('rejects with the TransportError the error frame names', async () => {
      const { transport } = create();
      await transport.connect(agent);
      const refused = rejection(transport.execute({ type: 'message.send', conversationId: 'c-1', clientId: 'k-1', text: 'Late' }));
      const busy = rejection(transport.execute({ type: 'offer.accept', offerId: 'o-1' }));
      const odd = rejection(transport.execute({ type: 'offer.accept', offerId: 'o-2' }));
      const [a, b, c] = [await server.frame('command', 0), await server.frame('command', 1), await server.frame('command', 2)];
      await server.send({ type: 'error', id: a.id, error: { code: 'window-closed', message: 'The 24-hour window is over.', retryable: false } });
      await server.send({ type: 'error', id: b.id, error: { code: 'unavailable', message: 'Try later.' } });
      await server.send({ type: 'error', id: c.id, error: { code: 'no-such-code', message: 'Odd.' } });
      const closed = await refused;
      expect([closed.code, closed.retryable, closed.message]).to.deep.equal(['window-closed', false, 'The 24-hour window is over.']);
      const unavailable = await busy;
      expect([unavailable.code, unavailable.retryable]).to.deep.equal(['unavailable', true]);
      expect((await odd).code).to.equal('internal');
    });

    it('rejects one command with aborted when its signal aborts, and ignores its late answer', async () => {
      const { transport } = create();
      await transport.connect(agent);
      const controller = new AbortController();
      const cancelled = rejection(transport.execute({ type: 'offer.accept', offerId: 'o-1' }, { signal: controller.signal }));
      const other = transport.execute({ type: 'offer.reject', offerId: 'o-2' });
      const a = await server.frame('command', 0);
      const b = await server.frame('command', 1);
      controller.abort();
      expect((await cancelled).code).to.equal('aborted');
      await server.send({ type: 'ack', id: a.id, result: { conversation: {} } });
      await server.send({ type: 'ack', id: b.id, result: { ok: true } });
      expect(await other).to.deep.equal({ ok: true });
      expect(transport.connected).to.equal(true);
    });

    it('holds a command sent while connecting until the welcome', async () => {
      await server.set({ answer: 'nothing' });
      const { transport } = create({ token: undefined, getToken: async () => 'tok-2' });
      const connecting = transport.connect(agent);
      const reject = transport.execute({ type: 'offer.reject', offerId: 'o-1' });
      await server.frame('hello');
      await server.send({ type: 'welcome', protocol: 1, agent, capabilities: { reject: true, upload: false, typing: false }, cursor: '000005' });
      expect(await connecting).to.deep.equal({ cursor: '000005' });
      const command = await server.frame('command');
      await server.send({ type: 'ack', id: command.id, result: { ok: true } });
      expect(await reject).to.deep.equal({ ok: true });
    });

    it('rejects a command with network while not connected', async () => {
      const { transport } = create();
      const error = await rejection(transport.execute({ type: 'offer.reject', offerId: 'o-1' }));
      expect([error.code, error.retryable]).to.deep.equal(['network', true]);
    });

    it('rejects the commands still waiting with a retryable network error when the socket closes', async () => {
      const { transport, events } = create();
      await transport.connect(agent);
      const send = rejection(transport.execute({ type: 'message.send', conversationId: 'c-1', clientId: 'k-1', text: 'Hi' }));
      await server.frame('command');
      await server.close(1001, 'restarting');
      const error = await send;
      expect([error.code, error.retryable]).to.deep.equal(['network', true]);
      await waitUntil(() => disconnects(events).length === 1, 'no transport.disconnected');
      expect(disconnects(events)[0]).to.deep.equal({ type: 'transport.disconnected', cursor: '', reason: 'restarting', code: 'network' });
    });
  });

  describe('events and frames', () => {
    it('delivers event frames to subscribers and ignores unknown frames and misshapen events', async () => {
      const { transport, events } = create();
      await transport.connect(agent);
      await waitUntil(() => events.length === 1, 'no snapshot');
      await server.send({ type: 'something-newer', payload: 1 });
      await server.send({ type: 'event', event: 'not an object' });
      await server.send({ type: 'event', event: { type: 'typing', conversationId: 'c-1', on: true } });
      await server.send({ type: 'event', event: { type: 'transport.disconnected', cursor: '', reason: 'forged' } });
      await server.send({ type: 'ack', id: 'r-nobody', result: {} });
      await server.send({ type: 'event', event: { type: 'typing', cursor: '000011', conversationId: 'c-1', on: true } });
      await waitUntil(() => events.length === 2, 'the typing event never arrived');
      expect(events[1]).to.deep.equal({ type: 'typing', cursor: '000011', conversationId: 'c-1', on: true });
      expect(transport.connected).to.equal(true);
    });

    it('stops delivering to an unsubscribed listener', async () => {
      const { transport, events } = create();
      const late: TransportEvent[] = [];
      const stop = transport.subscribe((e) => late.push(e));
      await transport.connect(agent);
      await waitUntil(() => events.length === 1 && late.length === 1, 'no snapshot');
      stop();
      await server.send({ type: 'event', event: { type: 'typing', cursor: '000011', conversationId: 'c-1', on: false } });
      await waitUntil(() => events.length === 2, 'no typing event');
      expect(late).to.have.length(1);
    });

    for (const [what, frame] of [
      ['not JSON', '{"type":'],
      ['not an object', '[1, 2]'],
      ['without a string type', '{"type": 7}'],
    ] as const) {
      it(`closes with 4400 on a frame that is ${what}, and reports an internal error`, async () => {
        const { transport, events } = create();
        await transport.connect(agent);
        await server.send(frame);
        expect((await server.closed()).code).to.equal(4400);
        await waitUntil(() => disconnects(events).length === 1, 'no transport.disconnected');
        expect(disconnects(events)[0]).to.include({ cursor: '', code: 'internal' });
      });
    }
  });

  describe('dropped connections', () => {
    const table: [close: number, code: string][] = [
      [1000, 'network'],
      [1001, 'network'],
      [4400, 'internal'],
      [4401, 'auth-expired'],
      [4408, 'network'],
      [4409, 'network'],
    ];
    for (const [close, code] of table) {
      it(`emits transport.disconnected with code ${code} when the server closes with ${close}`, async () => {
        const { transport, events } = create();
        await transport.connect(agent);
        await server.close(close, 'bye');
        await waitUntil(() => disconnects(events).length === 1, 'no transport.disconnected');
        expect(disconnects(events)[0]).to.deep.equal({ type: 'transport.disconnected', cursor: '', reason: 'bye', code });
        expect(transport.connected).to.equal(false);
      });
    }

    it('opens a new connection on the next connect({ cursor }) after a drop, with no disconnect() in between', async () => {
      const { transport, events } = create();
      await transport.connect(agent);
      await server.close(1001);
      await waitUntil(() => disconnects(events).length === 1, 'no transport.disconnected');
      const result = await transport.connect(agent, { cursor: '000010' });
      expect(result).to.deep.equal({ cursor: '000010' });
      expect((await server.frame('hello', 1)).cursor).to.equal('000010');
      expect(transport.connected).to.equal(true);
    });

    it('emits auth-expired when the server refuses the token on an open connection', async () => {
      const { transport, events } = create();
      await transport.connect(agent);
      await server.send({ type: 'refused', code: 'auth-expired', message: 'The token has expired.' });
      await waitUntil(() => disconnects(events).length === 1, 'no transport.disconnected');
      expect(disconnects(events)[0]).to.include({ code: 'auth-expired', reason: 'The token has expired.' });
    });

    it('closes cleanly on disconnect(): no transport.disconnected, waiting commands fail', async () => {
      const { transport, events } = create();
      await transport.connect(agent);
      const send = rejection(transport.execute({ type: 'offer.reject', offerId: 'o-1' }));
      await server.frame('command');
      await transport.disconnect();
      expect((await server.closed()).code).to.equal(1000);
      expect((await send).code).to.equal('network');
      expect(disconnects(events)).to.deep.equal([]);
      expect(transport.connected).to.equal(false);
    });
  });

  describe('under the desk', () => {
    it('reconnects after a drop by connecting again from its cursor, with no disconnect() in between', async () => {
      const { transport } = create();
      const desk = testDesk({ transport, agent });
      await desk.connect();
      expect(desk.$connection.get()).to.equal('online');
      await server.send({ type: 'event', event: { type: 'typing', cursor: '000011', conversationId: 'c-1', on: true } });
      await server.close(1001, 'restarting');
      const hello = await server.frame('hello', 1);
      // The oldest of the cursors it received (the snapshot's), as the desk's reconnect rule says.
      expect(hello.cursor).to.equal('000010');
      await waitUntil(() => desk.$connection.get() === 'online', 'the desk did not come back online');
      expect((await server.frames()).filter((f) => f.type === 'hello')).to.have.length(2);
    });

    it('with getToken, a token that expires mid-connection is a drop: the desk reconnects with a fresh token', async () => {
      let issued = 0;
      const { transport } = create({ token: undefined, getToken: () => `tok-${++issued}` });
      const desk = testDesk({ transport, agent });
      await desk.connect();
      await server.close(4401, 'token expired');
      const hello = await server.frame('hello', 1);
      expect(hello.token).to.equal('tok-2');
      await waitUntil(() => desk.$connection.get() === 'online', 'the desk did not come back online');
    });

    it('stops at auth-expired when the server refuses the token on an open connection', async () => {
      const { transport } = create();
      const desk = testDesk({ transport, agent });
      await desk.connect();
      await server.close(4401, 'token expired');
      await waitUntil(() => desk.$connection.get() === 'auth-expired', 'the desk did not stop at auth-expired');
    });
  });

  describe('heartbeats', () => {
    it('pings every heartbeat and stays connected while the server answers', async () => {
      const { transport, events } = create({ heartbeatMs: 40 });
      await transport.connect(agent);
      const ping = await server.frame('ping');
      expect(ping.at).to.be.a('number');
      // Six heartbeats: three times the dead-connection limit.
      await server.frame('ping', 5);
      expect(disconnects(events)).to.deep.equal([]);
      expect(transport.connected).to.equal(true);
    });

    it('closes a silent connection with 4000 after two heartbeats and reports a network drop', async () => {
      await server.set({ pong: false });
      const { transport, events } = create({ heartbeatMs: 40 });
      const send = rejection(transport.connect(agent).then(() => transport.execute({ type: 'offer.reject', offerId: 'o-1' })));
      expect((await server.closed()).code).to.equal(4000);
      await waitUntil(() => disconnects(events).length === 1, 'no transport.disconnected');
      expect(disconnects(events)[0]).to.include({ cursor: '', code: 'network' });
      expect((await send).code).to.equal('network');
      expect((await server.frames()).some((f) => f.type === 'ping')).to.equal(true);
    });

    it("answers the server's own ping with a pong carrying its time", async () => {
      // A long client heartbeat: the only ping the server sees answered is its own.
      const { transport } = create({ heartbeatMs: 60_000 });
      await transport.connect(agent);
      await server.send({ type: 'ping', at: 1234 });
      expect(await server.frame('pong')).to.deep.equal({ type: 'pong', at: 1234 });
    });

    it("takes the server's heartbeat from the welcome", async () => {
      await server.set({ welcome: { heartbeatMs: 30 } });
      const { transport } = create();
      await transport.connect(agent);
      await server.frame('ping', 2);
    });
  });

  describe('uploads', () => {
    const meta = (file: Blob) => ({ conversationId: 'c-1', clientId: 'k-7', name: 'photo of me.png', mimeType: 'image/png', size: file.size });

    it('posts the bytes with the bearer token to the welcome uploadUrl and reports growing progress up to the size', async () => {
      const { transport } = create();
      await transport.connect(agent);
      const file = new Blob([new Uint8Array(3 * 1024 * 1024)], { type: 'image/png' });
      const progress: number[] = [];
      const ref = await transport.upload(file, meta(file), { onProgress: (sent) => progress.push(sent) });
      expect(ref).to.include({ id: 'att-1', size: file.size });
      expect(progress.at(-1)).to.equal(file.size);
      expect(progress.every((sent, i) => i === 0 || sent >= progress[i - 1]!)).to.equal(true);
      const request = await server.uploaded();
      expect(request.authorization).to.equal('Bearer tok-1');
      expect(request.type).to.equal('image/png');
      expect(request.bytes).to.equal(file.size);
      expect(request.url).to.equal(`/upload/${server.key}?conversationId=c-1&clientId=k-7&name=photo+of+me.png`);
    });

    it('uses the uploadUrl option and works through fetch, with one progress call at the end', async () => {
      const { transport } = create({ uploadUrl: server.uploadUrl, fetch: (...args) => fetch(...args) });
      const file = new Blob(['hello'], { type: 'text/plain' });
      const progress: number[] = [];
      const ref = await transport.upload(file, { ...meta(file), mimeType: 'text/plain' }, { onProgress: (sent) => progress.push(sent) });
      expect(ref.id).to.equal('att-1');
      expect(progress).to.deep.equal([file.size]);
    });

    it('rejects with aborted when the signal aborts, before or during the upload', async () => {
      await server.set({ upload: 'hang' });
      const { transport } = create({ uploadUrl: server.uploadUrl });
      const file = new Blob(['x'.repeat(1000)], { type: 'text/plain' });
      const early = new AbortController();
      early.abort();
      expect((await rejection(transport.upload(file, meta(file), { signal: early.signal }))).code).to.equal('aborted');
      const controller = new AbortController();
      const uploading = rejection(transport.upload(file, meta(file), { signal: controller.signal }));
      await server.uploaded();
      controller.abort();
      const error = await uploading;
      expect([error.code, error.retryable]).to.deep.equal(['aborted', false]);
    });

    it('maps HTTP errors: the JSON error body, else the status', async () => {
      const { transport } = create({ uploadUrl: server.uploadUrl });
      const file = new Blob(['x'], { type: 'text/plain' });
      const cases: [answer: { status: number; body: unknown }, code: string, retryable: boolean][] = [
        [{ status: 413, body: { error: { code: 'policy', message: 'Too large.', retryable: false } } }, 'policy', false],
        [{ status: 401, body: { error: { code: 'auth-expired', message: 'Expired.' } } }, 'auth-expired', false],
        [{ status: 503, body: { error: { code: 'unavailable', message: 'Busy.', retryable: true } } }, 'unavailable', true],
        [{ status: 502, body: 'Bad gateway' }, 'unavailable', true],
        [{ status: 404, body: {} }, 'not-found', false],
      ];
      for (const [answer, code, retryable] of cases) {
        await server.set({ upload: answer });
        const error = await rejection(transport.upload(file, meta(file), {}));
        expect([error.code, error.retryable], `HTTP ${answer.status}`).to.deep.equal([code, retryable]);
      }
    });
  });
});
