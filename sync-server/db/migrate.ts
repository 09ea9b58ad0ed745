/**
 * Brings the MariaDB schema up to date with drizzle's migrator. MariaDB commits DDL implicitly,
 * so two servers migrating at once could both try CREATE TABLE: a named lock (GET_LOCK) makes
 * them take turns, and the second finds nothing left to do.
 */
import { drizzle } from 'drizzle-orm/mysql2';
import { migrate } from 'drizzle-orm/mysql2/migrator';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { RowDataPacket } from 'mysql2/promise';
import { ServerError } from '../errors.js';
import type { Database } from './connection.js';

const LOCK_WAIT_SECONDS = 60;

/** Finds drizzle/server from the source tree (tsx) or the bundle (dist/server.cjs). */
export function defaultMigrationsFolder(): string {
  const here = typeof __dirname === 'string' ? __dirname : path.dirname(new URL(import.meta.url).pathname);
  const candidates = [path.join(here, '..', 'drizzle', 'server'), path.join(here, '..', '..', 'drizzle', 'server')];
  const found = candidates.find((dir) => existsSync(path.join(dir, 'meta', '_journal.json')));
  if (found === undefined) throw new ServerError('internal', `migrations not found (looked in ${candidates.join(', ')}): reinstall MSP Mode`);
  return found;
}

function migrationCount(folder: string): number {
  const journal = JSON.parse(readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
  return journal.entries.length;
}

export interface MigrationResult {
  /** Migrations this call applied (0 when the schema was already current). */
  applied: number;
  total: number;
}

async function appliedCount(run: (sql: string) => Promise<unknown>): Promise<number> {
  try {
    const [rows] = (await run('SELECT COUNT(*) AS n FROM `__drizzle_migrations`')) as [RowDataPacket[]];
    return Number(rows[0]?.n ?? 0);
  } catch (error) {
    if ((error as { code?: string }).code === 'ER_NO_SUCH_TABLE') return 0;
    throw error;
  }
}

export async function migrateDatabase(database: Database, folder = defaultMigrationsFolder()): Promise<MigrationResult> {
  const total = migrationCount(folder);
  // One connection holds the lock and runs the migration: GET_LOCK belongs to a session.
  const connection = await database.pool.getConnection();
  try {
    const lockName = `msp-server-migrate:${database.name}`;
    const [locked] = await connection.query<RowDataPacket[]>('SELECT GET_LOCK(?, ?) AS got', [lockName, LOCK_WAIT_SECONDS]);
    if (Number(locked[0]?.got) !== 1) {
      throw new ServerError('unavailable', `another msp-server has been migrating ${database.name} for over ${LOCK_WAIT_SECONDS} s: wait for it, or look for a stuck server`);
    }
    try {
      const before = await appliedCount((sql) => connection.query(sql));
      if (before > total) {
        throw new ServerError('conflict', `the database ${database.name} was migrated by a newer msp-server (${before} migrations, this one knows ${total}): upgrade msp-server`);
      }
      if (before < total) await migrate(drizzle({ client: connection }), { migrationsFolder: folder });
      return { applied: total - before, total };
    } finally {
      await connection.query('SELECT RELEASE_LOCK(?)', [lockName]);
    }
  } finally {
    connection.release();
  }
}
