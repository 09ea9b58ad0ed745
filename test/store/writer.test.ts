import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { manualClock } from '../../src-main/core/clock.js';
import { uuidv7Source } from '../../src-main/core/ids.js';
import { Store } from '../../src-main/store/store.js';
import { tempHome } from '../helpers/processes.js';

function openStore(t: { after(fn: () => void): void }, file = path.join(tempHome(t), 'msp.db')) {
  const clock = manualClock(1_767_000_000_000);
  const store = Store.open({ file, clock, ids: uuidv7Source(() => clock.now()) });
  t.after(() => { store.close(); });
  return { store, clock, file };
}

type OutboxRow = { counter: number; table_name: string; row_id: string; fields: string | null; hlc: string };
const outbox = (store: Store) => store.sqlite.prepare('SELECT counter, table_name, row_id, fields, hlc FROM sync_outbox ORDER BY counter').all() as OutboxRow[];

describe('store writer', () => {
  it('writes every change and its outbox entry in one transaction, numbered without gaps', (t) => {
    const { store, clock } = openStore(t);
    const id = store.write((w) => w.insert('clients', { name: 'ACME', normalizedName: 'acme', status: 'active' }));
    clock.advance(5);
    store.write((w) => w.update('clients', id, { notes: 'prefers calls' }));
    assert.throws(() => store.write((w) => {
      w.insert('clients', { name: 'Lost', normalizedName: 'lost', status: 'active' });
      throw new Error('crash mid-transaction');
    }));
    store.write((w) => w.insert('clients', { name: 'Beta', normalizedName: 'beta', status: 'active' }));
    const rows = outbox(store);
    assert.deepEqual(rows.map((r) => r.counter), [1, 2, 3], 'the rolled-back change left no row and no gap');
    assert.deepEqual(JSON.parse(rows[0]?.fields ?? '{}'), { created_at: 1_767_000_000_000, name: 'ACME', normalized_name: 'acme', status: 'active' });
    assert.deepEqual(JSON.parse(rows[1]?.fields ?? '{}'), { notes: 'prefers calls' });
    assert.ok((rows[0]?.hlc ?? '') < (rows[1]?.hlc ?? ''));
    assert.equal((store.sqlite.prepare("SELECT count(*) AS n FROM clients WHERE name = 'Lost'").get() as { n: number }).n, 0);
  });

  it('queues append-only rows by reference and keeps machine-local tables out of sync', (t) => {
    const { store } = openStore(t);
    store.write((w) => w.insert('commands_run', {
      command: 'Get-Service WinRM', shell: 'powershell', success: true, finishedAt: 1, source: 'manual',
    }));
    store.write((w) => w.insert('api_audit_log', { method: 'GET', route: '/v1/status', status: 200, at: 1 }));
    const rows = outbox(store);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.table_name, 'commands_run');
    assert.equal(rows[0].fields, null);
    assert.throws(() => store.write((w) => w.update('commands_run', rows[0]?.row_id ?? '', { command: 'x' })), /append-only/);
  });

  it('keeps one installation origin across reopenings and continues the counter', (t) => {
    const first = openStore(t);
    const origin = first.store.originId;
    first.store.write((w) => w.insert('tags', { name: 'backup', normalizedName: 'backup' }));
    first.store.close();
    const again = openStore(t, first.file);
    assert.equal(again.store.originId, origin);
    again.store.write((w) => w.insert('tags', { name: 'dns', normalizedName: 'dns' }));
    assert.deepEqual(outbox(again.store).map((r) => r.counter), [1, 2]);
  });
});
