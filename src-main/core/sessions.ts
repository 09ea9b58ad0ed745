import { badInput } from './errors.js';

export const MODES = ['msp', 'dev', 'normal'] as const;
export type Mode = (typeof MODES)[number];

/** Client work is billable unless said otherwise; project work and everything else is not. */
export function billableByDefault(mode: Mode): boolean {
  return mode === 'msp';
}

/** What each mode needs: msp a client, dev a project, normal neither (it clears both). */
export function checkModeRequirements(mode: Mode, clientName: string | undefined, projectName: string | undefined): void {
  if (mode === 'msp' && !clientName) {
    throw badInput('client', 'msp mode is client work: name the client with --client NAME');
  }
  if (mode === 'dev' && !projectName) {
    throw badInput('project', 'dev mode is project work: name the project with --project NAME');
  }
  if (mode === 'normal' && (clientName || projectName)) {
    throw badInput(clientName ? 'client' : 'project', 'normal mode has no client or project: use `msp start msp --client NAME` or `msp start dev --project NAME`');
  }
}

export interface IdleGap {
  from: number;
  to: number;
  confirmed: boolean;
}

/** The timing facts of a session as stored. */
export interface SessionTiming {
  startedAt: number;
  endedAt: number | null;
  pausedAt: number | null;
  pausedMs: number;
  lastActivityAt: number;
  unconfirmedIdleMs: number;
  billable: boolean;
}

export interface SessionMinutes {
  state: 'active' | 'paused' | 'ended';
  /** Wall time minus pauses. */
  elapsedMinutes: number;
  /** Elapsed minus idle time nobody confirmed; 0 when the session is not billable. */
  billableMinutes: number;
  pausedMinutes: number;
  /** Idle time not billed: recorded gaps plus the current one, if the session is idle now. */
  unbilledIdleMinutes: number;
  /** True while the session has had no activity for longer than the idle limit. */
  idleNow: boolean;
}

const minutes = (ms: number) => Math.max(0, Math.floor(ms / 60_000));

export function sessionMinutes(session: SessionTiming, now: number, idleLimitMs: number): SessionMinutes {
  const end = session.endedAt ?? now;
  const openPause = session.pausedAt !== null ? Math.max(0, end - session.pausedAt) : 0;
  const pausedMs = session.pausedMs + openPause;
  const elapsedMs = Math.max(0, end - session.startedAt - pausedMs);
  const quietMs = session.endedAt === null && session.pausedAt === null ? now - session.lastActivityAt : 0;
  const idleNow = quietMs > idleLimitMs;
  const unbilledIdleMs = Math.min(elapsedMs, session.unconfirmedIdleMs + (idleNow ? quietMs : 0));
  return {
    state: session.endedAt !== null ? 'ended' : session.pausedAt !== null ? 'paused' : 'active',
    elapsedMinutes: minutes(elapsedMs),
    billableMinutes: session.billable ? minutes(elapsedMs - unbilledIdleMs) : 0,
    pausedMinutes: minutes(pausedMs),
    unbilledIdleMinutes: minutes(unbilledIdleMs),
    idleNow,
  };
}

/**
 * Activity at `now` after a quiet spell longer than the idle limit leaves an unconfirmed idle gap
 * (from the last activity to now) that is not billed unless confirmed. Returns the gap, if any.
 */
export function idleGapBefore(lastActivityAt: number, now: number, idleLimitMs: number): IdleGap | null {
  return now - lastActivityAt > idleLimitMs ? { from: lastActivityAt, to: now, confirmed: false } : null;
}

/** Keeps gaps inside [start, end] after a time correction and totals the unconfirmed ones. */
export function clipIdleGaps(gaps: IdleGap[], start: number, end: number | null): { gaps: IdleGap[]; unconfirmedIdleMs: number } {
  const upper = end ?? Number.MAX_SAFE_INTEGER;
  const clipped = gaps
    .map((gap) => ({ ...gap, from: Math.max(gap.from, start), to: Math.min(gap.to, upper) }))
    .filter((gap) => gap.to > gap.from);
  const unconfirmedIdleMs = clipped.filter((gap) => !gap.confirmed).reduce((total, gap) => total + gap.to - gap.from, 0);
  return { gaps: clipped, unconfirmedIdleMs };
}
