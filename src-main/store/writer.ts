import { getTableColumns } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Statement } from 'better-sqlite3';
import { tableSpecs, type TableName } from '../../src-shared/schema/tables/index.js';
import type { Clock } from '../core/clock.js';
import type { HybridClock } from '../core/hlc.js';
import type { IdSource } from '../core/ids.js';
import { tablesByName } from './schema.generated.js';
import type { SqliteDatabase } from './database.js';

type Bookkeeping = 'id' | 'createdAt' | 'updatedAt' | 'originId' | 'hlc' | 'deleted';
type Tables = typeof tablesByName;
/** What a caller supplies for a new row: the domain columns, optionally its id and time. */
export type NewRow<N extends TableName> = Omit<Tables[N]['$inferInsert'], Bookkeeping> & { id?: string; createdAt?: number };
/** A partial change of a row's domain columns (or a tombstone). */
export type RowPatch<N extends TableName> = Partial<Omit<Tables[N]['$inferInsert'], Bookkeeping>> & { deleted?: boolean };
export type Row<N extends TableName> = Tables[N]['$inferSelect'];

interface TableShape {
  /** drizzle property name → SQL column name */
  columnOf: Map<string, string>;
  replication: 'mutable' | 'append-only' | 'local';
}

const shapes = new Map<string, TableShape>();
function shapeOf(table: TableName): TableShape {
  let shape = shapes.get(table);
  if (shape === undefined) {
    const columns = getTableColumns(tablesByName[table] as SQLiteTable);
    shape = {
      columnOf: new Map(Object.entries(columns).map(([property, column]) => [property, column.name])),
      replication: tableSpecs[table].replication,
    };
    shapes.set(table, shape);
  }
  return shape;
}

function toSqlValue(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return value;
}

interface InsertPlan {
  statement: Statement;
  properties: string[];
  /** SQL column of each property, in order. */
  columns: string[];
}

export interface WriterDeps {
  sqlite: SqliteDatabase;
  clock: Clock;
  ids: IdSource;
  hlc: HybridClock;
  originId: string;
}

/**
 * Every write to the data model goes through here, inside a transaction: the row and its outbox
 * entry are committed together or not at all, which is what lets sync promise nothing lost.
 * Statements are prepared once per table and column set (the hot path of hook ingest).
 */
export class Writer {
  private readonly statements = new Map<string, Statement>();
  private readonly insertPlans = new Map<string, InsertPlan[]>();
  private readonly outboxInsert: Statement;
  private readonly clocksUpsert: Statement;

  constructor(private readonly deps: WriterDeps) {
    this.outboxInsert = deps.sqlite.prepare(
      'INSERT INTO sync_outbox (table_name, row_id, hlc, fields, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    // Per-column clocks of mutable rows, merged (json_patch) so columns changed earlier keep theirs.
    this.clocksUpsert = deps.sqlite.prepare(
      'INSERT INTO row_clocks (table_name, row_id, clocks) VALUES (?, ?, ?) ON CONFLICT (table_name, row_id) DO UPDATE SET clocks = json_patch(clocks, excluded.clocks)',
    );
  }

  private recordClocks(table: TableName, id: string, hlc: string, columns: string[] | '*'): void {
    const clocks = columns === '*' ? { '*': hlc } : Object.fromEntries(columns.map((column) => [column, hlc]));
    this.clocksUpsert.run(table, id, JSON.stringify(clocks));
  }

  private statement(key: string, sql: () => string): Statement {
    let statement = this.statements.get(key);
    if (statement === undefined) {
      statement = this.deps.sqlite.prepare(sql());
      this.statements.set(key, statement);
    }
    return statement;
  }

  /** Inserts a row (id made here unless given) and returns its id. */
  insert<N extends TableName>(table: N, row: NewRow<N>): string {
    const shape = shapeOf(table);
    const now = this.deps.clock.now();
    const hlc = this.deps.hlc.tick();
    const id = row.id ?? this.deps.ids.newId();
    const values: unknown[] = [id, row.createdAt ?? now, now, this.deps.originId, hlc];
    const properties: string[] = [];
    const given = row as Record<string, unknown>;
    for (const property in given) {
      const value = given[property];
      if (value === undefined || property === 'id' || property === 'createdAt') continue;
      properties.push(property);
      values.push(toSqlValue(value));
    }
    const plan = this.insertPlan(table, shape, properties);
    plan.statement.run(values);
    if (shape.replication === 'mutable') {
      // Mutable rows carry their fields: per-field last-writer-wins needs the values of this change.
      const fields: Record<string, unknown> = { created_at: values[1] };
      plan.columns.forEach((column, index) => { fields[column] = values[index + 5]; });
      this.outboxInsert.run(table, id, hlc, JSON.stringify(fields), now);
      this.recordClocks(table, id, hlc, '*');
    } else if (shape.replication === 'append-only') {
      // Append-only rows never change: push reads them whole (hlc included); the outbox only points at them.
      this.outboxInsert.run(table, id, null, null, now);
    }
    return id;
  }

  /** The prepared INSERT for this table and set of properties (callers use a handful of shapes). */
  private insertPlan(table: TableName, shape: TableShape, properties: string[]): InsertPlan {
    let plans = this.insertPlans.get(table);
    if (plans === undefined) {
      plans = [];
      this.insertPlans.set(table, plans);
    }
    const found = plans.find((plan) => plan.properties.length === properties.length && plan.properties.every((p, i) => p === properties[i]));
    if (found) return found;
    const plan = this.planInsert(table, shape, properties);
    plans.push(plan);
    return plan;
  }

  private planInsert(table: TableName, shape: TableShape, properties: string[]): InsertPlan {
    const columns = properties.map((property) => {
      const column = shape.columnOf.get(property);
      if (column === undefined) throw new Error(`${table} has no column for property ${property}`);
      return column;
    });
    const names = ['id', 'created_at', 'updated_at', 'origin_id', 'hlc', ...columns];
    const statement = this.deps.sqlite.prepare(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`);
    return { statement, properties, columns };
  }

  /** Inserts the row unless a row with that id exists; returns true when it inserted. */
  insertIfMissing<N extends TableName>(table: N, row: NewRow<N> & { id: string }): boolean {
    const exists = this.statement(`e:${table}`, () => `SELECT 1 FROM ${table} WHERE id = ?`).get(row.id);
    if (exists !== undefined) return false;
    this.insert(table, row);
    return true;
  }

  /**
   * Rewrites columns of a row to scrub a leaked secret (msp forget), by SQL column name. Unlike
   * update() it is allowed on append-only rows, whose content otherwise never changes: their outbox
   * entry then carries fields (a plain append-only entry carries none), which tells sync that
   * the row was rewritten. Returns false when no such row exists.
   */
  scrub(table: TableName, id: string, columns: Record<string, string | null>): boolean {
    const shape = shapeOf(table);
    const known = new Set(shape.columnOf.values());
    const names = Object.keys(columns);
    for (const name of names) if (!known.has(name) || ['id', 'origin_id', 'hlc'].includes(name)) throw new Error(`${table}.${name} cannot be scrubbed`);
    this.seeRow(table, id);
    const now = this.deps.clock.now();
    const hlc = this.deps.hlc.tick();
    const sql = `UPDATE ${table} SET ${names.map((n) => `${n} = ?`).join(', ')}, updated_at = ?, origin_id = ?, hlc = ? WHERE id = ?`;
    const result = this.deps.sqlite.prepare(sql).run([...names.map((n) => columns[n]), now, this.deps.originId, hlc, id]);
    if (result.changes === 0) return false;
    if (shape.replication !== 'local') this.outboxInsert.run(table, id, hlc, JSON.stringify(columns), now);
    if (shape.replication === 'mutable') this.recordClocks(table, id, hlc, names);
    return true;
  }

  /**
   * A change to a row is made after everything this machine knows of that row: its clocks are
   * received first, so the new stamp sorts after them even when this machine's wall clock is
   * behind the machine that wrote them (or a new process has not yet seen a newer timestamp).
   */
  private seeRow(table: TableName, id: string): void {
    const known = this.statement(`k:${table}`, () => `SELECT t.hlc AS hlc, c.clocks AS clocks FROM ${table} t LEFT JOIN row_clocks c ON c.table_name = '${table}' AND c.row_id = t.id WHERE t.id = ?`)
      .get(id) as { hlc: string | null; clocks: string | null } | undefined;
    if (!known) return;
    const stamps = [known.hlc, ...(known.clocks ? Object.values(JSON.parse(known.clocks) as Record<string, string>) : [])];
    const newest = stamps.reduce<string>((max, stamp) => (stamp && stamp > max ? stamp : max), '');
    if (/^\d{13}-\d{5}-/.test(newest)) this.deps.hlc.receive(newest);
  }

  /** Changes some columns of a row; returns false when no such row exists. */
  update<N extends TableName>(table: N, id: string, patch: RowPatch<N>): boolean {
    const shape = shapeOf(table);
    if (shape.replication === 'append-only') throw new Error(`${table} is append-only: rows are never updated`);
    this.seeRow(table, id);
    const now = this.deps.clock.now();
    const hlc = this.deps.hlc.tick();
    const names: string[] = ['updated_at', 'origin_id', 'hlc'];
    const values: unknown[] = [now, this.deps.originId, hlc];
    const fields: Record<string, unknown> = {};
    for (const [property, value] of Object.entries(patch as Record<string, unknown>)) {
      if (value === undefined) continue;
      const column = shape.columnOf.get(property);
      if (column === undefined) throw new Error(`${table} has no column for property ${property}`);
      const sqlValue = toSqlValue(value);
      names.push(column);
      values.push(sqlValue);
      fields[column] = sqlValue;
    }
    const key = `u:${table}:${names.join(',')}`;
    const sql = () => `UPDATE ${table} SET ${names.map((n) => `${n} = ?`).join(', ')} WHERE id = ?`;
    const result = this.statement(key, sql).run([...values, id]);
    if (result.changes === 0) return false;
    if (shape.replication !== 'local') {
      this.outboxInsert.run(table, id, hlc, JSON.stringify(fields), now);
    }
    if (shape.replication === 'mutable') this.recordClocks(table, id, hlc, Object.keys(fields));
    return true;
  }
}
