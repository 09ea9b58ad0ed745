import { readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tableSpecs, type TableName } from '../../../src-shared/schema/tables/index.js';
import { badInput } from '../../core/errors.js';
import type { ServiceContext } from '../context.js';

export const FORGOTTEN = '[REDACTED:forgotten]';
const MIN_LENGTH = 6;
const TEXT_TYPES = new Set(['text', 'longtext', 'json']);
// Sync cursors and the like: nothing captured lives there.
const SKIPPED_TABLES = new Set<string>(['sync_state']);

export interface ForgetReport {
  /** Rows rewritten per table (only tables that held the text). */
  tables: Record<string, number>;
  rows: number;
  /** Pending sync changes whose values held the text. */
  outbox: number;
  /** Spooled hook payloads that held it. */
  spoolFiles: number;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function textColumns(table: TableName): string[] {
  const columns = tableSpecs[table].columns as Record<string, { type: string }>;
  return Object.entries(columns).filter(([, spec]) => TEXT_TYPES.has(spec.type)).map(([name]) => name);
}

/** Replaces every occurrence in every string of a parsed JSON value. */
function scrubValue(value: unknown, secret: string): { value: unknown; changed: boolean } {
  if (typeof value === 'string') return value.includes(secret) ? { value: value.split(secret).join(FORGOTTEN), changed: true } : { value, changed: false };
  if (Array.isArray(value)) {
    let changed = false;
    const items = value.map((item) => { const result = scrubValue(item, secret); changed ||= result.changed; return result.value; });
    return { value: items, changed };
  }
  if (value !== null && typeof value === 'object') {
    let changed = false;
    const entries = Object.entries(value).map(([key, item]) => { const result = scrubValue(item, secret); changed ||= result.changed; return [key, result.value] as const; });
    return { value: Object.fromEntries(entries), changed };
  }
  return { value, changed: false };
}

function scrubSpool(spoolDir: string, secret: string): number {
  let count = 0;
  let names: string[];
  try {
    names = readdirSync(spoolDir).filter((name) => name.endsWith('.json'));
  } catch {
    return 0;
  }
  for (const name of names) {
    const file = path.join(spoolDir, name);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue; // ingested meanwhile
    }
    if (!text.includes(secret) && !text.includes(JSON.stringify(secret).slice(1, -1))) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON (a torn write): the agent drops it as unreadable; scrub the raw text meanwhile.
      parsed = undefined;
    }
    const scrubbed = parsed === undefined ? text.split(secret).join(FORGOTTEN) : JSON.stringify(scrubValue(parsed, secret).value);
    const partial = `${file}.forget.tmp`;
    writeFileSync(partial, scrubbed, { mode: 0o600 });
    renameSync(partial, file);
    count++;
  }
  return count;
}

/**
 * `msp forget TEXT`: a secret that slipped past redaction is replaced by [REDACTED:forgotten] in
 * every captured row, pending sync change and spooled hook payload on this machine, in one
 * transaction. Rows go through the writer, so the scrub itself syncs (append-only rows included).
 * Freed pages are zeroed and the WAL truncated, so the old text is not left in the files.
 * The text itself is never stored or printed.
 */
export function forgetSecret(context: ServiceContext, secret: string, spoolDir: string): ForgetReport {
  if (secret.trim().length < MIN_LENGTH) {
    throw badInput('text', `the text to forget must be at least ${MIN_LENGTH} characters (shorter text would scrub ordinary words)`);
  }
  if (secret.length > 10_000) throw badInput('text', 'the text to forget is longer than 10000 characters');
  const { store } = context;
  const report: ForgetReport = { tables: {}, rows: 0, outbox: 0, spoolFiles: 0 };
  const pattern = `%${escapeLike(secret)}%`;
  const jsonForm = JSON.stringify(secret).slice(1, -1);
  store.sqlite.pragma('secure_delete = ON');
  try {
    store.write((writer) => {
      for (const table of Object.keys(tableSpecs) as TableName[]) {
        if (SKIPPED_TABLES.has(table)) continue;
        const columns = textColumns(table);
        if (columns.length === 0) continue;
        // instr() is exact and case-sensitive, as a secret is; LIKE would ignore case.
        const where = columns.map((c) => `instr(${c}, ?) > 0`).join(' OR ');
        const rows = store.sqlite.prepare(`SELECT id, ${columns.join(', ')} FROM ${table} WHERE ${where}`).all(...columns.map(() => secret)) as Record<string, string | null>[];
        for (const row of rows) {
          const changed: Record<string, string | null> = {};
          for (const column of columns) {
            const value = row[column];
            if (typeof value === 'string' && value.includes(secret)) changed[column] = value.split(secret).join(FORGOTTEN);
          }
          if (writer.scrub(table, row.id ?? '', changed)) {
            report.tables[table] = (report.tables[table] ?? 0) + 1;
            report.rows++;
          }
        }
      }
      // Pending changes not yet pushed carry field values as JSON: scrub them too.
      const pending = store.sqlite.prepare("SELECT counter, fields FROM sync_outbox WHERE fields LIKE ? ESCAPE '\\'").all(`%${escapeLike(jsonForm)}%`) as { counter: number; fields: string }[];
      for (const entry of pending) {
        const scrubbed = scrubValue(JSON.parse(entry.fields), secret);
        if (!scrubbed.changed) continue;
        store.sqlite.prepare('UPDATE sync_outbox SET fields = ? WHERE counter = ?').run(JSON.stringify(scrubbed.value), entry.counter);
        report.outbox++;
      }
      store.sqlite.prepare("UPDATE claude_sessions SET cwd = replace(cwd, ?, ?) WHERE cwd LIKE ? ESCAPE '\\'").run(secret, FORGOTTEN, pattern);
    });
  } finally {
    store.sqlite.pragma('secure_delete = OFF');
  }
  // The WAL still holds the pages as they were before: copy back and empty it.
  try {
    store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } catch {
    // A reader holds the WAL (the agent mid-request): SQLite reuses it from the start soon anyway.
  }
  report.spoolFiles = scrubSpool(spoolDir, secret);
  return report;
}
