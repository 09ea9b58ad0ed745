/**
 * Push, pull and verify on MariaDB. Each push is one transaction that locks its origin's row, so
 * two server instances (or two retries) never interleave one origin's batches; what a batch
 * repeats is acknowledged without being applied again; what it cannot apply is quarantined with
 * its reason and does not block the changes behind it.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Pool, PoolConnection, RowDataPacket } from 'mysql2/promise';
import { tableSpecs, type TableName } from '../../src-shared/schema/tables/index.js';
import { asWholeRow, changeRefusal, isSyncedTable, mergeChange, type RowClocks } from '../../src-shared/sync-merge.js';
import { MAX_CLOCK_AHEAD_MS, PULL_PAGE_MAX, type PulledChange, type PullRequest, type PullResponse, type PushRequest, type PushResponse, type SyncChange, type VerifyResponse } from '../../src-shared/sync-protocol.js';
import { TableDigest, rowDigest } from '../../src-shared/sync-verify.js';
import type { Clock } from '../clock.js';
import { ServerError } from '../errors.js';

type Value = string | number | null;
/** Tables whose rows only the server's own routes may write (rights are not data anyone can push). */

const millisOf = (hlc: string) => Number(hlc.slice(0, 13));

/**
 * How MariaDB tells a transaction it lost a lock race: pushes from two machines inserting rows
 * into the same index gap deadlock (their locked lookups take gap locks), and the loser is rolled
 * back whole. Such a push is run again; the error never counts against a change (which would
 * quarantine a good change, so lose it).
 */
const LOST_RACE = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);
const lostRace = (error: unknown) => LOST_RACE.has(String((error as { code?: unknown } | undefined)?.code));
const PUSH_ATTEMPTS = 6;

/** Rows per multi-row INSERT on the push path. */
const ROWS_PER_INSERT = 500;

function groupOf<T>(groups: Map<string, T[]>, key: string): T[] {
  let group = groups.get(key);
  if (!group) {
    group = [];
    groups.set(key, group);
  }
  return group;
}

export interface Pusher { userId: string; machineId: string }

export class SyncService {
  constructor(private readonly pool: Pool, private readonly clock: Clock) {}

  async push(body: PushRequest, pusher: Pusher): Promise<PushResponse> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.pushOnce(body, pusher);
      } catch (error) {
        if (!lostRace(error)) throw error;
        if (attempt === PUSH_ATTEMPTS) throw new ServerError('unavailable', `the sync server is busy with other machines' pushes (lost ${attempt} lock races in a row): sync again in a moment`);
        // Jittered, so the pushes that collided do not collide again.
        await sleep(Math.random() * 20 * attempt);
      }
    }
  }

  private async pushOnce(body: PushRequest, pusher: Pusher): Promise<PushResponse> {
    const now = this.clock.now();
    const ahead = body.changes.find((change) => millisOf(change.hlc) > now + MAX_CLOCK_AHEAD_MS);
    if (ahead) {
      const seconds = Math.round((millisOf(ahead.hlc) - now) / 1000);
      throw new ServerError('bad_input', `change ${ahead.counter} is stamped ${seconds} s ahead of the server's clock (more than ${MAX_CLOCK_AHEAD_MS / 60_000} min): set this machine's clock right (NTP) and sync again`, 'changes');
    }
    const connection = await this.pool.getConnection();
    try {
      await connection.beginTransaction();
      const held = await this.lockOrigin(connection, body.origin, pusher, now);
      const first = body.changes[0]?.counter ?? 1;
      if (first > held + 1) {
        throw new ServerError('conflict', `this server holds origin ${body.origin} up to change ${held}, the batch starts at ${first}: changes ${held + 1}..${first - 1} are missing (push from ${held + 1})`, 'changes');
      }
      const fresh = body.changes.filter((change) => change.counter > held);
      const rejected: PushResponse['rejected'] = [];
      const accepted: SyncChange[] = [];
      for (const change of fresh) {
        const reason = changeRefusal(change);
        if (reason) rejected.push({ counter: change.counter, reason });
        else accepted.push(change);
      }
      // Appended rows (the bulk: commands, file changes) and first inserts of mutable rows go in
      // as multi-row inserts per table; a group that fails falls back to one change at a time,
      // so only the bad one is refused.
      const appends = new Map<string, SyncChange[]>();
      const others: SyncChange[] = [];
      for (const change of accepted) {
        if (change.kind === 'append') groupOf(appends, change.table).push(change);
        else others.push(change);
      }
      for (const group of appends.values()) {
        for (let i = 0; i < group.length; i += ROWS_PER_INSERT) {
          const slice = group.slice(i, i + ROWS_PER_INSERT);
          if (!(await this.appendRows(connection, slice, body.origin, now))) others.push(...slice);
        }
      }
      const { groups: firstInserts, rest: stepwise } = await this.firstInserts(connection, others);
      for (const group of firstInserts) {
        for (let i = 0; i < group.length; i += ROWS_PER_INSERT) {
          const slice = group.slice(i, i + ROWS_PER_INSERT);
          if (!(await this.insertFirsts(connection, slice, body.origin, now))) stepwise.push(...slice);
        }
      }
      stepwise.sort((a, b) => a.counter - b.counter);
      for (const change of stepwise) {
        try {
          await connection.query('SAVEPOINT one_change');
          await this.apply(connection, change, body.origin, now);
        } catch (error) {
          if (lostRace(error)) throw error;
          await connection.query('ROLLBACK TO SAVEPOINT one_change');
          rejected.push({ counter: change.counter, reason: `cannot apply: ${(error as Error).message.slice(0, 300)}` });
        }
      }
      const refusedCounters = new Set(rejected.map((r) => r.counter));
      const logged = fresh.filter((change) => !refusedCounters.has(change.counter));
      await this.log(connection, body.origin, logged, pusher, now);
      for (const refused of rejected) {
        const change = fresh.find((c) => c.counter === refused.counter);
        await connection.query(
          'INSERT IGNORE INTO sync_quarantine (origin_id, counter, table_name, row_id, reason, `change`, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
          [body.origin, refused.counter, change?.table ?? '', change?.rowId ?? '', refused.reason, JSON.stringify(change ?? {}), now],
        );
      }
      const last = body.changes.at(-1)?.counter ?? held;
      const acknowledged = Math.max(held, last);
      await connection.query('UPDATE sync_origins SET max_counter = ?, updated_at = ? WHERE origin_id = ?', [acknowledged, now, body.origin]);
      await connection.commit();
      return { origin: body.origin, acknowledged, applied: logged.length, duplicates: body.changes.length - fresh.length, rejected };
    } catch (error) {
      await connection.rollback().catch(() => undefined);
      throw error;
    } finally {
      connection.release();
    }
  }

  /** The origin's row, locked for this transaction; an origin belongs to the machine that first pushed it. */
  private async lockOrigin(connection: PoolConnection, origin: string, pusher: Pusher, now: number): Promise<number> {
    await connection.query('INSERT IGNORE INTO sync_origins (origin_id, max_counter, user_id, machine_id, updated_at) VALUES (?, 0, ?, ?, ?)', [origin, pusher.userId, pusher.machineId, now]);
    const [rows] = await connection.query<RowDataPacket[]>('SELECT max_counter AS held, machine_id AS machineId FROM sync_origins WHERE origin_id = ? FOR UPDATE', [origin]);
    const row = rows[0] as { held: number | string; machineId: string } | undefined;
    if (!row) throw new ServerError('internal', 'origin row vanished');
    if (row.machineId !== pusher.machineId) {
      throw new ServerError('forbidden', `origin ${origin} belongs to another machine: an installation's changes are pushed only by its own machine`);
    }
    return Number(row.held);
  }

  private async log(connection: PoolConnection, origin: string, changes: SyncChange[], pusher: Pusher, now: number): Promise<void> {
    for (let i = 0; i < changes.length; i += 1000) {
      const slice = changes.slice(i, i + 1000);
      await connection.query(
        `INSERT INTO sync_changes (origin_id, counter, table_name, row_id, hlc, kind, fields, user_id, machine_id, received_at) VALUES ${slice.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
        slice.flatMap((c) => [origin, c.counter, c.table, c.rowId, c.hlc, c.kind, JSON.stringify(c.fields), pusher.userId, pusher.machineId, now]),
      );
    }
  }

  /** One multi-row INSERT IGNORE of appended rows with the same columns; false when it failed (nothing written). */
  private async appendRows(connection: PoolConnection, changes: SyncChange[], origin: string, now: number): Promise<boolean> {
    const first = changes[0];
    if (!first) return true;
    const names = [...Object.keys(first.fields), 'id', 'origin_id', 'updated_at'];
    const same = changes.every((change) => { const keys = Object.keys(change.fields); return keys.length === names.length - 3 && keys.every((key, i) => key === names[i]); });
    if (!same) return false;
    try {
      await connection.query('SAVEPOINT appended_rows');
      await connection.query(
        // Not INSERT IGNORE: that would turn a bad value into a silent default. A row already held is kept as is.
        `INSERT INTO \`${first.table}\` (${names.map((n) => `\`${n}\``).join(', ')}) VALUES ${changes.map(() => `(${names.map(() => '?').join(', ')})`).join(', ')} ON DUPLICATE KEY UPDATE id = id`,
        changes.flatMap((change) => [...names.slice(0, -3).map((n) => change.fields[n] ?? null), change.rowId, origin, now]),
      );
      return true;
    } catch (error) {
      if (lostRace(error)) throw error;
      await connection.query('ROLLBACK TO SAVEPOINT appended_rows');
      return false;
    }
  }

  /**
   * Splits upserts into first inserts that can go in together, grouped by table and columns, and
   * the rest. A first insert sets created_at, is the only change to its row in the batch, and
   * meets neither a row nor clocks on the server (looked up and locked per table, in one query
   * each): for it the per-field merge lets every field win, exactly what apply() would write.
   */
  private async firstInserts(connection: PoolConnection, changes: SyncChange[]): Promise<{ groups: SyncChange[][]; rest: SyncChange[] }> {
    const rowOf = (change: SyncChange) => `${change.table}/${change.rowId}`;
    const changesPerRow = new Map<string, number>();
    for (const change of changes) changesPerRow.set(rowOf(change), (changesPerRow.get(rowOf(change)) ?? 0) + 1);
    const candidates = new Map<string, SyncChange[]>();
    const rest: SyncChange[] = [];
    for (const change of changes) {
      const first = change.kind === 'upsert' && 'created_at' in change.fields && !('hlc' in change.fields) && changesPerRow.get(rowOf(change)) === 1;
      if (first) groupOf(candidates, change.table).push(change);
      else rest.push(change);
    }
    const groups = new Map<string, SyncChange[]>();
    for (const [table, group] of candidates) {
      for (let i = 0; i < group.length; i += ROWS_PER_INSERT) {
        const slice = group.slice(i, i + ROWS_PER_INSERT);
        const ids = slice.map((change) => change.rowId);
        const [rows] = await connection.query<RowDataPacket[]>(`SELECT id FROM \`${table}\` WHERE id IN (?) FOR UPDATE`, [ids]);
        const [clocked] = await connection.query<RowDataPacket[]>('SELECT row_id AS id FROM sync_row_clocks WHERE table_name = ? AND row_id IN (?) FOR UPDATE', [table, ids]);
        const known = new Set([...rows, ...clocked].map((row) => String(row.id)));
        for (const change of slice) {
          if (known.has(change.rowId)) rest.push(change);
          else groupOf(groups, `${table}:${Object.keys(change.fields).join(',')}`).push(change);
        }
      }
    }
    return { groups: [...groups.values()], rest };
  }

  /** One multi-row INSERT of first inserts with the same columns, and their clocks; false when it failed (nothing written). */
  private async insertFirsts(connection: PoolConnection, changes: SyncChange[], origin: string, now: number): Promise<boolean> {
    const first = changes[0];
    if (!first) return true;
    const columns = Object.keys(first.fields);
    const names = [...columns, 'id', 'hlc', 'origin_id', 'updated_at'];
    try {
      await connection.query('SAVEPOINT first_inserts');
      await connection.query(
        `INSERT INTO \`${first.table}\` (${names.map((n) => `\`${n}\``).join(', ')}) VALUES ?`,
        [changes.map((change) => [...columns.map((n) => change.fields[n] ?? null), change.rowId, change.hlc, origin, now])],
      );
      // The clocks apply() records for an insert: each column the change set, and '*' (it set created_at).
      await connection.query(
        'INSERT INTO sync_row_clocks (table_name, row_id, clocks) VALUES ? ON DUPLICATE KEY UPDATE clocks = VALUES(clocks)',
        [changes.map((change) => [change.table, change.rowId, JSON.stringify({ ...Object.fromEntries(columns.map((column) => [column, change.hlc])), '*': change.hlc })])],
      );
      return true;
    } catch (error) {
      if (lostRace(error)) throw error;
      await connection.query('ROLLBACK TO SAVEPOINT first_inserts');
      return false;
    }
  }

  /** Applies one change to its typed table (the same per-field rule as the agent's). */
  private async apply(connection: PoolConnection, change: SyncChange, origin: string, now: number): Promise<void> {
    const table = change.table;
    if (change.kind === 'append') {
      const values: Record<string, Value> = { ...change.fields, id: change.rowId, origin_id: origin, updated_at: now };
      const names = Object.keys(values);
      await connection.query(`INSERT INTO \`${table}\` (${names.map((n) => `\`${n}\``).join(', ')}) VALUES (${names.map(() => '?').join(', ')}) ON DUPLICATE KEY UPDATE id = id`, names.map((n) => values[n] ?? null));
      return;
    }
    const [existingRows] = await connection.query<RowDataPacket[]>(`SELECT hlc FROM \`${table}\` WHERE id = ? FOR UPDATE`, [change.rowId]);
    const existing = existingRows[0] as { hlc: string } | undefined;
    let clocks: RowClocks | undefined;
    if (change.kind === 'upsert') {
      const [clockRows] = await connection.query<RowDataPacket[]>('SELECT clocks FROM sync_row_clocks WHERE table_name = ? AND row_id = ? FOR UPDATE', [table, change.rowId]);
      const stored = clockRows[0] as { clocks: string } | undefined;
      clocks = stored ? (JSON.parse(stored.clocks) as RowClocks) : existing ? { '*': existing.hlc } : undefined;
    }
    const merge = mergeChange(existing ? asWholeRow(change) : change, clocks, existing?.hlc);
    const columns = Object.keys(merge.winners);
    if (columns.length === 0) return;
    if (!existing) {
      if (change.kind === 'scrub') return;
      const values: Record<string, Value> = { created_at: now, ...merge.winners, id: change.rowId, hlc: change.hlc, origin_id: origin, updated_at: now };
      const names = Object.keys(values);
      await connection.query(`INSERT INTO \`${table}\` (${names.map((n) => `\`${n}\``).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`, names.map((n) => values[n] ?? null));
      const inserted: RowClocks = Object.fromEntries(Object.keys(change.fields).map((column) => [column, change.hlc]));
      if ('created_at' in change.fields) inserted['*'] = change.hlc;
      await this.saveClocks(connection, table, change.rowId, inserted);
      return;
    }
    const sets = [...columns.map((c) => `\`${c}\` = ?`), 'hlc = ?', 'origin_id = ?', 'updated_at = ?'];
    await connection.query(`UPDATE \`${table}\` SET ${sets.join(', ')} WHERE id = ?`, [...columns.map((c) => merge.winners[c] ?? null), merge.hlc ?? change.hlc, origin, now, change.rowId]);
    if (merge.clocks) await this.saveClocks(connection, table, change.rowId, merge.clocks);
  }

  private async saveClocks(connection: PoolConnection, table: string, rowId: string, clocks: RowClocks): Promise<void> {
    await connection.query('INSERT INTO sync_row_clocks (table_name, row_id, clocks) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE clocks = VALUES(clocks)', [table, rowId, JSON.stringify(clocks)]);
  }

  /**
   * The changes above the caller's vector, oldest first by arrival (so an update never precedes
   * the insert it was made after), in one consistent snapshot. The vector that comes back covers
   * exactly what the page holds, plus quarantined counters once an origin is drained.
   */
  async pull(body: PullRequest): Promise<PullResponse> {
    const limit = Math.min(body.limit ?? PULL_PAGE_MAX, PULL_PAGE_MAX);
    const connection = await this.pool.getConnection();
    try {
      await connection.query('START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY');
      const [origins] = await connection.query<RowDataPacket[]>('SELECT origin_id AS origin, max_counter AS held FROM sync_origins');
      const behind = (origins as { origin: string; held: number | string }[])
        .map((o) => ({ origin: o.origin, held: Number(o.held), from: body.vector[o.origin] ?? 0 }))
        .filter((o) => o.held > o.from);
      const vector: Record<string, number> = { ...body.vector };
      if (behind.length === 0) {
        await connection.commit();
        return { changes: [], vector, more: false };
      }
      const where = behind.map(() => '(origin_id = ? AND counter > ?)').join(' OR ');
      const [rows] = await connection.query<RowDataPacket[]>(
        `SELECT origin_id AS origin, counter, table_name AS tableName, row_id AS rowId, hlc, kind, fields FROM sync_changes WHERE ${where} ORDER BY seq LIMIT ?`,
        [...behind.flatMap((o) => [o.origin, o.from]), limit + 1],
      );
      await connection.commit();
      const more = rows.length > limit;
      const page = (rows as { origin: string; counter: number | string; tableName: string; rowId: string; hlc: string; kind: string; fields: string }[]).slice(0, limit);
      const changes: PulledChange[] = page.map((row) => ({
        origin: row.origin, counter: Number(row.counter), table: row.tableName, rowId: row.rowId, hlc: row.hlc,
        kind: row.kind as PulledChange['kind'], fields: JSON.parse(row.fields) as Record<string, Value>,
      }));
      for (const change of changes) vector[change.origin] = Math.max(vector[change.origin] ?? 0, change.counter);
      if (!more) for (const o of behind) vector[o.origin] = Math.max(vector[o.origin] ?? 0, o.held);
      return { changes, vector, more };
    } catch (error) {
      await connection.rollback().catch(() => undefined);
      throw error;
    } finally {
      connection.release();
    }
  }

  /** Per synced table: rows and the order-independent digest the agent computes too. */
  async verify(): Promise<VerifyResponse> {
    const connection = await this.pool.getConnection();
    try {
      await connection.query('START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY');
      const [origins] = await connection.query<RowDataPacket[]>('SELECT origin_id AS origin, max_counter AS held FROM sync_origins');
      const tables: VerifyResponse['tables'] = {};
      for (const table of Object.keys(tableSpecs) as TableName[]) {
        if (!isSyncedTable(table)) continue;
        const digest = new TableDigest();
        const [rows] = await connection.query<RowDataPacket[]>({ sql: `SELECT * FROM \`${table}\``, supportBigNumbers: true, bigNumberStrings: false });
        for (const row of rows) digest.add(rowDigest(table, row));
        tables[table] = { rows: digest.rows, hash: digest.hash };
      }
      await connection.commit();
      const vector = Object.fromEntries((origins as { origin: string; held: number | string }[]).map((o) => [o.origin, Number(o.held)]));
      return { vector, tables };
    } finally {
      connection.release();
    }
  }
}

