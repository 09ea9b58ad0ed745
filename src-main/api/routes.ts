import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  addClientRequest, addProjectRequest, addTaskRequest, editSessionRequest, endSessionRequest, startSessionRequest,
} from '../../src-shared/api.js';
import { addClient, addProject, listClients, listProjects } from '../services/clients.js';
import type { ServiceContext } from '../services/context.js';
import { editSession, endSession, getSession, listSessions, pauseSession, resumeSession, sessionStatus, startSession } from '../services/sessions.js';
import { addTask, completeTask, listTasks } from '../services/tasks.js';
import { HookBatcher } from './hook-batcher.js';
import { parseInput } from './parse.js';

const sessionsQuery = z
  .object({
    client: z.string().trim().min(1).optional(),
    from: z.coerce.number().int().min(0).optional(),
    to: z.coerce.number().int().min(0).optional(),
    limit: z.coerce.number().int().min(1).max(1000).optional(),
  })
  .strict();
const clientQuery = z.object({ client: z.string().trim().min(1).optional() }).strict();
const tasksQuery = z.object({ client: z.string().trim().min(1).optional(), all: z.enum(['true', 'false']).optional() }).strict();
const idParams = z.object({ id: z.string().min(1) });

export interface MachineReader {
  /** This machine's identity and cached capabilities. */
  describe(): unknown;
}

/** The API behind the CLI's actions: sessions, clients, projects, tasks, machine. */
export function registerRoutes(app: FastifyInstance, context: ServiceContext, machine: MachineReader, onHookBatch?: () => void): void {
  app.get('/v1/status', () => ({ session: sessionStatus(context) }));

  app.post('/v1/sessions/start', async (request, reply) => {
    const result = startSession(context, parseInput(startSessionRequest, request.body, 'body'));
    return reply.code(result.alreadyActive ? 200 : 201).send(result);
  });
  app.post('/v1/sessions/pause', () => pauseSession(context));
  app.post('/v1/sessions/resume', () => resumeSession(context));
  app.post('/v1/sessions/end', (request) => endSession(context, parseInput(endSessionRequest, request.body, 'body').summary));
  app.get('/v1/sessions', (request) => listSessions(context, parseInput(sessionsQuery, request.query, 'query')));
  app.get('/v1/sessions/:id', (request) => getSession(context, parseInput(idParams, request.params, 'query').id));
  app.patch('/v1/sessions/:id', (request) =>
    editSession(context, parseInput(idParams, request.params, 'query').id, parseInput(editSessionRequest, request.body, 'body')));

  app.get('/v1/clients', () => listClients(context.store));
  app.post('/v1/clients', async (request, reply) => {
    const result = addClient(context.store, parseInput(addClientRequest, request.body, 'body').name);
    return reply.code(result.created ? 201 : 200).send(result);
  });
  app.get('/v1/projects', (request) => listProjects(context.store, parseInput(clientQuery, request.query, 'query').client));
  app.post('/v1/projects', async (request, reply) => {
    const body = parseInput(addProjectRequest, request.body, 'body');
    const result = addProject(context.store, body.name, body.client);
    return reply.code(result.created ? 201 : 200).send(result);
  });

  app.get('/v1/tasks', (request) => {
    const query = parseInput(tasksQuery, request.query, 'query');
    return listTasks(context, { client: query.client, includeDone: query.all === 'true' });
  });
  app.post('/v1/tasks', async (request, reply) => reply.code(201).send(addTask(context, parseInput(addTaskRequest, request.body, 'body'))));
  app.post('/v1/tasks/:id/done', (request) => completeTask(context, parseInput(idParams, request.params, 'query').id));

  app.get('/v1/machine', () => machine.describe());

  // Claude Code hook input, as Claude Code sends it (http hooks) or the hook script posts it.
  let batcher: HookBatcher | undefined;
  app.post('/v1/hooks', async (request, reply) => {
    if (!batcher) {
      // Loaded on the first hook: capture (schemas, redaction rules) stays off the start-up path.
      const { ingestHook } = await import('../services/capture/ingest.js');
      batcher ??= new HookBatcher(context, ingestHook, onHookBatch);
    }
    const result = await batcher.submit(request.body);
    if (result.answer) return reply.code(200).send(result.answer);
    return reply.code(204).send();
  });
}
