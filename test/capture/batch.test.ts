import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { HookBatcher } from '../../src-main/api/hook-batcher.js';
import { manualClock } from '../../src-main/core/clock.js';
import { openServiceContext } from '../../src-main/services/bootstrap.js';
import { ingestHook, pruneCaptureBookkeeping } from '../../src-main/services/capture/ingest.js';
import { pauseSession, startSession } from '../../src-main/services/sessions.js';
import { repoRoot, tempHome } from '../helpers/processes.js';

const fixture = (name: string) => JSON.parse(readFileSync(path.join(repoRoot, '..', 'shared', 'fixtures', 'claude-code', name), 'utf8')) as Record<string, unknown>;
const bash = fixture('post-tool-use-bash.json');
const stop = fixture('stop.json');

function open(t: { after(fn: () => void): void }) {
  const home = tempHome(t);
  const clock = manualClock(Date.UTC(2026, 2, 3, 9));
  const context = openServiceContext({ env: { MSP_HOME: home }, clock });
  context.config.capture.mappings.push({ dir: '/srv/clients/acme', client: 'Acme' });
  t.after(() => { context.close(); });
  const all = <T>(sql: string) => context.store.sqlite.prepare(sql).all() as T[];
  return { context, clock, all };
}

describe('events that share one group commit', () => {
  it('are attributed one by one even when one of them switches the session, and a bad one fails alone', async (t) => {
    const { context, all } = open(t);
    startSession(context, { mode: 'normal' });
    const batcher = new HookBatcher(context, ingestHook);
    // Submitted in the same tick: one transaction. The second event comes from a mapped folder and
    // switches to a billable Acme session; the third, from elsewhere, must join that new session.
    const results = await Promise.allSettled([
      batcher.submit({ ...bash, session_id: 'claude-a', tool_use_id: 'one', cwd: '/home/tech/scratch' }),
      batcher.submit({ ...bash, session_id: 'claude-b', tool_use_id: 'two', cwd: '/srv/clients/acme/nas' }),
      batcher.submit({ ...bash, session_id: 'claude-c', tool_use_id: 'bad', cwd: 42 }),
      batcher.submit({ ...bash, session_id: 'claude-c', tool_use_id: 'three', cwd: '/home/tech/scratch' }),
      batcher.submit({ ...bash, session_id: 'claude-b', tool_use_id: 'two', cwd: '/srv/clients/acme/nas' }),
    ]);
    assert.deepEqual(results.map((r) => (r.status === 'fulfilled' ? r.value.outcome : 'rejected')), ['stored', 'stored', 'rejected', 'stored', 'duplicate']);
    const rows = all<{ tool_use_id: string; mode: string; client: string | null }>(
      `SELECT c.tool_use_id, s.mode, cl.name AS client FROM commands_run c JOIN sessions s ON s.id = c.session_id
       LEFT JOIN clients cl ON cl.id = c.client_id ORDER BY c.rowid`);
    assert.deepEqual(rows, [
      { tool_use_id: 'one', mode: 'normal', client: null },
      { tool_use_id: 'two', mode: 'msp', client: 'Acme' },
      { tool_use_id: 'three', mode: 'msp', client: 'Acme' },
    ]);
    assert.deepEqual(all<{ n: number }>('SELECT count(*) AS n FROM sessions WHERE ended_at IS NULL'), [{ n: 1 }], 'one active session');
  });

  it('a replayed Stop is counted once; tool events need no payload receipt, since their row id is made from the event', (t) => {
    const { context, all } = open(t);
    for (let i = 0; i < 3; i++) {
      ingestHook(context, stop);
      ingestHook(context, { ...bash, tool_use_id: 'same' });
    }
    assert.deepEqual(all('SELECT stops FROM claude_sessions'), [{ stops: 1 }]);
    assert.deepEqual(all('SELECT count(*) AS n FROM commands_run'), [{ n: 1 }]);
    assert.deepEqual(all('SELECT count(*) AS n FROM hook_receipts'), [{ n: 1 }], 'only the Stop needed a receipt');
    assert.equal(ingestHook(context, { ...bash, tool_use_id: 'same' }).outcome, 'duplicate');
  });

  it('a paused session seen by one event is seen paused by the rest of its batch', async (t) => {
    const { context, all } = open(t);
    startSession(context, { mode: 'normal' });
    pauseSession(context);
    const batcher = new HookBatcher(context, ingestHook);
    const outcomes = await Promise.all([1, 2, 3].map((i) => batcher.submit({ ...bash, tool_use_id: `p${i}` })));
    assert.deepEqual(outcomes.map((o) => o.outcome), ['skipped_paused', 'skipped_paused', 'skipped_paused']);
    assert.deepEqual(all('SELECT count(*) AS n FROM commands_run'), [{ n: 0 }]);
  });

  it('prunes PreToolUse starts never answered after a day and receipts after 30 days', (t) => {
    const { context, clock, all } = open(t);
    ingestHook(context, fixture('pre-tool-use-bash.json'));
    ingestHook(context, stop);
    clock.advance(25 * 60 * 60_000);
    assert.deepEqual(pruneCaptureBookkeeping(context), { pending: 1, receipts: 0 });
    clock.advance(30 * 24 * 60 * 60_000);
    assert.deepEqual(pruneCaptureBookkeeping(context), { pending: 0, receipts: 1 });
    assert.deepEqual(all('SELECT count(*) AS n FROM hook_receipts'), [{ n: 0 }]);
  });
});
