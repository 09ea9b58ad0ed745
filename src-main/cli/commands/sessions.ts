import { badInput } from '../../core/errors.js';
import { MODES, type Mode } from '../../core/sessions.js';
import { editSession, endSession, getSession, listSessions, pauseSession, resumeSession, sessionStatus, startSession } from '../../services/sessions.js';
import { flag, integerOption, stringOption, type CommandSpec } from '../args.js';
import { formatMinutes, formatTime, sessionLine } from '../format.js';
import { parseTimeInput } from '../time-input.js';
import { print, withContext } from './with-context.js';

const start: CommandSpec = {
  name: 'start',
  summary: 'Start a session. One session is active per machine: a different active one is ended first.',
  positionals: [{ name: 'mode', description: 'msp (client work, billable), dev (project work), normal (neither); default from config', choices: MODES }],
  options: {
    client: { type: 'string', valueName: 'NAME', description: 'client (created on first use, any case)' },
    project: { type: 'string', valueName: 'NAME', description: 'project (created on first use)' },
    'not-billable': { type: 'boolean', description: 'record msp-mode work as not billable' },
    billable: { type: 'boolean', description: 'record dev-mode work as billable' },
  },
  notes: ['Examples:', '  msp start msp --client Dataforth --project "DNS migration"', '  msp start dev --project msp-mode', '  msp start normal'],
  run: (parsed, io) =>
    withContext(io, (context) => {
      const notBillable = flag(parsed, 'not-billable');
      const billable = flag(parsed, 'billable');
      if (notBillable && billable) throw badInput('arguments', '--billable and --not-billable contradict each other: give one');
      const result = startSession(context, {
        mode: parsed.positionals[0] as Mode | undefined,
        client: stringOption(parsed, 'client'),
        project: stringOption(parsed, 'project'),
        billable: notBillable ? false : billable ? true : undefined,
      });
      print(io, parsed.json, result, () => {
        const lines = [];
        if (result.ended) lines.push(`Ended ${sessionLine(result.ended)}`);
        lines.push(`${result.alreadyActive ? 'Already active' : 'Started'} ${sessionLine(result.session)}`);
        return lines.join('\n');
      });
    }),
};

const pause: CommandSpec = {
  name: 'pause',
  summary: 'Pause the active session: paused time is neither worked nor billed.',
  run: (parsed, io) => withContext(io, (context) => { const session = pauseSession(context); print(io, parsed.json, session, () => `Paused ${sessionLine(session)}`); }),
};

const resume: CommandSpec = {
  name: 'resume',
  summary: 'Resume the paused session.',
  run: (parsed, io) => withContext(io, (context) => { const session = resumeSession(context); print(io, parsed.json, session, () => `Resumed ${sessionLine(session)}`); }),
};

const end: CommandSpec = {
  name: 'end',
  summary: 'End the active session, optionally with a summary (kept verbatim).',
  options: { summary: { type: 'string', valueName: 'TEXT', description: 'what was done, for the record and the next session' } },
  run: (parsed, io) =>
    withContext(io, (context) => {
      const session = endSession(context, stringOption(parsed, 'summary'));
      print(io, parsed.json, session, () => `Ended ${sessionLine(session)}`);
    }),
};

const status: CommandSpec = {
  name: 'status',
  summary: 'The active session: mode, client, project, elapsed and billable minutes (pauses excluded).',
  run: (parsed, io) =>
    withContext(io, (context) => {
      const session = sessionStatus(context);
      const value = session ? { active: true, ...session } : { active: false, mode: null, client: null, project: null, billable: false, elapsedMinutes: 0, billableMinutes: 0 };
      print(io, parsed.json, value, () => (session ? sessionLine(session) : 'No active session (msp start [msp|dev|normal] starts one).'));
    }),
};

const sessions: CommandSpec = {
  name: 'sessions',
  summary: 'Past and current sessions, newest first, with their summaries.',
  options: {
    client: { type: 'string', valueName: 'NAME', description: 'only this client' },
    from: { type: 'string', valueName: 'DATE', description: 'sessions running on or after this date/time' },
    to: { type: 'string', valueName: 'DATE', description: 'sessions started before this date/time' },
    limit: { type: 'string', valueName: 'N', description: 'at most N sessions (default 50)' },
  },
  run: (parsed, io) =>
    withContext(io, (context) => {
      const now = context.store.clock.now();
      const fromText = stringOption(parsed, 'from');
      const toText = stringOption(parsed, 'to');
      const limit = integerOption(parsed, 'limit', { min: 1, max: 1000 });
      const list = listSessions(context, {
        client: stringOption(parsed, 'client'),
        from: fromText ? parseTimeInput(fromText, 'from', now) : undefined,
        to: toText ? parseTimeInput(toText, 'to', now) : undefined,
        limit,
      });
      print(io, parsed.json, list, () => {
        if (list.length === 0) return 'No sessions match.';
        const billable = list.reduce((total, s) => total + s.billableMinutes, 0);
        const lines = [`${list.length} session${list.length === 1 ? '' : 's'}, ${formatMinutes(billable)} billable`];
        for (const s of list) {
          lines.push(sessionLine(s));
          if (s.summary) lines.push(`    ${s.summary.replace(/\s+/g, ' ').slice(0, 300)}`);
        }
        return lines.join('\n');
      });
    }),
};

const show: CommandSpec = {
  name: 'show',
  summary: 'One session in full.',
  positionals: [{ name: 'session', description: 'session id (the short id shown in brackets is enough)', required: true }],
  run: (parsed, io) =>
    withContext(io, (context) => {
      const session = getSession(context, parsed.positionals[0] ?? '');
      print(io, parsed.json, session, () =>
        [sessionLine(session), `technician ${session.technician} on ${session.machine}; id ${session.id}`, session.summary ? `summary: ${session.summary}` : 'no summary']
          .join('\n'));
    }),
};

const edit: CommandSpec = {
  name: 'edit',
  summary: 'Correct a session\'s start or end time, or confirm its idle time as worked (recorded with who and when).',
  positionals: [{ name: 'session', description: 'session id (short id is enough)', required: true }],
  options: {
    start: { type: 'string', valueName: 'TIME', description: 'new start: "2026-11-25 09:00", 09:00 or ISO 8601' },
    end: { type: 'string', valueName: 'TIME', description: 'new end (ended sessions only)' },
    'confirm-idle': { type: 'boolean', description: 'bill the idle gaps of this session' },
  },
  run: (parsed, io) =>
    withContext(io, (context) => {
      const now = context.store.clock.now();
      const startText = stringOption(parsed, 'start');
      const endText = stringOption(parsed, 'end');
      if (!startText && !endText && !flag(parsed, 'confirm-idle')) throw badInput('arguments', 'nothing to change: give --start, --end or --confirm-idle');
      const session = editSession(context, parsed.positionals[0] ?? '', {
        startedAt: startText ? parseTimeInput(startText, 'start', now) : undefined,
        endedAt: endText ? parseTimeInput(endText, 'end', now) : undefined,
        confirmIdle: flag(parsed, 'confirm-idle') || undefined,
      });
      print(io, parsed.json, session, () => `Edited ${sessionLine(session)} (started ${formatTime(session.startedAt)})`);
    }),
};

export const sessionCommands = [start, pause, resume, end, status, sessions, show, edit];
