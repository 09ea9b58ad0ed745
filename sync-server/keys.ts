/**
 * The server's secrets: Ed25519 keys that sign access tokens (the newest signs, all verify, so a
 * new key can be added without logging anyone out) and key-encryption keys for the credential
 * vault. They come from a keys file, from inline settings, or, for evaluation, are generated on
 * first start into a 0600 file in the data dir and reused afterwards.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { firstIssue } from '../src-shared/validation.js';
import type { Clock } from './clock.js';
import { kekConfig, signingKeyConfig, type ServerConfig, type SigningKeyConfig } from './config.js';
import { ConfigError } from './errors.js';

export const GENERATED_KEYS_FILE = 'server-keys.json';

const keysFileSchema = z.object({ signingKeys: z.array(signingKeyConfig).min(1, 'must list at least one key'), keks: z.array(kekConfig).min(1, 'must list at least one key') }).strict();
type KeysFile = z.infer<typeof keysFileSchema>;

export interface SigningKey {
  kid: string;
  createdAt: number;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export interface KeyEncryptionKey {
  kid: string;
  createdAt: number;
  key: Buffer;
}

export interface Keyring {
  /** The newest signing key: it signs every new access token. */
  current: SigningKey;
  /** Every configured signing key by kid: tokens signed by any of them verify. */
  verifying: ReadonlyMap<string, KeyObject>;
  /** Newest first; the vault wraps new data keys with the first. */
  keks: readonly KeyEncryptionKey[];
  /** Where the keys came from, for `keys list` and the start-up warning. */
  source: { kind: 'generated' | 'file' | 'inline'; file?: string };
}

function signingKeyOf(entry: SigningKeyConfig, setting: string): SigningKey {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(entry.privateKey);
  } catch {
    throw new ConfigError(setting, `signing key "${entry.kid}" is not a PEM private key (make one with: openssl genpkey -algorithm ed25519)`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new ConfigError(setting, `signing key "${entry.kid}" is ${privateKey.asymmetricKeyType ?? 'not asymmetric'}, not Ed25519 (make one with: openssl genpkey -algorithm ed25519)`);
  }
  return { kid: entry.kid, createdAt: entry.createdAt, privateKey, publicKey: createPublicKey(privateKey) };
}

/** Checks and orders configured keys (newest first). Throws ConfigError naming `setting`. */
export function keyringOf(keys: KeysFile, setting: string, source: Keyring['source']): Keyring {
  const signing = keys.signingKeys.map((entry) => signingKeyOf(entry, setting)).sort((a, b) => b.createdAt - a.createdAt);
  const duplicate = [...signing, ...keys.keks].map((key) => key.kid).find((kid, index, all) => all.indexOf(kid) !== index);
  if (duplicate !== undefined) throw new ConfigError(setting, `key id "${duplicate}" is used twice: every key needs its own kid`);
  const keks = keys.keks.map((entry) => ({ kid: entry.kid, createdAt: entry.createdAt, key: Buffer.from(entry.key, 'base64') })).sort((a, b) => b.createdAt - a.createdAt);
  const current = signing[0];
  if (current === undefined || keks.length === 0) throw new ConfigError(setting, 'needs at least one signing key and one key-encryption key');
  return { current, verifying: new Map(signing.map((key) => [key.kid, key.publicKey])), keks, source };
}

export function readKeysFile(file: string, setting: string): KeysFile {
  let text: string;
  try {
    const mode = statSync(file).mode & 0o777;
    if ((mode & 0o077) !== 0) throw new ConfigError(setting, `${file} is readable by others (mode ${mode.toString(8)}): run chmod 600 ${file}`);
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(setting, `cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ConfigError(setting, `${file} is not valid JSON`);
  }
  const checked = keysFileSchema.safeParse(parsed);
  if (!checked.success) {
    const issue = firstIssue(checked.error);
    throw new ConfigError(setting, `${file}: ${issue.field} ${issue.message}`);
  }
  return checked.data;
}

/** A kid that says when the key was made and stays unique: sig-20260523-1a2b3c. */
export function kidOf(prefix: string, at: number): string {
  return `${prefix}-${new Date(at).toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(3).toString('hex')}`;
}

export function generateKeys(clock: Clock): KeysFile {
  const at = clock.now();
  const { privateKey } = generateKeyPairSync('ed25519');
  return {
    signingKeys: [{ kid: kidOf('sig', at), createdAt: at, privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() }],
    keks: [{ kid: kidOf('kek', at), createdAt: at, key: randomBytes(32).toString('base64') }],
  };
}

/**
 * Writes a new keys file, or returns false when one already exists (another instance starting at
 * the same time won). Written to a temp file then hard-linked into place: link fails when the
 * name exists, and a reader never sees a half-written file.
 */
function createKeysFile(file: string, keys: KeysFile): boolean {
  const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(partial, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    linkSync(partial, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new ConfigError('MSP_SERVER_DATA_DIR', `cannot write ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'}): make the data dir writable or configure keys`);
  } finally {
    rmSync(partial, { force: true });
  }
}

export const GENERATED_KEYS_WARNING = (file: string) => [
  '!!! ----------------------------------------------------------------------------- !!!',
  `!!! msp-server generated its token-signing key and key-encryption key into`,
  `!!!   ${file}`,
  '!!! This is fine for evaluation only. In production configure the keys yourself',
  '!!! (MSP_SERVER_KEYS_FILE, or MSP_SERVER_SIGNING_KEYS + MSP_SERVER_KEKS) and BACK THEM UP:',
  '!!! without the key-encryption key every stored credential secret is lost for good.',
  '!!! ----------------------------------------------------------------------------- !!!',
].join('\n');

export interface LoadKeysOptions {
  clock: Clock;
  /** Generate the evaluation keys file when no keys are configured (serve); false for read-only commands. */
  create: boolean;
  warn: (message: string) => void;
}

/** The keyring the configuration names. Throws ConfigError with the setting to fix. */
export function loadKeyring(config: ServerConfig, options: LoadKeysOptions): Keyring | undefined {
  if (config.keysFile !== undefined) return keyringOf(readKeysFile(config.keysFile, 'MSP_SERVER_KEYS_FILE'), 'MSP_SERVER_KEYS_FILE', { kind: 'file', file: config.keysFile });
  if (config.signingKeys !== undefined && config.keks !== undefined) {
    return keyringOf({ signingKeys: config.signingKeys, keks: config.keks }, 'MSP_SERVER_SIGNING_KEYS', { kind: 'inline' });
  }
  const file = path.join(config.dataDir, GENERATED_KEYS_FILE);
  let created = false;
  try {
    statSync(file);
  } catch {
    if (!options.create) return undefined;
    created = createKeysFile(file, generateKeys(options.clock));
  }
  const keyring = keyringOf(readKeysFile(file, 'MSP_SERVER_DATA_DIR'), 'MSP_SERVER_DATA_DIR', { kind: 'generated', file });
  options.warn(created ? GENERATED_KEYS_WARNING(file) : `warning: using the evaluation keys generated in ${file}; production must configure its own keys and back them up (see README "Running the sync server")`);
  return keyring;
}
