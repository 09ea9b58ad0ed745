import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { MspError } from '../core/errors.js';

export type SqliteDatabase = Database.Database;
export type DrizzleDatabase = BetterSQLite3Database;

export interface OpenedDatabase {
  sqlite: SqliteDatabase;
  db: DrizzleDatabase;
  /** Number of migrations the file is at after opening. */
  schemaVersion: number;
}

interface Journal {
  entries: { idx: number; when: number; tag: string }[];
}

/** Finds drizzle/local from the source tree (tsx) or the bundle (dist/*.cjs): both sit one level down. */
export function defaultMigrationsFolder(): string {
  const candidates = [path.join(__dirname_(), '..', 'drizzle', 'local'), path.join(__dirname_(), '..', '..', 'drizzle', 'local')];
  const found = candidates.find((dir) => existsSync(path.join(dir, 'meta', '_journal.json')));
  if (found === undefined) throw new MspError('internal', `migrations not found (looked in ${candidates.join(', ')}): reinstall MSP Mode`);
  return found;
}

function __dirname_(): string {
  // The bundle is CommonJS (has __dirname); sources run as ESM under tsx (has import.meta).
  if (typeof __dirname === 'string') return __dirname;
  return path.dirname(new URL(import.meta.url).pathname);
}

function readJournal(folder: string): Journal {
  return JSON.parse(readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as Journal;
}

/**
 * Opens (creating if needed) the SQLite store in WAL mode and brings its schema up to date.
 * A database written by a newer MSP Mode is refused rather than touched.
 */
export function openDatabase(file: string, options: { migrationsFolder?: string; readonly?: boolean } = {}): OpenedDatabase {
  let sqlite: SqliteDatabase;
  try {
    sqlite = new Database(file, { readonly: options.readonly ?? false, timeout: 5000 });
  } catch (error) {
    throw new MspError('unavailable', `cannot open the database ${file}: ${(error as Error).message}`);
  }
  try {
    if (!options.readonly) {
      sqlite.pragma('journal_mode = WAL');
      // WAL + NORMAL: a committed transaction survives a crash or kill -9 of the process; only an
      // OS crash or power cut can lose the last commits (SQLite's documented trade-off).
      sqlite.pragma('synchronous = NORMAL');
    }
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('foreign_keys = OFF');
    const folder = options.migrationsFolder ?? defaultMigrationsFolder();
    const known = readJournal(folder).entries.length;
    const current = sqlite.pragma('user_version', { simple: true }) as number;
    if (current > known) {
      throw new MspError(
        'conflict',
        `the database ${file} was written by a newer MSP Mode (schema ${current}, this version knows ${known}): upgrade MSP Mode (npm install -g msp-mode) or point MSP_HOME elsewhere`,
      );
    }
    const db = drizzle(sqlite);
    if (current < known && !options.readonly) {
      migrate(db, { migrationsFolder: folder });
      sqlite.pragma(`user_version = ${known}`);
    }
    return { sqlite, db, schemaVersion: known };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}
