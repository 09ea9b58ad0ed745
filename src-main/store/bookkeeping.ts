// Sync bookkeeping that lives only on this machine, on top of the 36 tables of the data model.
import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

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

/**
 * Per-column clocks of mutable rows (sync's per-field last-writer-wins): JSON {"*": hlc of the
 * insert, column: hlc of its last change}. Written with the row, by the writer and by sync apply.
 */
export const rowClocks = sqliteTable(
  'row_clocks',
  {
    tableName: text('table_name').notNull(),
    rowId: text('row_id').notNull(),
    clocks: text('clocks').notNull(),
  },
  (table) => [primaryKey({ columns: [table.tableName, table.rowId] })],
);

/**
 * Claude Code sessions seen through hooks, each linked to the MSP session its work went to.
 * Capture bookkeeping: it stays on this machine (the work itself is in the synced tables).
 */
export const claudeSessions = sqliteTable('claude_sessions', {
  claudeSessionId: text('claude_session_id').primaryKey(),
  mspSessionId: text('msp_session_id').notNull(),
  cwd: text('cwd').notNull(),
  source: text('source'),
  startedAt: integer('started_at').notNull(),
  lastEventAt: integer('last_event_at').notNull(),
  stops: integer('stops').notNull().default(0),
  compactions: integer('compactions').notNull().default(0),
  endedAt: integer('ended_at'),
  endReason: text('end_reason'),
});

/** Hook payloads already ingested (SHA-256 of the body): a replayed or retried event is stored once. */
export const hookReceipts = sqliteTable('hook_receipts', {
  payloadHash: text('payload_hash').primaryKey(),
  receivedAt: integer('received_at').notNull(),
});

/** PreToolUse of a shell command not yet answered by its PostToolUse: when the command started. */
export const pendingToolCalls = sqliteTable('pending_tool_calls', {
  toolUseId: text('tool_use_id').primaryKey(),
  claudeSessionId: text('claude_session_id').notNull(),
  startedAt: integer('started_at').notNull(),
});
