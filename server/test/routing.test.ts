import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { activeConversation, Agent, newConversation, setup, waitFor, type Setup } from './helpers.js';

describe('routing and authorisation', () => {
  let s: Setup;
  const agents: Agent[] = [];
  const agent = async (id: string, opts: { cursor?: string } = {}) => {
    const a = new Agent(() => s.bridge, id);
    agents.push(a);
    await a.connect(opts);
    return a;
  };
  afterEach(async () => {
    for (const a of agents.splice(0)) await a.close();
    await s.close();
  });

  it('an unanswered offer times out, goes to the next agent, and the first may no longer accept it', async () => {
    s = await setup({ offerTimeoutMs: 400 });
    const a = await agent('a');
    const b = await agent('b');
    await s.graph.customer().says('Anyone?');
    const first = await waitFor(() => [a, b].find((x) => x.eventsOf('offer.created').length > 0), 'an offer');
    const second = first === a ? b : a;
    const offer = first.eventsOf('offer.created')[0]!.offer;
    const withdrawn = await first.event('offer.withdrawn', (e) => e.offerId === offer.id);
    assert.equal(withdrawn.reason, 'timeout');
    const next = await second.event('offer.created', (e) => e.offer.conversationId === offer.conversationId);
    assert.notEqual(next.offer.id, offer.id);
    const late = await first.run({ type: 'offer.accept', offerId: offer.id });
    assert.ok(!late.ok && late.error.code === 'conflict');
    const won = await second.ok<{ conversation: { state: string } }>({ type: 'offer.accept', offerId: next.offer.id });
    assert.equal(won.conversation.state, 'active');
  });

  it('two accepts of the same offer: one wins, the other answers conflict', async () => {
    s = await setup();
    const a = await agent('a');
    const { offer } = await newConversation(s, a, 'Race');
    const a2 = await agent('a'); // the same agent in a second tab
    const answers = await Promise.all([a.run({ type: 'offer.accept', offerId: offer.id }), s.bridge && fetch(`${s.bridge.httpUrl}/dev/withdraw`, { method: 'POST', body: JSON.stringify({ offerId: offer.id }) })]);
    const accepted = answers[0];
    const withdrawnStatus = answers[1].status;
    // Exactly one of them settled the offer.
    assert.ok((accepted.ok && withdrawnStatus === 404) || (!accepted.ok && accepted.error.code === 'conflict' && withdrawnStatus === 200));
    const again = await a2.run({ type: 'offer.accept', offerId: offer.id });
    if (accepted.ok) assert.ok(again.ok, 'accepting again in another tab of the winner answers the conversation');
    else assert.ok(!again.ok && again.error.code === 'conflict');
  });

  it('after a timeout, the old and the new agent racing to accept: the new one wins, the old one gets conflict', async () => {
    s = await setup({ offerTimeoutMs: 400 });
    const b = await agent('b');
    await b.ok({ type: 'presence.set', presence: 'away' });
    const a = await agent('a');
    const { offer } = await newConversation(s, a, 'Slow');
    await a.event('offer.withdrawn', (e) => e.offerId === offer.id);
    await b.ok({ type: 'presence.set', presence: 'available' });
    const next = await b.event('offer.created', (e) => e.offer.conversationId === offer.conversationId);
    const [late, won] = await Promise.all([a.run({ type: 'offer.accept', offerId: offer.id }), b.run({ type: 'offer.accept', offerId: next.offer.id })]);
    assert.ok(!late.ok && late.error.code === 'conflict');
    assert.ok(won.ok);
  });

  it('a rejected offer goes to the next agent', async () => {
    s = await setup();
    const a = await agent('a');
    const { offer } = await newConversation(s, a, 'Reject me');
    const b = await agent('b');
    await b.ok({ type: 'presence.set', presence: 'available' });
    await a.ok({ type: 'offer.reject', offerId: offer.id });
    await b.event('offer.created', (e) => e.offer.conversationId === offer.conversationId);
    assert.ok(a.eventsOf('offer.withdrawn').some((e) => e.offerId === offer.id));
  });

  it('an agent sees and commands only its own conversations and offers (not-found for the others)', async () => {
    s = await setup();
    const a = await agent('a');
    const { conversationId, offer } = await activeConversation(s, a, 'Private');
    const b = await agent('b');
    const snapshot = await b.event('snapshot');
    assert.deepEqual([snapshot.offers, snapshot.conversations, snapshot.messages], [[], [], []]);
    for (const command of [
      { type: 'message.send', conversationId, clientId: 'c-b', text: 'Not mine' },
      { type: 'typing.set', conversationId, on: true },
      { type: 'conversation.transition', conversationId, to: 'wrap-up' },
      { type: 'offer.accept', offerId: offer.id },
      { type: 'offer.reject', offerId: offer.id },
    ]) {
      const answer = await b.run(command);
      assert.ok(!answer.ok && answer.error.code === 'not-found', `${command.type}: ${JSON.stringify(answer)}`);
    }
    const mid = await s.graph.customer(offer.customer.id).says('Still private');
    await a.event('message.received', (e) => e.message.id === mid);
    assert.ok(!b.events.some((e) => e.type === 'message.received'));
  });

  it('an agent at capacity gets no offer; the conversation waits and is offered when a slot frees', async () => {
    s = await setup({ capacity: 1 });
    const a = await agent('a');
    const { conversationId } = await activeConversation(s, a, 'First');
    await s.graph.customer().says('Second');
    await s.bridge.idle();
    const queued = await a.ok<{ items: { conversationId: string; lastMessage?: string }[] }>({ type: 'queue.list' });
    assert.deepEqual(queued.items.map((i) => i.lastMessage), ['Second']);
    await a.ok({ type: 'conversation.transition', conversationId, to: 'wrap-up' });
    await a.ok({ type: 'conversation.transition', conversationId, to: 'closed' });
    await a.event('offer.created', (e) => e.offer.firstMessage === 'Second');
  });

  it('queue.pick gives a waiting conversation to the agent, with its messages', async () => {
    s = await setup();
    const a = await agent('a');
    const queued = await fetch(`${s.bridge.httpUrl}/dev/queue`, { method: 'POST', body: JSON.stringify({ text: 'In the queue' }) });
    assert.equal(queued.status, 200);
    const { items } = await a.ok<{ items: { conversationId: string }[] }>({ type: 'queue.list' });
    assert.equal(items.length, 1);
    assert.ok(!a.events.some((e) => e.type === 'offer.created'), 'a held conversation is not offered');
    const { conversation } = await a.ok<{ conversation: { state: string } }>({ type: 'queue.pick', conversationId: items[0]!.conversationId });
    assert.equal(conversation.state, 'active');
    await a.event('message.received', (e) => e.message.text === 'In the queue');
    const again = await a.run({ type: 'queue.pick', conversationId: items[0]!.conversationId });
    assert.ok(!again.ok && again.error.code === 'not-found');
  });

  it('conversation.transition follows the F11 state machine (illegal moves answer conflict)', async () => {
    s = await setup();
    const a = await agent('a');
    const { conversationId } = await activeConversation(s, a, 'States');
    const illegal = await a.run({ type: 'conversation.transition', conversationId, to: 'closed' });
    assert.ok(!illegal.ok && illegal.error.code === 'conflict');
    for (const to of ['waiting', 'active', 'wrap-up', 'closed'] as const) {
      const { conversation } = await a.ok<{ conversation: { state: string } }>({ type: 'conversation.transition', conversationId, to, wrapUp: { disposition: 'done' } });
      assert.equal(conversation.state, to);
    }
    await a.event('conversation.updated', (e) => e.conversation.id === conversationId && e.conversation.state === 'closed');
  });

  it('unsupported commands answer invalid; presence.set checks its value', async () => {
    s = await setup();
    const a = await agent('a');
    const answer = await a.run({ type: 'records.search', query: 'x' });
    assert.ok(!answer.ok && answer.error.code === 'invalid' && /unsupported/.test(answer.error.message));
    const bad = await a.run({ type: 'presence.set', presence: 'napping' });
    assert.ok(!bad.ok && bad.error.code === 'invalid');
    assert.deepEqual(await a.ok({ type: 'presence.set', presence: 'away' }), { presence: 'away' });
    await s.graph.customer().says('Nobody available');
    await s.bridge.idle();
    assert.ok(!a.events.some((e) => e.type === 'offer.created'), 'an away agent gets no offer');
    await a.ok({ type: 'presence.set', presence: 'available' });
    await a.event('offer.created', (e) => e.offer.firstMessage === 'Nobody available');
  });
});

describe('the WebSocket protocol', () => {
  let s: Setup;
  afterEach(async () => {
    await s.close();
  });

  it('welcome carries the agent, capabilities, the cursor and the upload URL; the snapshot follows with the same cursor', async () => {
    s = await setup();
    const a = new Agent(() => s.bridge, 'a-proto');
    const welcome = await a.connect();
    assert.equal(welcome.type, 'welcome');
    assert.equal(welcome.protocol, 1);
    assert.deepEqual(welcome.agent, { id: 'a-proto', name: 'Agent a-proto' });
    assert.equal((welcome.capabilities as { reject: boolean }).reject, true);
    assert.equal(welcome.uploadUrl, `${s.bridge.httpUrl}/upload`);
    const snapshot = await a.event('snapshot');
    assert.equal(snapshot.cursor, welcome.cursor);
    assert.match(snapshot.cursor, /^\d{12}$/);
    a.send({ type: 'ping', at: 42 });
    await waitFor(() => a.frames.find((f) => f.type === 'pong' && f.at === 42), 'pong');
    a.send({ type: 'something-new' }); // ignored
    a.send({ type: 'ping', at: 43 });
    await waitFor(() => a.frames.find((f) => f.type === 'pong' && f.at === 43), 'pong after an unknown frame');
    await a.close();
  });

  it('refuses a bad or expired token (refused auth-expired, close 4401)', async () => {
    s = await setup();
    for (const token of ['garbage', s.bridge.token('a', 'A', -1), 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJhIiwiZXhwIjo5OTk5OTk5OTk5fQ.']) {
      const a = new Agent(() => s.bridge, 'a', token);
      const refused = await a.connect();
      assert.equal(refused.type, 'refused');
      assert.equal(refused.code, 'auth-expired');
      await waitFor(() => a.closed, 'close');
      assert.equal(a.closed!.code, 4401);
    }
  });

  it('closes with 4400 on a first frame that is not hello, a frame that is not JSON, or another protocol', async () => {
    s = await setup();
    const a = new Agent(() => s.bridge, 'a');
    await a.connect({ hello: { type: 'ping', at: 1 } });
    await waitFor(() => a.closed, 'close');
    assert.equal(a.closed!.code, 4400);
    await a.connect();
    a.send('not json');
    await waitFor(() => a.closed, 'close');
    assert.equal(a.closed!.code, 4400);
    const refused = await a.connect({ hello: { type: 'hello', protocol: 2, token: a.token } });
    assert.equal(refused.type, 'refused');
    assert.equal(refused.code, 'invalid');
    await waitFor(() => a.closed, 'close');
    assert.equal(a.closed!.code, 4400);
  });

  it('a reconnect with a cursor replays what came after it, without a snapshot, offers with what settled them', async () => {
    s = await setup();
    const a = new Agent(() => s.bridge, 'a-replay');
    await a.connect();
    const { offer: first, cursor } = await newConversation(s, a, 'One');
    const { offer: second } = await newConversation(s, a, 'Two');
    await a.ok({ type: 'offer.accept', offerId: second.id });
    await a.close();
    await s.graph.customer(second.customer.id).says('While away');
    await s.bridge.idle();
    const b = new Agent(() => s.bridge, 'a-replay');
    const welcome = await b.connect({ cursor });
    assert.equal(welcome.cursor, cursor);
    await b.event('message.received', (e) => e.message.text === 'While away');
    assert.ok(!b.events.some((e) => e.type === 'snapshot'));
    assert.ok(b.events.every((e) => e.cursor > cursor));
    assert.ok(!b.events.some((e) => e.type === 'offer.created' && e.offer.id === first.id));
    const created = b.events.findIndex((e) => e.type === 'offer.created' && e.offer.id === second.id);
    const settled = b.events.findIndex((e) => e.type === 'conversation.updated' && e.conversation.id === second.conversationId && e.conversation.state === 'active');
    assert.ok(created >= 0 && settled > created);
    const cursors = b.events.map((e) => e.cursor);
    assert.deepEqual([...cursors].sort(), cursors);
    await b.close();
  });

  it('a cursor the bridge never handed out gets a snapshot, and welcome carries the snapshot\'s cursor', async () => {
    s = await setup();
    const a = new Agent(() => s.bridge, 'a-unknown-cursor');
    const welcome = await a.connect({ cursor: '999999999999' });
    const snapshot = await a.event('snapshot');
    assert.equal(welcome.cursor, snapshot.cursor);
    assert.notEqual(snapshot.cursor, '999999999999');
    await a.close();
  });

  it('closes a socket it has heard nothing from for two heartbeats, and keeps one that pings', async () => {
    s = await setup({ heartbeatMs: 150 });
    const silent = new Agent(() => s.bridge, 'a-silent');
    const lively = new Agent(() => s.bridge, 'a-lively');
    const welcome = await silent.connect();
    assert.equal(welcome.heartbeatMs, 150);
    await lively.connect();
    const pinger = setInterval(() => lively.send({ type: 'ping', at: Date.now() }), 20);
    try {
      await waitFor(() => silent.closed, 'the silent socket to be closed');
      assert.equal(lively.closed, undefined);
    } finally {
      clearInterval(pinger);
    }
    await lively.close();
  });

  it('closes a socket with 4401 when its token expires, after telling it why', async () => {
    s = await setup();
    const shortLived = new Agent(() => s.bridge, 'a-short', s.bridge.token('a-short', 'Agent a-short', 1));
    const welcome = await shortLived.connect();
    assert.equal(welcome.type, 'welcome');
    await waitFor(() => shortLived.closed, 'the socket to be closed at the token expiry');
    assert.equal(shortLived.closed!.code, 4401);
    assert.equal(shortLived.frames.at(-1)?.type, 'refused');
  });

  it('pings every heartbeat itself, so a client that only answers those pings stays connected', async () => {
    s = await setup({ heartbeatMs: 100 });
    const answering = new Agent(() => s.bridge, 'a-answering');
    await answering.connect();
    answering.ws.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as { type: string; at?: number };
      if (frame.type === 'ping') answering.send({ type: 'pong', at: frame.at });
    });
    // Five heartbeats: two and a half times the silence limit.
    await waitFor(() => answering.frames.filter((f) => f.type === 'ping').length >= 5, 'five pings from the bridge');
    assert.equal(answering.closed, undefined);
    await answering.close();
  });

  it('the /dev endpoints exist only in demo mode', async () => {
    s = await setup({ dev: false });
    for (const path of ['token', 'customer', 'say', 'withdraw', 'drop', 'queue']) {
      const response = await fetch(`${s.bridge.httpUrl}/dev/${path}`, { method: 'POST', body: JSON.stringify({ agentId: 'x' }) });
      assert.equal(response.status, 404, path);
    }
    assert.equal((await fetch(`${s.bridge.httpUrl}/dev/graph-calls`)).status, 404);
  });

  it('/dev/drop cuts the agent\'s socket', async () => {
    s = await setup();
    const a = new Agent(() => s.bridge, 'a-drop');
    await a.connect();
    const response = await fetch(`${s.bridge.httpUrl}/dev/drop`, { method: 'POST', body: JSON.stringify({ agentId: 'a-drop' }) });
    assert.deepEqual(await response.json(), { dropped: 1 });
    await waitFor(() => a.closed, 'the socket to close');
  });
});
