import { existsSync } from 'node:fs';
import { revealSecretResponse, storeSecretResponse, type StoreSecretResponse } from '../../src-shared/vault-api.js';
import { MspError } from '../core/errors.js';
import { Connection } from './connection.js';
import { serverMessage, type ServerAnswer } from './http.js';

/**
 * The team vault on the sync server: how a secret reaches another machine (never through the
 * change log). Only when this machine is logged in; every call is audited by the server.
 */
export class TeamVault {
  private readonly connection: Connection;

  constructor(private readonly loginFile: string, now: () => number = Date.now) {
    this.connection = new Connection(loginFile, now);
  }

  get available(): boolean {
    return existsSync(this.loginFile);
  }

  async store(credentialId: string, clientId: string | null, secret: string, reason?: string): Promise<StoreSecretResponse> {
    const answer = await this.connection.callRaw('PUT', `/v1/vault/secrets/${credentialId}`, { clientId, secret, ...(reason ? { reason } : {}) });
    return storeSecretResponse.parse(expectOk(answer, 'store the secret in'));
  }

  async reveal(credentialId: string, reason?: string): Promise<{ secret: string; version: number }> {
    const answer = await this.connection.callRaw('POST', `/v1/vault/secrets/${credentialId}/reveal`, reason ? { reason } : {});
    const body = revealSecretResponse.parse(expectOk(answer, 'reveal the secret from'));
    return { secret: body.secret, version: body.version };
  }
}

function expectOk(answer: ServerAnswer, what: string): unknown {
  if (answer.status === 200 || answer.status === 201) return answer.body;
  const message = serverMessage(answer);
  if (answer.status === 404) throw new MspError('not_found', `the team vault holds no such secret: ${message}`);
  if (answer.status === 403 || answer.status === 401) throw new MspError('forbidden', `the team vault refused to ${what} it: ${message}`);
  if (answer.status === 429) throw new MspError('unavailable', `the team vault asks to slow down: retry in ${answer.retryAfterS ?? 60} s`);
  throw new MspError('unavailable', `could not ${what} the team vault: ${message}`);
}
