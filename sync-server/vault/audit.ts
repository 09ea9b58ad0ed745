/**
 * The vault's own audit trail ("who saw what"): one row per attempt to store, reveal, delete or
 * re-wrap a secret, denied and failed ones included. Rows are written before a reveal answers
 * (no row, no secret) and in the same transaction as the change they describe; nothing updates
 * or deletes them.
 */
import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { VaultAuditEntry } from '../../src-shared/vault-api.js';
import { newId, type Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { credentialAuditLog } from '../db/schema.generated.js';
import { vaultAudit } from './tables.js';

/** The database, or a transaction on it. */
export type Executor = Pick<Db, 'insert' | 'select' | 'update' | 'delete'>;

export type AuditAction = VaultAuditEntry['action'];
export type AuditOutcome = VaultAuditEntry['outcome'];

/** Who acted, as the audit names them. */
export interface Actor {
  userName: string | null;
  machineId: string | null;
  ip: string | null;
}

export interface AuditEvent {
  credentialId: string;
  action: AuditAction;
  outcome: AuditOutcome;
  version: number | null;
  reason: string | null;
}

export interface AuditQuery {
  credential?: string | undefined;
  user?: string | undefined;
  limit?: number | undefined;
}

const REASON_CHARS = 1000;
export const DEFAULT_AUDIT_LIMIT = 1000;

/** The reason a denial or failure is recorded with, and the technician's own reason after it. */
export function reasonWith(why: string, given: string | undefined): string {
  return given === undefined ? why : `${why}; reason given: ${given}`;
}

export class VaultAudit {
  constructor(private readonly db: Db, private readonly clock: Clock) {}

  rowOf(actor: Actor, event: AuditEvent): typeof vaultAudit.$inferInsert {
    return {
      id: newId(this.clock),
      credentialId: event.credentialId,
      action: event.action,
      outcome: event.outcome,
      userName: actor.userName?.slice(0, 64) ?? null,
      machineId: actor.machineId,
      ip: actor.ip?.slice(0, 45) ?? null,
      version: event.version,
      reason: event.reason?.slice(0, REASON_CHARS) ?? null,
      at: this.clock.now(),
    };
  }

  /** Appends one row, on `executor` when it belongs to a transaction. */
  async record(actor: Actor, event: AuditEvent, executor: Executor = this.db): Promise<void> {
    await executor.insert(vaultAudit).values(this.rowOf(actor, event));
  }

  async recordMany(actor: Actor, events: readonly AuditEvent[], executor: Executor = this.db): Promise<void> {
    if (events.length > 0) await executor.insert(vaultAudit).values(events.map((event) => this.rowOf(actor, event)));
  }

  /** Newest first. */
  async query(filter: AuditQuery): Promise<VaultAuditEntry[]> {
    const conditions: SQL[] = [];
    if (filter.credential !== undefined) conditions.push(eq(vaultAudit.credentialId, filter.credential));
    if (filter.user !== undefined) conditions.push(eq(vaultAudit.userName, filter.user));
    const limit = filter.limit ?? DEFAULT_AUDIT_LIMIT;
    const rows = await this.db.select().from(vaultAudit).where(and(...conditions))
      .orderBy(desc(vaultAudit.seq)).limit(limit);
    const vault: VaultAuditEntry[] = rows.map((row) => ({
      at: row.at,
      credentialId: row.credentialId,
      action: row.action as AuditAction,
      outcome: row.outcome as AuditOutcome,
      where: 'vault',
      user: row.userName,
      machineId: row.machineId,
      ip: row.ip,
      version: row.version,
      reason: row.reason,
    }));
    // What machines did with the secrets in their own keychains reaches the server as synced
    // credential_audit_log rows: who saw what includes them.
    const machineConditions: SQL[] = [];
    if (filter.credential !== undefined) machineConditions.push(eq(credentialAuditLog.credentialId, filter.credential));
    if (filter.user !== undefined) machineConditions.push(eq(credentialAuditLog.actor, filter.user));
    const local = await this.db.select().from(credentialAuditLog).where(and(...machineConditions))
      .orderBy(desc(credentialAuditLog.at)).limit(limit);
    const machines: VaultAuditEntry[] = local.map((row) => ({
      at: row.at,
      credentialId: row.credentialId,
      action: (['create', 'read', 'rotate', 'reveal'].includes(row.action) ? row.action : 'read') as AuditAction,
      outcome: (['success', 'denied', 'error'].includes(row.outcome) ? row.outcome : 'error') as AuditOutcome,
      where: 'keychain',
      user: row.actor,
      machineId: row.machineId,
      ip: row.ipAddress,
      version: row.secretVersion,
      reason: row.reason,
    }));
    return [...vault, ...machines].sort((a, b) => b.at - a.at).slice(0, limit);
  }
}
