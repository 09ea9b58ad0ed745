import { tableSpecs, type TableName } from '../../src-shared/schema/tables/index.js';
import type { PulledChange, SyncChange } from '../../src-shared/sync-protocol.js';
import { asWholeRow, changeRefusal, isSyncedTable as syncs, mergeChange, type RowClocks } from '../../src-shared/sync-merge.js';
import { withBulkCommandIndex } from '../store/search-bulk.js';
import type { Store } from '../store/store.js';

/** Columns every row has that sync carries apart (id) or that each replica sets for itself. */
const LOCAL_COLUMNS = new Set(['id', 'updated_at', 'origin_id']);

type Value = string | number | null;

const replication = (table: string) => (tableSpecs as Record<string, { replication: string } | undefined>)[table]?.replication;
export const isSyncedTable = (table: string): table is TableName => syncs(table);

interface OutboxRow { counter: number; table_name: string; row_id: string; hlc: string | null; fields: string | null }

/** The next local changes to push, in counter order, as the protocol carries them. */
export function readOutbox(store: Store, limit: number): SyncChange[] {
  const rows = store.prepared('SELECT counter, table_name, row_id, hlc, fields FROM sync_outbox ORDER BY counter LIMIT ?').all(limit) as OutboxRow[];
  return rows.map((row) => {
    const appendOnly = replication(row.table_name) === 'append-only';
    if (appendOnly && row.fields === null) {
      // Append-only rows are queued by reference: the row itself is the change.
      const whole = store.prepared(`SELECT * FROM ${row.table_name} WHERE id = ?`).get(row.row_id) as Record<string, Value> | undefined;
      const fields: Record<string, Value> = {};
      for (const [column, value] of Object.entries(whole ?? {})) if (!LOCAL_COLUMNS.has(column)) fields[column] = value;
      return { counter: row.counter, table: row.table_name, rowId: row.row_id, hlc: String(whole?.hlc ?? ''), kind: 'append', fields };
    }
    const fields = JSON.parse(row.fields ?? '{}') as Record<string, Value>;
    return { counter: row.counter, table: row.table_name, rowId: row.row_id, hlc: row.hlc ?? '', kind: appendOnly ? 'scrub' : 'upsert', fields };
  });
}

/** The server holds everything up to `acknowledged`: those changes leave the outbox. */
export function acknowledge(store: Store, acknowledged: number): number {
  return store.write(() => {
    const removed = store.prepared('DELETE FROM sync_outbox WHERE counter <= ?').run(acknowledged).changes;
    store.writeState('push.acknowledged', String(acknowledged));
    // The outbox no longer holds these timestamps: keep the clock's mark for the next process.
    store.persistClock();
    return removed;
  });
}

export interface ApplyReport { applied: number; unchanged: number; deferred: number; refused: { origin: string; counter: number; reason: string }[] }

function readClocks(store: Store, table: string, rowId: string): RowClocks | undefined {
  const row = store.prepared('SELECT clocks FROM row_clocks WHERE table_name = ? AND row_id = ?').get(table, rowId) as { clocks: string } | undefined;
  return row ? (JSON.parse(row.clocks) as RowClocks) : undefined;
}

/**
 * Applies one change made elsewhere. Never writes the outbox: what came from the server is not
 * pushed back. Returns 'deferred' when the row cannot exist yet (an update whose insert has not
 * arrived): the caller retries it after the rest of the page.
 */
function applyOne(store: Store, change: PulledChange, now: number): 'applied' | 'unchanged' | 'deferred' {
  const table = change.table as TableName;
  const existing = store.prepared(`SELECT hlc FROM ${table} WHERE id = ?`).get(change.rowId) as { hlc: string } | undefined;
  if (change.kind === 'append') {
    if (existing) return 'unchanged';
    insertRow(store, table, change, change.fields, now);
    return 'applied';
  }
  const clocks = change.kind === 'upsert' ? readClocks(store, table, change.rowId) ?? (existing ? { '*': existing.hlc } : undefined) : undefined;
  const merge = mergeChange(existing ? asWholeRow(change) : change, clocks, existing?.hlc);
  const columns = Object.keys(merge.winners);
  if (columns.length === 0) return 'unchanged';
  if (!existing) {
    if (change.kind === 'scrub') return 'unchanged';
    try {
      insertRow(store, table, change, merge.winners, now);
    } catch (error) {
      if (/NOT NULL constraint failed/.test((error as Error).message)) return 'deferred';
      throw error;
    }
    // insertRow recorded the new row's clocks, '*' for an insert: merge.clocks lacks it.
    return 'applied';
  }
  const sets = [...columns.map((c) => `${c} = ?`), 'hlc = ?', 'origin_id = ?', 'updated_at = ?'];
  store.prepared(`UPDATE ${table} SET ${sets.join(', ')} WHERE id = ?`).run(...columns.map((c) => merge.winners[c] ?? null), merge.hlc ?? change.hlc, change.origin, now, change.rowId);
  if (merge.clocks) store.prepared('INSERT INTO row_clocks (table_name, row_id, clocks) VALUES (?, ?, ?) ON CONFLICT (table_name, row_id) DO UPDATE SET clocks = excluded.clocks').run(table, change.rowId, JSON.stringify(merge.clocks));
  return 'applied';
}

function insertRow(store: Store, table: TableName, change: PulledChange, fields: Record<string, Value>, now: number): void {
  const values: Record<string, Value> = { created_at: now, ...fields, hlc: change.kind === 'append' ? (fields.hlc ?? change.hlc) : change.hlc, origin_id: change.origin, updated_at: now, id: change.rowId };
  const names = Object.keys(values);
  store.prepared(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(...names.map((n) => values[n] ?? null));
  if (change.kind === 'upsert') {
    // Columns the change did not carry keep their defaults with the clock of "never".
    const clocks: RowClocks = Object.fromEntries(Object.keys(fields).map((column) => [column, change.hlc]));
    if ('created_at' in fields) clocks['*'] = change.hlc;
    store.prepared('INSERT INTO row_clocks (table_name, row_id, clocks) VALUES (?, ?, ?) ON CONFLICT (table_name, row_id) DO UPDATE SET clocks = excluded.clocks').run(table, change.rowId, JSON.stringify(clocks));
  }
}

/**
 * Applies a pulled page and advances the version vector, in one transaction: a crash leaves
 * either both or neither. Changes the page cannot place yet (an update before its row's insert,
 * which another origin's stream brings later) wait in sync_state and are retried with every page.
 */
export function applyPulled(store: Store, changes: PulledChange[], vector: Record<string, number>): ApplyReport {
  const report: ApplyReport = { applied: 0, unchanged: 0, deferred: 0, refused: [] };
  store.write(() => {
    const now = store.clock.now();
    const waiting = JSON.parse(store.readState('pull.deferred') ?? '[]') as PulledChange[];
    let queue = [...waiting, ...changes];
    const newCommands = queue.filter((change) => change.kind === 'append' && change.table === 'commands_run').length;
    withBulkCommandIndex(store, newCommands, (inserted) => {
      for (let pass = 0; pass < 3 && queue.length > 0; pass++) {
        const again: PulledChange[] = [];
        for (const change of queue) {
          const reason = changeRefusal(change);
          if (reason) {
            report.refused.push({ origin: change.origin, counter: change.counter, reason });
            continue;
          }
          const outcome = applyOne(store, change, now);
          if (outcome === 'deferred') again.push(change);
          else report[outcome]++;
          if (outcome === 'applied' && change.kind === 'append' && change.table === 'commands_run') inserted(change.rowId);
          store.observeClock(change.hlc);
        }
        queue = again;
      }
    });
    report.deferred = queue.length;
    store.writeState('pull.deferred', JSON.stringify(queue));
    store.writeState('pull.vector', JSON.stringify(vector));
    store.persistClock();
  });
  return report;
}

export function readVector(store: Store): Record<string, number> {
  return JSON.parse(store.readState('pull.vector') ?? '{}') as Record<string, number>;
}

