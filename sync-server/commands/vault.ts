/**
 * `msp-server keys rotate|retire` and `msp-server vault rewrap`: key-encryption key rotation of
 * the credential vault, done while servers keep serving. Only the generated (evaluation) keys
 * file is edited here; configured keys are the admin's, and the commands say what to do.
 * One rotation or re-wrap at a time per database (a MariaDB named lock).
 */
import os from 'node:os';
import type { RowDataPacket } from 'mysql2/promise';
import type { Clock } from '../clock.js';
import type { ServerConfig } from '../config.js';
import type { Database } from '../db/connection.js';
import { ConfigError, ServerError } from '../errors.js';
import { loadKeyring, type Keyring } from '../keys.js';
import { VaultAudit, type Actor } from '../vault/audit.js';
import { KekRing } from '../vault/kek-ring.js';
import { addKekToGeneratedFile, removeKekFromGeneratedFile } from '../vault/keys-file.js';
import { rewrapAll, secretsPerKek } from '../vault/rewrap.js';
import { withDatabase } from './database.js';

type Print = (line: string) => void;

function keyringOrFail(config: ServerConfig, clock: Clock, warn: Print): Keyring {
  const keyring = loadKeyring(config, { clock, create: false, warn });
  if (keyring === undefined) throw new ConfigError('MSP_SERVER_KEYS_FILE', `no keys configured and none generated yet in ${config.dataDir}: start msp-server once (it generates evaluation keys) or configure keys`);
  return keyring;
}

/** Where configured keys live, as the admin knows it. */
const configuredWhere = (keyring: Keyring) => (keyring.source.kind === 'inline' ? 'MSP_SERVER_KEKS' : `MSP_SERVER_KEYS_FILE (${keyring.source.file ?? ''})`);

function actorOf(command: string): Actor {
  let osUser = 'unknown';
  try {
    osUser = os.userInfo().username;
  } catch {
    // A container without a passwd entry for this uid: the command name alone says enough.
  }
  return { userName: `${command} (${osUser})`.slice(0, 64), machineId: null, ip: null };
}

/** Runs `work` holding the vault key lock of this database; refuses at once when another command holds it. */
async function withKeysLock<T>(database: Database, work: () => Promise<T>): Promise<T> {
  const connection = await database.pool.getConnection();
  const lockName = `msp-server-vault-keys:${database.name}`;
  try {
    const [locked] = await connection.query<RowDataPacket[]>('SELECT GET_LOCK(?, 0) AS got', [lockName]);
    if (Number(locked[0]?.got) !== 1) throw new ServerError('conflict', `another msp-server keys rotate/retire or vault rewrap is running on ${database.name}: wait for it to finish`);
    try {
      return await work();
    } finally {
      await connection.query('SELECT RELEASE_LOCK(?)', [lockName]);
    }
  } finally {
    connection.release();
  }
}

async function rewrapWithReport(database: Database, keyring: Keyring, clock: Clock, command: string, out: Print): Promise<void> {
  const keks = new KekRing(keyring);
  // The keyring was read before the command began; a rotation has just added to the file since.
  keks.reload();
  const deps = { db: database.db, clock, keks, audit: new VaultAudit(database.db, clock) };
  out(`re-wrapping data keys under KEK ${keks.newest().kid} (ciphertexts untouched; servers keep serving)`);
  let shown = 0;
  const result = await rewrapAll(deps, actorOf(command), {
    onBatch: (rewrapped) => {
      if (rewrapped - shown >= 500) {
        out(`  ${rewrapped} re-wrapped so far`);
        shown = rewrapped;
      }
    },
  });
  out(`re-wrapped ${result.rewrapped} secret(s) under ${result.kekId}${result.overtaken > 0 ? ` (${result.overtaken} were re-stored meanwhile)` : ''}; ${result.remaining} still under an older KEK`);
  const perKek = await secretsPerKek(database.db);
  const retirable = keks.ids().slice(1).filter((kid) => (perKek.get(kid) ?? 0) === 0);
  if (retirable.length > 0) out(`no secret uses ${retirable.join(', ')} any more: retire with msp-server keys retire KID (keep a backup of the keys until then)`);
  const [firstFailure] = result.failed;
  if (firstFailure !== undefined) {
    throw new ServerError('unavailable', `${result.failed.length} secret(s) could not be re-wrapped (audited as rewrap errors), e.g. ${firstFailure.reason}`);
  }
  if (result.remaining > 0) throw new ServerError('conflict', `${result.remaining} secret(s) were still wrapped under an older KEK by a server that does not know ${result.kekId} yet: make every msp-server load the new KEK, then run msp-server vault rewrap`);
}

export async function keysRotateCommand(config: ServerConfig, clock: Clock, out: Print, warn: Print): Promise<void> {
  const keyring = keyringOrFail(config, clock, warn);
  const file = keyring.source.file;
  if (keyring.source.kind !== 'generated' || file === undefined) {
    throw new ConfigError(keyring.source.kind === 'inline' ? 'MSP_SERVER_KEKS' : 'MSP_SERVER_KEYS_FILE',
      `keys come from your configuration, which msp-server does not edit. Add the new KEK there first ({"kid": "a new id", "createdAt": <now in ms, newer than the others>, "key": "<openssl rand -base64 32>"} in "keks"; keep the old ones), make every msp-server load it (a keys file is re-read when it changes; MSP_SERVER_KEKS needs a restart), then run: msp-server vault rewrap`);
  }
  await withDatabase(config, (database) => withKeysLock(database, async () => {
    const kid = addKekToGeneratedFile(file, clock);
    out(`added KEK ${kid} to ${file}; running servers read it from there (back the file up now)`);
    await rewrapWithReport(database, keyring, clock, 'msp-server keys rotate', out);
  }));
}

export async function vaultRewrapCommand(config: ServerConfig, clock: Clock, out: Print, warn: Print): Promise<void> {
  const keyring = keyringOrFail(config, clock, warn);
  await withDatabase(config, (database) => withKeysLock(database, () => rewrapWithReport(database, keyring, clock, 'msp-server vault rewrap', out)));
}

export async function keysRetireCommand(kid: string, config: ServerConfig, clock: Clock, out: Print, warn: Print): Promise<void> {
  const keyring = keyringOrFail(config, clock, warn);
  const index = keyring.keks.findIndex((kek) => kek.kid === kid);
  if (index < 0) throw new ServerError('not_found', `no KEK "${kid}" is configured (see msp-server keys list)`);
  if (index === 0) throw new ServerError('conflict', `KEK ${kid} is the newest: it wraps every new secret. Rotate first (msp-server keys rotate), then retire it`);
  await withDatabase(config, (database) => withKeysLock(database, async () => {
    const inUse = (await secretsPerKek(database.db)).get(kid) ?? 0;
    if (inUse > 0) throw new ServerError('conflict', `${inUse} secret(s) still use KEK ${kid}: run msp-server vault rewrap first, then retire it`);
    if (keyring.source.kind === 'generated' && keyring.source.file !== undefined) {
      removeKekFromGeneratedFile(keyring.source.file, kid);
      out(`retired KEK ${kid}: removed from ${keyring.source.file}`);
      return;
    }
    out(`no secret uses KEK ${kid}: remove it from ${configuredWhere(keyring)} on every msp-server (a keys file is re-read when it changes; MSP_SERVER_KEKS needs a restart)`);
  }));
}
