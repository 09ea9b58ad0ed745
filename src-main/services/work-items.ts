import { badInput, conflict } from '../core/errors.js';
import { naturalIds, normaliseName, shortId } from '../core/ids.js';
import { redactSecrets } from '../core/redaction.js';
import type { ServiceContext } from './context.js';
import { activeRecord, activityPatch } from './sessions.js';

export interface LogWorkItemRequest {
  /** What was done, in the technician's (or Claude's) words; the first line becomes the title. */
  text: string;
  /** A kind of work (troubleshooting, maintenance, backup, security…): the item's category. */
  kind?: string;
}

export interface LoggedWorkItem {
  id: string;
  shortId: string;
  sessionId: string;
  sessionShortId: string;
  client: string | null;
  project: string | null;
  title: string;
  kind: string | null;
  billable: boolean;
  /** How many secrets were replaced by [REDACTED:…] before the text was stored. */
  redactions: number;
}

const TITLE_MAX = 500;

/**
 * Records a piece of work done in the active session, as the technician tells it (not captured
 * from a hook). The text is redacted before it is stored; it counts as activity in the session.
 */
export function logWorkItem(context: ServiceContext, request: LogWorkItemRequest): LoggedWorkItem {
  const { store } = context;
  const redacted = redactSecrets(request.text.trim());
  const title = (redacted.text.split('\n')[0] ?? '').trim().slice(0, TITLE_MAX);
  if (title === '') throw badInput('text', 'the work item text is empty: say what was done, e.g. "Renewed the SSL certificate on web01"');
  const kind = request.kind?.trim() || null;
  return store.write((writer) => {
    const session = activeRecord(context);
    if (!session) throw conflict('no active session to log work in: start one first (`msp start`, or the session_start tool)');
    const now = store.clock.now();
    const categoryId = kind ? naturalIds.category(kind) : null;
    if (kind !== null && categoryId !== null) writer.insertIfMissing('categories', { id: categoryId, name: kind, normalizedName: normaliseName(kind) });
    const id = writer.insert('work_items', {
      sessionId: session.id,
      clientId: session.clientId,
      projectId: session.projectId,
      categoryId,
      title,
      description: redacted.text,
      status: 'done',
      startedAt: now,
      billable: session.billable === 1,
      source: 'manual',
    });
    writer.update('sessions', session.id, activityPatch(context, session, now));
    return {
      id,
      shortId: shortId(id),
      sessionId: session.id,
      sessionShortId: shortId(session.id),
      client: session.client,
      project: session.project,
      title,
      kind,
      billable: session.billable === 1,
      redactions: redacted.redactions,
    };
  });
}

export interface WorkItemLine {
  id: string;
  shortId: string;
  title: string;
  kind: string | null;
  source: string;
  startedAt: number;
}

/** The work recorded in a session, newest first: at most `limit` items and the total count. */
export function sessionWorkItems(context: ServiceContext, sessionId: string, limit: number): { items: WorkItemLine[]; total: number } {
  const { store } = context;
  const total = (store.prepared('SELECT count(*) AS n FROM work_items WHERE session_id = ? AND deleted = 0').get(sessionId) as { n: number }).n;
  const rows = store
    .prepared(
      `SELECT w.id, w.title, c.name AS kind, w.source, w.started_at AS startedAt
         FROM work_items w LEFT JOIN categories c ON c.id = w.category_id
        WHERE w.session_id = ? AND w.deleted = 0 ORDER BY w.started_at DESC, w.id DESC LIMIT ?`,
    )
    .all(sessionId, limit) as Omit<WorkItemLine, 'shortId'>[];
  return { items: rows.map((row) => ({ ...row, shortId: shortId(row.id) })), total };
}
