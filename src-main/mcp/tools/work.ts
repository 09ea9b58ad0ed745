import { billableReport } from '../../services/report.js';
import { logWorkItem } from '../../services/work-items.js';
import { client, text, timeOf, when } from '../arguments.js';
import { dayText, minutesText, plural } from '../format.js';
import { defineTool } from '../tool.js';

const logItem = defineTool({
  name: 'log_work_item',
  description: 'Records a piece of work done in the active session (first line = title; secrets are redacted before storing). Needs an active session (session_start). Answers one line with the item\'s short id.',
  input: {
    text: text('what was done', 20_000).describe('what was done, e.g. "Renewed the SSL certificate on web01"; more lines for details'),
    kind: text('a kind of work', 64).optional().describe('kind of work: troubleshooting, maintenance, backup, security, infrastructure, m365, network, development, research…'),
  },
  run: (context, args) => {
    const item = logWorkItem(context, args);
    const owner = [item.client, item.project].filter(Boolean).join(' / ') || 'no client';
    const redacted = item.redactions > 0 ? `; ${plural(item.redactions, 'secret')} redacted` : '';
    return `Logged [${item.shortId}] ${item.kind ? `${item.kind}: ` : ''}${item.title} in session [${item.sessionShortId}] (${owner}, ${item.billable ? 'billable' : 'not billable'}${redacted})`;
  },
});

const hours = (tally: { workedMinutes: number; billableMinutes: number; sessions: number; openSessions: number; unbilledIdleMinutes: number }) =>
  `${minutesText(tally.billableMinutes)} billable of ${minutesText(tally.workedMinutes)} worked, ${plural(tally.sessions, 'session')}` +
  `${tally.openSessions > 0 ? ` (${tally.openSessions} still open)` : ''}${tally.unbilledIdleMinutes > 0 ? `, ${minutesText(tally.unbilledIdleMinutes)} idle unbilled` : ''}`;

const report = defineTool({
  name: 'report',
  description: 'Billable hours by client and project for a period (default: this month so far), from ended and running sessions (a session counts in the period it started). One line per client and per project, plus a total; a few dozen lines at most.',
  input: {
    from: when('the first day or moment').optional().describe('start of the period (default: the 1st of this month)'),
    to: when('the last day or moment').optional().describe('end of the period: a day (included) or a time (default: now)'),
    client: client().optional().describe('only this client'),
  },
  run: (context, args) => {
    const result = billableReport(context, {
      from: args.from === undefined ? undefined : timeOf(args.from, 'from'),
      to: args.to === undefined ? undefined : timeOf(args.to, 'to', { endOfDay: true }),
      client: args.client,
    });
    const period = `${dayText(result.from)} to ${dayText(result.to - 1)}`;
    if (result.totals.sessions === 0) return `Billable report ${period}${result.client ? ` for ${result.client}` : ''}: no sessions started in this period.`;
    const lines = [`Billable report ${period}: ${hours(result.totals)}`];
    for (const row of result.clients) {
      lines.push(`${row.client ?? '(no client)'}: ${hours(row)}`);
      const named = row.projects.filter((p) => p.project !== null);
      if (named.length > 0) for (const project of row.projects) lines.push(`  ${project.project ?? '(no project)'}: ${hours(project)}`);
    }
    return lines.join('\n');
  },
});

export const workTools = [logItem, report];
