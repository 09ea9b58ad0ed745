/**
 * The one column list. Every table of the data model is described here once, dialect-free;
 * scripts/gen-schema.ts turns it into the drizzle SQLite schema (agent) and the drizzle MariaDB
 * schema (sync server), and a test fails when the generated files are stale.
 *
 * Conventions every table gets without listing them (see STANDARD_COLUMNS):
 * - `id`: UUIDv7 made by the writer (or a deterministic UUIDv5 for natural keys);
 * - `created_at`, `updated_at`: milliseconds since the epoch (UTC);
 * - `origin_id`: the installation (sync origin) that wrote the current version of the row;
 * - `hlc`: hybrid logical clock of the last change, for last-writer-wins on sync;
 * - `deleted`: tombstone; rows are never removed while they may still have to replicate.
 * Timestamps are integer milliseconds everywhere (bigint on MariaDB): exact, sortable, no zones.
 */
export type ColumnType =
  | 'id' // a reference to another row's id (36-char UUID text)
  | 'text' // short text, at most `maxLength` characters (default 255)
  | 'longtext' // unbounded text: notes, summaries, output tails
  | 'integer' // 32-bit-safe counts and codes
  | 'timestamp' // milliseconds since the epoch
  | 'bigint' // 64-bit counts, sizes and durations in milliseconds
  | 'boolean'
  | 'real'
  | 'json'; // JSON text (arrays and objects), parsed by the repository that owns it

export interface ColumnSpec {
  type: ColumnType;
  notNull?: boolean;
  /** For 'text': the longest value accepted (MariaDB varchar length). */
  maxLength?: number;
  /** A constant default (booleans as true/false, text as string, numbers as number). */
  default?: string | number | boolean;
  /** The table this id column points to (documentation and the sync apply order). */
  references?: string;
  /** What the column holds, when its name alone does not say. */
  doc?: string;
}

export interface IndexSpec {
  columns: string[];
  unique?: boolean;
  /** Why this index exists: the query it serves. */
  serves: string;
}

export type Replication =
  /** Rows change over time: per-field last-writer-wins on sync. */
  | 'mutable'
  /** Rows are written once and never change (logs, audit): sync only inserts. */
  | 'append-only'
  /** Rows stay on the machine that wrote them (machine-local state). */
  | 'local';

export type Category =
  | 'core tracking'
  | 'client & infrastructure'
  | 'credentials & security'
  | 'work details'
  | 'failure analysis'
  | 'tagging & categorisation'
  | 'system & audit'
  | 'external integrations'
  | 'junctions';

export interface TableSpec {
  category: Category;
  replication: Replication;
  /** One line: what a row is. */
  doc: string;
  columns: Record<string, ColumnSpec>;
  indexes?: IndexSpec[];
}

export const STANDARD_COLUMNS: Record<string, ColumnSpec> = {
  id: { type: 'id', notNull: true, doc: 'UUIDv7, or UUIDv5 of the natural key' },
  created_at: { type: 'timestamp', notNull: true },
  updated_at: { type: 'timestamp', notNull: true },
  origin_id: { type: 'text', maxLength: 64, notNull: true, doc: 'installation that wrote this version' },
  hlc: { type: 'text', maxLength: 96, notNull: true, doc: 'hybrid logical clock of the last change' },
  deleted: { type: 'boolean', notNull: true, default: false },
};
