// The credential vault's endpoints on the sync server: the only way a secret value travels between
// machines (never through the sync change log). Shared by the server, the agent and the CLI.
import { z } from 'zod';

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'must be a UUID');
const reason = z.string().trim().min(1, 'reason must not be empty').max(1000, 'reason is longer than 1000 characters');

export const SECRET_MAX_CHARS = 65_536;

/** PUT /v1/vault/secrets/:credentialId — store a new version of a credential's secret. */
export const storeSecretRequest = z
  .object({
    /** The credential's client (null: the MSP's own), which permissions are granted on. */
    clientId: uuid.nullable(),
    secret: z.string().min(1, 'secret must not be empty').max(SECRET_MAX_CHARS, `secret is longer than ${SECRET_MAX_CHARS} characters`),
    reason: reason.optional(),
  })
  .strict();
export type StoreSecretRequest = z.infer<typeof storeSecretRequest>;
export const storeSecretResponse = z.object({ credentialId: z.string(), version: z.number().int(), storedAt: z.number().int() });
export type StoreSecretResponse = z.infer<typeof storeSecretResponse>;

/** POST /v1/vault/secrets/:credentialId/reveal — the secret, audited (reason recorded). */
export const revealSecretRequest = z.object({ reason: reason.optional() }).strict();
export type RevealSecretRequest = z.infer<typeof revealSecretRequest>;
export const revealSecretResponse = z.object({ credentialId: z.string(), version: z.number().int(), secret: z.string() });
export type RevealSecretResponse = z.infer<typeof revealSecretResponse>;

/** DELETE /v1/vault/secrets/:credentialId */
export const deleteSecretRequest = z.object({ reason: reason.optional() }).strict();
export type DeleteSecretRequest = z.infer<typeof deleteSecretRequest>;
export const deleteSecretResponse = z.object({ credentialId: z.string(), deleted: z.literal(true) });

export const credentialIdParams = z.object({ credentialId: uuid }).strict();

/** POST /v1/admin/credential-permissions — a user's right to a client's credentials, or to one credential. */
export const grantRequest = z
  .object({
    grantee: z.string().min(1).max(64),
    clientId: uuid.optional(),
    credentialId: uuid.optional(),
    canRead: z.boolean().default(true),
    canWrite: z.boolean().default(false),
    reason: reason.optional(),
    expiresAt: z.number().int().optional(),
  })
  .strict()
  .refine((body) => body.clientId !== undefined || body.credentialId !== undefined, { message: 'name a clientId or a credentialId to grant on', path: ['clientId'] });
export type GrantRequest = z.infer<typeof grantRequest>;
export const grantView = z.object({
  id: z.string(),
  grantee: z.string(),
  clientId: z.string().nullable(),
  credentialId: z.string().nullable(),
  canRead: z.boolean(),
  canWrite: z.boolean(),
  grantedBy: z.string(),
  reason: z.string().nullable(),
  expiresAt: z.number().int().nullable(),
  createdAt: z.number().int(),
});
export type GrantView = z.infer<typeof grantView>;
export const grantsResponse = z.object({ grants: z.array(grantView) });

/** DELETE /v1/admin/credential-permissions — end a grant (its row is kept, marked revoked). */
export const revokeGrantRequest = z.object({ id: uuid }).strict();
export const revokeGrantResponse = z.object({ revoked: grantView });

/** One access to the vault, as the server recorded it (who saw what). */
export const vaultAuditEntry = z.object({
  at: z.number().int(),
  credentialId: z.string(),
  /** store/delete/rewrap: the server's vault; create/read/rotate: a machine's own keychain (synced audit rows). */
  action: z.enum(['store', 'reveal', 'delete', 'rewrap', 'create', 'read', 'rotate']),
  outcome: z.enum(['success', 'denied', 'error']),
  /** vault: recorded by the server; keychain: recorded by a machine and synced. */
  where: z.enum(['vault', 'keychain']),
  user: z.string().nullable(),
  machineId: z.string().nullable(),
  ip: z.string().nullable(),
  version: z.number().int().nullable(),
  reason: z.string().nullable(),
});
export type VaultAuditEntry = z.infer<typeof vaultAuditEntry>;
export const vaultAuditQuery = z.object({ credential: uuid.optional(), user: z.string().max(64).optional(), limit: z.coerce.number().int().min(1).max(10_000).optional() }).strict();
export const vaultAuditResponse = z.object({ entries: z.array(vaultAuditEntry) });
