/**
 * Storing, revealing and deleting a credential's secret: permission (grants.ts), envelope
 * encryption (envelope.ts) and the audit row (audit.ts) of every attempt, denied and failed ones
 * included. A reveal answers only after its audit row is written; a store or delete writes its
 * row and its audit row in one transaction.
 */
import { and, eq } from 'drizzle-orm';
import type { DeleteSecretRequest, RevealSecretRequest, RevealSecretResponse, StoreSecretRequest, StoreSecretResponse } from '../../src-shared/vault-api.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { credentials } from '../db/schema.generated.js';
import { ServerError } from '../errors.js';
import { reasonWith, type Actor, type AuditAction, type VaultAudit } from './audit.js';
import { openSecret, sealSecret } from './envelope.js';
import type { Access, CredentialGrants } from './grants.js';
import type { KekRing } from './kek-ring.js';
import { vaultSecrets } from './tables.js';

/** The caller of a vault route: who the token speaks for, and from where. */
export interface Caller extends Actor {
  userId: string;
  userName: string;
}

export interface VaultDeps {
  db: Db;
  clock: Clock;
  keks: KekRing;
  grants: CredentialGrants;
  audit: VaultAudit;
}

type SecretRow = typeof vaultSecrets.$inferSelect;

/** Attempts at a store or delete when another one changed the row between our read and write. */
const WRITE_ATTEMPTS = 3;

const verbOf: Record<AuditAction, string> = { store: 'store', reveal: 'reveal', delete: 'delete', rewrap: 're-wrap', create: 'create', read: 'read', rotate: 'rotate' };

/** A failure worth keeping in the audit: our own messages only (they never hold a secret), never a driver's. */
const auditedMessage = (error: unknown) => (error instanceof ServerError ? error.message : 'internal error (see the server log)');

/** Marks a failure whose audit row is already written. */
class Audited extends Error {
  constructor(readonly original: unknown) {
    super('audited');
  }
}

export class Vault {
  constructor(private readonly deps: VaultDeps) {}

  async store(credentialId: string, request: StoreSecretRequest, caller: Caller): Promise<StoreSecretResponse> {
    return this.audited(credentialId, 'store', request.reason, caller, async () => {
      for (let attempt = 1; ; attempt++) {
        const existing = await this.current(credentialId);
        await this.authorize(caller, credentialId, request.clientId, 'write', 'store', existing?.version ?? null, request.reason);
        // Moving a secret to another client needs the right to write where it was, too.
        if (existing !== undefined && existing.clientId !== request.clientId) {
          await this.authorize(caller, credentialId, existing.clientId, 'write', 'store', existing.version, request.reason);
        }
        // A grant on one client must not let a secret be filed under it when the credential is another client's.
        const listed = await this.listedClientOf(credentialId);
        if (listed !== undefined && listed !== request.clientId) {
          throw await this.refuse('denied', caller, credentialId, 'store', existing?.version ?? null, request.reason,
            new ServerError('conflict', `credential ${credentialId} belongs to ${listed === null ? "the MSP's own credentials" : `client ${listed}`} in the synced data, not to ${request.clientId ?? "the MSP's own"}: store it with that clientId`, 'clientId'));
        }
        const version = (existing?.version ?? 0) + 1;
        const now = this.deps.clock.now();
        const sealed = sealSecret(request.secret, { credentialId, version, clientId: request.clientId }, this.deps.keks.newest());
        const row: SecretRow = { credentialId, clientId: request.clientId, version, ...sealed, storedBy: caller.userName, storedAt: now, updatedAt: now };
        const written = await this.deps.db.transaction(async (tx) => {
          if (existing === undefined) {
            try {
              await tx.insert(vaultSecrets).values(row);
            } catch (error) {
              if ((error as { cause?: { code?: string } }).cause?.code === 'ER_DUP_ENTRY') return false;
              throw error;
            }
          } else {
            const [result] = await tx.update(vaultSecrets).set(row).where(and(eq(vaultSecrets.credentialId, credentialId), eq(vaultSecrets.version, existing.version)));
            if (result.affectedRows !== 1) return false;
          }
          await this.deps.audit.record(caller, { credentialId, action: 'store', outcome: 'success', version, reason: request.reason ?? null }, tx);
          return true;
        });
        if (written) return { credentialId, version, storedAt: now };
        if (attempt >= WRITE_ATTEMPTS) throw new ServerError('conflict', `the secret of credential ${credentialId} was changed by another request at the same moment: try again`);
      }
    });
  }

  async reveal(credentialId: string, request: RevealSecretRequest, caller: Caller): Promise<RevealSecretResponse> {
    return this.audited(credentialId, 'reveal', request.reason, caller, async () => {
      const existing = await this.current(credentialId);
      await this.authorize(caller, credentialId, existing ? existing.clientId : (await this.listedClientOf(credentialId)) ?? null, 'read', 'reveal', existing?.version ?? null, request.reason);
      if (existing === undefined) throw this.notStored(credentialId);
      let secret: string;
      try {
        secret = openSecret(existing, { credentialId, version: existing.version, clientId: existing.clientId }, (kid) => this.deps.keks.find(kid));
      } catch (error) {
        throw await this.refuse('error', caller, credentialId, 'reveal', existing.version, request.reason, error);
      }
      // No audit row, no secret: a failed insert fails the reveal.
      await this.deps.audit.record(caller, { credentialId, action: 'reveal', outcome: 'success', version: existing.version, reason: request.reason ?? null });
      return { credentialId, version: existing.version, secret };
    });
  }

  async remove(credentialId: string, request: DeleteSecretRequest, caller: Caller): Promise<{ credentialId: string; deleted: true }> {
    return this.audited(credentialId, 'delete', request.reason, caller, async () => {
      for (let attempt = 1; ; attempt++) {
        const existing = await this.current(credentialId);
        await this.authorize(caller, credentialId, existing ? existing.clientId : (await this.listedClientOf(credentialId)) ?? null, 'write', 'delete', existing?.version ?? null, request.reason);
        if (existing === undefined) throw this.notStored(credentialId);
        const deleted = await this.deps.db.transaction(async (tx) => {
          const [result] = await tx.delete(vaultSecrets).where(and(eq(vaultSecrets.credentialId, credentialId), eq(vaultSecrets.version, existing.version)));
          if (result.affectedRows !== 1) return false;
          await this.deps.audit.record(caller, { credentialId, action: 'delete', outcome: 'success', version: existing.version, reason: request.reason ?? null }, tx);
          return true;
        });
        if (deleted) return { credentialId, deleted: true as const };
        if (attempt >= WRITE_ATTEMPTS) throw new ServerError('conflict', `the secret of credential ${credentialId} was changed by another request at the same moment: try again`);
      }
    });
  }

  private async current(credentialId: string): Promise<SecretRow | undefined> {
    const [row] = await this.deps.db.select().from(vaultSecrets).where(eq(vaultSecrets.credentialId, credentialId)).limit(1);
    return row;
  }

  /** The credential's client in the synced metadata; undefined when no machine has synced it yet. */
  private async listedClientOf(credentialId: string): Promise<string | null | undefined> {
    const [row] = await this.deps.db.select({ clientId: credentials.clientId }).from(credentials).where(and(eq(credentials.id, credentialId), eq(credentials.deleted, false))).limit(1);
    return row?.clientId;
  }

  private notStored(credentialId: string): ServerError {
    return new ServerError('not_found', `no secret is stored on the server for credential ${credentialId}: store it from a machine that holds it (msp cred add)`);
  }

  private async authorize(caller: Caller, credentialId: string, clientId: string | null, access: Access, action: AuditAction, version: number | null, given: string | undefined): Promise<void> {
    const decision = await this.deps.grants.decide(caller, credentialId, clientId, access);
    if (decision.allowed) return;
    throw await this.refuse('denied', caller, credentialId, action, version, given,
      new ServerError('forbidden', `${caller.userName} may not ${verbOf[action]} the secret of credential ${credentialId}: ${decision.why} (an admin grants it: POST /v1/admin/credential-permissions)`));
  }

  /** Writes the audit row of a refusal or failure; the caller throws what this returns. */
  private async refuse(outcome: 'denied' | 'error', caller: Caller, credentialId: string, action: AuditAction, version: number | null, given: string | undefined, error: unknown): Promise<Audited> {
    await this.deps.audit.record(caller, { credentialId, action, outcome, version, reason: reasonWith(auditedMessage(error), given) });
    return new Audited(error);
  }

  /** Runs one vault operation; a failure not yet audited gets its 'error' row before it is passed on. */
  private async audited<T>(credentialId: string, action: AuditAction, given: string | undefined, caller: Caller, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof Audited) throw error.original;
      // A failure to write this row must not hide the failure it describes.
      await this.deps.audit.record(caller, { credentialId, action, outcome: 'error', version: null, reason: reasonWith(auditedMessage(error), given) }).catch(() => undefined);
      throw error;
    }
  }
}
