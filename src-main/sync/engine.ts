import { tableSpecs, type TableName } from '../../src-shared/schema/tables/index.js';
import { pullResponse, pushResponse, verifyResponse, verifyRowsResponse, SYNC_BATCH_MAX, type VerifyResponse } from '../../src-shared/sync-protocol.js';
import { TableDigest, rowDigest } from '../../src-shared/sync-verify.js';
import { MspError } from '../core/errors.js';
import type { Store } from '../store/store.js';
import { acknowledge, applyPulled, isSyncedTable, readOutbox, readVector } from './changes.js';
import type { SyncLogin } from './auth.js';
import { Connection } from './connection.js';

export interface SyncReport {
  pushed: number;
  rejected: { counter: number; reason: string }[];
  pulled: number;
  applied: number;
  deferred: number;
  ms: number;
}

export interface SyncProgress { phase: 'push' | 'pull'; done: number; total?: number }

const PULL_PAGE = 5000;

export const SYNC_STATE = {
  lastSuccess: 'sync.last_success',
  lastError: 'sync.last_error',
  revoked: 'sync.revoked',
} as const;

/** A push body stays well under the server's default body limit (4 MB): captured output makes changes large. */
const PUSH_BODY_BYTES = 1_500_000;

/** The longest prefix of the batch under PUSH_BODY_BYTES (at least one change). */
function fitBatch<T>(changes: T[]): T[] {
  let bytes = 0;
  for (let index = 0; index < changes.length; index++) {
    bytes += Buffer.byteLength(JSON.stringify(changes[index]));
    if (bytes > PUSH_BODY_BYTES && index > 0) return changes.slice(0, index);
  }
  return changes;
}

/**
 * One sync: push the outbox (batches in counter order, each acknowledged before its changes
 * leave the outbox), then pull by version vector until the server has nothing more (each page
 * applied with its vector in one transaction). Safe to interrupt anywhere: a replayed push is
 * acknowledged without being applied twice, an unapplied page is fetched again.
 */
export async function syncOnce(store: Store, authFile: string, onProgress: (progress: SyncProgress) => void = () => undefined): Promise<SyncReport> {
  const started = Date.now();
  const connection = new Connection(authFile, () => store.clock.now());
  const report: SyncReport = { pushed: 0, rejected: [], pulled: 0, applied: 0, deferred: 0, ms: 0 };
  try {
    const pending = (store.prepared('SELECT count(*) AS n FROM sync_outbox').get() as { n: number }).n;
    for (;;) {
      const changes = fitBatch(readOutbox(store, SYNC_BATCH_MAX));
      const first = changes[0];
      if (!first) break;
      const answer = pushResponse.parse((await connection.call('/v1/sync/push', { origin: store.originId, changes })).body);
      if (answer.acknowledged < first.counter - 1) {
        throw new MspError('conflict', `the sync server holds this machine's changes only up to ${answer.acknowledged} but ${first.counter - 1} were acknowledged before: was its database restored from a backup? Ask the admin before syncing again`);
      }
      acknowledge(store, answer.acknowledged);
      report.pushed += Math.max(0, answer.acknowledged - first.counter + 1);
      report.rejected.push(...answer.rejected);
      onProgress({ phase: 'push', done: report.pushed, total: pending });
      if (answer.acknowledged < (changes.at(-1)?.counter ?? 0)) throw new MspError('unavailable', 'the sync server did not take the whole batch: try again');
    }
    for (;;) {
      // This machine's own changes are all on the server up to what it acknowledged: not pulled back.
      const vector = { ...readVector(store), [store.originId]: Number(store.readState('push.acknowledged') ?? '0') };
      const page = pullResponse.parse((await connection.call('/v1/sync/pull', { vector, limit: PULL_PAGE })).body);
      const applied = applyPulled(store, page.changes, page.vector);
      report.pulled += page.changes.length;
      report.applied += applied.applied;
      report.deferred = applied.deferred;
      onProgress({ phase: 'pull', done: report.pulled });
      if (!page.more) break;
    }
    report.ms = Date.now() - started;
    store.write(() => {
      store.writeState(SYNC_STATE.lastSuccess, String(store.clock.now()));
      store.writeState(SYNC_STATE.lastError, '');
    });
    return report;
  } catch (error) {
    const message = error instanceof MspError ? error.message : `unexpected: ${(error as Error).message}`;
    store.write(() => { store.writeState(SYNC_STATE.lastError, JSON.stringify({ at: store.clock.now(), message })); });
    throw error;
  }
}

export interface SyncStatus {
  server: string | null;
  user: string | null;
  pending: number;
  lastSuccess: number | null;
  lastError: { at: number; message: string } | null;
  vector: Record<string, number>;
  deferred: number;
  /** Why the server refused this machine's login (revoked), if it did; cleared by a successful sync. */
  refused: string | null;
}

export function syncStatus(store: Store, login: SyncLogin | undefined): SyncStatus {
  const lastError = store.readState(SYNC_STATE.lastError);
  const success = store.readState(SYNC_STATE.lastSuccess);
  return {
    server: login?.server ?? null,
    user: login?.user ?? null,
    pending: (store.prepared('SELECT count(*) AS n FROM sync_outbox').get() as { n: number }).n,
    lastSuccess: success ? Number(success) : null,
    lastError: lastError ? (JSON.parse(lastError) as { at: number; message: string }) : null,
    vector: readVector(store),
    deferred: (JSON.parse(store.readState('pull.deferred') ?? '[]') as unknown[]).length,
    refused: store.readState(SYNC_STATE.revoked) || null,
  };
}

/** Per-table row count and order-independent digest of this replica (the same the server computes). */
export function localDigests(store: Store): VerifyResponse['tables'] {
  const tables: VerifyResponse['tables'] = {};
  for (const table of Object.keys(tableSpecs) as TableName[]) {
    if (!isSyncedTable(table)) continue;
    const digest = new TableDigest();
    for (const row of store.sqlite.prepare(`SELECT * FROM ${table}`).iterate() as IterableIterator<Record<string, unknown>>) digest.add(rowDigest(table, row));
    tables[table] = { rows: digest.rows, hash: digest.hash };
  }
  return tables;
}

export interface TableDifference {
  table: string;
  local: { rows: number; hash: string };
  server: { rows: number; hash: string };
  /** Up to 20 ids of each kind. */
  onlyHere: string[];
  onlyOnServer: string[];
  different: string[];
}
export interface VerifyReport { equal: boolean; differences: TableDifference[] }

const SHOWN_IDS = 20;

/** Which rows of a table differ: the server's row digests (paged) against this replica's. */
async function rowDifferences(store: Store, connection: Connection, table: TableName): Promise<Pick<TableDifference, 'onlyHere' | 'onlyOnServer' | 'different'>> {
  const theirs = new Map<string, string>();
  let after: string | undefined;
  for (;;) {
    const page = verifyRowsResponse.parse((await connection.call('/v1/sync/verify/rows', { table, ...(after ? { after } : {}), limit: 10_000 })).body);
    for (const [id, digest] of page.rows) theirs.set(id, digest);
    after = page.rows.at(-1)?.[0];
    if (!page.more || after === undefined) break;
  }
  const result = { onlyHere: [] as string[], onlyOnServer: [] as string[], different: [] as string[] };
  const seen = new Set<string>();
  for (const row of store.sqlite.prepare(`SELECT * FROM ${table}`).iterate() as IterableIterator<Record<string, unknown>>) {
    const id = String(row.id);
    seen.add(id);
    const digest = theirs.get(id);
    if (digest === undefined) result.onlyHere.push(id);
    else if (digest !== rowDigest(table, row)) result.different.push(id);
  }
  for (const id of theirs.keys()) if (!seen.has(id)) result.onlyOnServer.push(id);
  return { onlyHere: result.onlyHere.slice(0, SHOWN_IDS), onlyOnServer: result.onlyOnServer.slice(0, SHOWN_IDS), different: result.different.slice(0, SHOWN_IDS) };
}

/** Syncs, then compares every synced table with the server's (counts and digests). */
export async function verifyWithServer(store: Store, authFile: string): Promise<VerifyReport & { sync: SyncReport }> {
  const sync = await syncOnce(store, authFile);
  const connection = new Connection(authFile, () => store.clock.now());
  const server = verifyResponse.parse((await connection.call('/v1/sync/verify')).body);
  const local = localDigests(store);
  const differences: VerifyReport['differences'] = [];
  for (const table of Object.keys(local)) {
    const mine = local[table] ?? { rows: 0, hash: '' };
    const theirs = server.tables[table] ?? { rows: 0, hash: new TableDigest().hash };
    if (mine.rows !== theirs.rows || mine.hash !== theirs.hash) {
      differences.push({ table, local: mine, server: theirs, ...(await rowDifferences(store, connection, table as TableName)) });
    }
  }
  return { equal: differences.length === 0, differences, sync };
}
