// Per-field last-writer-wins, the same on the agent and the server (so both converge), and the
// checks and shapes of a change both sides apply alike.
import { tableSpecs } from './schema/tables/index.js';
import { SERVER_MANAGED_TABLES, type SyncChange } from './sync-protocol.js';

type Value = string | number | null;
type Spec = { replication: string; columns: Record<string, { default?: string | number | boolean }> };
const specOf = (table: string) => (tableSpecs as Record<string, Spec | undefined>)[table];

/** Whether rows of this table travel through sync at all. */
export function isSyncedTable(table: string): boolean {
  const kind = specOf(table)?.replication;
  return (kind === 'mutable' || kind === 'append-only') && !SERVER_MANAGED_TABLES.includes(table);
}

const columnSets = new Map<string, Set<string>>();
function columnsOf(table: string): Set<string> {
  let columns = columnSets.get(table);
  if (!columns) {
    columns = new Set([...Object.keys(specOf(table)?.columns ?? {}), 'created_at', 'hlc', 'deleted']);
    columnSets.set(table, columns);
  }
  return columns;
}

/** Why a change cannot be applied (on the server when pushed, on an agent when pulled), or undefined. */
export function changeRefusal(change: Pick<SyncChange, 'table' | 'kind' | 'fields'>): string | undefined {
  const spec = specOf(change.table);
  if (!spec || spec.replication === 'local') return `table ${change.table} does not sync`;
  if (SERVER_MANAGED_TABLES.includes(change.table)) return `${change.table} is managed by the server's admin routes, not by sync`;
  if (change.kind === 'upsert' && spec.replication !== 'mutable') return `${change.table} is append-only: rows are appended or scrubbed, never upserted`;
  if (change.kind !== 'upsert' && spec.replication !== 'append-only') return `${change.table} is mutable: changes are upserts`;
  const columns = columnsOf(change.table);
  const unknown = Object.keys(change.fields).find((column) => !columns.has(column));
  return unknown ? `${change.table} has no column ${unknown}` : undefined;
}

const defaults = new Map<string, Record<string, Value>>();
/** Every column's default, as an insert leaves a column it does not set (booleans 0/1). */
function defaultsOf(table: string): Record<string, Value> {
  let row = defaults.get(table);
  if (!row) {
    const columns = specOf(table)?.columns ?? {};
    row = { deleted: 0, ...Object.fromEntries(Object.entries(columns).map(([name, spec]) => [name, typeof spec.default === 'boolean' ? Number(spec.default) : spec.default ?? null])) };
    defaults.set(table, row);
  }
  return row;
}

/**
 * An insert (it sets created_at) stamps the whole row on the machine that made it: its writer
 * clocks every column with '*', those it left at their defaults included. Where the row exists
 * already (the same natural key created on another machine first), the insert must stamp the
 * same columns on every replica, or replicas keep values the inserting machine never has.
 */
export function asWholeRow<C extends Pick<SyncChange, 'table' | 'kind' | 'fields'>>(change: C): C {
  return change.kind === 'upsert' && 'created_at' in change.fields ? { ...change, fields: { ...defaultsOf(change.table), ...change.fields } } : change;
}

/**
 * The clock of each column of a row: `*` for every column the row's insert set, plus one entry
 * per column changed since. A column's clock is its own entry, else `*`, else "never" (empty).
 */
export type RowClocks = Record<string, string>;

export const clockOf = (clocks: RowClocks | undefined, column: string): string => clocks?.[column] ?? clocks?.['*'] ?? '';

export interface Merge {
  /** Columns of the change that win (their value replaces the stored one). */
  winners: Record<string, string | number | null>;
  /** The row's clocks after the merge, or undefined when nothing changed. */
  clocks: RowClocks | undefined;
  /** The row's hlc after the merge: the newest clock of any column. */
  hlc: string | undefined;
}

/**
 * Merges one change into a row's clocks. upsert (mutable rows, a scrub of one included): each
 * column wins when the change's HLC is newer than the column's clock; HLC string order is causal
 * order with ties broken by the origin inside it, so every replica picks the same winner whatever
 * order changes arrive in. scrub (append-only rows, rewritten by msp forget): always wins.
 * append: the whole row, inserted once by the caller.
 */
export function mergeChange(change: Pick<SyncChange, 'kind' | 'hlc' | 'fields'>, clocks: RowClocks | undefined, rowHlc: string | undefined): Merge {
  const winners: Record<string, string | number | null> = {};
  const next: RowClocks = { ...(clocks ?? {}) };
  let changed = false;
  for (const [column, value] of Object.entries(change.fields)) {
    if (change.kind === 'upsert' && change.hlc <= clockOf(clocks, column)) continue;
    winners[column] = value;
    if (change.kind === 'upsert') {
      next[column] = change.hlc;
      changed = true;
    }
  }
  const newest = [rowHlc ?? '', ...Object.values(next)].reduce((a, b) => (b > a ? b : a), '');
  return { winners, clocks: changed ? next : undefined, hlc: newest === '' ? undefined : newest };
}
