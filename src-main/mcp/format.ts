/** The text tools answer with: one dense line per thing, ids as people see them, for a model to read. */
import type { SessionView, TaskView } from '../../src-shared/api.js';
import { badInput } from '../core/errors.js';

import { minutesText, timeText } from '../core/text.js';

export { minutesText, timeText };

export const dayText = (ms: number) => timeText(ms).slice(0, 10);

export const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

function workedFor(session: SessionView): string {
  if (session.mode === 'msp') return `client ${session.client ?? '?'}${session.project ? `, project ${session.project}` : ''}`;
  if (session.mode === 'dev') return `project ${session.project ?? '?'}${session.client ? ` (client ${session.client})` : ''}`;
  return 'no client';
}

/** [3f9a2b1c] msp client Dataforth: 2026-11-25 09:00 to 11:30 (ended), 2h30m worked, 2h10m billable; 20m idle unbilled */
export function sessionLine(session: SessionView): string {
  const span = session.endedAt !== null ? `${timeText(session.startedAt)} to ${timeText(session.endedAt).slice(11)}` : `since ${timeText(session.startedAt)}`;
  const notes = [
    session.state === 'paused' ? 'PAUSED' : '',
    session.idleNow ? 'idle now' : '',
    session.unbilledIdleMinutes > 0 ? `${minutesText(session.unbilledIdleMinutes)} idle unbilled` : '',
  ].filter(Boolean);
  const billing = session.billable ? `${minutesText(session.billableMinutes)} billable` : 'not billable';
  return `[${session.shortId}] ${session.mode} ${workedFor(session)}: ${span} (${session.state}), ${minutesText(session.elapsedMinutes)} worked, ${billing}${notes.length ? `; ${notes.join('; ')}` : ''}`;
}

/** [5d1e7c20] open: Replace the UPS battery (Dataforth) - noted 2026-11-25 */
export function taskLine(task: TaskView): string {
  const owner = [task.client, task.project].filter(Boolean).join(' / ');
  const done = task.doneAt !== null ? `, done ${dayText(task.doneAt)}` : '';
  return `[${task.shortId}] ${task.status}: ${task.title}${owner ? ` (${owner})` : ''} - noted ${dayText(task.createdAt)}${done}`;
}

export interface Page<T> {
  items: T[];
  /** "page 2 of 5 (87 sessions); ask for page 3 for more" */
  line: string;
}

/** One page of a long list; a page past the end is an error that says how many there are. */
export function pageOf<T>(items: T[], page: number, size: number, noun: string): Page<T> {
  const pages = Math.max(1, Math.ceil(items.length / size));
  if (page > pages) throw badInput('page', `page ${page} does not exist: there ${pages === 1 ? 'is 1 page' : `are ${pages} pages`} of ${plural(items.length, noun)}`);
  const more = page < pages ? `; ask for page ${page + 1} for more` : '';
  return { items: items.slice((page - 1) * size, page * size), line: `page ${page} of ${pages} (${plural(items.length, noun)})${more}` };
}
