/** GET /v1/openapi.json: the API description, built once from every registered route. */
import { z } from 'zod';
import { openApiDocument } from '../http/openapi.js';
import { defineRoute, type RouteSpec } from '../http/route.js';

export function openApiRoute(routes: () => readonly RouteSpec[], version: string): RouteSpec {
  let document: Record<string, unknown> | undefined;
  return defineRoute({
    method: 'GET', url: '/v1/openapi.json', scope: 'public', anyProtocol: true,
    summary: 'This description (OpenAPI 3.1), generated from the shared zod schemas',
    reply: z.record(z.string(), z.unknown()),
    handler: () => Promise.resolve(document ??= openApiDocument(routes(), version)),
  });
}
