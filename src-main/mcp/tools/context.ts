import { sessionStartContext } from '../../services/capture/start-context.js';
import { requireClient } from '../../services/clients.js';
import { sessionStatus } from '../../services/sessions.js';
import { client } from '../arguments.js';
import { defineTool } from '../tool.js';

/** The same text as `msp context [--client C]`, from the same service. */
const context = defineTool({
  name: 'context',
  description: 'What MSP Mode knows for the work at hand, at most 300 words: the session and client, this machine, the client\'s last 5 sessions with summaries, open tasks and environment notes (ids in brackets). Same text as `msp context`.',
  input: { client: client().optional().describe('this client (default: the active session\'s client)') },
  run: (opened, args) => {
    const active = sessionStatus(opened);
    const activeClientId = active?.client ? requireClient(opened.store, active.client).id : null;
    const clientId = args.client ? requireClient(opened.store, args.client).id : activeClientId;
    const sameAsActive = active !== null && clientId === activeClientId;
    return sessionStartContext(opened, { clientId, mspSessionId: sameAsActive ? active.id : null, billable: sameAsActive && active.billable });
  },
});

export const contextTools = [context];
