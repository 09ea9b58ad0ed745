import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { manualClock } from '../../src-main/core/clock.js';

type ManualClock = ReturnType<typeof manualClock>;
import { uuidv7Source } from '../../src-main/core/ids.js';
import { Store } from '../../src-main/store/store.js';
import { acknowledge, applyPulled, readOutbox } from '../../src-main/sync/changes.js';
import { localDigests } from '../../src-main/sync/engine.js';
import type { PulledChange } from '../../src-shared/sync-protocol.js';
import { tempHome } from '../helpers/processes.js';

interface Replica { store: Store; clock: ManualClock; log: PulledChange[] }

function replica(t: { after(fn: () => void): void }, name: string, start: number): Replica {
  const clock = manualClock(start);
  const store = Store.open({ file: path.join(tempHome(t), `${name}.db`), clock, ids: uuidv7Source(() => clock.now()) });
  t.after(() => { store.close(); });
  return { store, clock, log: [] };
}

/** What a push then a pull does, without a server: the outbox becomes changes another replica applies. */
function ship(from: Replica, ...to: Replica[]): void {
  const changes = readOutbox(from.store, 10_000).map((change) => ({ ...change, origin: from.store.originId }));
  if (changes.length === 0) return;
  acknowledge(from.store, changes.at(-1)?.counter ?? 0);
  for (const target of to) {
    const report = applyPulled(target.store, changes, {});
    assert.deepEqual(report.refused, []);
  }
}

const client = (r: Replica, id: string) => r.store.sqlite.prepare('SELECT name, notes, status, deleted FROM clients WHERE id = ?').get(id) as { name: string; notes: string | null; status: string; deleted: number } | undefined;

describe('sync apply: per-field last writer wins', () => {
  it('concurrent edits of different fields both survive; of the same field, the later clock wins on both sides', (t) => {
    const a = replica(t, 'a', 1_767_000_000_000);
    const b = replica(t, 'b', 1_767_000_000_000);
    const id = a.store.write((w) => w.insert('clients', { name: 'Acme', normalizedName: 'acme', status: 'active' }));
    ship(a, b);
    assert.equal(client(b, id)?.name, 'Acme');

    // Offline on both: A edits notes, B edits status; both edit name, B later.
    a.clock.advance(1000);
    a.store.write((w) => w.update('clients', id, { notes: 'call before 9', name: 'Acme Corp' }));
    b.clock.advance(2000);
    b.store.write((w) => w.update('clients', id, { status: 'inactive', name: 'ACME Corporation' }));
    // Delivered in opposite orders.
    ship(b, a);
    ship(a, b);
    for (const r of [a, b]) assert.deepEqual(client(r, id), { name: 'ACME Corporation', notes: 'call before 9', status: 'inactive', deleted: 0 });
    assert.deepEqual(localDigests(a.store), localDigests(b.store));
  });

  it('a delete (tombstone) made later wins over an older edit; replays change nothing', (t) => {
    const a = replica(t, 'a', 1_767_000_000_000);
    const b = replica(t, 'b', 1_767_000_000_000);
    const id = a.store.write((w) => w.insert('clients', { name: 'Beta', normalizedName: 'beta', status: 'active' }));
    ship(a, b);
    b.clock.advance(10);
    b.store.write((w) => w.update('clients', id, { notes: 'old edit' }));
    a.clock.advance(20);
    a.store.write((w) => w.update('clients', id, { deleted: true }));
    const fromB = readOutbox(b.store, 100).map((c) => ({ ...c, origin: b.store.originId }));
    ship(a, b);
    applyPulled(a.store, fromB, {});
    applyPulled(a.store, fromB, {});
    for (const r of [a, b]) assert.equal(client(r, id)?.deleted, 1);
    assert.equal(client(a, id)?.notes, 'old edit', 'an edit of another field still lands');
  });

  it('append-only rows are inserted once; an update that arrives before its row waits and lands later', (t) => {
    const a = replica(t, 'a', 1_767_000_000_000);
    const b = replica(t, 'b', 1_767_000_000_000);
    const c = replica(t, 'c', 1_767_000_000_000);
    const session = a.store.write((w) => w.insert('sessions', { machineId: 'm-a', mode: 'msp', billable: true, technician: 'ann', startedAt: 1, lastActivityAt: 1, pausedMs: 0, unconfirmedIdleMs: 0 }));
    a.store.write((w) => w.insert('commands_run', { sessionId: session, command: 'Get-Service', shell: 'powershell', success: true, startedAt: 2, finishedAt: 3, source: 'capture' }));
    const fromA = readOutbox(a.store, 100).map((change) => ({ ...change, origin: a.store.originId }));
    applyPulled(b.store, fromA, {});
    b.clock.advance(50);
    b.store.write((w) => w.update('sessions', session, { summary: 'done by Bea' }));
    const fromB = readOutbox(b.store, 100).map((change) => ({ ...change, origin: b.store.originId }));
    // C hears from B first: the update of a session C has never seen.
    const early = applyPulled(c.store, fromB, {});
    assert.equal(early.deferred, 1);
    const late = applyPulled(c.store, [...fromA, ...fromA], {});
    assert.equal(late.deferred, 0);
    assert.equal((c.store.sqlite.prepare('SELECT summary FROM sessions WHERE id = ?').get(session) as { summary: string }).summary, 'done by Bea');
    assert.equal((c.store.sqlite.prepare('SELECT count(*) AS n FROM commands_run').get() as { n: number }).n, 1);
    applyPulled(a.store, fromB, {});
    assert.deepEqual(localDigests(c.store), localDigests(a.store));
    assert.deepEqual(localDigests(b.store), localDigests(a.store));
  });

  it('a large page of commands is searchable on arrival (indexed in bulk), and the row trigger is back afterwards', (t) => {
    const a = replica(t, 'a', 1_767_000_000_000);
    const b = replica(t, 'b', 1_767_000_000_000);
    a.store.write((w) => {
      for (let i = 0; i < 500; i++) w.insert('commands_run', { command: `Get-Mailbox -Identity user${i} | Set-Mailbox -ProhibitSendQuota 49GB`, shell: 'powershell', success: i % 10 !== 0, errorMessage: i % 10 === 0 ? 'The operation couldn\'t be performed because object couldn\'t be found' : null, startedAt: i, finishedAt: i + 1, source: 'capture' });
    });
    const page = readOutbox(a.store, 10_000).map((change) => ({ ...change, origin: a.store.originId }));
    applyPulled(b.store, page, {});
    const count = (r: Replica, sql: string) => (r.store.sqlite.prepare(sql).get() as { n: number }).n;
    assert.equal(count(b, "SELECT count(*) AS n FROM search_docs WHERE kind = 'command'"), 500);
    assert.equal(count(b, "SELECT count(*) AS n FROM search_index WHERE search_index MATCH '\"prohibitsendquota\"'"), 500);
    assert.equal(count(b, "SELECT count(*) AS n FROM search_index WHERE search_index MATCH '\"object\" AND \"found\"'"), 50, 'error text is indexed too');
    assert.equal(count(b, "SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name = 'search_commands_run_ai'"), 1);
    b.store.write((w) => w.insert('commands_run', { command: 'Get-Mailbox -Identity later', shell: 'powershell', success: true, startedAt: 1, finishedAt: 2, source: 'capture' }));
    assert.equal(count(b, "SELECT count(*) AS n FROM search_index WHERE search_index MATCH '\"later\"'"), 1, 'the row trigger indexes local work again');
    applyPulled(b.store, page, {});
    assert.equal(count(b, "SELECT count(*) AS n FROM search_docs WHERE kind = 'command'"), 501, 'a replayed page indexes nothing twice');
  });

  it('refuses changes to tables that do not sync or columns that do not exist, and applies the rest', (t) => {
    const a = replica(t, 'a', 1_767_000_000_000);
    const origin = '0190f5e0-0000-7000-8000-000000000001';
    const hlc = `1767000000000-00000-${origin}`;
    const report = applyPulled(a.store, [
      { origin, counter: 1, table: 'sync_state', rowId: '0190f5e0-0000-7000-8000-00000000000a', hlc, kind: 'upsert', fields: { key: 'x' } },
      { origin, counter: 2, table: 'clients', rowId: '0190f5e0-0000-7000-8000-00000000000b', hlc, kind: 'upsert', fields: { name: 'X', evil: 1 } },
      { origin, counter: 3, table: 'clients', rowId: '0190f5e0-0000-7000-8000-00000000000c', hlc, kind: 'upsert', fields: { created_at: 5, name: 'Gamma', normalized_name: 'gamma', status: 'active' } },
    ], { [origin]: 3 });
    assert.deepEqual(report.refused.map((r) => r.counter), [1, 2]);
    assert.equal(report.applied, 1);
    assert.equal(client(a, '0190f5e0-0000-7000-8000-00000000000c')?.name, 'Gamma');
  });
});
