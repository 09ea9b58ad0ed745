// The floor under sync on this machine, measured in the same run: plain mysql2 moving the same
// rows into and out of the same MariaDB tables, without HTTP, JSON, validation or bookkeeping.
import mysql from 'mysql2/promise';
import type { Store } from '../src-main/store/store.js';

type Row = Record<string, unknown>;
export type RowsByTable = Map<string, Row[]>;

/** The rows of these tables as the agent holds them (every column, as SQLite gives them), optionally only those written since a time. */
export function readRows(store: Store, tables: readonly string[], sinceMs = 0): RowsByTable {
  return new Map(tables.map((table) => [table, store.sqlite.prepare(`SELECT * FROM ${table} WHERE updated_at >= ?`).all(sinceMs) as Row[]]));
}

export const countRows = (rows: RowsByTable) => [...rows.values()].reduce((sum, list) => sum + list.length, 0);

const ROWS_PER_INSERT = 1000;
const ROWS_PER_TRANSACTION = 5000;

/** Milliseconds for multi-row INSERTs of every row (1,000 a statement, a commit every 5,000). */
export async function rawInsertMs(url: string, rows: RowsByTable): Promise<number> {
  const connection = await mysql.createConnection({ uri: url });
  try {
    const started = process.hrtime.bigint();
    let sinceCommit = 0;
    await connection.beginTransaction();
    for (const [table, list] of rows) {
      const columns = Object.keys(list[0] ?? {});
      for (let i = 0; i < list.length; i += ROWS_PER_INSERT) {
        const slice = list.slice(i, i + ROWS_PER_INSERT);
        await connection.query(
          `INSERT INTO \`${table}\` (${columns.map((c) => `\`${c}\``).join(', ')}) VALUES ?`,
          [slice.map((row) => columns.map((c) => row[c] ?? null))],
        );
        sinceCommit += slice.length;
        if (sinceCommit >= ROWS_PER_TRANSACTION) {
          await connection.commit();
          await connection.beginTransaction();
          sinceCommit = 0;
        }
      }
    }
    await connection.commit();
    return Number(process.hrtime.bigint() - started) / 1e6;
  } finally {
    await connection.end();
  }
}

/** Milliseconds for `SELECT *` of each table, rows decoded into objects; and how many rows came back. */
export async function rawSelect(url: string, tables: readonly string[]): Promise<{ ms: number; rows: number }> {
  const connection = await mysql.createConnection({ uri: url });
  try {
    const started = process.hrtime.bigint();
    let count = 0;
    for (const table of tables) {
      const [result] = await connection.query(`SELECT * FROM \`${table}\``);
      count += (result as Row[]).length;
    }
    return { ms: Number(process.hrtime.bigint() - started) / 1e6, rows: count };
  } finally {
    await connection.end();
  }
}

/** Milliseconds to read these rows back by id (what a second replica needs of them). */
export async function rawSelectByIdMs(url: string, rows: RowsByTable): Promise<number> {
  const connection = await mysql.createConnection({ uri: url });
  try {
    const started = process.hrtime.bigint();
    for (const [table, list] of rows) {
      if (list.length > 0) await connection.query(`SELECT * FROM \`${table}\` WHERE id IN (?)`, [list.map((row) => row.id)]);
    }
    return Number(process.hrtime.bigint() - started) / 1e6;
  } finally {
    await connection.end();
  }
}
