import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { signBody } from '../src/webhook.js';
import { Agent, APP_SECRET, setup, VERIFY_TOKEN, waitFor, type Setup } from './helpers.js';

describe('webhook', () => {
  let s: Setup;
  let agent: Agent;
  before(async () => {
    s = await setup({ maxWebhookBytes: 4096 });
    agent = new Agent(() => s.bridge, 'a-1');
    await agent.connect();
  });
  after(async () => {
    await agent.close();
    await s.close();
  });

  const post = (body: string, headers: Record<string, string>) =>
    fetch(`${s.bridge.httpUrl}/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const messageBody = (text: string, psid = '1111', mid = `m-${text}`) =>
    JSON.stringify({ object: 'page', entry: [{ id: 'p', time: 1, messaging: [{ sender: { id: psid }, recipient: { id: 'p' }, timestamp: 1, message: { mid, text } }] }] });

  it('answers the verification challenge with the right token', async () => {
    const ok = await fetch(`${s.bridge.httpUrl}/webhook?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=12345`);
    assert.equal(ok.status, 200);
    assert.equal(await ok.text(), '12345');
  });

  it('refuses verification with a wrong token or mode (403)', async () => {
    const wrong = await fetch(`${s.bridge.httpUrl}/webhook?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1`);
    assert.equal(wrong.status, 403);
    const mode = await fetch(`${s.bridge.httpUrl}/webhook?hub.mode=unsubscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1`);
    assert.equal(mode.status, 403);
  });

  it('takes a correctly signed body and delivers it', async () => {
    const body = messageBody('signed-ok', '2001');
    const response = await post(body, { 'x-hub-signature-256': signBody(body, APP_SECRET) });
    assert.equal(response.status, 200);
    await agent.event('offer.created', (e) => e.offer.firstMessage === 'signed-ok');
  });

  it('refuses a missing signature (401), a bad one, a wrong secret and a body altered after signing (403), and processes none of them', async () => {
    const body = messageBody('unsigned', '2002');
    assert.equal((await post(body, {})).status, 401);
    assert.equal((await post(body, { 'x-hub-signature-256': 'sha256=deadbeef' })).status, 403);
    assert.equal((await post(body, { 'x-hub-signature-256': 'not-even-the-format' })).status, 403);
    assert.equal((await post(body, { 'x-hub-signature-256': signBody(body, 'another-secret') })).status, 403);
    const signed = signBody(body, APP_SECRET);
    const altered = body.replace('unsigned', 'unsigneD');
    assert.equal((await post(altered, { 'x-hub-signature-256': signed })).status, 403);
    // A later good webhook arrives; none of the refused ones did.
    const fence = messageBody('fence', '2003');
    await post(fence, { 'x-hub-signature-256': signBody(fence, APP_SECRET) });
    await agent.event('offer.created', (e) => e.offer.firstMessage === 'fence');
    await s.bridge.idle();
    assert.ok(!agent.events.some((e) => e.type === 'offer.created' && /unsigne/i.test(e.offer.firstMessage)));
  });

  it('refuses a body over the limit (413)', async () => {
    const body = messageBody('x'.repeat(5000), '2004');
    const response = await post(body, { 'x-hub-signature-256': signBody(body, APP_SECRET) });
    assert.equal(response.status, 413);
  });

  it('applies a redelivered message (same mid) once', async () => {
    const body = messageBody('twice', '2005', 'm-dup-1');
    const headers = { 'x-hub-signature-256': signBody(body, APP_SECRET) };
    assert.equal((await post(body, headers)).status, 200);
    assert.equal((await post(body, headers)).status, 200);
    const { offer } = await agent.event('offer.created', (e) => e.offer.firstMessage === 'twice');
    await agent.ok({ type: 'offer.accept', offerId: offer.id });
    assert.equal((await post(body, headers)).status, 200);
    await s.bridge.idle();
    const received = agent.eventsOf('message.received').filter((e) => e.message.id === 'm-dup-1');
    assert.equal(received.length, 1, 'one message.received for the mid');
    const created = agent.eventsOf('offer.created').filter((e) => e.offer.conversationId === offer.conversationId);
    assert.equal(created.length, 1, 'one conversation for the mid');
  });

  it('answers 400 to a signed body that is not JSON, and ignores it', async () => {
    const body = '{not json';
    const response = await post(body, { 'x-hub-signature-256': signBody(body, APP_SECRET) });
    assert.equal(response.status, 400);
    await s.bridge.idle();
    await waitFor(() => s.logs.some((l) => l.includes('not JSON')), 'a warning');
  });
});
