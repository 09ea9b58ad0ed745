import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openServiceContext } from '../../src-main/services/bootstrap.js';
import { sessionStartContext } from '../../src-main/services/capture/start-context.js';
import { naturalIds } from '../../src-main/core/ids.js';
import { generateDemo } from '../../src-main/services/demo/generate.js';
import { tempHome } from '../helpers/processes.js';

describe('session-start context', () => {
  it('gives one client\'s recent sessions, open tasks and environment notes in at most 300 words, nothing of other clients', (t) => {
    const context = openServiceContext({ env: { MSP_HOME: tempHome(t) } });
    t.after(() => { context.close(); });
    generateDemo(context.store, { years: 1, seed: 11, now: Date.UTC(2026, 10, 25, 12), machineId: context.machineId, technician: 'tester' });
    const clientId = naturalIds.client('Acme Dental Group');
    const text = sessionStartContext(context, { clientId, mspSessionId: null, billable: true });
    assert.ok(text.split(/\s+/).length <= 300, `${text.split(/\s+/).length} words`);
    assert.match(text, /client Acme Dental Group/);
    const last = context.store.sqlite.prepare('SELECT summary FROM sessions WHERE client_id = ? ORDER BY started_at DESC LIMIT 1').get(clientId) as { summary: string };
    assert.ok(text.includes(last.summary.slice(0, 40)), 'the latest session is there');
    const hosts = context.store.sqlite.prepare('SELECT name FROM infrastructure WHERE client_id <> ?').all(clientId) as { name: string }[];
    for (const { name } of hosts) assert.ok(!text.includes(name), `another client's device ${name} leaked into the context`);
    assert.doesNotMatch(text, /\b(you should|please|always|never)\b/i, 'facts, not instructions');
    assert.match(text, /Infrastructure: \d+ devices at \d+ sites: /);
    assert.match(text, /Known failures:\n- `[^`]+`.* ×\d+/);
  });

  it('names recently used credentials (never a secret), describes an unsummarised open session by what it touched', (t) => {
    const context = openServiceContext({ env: { MSP_HOME: tempHome(t) } });
    t.after(() => { context.close(); });
    const now = Date.UTC(2026, 10, 25, 12);
    generateDemo(context.store, { years: 1, seed: 5, now, machineId: context.machineId, technician: 'tester' });
    const clientId = naturalIds.client('Acme Dental Group');
    const db = context.store.sqlite;
    const credential = db.prepare('SELECT id, name FROM credentials WHERE client_id = ? LIMIT 1').get(clientId) as { id: string; name: string };
    db.prepare('UPDATE credentials SET last_used_at = ?, notes = ? WHERE id = ?').run(now - 3600_000, 'password is Hunter2-Secret!', credential.id);
    const sessionId = context.store.write((w) => w.insert('sessions', {
      machineId: context.machineId, clientId, mode: 'msp', billable: true, technician: 'tester', startedAt: now + 60_000, lastActivityAt: now + 60_000, pausedMs: 0, unconfirmedIdleMs: 0,
    }));
    for (const [i, command] of ['Get-Service Spooler', 'Restart-Service Spooler'].entries()) {
      context.store.write((w) => w.insert('commands_run', { sessionId, clientId, machineId: context.machineId, command, shell: 'powershell', success: i === 1, exitCode: i === 1 ? 0 : 1, startedAt: now + 61_000 + i, finishedAt: now + 62_000 + i, source: 'capture' }));
    }
    context.store.write((w) => w.insert('file_changes', { sessionId, clientId, machineId: context.machineId, path: '/home/tech/clients/adg/notes/spooler.md', changeKind: 'create', changedAt: now + 63_000 }));
    const text = sessionStartContext(context, { clientId, mspSessionId: sessionId, billable: true });
    assert.ok(text.split(/\s+/).length <= 300, `${text.split(/\s+/).length} words`);
    assert.match(text, new RegExp(`Credentials used recently \\(names only\\): ${credential.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    assert.doesNotMatch(text, /Hunter2/);
    assert.match(text, /\(open\): 2 commands \(1 failed\): `Restart-Service Spooler`, `Get-Service Spooler`; files spooler\.md/);
  });
});
