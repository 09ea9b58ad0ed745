/**
 * Who may use which credentials: rows of the shared credential_permissions table, written only
 * by the admin routes (sync refuses pushes of it). A grant names a user (grantee = user name) and
 * either a whole client (credential_id null) or one credential; can_read lets them reveal,
 * can_write store and delete. Expired and revoked (deleted) grants count for nothing. Admins may
 * do everything without a grant.
 */
import { and, asc, eq, gt, isNull, or } from 'drizzle-orm';
import type { GrantRequest, GrantView } from '../../src-shared/vault-api.js';
import { newId, type Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { credentialPermissions } from '../db/schema.generated.js';
import { users } from '../db/server-tables.js';
import { ServerError } from '../errors.js';

export type Access = 'read' | 'write';

export type Decision = { allowed: true; via: string } | { allowed: false; why: string };

/** Server-written rows carry the server as their origin, as the request log's rows do. */
const ORIGIN = 'msp-server';
const hlcAt = (at: number) => `${String(at).padStart(13, '0')}-00000-${ORIGIN}`;

type GrantRow = typeof credentialPermissions.$inferSelect;

function viewOf(row: GrantRow): GrantView {
  return {
    id: row.id, grantee: row.grantee, clientId: row.clientId, credentialId: row.credentialId, canRead: row.canRead, canWrite: row.canWrite,
    grantedBy: row.grantedBy, reason: row.reason, expiresAt: row.expiresAt, createdAt: row.createdAt,
  };
}

export class CredentialGrants {
  constructor(private readonly db: Db, private readonly clock: Clock) {}

  /** May `userId` (named `userName`) read or write the secret of this credential of this client? */
  async decide(user: { userId: string; userName: string }, credentialId: string, clientId: string | null, access: Access): Promise<Decision> {
    const [account] = await this.db.select({ isAdmin: users.isAdmin, disabled: users.disabled }).from(users).where(eq(users.id, user.userId)).limit(1);
    if (account === undefined || account.disabled) return { allowed: false, why: `user ${user.userName} is unknown or disabled` };
    if (account.isAdmin) return { allowed: true, via: 'admin' };
    const scope = clientId === null
      ? eq(credentialPermissions.credentialId, credentialId)
      : or(eq(credentialPermissions.credentialId, credentialId), and(isNull(credentialPermissions.credentialId), eq(credentialPermissions.clientId, clientId)));
    const [grant] = await this.db.select({ id: credentialPermissions.id }).from(credentialPermissions).where(and(
      eq(credentialPermissions.grantee, user.userName),
      eq(credentialPermissions.deleted, false),
      eq(access === 'read' ? credentialPermissions.canRead : credentialPermissions.canWrite, true),
      or(isNull(credentialPermissions.expiresAt), gt(credentialPermissions.expiresAt, this.clock.now())),
      scope,
    )).limit(1);
    if (grant !== undefined) return { allowed: true, via: `grant ${grant.id}` };
    const on = clientId === null ? `credential ${credentialId}` : `client ${clientId} or credential ${credentialId}`;
    return { allowed: false, why: `${user.userName} has no current ${access} grant on ${on}` };
  }

  async grant(request: GrantRequest, grantedBy: string): Promise<GrantView> {
    const [grantee] = await this.db.select({ id: users.id }).from(users).where(eq(users.name, request.grantee)).limit(1);
    if (grantee === undefined) throw new ServerError('not_found', `no user named ${request.grantee} (see GET /v1/admin/users)`, 'grantee');
    const at = this.clock.now();
    const row: GrantRow = {
      id: newId(this.clock), grantee: request.grantee, clientId: request.clientId ?? null, credentialId: request.credentialId ?? null,
      canRead: request.canRead, canWrite: request.canWrite, grantedBy, reason: request.reason ?? null, expiresAt: request.expiresAt ?? null,
      createdAt: at, updatedAt: at, originId: ORIGIN, hlc: hlcAt(at), deleted: false,
    };
    await this.db.insert(credentialPermissions).values(row);
    return viewOf(row);
  }

  /** Grants in force or expired, revoked ones left out; by grantee, oldest first. */
  async list(): Promise<GrantView[]> {
    const rows = await this.db.select().from(credentialPermissions).where(eq(credentialPermissions.deleted, false))
      .orderBy(asc(credentialPermissions.grantee), asc(credentialPermissions.createdAt));
    return rows.map(viewOf);
  }

  /** Ends a grant. The row stays (marked deleted) so who was granted what, and when, is not lost. */
  async revoke(id: string): Promise<GrantView> {
    const [row] = await this.db.select().from(credentialPermissions).where(and(eq(credentialPermissions.id, id), eq(credentialPermissions.deleted, false))).limit(1);
    if (row === undefined) throw new ServerError('not_found', `no grant ${id} in force (see GET /v1/admin/credential-permissions)`, 'id');
    const at = this.clock.now();
    await this.db.update(credentialPermissions).set({ deleted: true, updatedAt: at, hlc: hlcAt(at) }).where(eq(credentialPermissions.id, id));
    return viewOf(row);
  }
}
