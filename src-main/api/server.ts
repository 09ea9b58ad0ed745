import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import type { ErrorBody } from '../../src-shared/api.js';
import { MspError, httpStatusOf } from '../core/errors.js';
import type { ServiceContext } from '../services/context.js';
import { checkRequest } from './guard.js';
import { registerRoutes, type MachineReader } from './routes.js';

export interface ApiOptions {
  context: ServiceContext;
  machine: MachineReader;
  token: string;
  bodyLimitBytes: number;
  logLevel?: string;
  /** Called after each group commit of hook events (the agent keeps its WAL checkpoints busy then). */
  onHookBatch?: () => void;
}

function noRouteSchemas(): never {
  throw new Error('MSP Mode routes validate with the shared zod schemas (src-shared): do not declare fastify route schemas');
}

/** Fastify's own errors that are the caller's fault, as one clear line each. */
function clientErrorMessage(error: FastifyError): string | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'request body is larger than the agent accepts (agent.bodyLimitBytes)';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'send the body as application/json';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'the body is empty: send a JSON object ({} for none)';
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return 'the body is not valid JSON';
    default:
      return error.statusCode !== undefined && error.statusCode < 500 ? error.message : undefined;
  }
}

/** The local HTTP API. Errors become status + JSON in exactly this one place; 5xx never leak details. */
export function buildApi(options: ApiOptions): FastifyInstance {
  const app = Fastify({
    bodyLimit: options.bodyLimitBytes,
    // Bodies and queries are validated with the shared zod schemas, not fastify route schemas, so
    // fastify's ajv and fast-json-stringify compilers are never loaded (a third of its start-up).
    schemaController: { compilersFactory: { buildValidator: noRouteSchemas, buildSerializer: noRouteSchemas } },
    logger: { level: options.logLevel ?? 'warn', redact: ['req.headers.authorization', 'req.headers.cookie'] },
  });
  // The port is known once listening and never changes: asked of the socket once, not per request.
  let port = 0;
  const boundPort = () => {
    if (port !== 0) return port;
    const address = app.server.address();
    port = typeof address === 'object' && address !== null ? address.port : 0;
    return port;
  };

  app.addHook('onRequest', (request, _reply, done) => {
    checkRequest(request.headers, { token: options.token, port: boundPort });
    done();
  });

  app.setErrorHandler((error: FastifyError | MspError, request, reply) => {
    if (error instanceof MspError) {
      const body: ErrorBody = { error: error.message, code: error.code, ...(error.field ? { field: error.field } : {}) };
      return reply.code(httpStatusOf[error.code]).send(body);
    }
    const message = clientErrorMessage(error);
    if (message !== undefined) {
      const status = error.statusCode ?? 400;
      return reply.code(status).send({ error: message, code: status === 413 ? 'too_large' : 'bad_input' } satisfies ErrorBody);
    }
    request.log.error({ err: error, route: request.routeOptions.url }, 'request failed');
    return reply.code(500).send({ error: 'internal error in the agent (details in its log)', code: 'internal' } satisfies ErrorBody);
  });

  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ error: `no such endpoint: ${request.method} ${request.url.split('?')[0] ?? ''}`, code: 'not_found' } satisfies ErrorBody));

  registerRoutes(app, options.context, options.machine, options.onHookBatch);
  return app;
}
