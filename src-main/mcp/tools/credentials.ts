import { shortId } from '../../core/ids.js';
import { requireClient } from '../../services/clients.js';
import { sessionStatus } from '../../services/sessions.js';
import { lookupCredential } from '../../vault/credentials.js';
import { osKeychain, type Keychain } from '../../vault/keychain.js';
import { client, text } from '../arguments.js';
import { defineTool } from '../tool.js';

/** Without a keychain the description still answers; whether the secret is here is then unknown. */
function keychainOrNone(): { keychain: Keychain; available: boolean } {
  try {
    return { keychain: osKeychain(), available: true };
  } catch {
    return { keychain: { get: () => null, set: () => undefined, delete: () => false }, available: false };
  }
}

const lookup = defineTool({
  name: 'credential_lookup',
  description: 'Finds one stored credential by name (or part of it, or id) and describes it in one or two lines: id, kind, client, device, username, URL, secret version, last rotation and use, and whether this machine holds the secret. Never the secret itself: the technician reveals it with `msp cred get ID`. Two or more matches: lists them and describes none. Audited.',
  input: {
    name: text('a credential name or id', 200).describe('credential name, part of it, or id'),
    client: client().optional().describe('only this client\'s credentials'),
    reason: text('why it is looked up', 1000).optional().describe('why (kept in the audit log)'),
  },
  run: (context, args) => {
    const { keychain, available } = keychainOrNone();
    const view = lookupCredential(
      { store: context.store, keychain, machineId: context.machineId, actor: context.technician, sessionId: sessionStatus(context)?.id ?? null },
      args.name,
      { ...(args.client !== undefined ? { clientId: requireClient(context.store, args.client).id } : {}), ...(args.reason !== undefined ? { reason: args.reason } : {}) },
    );
    const day = (ms: number | null) => (ms === null ? 'never' : new Date(ms).toISOString().slice(0, 10));
    const where = !available ? 'keychain unavailable here' : view.onThisMachine ? 'secret in this machine\'s keychain' : 'secret not on this machine';
    return [
      `[${shortId(view.id)}] ${view.name}: ${view.kind}${view.client ? `, client ${view.client}` : ''}${view.infrastructure ? `, device ${view.infrastructure}` : ''}${view.username ? `, user ${view.username}` : ''}${view.url ? `, ${view.url}` : ''}.`,
      `Secret v${view.secretVersion} (${where}); rotated ${day(view.lastRotatedAt)}${view.rotationIntervalDays ? ` (every ${view.rotationIntervalDays} days)` : ''}; last used ${day(view.lastUsedAt)}. Reveal: msp cred get ${shortId(view.id)}`,
    ].join('\n');
  },
});

export const credentialTools = [lookup];
