// Per-field last-writer-wins, the same on the agent and the server (so both converge).
import type { SyncChange } from './sync-protocol.js';

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
