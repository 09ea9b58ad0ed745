/**
 * Re-wrapping every data key under the newest KEK, while servers keep serving: rows are read a
 * small batch at a time and each is updated on its own, only if its version and KEK are still
 * the ones read (a store meanwhile wins: it wrapped under the newest KEK already). The ciphertext
 * is never touched. Each re-wrap writes its 'rewrap' audit row in the same transaction.
 */
import { and, asc, count, eq, gt, ne } from 'drizzle-orm';
import type { Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { ServerError } from '../errors.js';
import type { Actor, VaultAudit } from './audit.js';
import { rewrapDataKey } from './envelope.js';
import type { KekRing } from './kek-ring.js';
import { vaultSecrets } from './tables.js';

export interface RewrapDeps {
  db: Db;
  clock: Clock;
  keks: KekRing;
  audit: VaultAudit;
}

export interface RewrapResult {
  /** The KEK everything was re-wrapped under. */
  kekId: string;
  rewrapped: number;
  /** Rows changed by a store or delete between our read and our write (left as they were). */
  overtaken: number;
  /** Rows that could not be re-wrapped, with the reason (their KEK is missing, or they fail the integrity check). */
  failed: { credentialId: string; kekId: string; reason: string }[];
  /** Secrets still under another KEK when done. */
  remaining: number;
}

export const REWRAP_BATCH = 50;
/** Further passes pick up secrets a server still wrapped under an older KEK during the first. */
const MAX_PASSES = 5;

export async function rewrapAll(deps: RewrapDeps, actor: Actor, options: { batchSize?: number; onBatch?: (rewrapped: number) => void } = {}): Promise<RewrapResult> {
  const target = deps.keks.newest();
  const batchSize = options.batchSize ?? REWRAP_BATCH;
  const result: RewrapResult = { kekId: target.kid, rewrapped: 0, overtaken: 0, failed: [], remaining: 0 };
  const failedIds = new Set<string>();
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let after = '';
    let seen = 0;
    for (;;) {
      const rows = await deps.db.select({
        credentialId: vaultSecrets.credentialId, clientId: vaultSecrets.clientId, version: vaultSecrets.version,
        kekId: vaultSecrets.kekId, wrappedKey: vaultSecrets.wrappedKey, wrapNonce: vaultSecrets.wrapNonce, wrapTag: vaultSecrets.wrapTag,
      }).from(vaultSecrets).where(and(ne(vaultSecrets.kekId, target.kid), gt(vaultSecrets.credentialId, after))).orderBy(asc(vaultSecrets.credentialId)).limit(batchSize);
      if (rows.length === 0) break;
      for (const row of rows) {
        after = row.credentialId;
        if (failedIds.has(row.credentialId)) continue;
        seen += 1;
        const binding = { credentialId: row.credentialId, version: row.version, clientId: row.clientId };
        let wrap;
        try {
          wrap = rewrapDataKey(row, binding, (kid) => deps.keks.find(kid), target);
        } catch (error) {
          if (!(error instanceof ServerError)) throw error;
          failedIds.add(row.credentialId);
          result.failed.push({ credentialId: row.credentialId, kekId: row.kekId, reason: error.message });
          await deps.audit.record(actor, { credentialId: row.credentialId, action: 'rewrap', outcome: 'error', version: row.version, reason: error.message });
          continue;
        }
        const done = await deps.db.transaction(async (tx) => {
          const [update] = await tx.update(vaultSecrets).set({ ...wrap, updatedAt: deps.clock.now() })
            .where(and(eq(vaultSecrets.credentialId, row.credentialId), eq(vaultSecrets.version, row.version), eq(vaultSecrets.kekId, row.kekId)));
          if (update.affectedRows !== 1) return false;
          await deps.audit.record(actor, { credentialId: row.credentialId, action: 'rewrap', outcome: 'success', version: row.version, reason: `data key re-wrapped from KEK ${row.kekId} to ${target.kid}` }, tx);
          return true;
        });
        if (done) result.rewrapped += 1;
        else result.overtaken += 1;
      }
      options.onBatch?.(result.rewrapped);
    }
    if (seen === 0) break;
  }
  const [left] = await deps.db.select({ n: count() }).from(vaultSecrets).where(ne(vaultSecrets.kekId, target.kid));
  result.remaining = left?.n ?? 0;
  return result;
}

/** How many secrets each KEK wraps (KEK id -> count). */
export async function secretsPerKek(db: Db): Promise<Map<string, number>> {
  const rows = await db.select({ kekId: vaultSecrets.kekId, n: count() }).from(vaultSecrets).groupBy(vaultSecrets.kekId);
  return new Map(rows.map((row) => [row.kekId, row.n]));
}
