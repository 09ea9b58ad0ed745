import type { SessionView } from '../../src-shared/api.js';
import { badInput } from '../core/errors.js';
import type { ServiceContext } from './context.js';
import { listSessions } from './sessions.js';

export interface ReportRequest {
  /** Start of the period (epoch ms); default: the first day of this month, local time. */
  from?: number;
  /** End of the period (epoch ms, exclusive); default: now. */
  to?: number;
  client?: string;
}

export interface HoursTally {
  sessions: number;
  /** Sessions still running: their minutes grow until they end. */
  openSessions: number;
  workedMinutes: number;
  billableMinutes: number;
  /** Idle time nobody confirmed: not billed unless confirmed with msp edit --confirm-idle. */
  unbilledIdleMinutes: number;
}

export interface ProjectHours extends HoursTally {
  project: string | null;
}

export interface ClientHours extends HoursTally {
  /** null: work without a client (dev and normal sessions). */
  client: string | null;
  projects: ProjectHours[];
}

export interface BillableReport {
  from: number;
  to: number;
  client: string | null;
  /** Most billable first. */
  clients: ClientHours[];
  totals: HoursTally;
}

/** listSessions answers at most this many sessions at once; the report walks back in steps of it. */
const STEP = 1000;

/** Midnight of the first day of the month `now` falls in, local time. */
export function startOfMonth(now: number): number {
  const date = new Date(now);
  return new Date(date.getFullYear(), date.getMonth(), 1).getTime();
}

/** Every session that started in [from, to), newest first, read through listSessions in steps. */
function sessionsStartedIn(context: ServiceContext, from: number, to: number, client: string | undefined): SessionView[] {
  const found = new Map<string, SessionView>();
  let before = to;
  for (;;) {
    const batch = listSessions(context, { client, from, to: before, limit: STEP });
    for (const session of batch) if (session.startedAt >= from) found.set(session.id, session);
    const oldest = batch.at(-1);
    // Sessions are ordered by start: once one starts before the period, the rest do too. The
    // next step includes the oldest start again (ties), which the map de-duplicates.
    if (batch.length < STEP || oldest === undefined || oldest.startedAt < from || oldest.startedAt + 1 >= before) break;
    before = oldest.startedAt + 1;
  }
  return [...found.values()];
}

const emptyTally = (): HoursTally => ({ sessions: 0, openSessions: 0, workedMinutes: 0, billableMinutes: 0, unbilledIdleMinutes: 0 });

function add(tally: HoursTally, session: SessionView): void {
  tally.sessions += 1;
  if (session.state !== 'ended') tally.openSessions += 1;
  tally.workedMinutes += session.elapsedMinutes;
  tally.billableMinutes += session.billableMinutes;
  tally.unbilledIdleMinutes += session.unbilledIdleMinutes;
}

const byBillable = (a: HoursTally, b: HoursTally) => b.billableMinutes - a.billableMinutes || b.workedMinutes - a.workedMinutes;

/**
 * Billable hours by client and project for a period, from ended and running sessions. A session
 * counts in the period it started in, whole, with the minutes the sessions service computes
 * (pauses excluded, unconfirmed idle gaps not billed), so the report agrees with `msp sessions`.
 */
export function billableReport(context: ServiceContext, request: ReportRequest = {}): BillableReport {
  const now = context.store.clock.now();
  const from = request.from ?? startOfMonth(now);
  const to = request.to ?? now;
  if (to <= from) throw badInput('to', 'the end of the period must be after its start');
  const clients = new Map<string | null, { tally: ClientHours; projects: Map<string | null, ProjectHours> }>();
  const totals = emptyTally();
  for (const session of sessionsStartedIn(context, from, to, request.client)) {
    let entry = clients.get(session.client);
    if (entry === undefined) {
      entry = { tally: { client: session.client, ...emptyTally(), projects: [] }, projects: new Map() };
      clients.set(session.client, entry);
    }
    let project = entry.projects.get(session.project);
    if (project === undefined) {
      project = { project: session.project, ...emptyTally() };
      entry.projects.set(session.project, project);
    }
    add(totals, session);
    add(entry.tally, session);
    add(project, session);
  }
  const rows = [...clients.values()].map(({ tally, projects }) => ({ ...tally, projects: [...projects.values()].sort(byBillable) }));
  return { from, to, client: request.client ?? null, clients: rows.sort(byBillable), totals };
}
