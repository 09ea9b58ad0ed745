import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openServiceContext } from '../../src-main/services/bootstrap.js';
import { generateDemo } from '../../src-main/services/demo/generate.js';
import { runMsp, tempHome } from '../helpers/processes.js';

const NOW = Date.UTC(2026, 10, 25, 12);

function generate(t: { after(fn: () => void): void }, seed: number) {
  const context = openServiceContext({ env: { MSP_HOME: tempHome(t) } });
  t.after(() => { context.close(); });
  const counts = generateDemo(context.store, { years: 1, seed, now: NOW, machineId: context.machineId, technician: 'tester' });
  const one = <T>(sql: string) => context.store.sqlite.prepare(sql).get() as T;
  return { context, counts, one };
}

describe('demo data', () => {
  it('writes a realistic year of MSP history that never enters the sync outbox', (t) => {
    const { counts, one } = generate(t, 7);
    assert.equal(counts.clients, 20);
    assert.ok((counts.infrastructure ?? 0) >= 100, `devices: ${counts.infrastructure}`);
    assert.equal(counts.sessions, 10_000);
    assert.ok((counts.commands_run ?? 0) >= 190_000, `commands: ${counts.commands_run}`);
    const failures = one<{ share: number }>('SELECT avg(success = 0) AS share FROM commands_run').share;
    assert.ok(failures > 0.05 && failures < 0.15, `failure share ${failures}`);
    assert.equal(one<{ n: number }>('SELECT count(*) AS n FROM commands_run c LEFT JOIN sessions s ON s.id = c.session_id WHERE s.id IS NULL').n, 0, 'every command belongs to a session');
    assert.equal(one<{ n: number }>("SELECT count(*) AS n FROM sessions s LEFT JOIN clients c ON c.id = s.client_id WHERE s.mode = 'msp' AND c.id IS NULL").n, 0, 'every msp session has its client');
    assert.equal(one<{ n: number }>('SELECT count(*) AS n FROM sessions WHERE ended_at IS NULL').n, 0);
    const overlapping = one<{ n: number }>(`SELECT count(*) AS n FROM (SELECT started_at, lag(ended_at) OVER (PARTITION BY machine_id ORDER BY started_at) AS previous_end FROM sessions) WHERE previous_end > started_at`).n;
    assert.equal(overlapping, 0, 'a machine never has two sessions at once');
    assert.equal(one<{ n: number }>("SELECT count(*) AS n FROM sync_outbox WHERE table_name <> 'machines'").n, 0, 'demo rows are never queued for sync');
    assert.ok(one<{ n: number }>("SELECT count(*) AS n FROM failure_patterns WHERE working_alternative IS NOT NULL").n > 0);
    assert.ok(one<{ n: number }>("SELECT count(*) AS n FROM pending_tasks WHERE status = 'open'").n > 0);
    assert.equal(one<{ n: number }>("SELECT count(*) AS n FROM commands_run WHERE failure_category = 'command_not_found' AND command LIKE 'Get-LocalUser%'").n > 0, true, 'Get-LocalUser fails on the PowerShell 2.0 servers');
  });

  it('gives the same history for the same seed', (t) => {
    const first = generate(t, 3);
    const second = generate(t, 3);
    assert.deepEqual(first.counts, second.counts);
    const firstSession = (g: typeof first) => g.one<{ id: string; summary: string }>('SELECT id, summary FROM sessions ORDER BY started_at LIMIT 1');
    assert.deepEqual(firstSession(first), firstSession(second));
  });

  it('refuses a data dir that already has sessions, and bad --years, in one line', (t) => {
    const home = tempHome(t);
    assert.equal(runMsp(home, ['start', 'normal']).status, 0);
    const refused = runMsp(home, ['demo', '--years', '1']);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /already holds 1 sessions: demo data only fills an empty one/);
    const bad = runMsp(tempHome(t), ['demo', '--years', '50']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--years must be a whole number from 1 to 20 \(got "50"\)/);
  });
});
