// Sync bookkeeping that lives only on this machine, on top of the 36 tables of the data model.
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The outbox: one row per local change, written in the same transaction as the change. The
 * AUTOINCREMENT key is this installation's change counter: 1, 2, 3… without gaps (a rolled-back
 * transaction rolls the sequence back too) and never reused after pushed rows are pruned.
 * A change's id is its (origin, counter) pair, unique by construction: no separate id column,
 * whose unique index cost a third of the insert rate of the hook path (see the issue note).
 */
export const syncOutbox = sqliteTable('sync_outbox', {
  counter: integer('counter').primaryKey({ autoIncrement: true }),
  tableName: text('table_name').notNull(),
  rowId: text('row_id').notNull(),
  /** HLC of a mutable change; null for append-only rows, which carry their own. */
  hlc: text('hlc'),
  /** JSON {column: value} of what changed; null for append-only rows, read whole at push time. */
  fields: text('fields'),
  createdAt: integer('created_at').notNull(),
});
