import { badInput } from '../../core/errors.js';
import { requireClient } from '../../services/clients.js';
import { SEARCH_KINDS, search, type SearchKind } from '../../services/knowledge/search.js';
import { stringOption, type CommandSpec } from '../args.js';
import { parseTimeInput } from '../time-input.js';
import { print, withContext } from './with-context.js';

const searchCommand: CommandSpec = {
  name: 'search',
  summary: 'Search everything remembered (sessions and summaries, prompts, work items, commands and their errors, problems and solutions, tasks, devices and environment notes): grouped by session, best first, at most 300 words a page.',
  positionals: [{ name: 'query', description: 'words to find (all must appear; "Get-ADUser" stays one phrase)', required: true }],
  options: {
    client: { type: 'string', valueName: 'NAME', description: "only this client's work" },
    from: { type: 'string', valueName: 'DATE', description: 'from this day or time' },
    to: { type: 'string', valueName: 'DATE', description: 'up to this day or time' },
    kind: { type: 'string', valueName: 'KIND', description: SEARCH_KINDS.join(' | ') },
    page: { type: 'string', valueName: 'N', description: 'the next 300 words' },
  },
  notes: ['Examples: msp search "spooler" --client Acme', '          msp search "Get-LocalUser not recognized" --kind command'],
  run: (parsed, io) =>
    withContext(io, (opened) => {
      const kind = stringOption(parsed, 'kind');
      if (kind !== undefined && !(SEARCH_KINDS as readonly string[]).includes(kind)) throw badInput('kind', `--kind must be one of ${SEARCH_KINDS.join(', ')} (got "${kind}")`);
      const pageText = stringOption(parsed, 'page');
      if (pageText !== undefined && !/^[1-9]\d{0,3}$/.test(pageText)) throw badInput('page', `--page must be a page number (got "${pageText}")`);
      const clientName = stringOption(parsed, 'client');
      const now = opened.store.clock.now();
      const from = stringOption(parsed, 'from');
      const to = stringOption(parsed, 'to');
      const toMs = to === undefined ? undefined : parseTimeInput(to, 'to', now) + (/^\d{4}-\d{2}-\d{2}$/.test(to.trim()) ? 86_400_000 - 1 : 0);
      const answer = search(opened, {
        text: parsed.positionals[0] ?? '',
        ...(clientName !== undefined ? { clientId: requireClient(opened.store, clientName).id } : {}),
        ...(from !== undefined ? { from: parseTimeInput(from, 'from', now) } : {}),
        ...(toMs !== undefined ? { to: toMs } : {}),
        ...(kind !== undefined ? { kind: kind as SearchKind } : {}),
        ...(pageText !== undefined ? { page: Number(pageText) } : {}),
      });
      print(io, parsed.json, answer, () => answer.text);
    }),
};

export const searchCommands = [searchCommand];
