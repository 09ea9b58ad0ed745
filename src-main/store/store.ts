import { randomUUID } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import type { Clock } from '../core/clock.js';
import { HybridClock } from '../core/hlc.js';
import type { IdSource } from '../core/ids.js';
import { openDatabase, type DrizzleDatabase, type SqliteDatabase } from './database.js';
import { Writer } from './writer.js';

export interface StoreOptions {
  file: string;
  clock: Clock;
  ids: IdSource;
  migrationsFolder?: string;
}

const HLC_STATE = 'hlc.latest';

/** The agent's local store: one SQLite file, every write in a transaction with its outbox row. */
export class Store {
  readonly originId: string;
  private readonly writer: Writer;
  private readonly statements = new Map<string, Statement>();
  private readonly hlc: HybridClock;

  private constructor(
    readonly sqlite: SqliteDatabase,
    readonly db: DrizzleDatabase,
    readonly clock: Clock,
    readonly ids: IdSource,
  ) {
    this.originId = this.readState('origin_id') ?? this.createOrigin();
    // The clock starts after every timestamp this installation has given or seen: its outbox
    // (not yet pushed) and the high-water mark kept when changes leave the outbox or arrive.
    const lastHlc = sqlite.prepare('SELECT max(hlc) AS hlc FROM sync_outbox WHERE hlc IS NOT NULL').get() as { hlc: string | null };
    const newest = [lastHlc.hlc ?? '', this.readState(HLC_STATE) ?? ''].sort().at(-1);
    const start = newest === '' ? undefined : newest;
    this.hlc = new HybridClock(clock, this.originId, start);
    this.writer = new Writer({ sqlite, clock, ids, hlc: this.hlc, originId: this.originId });
  }

  static open(options: StoreOptions): Store {
    const { sqlite, db } = openDatabase(options.file, { migrationsFolder: options.migrationsFolder });
    return new Store(sqlite, db, options.clock, options.ids);
  }

  /**
   * Runs `work` in one IMMEDIATE transaction: it takes the write lock at once, so a read-then-write
   * (such as "end the active session, start the next") cannot interleave with another process.
   */
  write<T>(work: (writer: Writer) => T): T {
    return this.sqlite.transaction(() => work(this.writer)).immediate();
  }

  /**
   * The prepared statement for `sql`, prepared once: preparing costs more than running a small
   * query, and the hook path runs the same few queries for every event.
   */
  prepared(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      statement = this.sqlite.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  readState(key: string): string | undefined {
    const row = this.prepared('SELECT value FROM sync_state WHERE key = ? AND deleted = 0').get(key) as { value: string | null } | undefined;
    return row?.value ?? undefined;
  }

  writeState(key: string, value: string): void {
    const now = this.clock.now();
    this
      .prepared(
        `INSERT INTO sync_state (id, key, value, created_at, updated_at, origin_id, hlc, deleted)
         VALUES (?, ?, ?, ?, ?, ?, '', 0)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      )
      .run(this.ids.newId(), key, value, now, now, this.originIdOrEmpty());
  }

  /** A change made elsewhere was applied: local changes from now on sort after it. */
  observeClock(remoteHlc: string): void {
    this.hlc.receive(remoteHlc);
  }

  /** Keeps the clock's high-water mark (in the caller's transaction): a later process starts after it. */
  persistClock(): void {
    this.writeState(HLC_STATE, this.hlc.latest());
  }

  close(): void {
    if (this.sqlite.open) this.sqlite.close();
  }

  private originIdOrEmpty(): string {
    // writeState runs once before originId is assigned: while creating the origin itself.
    return (this as { originId?: string }).originId ?? '';
  }

  private createOrigin(): string {
    // A random id per installation, never the fingerprint: a reinstall must not reuse counters.
    const origin = randomUUID();
    this.writeState('origin_id', origin);
    return origin;
  }
}
