import type { SqliteDatabase } from '../../store/database.js';

/** Origin of demo rows: they never came from, and never go to, a real installation. */
export const DEMO_ORIGIN = 'demo';

export type RowWriter = (id: string, at: number, values: Record<string, unknown>) => void;

/**
 * Bulk rows for the demo, straight into SQLite with one prepared statement per table. Demo data
 * deliberately bypasses the store's writer: it must never enter the sync outbox.
 */
export class DemoWriter {
  readonly counts: Record<string, number> = {};
  private readonly writers = new Map<string, RowWriter>();

  constructor(private readonly sqlite: SqliteDatabase) {}

  /** A writer for `table` taking exactly `columns` (plus the standard ones, filled here). */
  table(table: string, columns: string[]): RowWriter {
    const key = `${table}:${columns.join(',')}`;
    const existing = this.writers.get(key);
    if (existing) return existing;
    const names = ['id', 'created_at', 'updated_at', 'origin_id', 'hlc', 'deleted', ...columns];
    const statement = this.sqlite.prepare(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`);
    const values: unknown[] = new Array<unknown>(names.length);
    const writer: RowWriter = (id, at, row) => {
      values[0] = id;
      values[1] = at;
      values[2] = at;
      values[3] = DEMO_ORIGIN;
      values[4] = `${String(Math.floor(at)).padStart(13, '0')}-00000-${DEMO_ORIGIN}`;
      values[5] = 0;
      for (let i = 0; i < columns.length; i++) {
        const value = row[columns[i] ?? ''];
        values[i + 6] = typeof value === 'boolean' ? (value ? 1 : 0) : value ?? null;
      }
      statement.run(values);
      this.counts[table] = (this.counts[table] ?? 0) + 1;
    };
    this.writers.set(key, writer);
    return writer;
  }

  transaction(work: () => void): void {
    this.sqlite.transaction(work).immediate();
  }
}
