/**
 * The vault's server-only tables. Like the auth tables they never exist on a technician machine
 * and never enter the sync change log: secret values travel through the vault routes only.
 * - vault_secrets: the current version of each credential's secret, envelope-encrypted
 *   (envelope.ts). Older versions are not kept: a rotated password is dead, and keeping its
 *   ciphertext would only widen what a stolen database plus a stolen KEK reveal.
 * - vault_audit: every attempt to store, reveal, delete or re-wrap a secret, denied ones
 *   included. Append-only: nothing in the server updates or deletes its rows.
 */
import { bigint, char, customType, index, int, mysqlTable, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';

/** Raw bytes (mysql2 hands back a Buffer); drizzle's varbinary would turn them into a string. */
const bytes = customType<{ data: Buffer; driverData: Buffer; config: { sqlType: string } }>({
  dataType: (config) => config?.sqlType ?? 'mediumblob',
});

export const vaultSecrets = mysqlTable('vault_secrets', {
  credentialId: char('credential_id', { length: 36 }).primaryKey(),
  /** The client the secret was stored for: permissions are granted on it; bound into the AAD. */
  clientId: char('client_id', { length: 36 }),
  version: int('version').notNull(),
  /** Which key-encryption key wraps the data key (bound into the wrap's AAD). */
  kekId: varchar('kek_id', { length: 64 }).notNull(),
  wrappedKey: bytes('wrapped_key', { sqlType: 'binary(32)' }).notNull(),
  wrapNonce: bytes('wrap_nonce', { sqlType: 'binary(12)' }).notNull(),
  wrapTag: bytes('wrap_tag', { sqlType: 'binary(16)' }).notNull(),
  nonce: bytes('nonce', { sqlType: 'binary(12)' }).notNull(),
  ciphertext: bytes('ciphertext', { sqlType: 'mediumblob' }).notNull(),
  tag: bytes('tag', { sqlType: 'binary(16)' }).notNull(),
  storedBy: varchar('stored_by', { length: 64 }).notNull(),
  storedAt: bigint('stored_at', { mode: 'number' }).notNull(),
  /** Last change of the row: a store, or a re-wrap under a newer KEK. */
  updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
}, (t) => [index('vault_secrets_kek_id_idx').on(t.kekId)]);

export const vaultAudit = mysqlTable('vault_audit', {
  id: char('id', { length: 36 }).primaryKey(),
  credentialId: char('credential_id', { length: 36 }).notNull(),
  /** store | reveal | delete | rewrap */
  action: varchar('action', { length: 8 }).notNull(),
  /** success | denied | error */
  outcome: varchar('outcome', { length: 8 }).notNull(),
  userName: varchar('user_name', { length: 64 }),
  machineId: char('machine_id', { length: 36 }),
  ip: varchar('ip', { length: 45 }),
  version: int('version'),
  reason: varchar('reason', { length: 1000 }),
  at: bigint('at', { mode: 'number' }).notNull(),
  /** Append order: several rows share a millisecond, and UUIDv7s within one are not ordered. */
  seq: bigint('seq', { mode: 'number' }).autoincrement().notNull(),
}, (t) => [
  uniqueIndex('vault_audit_seq_uq').on(t.seq),
  index('vault_audit_credential_at_idx').on(t.credentialId, t.at),
  index('vault_audit_user_at_idx').on(t.userName, t.at),
]);
