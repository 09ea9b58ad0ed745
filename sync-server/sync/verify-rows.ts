/** Row digests of one table, in id order, a page at a time: how `msp sync verify` names the rows that differ. */
import type { Pool, RowDataPacket } from 'mysql2/promise';
import { tableSpecs, type TableName } from '../../src-shared/schema/tables/index.js';
import { PULL_PAGE_MAX, type VerifyRowsRequest, type VerifyRowsResponse } from '../../src-shared/sync-protocol.js';
import { rowDigest } from '../../src-shared/sync-verify.js';
import { ServerError } from '../errors.js';

export async function verifyRows(pool: Pool, body: VerifyRowsRequest): Promise<VerifyRowsResponse> {
  const spec = (tableSpecs as Record<string, { replication: string } | undefined>)[body.table];
  if (!spec || spec.replication === 'local') throw new ServerError('bad_input', `table ${body.table} does not sync`, 'table');
  const limit = Math.min(body.limit ?? 5000, PULL_PAGE_MAX);
  const [rows] = await pool.query<RowDataPacket[]>(
    `SELECT * FROM \`${body.table}\` WHERE id > ? ORDER BY id LIMIT ?`,
    [body.after ?? '', limit + 1],
  );
  const page = rows.slice(0, limit) as Record<string, unknown>[];
  return { rows: page.map((row) => [String(row.id), rowDigest(body.table as TableName, row)]), more: rows.length > limit };
}
