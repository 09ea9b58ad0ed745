import type { Store } from './store.js';

/** Pages with at least this many new commands are indexed in bulk rather than row by row. */
const BULK_FROM = 200;
const TRIGGER = 'search_commands_run_ai';

/**
 * Inserts many commands (a sync bootstrap) with their search index written in two statements
 * instead of by the per-row trigger (measured: 8 s of a 100,000-record bootstrap went to the
 * trigger; the same rows index in under 1 s at once). Runs inside the caller's transaction: the
 * trigger is dropped and created again in it, so no other connection ever sees it missing, and
 * the index is in step with the table when the transaction commits, as with the trigger.
 * The two statements are the trigger's own (drizzle/local/0003_search.sql), for the ids inserted.
 */
export function withBulkCommandIndex(store: Store, expected: number, insert: (inserted: (id: string) => void) => void): void {
  const trigger = expected >= BULK_FROM
    ? (store.sqlite.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").get(TRIGGER) as { sql: string } | undefined)
    : undefined;
  if (!trigger) {
    insert(() => undefined);
    return;
  }
  store.sqlite.exec(`DROP TRIGGER ${TRIGGER}`);
  store.sqlite.exec('CREATE TEMP TABLE IF NOT EXISTS bulk_command_ids (id TEXT PRIMARY KEY)');
  store.sqlite.exec('DELETE FROM temp.bulk_command_ids');
  const remember = store.prepared('INSERT OR IGNORE INTO temp.bulk_command_ids (id) VALUES (?)');
  insert((id) => { remember.run(id); });
  store.sqlite.exec(`
    INSERT INTO search_docs (kind, row_id, session_id, client_id, at)
      SELECT 'command', t.id, t.session_id, t.client_id, coalesce(t.finished_at, t.created_at)
        FROM commands_run t JOIN temp.bulk_command_ids b ON b.id = t.id WHERE t.deleted = 0;
    INSERT INTO search_index (rowid, body)
      SELECT d.rowid, coalesce(t.command, '') || ' ' || coalesce(t.error_message, '') || ' ' || coalesce(t.stderr_tail, '')
        FROM temp.bulk_command_ids b JOIN search_docs d ON d.kind = 'command' AND d.row_id = b.id JOIN commands_run t ON t.id = b.id;
    DELETE FROM temp.bulk_command_ids;`);
  store.sqlite.exec(trigger.sql);
}
