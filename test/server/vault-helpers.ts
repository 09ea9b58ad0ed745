// Shared by the vault tests: calls of the vault routes and users with tokens.
import { randomUUID } from 'node:crypto';
import type { GrantRequest, GrantView } from '../../src-shared/vault-api.js';
import { call, fingerprintOf, login, PASSWORD, type InProcessServer, type Reply } from './helpers.js';

export const CLIENT_A = '0195a3a0-0000-7000-8000-0000000000aa';
export const CLIENT_B = '0195a3a0-0000-7000-8000-0000000000bb';

export const newCredentialId = () => randomUUID();

export interface VaultClient {
  store(token: string, credentialId: string, body: { clientId: string | null; secret: string; reason?: string }): Promise<Reply>;
  reveal(token: string, credentialId: string, reason?: string): Promise<Reply>;
  remove(token: string, credentialId: string, reason?: string): Promise<Reply>;
  grant(adminToken: string, body: Partial<GrantRequest> & { grantee: string }): Promise<GrantView>;
}

export function vaultClient(base: string): VaultClient {
  return {
    store: (token, credentialId, body) => call(base, 'PUT', `/v1/vault/secrets/${credentialId}`, { token, body }),
    reveal: (token, credentialId, reason) => call(base, 'POST', `/v1/vault/secrets/${credentialId}/reveal`, { token, body: reason === undefined ? {} : { reason } }),
    remove: (token, credentialId, reason) => call(base, 'DELETE', `/v1/vault/secrets/${credentialId}`, { token, body: reason === undefined ? {} : { reason } }),
    grant: async (adminToken, body) => {
      const reply = await call<GrantView>(base, 'POST', '/v1/admin/credential-permissions', { token: adminToken, body });
      if (reply.status !== 201) throw new Error(`grant failed: ${reply.status} ${JSON.stringify(reply.body)}`);
      return reply.body;
    },
  };
}

/** Adds the users and logs each in from its own machine; returns their access tokens by name. */
export async function usersWithTokens(server: InProcessServer, names: readonly string[], admins: readonly string[] = []): Promise<Record<string, string>> {
  const tokens: Record<string, string> = {};
  for (const [index, name] of names.entries()) {
    await server.services.users.add(name, PASSWORD, admins.includes(name));
    tokens[name] = (await login(server.base, name, { fingerprint: fingerprintOf(index.toString(16)) })).accessToken;
  }
  return tokens;
}
