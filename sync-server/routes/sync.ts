/** Push, pull and verify: how agents converge with the server (see src-shared/sync-protocol.ts). */
import { pullRequest, pullResponse, pushRequest, pushResponse, verifyResponse, verifyRowsRequest, verifyRowsResponse } from '../../src-shared/sync-protocol.js';
import { defineRoute, type RouteSpec } from '../http/route.js';
import type { Services } from '../services.js';
import { SyncService } from '../sync/service.js';
import { verifyRows } from '../sync/verify-rows.js';

export function syncRoutes(services: Services): RouteSpec[] {
  const sync = new SyncService(services.pool, services.clock);
  return [
    defineRoute({
      method: 'POST', url: '/v1/sync/push', scope: 'msp:write',
      summary: "Push a batch of this installation's changes in counter order; repeats are acknowledged, not applied twice; bad changes are quarantined",
      body: pushRequest, reply: pushResponse,
      handler: ({ body, principal }) => sync.push(body, { userId: principal.userId, machineId: principal.machineId }),
    }),
    defineRoute({
      method: 'POST', url: '/v1/sync/pull', scope: 'msp:read',
      summary: 'The changes above a version vector (origin -> highest counter held), a page at a time, in arrival order',
      body: pullRequest, reply: pullResponse,
      handler: ({ body }) => sync.pull(body),
    }),
    defineRoute({
      method: 'GET', url: '/v1/sync/verify', scope: 'msp:read',
      summary: 'Per synced table: row count and an order-independent digest, to prove a machine holds the same data',
      reply: verifyResponse,
      handler: () => sync.verify(),
    }),
    defineRoute({
      method: 'POST', url: '/v1/sync/verify/rows', scope: 'msp:read',
      summary: "One table's row digests in id order, paged: names the rows that differ when verify finds a difference",
      body: verifyRowsRequest, reply: verifyRowsResponse,
      handler: ({ body }) => verifyRows(services.pool, body),
    }),
  ];
}
