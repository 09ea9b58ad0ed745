import type { EditSessionRequest, ListSessionsQuery, SessionView, StartSessionRequest } from '../../src-shared/api.js';
import { listSessionsQuery } from '../../src-shared/api.js';
import { MspError, badInput, conflict } from '../core/errors.js';
import { shortId } from '../core/ids.js';
import {
  billableByDefault, checkModeRequirements, clipIdleGaps, idleGapBefore, sessionMinutes,
  type IdleGap, type Mode,
} from '../core/sessions.js';
import type { RowPatch, Writer } from '../store/writer.js';
import { ensureClient, ensureProject, requireClient } from './clients.js';
import { idleLimitMs, type ServiceContext } from './context.js';
import { resolveId } from './resolve-id.js';

/** A session row with the names people read, as selected by SESSION_SELECT. */
export interface SessionRecord {
  id: string;
  mode: Mode;
  clientId: string | null;
  projectId: string | null;
  client: string | null;
  project: string | null;
  machine: string;
  billable: number;
  technician: string;
  startedAt: number;
  endedAt: number | null;
  endReason: string | null;
  pausedAt: number | null;
  pausedMs: number;
  lastActivityAt: number;
  idleGaps: string | null;
  unconfirmedIdleMs: number;
  idleFlagged: number;
  summary: string | null;
  editHistory: string | null;
}

const SESSION_SELECT = `
  SELECT s.id, s.mode, s.client_id AS clientId, s.project_id AS projectId, c.name AS client, p.name AS project,
         coalesce(m.display_name, m.hostname) AS machine, s.billable, s.technician, s.started_at AS startedAt,
         s.ended_at AS endedAt, s.end_reason AS endReason, s.paused_at AS pausedAt, s.paused_ms AS pausedMs,
         s.last_activity_at AS lastActivityAt, s.idle_gaps AS idleGaps, s.unconfirmed_idle_ms AS unconfirmedIdleMs,
         s.idle_flagged AS idleFlagged, s.summary, s.edit_history AS editHistory
    FROM sessions s
    LEFT JOIN clients c ON c.id = s.client_id
    LEFT JOIN projects p ON p.id = s.project_id
    LEFT JOIN machines m ON m.id = s.machine_id`;

function toView(record: SessionRecord, now: number, idleMs: number): SessionView {
  const times = sessionMinutes({ ...record, billable: record.billable === 1 }, now, idleMs);
  return {
    id: record.id,
    shortId: shortId(record.id),
    mode: record.mode,
    client: record.client,
    project: record.project,
    billable: record.billable === 1,
    technician: record.technician,
    machine: record.machine,
    startedAt: record.startedAt,
    endedAt: record.endedAt,
    endReason: record.endReason,
    summary: record.summary,
    idleFlagged: record.idleFlagged === 1,
    ...times,
  };
}

export function activeRecord(context: ServiceContext): SessionRecord | undefined {
  return context.store
    .prepared(`${SESSION_SELECT} WHERE s.machine_id = ? AND s.ended_at IS NULL AND s.deleted = 0 ORDER BY s.started_at DESC LIMIT 1`)
    .get(context.machineId) as SessionRecord | undefined;
}

function recordById(context: ServiceContext, id: string): SessionRecord {
  const record = context.store.prepared(`${SESSION_SELECT} WHERE s.id = ?`).get(id) as SessionRecord | undefined;
  if (!record) throw new MspError('not_found', `session ${id} not found`);
  return record;
}

const parseGaps = (text: string | null): IdleGap[] => (text ? (JSON.parse(text) as IdleGap[]) : []);

/**
 * The change that activity at `now` makes: the quiet spell ends, and when it was longer than the
 * idle limit it is kept as an unconfirmed idle gap (not billed unless confirmed).
 */
export function activityPatch(context: ServiceContext, record: SessionRecord, now: number): RowPatch<'sessions'> {
  const gap = record.pausedAt === null ? idleGapBefore(record.lastActivityAt, now, idleLimitMs(context)) : null;
  if (!gap) return { lastActivityAt: now };
  return {
    lastActivityAt: now,
    idleGaps: JSON.stringify([...parseGaps(record.idleGaps), gap]),
    unconfirmedIdleMs: record.unconfirmedIdleMs + (gap.to - gap.from),
    idleFlagged: true,
  };
}

function finish(writer: Writer, context: ServiceContext, record: SessionRecord, now: number, endReason: string, summary?: string): void {
  const pausedMs = record.pausedAt !== null ? record.pausedMs + (now - record.pausedAt) : record.pausedMs;
  writer.update('sessions', record.id, {
    ...activityPatch(context, record, now),
    endedAt: now,
    endReason,
    pausedAt: null,
    pausedMs,
    ...(summary !== undefined ? { summary } : {}),
  });
}

export interface StartResult {
  session: SessionView;
  /** The session that was ended to start this one (a mode or client switch). */
  ended: SessionView | null;
  /** True when the same mode, client and project were already active: nothing changed. */
  alreadyActive: boolean;
}

/** Starts a session; one is active per machine, so a different active one is ended first. */
export function startSession(context: ServiceContext, request: StartSessionRequest): StartResult {
  const mode: Mode = request.mode ?? context.config.sessions.defaultMode;
  checkModeRequirements(mode, request.client, request.project);
  const { store } = context;
  const idleMs = idleLimitMs(context);
  return store.write((writer) => {
    const now = store.clock.now();
    const client = request.client ? ensureClient(writer, store, request.client) : null;
    const project = request.project ? ensureProject(writer, store, request.project, client) : null;
    const billable = request.billable ?? billableByDefault(mode);
    const current = activeRecord(context);
    if (current && current.mode === mode && current.clientId === (client?.id ?? null) && current.projectId === (project?.id ?? null)
      && (request.billable === undefined || (current.billable === 1) === billable)) {
      writer.update('sessions', current.id, activityPatch(context, current, now));
      return { session: toView(recordById(context, current.id), now, idleMs), ended: null, alreadyActive: true };
    }
    let ended: SessionView | null = null;
    if (current) {
      finish(writer, context, current, now, 'mode_switch');
      ended = toView(recordById(context, current.id), now, idleMs);
    }
    const id = writer.insert('sessions', {
      machineId: context.machineId,
      clientId: client?.id ?? null,
      projectId: project?.id ?? null,
      mode,
      billable,
      technician: context.technician,
      startedAt: now,
      lastActivityAt: now,
      pausedMs: 0,
      unconfirmedIdleMs: 0,
    });
    return { session: toView(recordById(context, id), now, idleMs), ended, alreadyActive: false };
  });
}

function requireActive(context: ServiceContext): SessionRecord {
  const record = activeRecord(context);
  if (!record) throw conflict('no active session: start one with `msp start [msp|dev|normal]`');
  return record;
}

export function pauseSession(context: ServiceContext): SessionView {
  const { store } = context;
  return store.write((writer) => {
    const record = requireActive(context);
    if (record.pausedAt !== null) throw conflict('the session is already paused: `msp resume` continues it');
    const now = store.clock.now();
    writer.update('sessions', record.id, { ...activityPatch(context, record, now), pausedAt: now });
    return toView(recordById(context, record.id), now, idleLimitMs(context));
  });
}

export function resumeSession(context: ServiceContext): SessionView {
  const { store } = context;
  return store.write((writer) => {
    const record = requireActive(context);
    if (record.pausedAt === null) throw conflict('the session is not paused');
    const now = store.clock.now();
    writer.update('sessions', record.id, { pausedAt: null, pausedMs: record.pausedMs + (now - record.pausedAt), lastActivityAt: now });
    return toView(recordById(context, record.id), now, idleLimitMs(context));
  });
}

export function endSession(context: ServiceContext, summary?: string): SessionView {
  const { store } = context;
  return store.write((writer) => {
    const record = requireActive(context);
    const now = store.clock.now();
    finish(writer, context, record, now, 'ended', summary);
    return toView(recordById(context, record.id), now, idleLimitMs(context));
  });
}

export function sessionStatus(context: ServiceContext): SessionView | null {
  const record = activeRecord(context);
  return record ? toView(record, context.store.clock.now(), idleLimitMs(context)) : null;
}

/** Sessions newest first, with their summaries; from every machine whose sessions this store holds. */
export function listSessions(context: ServiceContext, query: ListSessionsQuery): SessionView[] {
  const { client, from, to, limit } = listSessionsQuery.parse(query);
  const conditions = ['s.deleted = 0'];
  const parameters: (string | number)[] = [];
  if (client) {
    conditions.push('s.client_id = ?');
    parameters.push(requireClient(context.store, client).id);
  }
  if (from !== undefined) {
    conditions.push('coalesce(s.ended_at, 9e15) >= ?');
    parameters.push(from);
  }
  if (to !== undefined) {
    conditions.push('s.started_at < ?');
    parameters.push(to);
  }
  const rows = context.store
    .prepared(`${SESSION_SELECT} WHERE ${conditions.join(' AND ')} ORDER BY s.started_at DESC LIMIT ?`)
    .all(...parameters, limit) as SessionRecord[];
  const now = context.store.clock.now();
  return rows.map((row) => toView(row, now, idleLimitMs(context)));
}

export function getSession(context: ServiceContext, idText: string): SessionView {
  const id = resolveId(context.store, 'sessions', idText, 'session');
  return toView(recordById(context, id), context.store.clock.now(), idleLimitMs(context));
}

/** Corrects a session's times or confirms its idle time, keeping who changed what and when. */
export function editSession(context: ServiceContext, idText: string, request: EditSessionRequest): SessionView {
  const { store } = context;
  const id = resolveId(store, 'sessions', idText, 'session');
  return store.write((writer) => {
    const record = recordById(context, id);
    const now = store.clock.now();
    const startedAt = request.startedAt ?? record.startedAt;
    const endedAt = request.endedAt ?? record.endedAt;
    if (request.endedAt !== undefined && record.endedAt === null) {
      throw badInput('end', 'this session is still running: end it with `msp end`, then correct its end time');
    }
    if (endedAt !== null && endedAt <= startedAt) throw badInput('end', 'the end must be after the start');
    if (startedAt > now || (endedAt !== null && endedAt > now)) throw badInput(request.startedAt !== undefined ? 'start' : 'end', 'times in the future cannot be recorded');
    const gaps = parseGaps(record.idleGaps).map((gap) => (request.confirmIdle ? { ...gap, confirmed: true } : gap));
    const clipped = clipIdleGaps(gaps, startedAt, endedAt);
    const history = [...(record.editHistory ? (JSON.parse(record.editHistory) as unknown[]) : [])];
    const change = (field: string, from: unknown, to: unknown) => history.push({ at: now, by: context.technician, field, from, to });
    if (startedAt !== record.startedAt) change('started_at', record.startedAt, startedAt);
    if (endedAt !== record.endedAt) change('ended_at', record.endedAt, endedAt);
    if (request.confirmIdle) change('idle_confirmed', record.unconfirmedIdleMs, 0);
    writer.update('sessions', id, {
      startedAt,
      endedAt,
      idleGaps: JSON.stringify(clipped.gaps),
      unconfirmedIdleMs: clipped.unconfirmedIdleMs,
      editHistory: JSON.stringify(history),
    });
    return toView(recordById(context, id), now, idleLimitMs(context));
  });
}
