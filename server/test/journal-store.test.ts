import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { JournalStore } from '../src/journal-store.js';
import type { ConversationRecord } from '../src/store.js';

describe('the journal store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'journal-test-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const lines = () => readFileSync(join(dir, 'journal.jsonl'), 'utf8').split('\n').filter(Boolean).length;
  const record = (n: number): ConversationRecord => ({
    psid: 'p-1',
    passedBy: [],
    conversation: { id: 'cv-1', customer: { id: 'p-1', name: `Version ${n}` }, channel: 'facebook', queue: 'messenger', state: 'open', requestedAt: n },
  });

  it('keeps every record across a reopen, hands out growing fixed-width cursors, and claims a key once', async () => {
    const store = new JournalStore(dir);
    const first = await store.appendEvent('a', { type: 'typing', conversationId: 'cv-1', on: true });
    const second = await store.appendEvent('b', { type: 'typing', conversationId: 'cv-1', on: false });
    assert.deepEqual([first.cursor, second.cursor], ['000000000001', '000000000002']);
    assert.equal(await store.claimKey('mid:1'), true);
    assert.equal(await store.claimKey('mid:1'), false);
    await store.putConversation(record(1));
    await store.close();

    const reopened = new JournalStore(dir);
    assert.equal(await reopened.claimKey('mid:1'), false);
    assert.equal((await reopened.getConversation('cv-1'))?.conversation.customer.name, 'Version 1');
    assert.deepEqual((await reopened.eventsAfter('a', undefined)).map((e) => e.cursor), ['000000000001']);
    assert.deepEqual(await reopened.eventsAfter('b', '000000000001'), [second]);
    assert.equal((await reopened.appendEvent('a', { type: 'typing', conversationId: 'cv-1', on: false })).cursor, '000000000003');
    await reopened.close();
  });

  it('rewrites a journal much longer than its state, keeping the newest version of each record', async () => {
    const store = new JournalStore(dir);
    for (let n = 2; n <= 2000; n++) await store.putConversation(record(n));
    await store.close();
    const before = lines();
    const compacted = new JournalStore(dir);
    assert.ok(lines() < before / 10, `${lines()} lines after compaction, ${before} before`);
    assert.equal((await compacted.getConversation('cv-1'))?.conversation.customer.name, 'Version 2000');
    assert.equal(await compacted.headCursor(), '000000000003');
    await compacted.close();
  });
});
