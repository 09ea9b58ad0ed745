/**
 * Refresh tokens: 256 random bits shown once, kept only as their SHA-256. Each login starts a
 * family; every refresh spends the presented token and issues the next one of the family
 * (sliding 30 days). Presenting a spent token means a copy is in someone else's hands: the whole
 * family is revoked, recorded in the revocation list, and the caller told so.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { newId, type Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { refreshTokens } from '../db/server-tables.js';
import { ServerError } from '../errors.js';
import type { Revocations } from './revocations.js';

export const REFRESH_TOKEN_DAYS = 30;
const REFRESH_TOKEN_MS = REFRESH_TOKEN_DAYS * 24 * 60 * 60 * 1000;

export interface RefreshGrant {
  token: string;
  familyId: string;
  userId: string;
  machineId: string;
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

export class RefreshTokens {
  constructor(private readonly db: Db, private readonly clock: Clock, private readonly revocations: Revocations) {}

  /** A new family for a fresh login. */
  async start(userId: string, machineId: string): Promise<RefreshGrant> {
    const familyId = newId(this.clock);
    const token = await this.insert(this.db, familyId, userId, machineId);
    return { token, familyId, userId, machineId };
  }

  private async insert(db: Pick<Db, 'insert'>, familyId: string, userId: string, machineId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    await db.insert(refreshTokens).values({ id: newId(this.clock), familyId, tokenHash: hashOf(token), userId, machineId, createdAt: now, expiresAt: now + REFRESH_TOKEN_MS });
    return token;
  }

  /** Spends `token` and returns the next one of its family. Reuse revokes the family (and says so). */
  async rotate(token: string): Promise<RefreshGrant> {
    const now = this.clock.now();
    const [row] = await this.db.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, hashOf(token))).limit(1);
    if (!row) throw new ServerError('unauthorized', 'unknown refresh token: log in again (msp login)');
    if (row.revokedAt !== null) throw new ServerError('unauthorized', 'this login was revoked (logout, admin revocation or reuse of a spent refresh token): log in again (msp login)');
    if (row.usedAt !== null) return this.reuseDetected(row.familyId);
    if (row.expiresAt <= now) throw new ServerError('unauthorized', `the refresh token expired (unused for ${REFRESH_TOKEN_DAYS} days): log in again (msp login)`);
    const next = await this.db.transaction(async (tx) => {
      // Spending is a compare-and-set: of two servers racing on one token, exactly one wins.
      const [spent] = await tx.update(refreshTokens).set({ usedAt: now }).where(and(eq(refreshTokens.id, row.id), isNull(refreshTokens.usedAt), isNull(refreshTokens.revokedAt)));
      if (spent.affectedRows !== 1) return undefined;
      return this.insert(tx, row.familyId, row.userId, row.machineId);
    });
    if (next === undefined) return this.reuseDetected(row.familyId);
    return { token: next, familyId: row.familyId, userId: row.userId, machineId: row.machineId };
  }

  private async reuseDetected(familyId: string): Promise<never> {
    await this.revocations.revoke('family', familyId, 'reuse of a spent refresh token', null);
    throw new ServerError('unauthorized', 'this refresh token was already used, so a copy of it may be in other hands: every token of this login is now revoked; log in again (msp login)');
  }

  /** Logout: ends the family of `token`. Unknown tokens are refused so a typo is not a silent success. */
  async revokeFamilyOf(token: string, actor: string | null): Promise<void> {
    const [row] = await this.db.select({ familyId: refreshTokens.familyId }).from(refreshTokens).where(eq(refreshTokens.tokenHash, hashOf(token))).limit(1);
    if (!row) throw new ServerError('unauthorized', 'unknown refresh token: nothing to log out');
    await this.revocations.revoke('family', row.familyId, 'logout', actor);
  }
}
