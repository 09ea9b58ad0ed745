import type { SessionView, TaskView } from '../../src-shared/api.js';

import { minutesText as formatMinutes, timeText as formatTime } from '../core/text.js';

export { formatMinutes, formatTime };

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
