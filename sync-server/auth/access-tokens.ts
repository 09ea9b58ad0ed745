/**
 * Access tokens: EdDSA JWTs (jose) valid for one hour, signed by the newest key of the keyring
 * and verified by any of its keys (`kid` in the header picks which), against the injected clock.
 */
import { errors, jwtVerify, SignJWT, type JWTHeaderParameters } from 'jose';
import { scopeSchema, type Scope } from '../../src-shared/sync-api.js';
import { newId, type Clock } from '../clock.js';
import { ServerError } from '../errors.js';
import type { Keyring } from '../keys.js';

export const ACCESS_TOKEN_SECONDS = 60 * 60;
const ISSUER = 'msp-server';
const AUDIENCE = 'msp-sync';

/** Who a verified access token speaks for. */
export interface Principal {
  userId: string;
  userName: string;
  machineId: string;
  familyId: string;
  scopes: Scope[];
  /** The token's jti: a UUIDv7 whose time is the issue millisecond (revocations compare with it). */
  tokenId: string;
  expiresAt: number;
}

export interface AccessTokenSubject {
  userId: string;
  userName: string;
  machineId: string;
  familyId: string;
  scopes: Scope[];
}

export class AccessTokens {
  constructor(private readonly keyring: Keyring, private readonly clock: Clock) {}

  async issue(subject: AccessTokenSubject): Promise<{ token: string; tokenId: string; expiresIn: number }> {
    const nowSeconds = Math.floor(this.clock.now() / 1000);
    const tokenId = newId(this.clock);
    const token = await new SignJWT({ name: subject.userName, mch: subject.machineId, fam: subject.familyId, scope: subject.scopes.join(' ') })
      .setProtectedHeader({ alg: 'EdDSA', kid: this.keyring.current.kid, typ: 'JWT' })
      .setSubject(subject.userId)
      .setJti(tokenId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(nowSeconds)
      .setExpirationTime(nowSeconds + ACCESS_TOKEN_SECONDS)
      .sign(this.keyring.current.privateKey);
    return { token, tokenId, expiresIn: ACCESS_TOKEN_SECONDS };
  }

  /** Signature, issuer, audience and expiry; throws ServerError('unauthorized') with the reason. */
  async verify(token: string): Promise<Principal> {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, (header: JWTHeaderParameters) => {
        const key = header.kid === undefined ? undefined : this.keyring.verifying.get(header.kid);
        if (key === undefined) throw new ServerError('unauthorized', 'the access token was signed by a key this server does not know: log in again (msp login)');
        return key;
      }, { algorithms: ['EdDSA'], issuer: ISSUER, audience: AUDIENCE, currentDate: new Date(this.clock.now()), clockTolerance: 0 }));
    } catch (error) {
      if (error instanceof ServerError) throw error;
      if (error instanceof errors.JWTExpired) throw new ServerError('unauthorized', 'the access token has expired: refresh it (POST /v1/auth/refresh)');
      throw new ServerError('unauthorized', 'the access token is not valid: log in again (msp login)');
    }
    const scopes = typeof payload.scope === 'string' ? payload.scope.split(' ').filter((scope) => scopeSchema.safeParse(scope).success) as Scope[] : [];
    const { sub, jti, exp, name, mch, fam } = payload;
    if (typeof sub !== 'string' || typeof jti !== 'string' || typeof exp !== 'number' || typeof name !== 'string' || typeof mch !== 'string' || typeof fam !== 'string') {
      throw new ServerError('unauthorized', 'the access token lacks claims this server needs: log in again (msp login)');
    }
    return { userId: sub, userName: name, machineId: mch, familyId: fam, scopes, tokenId: jti, expiresAt: exp * 1000 };
  }
}
