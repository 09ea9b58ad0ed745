import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { manualClock } from '../../src-main/core/clock.js';
import { uuidv7Source } from '../../src-main/core/ids.js';
import { Store } from '../../src-main/store/store.js';
import { acknowledge, applyPulled, readOutbox } from '../../src-main/sync/changes.js';
import { tempHome } from '../helpers/processes.js';

const open = (file: string, clock: ReturnType<typeof manualClock>) => Store.open({ file, clock, ids: uuidv7Source(() => clock.now()) });
const hlcOf = (store: Store, id: string) => (store.sqlite.prepare('SELECT hlc FROM clients WHERE id = ?').get(id) as { hlc: string }).hlc;

describe('the hybrid clock across processes and pulls', () => {
  it('a new process after a push never stamps a change before the ones it already gave', (t) => {
    const file = path.join(tempHome(t), 'msp.db');
    const clock = manualClock(1_767_000_000_000);
    const first = open(file, clock);
    const id = first.write((w) => w.insert('clients', { name: 'Acme', normalizedName: 'acme', status: 'active' }));
    // A change from a machine 2 minutes ahead arrives and is edited here.
    const ahead = '01a00000-0000-7000-8000-0000000000aa';
    applyPulled(first, [{ origin: ahead, counter: 1, table: 'clients', rowId: id, hlc: `1767000120000-00000-${ahead}`, kind: 'upsert', fields: { notes: 'from the future' } }], { [ahead]: 1 });
    first.write((w) => w.update('clients', id, { notes: 'edited here' }));
    const edited = hlcOf(first, id);
    acknowledge(first, readOutbox(first, 100).at(-1)?.counter ?? 0);
    first.close();
    const second = open(file, clock);
    t.after(() => { second.close(); });
    second.write((w) => w.update('clients', id, { status: 'inactive' }));
    assert.ok(hlcOf(second, id) > edited, `${hlcOf(second, id)} must sort after ${edited}`);
  });

  it('an edit of a row sorts after every clock known for that row, even with the wall clock behind', (t) => {
    const clock = manualClock(1_767_000_000_000);
    const file = path.join(tempHome(t), 'msp.db');
    const pulling = open(file, clock);
    const id = '01a00000-0000-7000-8000-0000000000c1';
    const other = '01a00000-0000-7000-8000-0000000000bb';
    applyPulled(pulling, [{ origin: other, counter: 1, table: 'clients', rowId: id, hlc: `1767000090000-00003-${other}`, kind: 'upsert', fields: { created_at: 1, name: 'Beta', normalized_name: 'beta', status: 'active' } }], { [other]: 1 });
    // A new process whose kept clock mark is lost must still stamp after the row's clocks.
    pulling.sqlite.prepare("DELETE FROM sync_state WHERE key = 'hlc.latest'").run();
    pulling.close();
    const store = open(file, clock);
    t.after(() => { store.close(); });
    store.write((w) => w.update('clients', id, { notes: 'mine' }));
    const fields = JSON.parse((store.sqlite.prepare('SELECT clocks FROM row_clocks WHERE row_id = ?').get(id) as { clocks: string }).clocks) as Record<string, string>;
    assert.ok((fields.notes ?? '') > `1767000090000-00003-${other}`);
  });
});
