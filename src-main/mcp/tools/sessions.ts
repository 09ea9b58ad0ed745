import { MODES } from '../../core/sessions.js';
import { endSession, getSession, listSessions, pauseSession, resumeSession, sessionStatus, startSession } from '../../services/sessions.js';
import { sessionWorkItems } from '../../services/work-items.js';
import { choice, client, entityId, page, text, timeOf, when, yesNo } from '../arguments.js';
import { minutesText, pageOf, sessionLine, timeText } from '../format.js';
import { defineTool } from '../tool.js';

const SESSIONS_PER_PAGE = 20;
/** listSessions answers at most this many; a list that long is cut and says so. */
const MOST_SESSIONS = 1000;
const WORK_ITEMS_SHOWN = 10;

const NO_SESSION = 'No active session (session_start starts one).';

const status = defineTool({
  name: 'session_status',
  description: 'The active MSP Mode session on this machine in one line: short id, mode, client/project, start, worked and billable minutes, paused or idle. Or that none is active.',
  input: {},
  run: (context) => {
    const session = sessionStatus(context);
    return session ? sessionLine(session) : NO_SESSION;
  },
});

const start = defineTool({
  name: 'session_start',
  description: 'Starts an MSP Mode session (ending a different active one: one per machine). mode msp = client work, billable, needs client; dev = project work, needs project; normal = neither. Answers one or two lines: the session started (and the one ended).',
  input: {
    mode: choice(MODES, 'msp (client work), dev (project work) or normal').describe('msp: client work (needs client); dev: project work (needs project); normal: neither'),
    client: client().optional().describe('client name (created on first use, any case)'),
    project: text('a project name', 200).optional().describe('project name (created on first use)'),
    billable: yesNo('billable or not').optional().describe('default: true for msp, false otherwise'),
  },
  run: (context, args) => {
    const result = startSession(context, args);
    const lines = result.ended ? [`Ended ${sessionLine(result.ended)}`] : [];
    lines.push(`${result.alreadyActive ? 'Already active' : 'Started'} ${sessionLine(result.session)}`);
    return lines.join('\n');
  },
});

const pause = defineTool({
  name: 'session_pause',
  description: 'Pauses the active session (paused time is neither worked nor billed). Answers one line.',
  input: {},
  run: (context) => `Paused ${sessionLine(pauseSession(context))}`,
});

const resume = defineTool({
  name: 'session_resume',
  description: 'Resumes the paused session. Answers one line.',
  input: {},
  run: (context) => `Resumed ${sessionLine(resumeSession(context))}`,
});

const end = defineTool({
  name: 'session_end',
  description: 'Ends the active session, with an optional summary of what was done (kept verbatim, shown in later context). Answers one line.',
  input: { summary: text('a summary of the work done', 20_000).optional().describe('what was done, for the record and the next session') },
  run: (context, args) => `Ended ${sessionLine(endSession(context, args.summary))}`,
});

const list = defineTool({
  name: 'sessions_list',
  description: `Sessions newest first, ${SESSIONS_PER_PAGE} a page: one line each (short id, mode, client/project, times, worked and billable minutes) plus its summary, a total of billable time, and "page N of M".`,
  input: {
    client: client().optional().describe('only this client'),
    from: when('the first day or moment').optional().describe('sessions running on or after this day/time'),
    to: when('the last day or moment').optional().describe('sessions started up to this day (included) or before this time'),
    page: page(),
  },
  run: (context, args) => {
    const sessions = listSessions(context, {
      client: args.client,
      from: args.from === undefined ? undefined : timeOf(args.from, 'from'),
      to: args.to === undefined ? undefined : timeOf(args.to, 'to', { endOfDay: true }),
      limit: MOST_SESSIONS,
    });
    if (sessions.length === 0) return 'No sessions match.';
    const shown = pageOf(sessions, args.page ?? 1, SESSIONS_PER_PAGE, 'session');
    const billable = sessions.reduce((total, s) => total + s.billableMinutes, 0);
    const cut = sessions.length === MOST_SESSIONS ? ` (the newest ${MOST_SESSIONS} only: narrow with from/to)` : '';
    const lines = [`${shown.line}${cut}; ${minutesText(billable)} billable in all`];
    for (const session of shown.items) {
      lines.push(sessionLine(session));
      if (session.summary) lines.push(`    ${session.summary.replace(/\s+/g, ' ').slice(0, 300)}`);
    }
    return lines.join('\n');
  },
});

const show = defineTool({
  name: 'session_show',
  description: `One session in full: its line, technician and machine, full id, summary, and its latest ${WORK_ITEMS_SHOWN} work items. A dozen lines at most.`,
  input: { id: entityId('session', 'sessions_list or session_status') },
  run: (context, args) => {
    const session = getSession(context, args.id);
    const work = sessionWorkItems(context, session.id, WORK_ITEMS_SHOWN);
    const lines = [
      sessionLine(session),
      `technician ${session.technician} on ${session.machine}; id ${session.id}${session.endReason ? `; ended by ${session.endReason}` : ''}`,
      session.summary ? `summary: ${session.summary}` : 'no summary',
    ];
    if (work.total > 0) lines.push(`work items (${work.total}${work.total > work.items.length ? `, latest ${work.items.length}` : ''}):`);
    for (const item of work.items) lines.push(`- [${item.shortId}] ${timeText(item.startedAt).slice(11)} ${item.kind ? `${item.kind}: ` : ''}${item.title.slice(0, 200)}${item.source === 'capture' ? ' (prompt)' : ''}`);
    return lines.join('\n');
  },
});

export const sessionTools = [status, start, pause, resume, end, list, show];
