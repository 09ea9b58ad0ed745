import { MspError, badInput } from '../../core/errors.js';
import { requireClient } from '../../services/clients.js';
import { sessionStatus } from '../../services/sessions.js';
import type { OpenedContext } from '../../services/bootstrap.js';
import { CREDENTIAL_KINDS, addCredential, findCredential, markTeamCopy, listCredentials, revealCredential, rotateCredential, rotationDue, totpCode, type VaultContext } from '../../vault/credentials.js';
import { osKeychain } from '../../vault/keychain.js';
import { TeamVault } from '../../sync/vault-client.js';
import { stringOption, type CommandSpec } from '../args.js';
import { readSecret } from '../secret-input.js';
import { print, withContext } from './with-context.js';

function vault(opened: OpenedContext): VaultContext {
  return { store: opened.store, keychain: osKeychain(), machineId: opened.machineId, actor: opened.technician, sessionId: sessionStatus(opened)?.id ?? null };
}

/** Puts a new secret into the team vault when this machine is logged in; says how it went. */
async function shareWithTeam(opened: OpenedContext, credentialId: string, clientId: string | null, secret: string): Promise<string> {
  const team = new TeamVault(opened.files.syncLogin);
  if (!team.available) return 'not logged in';
  try {
    await team.store(credentialId, clientId, secret);
    markTeamCopy(opened.store, credentialId);
    return 'stored';
  } catch (error) {
    return error instanceof MspError ? error.message : (error as Error).message;
  }
}

/** A secret stored on another machine is fetched from the team vault (audited there) into this keychain. */
async function fetchMissingSecret(opened: OpenedContext, context: VaultContext, text: string, reason: string | undefined, clientId: string | null | undefined): Promise<void> {
  const row = findCredential(opened.store, text, clientId);
  if (context.keychain.get(row.id) !== null) return;
  const team = new TeamVault(opened.files.syncLogin);
  if (!team.available) return;
  const fetched = await team.reveal(row.id, reason);
  context.keychain.set(row.id, fetched.secret);
  markTeamCopy(opened.store, row.id);
}

const clientIdOf = (opened: OpenedContext, name: string | undefined) => (name === undefined ? undefined : requireClient(opened.store, name).id);
const day = (ms: number | null) => (ms === null ? 'never' : new Date(ms).toISOString().slice(0, 10));

function positiveInt(text: string | undefined, field: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{1,5}$/.test(text) || Number(text) < 1) throw badInput(field, `--${field} must be a whole number of days from 1 to 99999 (got "${text}")`);
  return Number(text);
}

const add: CommandSpec = {
  name: 'cred add',
  summary: 'Store a credential: the secret goes into the OS keychain (typed at a hidden prompt or piped on stdin, never on the command line); only its description goes into MSP Mode\'s database.',
  positionals: [{ name: 'name', description: 'what it is, e.g. "ACME-NAS01 admin"', required: true }],
  options: {
    client: { type: 'string', valueName: 'NAME', description: "the client it belongs to (omit for the MSP's own)" },
    username: { type: 'string', valueName: 'USER', description: 'the account name' },
    kind: { type: 'string', valueName: 'KIND', description: `${CREDENTIAL_KINDS.join(' | ')} (default password)` },
    url: { type: 'string', valueName: 'URL', description: 'where it is used (never with user:password@ in it)' },
    infra: { type: 'string', valueName: 'DEVICE', description: "the client's device or server it belongs to" },
    'rotate-days': { type: 'string', valueName: 'N', description: 'rotation policy: due N days after the last rotation' },
    notes: { type: 'string', valueName: 'TEXT', description: 'notes (never the secret, nor a hint of it)' },
  },
  notes: ['Examples: msp cred add "ACME-NAS01 admin" --client Acme --username admin --url https://10.0.0.5:5001', '          printf %s "$PASS" | msp cred add "M365 global admin" --client Acme --username admin@acme.onmicrosoft.com'],
  run: (parsed, io) =>
    withContext(io, async (opened) => {
      const [name = ''] = parsed.positionals;
      const clientId = clientIdOf(opened, stringOption(parsed, 'client')) ?? null;
      const infraName = stringOption(parsed, 'infra');
      let infrastructureId: string | undefined;
      if (infraName !== undefined) {
        const device = opened.store.prepared('SELECT id FROM infrastructure WHERE normalized_name = lower(trim(?)) AND client_id IS ? AND deleted = 0').get(infraName, clientId) as { id: string } | undefined;
        if (!device) throw badInput('infra', `no device "${infraName}" ${clientId ? 'for that client' : 'without a client'}`);
        infrastructureId = device.id;
      }
      const context = vault(opened);
      const secret = await readSecret(`Secret for ${name} (not shown): `);
      const view = addCredential(context, {
        name, clientId, kind: stringOption(parsed, 'kind'), username: stringOption(parsed, 'username'), url: stringOption(parsed, 'url'),
        infrastructureId, notes: stringOption(parsed, 'notes'), rotationIntervalDays: positiveInt(stringOption(parsed, 'rotate-days'), 'rotate-days'),
      }, secret);
      const team = await shareWithTeam(opened, view.id, clientId, secret);
      print(io, parsed.json, { ...view, teamVault: team }, () => [
        `Stored ${view.name} [${view.shortId}]${view.client ? ` for ${view.client}` : ''}: secret in the OS keychain, description in MSP Mode.`,
        ...(team === 'stored' ? ['Also in the team vault: your other machines fetch it on first use.'] : team === 'not logged in' ? [] : [`warning: kept on this machine only: ${team}`]),
      ].join('\n'));
    }),
};

const get: CommandSpec = {
  name: 'cred get',
  summary: 'Print one credential\'s secret (only the value, for pipes) from the OS keychain. Every reveal is audited.',
  positionals: [{ name: 'name', description: 'name (or part of it, if unambiguous) or id', required: true }],
  options: {
    field: { type: 'string', valueName: 'FIELD', description: 'secret (default) | username | url' },
    reason: { type: 'string', valueName: 'TEXT', description: 'why (kept in the audit log)' },
    client: { type: 'string', valueName: 'NAME', description: "only this client's credentials (when names repeat across clients)" },
  },
  run: (parsed, io) =>
    withContext(io, async (opened) => {
      const field = stringOption(parsed, 'field') ?? 'secret';
      if (field !== 'secret' && field !== 'username' && field !== 'url') throw badInput('field', `--field must be secret, username or url (got "${field}")`);
      const clientName = stringOption(parsed, 'client');
      const context = vault(opened);
      if (field === 'secret') await fetchMissingSecret(opened, context, parsed.positionals[0] ?? '', stringOption(parsed, 'reason'), clientName === undefined ? undefined : clientIdOf(opened, clientName) ?? null);
      const result = revealCredential(context, parsed.positionals[0] ?? '', {
        field: field, reason: stringOption(parsed, 'reason'), ...(clientName !== undefined ? { clientId: clientIdOf(opened, clientName) ?? null } : {}),
      });
      print(io, parsed.json, { id: result.credential.id, name: result.credential.name, field, value: result.value }, () => result.value);
    }),
};

const list: CommandSpec = {
  name: 'cred list',
  summary: 'Credentials (masked: never a secret), by client.',
  options: { client: { type: 'string', valueName: 'NAME', description: "only this client's" } },
  run: (parsed, io) =>
    withContext(io, (opened) => {
      const clientName = stringOption(parsed, 'client');
      const rows = listCredentials({ store: opened.store, keychain: osKeychain() }, clientName === undefined ? undefined : clientIdOf(opened, clientName) ?? null);
      print(io, parsed.json, rows, () => rows.length === 0 ? 'No credentials.' : rows.map((c) =>
        `[${c.shortId}] ${c.name} (${c.kind}${c.client ? `, ${c.client}` : ''})${c.username ? ` user ${c.username}` : ''} •••••••• v${c.secretVersion}, rotated ${day(c.lastRotatedAt)}, used ${day(c.lastUsedAt)}${c.onThisMachine ? '' : ' (secret not on this machine)'}`).join('\n'));
    }),
};

const rotate: CommandSpec = {
  name: 'cred rotate',
  summary: 'Store a new secret for a credential (hidden prompt or stdin): version raised, rotation date set, audited.',
  positionals: [{ name: 'name', description: 'name or id', required: true }],
  options: { reason: { type: 'string', valueName: 'TEXT', description: 'why (kept in the audit log)' } },
  run: (parsed, io) =>
    withContext(io, async (opened) => {
      const secret = await readSecret('New secret (not shown): ');
      const view = rotateCredential(vault(opened), parsed.positionals[0] ?? '', secret, stringOption(parsed, 'reason'));
      print(io, parsed.json, view, () => `Rotated ${view.name} [${view.shortId}]: now version ${view.secretVersion}.`);
    }),
};

const rotateDue: CommandSpec = {
  name: 'cred rotate-due',
  summary: 'Credentials whose rotation policy says they are due, most overdue first.',
  run: (parsed, io) =>
    withContext(io, (opened) => {
      const due = rotationDue(opened.store);
      print(io, parsed.json, due, () => due.length === 0 ? 'Nothing is due for rotation.' : due.map((c) =>
        `[${c.shortId}] ${c.name}${c.client ? ` (${c.client})` : ''}: due ${day(c.dueAt)}${c.overdueDays > 0 ? `, ${c.overdueDays} days overdue` : ''} (every ${c.rotationIntervalDays} days)`).join('\n'));
    }),
};

const totpCommand: CommandSpec = {
  name: 'cred totp',
  summary: 'The current one-time code of a stored TOTP seed (the seed is never shown). Audited.',
  positionals: [{ name: 'name', description: 'name or id of a totp_seed credential', required: true }],
  options: { reason: { type: 'string', valueName: 'TEXT', description: 'why (kept in the audit log)' } },
  run: (parsed, io) =>
    withContext(io, (opened) => {
      const result = totpCode(vault(opened), parsed.positionals[0] ?? '', stringOption(parsed, 'reason'));
      print(io, parsed.json, { id: result.credential.id, code: result.code, secondsLeft: result.secondsLeft }, () => `${result.code} (${result.secondsLeft} s left)`);
    }),
};

export const credCommands = [add, get, list, rotate, rotateDue, totpCommand];
