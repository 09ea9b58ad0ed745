import { requireClient } from '../../services/clients.js';
import { sessionStartContext } from '../../services/capture/start-context.js';
import { sessionStatus } from '../../services/sessions.js';
import { stringOption, type CommandSpec } from '../args.js';
import { print, withContext } from './with-context.js';

const context: CommandSpec = {
  name: 'context',
  summary: 'What Claude Code is told at session start: the client, this machine, the last 5 sessions, open tasks and environment notes, in at most 300 words.',
  options: { client: { type: 'string', valueName: 'NAME', description: 'this client (default: the active session\'s client)' } },
  run: (parsed, io) =>
    withContext(io, (opened) => {
      const clientName = stringOption(parsed, 'client');
      const active = sessionStatus(opened);
      const activeClientId = active?.client ? requireClient(opened.store, active.client).id : null;
      const clientId = clientName ? requireClient(opened.store, clientName).id : activeClientId;
      const sameAsActive = active !== null && clientId === activeClientId;
      const text = sessionStartContext(opened, { clientId, mspSessionId: sameAsActive ? active.id : null, billable: sameAsActive && active.billable });
      print(io, parsed.json, { context: text, words: text.split(/\s+/).filter(Boolean).length }, () => text);
    }),
};

export const contextCommands = [context];
