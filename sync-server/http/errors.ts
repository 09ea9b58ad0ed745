/** The one place where errors become an HTTP status and a JSON body. 5xx never leak details. */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ServerErrorBody } from '../../src-shared/sync-api.js';
import { httpStatusOf, ServerError } from '../errors.js';

/** Fastify's own errors that are the caller's fault, as one clear line each. */
function fastifyClientError(error: FastifyError): ServerError | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ServerError('too_large', 'the request body is larger than this server accepts (MSP_SERVER_BODY_LIMIT)');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ServerError('bad_input', 'send the body as application/json');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new ServerError('bad_input', 'the body is empty: send a JSON object');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new ServerError('bad_input', 'the body is not valid JSON');
    default:
      if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
        return new ServerError(error.statusCode === 413 ? 'too_large' : 'bad_input', error.message);
      }
      return undefined;
  }
}

export function sendError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const known = error instanceof ServerError ? error : fastifyClientError(error as FastifyError);
  if (known === undefined || known.code === 'internal') {
    request.log.error({ err: error, route: request.routeOptions.url }, 'request failed');
    return reply.code(500).send({ error: 'internal error in the sync server (details in its log)', code: 'internal' } satisfies ServerErrorBody);
  }
  if (known.retryAfterSeconds !== undefined) void reply.header('retry-after', String(known.retryAfterSeconds));
  const body: ServerErrorBody = { error: known.message, code: known.code, ...(known.field !== undefined ? { field: known.field } : {}) };
  return reply.code(httpStatusOf[known.code]).send(body);
}
