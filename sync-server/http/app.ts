/**
 * The HTTP server: fastify with every route taken from its declaration (route.ts). Per request,
 * in this order: protocol version, authentication and scope (before the body is read), rate
 * limit, body/query validation with the shared zod schemas, the handler, then the audit row.
 */
import Fastify, { LogController, type FastifyInstance, type FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { ServerErrorBody } from '../../src-shared/sync-api.js';
import { firstIssue } from '../../src-shared/validation.js';
import type { AccessTokens, Principal } from '../auth/access-tokens.js';
import type { Revocations } from '../auth/revocations.js';
import type { RequestLog } from '../audit/request-log.js';
import { ServerError } from '../errors.js';
import { sendError } from './errors.js';
import { checkProtocol } from './protocol.js';
import { tooManyRequests, type RateLimits } from './rate-limit.js';
import type { RouteSpec } from './route.js';

export interface AppOptions {
  routes: readonly RouteSpec[];
  accessTokens: AccessTokens;
  revocations: Revocations;
  limits: RateLimits;
  requestLog: RequestLog;
  bodyLimitBytes: number;
  logLevel: string;
  /** Addresses of reverse proxies whose X-Forwarded-For is believed (fastify trustProxy). */
  trustProxy?: string[];
  https?: { cert: Buffer; key: Buffer };
}

interface RequestState {
  startedAt: bigint;
  principal?: Principal;
  /** Who the audit row names when there is no principal (the user name a login tried). */
  actor?: string;
}

function noRouteSchemas(): never {
  throw new Error('sync server routes validate with the shared zod schemas (src-shared/sync-api.ts): do not declare fastify route schemas');
}

const routeKey = (method: string, url: string) => `${method} ${url}`;

function parse<T>(schema: z.ZodType<T>, value: unknown, root: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = firstIssue(result.error, root === 'body' ? '' : root);
    throw new ServerError('bad_input', `${issue.field}: ${issue.message}`, issue.field);
  }
  return result.data;
}

function bearerOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (typeof header !== 'string' || !header.startsWith('Bearer ')) return undefined;
  const token = header.slice(7).trim();
  return token === '' ? undefined : token;
}

export function buildApp(options: AppOptions): FastifyInstance {
  const app = Fastify({
    bodyLimit: options.bodyLimitBytes,
    trustProxy: options.trustProxy && options.trustProxy.length > 0 ? options.trustProxy : false,
    // Bodies are validated with zod; fastify's ajv and fast-json-stringify are never loaded.
    schemaController: { compilersFactory: { buildValidator: noRouteSchemas, buildSerializer: noRouteSchemas } },
    // One audit row per request in MariaDB; the log keeps warnings and errors, never a token.
    logController: new LogController({ disableRequestLogging: true }),
    logger: { level: options.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie', 'req.body.password', 'req.body.refreshToken'] },
    ...(options.https ? { https: options.https } : {}),
  });
  const states = new WeakMap<FastifyRequest, RequestState>();
  const specs = new Map(options.routes.map((spec) => [routeKey(spec.method, spec.url), spec]));
  const specOf = (request: FastifyRequest) => {
    const { method, url } = request.routeOptions;
    return typeof method === 'string' && url !== undefined ? specs.get(routeKey(method, url)) : undefined;
  };

  async function authenticate(request: FastifyRequest): Promise<Principal> {
    const token = bearerOf(request);
    try {
      if (token === undefined) throw new ServerError('unauthorized', 'this route needs an access token: send Authorization: Bearer <token> (log in with msp login)');
      const principal = await options.accessTokens.verify(token);
      await options.revocations.check(principal);
      return principal;
    } catch (error) {
      // Requests without a valid token count against their IP, so token guessing is limited too.
      const wait = options.limits.anonymous.hit(`ip:${request.ip}`);
      if (wait !== undefined) throw tooManyRequests(wait, `requests without a valid token from ${request.ip}`);
      throw error;
    }
  }

  app.addHook('onRequest', async (request) => {
    const state: RequestState = { startedAt: process.hrtime.bigint() };
    states.set(request, state);
    const spec = specOf(request);
    if (spec === undefined) return;
    if (spec.anyProtocol !== true) checkProtocol(request.headers['msp-protocol']);
    if (spec.scope === 'public') {
      const wait = options.limits.anonymous.hit(`ip:${request.ip}`);
      if (wait !== undefined) throw tooManyRequests(wait, `requests from ${request.ip}`);
      return;
    }
    const principal = await authenticate(request);
    state.principal = principal;
    if (!principal.scopes.includes(spec.scope)) {
      throw new ServerError('forbidden', `${spec.method} ${spec.url} needs the scope ${spec.scope}; this token has ${principal.scopes.join(', ') || 'none'}`);
    }
    const loginKey = `family:${principal.familyId}`;
    const wait = options.limits.perLogin.default.hit(loginKey) ?? (spec.limit === 'credentials' ? options.limits.perLogin.credentials.hit(loginKey) : undefined);
    if (wait !== undefined) throw tooManyRequests(wait, spec.limit === 'credentials' ? 'credential requests' : 'requests');
  });

  app.addHook('onResponse', (request, reply, done) => {
    const state = states.get(request);
    const spec = specOf(request);
    options.requestLog.record({
      method: request.method.slice(0, 8),
      route: spec?.url ?? '(no such route)',
      status: reply.statusCode,
      actor: state?.principal?.userName ?? state?.actor ?? null,
      machineId: state?.principal?.machineId ?? null,
      ip: request.ip.slice(0, 45),
      durationMs: state ? Number((process.hrtime.bigint() - state.startedAt) / 1_000_000n) : 0,
      requestId: request.id.slice(0, 64),
    });
    done();
  });

  app.setErrorHandler((error, request, reply) => sendError(error, request, reply));
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ error: `no such endpoint: ${request.method} ${request.url.split('?')[0] ?? ''} (see GET /v1/openapi.json)`, code: 'not_found' } satisfies ServerErrorBody));

  for (const spec of options.routes) {
    app.route({
      method: spec.method,
      url: spec.url,
      handler: async (request, reply) => {
        const state = states.get(request);
        const body = spec.body ? parse(spec.body, request.body, 'body') : undefined;
        const query = spec.query ? parse(spec.query, request.query, 'query') : undefined;
        const result = await spec.handler({
          body, query, principal: state?.principal, ip: request.ip, request, reply,
          attribute: (actor) => { if (state) state.actor = actor.slice(0, 255); },
        });
        return reply.code(spec.status ?? 200).send(result);
      },
    });
  }
  return app;
}

