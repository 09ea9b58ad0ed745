import type { AddTaskRequest, TaskView } from '../../src-shared/api.js';
import { conflict } from '../core/errors.js';
import { shortId } from '../core/ids.js';
import { ensureClient, ensureProject, requireClient } from './clients.js';
import type { ServiceContext } from './context.js';
import { resolveId } from './resolve-id.js';

interface TaskRecord {
  id: string;
  title: string;
  client: string | null;
  project: string | null;
  status: string;
  createdAt: number;
  doneAt: number | null;
}

const TASK_SELECT = `
  SELECT t.id, t.title, c.name AS client, p.name AS project, t.status, t.created_at AS createdAt, t.done_at AS doneAt
    FROM pending_tasks t
    LEFT JOIN clients c ON c.id = t.client_id
    LEFT JOIN projects p ON p.id = t.project_id`;

const toView = (record: TaskRecord): TaskView => ({ ...record, shortId: shortId(record.id) });

function taskById(context: ServiceContext, id: string): TaskView {
  return toView(context.store.sqlite.prepare(`${TASK_SELECT} WHERE t.id = ?`).get(id) as TaskRecord);
}

/** Notes a task; without --client it belongs to the active session's client, if any. */
export function addTask(context: ServiceContext, request: AddTaskRequest): TaskView {
  const { store } = context;
  const id = store.write((writer) => {
    const active = store.sqlite
      .prepare('SELECT id, client_id AS clientId FROM sessions WHERE machine_id = ? AND ended_at IS NULL AND deleted = 0 LIMIT 1')
      .get(context.machineId) as { id: string; clientId: string | null } | undefined;
    const client = request.client ? ensureClient(writer, store, request.client) : null;
    const project = request.project ? ensureProject(writer, store, request.project, client) : null;
    return writer.insert('pending_tasks', {
      title: request.title,
      clientId: client?.id ?? project?.clientId ?? active?.clientId ?? null,
      projectId: project?.id ?? null,
      sessionId: active?.id ?? null,
      status: 'open',
      priority: 'normal',
    });
  });
  return taskById(context, id);
}

/** Open tasks, oldest first (with --all, done ones too). */
export function listTasks(context: ServiceContext, options: { client?: string; includeDone?: boolean }): TaskView[] {
  const conditions = ['t.deleted = 0'];
  const parameters: string[] = [];
  if (!options.includeDone) conditions.push("t.status = 'open'");
  if (options.client) {
    conditions.push('t.client_id = ?');
    parameters.push(requireClient(context.store, options.client).id);
  }
  const rows = context.store.sqlite
    .prepare(`${TASK_SELECT} WHERE ${conditions.join(' AND ')} ORDER BY t.created_at`)
    .all(...parameters) as TaskRecord[];
  return rows.map(toView);
}

export function completeTask(context: ServiceContext, idText: string): TaskView {
  const { store } = context;
  const id = resolveId(store, 'pending_tasks', idText, 'task');
  store.write((writer) => {
    const current = store.sqlite.prepare('SELECT status FROM pending_tasks WHERE id = ?').get(id) as { status: string };
    if (current.status === 'done') throw conflict(`task ${shortId(id)} is already done`);
    writer.update('pending_tasks', id, { status: 'done', doneAt: store.clock.now(), doneBy: context.technician });
  });
  return taskById(context, id);
}
