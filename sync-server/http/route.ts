/**
 * How a route is declared: method, URL, the scope it requires (or 'public'), its rate-limit
 * class, and the shared zod schemas of its body, query and reply. The app registers routes from
 * these declarations only, so every route states its scope, the OpenAPI description covers every
 * route, and the scope-matrix test finds new routes by itself.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Scope } from '../../src-shared/sync-api.js';
import type { Principal } from '../auth/access-tokens.js';
import type { LimitClass } from './rate-limit.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteContext<Body, Query, Caller> {
  body: Body;
  query: Query;
  /** The verified caller; undefined on public routes. */
  principal: Caller;
  ip: string;
  request: FastifyRequest;
  reply: FastifyReply;
  /** Names who the audit row is about when there is no token (the user name a login tried). */
  attribute: (actor: string) => void;
}

export interface RouteSpec<Body = unknown, Query = unknown, Reply = unknown, Required extends Scope | 'public' = Scope | 'public'> {
  method: HttpMethod;
  url: string;
  summary: string;
  /** The scope a token must carry; 'public' routes take no access token (login, refresh, the API description). */
  scope: Required;
  /** Which rate limit applies (default: 'default'). */
  limit?: LimitClass;
  /** True only for the API description, which a browser or curl may fetch without the protocol header. */
  anyProtocol?: boolean;
  body?: z.ZodType<Body>;
  query?: z.ZodType<Query>;
  reply: z.ZodType<Reply>;
  /** HTTP status of success (default 200). */
  status?: number;
  handler(context: RouteContext<Body, Query, Required extends 'public' ? undefined : Principal>): Promise<Reply>;
}

/** Keeps the declaration's types for its handler and erases them for the route table. */
export function defineRoute<Body, Query, Reply, Required extends Scope | 'public'>(spec: RouteSpec<Body, Query, Reply, Required>): RouteSpec {
  return spec;
}
