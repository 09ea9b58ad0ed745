/**
 * Tables only the sync server has: who may log in, where, with which refresh tokens, and what
 * was revoked. They are not in the shared column list (src-shared/schema) because they never
 * exist on a technician machine and must never be written through sync.
 * Times are integer milliseconds since the epoch, as everywhere else.
 */
import { bigint, boolean, char, index, mysqlTable, primaryKey, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';

/** A technician (or admin) who may log in; the password is kept as an argon2id PHC string only. */
export const users = mysqlTable('users', {
  id: char('id', { length: 36 }).primaryKey(),
  name: varchar('name', { length: 64 }).notNull(),
  passwordHash: varchar('password_hash', { length: 255 }).notNull(),
  isAdmin: boolean('is_admin').notNull().default(false),
  disabled: boolean('disabled').notNull().default(false),
  createdAt: bigint('created_at', { mode: 'number' }).notNull(),
}, (t) => [uniqueIndex('users_name_uq').on(t.name)]);

/**
 * A machine a user has logged in from. machine_id is the same id the agent gives its own
 * machines row (UUIDv5 of the fingerprint), so sync can join on it; one row per user of it.
 */
export const registeredMachines = mysqlTable('registered_machines', {
  machineId: char('machine_id', { length: 36 }).notNull(),
  userId: char('user_id', { length: 36 }).notNull(),
  fingerprint: char('fingerprint', { length: 64 }).notNull(),
  hostname: varchar('hostname', { length: 255 }).notNull(),
  platform: varchar('platform', { length: 32 }).notNull(),
  firstSeenAt: bigint('first_seen_at', { mode: 'number' }).notNull(),
  lastSeenAt: bigint('last_seen_at', { mode: 'number' }).notNull(),
}, (t) => [primaryKey({ columns: [t.machineId, t.userId] }), index('registered_machines_user_idx').on(t.userId)]);

/**
 * One refresh token of a login's family. Only the SHA-256 of the opaque token is stored; a token
 * is used once (used_at) and replaced by the next of its family; revoked_at ends the family.
 */
export const refreshTokens = mysqlTable('refresh_tokens', {
  id: char('id', { length: 36 }).primaryKey(),
  familyId: char('family_id', { length: 36 }).notNull(),
  tokenHash: char('token_hash', { length: 64 }).notNull(),
  userId: char('user_id', { length: 36 }).notNull(),
  machineId: char('machine_id', { length: 36 }).notNull(),
  createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  expiresAt: bigint('expires_at', { mode: 'number' }).notNull(),
  usedAt: bigint('used_at', { mode: 'number' }),
  revokedAt: bigint('revoked_at', { mode: 'number' }),
}, (t) => [
  uniqueIndex('refresh_tokens_token_hash_uq').on(t.tokenHash),
  index('refresh_tokens_family_idx').on(t.familyId),
  index('refresh_tokens_user_idx').on(t.userId),
  index('refresh_tokens_machine_idx').on(t.machineId),
]);

/**
 * Append-only list of revocations. A token-kind row names one access token (jti); family,
 * machine and user rows end every access token of that subject issued at or before `at`.
 */
export const revocations = mysqlTable('revocations', {
  id: char('id', { length: 36 }).primaryKey(),
  kind: varchar('kind', { length: 16 }).notNull(),
  subject: char('subject', { length: 36 }).notNull(),
  at: bigint('at', { mode: 'number' }).notNull(),
  reason: varchar('reason', { length: 500 }).notNull(),
  actor: varchar('actor', { length: 255 }),
}, (t) => [index('revocations_subject_idx').on(t.subject, t.kind)]);
