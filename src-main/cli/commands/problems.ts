import { requireClient } from '../../services/clients.js';
import { addProblem, matchProblems } from '../../services/knowledge/problems.js';
import { stringOption, type CommandSpec } from '../args.js';
import { print, withContext } from './with-context.js';

const problems: CommandSpec = {
  name: 'problems',
  summary: 'The 3 recorded problems most like this error (robust to hosts, paths, numbers, GUIDs and quoting), each with its fix and where and when it worked, and past failed commands with what worked next; at most 250 words.',
  positionals: [{ name: 'error', description: 'the error text as you saw it', required: true }],
  options: { client: { type: 'string', valueName: 'NAME', description: "prefer this client's history" } },
  notes: ['Example: msp problems "protocol negotiation failed: NT_STATUS_CONNECTION_RESET"'],
  run: (parsed, io) =>
    withContext(io, (opened) => {
      const client = stringOption(parsed, 'client');
      const answer = matchProblems(opened, parsed.positionals[0] ?? '', client !== undefined ? { clientId: requireClient(opened.store, client).id } : {});
      print(io, parsed.json, answer, () => answer.text);
    }),
};

const problemAdd: CommandSpec = {
  name: 'problem add',
  summary: 'Record a problem and what solved it (redacted), so msp problems finds it next time.',
  options: {
    problem: { type: 'string', valueName: 'TEXT', description: 'what was wrong, one line (required)' },
    solution: { type: 'string', valueName: 'TEXT', description: 'what fixed it (required)' },
    error: { type: 'string', valueName: 'TEXT', description: 'the error message verbatim' },
    cause: { type: 'string', valueName: 'TEXT', description: 'why it happened' },
    client: { type: 'string', valueName: 'NAME', description: "the client (default: the active session's)" },
    infra: { type: 'string', valueName: 'DEVICE', description: 'the device it happened on' },
  },
  run: (parsed, io) =>
    withContext(io, (opened) => {
      const result = addProblem(opened, {
        problem: stringOption(parsed, 'problem') ?? '', solution: stringOption(parsed, 'solution') ?? '',
        errorText: stringOption(parsed, 'error'), cause: stringOption(parsed, 'cause'), client: stringOption(parsed, 'client'), infra: stringOption(parsed, 'infra'),
      });
      print(io, parsed.json, result, () => `Recorded problem [${result.id.replace(/-/g, '').slice(-8)}] (signature: ${result.signature}).`);
    }),
};

export const problemCommands = [problems, problemAdd];
