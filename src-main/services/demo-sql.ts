import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from '../store/database.js';

export type SqlValue = string | number | null;

/**
 * A prepared INSERT for demo rows, bypassing the Writer on purpose: demo data must never enter
 * the sync outbox. The standard columns are filled in SQL: origin_id is this installation, hlc is
 * derived from updated_at (passed twice, as SQLite cannot reuse a positional parameter), deleted 0.
 *
 * Parameters, in order: id, created_at, updated_at, updated_at again, then `columns`.
 */
export function demoInsert(sqlite: SqliteDatabase, originId: string, table: string, columns: readonly string[]): Statement {
  if (!/^[0-9a-f-]+$/i.test(originId)) throw new Error(`unexpected origin id ${originId}`);
  const names = ['id', 'created_at', 'updated_at', 'hlc', 'origin_id', 'deleted', ...columns];
  const values = ['?', '?', '?', `printf('%013d-00000-${originId}', ?)`, `'${originId}'`, '0', ...columns.map(() => '?')];
  return sqlite.prepare(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${values.join(', ')})`);
}

/** Inserts one row given as an object; for the few hundred catalogue rows, where clarity beats speed. */
export function insertObject(statement: Statement, columns: readonly string[], id: string, at: number, row: Record<string, SqlValue | boolean | undefined>): void {
  const values = columns.map((column) => {
    const value = row[column];
    return value === undefined ? null : typeof value === 'boolean' ? (value ? 1 : 0) : value;
  });
  statement.run(id, at, at, at, ...values);
}
