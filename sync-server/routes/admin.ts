/** What an admin does over the API: revoke tokens, machines and users; list users and machines. */
import { machinesResponse, revokeRequest, revokeResponse, usersResponse } from '../../src-shared/sync-api.js';
import { defineRoute, type RouteSpec } from '../http/route.js';
import type { Services } from '../services.js';

export function adminRoutes(services: Services): RouteSpec[] {
  return [
    defineRoute({
      method: 'POST', url: '/v1/admin/revoke', scope: 'msp:admin',
      summary: 'Revoke one access token (jti), a login (family), a machine or a user; takes effect within seconds on every instance',
      body: revokeRequest, reply: revokeResponse,
      handler: async ({ body, principal }) => {
        const done = await services.revocations.revoke(body.kind, body.subject, body.reason, principal.userName);
        return { kind: body.kind, subject: body.subject, ...done };
      },
    }),
    defineRoute({
      method: 'GET', url: '/v1/admin/users', scope: 'msp:admin',
      summary: 'Every user, admin and disabled flags included (never a password hash)',
      reply: usersResponse,
      handler: async () => ({ users: await services.users.list() }),
    }),
    defineRoute({
      method: 'GET', url: '/v1/admin/machines', scope: 'msp:admin',
      summary: 'Every machine each user has logged in from, and whether it is revoked',
      reply: machinesResponse,
      handler: async () => ({ machines: await services.machines.list() }),
    }),
  ];
}
