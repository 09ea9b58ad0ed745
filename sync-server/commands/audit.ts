/** `msp-server audit [--credential ID] [--user NAME] [--limit N]`: who saw what, from the vault's audit. */
import { parseArgs } from 'node:util';
import { firstIssue } from '../../src-shared/validation.js';
import { vaultAuditQuery, type VaultAuditEntry } from '../../src-shared/vault-api.js';
import type { Clock } from '../clock.js';
import type { ServerConfig } from '../config.js';
import { VaultAudit } from '../vault/audit.js';
import { withDatabase } from './database.js';
import { UsageError } from './usage.js';

const USAGE = 'msp-server audit [--credential ID] [--user NAME] [--limit N]';

function lineOf(entry: VaultAuditEntry): string {
  const where = [entry.machineId === null ? undefined : `machine ${entry.machineId}`, entry.ip === null ? undefined : `ip ${entry.ip}`].filter((part) => part !== undefined).join(' ');
  return [
    new Date(entry.at).toISOString(),
    entry.action.padEnd(6),
    entry.where.padEnd(8),
    entry.outcome.padEnd(7),
    (entry.user ?? '-').padEnd(12),
    `credential ${entry.credentialId}`,
    entry.version === null ? 'v-' : `v${entry.version}`,
    where === '' ? '-' : where,
    entry.reason === null ? '' : `reason: ${entry.reason}`,
  ].join('  ').trimEnd();
}

export async function auditCommand(args: string[], config: ServerConfig, clock: Clock, out: (line: string) => void): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({ args, options: { credential: { type: 'string' }, user: { type: 'string' }, limit: { type: 'string' } }, allowPositionals: false, strict: true }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('.')[0] ?? 'bad arguments'} (usage: ${USAGE})`);
  }
  const query = vaultAuditQuery.safeParse(values);
  if (!query.success) {
    const issue = firstIssue(query.error);
    throw new UsageError(`--${issue.field}: ${issue.message} (usage: ${USAGE})`);
  }
  const entries = await withDatabase(config, (database) => new VaultAudit(database.db, clock).query(query.data));
  if (entries.length === 0) {
    out(`no vault access recorded${query.data.credential !== undefined ? ` for credential ${query.data.credential}` : ''}${query.data.user !== undefined ? ` by ${query.data.user}` : ''}`);
    return;
  }
  for (const entry of entries) out(lineOf(entry));
}
