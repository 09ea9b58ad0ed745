// Row digests for `msp sync verify`: the agent (SQLite) and the server (MariaDB) must compute the
// same digest for the same row whatever each driver returns (numbers as text, 0/1 booleans).
import { createHash } from 'node:crypto';
import { tableSpecs, type TableName } from './schema/tables/index.js';

/** Set by each replica for itself: never compared. */
const LOCAL_COLUMNS = new Set(['updated_at', 'origin_id']);
const NUMERIC = new Set(['integer', 'timestamp', 'bigint', 'boolean', 'real']);

type ColumnTypes = Map<string, string>;
const typesByTable = new Map<string, ColumnTypes>();

function columnTypes(table: TableName): ColumnTypes {
  let types = typesByTable.get(table);
  if (!types) {
    const columns = tableSpecs[table].columns as Record<string, { type: string }>;
    types = new Map([['created_at', 'timestamp'], ['hlc', 'text'], ['deleted', 'boolean'], ...Object.entries(columns).map(([name, spec]) => [name, spec.type] as [string, string])]);
    typesByTable.set(table, types);
  }
  return types;
}

function canonical(type: string | undefined, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (type !== undefined && NUMERIC.has(type)) {
    if (typeof value === 'boolean') return value ? '1' : '0';
    return String(Number(value));
  }
  if (value instanceof Date) return String(value.getTime());
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** SHA-256 of the row's compared columns, in a fixed order. */
export function rowDigest(table: TableName, row: Record<string, unknown>): string {
  const types = columnTypes(table);
  const parts: (string | null)[] = [canonical('text', row.id)];
  for (const column of [...types.keys()].sort()) {
    if (LOCAL_COLUMNS.has(column)) continue;
    parts.push(canonical(types.get(column), row[column]));
  }
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/** An order-independent digest of a table: XOR of the row digests' first 16 bytes. */
export class TableDigest {
  rows = 0;
  private readonly acc = Buffer.alloc(16);

  add(digest: string): void {
    this.rows++;
    const bytes = Buffer.from(digest.slice(0, 32), 'hex');
    for (let i = 0; i < 16; i++) this.acc[i] = (this.acc[i] ?? 0) ^ (bytes[i] ?? 0);
  }

  get hash(): string {
    return this.acc.toString('hex');
  }
}
