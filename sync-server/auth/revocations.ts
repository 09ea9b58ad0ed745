/**
 * The revocation list. A `token` revocation ends one access token (its jti); `family`, `machine`
 * and `user` revocations end every access token of that subject issued at or before the
 * revocation, and every refresh token of it. Access tokens are checked on every request; the
 * answer for one token is reused for at most `cacheMs` (default 2 s), which is how long a
 * revocation made on another server instance can take to bite here.
 */
import { and, eq, inArray, isNull, max, or } from 'drizzle-orm';
import type { RevocationKind } from '../../src-shared/sync-api.js';
import { newId, uuidv7Time, type Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { refreshTokens, revocations, users } from '../db/server-tables.js';
import { ServerError } from '../errors.js';
import type { Principal } from './access-tokens.js';

interface Verdict {
  refusal: string | undefined;
  checkedAt: number;
}

export class Revocations {
  private readonly cache = new Map<string, Verdict>();

  constructor(private readonly db: Db, private readonly clock: Clock, private readonly cacheMs: number) {}

  /** Records a revocation and ends the refresh tokens it covers; returns how many families it ended. */
  async revoke(kind: RevocationKind, subject: string, reason: string, actor: string | null): Promise<{ at: number; refreshFamiliesRevoked: number }> {
    const at = this.clock.now();
    const families = await this.db.transaction(async (tx) => {
      await tx.insert(revocations).values({ id: newId(this.clock), kind, subject, at, reason, actor });
      if (kind === 'token') return 0;
      const column = kind === 'family' ? refreshTokens.familyId : kind === 'machine' ? refreshTokens.machineId : refreshTokens.userId;
      const live = await tx.selectDistinct({ familyId: refreshTokens.familyId }).from(refreshTokens).where(and(eq(column, subject), isNull(refreshTokens.revokedAt)));
      if (live.length === 0) return 0;
      await tx.update(refreshTokens).set({ revokedAt: at }).where(and(inArray(refreshTokens.familyId, live.map((row) => row.familyId)), isNull(refreshTokens.revokedAt)));
      return live.length;
    });
    // This instance honours its own revocations at once; others within cacheMs.
    this.cache.clear();
    return { at, refreshFamiliesRevoked: families };
  }

  /** Throws ServerError('unauthorized') when the token was revoked or its user is disabled or gone. */
  async check(principal: Principal): Promise<void> {
    const now = this.clock.now();
    let verdict = this.cache.get(principal.tokenId);
    if (verdict === undefined || now - verdict.checkedAt >= this.cacheMs || now < verdict.checkedAt) {
      verdict = { refusal: await this.findRefusal(principal), checkedAt: now };
      this.remember(principal.tokenId, verdict, now);
    }
    if (verdict.refusal !== undefined) throw new ServerError('unauthorized', verdict.refusal);
  }

  private remember(tokenId: string, verdict: Verdict, now: number): void {
    if (this.cacheMs === 0) return;
    if (this.cache.size >= 50_000) {
      for (const [id, old] of this.cache) if (now - old.checkedAt >= this.cacheMs) this.cache.delete(id);
      if (this.cache.size >= 50_000) this.cache.clear();
    }
    this.cache.set(tokenId, verdict);
  }

  private async findRefusal(principal: Principal): Promise<string | undefined> {
    const [user] = await this.db.select({ disabled: users.disabled }).from(users).where(eq(users.id, principal.userId)).limit(1);
    if (!user) return 'the user of this token no longer exists: log in again';
    if (user.disabled) return 'this user is disabled: ask an admin of the sync server';
    const issuedAt = uuidv7Time(principal.tokenId);
    const rows = await this.db
      .select({ kind: revocations.kind, at: max(revocations.at) })
      .from(revocations)
      .where(or(
        and(eq(revocations.kind, 'token'), eq(revocations.subject, principal.tokenId)),
        and(eq(revocations.kind, 'family'), eq(revocations.subject, principal.familyId)),
        and(eq(revocations.kind, 'machine'), eq(revocations.subject, principal.machineId)),
        and(eq(revocations.kind, 'user'), eq(revocations.subject, principal.userId)),
      ))
      .groupBy(revocations.kind);
    for (const row of rows) {
      if (row.kind === 'token') return 'this access token was revoked: log in again (msp login)';
      if (row.at !== null && row.at >= issuedAt) {
        if (row.kind === 'machine') return 'this machine was revoked by an admin of the sync server: log in again (msp login) if it should sync';
        if (row.kind === 'user') return 'the tokens of this user were revoked by an admin: log in again (msp login)';
        return 'this login was ended (logout or reuse of a spent refresh token): log in again (msp login)';
      }
    }
    return undefined;
  }
}
