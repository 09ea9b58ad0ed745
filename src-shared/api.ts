// Request and response shapes of the agent's local API, shared by the agent, the CLI and the
// dashboard. Types are inferred from these schemas and never declared twice.
import { z } from 'zod';

const name = (what: string) => z.string().trim().min(1, `${what} must not be empty`).max(200, `${what} is longer than 200 characters`);
const epochMs = z.number().int().min(0).max(8_640_000_000_000_000);

export const modeSchema = z.enum(['msp', 'dev', 'normal']);

export const startSessionRequest = z
  .object({
    mode: modeSchema.optional(),
    client: name('client').optional(),
    project: name('project').optional(),
    billable: z.boolean().optional(),
  })
  .strict();
export type StartSessionRequest = z.infer<typeof startSessionRequest>;

export const endSessionRequest = z.object({ summary: z.string().max(20_000, 'summary is longer than 20000 characters').optional() }).strict();
export type EndSessionRequest = z.infer<typeof endSessionRequest>;

export const editSessionRequest = z
  .object({
    startedAt: epochMs.optional(),
    endedAt: epochMs.optional(),
    confirmIdle: z.boolean().optional(),
  })
  .strict()
  .refine((body) => body.startedAt !== undefined || body.endedAt !== undefined || body.confirmIdle === true, {
    message: 'nothing to change: give startedAt, endedAt or confirmIdle',
  });
export type EditSessionRequest = z.infer<typeof editSessionRequest>;

export const listSessionsQuery = z
  .object({
    client: name('client').optional(),
    from: epochMs.optional(),
    to: epochMs.optional(),
    limit: z.number().int().min(1).max(1000).default(50),
  })
  .strict();
export type ListSessionsQuery = z.input<typeof listSessionsQuery>;

export const sessionView = z.object({
  id: z.string(),
  shortId: z.string(),
  mode: modeSchema,
  client: z.string().nullable(),
  project: z.string().nullable(),
  billable: z.boolean(),
  technician: z.string(),
  machine: z.string(),
  startedAt: epochMs,
  endedAt: epochMs.nullable(),
  endReason: z.string().nullable(),
  state: z.enum(['active', 'paused', 'ended']),
  elapsedMinutes: z.number(),
  billableMinutes: z.number(),
  pausedMinutes: z.number(),
  unbilledIdleMinutes: z.number(),
  idleNow: z.boolean(),
  idleFlagged: z.boolean(),
  summary: z.string().nullable(),
});
export type SessionView = z.infer<typeof sessionView>;

export const addClientRequest = z.object({ name: name('name') }).strict();
export const addProjectRequest = z.object({ name: name('name'), client: name('client').optional() }).strict();

export const clientView = z.object({ id: z.string(), name: z.string(), status: z.string(), sessions: z.number(), openTasks: z.number(), lastWorkedAt: epochMs.nullable() });
export type ClientView = z.infer<typeof clientView>;
export const projectView = z.object({ id: z.string(), name: z.string(), client: z.string().nullable(), status: z.string() });
export type ProjectView = z.infer<typeof projectView>;

export const addTaskRequest = z
  .object({ title: z.string().trim().min(1, 'task text must not be empty').max(1000), client: name('client').optional(), project: name('project').optional() })
  .strict();
export type AddTaskRequest = z.infer<typeof addTaskRequest>;
export const taskView = z.object({
  id: z.string(),
  shortId: z.string(),
  title: z.string(),
  client: z.string().nullable(),
  project: z.string().nullable(),
  status: z.string(),
  createdAt: epochMs,
  doneAt: epochMs.nullable(),
});
export type TaskView = z.infer<typeof taskView>;

export const errorBody = z.object({ error: z.string(), field: z.string().optional(), code: z.string() });
export type ErrorBody = z.infer<typeof errorBody>;
