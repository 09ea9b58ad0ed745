/**
 * The credential vault: storing, revealing and deleting a secret (scope msp:credentials, the
 * stricter 'credentials' rate limit, a grant per client or credential, every attempt audited),
 * and what an admin does about it: grants and the "who saw what" report.
 */
import type { FastifyRequest } from 'fastify';
import { firstIssue } from '../../src-shared/validation.js';
import {
  credentialIdParams, deleteSecretRequest, deleteSecretResponse, grantRequest, grantsResponse, grantView, revealSecretRequest, revealSecretResponse,
  revokeGrantRequest, revokeGrantResponse, storeSecretRequest, storeSecretResponse, vaultAuditQuery, vaultAuditResponse,
} from '../../src-shared/vault-api.js';
import type { Principal } from '../auth/access-tokens.js';
import { ServerError } from '../errors.js';
import { defineRoute, type RouteSpec } from '../http/route.js';
import type { Services } from '../services.js';
import type { Caller } from '../vault/secrets.js';

/** The credential id of the URL; checked before anything else, so a bad one is never audited or looked up. */
function credentialIdOf(request: FastifyRequest): string {
  const parsed = credentialIdParams.safeParse(request.params);
  if (!parsed.success) {
    const issue = firstIssue(parsed.error);
    throw new ServerError('bad_input', `${issue.field}: ${issue.message}`, issue.field);
  }
  return parsed.data.credentialId;
}

const callerOf = (principal: Principal, ip: string): Caller => ({ userId: principal.userId, userName: principal.userName, machineId: principal.machineId, ip });

export function vaultRoutes(services: Services): RouteSpec[] {
  return [
    defineRoute({
      method: 'PUT', url: '/v1/vault/secrets/:credentialId', scope: 'msp:credentials', limit: 'credentials',
      summary: "Store a new version of a credential's secret (envelope-encrypted under the newest KEK); needs a write grant on its client or on it; audited",
      body: storeSecretRequest, reply: storeSecretResponse,
      handler: ({ request, body, principal, ip }) => services.vault.store(credentialIdOf(request), body, callerOf(principal, ip)),
    }),
    defineRoute({
      method: 'POST', url: '/v1/vault/secrets/:credentialId/reveal', scope: 'msp:credentials', limit: 'credentials',
      summary: "A credential's secret; needs a read grant on its client or on it; every attempt audited with the reason given",
      body: revealSecretRequest, reply: revealSecretResponse,
      handler: ({ request, body, principal, ip }) => services.vault.reveal(credentialIdOf(request), body, callerOf(principal, ip)),
    }),
    defineRoute({
      method: 'DELETE', url: '/v1/vault/secrets/:credentialId', scope: 'msp:credentials', limit: 'credentials',
      summary: "Delete a credential's secret from the server; needs a write grant on its client or on it; audited",
      body: deleteSecretRequest, reply: deleteSecretResponse,
      handler: ({ request, body, principal, ip }) => services.vault.remove(credentialIdOf(request), body, callerOf(principal, ip)),
    }),
    defineRoute({
      method: 'POST', url: '/v1/admin/credential-permissions', scope: 'msp:admin', status: 201,
      summary: "Grant a user read (reveal) and/or write (store, delete) on a client's credentials or on one credential, optionally until a time",
      body: grantRequest, reply: grantView,
      handler: ({ body, principal }) => services.grants.grant(body, principal.userName),
    }),
    defineRoute({
      method: 'GET', url: '/v1/admin/credential-permissions', scope: 'msp:admin',
      summary: 'Every grant not revoked (expired ones included, with their expiry)',
      reply: grantsResponse,
      handler: async () => ({ grants: await services.grants.list() }),
    }),
    defineRoute({
      method: 'DELETE', url: '/v1/admin/credential-permissions', scope: 'msp:admin',
      summary: 'Revoke a grant; it stops counting at once',
      body: revokeGrantRequest, reply: revokeGrantResponse,
      handler: async ({ body }) => ({ revoked: await services.grants.revoke(body.id) }),
    }),
    defineRoute({
      method: 'GET', url: '/v1/admin/vault/audit', scope: 'msp:admin',
      summary: 'Who saw what: vault accesses (stores, reveals, deletes, re-wraps; denied and failed ones too), newest first, by credential and/or user',
      query: vaultAuditQuery, reply: vaultAuditResponse,
      handler: async ({ query }) => ({ entries: await services.vaultAudit.query(query) }),
    }),
  ];
}
