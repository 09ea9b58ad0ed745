/** Who the presented token speaks for: lets the agent and tests check a login. */
import { PROTOCOL_VERSION, whoamiResponse } from '../../src-shared/sync-api.js';
import { defineRoute, type RouteSpec } from '../http/route.js';

export function whoamiRoutes(): RouteSpec[] {
  return [
    defineRoute({
      method: 'GET', url: '/v1/whoami', scope: 'msp:read',
      summary: 'The user, machine and scopes of the access token',
      reply: whoamiResponse,
      handler: ({ principal }) => Promise.resolve({
        userId: principal.userId,
        user: principal.userName,
        machineId: principal.machineId,
        scopes: principal.scopes,
        tokenId: principal.tokenId,
        expiresAt: principal.expiresAt,
        protocol: PROTOCOL_VERSION,
      }),
    }),
  ];
}
