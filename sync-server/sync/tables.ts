/**
 * The sync server's change log and its bookkeeping. Server-only, like the auth tables.
 * - sync_changes: every accepted change once, keyed by (origin, counter); `seq` only orders a pull
 *   page (causal order across origins), it is never a cursor (see src-shared/sync-protocol.ts).
 * - sync_origins: per origin, the contiguous prefix held (max_counter) and who pushes it.
 * - sync_row_clocks: per-column clocks of mutable rows, for per-field last-writer-wins.
 * - sync_quarantine: refused changes, kept with their reason for an admin to look at.
 */
import { bigint, char, index, longtext, mysqlTable, primaryKey, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';

export const syncChanges = mysqlTable('sync_changes', {
  originId: char('origin_id', { length: 36 }).notNull(),
  counter: bigint('counter', { mode: 'number' }).notNull(),
  seq: bigint('seq', { mode: 'number' }).autoincrement().notNull(),
  tableName: varchar('table_name', { length: 64 }).notNull(),
  rowId: char('row_id', { length: 36 }).notNull(),
  hlc: varchar('hlc', { length: 96 }).notNull(),
  kind: varchar('kind', { length: 8 }).notNull(),
  fields: longtext('fields').notNull(),
  userId: char('user_id', { length: 36 }).notNull(),
  machineId: char('machine_id', { length: 36 }).notNull(),
  receivedAt: bigint('received_at', { mode: 'number' }).notNull(),
}, (t) => [primaryKey({ columns: [t.originId, t.counter] }), uniqueIndex('sync_changes_seq_uq').on(t.seq), index('sync_changes_row_idx').on(t.tableName, t.rowId)]);

export const syncOrigins = mysqlTable('sync_origins', {
  originId: char('origin_id', { length: 36 }).primaryKey(),
  maxCounter: bigint('max_counter', { mode: 'number' }).notNull(),
  userId: char('user_id', { length: 36 }).notNull(),
  machineId: char('machine_id', { length: 36 }).notNull(),
  updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
});

export const syncRowClocks = mysqlTable('sync_row_clocks', {
  tableName: varchar('table_name', { length: 64 }).notNull(),
  rowId: char('row_id', { length: 36 }).notNull(),
  clocks: longtext('clocks').notNull(),
}, (t) => [primaryKey({ columns: [t.tableName, t.rowId] })]);

export const syncQuarantine = mysqlTable('sync_quarantine', {
  originId: char('origin_id', { length: 36 }).notNull(),
  counter: bigint('counter', { mode: 'number' }).notNull(),
  tableName: varchar('table_name', { length: 64 }).notNull(),
  rowId: varchar('row_id', { length: 64 }).notNull(),
  reason: varchar('reason', { length: 500 }).notNull(),
  change: longtext('change').notNull(),
  receivedAt: bigint('received_at', { mode: 'number' }).notNull(),
}, (t) => [primaryKey({ columns: [t.originId, t.counter] })]);
