import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { Message } from '../../src/core/model.js';
import { newMid } from '../dev/customer.js';
import { JournalStore } from '../src/journal-store.js';
import type { ConversationRecord } from '../src/store.js';
import { activeConversation, Agent, setup, waitFor } from './helpers.js';

const typing = (on: boolean) => ({ type: 'typing', conversationId: 'cv-1', on }) as const;

describe('the journal store keeps its memory bounded', () => {
  const dirs: string[] = [];
  const dir = () => {
    const d = mkdtempSync(join(tmpdir(), 'journal-retention-'));
    dirs.push(d);
    return d;
  };
  after(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('trims an agent log to its newest events, never past a held cursor, and refuses a cursor older than the trim (also after a reopen and a compaction)', async () => {
    const d = dir();
    const store = new JournalStore(d, { maxEventsPerAgent: 4, hotEventsPerAgent: 1 });
    let held: string | undefined;
    store.holdEvents((agentId) => (agentId === 'a' ? held : undefined));
    const first = await store.appendEvent('a', typing(true));
    const second = await store.appendEvent('a', typing(false));
    held = second.cursor; // a connected socket has been sent up to here
    for (let i = 0; i < 20; i++) await store.appendEvent('a', typing(i % 2 === 0));
    const kept = await store.eventsAfter('a', held);
    assert.equal(kept.length, 20, 'nothing a connected socket still needs is trimmed');
    assert.equal(await store.acceptsCursor('a', held), true);
    assert.equal(await store.acceptsCursor('a', first.cursor), false, 'events after this cursor are gone');

    held = undefined; // the socket went away
    const last = await store.appendEvent('a', typing(true));
    const tail = await store.eventsAfter('a', undefined);
    assert.equal(tail.length, 4);
    assert.equal(tail.at(-1)!.cursor, last.cursor);
    assert.equal(await store.acceptsCursor('a', held ?? second.cursor), false);
    const inside = tail[0]!.cursor;
    assert.equal(await store.acceptsCursor('a', inside), true);
    // Older events are read back from the journal: the same events, in order.
    assert.deepEqual(await store.eventsAfter('a', inside), tail.slice(1));
    assert.deepEqual((await store.eventsAfter('a', inside, 2)).map((e) => e.cursor), tail.slice(1, 3).map((e) => e.cursor));
    await store.close();

    const reopened = new JournalStore(d, { maxEventsPerAgent: 4 });
    assert.equal(await reopened.acceptsCursor('a', second.cursor), false);
    assert.equal(await reopened.acceptsCursor('a', inside), true);
    assert.deepEqual(await reopened.eventsAfter('a', inside), tail.slice(1));
    for (let i = 0; i < 1200; i++) await reopened.appendEvent('a', typing(true));
    const head = await reopened.headCursor('a');
    await reopened.close();

    const lines = () => readFileSync(join(d, 'journal.jsonl'), 'utf8').split('\n').filter(Boolean).length;
    const before = lines();
    const compacted = new JournalStore(d, { maxEventsPerAgent: 4 });
    assert.ok(lines() < before / 10, `${lines()} lines after compaction, ${before} before`);
    assert.equal(await compacted.headCursor('a'), head);
    assert.equal(await compacted.acceptsCursor('a', inside), false, 'the trim is remembered after the trimmed events are gone from the journal');
    assert.equal((await compacted.eventsAfter('a', undefined)).length, 4);
    assert.equal((await compacted.appendEvent('a', typing(false))).cursor > head, true);
    await compacted.close();
  });

  it('forgets dedupe keys and sent client ids after the window, not within it (also after a reopen)', async () => {
    const d = dir();
    const clock = { t: Date.UTC(2026, 0, 10, 12) };
    const options = { keyTtlMs: 7 * 24 * 3600 * 1000, now: () => clock.t };
    const store = new JournalStore(d, options);
    assert.equal(await store.claimKey('mid:1'), true);
    assert.equal(await store.claimKey('mid:1'), false);
    await store.putSent({ clientId: 'c-1', agentId: 'a', conversationId: 'cv-1', messageId: 'm-1', at: 1 });
    clock.t += options.keyTtlMs - 1000;
    assert.equal(await store.claimKey('mid:1'), false, 'a redelivery within the window is a duplicate');
    assert.equal((await store.getSent('c-1'))?.messageId, 'm-1');
    assert.equal(await store.claimKey('mid:2'), true);
    await store.close();

    const reopened = new JournalStore(d, options);
    assert.equal(await reopened.claimKey('mid:1'), false);
    assert.equal((await reopened.getSent('c-1'))?.messageId, 'm-1');
    clock.t += 2000; // mid:1 and c-1 are now past the window, mid:2 is not
    assert.equal(await reopened.claimKey('mid:2'), false);
    assert.equal(await reopened.getSent('c-1'), undefined);
    assert.equal(await reopened.claimKey('mid:1'), true, 'forgotten after the window');
    assert.equal(await reopened.claimKey('mid:1'), false, 'and claimed again once');
    await reopened.close();
  });

  it('leaves keys and sent client ids past the window out of a reopened store (its compaction drops their lines)', async () => {
    const d = dir();
    const clock = { t: Date.UTC(2026, 0, 10, 12) };
    const options = { keyTtlMs: 7 * 24 * 3600 * 1000, now: () => clock.t };
    const store = new JournalStore(d, options);
    for (let i = 0; i < 1500; i++) assert.equal(await store.claimKey(`mid:${i}`), true);
    await store.putSent({ clientId: 'c-old', agentId: 'a', conversationId: 'cv-1', messageId: 'm-old', at: 1 });
    await store.close();
    const lines = () => readFileSync(join(d, 'journal.jsonl'), 'utf8').split('\n').filter(Boolean).length;
    assert.ok(lines() > 1500);

    clock.t += options.keyTtlMs + 1000;
    const reopened = new JournalStore(d, options);
    assert.ok(lines() < 10, `${lines()} lines left after reopening past the window`);
    assert.equal(await reopened.getSent('c-old'), undefined);
    assert.equal(await reopened.claimKey('mid:0'), true);
    await reopened.close();
  });

  it('reads a closed conversation and its messages back from the journal', async () => {
    const d = dir();
    const record = (state: 'active' | 'closed'): ConversationRecord => ({
      psid: 'p-1',
      agentId: 'a',
      passedBy: [],
      conversation: { id: 'cv-1', customer: { id: 'p-1', name: 'Ann' }, channel: 'facebook', queue: 'messenger', state, requestedAt: 1 },
    });
    const message = (n: number): Message => ({ id: `m-${n}`, conversationId: 'cv-1', author: 'customer', kind: 'text', text: `Message ${n}`, at: n });
    const store = new JournalStore(d);
    await store.putConversation(record('active'));
    for (let n = 1; n <= 5; n++) await store.putMessage(message(n));
    await store.putConversation(record('closed'));
    await store.putMessage({ ...message(2), reactions: [{ emoji: '👍', by: 'customer' }] });
    assert.equal((await store.getConversation('cv-1'))?.conversation.state, 'closed');
    assert.equal(await store.openConversationOf('p-1'), undefined);
    assert.deepEqual(await store.conversationsOf('a'), []);
    assert.deepEqual((await store.messagesOf('cv-1', 3)).map((m) => m.id), ['m-3', 'm-4', 'm-5']);
    assert.deepEqual((await store.getMessage('m-2'))?.reactions, [{ emoji: '👍', by: 'customer' }]);
    await store.close();
    const reopened = new JournalStore(d);
    assert.equal((await reopened.getMessage('m-5'))?.text, 'Message 5');
    assert.deepEqual((await reopened.messagesOf('cv-1', 10)).map((m) => m.id), ['m-1', 'm-2', 'm-3', 'm-4', 'm-5']);
    assert.deepEqual((await reopened.getMessage('m-2'))?.reactions, [{ emoji: '👍', by: 'customer' }]);
    await reopened.close();
  });

  it('over the WebSocket: a cursor inside the kept range resumes with exactly the events after it; one older than the trim gets a snapshot', async () => {
    const d = dir();
    const s = await setup({ store: new JournalStore(d, { maxEventsPerAgent: 12, hotEventsPerAgent: 2 }) });
    try {
      const agent = new Agent(() => s.bridge, 'a-trim');
      await agent.connect();
      const { conversationId, customer } = await activeConversation(s, agent, 'First');
      const mids: string[] = [];
      for (let i = 0; i < 12; i++) {
        const mid = await customer.says(`Message ${i}`);
        mids.push(mid);
        await agent.event('message.received', (e) => e.message.id === mid);
      }
      const seen = agent.events.map((e) => e.cursor!);
      const inside = agent.eventsOf('message.received').find((e) => e.message.id === mids.at(-3))!.cursor!;
      await agent.close();

      // Written while the agent is away: the log is trimmed to its newest 12 events (two per customer message).
      const later: string[] = [];
      for (let i = 0; i < 3; i++) later.push(await customer.says(`Later ${i}`));
      const oldest = seen[0]!;

      const back = new Agent(() => s.bridge, 'a-trim');
      const welcome = await back.connect({ cursor: inside });
      assert.equal(welcome.cursor, inside);
      await back.event('message.received', (e) => e.message.id === later.at(-1));
      assert.ok(!back.events.some((e) => e.type === 'snapshot'));
      const received = back.eventsOf('message.received').map((e) => e.message.id);
      assert.deepEqual(received, [...mids.slice(-2), ...later], 'exactly the events after the cursor, in order, once');
      const replayed = back.events.map((e) => e.cursor!);
      assert.deepEqual(replayed.filter((c) => c <= seen.at(-1)!), seen.filter((c) => c > inside), 'what the first socket got after the cursor, again');
      assert.ok(replayed.every((c, i) => c > inside && (i === 0 || c > replayed[i - 1]!)));
      await back.close();

      const stale = new Agent(() => s.bridge, 'a-trim');
      const refused = await stale.connect({ cursor: oldest });
      assert.notEqual(refused.cursor, oldest);
      const snapshot = await stale.event('snapshot');
      assert.deepEqual(snapshot.conversations.map((c) => c.id), [conversationId]);
      assert.ok(snapshot.messages.some((m) => m.id === later.at(-1)));
      await stale.close();
    } finally {
      await s.close();
    }
  });

  it('over the WebSocket: the log of a connected socket that falls behind is not trimmed past what it has been sent', async () => {
    const d = dir();
    const s = await setup({ store: new JournalStore(d, { maxEventsPerAgent: 8, hotEventsPerAgent: 2 }), maxSocketBufferBytes: 64 * 1024, slowSocketMs: 30_000 });
    try {
      const agent = new Agent(() => s.bridge, 'a-behind');
      await agent.connect();
      const { customer } = await activeConversation(s, agent, 'I read slowly');
      const from = agent.events.length;
      const socket = (agent.ws as unknown as { _socket: Socket })._socket;
      socket.pause(); // the client stops reading: the bridge's pump waits on back-pressure
      const big = 'x'.repeat(16 * 1024);
      const mids: string[] = [];
      for (let batch = 0; batch < 12; batch++) {
        const items = Array.from({ length: 40 }, () => customer.messageItem({ text: big, mid: newMid() }));
        mids.push(...items.map((i) => i.mid));
        await customer.post(...items.map((i) => i.item));
      }
      socket.resume();
      const last = mids.at(-1)!;
      await waitFor(() => agent.closed ?? agent.events.some((e) => e.type === 'message.received' && e.message.id === last), 'the last message, once the client reads again', 10_000);
      assert.equal(agent.closed, undefined);
      assert.equal(agent.events.slice(from).filter((e) => e.type === 'snapshot').length, 0, 'no snapshot: nothing it needed was trimmed');
      const sent = new Set(mids);
      const received = agent.eventsOf('message.received').map((e) => e.message.id).filter((id) => sent.has(id));
      assert.deepEqual(received, mids, 'every event, in order, once');
      await agent.close();
    } finally {
      await s.close();
    }
  });
});
