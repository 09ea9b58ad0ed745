/**
 * Logging in, refreshing and logging out: a machine proves its user with the password once and
 * then lives on rotating refresh tokens. Login attempts are limited per user name and per IP,
 * and five failures in 15 minutes lock the name for the rest of that window.
 */
import type { LoginRequest, TokenPair } from '../../src-shared/sync-api.js';
import { ServerError } from '../errors.js';
import { tooManyRequests, type RateLimits } from '../http/rate-limit.js';
import type { AccessTokens } from './access-tokens.js';
import type { MachineRegistry } from './machines.js';
import { verifyPassword } from './passwords.js';
import type { RefreshGrant, RefreshTokens } from './refresh-tokens.js';
import { scopesFor } from './scopes.js';
import type { UserDirectory, UserRow } from './users.js';

export interface LoginServices {
  users: UserDirectory;
  machines: MachineRegistry;
  accessTokens: AccessTokens;
  refreshTokens: RefreshTokens;
  limits: RateLimits;
}

const WRONG_CREDENTIALS = 'wrong user name or password';

export class Logins {
  constructor(private readonly services: LoginServices) {}

  async login(request: LoginRequest, ip: string): Promise<TokenPair> {
    const { users, machines, refreshTokens, limits } = this.services;
    const userKey = `user:${request.user.toLowerCase()}`;
    const lockedFor = limits.loginFailures.blocked(userKey);
    if (lockedFor !== undefined) throw tooManyRequests(lockedFor, `failed logins for ${request.user}`);
    const waitUser = limits.loginAttempts.hit(userKey);
    const waitIp = limits.loginAttempts.hit(`ip:${ip}`);
    if (waitUser !== undefined || waitIp !== undefined) throw tooManyRequests(Math.max(waitUser ?? 0, waitIp ?? 0), 'login attempts');
    const user = await users.findByName(request.user);
    const passwordMatches = await verifyPassword(user?.passwordHash, request.password);
    if (!user || !passwordMatches) {
      limits.loginFailures.hit(userKey);
      throw new ServerError('unauthorized', WRONG_CREDENTIALS);
    }
    if (user.disabled) throw new ServerError('forbidden', `user ${user.name} is disabled: ask an admin of the sync server`);
    limits.loginFailures.reset(userKey);
    const machineId = await machines.register(user.id, request.machine);
    return this.pairFor(user, await refreshTokens.start(user.id, machineId));
  }

  async refresh(refreshToken: string): Promise<TokenPair> {
    const grant = await this.services.refreshTokens.rotate(refreshToken);
    const user = await this.services.users.findById(grant.userId);
    if (!user) throw new ServerError('unauthorized', 'the user of this login no longer exists');
    if (user.disabled) throw new ServerError('forbidden', `user ${user.name} is disabled: ask an admin of the sync server`);
    return this.pairFor(user, grant);
  }

  logout(refreshToken: string, actor: string | null): Promise<void> {
    return this.services.refreshTokens.revokeFamilyOf(refreshToken, actor);
  }

  private async pairFor(user: UserRow, grant: RefreshGrant): Promise<TokenPair> {
    const scopes = scopesFor(user);
    const access = await this.services.accessTokens.issue({ userId: user.id, userName: user.name, machineId: grant.machineId, familyId: grant.familyId, scopes });
    return { accessToken: access.token, refreshToken: grant.token, expiresIn: access.expiresIn, machineId: grant.machineId, scopes };
  }
}
