import { requireClient } from '../../services/clients.js';
import { environmentWarnings } from '../../services/knowledge/environment.js';
import { sessionStatus } from '../../services/sessions.js';
import { stringOption, type CommandSpec } from '../args.js';
import { print, withContext } from './with-context.js';

const env: CommandSpec = {
  name: 'env',
  summary: "Constraints and warnings before working on a client or a device: its OS and PowerShell, environment notes, learned insights, commands known to fail there and what works instead, and this machine's limits; at most 150 words.",
  options: {
    client: { type: 'string', valueName: 'NAME', description: "the client (default: the active session's)" },
    infra: { type: 'string', valueName: 'DEVICE', description: 'one device of the client' },
  },
  run: (parsed, io) =>
    withContext(io, (opened) => {
      const clientName = stringOption(parsed, 'client') ?? sessionStatus(opened)?.client ?? undefined;
      const infra = stringOption(parsed, 'infra');
      const text = environmentWarnings(opened, {
        ...(clientName ? { clientId: requireClient(opened.store, clientName).id } : {}),
        ...(infra !== undefined ? { infra } : {}),
      });
      print(io, parsed.json, { text }, () => text);
    }),
};

export const envCommands = [env];
