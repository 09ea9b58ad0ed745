import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { billableByDefault, checkModeRequirements, clipIdleGaps, idleGapBefore, sessionMinutes } from '../../src-main/core/sessions.js';

const MIN = 60_000;
const base = { startedAt: 0, endedAt: null, pausedAt: null, pausedMs: 0, lastActivityAt: 0, unconfirmedIdleMs: 0, billable: true };

describe('session rules', () => {
  it('bills client work by default and nothing else', () => {
    assert.equal(billableByDefault('msp'), true);
    assert.equal(billableByDefault('dev'), false);
    assert.equal(billableByDefault('normal'), false);
  });

  it('requires a client in msp mode, a project in dev mode, and neither in normal mode', () => {
    assert.throws(() => { checkModeRequirements('msp', undefined, undefined); }, /--client/);
    assert.throws(() => { checkModeRequirements('dev', 'A', undefined); }, /--project/);
    assert.throws(() => { checkModeRequirements('normal', 'A', undefined); }, /no client or project/);
    assert.doesNotThrow(() => { checkModeRequirements('msp', 'A', undefined); });
  });

  it('excludes paused time, finished and ongoing, from elapsed and billable minutes', () => {
    const ended = sessionMinutes({ ...base, endedAt: 90 * MIN, pausedMs: 30 * MIN, lastActivityAt: 90 * MIN }, 100 * MIN, 30 * MIN);
    assert.deepEqual([ended.elapsedMinutes, ended.billableMinutes, ended.pausedMinutes], [60, 60, 30]);
    const paused = sessionMinutes({ ...base, pausedAt: 20 * MIN, lastActivityAt: 20 * MIN }, 50 * MIN, 30 * MIN);
    assert.deepEqual([paused.state, paused.elapsedMinutes, paused.billableMinutes, paused.idleNow], ['paused', 20, 20, false]);
  });

  it('does not bill an idle gap until it is confirmed, and flags a session idle right now', () => {
    const idle = sessionMinutes({ ...base, lastActivityAt: 10 * MIN }, 70 * MIN, 30 * MIN);
    assert.equal(idle.idleNow, true);
    assert.equal(idle.elapsedMinutes, 70);
    assert.equal(idle.billableMinutes, 10);
    const recorded = sessionMinutes({ ...base, endedAt: 120 * MIN, lastActivityAt: 120 * MIN, unconfirmedIdleMs: 45 * MIN }, 130 * MIN, 30 * MIN);
    assert.equal(recorded.billableMinutes, 75);
    assert.equal(sessionMinutes({ ...base, billable: false }, 60 * MIN, 30 * MIN).billableMinutes, 0);
  });

  it('records a gap only when the quiet spell exceeds the limit, and clips gaps to corrected times', () => {
    assert.equal(idleGapBefore(0, 30 * MIN, 30 * MIN), null);
    assert.deepEqual(idleGapBefore(0, 31 * MIN, 30 * MIN), { from: 0, to: 31 * MIN, confirmed: false });
    const { gaps, unconfirmedIdleMs } = clipIdleGaps([{ from: 0, to: 60 * MIN, confirmed: false }, { from: 70 * MIN, to: 80 * MIN, confirmed: true }], 30 * MIN, 75 * MIN);
    assert.deepEqual(gaps, [{ from: 30 * MIN, to: 60 * MIN, confirmed: false }, { from: 70 * MIN, to: 75 * MIN, confirmed: true }]);
    assert.equal(unconfirmedIdleMs, 30 * MIN);
  });
});
