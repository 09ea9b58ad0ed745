import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { manualClock } from '../../src-main/core/clock.js';
import { MspError } from '../../src-main/core/errors.js';
import { openServiceContext } from '../../src-main/services/bootstrap.js';
import { editSession, endSession, listSessions, pauseSession, resumeSession, sessionStatus, startSession } from '../../src-main/services/sessions.js';
import { tempHome } from '../helpers/processes.js';

const MIN = 60_000;
const T0 = Date.UTC(2026, 0, 5, 9, 0);

function open(t: { after(fn: () => void): void }) {
  const clock = manualClock(T0);
  const context = openServiceContext({ env: { MSP_HOME: tempHome(t) }, clock });
  t.after(() => { context.close(); });
  return { context, clock };
}

describe('sessions and modes', () => {
  it('bills msp work by default, not dev or normal work, unless told otherwise', (t) => {
    const { context } = open(t);
    assert.equal(startSession(context, { mode: 'msp', client: 'Dataforth' }).session.billable, true);
    assert.equal(startSession(context, { mode: 'dev', project: 'tooling' }).session.billable, false);
    assert.equal(startSession(context, { mode: 'normal' }).session.billable, false);
    assert.equal(startSession(context, { mode: 'msp', client: 'Dataforth', billable: false }).session.billable, false);
    assert.equal(startSession(context, { mode: 'dev', project: 'tooling', billable: true }).session.billable, true);
  });

  it('keeps one active session per machine: a mode switch ends the current one', (t) => {
    const { context, clock } = open(t);
    const first = startSession(context, { mode: 'msp', client: 'Dataforth', project: 'DNS migration' });
    clock.advance(20 * MIN);
    const second = startSession(context, { mode: 'normal' });
    assert.equal(second.ended?.id, first.session.id);
    assert.equal(second.ended.endReason, 'mode_switch');
    assert.equal(second.session.client, null, 'normal mode clears client and project');
    assert.equal(second.session.project, null);
    const active = context.store.sqlite.prepare('SELECT count(*) AS n FROM sessions WHERE ended_at IS NULL').get() as { n: number };
    assert.equal(active.n, 1);
    const history = listSessions(context, { client: 'dataforth' });
    assert.equal(history.length, 1, 'history is kept, found case-insensitively');
    assert.equal(history[0]?.elapsedMinutes, 20);
  });

  it('treats starting the same thing twice as already active, not a new session', (t) => {
    const { context } = open(t);
    const first = startSession(context, { mode: 'msp', client: 'ACME' });
    const again = startSession(context, { mode: 'msp', client: 'acme' });
    assert.equal(again.alreadyActive, true);
    assert.equal(again.session.id, first.session.id);
  });

  it('excludes paused time from elapsed and billable minutes', (t) => {
    const { context, clock } = open(t);
    startSession(context, { mode: 'msp', client: 'ACME' });
    clock.advance(10 * MIN);
    pauseSession(context);
    clock.advance(25 * MIN);
    assert.equal(sessionStatus(context)?.state, 'paused');
    assert.equal(sessionStatus(context)?.billableMinutes, 10);
    resumeSession(context);
    clock.advance(5 * MIN);
    const ended = endSession(context, 'Replaced the UPS battery; verified shutdown script.');
    assert.deepEqual([ended.elapsedMinutes, ended.billableMinutes, ended.pausedMinutes], [15, 15, 25]);
    assert.equal(ended.summary, 'Replaced the UPS battery; verified shutdown script.');
  });

  it('does not bill an idle gap unless it is confirmed', (t) => {
    const { context, clock } = open(t);
    const { session } = startSession(context, { mode: 'msp', client: 'ACME' });
    clock.advance(10 * MIN);
    pauseSession(context);
    resumeSession(context);
    clock.advance(50 * MIN);
    const idle = sessionStatus(context);
    assert.equal(idle?.idleNow, true);
    assert.equal(idle.billableMinutes, 10);
    const ended = endSession(context);
    assert.equal(ended.idleFlagged, true);
    assert.equal(ended.billableMinutes, 10);
    const confirmed = editSession(context, session.shortId, { confirmIdle: true });
    assert.equal(confirmed.billableMinutes, 60);
  });

  it('corrects times with msp edit and records who changed what', (t) => {
    const { context, clock } = open(t);
    const { session } = startSession(context, { mode: 'msp', client: 'ACME' });
    clock.advance(60 * MIN);
    endSession(context);
    const edited = editSession(context, session.id, { startedAt: T0 + 15 * MIN });
    assert.equal(edited.elapsedMinutes, 45);
    const row = context.store.sqlite.prepare('SELECT edit_history FROM sessions WHERE id = ?').get(session.id) as { edit_history: string };
    const history = JSON.parse(row.edit_history) as { by: string; field: string; from: number; to: number }[];
    assert.equal(history[0]?.field, 'started_at');
    assert.equal(history[0].from, T0);
    assert.equal(history[0].by, context.technician);
    assert.throws(() => editSession(context, session.id, { startedAt: T0 + 70 * MIN }), (error: MspError) => error.field === 'end');
  });

  it('refuses pause, resume and end without an active session, with the fix', (t) => {
    const { context } = open(t);
    assert.throws(() => pauseSession(context), /no active session: start one with `msp start/);
    assert.throws(() => endSession(context), /no active session/);
    startSession(context, { mode: 'normal' });
    assert.throws(() => resumeSession(context), /not paused/);
  });
});
