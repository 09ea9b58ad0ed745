import type { SessionView, TaskView } from '../../src-shared/api.js';

export function formatMinutes(total: number): string {
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  return hours > 0 ? `${hours}h${String(minutes).padStart(2, '0')}m` : `${minutes}m`;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** Local date and time, minute precision: 2026-11-25 14:30. */
export function formatTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function who(session: SessionView): string {
  if (session.mode === 'msp') return `${session.client ?? '?'}${session.project ? ` / ${session.project}` : ''}`;
  if (session.mode === 'dev') return `${session.project ?? '?'}${session.client ? ` (${session.client})` : ''}`;
  return 'no client';
}

/** One dense line: mode, client/project, timing and billing. */
export function sessionLine(session: SessionView): string {
  const span = session.endedAt !== null ? `${formatTime(session.startedAt)} to ${formatTime(session.endedAt).slice(11)}` : `since ${formatTime(session.startedAt)}`;
  const billing = session.billable ? `${formatMinutes(session.billableMinutes)} billable` : 'not billable';
  const notes = [
    session.state === 'paused' ? 'PAUSED' : '',
    session.idleNow ? 'IDLE now' : '',
    session.unbilledIdleMinutes > 0 ? `${formatMinutes(session.unbilledIdleMinutes)} idle unbilled (confirm: msp edit ${session.shortId} --confirm-idle)` : '',
  ].filter(Boolean);
  return `[${session.shortId}] ${session.mode} ${who(session)}: ${span}, ${formatMinutes(session.elapsedMinutes)} worked, ${billing}${notes.length ? `; ${notes.join('; ')}` : ''}`;
}

export function taskLine(task: TaskView): string {
  const owner = [task.client, task.project].filter(Boolean).join(' / ');
  return `[${task.shortId}] ${task.status === 'done' ? '(done) ' : ''}${task.title}${owner ? ` (${owner})` : ''} - noted ${formatTime(task.createdAt).slice(0, 10)}`;
}
