/** The OpenAPI 3.1 description of the server, generated from the route declarations and their zod schemas. */
import { z } from 'zod';
import { PROTOCOL_HEADER, PROTOCOL_VERSION, serverErrorBody } from '../../src-shared/sync-api.js';
import type { RouteSpec } from './route.js';

type JsonObject = Record<string, unknown>;

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonObject => {
  const document = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonObject;
  delete document.$schema;
  return document;
};

const errorReply = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });

function operation(spec: RouteSpec): JsonObject {
  const responses: JsonObject = {
    [String(spec.status ?? 200)]: { description: 'success', content: { 'application/json': { schema: jsonSchema(spec.reply, 'output') } } },
    400: errorReply('bad input (the field is named) or missing protocol header'),
    426: errorReply('protocol version not supported (both versions named)'),
    429: errorReply('rate limited (see Retry-After)'),
  };
  if (spec.scope !== 'public') {
    responses[401] = errorReply('missing, expired or revoked access token');
    responses[403] = errorReply(`token lacks the scope ${spec.scope}`);
  }
  const parameters: JsonObject[] = spec.anyProtocol === true ? [] : [{ name: PROTOCOL_HEADER, in: 'header', required: true, schema: { type: 'string', enum: [String(PROTOCOL_VERSION)] } }];
  for (const [, name] of spec.url.matchAll(/:([A-Za-z_]+)/g)) parameters.push({ name, in: 'path', required: true, schema: { type: 'string' } });
  if (spec.query) {
    const query = jsonSchema(spec.query, 'input') as { properties?: Record<string, unknown>; required?: string[] };
    for (const [name, schema] of Object.entries(query.properties ?? {})) parameters.push({ name, in: 'query', required: query.required?.includes(name) ?? false, schema });
  }
  return {
    summary: spec.summary,
    'x-msp-scope': spec.scope,
    'x-msp-rate-limit': spec.limit ?? 'default',
    ...(spec.scope !== 'public' ? { security: [{ bearer: [spec.scope] }] } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(spec.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(spec.body, 'input') } } } } : {}),
    responses,
  };
}

export function openApiDocument(routes: readonly RouteSpec[], version: string): JsonObject {
  const paths: Record<string, JsonObject> = {};
  for (const spec of routes) {
    const path = spec.url.replace(/:([A-Za-z_]+)/g, '{$1}');
    paths[path] = { ...paths[path], [spec.method.toLowerCase()]: operation(spec) };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'MSP Mode sync server (Jupiter)', version, description: `Protocol ${PROTOCOL_VERSION}: send the header "${PROTOCOL_HEADER}: ${PROTOCOL_VERSION}" with every request.` },
    paths,
    components: {
      schemas: { Error: jsonSchema(serverErrorBody, 'output') },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT (EdDSA)' } },
    },
  };
}
