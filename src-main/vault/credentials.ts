import { MspError } from '../core/errors.js';
import { shortId } from '../core/ids.js';
import { parseTotpSeed, totp } from '../core/totp.js';
import type { Store } from '../store/store.js';
import { KEYCHAIN_SERVICE, type Keychain } from './keychain.js';

export const CREDENTIAL_KINDS = ['password', 'api_key', 'ssh_key', 'connection_string', 'totp_seed', 'certificate', 'other'] as const;
export type CredentialKind = (typeof CREDENTIAL_KINDS)[number];

/** Who and where, for the audit rows every access writes. */
export interface VaultContext {
  store: Store;
  keychain: Keychain;
  machineId: string;
  actor: string;
  /** The active MSP session, if any: audit rows name it. */
  sessionId: string | null;
}

export interface CredentialView {
  id: string;
  shortId: string;
  name: string;
  kind: string;
  client: string | null;
  username: string | null;
  url: string | null;
  infrastructure: string | null;
  secretVersion: number;
  lastRotatedAt: number | null;
  rotationIntervalDays: number | null;
  lastUsedAt: number | null;
  createdAt: number;
  /** Whether this machine's keychain holds the secret (metadata syncs; secrets do not). */
  onThisMachine: boolean;
}

interface CredentialRow {
  id: string; name: string; kind: string; clientId: string | null; client: string | null; username: string | null; url: string | null;
  infrastructure: string | null; secretVersion: number; lastRotatedAt: number | null; rotationIntervalDays: number | null;
  lastUsedAt: number | null; createdAt: number; keychainRef: string | null;
}

const SELECT = `
  SELECT c.id, c.name, c.kind, c.client_id AS clientId, cl.name AS client, c.username, c.url, i.name AS infrastructure,
         c.secret_version AS secretVersion, c.last_rotated_at AS lastRotatedAt, c.rotation_interval_days AS rotationIntervalDays,
         c.last_used_at AS lastUsedAt, c.created_at AS createdAt, c.keychain_ref AS keychainRef
    FROM credentials c
    LEFT JOIN clients cl ON cl.id = c.client_id
    LEFT JOIN infrastructure i ON i.id = c.infrastructure_id`;

/** The keychain account of a credential's secret: its id (names change, ids do not). */
const accountOf = (credentialId: string) => credentialId;

function toView(row: CredentialRow, keychain?: Keychain): CredentialView {
  return {
    id: row.id, shortId: shortId(row.id), name: row.name, kind: row.kind, client: row.client, username: row.username, url: row.url,
    infrastructure: row.infrastructure, secretVersion: row.secretVersion, lastRotatedAt: row.lastRotatedAt,
    rotationIntervalDays: row.rotationIntervalDays, lastUsedAt: row.lastUsedAt, createdAt: row.createdAt,
    onThisMachine: row.keychainRef !== null && (keychain ? keychain.get(accountOf(row.id)) !== null : true),
  };
}

function audit(context: VaultContext, row: Pick<CredentialRow, 'id' | 'clientId' | 'secretVersion'>, action: string, outcome: 'success' | 'denied' | 'error', reason?: string): void {
  context.store.write((writer) => writer.insert('credential_audit_log', {
    credentialId: row.id, clientId: row.clientId, action, actor: context.actor, machineId: context.machineId, sessionId: context.sessionId,
    secretVersion: row.secretVersion, reason: reason ?? null, outcome, at: context.store.clock.now(),
  }));
}

export interface AddCredentialRequest {
  name: string;
  clientId: string | null;
  kind?: string;
  username?: string;
  url?: string;
  infrastructureId?: string;
  notes?: string;
  rotationIntervalDays?: number;
}

function checkSecret(secret: string, kind: string): void {
  if (secret.length === 0) throw new MspError('bad_input', 'the secret is empty: give it on standard input', 'secret');
  if (secret.length > 65_536) throw new MspError('bad_input', 'the secret is longer than 65536 characters', 'secret');
  if (kind === 'totp_seed') parseTotpSeed(secret);
}

/** Stores the secret in the OS keychain and its metadata (never the value) in SQLite; audited. */
export function addCredential(context: VaultContext, request: AddCredentialRequest, secret: string): CredentialView {
  const kind = request.kind ?? 'password';
  if (!(CREDENTIAL_KINDS as readonly string[]).includes(kind)) throw new MspError('bad_input', `--kind must be one of ${CREDENTIAL_KINDS.join(', ')} (got "${kind}")`, 'kind');
  const name = request.name.trim();
  if (name === '' || name.length > 200) throw new MspError('bad_input', 'the credential name must be 1 to 200 characters', 'name');
  if (request.url && /\/\/[^/\s]*:[^/\s]*@/.test(request.url)) throw new MspError('bad_input', '--url must not hold credentials (user:password@): give the username with --username and the secret on stdin', 'url');
  checkSecret(secret, kind);
  const { store } = context;
  const clash = store.prepared('SELECT id FROM credentials WHERE lower(name) = lower(?) AND client_id IS ? AND deleted = 0').get(name, request.clientId) as { id: string } | undefined;
  if (clash) throw new MspError('conflict', `a credential named "${name}" exists for this client already [${shortId(clash.id)}]: rotate it with msp cred rotate`);
  const now = store.clock.now();
  const id = store.ids.newId();
  // Keychain first: if it fails, no metadata points at a secret that is not there.
  context.keychain.set(accountOf(id), secret);
  try {
    store.write((writer) => {
      writer.insert('credentials', {
        id, clientId: request.clientId, infrastructureId: request.infrastructureId ?? null, name, kind, username: request.username ?? null,
        url: request.url ?? null, notes: request.notes ?? null, keychainRef: `${KEYCHAIN_SERVICE}/${accountOf(id)}`, secretVersion: 1, status: 'active',
        lastRotatedAt: now, rotationIntervalDays: request.rotationIntervalDays ?? null,
      });
      writer.insert('credential_audit_log', {
        credentialId: id, clientId: request.clientId, action: 'create', actor: context.actor, machineId: context.machineId, sessionId: context.sessionId,
        secretVersion: 1, reason: null, outcome: 'success', at: now,
      });
    });
  } catch (error) {
    context.keychain.delete(accountOf(id));
    throw error;
  }
  return getView(context, id);
}

function getView(context: VaultContext, id: string): CredentialView {
  const row = context.store.prepared(`${SELECT} WHERE c.id = ?`).get(id) as CredentialRow;
  return toView(row, context.keychain);
}

/**
 * Finds one credential by id, short id or name: exact name first (case-insensitive), then a
 * unique partial match. Two or more matches → an error listing them; nothing is revealed.
 */
export function findCredential(store: Store, text: string, clientId?: string | null): CredentialRow {
  const needle = text.trim();
  const scope = clientId === undefined ? '' : ' AND c.client_id IS ?';
  const args = clientId === undefined ? [] : [clientId];
  const byId = store.prepared(`${SELECT} WHERE c.deleted = 0 AND (c.id = ? OR substr(replace(c.id, '-', ''), -8) = lower(?))${scope}`).all(needle, needle, ...args) as CredentialRow[];
  if (byId.length === 1 && byId[0]) return byId[0];
  const exact = store.prepared(`${SELECT} WHERE c.deleted = 0 AND lower(c.name) = lower(?)${scope}`).all(needle, ...args) as CredentialRow[];
  const partial = exact.length > 0 ? exact : (store.prepared(`${SELECT} WHERE c.deleted = 0 AND instr(lower(c.name), lower(?)) > 0${scope} ORDER BY c.name LIMIT 20`).all(needle, ...args) as CredentialRow[]);
  if (partial.length === 1 && partial[0]) return partial[0];
  if (partial.length === 0) throw new MspError('not_found', `no credential matches "${needle}": msp cred list shows them`);
  const listed = partial.map((row) => `[${shortId(row.id)}] ${row.name}${row.client ? ` (${row.client})` : ''}`).join('; ');
  throw new MspError('conflict', `${partial.length} credentials match "${needle}": ${listed}. Say which (by id, or add --client); nothing was revealed`);
}

/** One credential's description (never its secret), for a model or a list; audited as a read. */
export function lookupCredential(context: VaultContext, text: string, options: { clientId?: string | null; reason?: string } = {}): CredentialView {
  const row = findCredential(context.store, text, options.clientId);
  audit(context, row, 'read', 'success', options.reason);
  return toView(row, context.keychain);
}

export type CredentialField = 'secret' | 'username' | 'url';

/** The secret (or another field) of one credential, from this machine's keychain; every reveal audited. */
export function revealCredential(context: VaultContext, text: string, options: { field?: CredentialField; reason?: string; clientId?: string | null } = {}): { value: string; credential: CredentialView } {
  const row = findCredential(context.store, text, options.clientId);
  const field = options.field ?? 'secret';
  if (field !== 'secret') {
    audit(context, row, 'read', 'success', options.reason);
    const value = field === 'username' ? row.username : row.url;
    if (value === null) throw new MspError('not_found', `${row.name} has no ${field}`);
    return { value, credential: toView(row) };
  }
  let secret: string | null;
  try {
    secret = context.keychain.get(accountOf(row.id));
  } catch (error) {
    audit(context, row, 'reveal', 'error', options.reason);
    throw error;
  }
  if (secret === null) {
    audit(context, row, 'reveal', 'error', options.reason);
    throw new MspError('not_found', `the secret of ${row.name} [${shortId(row.id)}] is not in this machine's keychain (it was stored on another machine): fetch it from the sync server once the vault sync is set up`);
  }
  audit(context, row, 'reveal', 'success', options.reason);
  context.store.write((writer) => writer.update('credentials', row.id, { lastUsedAt: context.store.clock.now() }));
  return { value: secret, credential: toView(row) };
}

/** A new secret for a credential: version raised, rotation date set, audited. */
export function rotateCredential(context: VaultContext, text: string, secret: string, reason?: string): CredentialView {
  const row = findCredential(context.store, text);
  checkSecret(secret, row.kind);
  context.keychain.set(accountOf(row.id), secret);
  const now = context.store.clock.now();
  context.store.write((writer) => {
    writer.update('credentials', row.id, { secretVersion: row.secretVersion + 1, lastRotatedAt: now, keychainRef: `${KEYCHAIN_SERVICE}/${accountOf(row.id)}` });
    writer.insert('credential_audit_log', {
      credentialId: row.id, clientId: row.clientId, action: 'rotate', actor: context.actor, machineId: context.machineId, sessionId: context.sessionId,
      secretVersion: row.secretVersion + 1, reason: reason ?? null, outcome: 'success', at: now,
    });
  });
  return getView(context, row.id);
}

export function listCredentials(context: Pick<VaultContext, 'store' | 'keychain'>, clientId?: string | null): CredentialView[] {
  const rows = (clientId === undefined
    ? context.store.prepared(`${SELECT} WHERE c.deleted = 0 ORDER BY cl.name, c.name`).all()
    : context.store.prepared(`${SELECT} WHERE c.deleted = 0 AND c.client_id IS ? ORDER BY c.name`).all(clientId)) as CredentialRow[];
  return rows.map((row) => toView(row, context.keychain));
}

/** Credentials whose rotation interval has passed (oldest due first), with days overdue. */
export function rotationDue(store: Store): (CredentialView & { dueAt: number; overdueDays: number })[] {
  const now = store.clock.now();
  const rows = store.prepared(`${SELECT} WHERE c.deleted = 0 AND c.rotation_interval_days IS NOT NULL`).all() as CredentialRow[];
  return rows
    .map((row) => {
      const dueAt = (row.lastRotatedAt ?? row.createdAt) + (row.rotationIntervalDays ?? 0) * 86_400_000;
      return { ...toView(row), dueAt, overdueDays: Math.floor((now - dueAt) / 86_400_000) };
    })
    .filter((row) => row.dueAt <= now)
    .sort((a, b) => a.dueAt - b.dueAt);
}

/** The current code of a stored TOTP seed (the seed itself is never shown); audited as a reveal. */
export function totpCode(context: VaultContext, text: string, reason?: string): { code: string; secondsLeft: number; credential: CredentialView } {
  const row = findCredential(context.store, text);
  if (row.kind !== 'totp_seed') throw new MspError('bad_input', `${row.name} is a ${row.kind}, not a totp_seed`, 'kind');
  const { value } = revealCredential(context, row.id, { reason });
  const seed = parseTotpSeed(value);
  return { ...totp(seed.secret, context.store.clock.now(), seed.options), credential: toView(row) };
}

const TEAM_COPIES = 'vault.team_copies';

/** Notes that the team vault holds this secret too (stored from here, or fetched from there). */
export function markTeamCopy(store: Store, credentialId: string): void {
  const ids = new Set(JSON.parse(store.readState(TEAM_COPIES) ?? '[]') as string[]);
  if (ids.has(credentialId)) return;
  ids.add(credentialId);
  store.write(() => { store.writeState(TEAM_COPIES, JSON.stringify([...ids])); });
}

/**
 * A revoked machine removes the secrets it holds as copies of the team vault's; the metadata
 * stays. A secret that exists only in this keychain (never stored in the team vault) is kept:
 * wiping it would lose it. Returns how many were removed.
 */
export function wipeLocalSecrets(context: Pick<VaultContext, 'store' | 'keychain'>): number {
  const ids = JSON.parse(context.store.readState(TEAM_COPIES) ?? '[]') as string[];
  let removed = 0;
  for (const id of ids) if (context.keychain.delete(accountOf(id))) removed++;
  context.store.write(() => { context.store.writeState(TEAM_COPIES, '[]'); });
  return removed;
}
