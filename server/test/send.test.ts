import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { activeConversation, Agent, DAY, setup, waitFor, type Setup } from './helpers.js';

type Body = { recipient?: { id: string }; messaging_type?: string; tag?: string; sender_action?: string; message?: { text?: string; metadata?: string; attachment?: { type: string; payload: { url: string } } } };
const body = (s: Setup, i: number) => s.graph.calls[i]!.body as Body;
const messageCalls = (s: Setup) => s.graph.calls.filter((c) => (c.body as Body).message !== undefined);

for (const humanAgent of [false, true]) {
  describe(`the reply window (HUMAN_AGENT=${humanAgent ? 1 : 0})`, () => {
    let s: Setup;
    let agent: Agent;
    before(async () => {
      s = await setup({ humanAgent, capacity: 50 });
      agent = new Agent(() => s.bridge, 'a-window');
      await agent.connect();
    });
    after(async () => {
      await agent.close();
      await s.close();
    });

    it('within 24 hours: RESPONSE', async () => {
      const { conversationId, customer } = await activeConversation(s, agent, 'fresh');
      s.clock.t += 23 * 60 * 60 * 1000;
      const before = messageCalls(s).length;
      await agent.ok({ type: 'message.send', conversationId, clientId: `c-24h-${humanAgent}`, text: 'Hi' });
      const call = messageCalls(s)[before]!.body as Body;
      assert.equal(call.messaging_type, 'RESPONSE');
      assert.equal(call.tag, undefined);
      assert.equal(call.recipient?.id, customer.psid);
      assert.equal(call.message?.text, 'Hi');
    });

    it(`after 3 days: ${humanAgent ? 'MESSAGE_TAG with HUMAN_AGENT' : 'window-closed, and Meta is not called'}`, async () => {
      const { conversationId } = await activeConversation(s, agent, 'three days');
      s.clock.t += 3 * DAY;
      const before = s.graph.calls.length;
      const answer = await agent.run({ type: 'message.send', conversationId, clientId: `c-3d-${humanAgent}`, text: 'Sorry for the wait' });
      if (humanAgent) {
        assert.ok(answer.ok);
        const call = body(s, before);
        assert.equal(call.message?.text, 'Sorry for the wait');
        assert.equal(call.messaging_type, 'MESSAGE_TAG');
        assert.equal(call.tag, 'HUMAN_AGENT');
      } else {
        assert.deepEqual(answer, { ok: false, error: { code: 'window-closed', message: answer.ok ? '' : answer.error.message, retryable: false } });
        assert.equal(s.graph.calls.length, before);
      }
    });

    it('after 8 days: window-closed, and Meta is not called', async () => {
      const { conversationId } = await activeConversation(s, agent, 'eight days');
      s.clock.t += 8 * DAY;
      const before = s.graph.calls.length;
      const answer = await agent.run({ type: 'message.send', conversationId, clientId: `c-8d-${humanAgent}`, text: 'Hello again' });
      assert.ok(!answer.ok && answer.error.code === 'window-closed' && !answer.error.retryable);
      assert.equal(s.graph.calls.length, before);
    });
  });
}

describe('Send API errors', () => {
  let s: Setup;
  let agent: Agent;
  let conversationId: string;
  let n = 0;
  before(async () => {
    s = await setup({ capacity: 50, rateLimitBackoffMs: 30_000 });
    agent = new Agent(() => s.bridge, 'a-errors');
    await agent.connect();
    ({ conversationId } = await activeConversation(s, agent, 'errors'));
  });
  afterEach(() => {
    s.clock.t += 60_000; // past any rate-limit back-off
  });
  after(async () => {
    await agent.close();
    await s.close();
  });

  const send = () => agent.run({ type: 'message.send', conversationId, clientId: `c-err-${++n}`, text: `try ${n}` });

  it('code 2 (temporary) is retried inside the bridge, and succeeds', async () => {
    s.graph.failNext({ code: 2, status: 500 }, 2);
    const before = messageCalls(s).length;
    const answer = await send();
    assert.ok(answer.ok);
    assert.equal(messageCalls(s).length - before, 3, 'two failures, then the one that went out');
  });

  it('code 2 that persists → unavailable, retryable', async () => {
    s.graph.failNext({ code: 2, status: 500 }, 3);
    const answer = await send();
    assert.ok(!answer.ok);
    assert.equal(answer.error.code, 'unavailable');
    assert.equal(answer.error.retryable, true);
  });

  for (const code of [4, 613]) {
    it(`code ${code} (rate limit) → unavailable, retryable, and the bridge holds sends back for a while`, async () => {
      s.graph.failNext({ code });
      const answer = await send();
      assert.ok(!answer.ok && answer.error.code === 'unavailable' && answer.error.retryable);
      const before = s.graph.calls.length;
      const held = await send();
      assert.ok(!held.ok && held.error.code === 'unavailable' && held.error.retryable);
      assert.equal(s.graph.calls.length, before, 'no call while backing off');
      s.clock.t += 31_000;
      assert.ok((await send()).ok);
    });
  }

  for (const error of [{ code: 10 }, { code: 200, error_subcode: 2018278 }]) {
    it(`code ${error.code}${error.error_subcode ? ` / subcode ${error.error_subcode}` : ''} → window-closed, not retryable`, async () => {
      s.graph.failNext(error);
      const answer = await send();
      assert.ok(!answer.ok);
      assert.equal(answer.error.code, 'window-closed');
      assert.equal(answer.error.retryable, false);
    });
  }

  it('code 190 (the page token expired) → unavailable, not retryable, logged loudly', async () => {
    s.graph.failNext({ code: 190 });
    const answer = await send();
    assert.ok(!answer.ok);
    assert.equal(answer.error.code, 'unavailable');
    assert.equal(answer.error.retryable, false);
    assert.ok(s.logs.some((l) => l.includes('PAGE ACCESS TOKEN')));
  });

  it('code 551 (person unavailable) → invalid, not retryable', async () => {
    s.graph.failNext({ code: 551 });
    const answer = await send();
    assert.ok(!answer.ok);
    assert.equal(answer.error.code, 'invalid');
    assert.equal(answer.error.retryable, false);
  });

  it('a failed send may be retried with its clientId, and then goes out', async () => {
    s.graph.failNext({ code: 551 });
    const command = { type: 'message.send', conversationId, clientId: 'c-retry-after-failure', text: 'again' } as const;
    assert.ok(!(await agent.run(command)).ok);
    assert.ok((await agent.run(command)).ok);
  });
});

describe('message.send and the rest of the Send API', () => {
  let s: Setup;
  let agent: Agent;
  before(async () => {
    s = await setup({ capacity: 50 });
    agent = new Agent(() => s.bridge, 'a-send');
    await agent.connect();
  });
  after(async () => {
    await agent.close();
    await s.close();
  });

  it('the same clientId sends once: concurrent retries and a retry after success answer the same ack', async () => {
    const { conversationId } = await activeConversation(s, agent, 'once');
    const command = { type: 'message.send', conversationId, clientId: 'c-once', text: 'Exactly once' } as const;
    const [a, b] = await Promise.all([agent.ok(command), agent.ok(command)]);
    const c = await agent.ok(command);
    assert.deepEqual(a, b);
    assert.deepEqual(b, c);
    assert.equal(messageCalls(s).filter((call) => (call.body as Body).message?.text === 'Exactly once').length, 1);
    await agent.event('message.received', (e) => e.message.clientId === 'c-once');
    assert.equal(agent.eventsOf('message.received').filter((e) => e.message.clientId === 'c-once').length, 1);
  });

  it('refuses nothing to send, text over 2000 characters and a closed conversation (invalid), before calling Meta', async () => {
    const { conversationId } = await activeConversation(s, agent, 'invalid');
    const before = s.graph.calls.length;
    const empty = await agent.run({ type: 'message.send', conversationId, clientId: 'c-empty', text: '  ' });
    assert.ok(!empty.ok && empty.error.code === 'invalid');
    const long = await agent.run({ type: 'message.send', conversationId, clientId: 'c-long', text: 'x'.repeat(2001) });
    assert.ok(!long.ok && long.error.code === 'invalid');
    await agent.ok({ type: 'conversation.transition', conversationId, to: 'wrap-up' });
    await agent.ok({ type: 'conversation.transition', conversationId, to: 'closed' });
    const closed = await agent.run({ type: 'message.send', conversationId, clientId: 'c-closed', text: 'late' });
    assert.ok(!closed.ok && closed.error.code === 'not-found' || !closed.ok && closed.error.code === 'invalid');
    assert.equal(s.graph.calls.length, before);
  });

  it('typing.set → typing_on / typing_off; accepting an offer → mark_seen', async () => {
    const before = s.graph.calls.length;
    const { conversationId, customer } = await activeConversation(s, agent, 'typing');
    await waitFor(() => s.graph.calls.slice(before).find((c) => (c.body as Body).sender_action === 'mark_seen'), 'mark_seen');
    await agent.ok({ type: 'typing.set', conversationId, on: true });
    await agent.ok({ type: 'typing.set', conversationId, on: false });
    const actions = s.graph.calls.slice(before).map((c) => c.body as Body).filter((b) => b.recipient?.id === customer.psid).map((b) => b.sender_action);
    assert.deepEqual(actions, ['mark_seen', 'typing_on', 'typing_off']);
  });

  it('an upload is stored once per clientId, served over HTTP, and sent as an attachment by its URL', async () => {
    const { conversationId } = await activeConversation(s, agent, 'upload');
    const upload = () =>
      fetch(`${s.bridge.httpUrl}/upload?conversationId=${conversationId}&clientId=c-up-1&name=report.pdf`, {
        method: 'POST',
        headers: { authorization: `Bearer ${agent.token}`, 'content-type': 'application/pdf' },
        body: Buffer.from('%PDF-1.4 test'),
      });
    const first = await upload();
    assert.equal(first.status, 200);
    const ref = (await first.json()) as { id: string; kind: string; name: string; url: string; size: number; mimeType: string };
    assert.deepEqual([ref.kind, ref.name, ref.size, ref.mimeType], ['file', 'report.pdf', 13, 'application/pdf']);
    assert.deepEqual(await (await upload()).json(), ref);
    const served = await fetch(ref.url);
    assert.equal(served.headers.get('content-type'), 'application/pdf');
    assert.equal(await served.text(), '%PDF-1.4 test');

    const before = s.graph.calls.length;
    await agent.ok({ type: 'message.send', conversationId, clientId: 'c-att', text: 'Here it is', attachments: [ref] });
    const sent = s.graph.calls.slice(before).map((c) => c.body as Body);
    assert.deepEqual(sent.map((b) => b.message?.attachment?.type ?? 'text'), ['file', 'text']);
    assert.equal(sent[0]!.message?.attachment?.payload.url, ref.url);
  });

  it('uploads need a valid token (401 auth-expired), a conversation of the agent (404) and fit the limit (413)', async () => {
    const { conversationId } = await activeConversation(s, agent, 'upload rules');
    const post = (token: string, id = conversationId, bytes = 10) =>
      fetch(`${s.bridge.httpUrl}/upload?conversationId=${id}&clientId=c-${Math.random()}&name=a.txt`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' },
        body: Buffer.alloc(bytes),
      });
    const bad = await post('nope');
    assert.equal(bad.status, 401);
    assert.equal(((await bad.json()) as { error: { code: string } }).error.code, 'auth-expired');
    assert.equal((await post(s.bridge.token('a-send', 'x', -10))).status, 401);
    assert.equal((await post(s.bridge.token('someone-else'))).status, 404);
    assert.equal((await post(agent.token, conversationId, s.bridge.config.maxUploadBytes + 1)).status, 413);
  });
});
