/** The server's services over one database, keyring and clock: what routes and commands work with. */
import { AccessTokens } from './auth/access-tokens.js';
import { Logins } from './auth/logins.js';
import { MachineRegistry } from './auth/machines.js';
import { RefreshTokens } from './auth/refresh-tokens.js';
import { Revocations } from './auth/revocations.js';
import { UserDirectory } from './auth/users.js';
import type { Clock } from './clock.js';
import type { Pool } from 'mysql2/promise';
import type { Db } from './db/connection.js';
import { DEFAULT_LIMITS, RateLimits, type LimitTable } from './http/rate-limit.js';
import type { Keyring } from './keys.js';
import { VaultAudit } from './vault/audit.js';
import { CredentialGrants } from './vault/grants.js';
import { KekRing } from './vault/kek-ring.js';
import { Vault } from './vault/secrets.js';

export interface Services {
  db: Db;
  /** The same connections without drizzle: sync's dynamic tables and row locks. */
  pool: Pool;
  clock: Clock;
  users: UserDirectory;
  machines: MachineRegistry;
  accessTokens: AccessTokens;
  refreshTokens: RefreshTokens;
  revocations: Revocations;
  logins: Logins;
  limits: RateLimits;
  /** The KEKs of the credential vault (re-read when the keys file changes). */
  keks: KekRing;
  grants: CredentialGrants;
  vaultAudit: VaultAudit;
  vault: Vault;
}

export interface ServiceOptions {
  revocationCacheMs: number;
  limits?: Partial<LimitTable>;
}

export function createServices(db: Db, pool: Pool, keyring: Keyring, clock: Clock, options: ServiceOptions): Services {
  const users = new UserDirectory(db, clock);
  const machines = new MachineRegistry(db, clock);
  const accessTokens = new AccessTokens(keyring, clock);
  const revocations = new Revocations(db, clock, options.revocationCacheMs);
  const refreshTokens = new RefreshTokens(db, clock, revocations);
  const limits = new RateLimits({ ...DEFAULT_LIMITS, ...options.limits }, clock);
  const logins = new Logins({ users, machines, accessTokens, refreshTokens, limits });
  const keks = new KekRing(keyring);
  const grants = new CredentialGrants(db, clock);
  const vaultAudit = new VaultAudit(db, clock);
  const vault = new Vault({ db, clock, keks, grants, audit: vaultAudit });
  return { db, pool, clock, users, machines, accessTokens, refreshTokens, revocations, logins, limits, keks, grants, vaultAudit, vault };
}
