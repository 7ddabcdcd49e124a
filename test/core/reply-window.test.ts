import { expect } from '@open-wc/testing';
import { HUMAN_AGENT_WINDOW_MS, replyWindow, STANDARD_WINDOW_MS } from '../../src/core/reply-window.js';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const T = Date.UTC(2025, 2, 30, 12, 0, 0);

describe('reply window (F18)', () => {
  it('is 24 hours and 7 days, as Messenger defines them', () => {
    expect(STANDARD_WINDOW_MS).to.equal(DAY);
    expect(HUMAN_AGENT_WINDOW_MS).to.equal(7 * DAY);
  });

  it('stays open for 24 hours after the customer’s last message', () => {
    expect(replyWindow({ lastCustomerMessageAt: T }, T)).to.deep.equal({
      open: true,
      mode: 'standard',
      closesAt: T + DAY,
      remainingMs: DAY,
    });
    const later = replyWindow({ lastCustomerMessageAt: T }, T + 23 * HOUR);
    expect(later.open).to.equal(true);
    expect(later.remainingMs).to.equal(HOUR);
  });

  it('closes exactly at the boundary, not a millisecond later', () => {
    const before = replyWindow({ lastCustomerMessageAt: T }, T + DAY - 1);
    expect(before.open).to.equal(true);
    expect(before.remainingMs).to.equal(1);
    const at = replyWindow({ lastCustomerMessageAt: T }, T + DAY);
    expect(at.open).to.equal(false);
    expect(at.remainingMs).to.equal(0);
    expect(at.closesAt).to.equal(T + DAY);
  });

  it('never reports negative time left', () => {
    const long = replyWindow({ lastCustomerMessageAt: T }, T + 30 * DAY);
    expect(long.open).to.equal(false);
    expect(long.remainingMs).to.equal(0);
    expect(replyWindow({ lastCustomerMessageAt: T, humanAgent: true }, T + 30 * DAY).remainingMs).to.equal(0);
  });

  it('lasts 7 days with the HUMAN_AGENT tag', () => {
    const day2 = replyWindow({ lastCustomerMessageAt: T, humanAgent: true }, T + 25 * HOUR);
    expect(day2).to.deep.equal({ open: true, mode: 'human-agent', closesAt: T + 7 * DAY, remainingMs: 7 * DAY - 25 * HOUR });
    expect(replyWindow({ lastCustomerMessageAt: T, humanAgent: true }, T + 7 * DAY - 1).open).to.equal(true);
    expect(replyWindow({ lastCustomerMessageAt: T, humanAgent: true }, T + 7 * DAY).open).to.equal(false);
    // Without the tag the same moment is long past the window.
    expect(replyWindow({ lastCustomerMessageAt: T, humanAgent: false }, T + 25 * HOUR).open).to.equal(false);
  });

  it('is closed before the customer has written', () => {
    expect(replyWindow({}, T)).to.deep.equal({ open: false, mode: 'standard', remainingMs: 0 });
    const tagged = replyWindow({ humanAgent: true }, T);
    expect(tagged.open).to.equal(false);
    expect(tagged.mode).to.equal('human-agent');
    expect(tagged.closesAt).to.equal(undefined);
  });

  it('counts from the latest message: a new customer message reopens it', () => {
    expect(replyWindow({ lastCustomerMessageAt: T }, T + 2 * DAY).open).to.equal(false);
    const reopened = replyWindow({ lastCustomerMessageAt: T + 2 * DAY - HOUR }, T + 2 * DAY);
    expect(reopened.open).to.equal(true);
    expect(reopened.remainingMs).to.equal(DAY - HOUR);
  });
});
