import { requireClient } from '../../services/clients.js';
import { matchProblems } from '../../services/knowledge/problems.js';
import { SEARCH_KINDS, search } from '../../services/knowledge/search.js';
import { choice, client, page, text, timeOf, when } from '../arguments.js';
import { defineTool } from '../tool.js';

const searchTool = defineTool({
  name: 'search',
  description: 'Full-text search over everything MSP Mode remembers (sessions and summaries, prompts, work items, commands and their errors, problems and solutions, tasks, devices and environment notes). Answers "Found N matches … [dates]" then one entry per session, best first: date, [session id], client, minutes, outcome, and the matching commands; at most 300 words a page ("More: --page N" when there is more).',
  input: {
    query: text('words to find (all must appear)', 500).describe('words to find; all must appear; "Get-ADUser" stays one phrase'),
    client: client().optional().describe("only this client's work"),
    from: when('the first day').optional().describe('from this day (YYYY-MM-DD)'),
    to: when('the last day').optional().describe('up to this day (YYYY-MM-DD), included'),
    kind: choice(SEARCH_KINDS, `one of ${SEARCH_KINDS.join(', ')}`).optional().describe(`only ${SEARCH_KINDS.join(' | ')}`),
    page: page(),
  },
  run: (context, args) => search(context, {
    text: args.query,
    ...(args.client !== undefined ? { clientId: requireClient(context.store, args.client).id } : {}),
    ...(args.from !== undefined ? { from: timeOf(args.from, 'from') } : {}),
    ...(args.to !== undefined ? { to: timeOf(args.to, 'to', { endOfDay: true }) } : {}),
    ...(args.kind !== undefined ? { kind: args.kind } : {}),
    ...(args.page !== undefined ? { page: args.page } : {}),
  }).text,
});

const problemsTool = defineTool({
  name: 'problems',
  description: 'Given an error message, the 3 recorded problems most like it (matching ignores hosts, paths, numbers, GUIDs and quoting), each with [id], its fix, how often and where and when it worked; then past failed commands with that error and the command that worked next. At most 250 words.',
  input: {
    error: text('the error text as seen', 4000).describe('the error message, verbatim'),
    client: client().optional().describe("prefer this client's history"),
  },
  run: (context, args) => matchProblems(context, args.error, args.client !== undefined ? { clientId: requireClient(context.store, args.client).id } : {}).text,
});

export const knowledgeTools = [searchTool, problemsTool];
