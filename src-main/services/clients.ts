import { and, eq, isNull } from 'drizzle-orm';
import type { ClientView, ProjectView } from '../../src-shared/api.js';
import { MspError, notFound } from '../core/errors.js';
import { naturalIds, normaliseName } from '../core/ids.js';
import { clients, projects } from '../store/schema.generated.js';
import type { Store } from '../store/store.js';
import type { Writer } from '../store/writer.js';

export interface ClientRef {
  id: string;
  name: string;
}

/** The client with this name (any case), created on first use with its deterministic id. */
export function ensureClient(writer: Writer, store: Store, name: string): ClientRef {
  const existing = findClient(store, name);
  if (existing) return existing;
  const id = naturalIds.client(name);
  writer.insertIfMissing('clients', { id, name: name.trim(), normalizedName: normaliseName(name), status: 'active' });
  return { id, name: name.trim() };
}

export function findClient(store: Store, name: string): ClientRef | undefined {
  const row = store.db.select({ id: clients.id, name: clients.name }).from(clients)
    .where(and(eq(clients.normalizedName, normaliseName(name)), eq(clients.deleted, false))).get();
  return row;
}

export function requireClient(store: Store, name: string): ClientRef {
  const client = findClient(store, name);
  if (!client) throw notFound(`no client named "${name}": see \`msp client list\`, or add it with \`msp client add "${name}"\``);
  return client;
}

export function addClient(store: Store, name: string): { client: ClientRef; created: boolean } {
  const before = findClient(store, name);
  if (before) return { client: before, created: false };
  return { client: store.write((writer) => ensureClient(writer, store, name)), created: true };
}

export function listClients(store: Store): ClientView[] {
  return store.sqlite
    .prepare(
      `SELECT c.id, c.name, c.status,
              (SELECT count(*) FROM sessions s WHERE s.client_id = c.id AND s.deleted = 0) AS sessions,
              (SELECT count(*) FROM pending_tasks t WHERE t.client_id = c.id AND t.status = 'open' AND t.deleted = 0) AS openTasks,
              (SELECT max(s.started_at) FROM sessions s WHERE s.client_id = c.id AND s.deleted = 0) AS lastWorkedAt
         FROM clients c WHERE c.deleted = 0 ORDER BY c.normalized_name`,
    )
    .all() as ClientView[];
}

export interface ProjectRef {
  id: string;
  name: string;
  clientId: string | null;
}

function projectsNamed(store: Store, name: string, clientId: string | null | undefined): ProjectRef[] {
  const conditions = [eq(projects.normalizedName, normaliseName(name)), eq(projects.deleted, false)];
  if (clientId === null) conditions.push(isNull(projects.clientId));
  else if (clientId !== undefined) conditions.push(eq(projects.clientId, clientId));
  return store.db.select({ id: projects.id, name: projects.name, clientId: projects.clientId }).from(projects).where(and(...conditions)).all();
}

/**
 * The project with this name: under the given client, or (no client given) the only project of
 * that name anywhere, or a new internal project. Two clients' projects of one name are ambiguous.
 */
export function ensureProject(writer: Writer, store: Store, name: string, client: ClientRef | null): ProjectRef {
  const matches = projectsNamed(store, name, client ? client.id : undefined);
  if (matches.length === 1 && matches[0]) return matches[0];
  if (matches.length > 1) {
    const internal = matches.find((project) => project.clientId === null);
    if (internal) return internal;
    throw new MspError('ambiguous', `several clients have a project "${name}": add --client NAME to say which`, 'project');
  }
  const clientId = client ? client.id : null;
  const id = naturalIds.project(clientId, name);
  writer.insertIfMissing('projects', { id, clientId, name: name.trim(), normalizedName: normaliseName(name), status: 'active' });
  return { id, name: name.trim(), clientId };
}

export function addProject(store: Store, name: string, clientName: string | undefined): { project: ProjectRef; created: boolean } {
  return store.write((writer) => {
    const client = clientName ? ensureClient(writer, store, clientName) : null;
    const existing = projectsNamed(store, name, client ? client.id : null);
    if (existing[0]) return { project: existing[0], created: false };
    return { project: ensureProject(writer, store, name, client), created: true };
  });
}

export function listProjects(store: Store, clientName?: string): ProjectView[] {
  const client = clientName ? requireClient(store, clientName) : undefined;
  const rows = store.db
    .select({ id: projects.id, name: projects.name, client: clients.name, status: projects.status })
    .from(projects)
    .leftJoin(clients, eq(clients.id, projects.clientId))
    .where(and(eq(projects.deleted, false), client ? eq(projects.clientId, client.id) : undefined))
    .orderBy(projects.normalizedName)
    .all();
  return rows;
}
