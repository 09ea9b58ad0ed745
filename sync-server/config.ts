/**
 * The server's settings: environment variables, then an optional JSON config file
 * (MSP_SERVER_CONFIG); the environment wins. A bad value stops the start with one line naming
 * the setting and the fix (ConfigError).
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_SERVER_PORT } from '../src-shared/sync-api.js';
import { firstIssue } from '../src-shared/validation.js';
import { ConfigError } from './errors.js';

export const signingKeyConfig = z
  .object({
    kid: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'kid must be 1-64 letters, digits, dots, dashes or underscores'),
    createdAt: z.number().int().min(0),
    privateKey: z.string().min(1, 'privateKey must be an Ed25519 private key in PKCS#8 PEM'),
  })
  .strict();
export type SigningKeyConfig = z.infer<typeof signingKeyConfig>;

export const kekConfig = z
  .object({
    kid: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'kid must be 1-64 letters, digits, dots, dashes or underscores'),
    createdAt: z.number().int().min(0),
    key: z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'key must be 32 random bytes in base64 (openssl rand -base64 32)'),
  })
  .strict();
export type KekConfig = z.infer<typeof kekConfig>;

export interface ServerConfig {
  databaseUrl: string;
  host: string;
  port: number;
  dataDir: string;
  /** A keys file (the generated one's format); else inline keys; else generated in dataDir. */
  keysFile?: string;
  signingKeys?: SigningKeyConfig[];
  keks?: KekConfig[];
  tls?: { certFile: string; keyFile: string };
  bodyLimitBytes: number;
  logLevel: string;
  /** How long a revocation check is reused for one token: the delay before another instance's revocation bites. */
  revocationCacheMs: number;
  /** Reverse proxies (addresses or CIDR ranges) whose X-Forwarded-For names the client IP. */
  trustProxy: string[];
}

const jsonArray = (text: string): unknown => JSON.parse(text);

/** Every setting: its config-file key, its variable, how the variable's text is read, its schema. */
const settings = {
  databaseUrl: { env: 'MSP_SERVER_DATABASE_URL', read: String, schema: z.string().regex(/^mysql:\/\/[^/]+\/[A-Za-z0-9_]{1,64}(\?.*)?$/, 'must look like mysql://USER[:PASSWORD]@HOST:PORT/DATABASE (database name: letters, digits, _)'), fallback: 'mysql://root@127.0.0.1:3306/msp' },
  host: { env: 'MSP_SERVER_HOST', read: String, schema: z.string().min(1, 'must be an address to listen on, e.g. 127.0.0.1 or 0.0.0.0'), fallback: '127.0.0.1' },
  port: { env: 'MSP_SERVER_PORT', read: Number, schema: z.number({ error: 'must be a whole number from 0 to 65535' }).int('must be a whole number').min(0, 'must be 0-65535').max(65535, 'must be 0-65535'), fallback: DEFAULT_SERVER_PORT },
  dataDir: { env: 'MSP_SERVER_DATA_DIR', read: String, schema: z.string().min(1, 'must be a directory path').optional(), fallback: undefined },
  keysFile: { env: 'MSP_SERVER_KEYS_FILE', read: String, schema: z.string().min(1, 'must be a file path').optional(), fallback: undefined },
  signingKeys: { env: 'MSP_SERVER_SIGNING_KEYS', read: jsonArray, schema: z.array(signingKeyConfig).min(1, 'must list at least one key').optional(), fallback: undefined },
  keks: { env: 'MSP_SERVER_KEKS', read: jsonArray, schema: z.array(kekConfig).min(1, 'must list at least one key').optional(), fallback: undefined },
  tlsCert: { env: 'MSP_SERVER_TLS_CERT', read: String, schema: z.string().min(1, 'must be a PEM certificate file path').optional(), fallback: undefined },
  tlsKey: { env: 'MSP_SERVER_TLS_KEY', read: String, schema: z.string().min(1, 'must be a PEM private key file path').optional(), fallback: undefined },
  bodyLimitBytes: { env: 'MSP_SERVER_BODY_LIMIT', read: Number, schema: z.number({ error: 'must be a whole number of bytes' }).int('must be a whole number of bytes').min(1024, 'must be at least 1024').max(256 * 1024 * 1024, 'must be at most 268435456'), fallback: 4 * 1024 * 1024 },
  logLevel: { env: 'MSP_SERVER_LOG_LEVEL', read: String, schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']), fallback: 'warn' },
  trustProxy: { env: 'MSP_SERVER_TRUST_PROXY', read: (text: string) => text.split(',').map((part) => part.trim()).filter((part) => part !== ''), schema: z.array(z.string().regex(/^[0-9a-fA-F.:]+(\/\d{1,3})?$/, 'must list proxy addresses or CIDR ranges, e.g. 127.0.0.1,10.0.0.0/8')), fallback: [] as string[] },
  revocationCacheMs: { env: 'MSP_SERVER_REVOCATION_CACHE_MS', read: Number, schema: z.number({ error: 'must be a whole number of milliseconds' }).int('must be a whole number of milliseconds').min(0, 'must be 0-10000').max(10_000, 'must be 0-10000 (revocations must bite within seconds)'), fallback: 2000 },
} as const;
type SettingName = keyof typeof settings;

function defaultDataDir(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_DATA_HOME ?? path.join(env.HOME ?? os.homedir(), '.local', 'share');
  return path.join(base, 'msp-server');
}

function readConfigFile(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError('MSP_SERVER_CONFIG', `cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'}): fix the path or unset MSP_SERVER_CONFIG`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ConfigError('MSP_SERVER_CONFIG', `${file} is not valid JSON`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new ConfigError('MSP_SERVER_CONFIG', `${file} must hold a JSON object`);
  const unknownKey = Object.keys(parsed).find((key) => !(key in settings));
  if (unknownKey !== undefined) throw new ConfigError(`${file} key "${unknownKey}"`, `unknown setting (known: ${Object.keys(settings).join(', ')})`);
  return parsed as Record<string, unknown>;
}

function readSetting(name: SettingName, env: NodeJS.ProcessEnv, file: Record<string, unknown>, fileName: string): unknown {
  const setting = settings[name];
  const envText = env[setting.env];
  let raw: unknown;
  let source: string;
  if (envText !== undefined && envText !== '') {
    source = setting.env;
    try {
      raw = setting.read(envText);
    } catch {
      throw new ConfigError(source, 'is not valid JSON (expected an array of keys)');
    }
  } else if (name in file) {
    source = `${fileName} key "${name}"`;
    raw = file[name];
  } else {
    return setting.fallback;
  }
  const parsed = (setting.schema as z.ZodType).safeParse(raw);
  if (!parsed.success) {
    const issue = firstIssue(parsed.error);
    const where = issue.field === '(body)' ? '' : ` (${issue.field})`;
    throw new ConfigError(source, `${issue.message}${where}`);
  }
  return parsed.data;
}

/** Reads the configuration from the environment and MSP_SERVER_CONFIG. Throws ConfigError. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const fileName = env.MSP_SERVER_CONFIG;
  const file = fileName !== undefined && fileName !== '' ? readConfigFile(fileName) : {};
  const get = (name: SettingName): unknown => readSetting(name, env, file, fileName ?? 'config file');
  const tlsCert = get('tlsCert') as string | undefined;
  const tlsKey = get('tlsKey') as string | undefined;
  if ((tlsCert === undefined) !== (tlsKey === undefined)) {
    throw new ConfigError(tlsCert === undefined ? 'MSP_SERVER_TLS_CERT' : 'MSP_SERVER_TLS_KEY', 'HTTPS needs both MSP_SERVER_TLS_CERT and MSP_SERVER_TLS_KEY: set the other one too, or neither for plain HTTP');
  }
  const keysFile = get('keysFile') as string | undefined;
  const signingKeys = get('signingKeys') as SigningKeyConfig[] | undefined;
  const keks = get('keks') as KekConfig[] | undefined;
  if (keysFile !== undefined && (signingKeys !== undefined || keks !== undefined)) {
    throw new ConfigError('MSP_SERVER_KEYS_FILE', 'give keys either as a keys file or inline (MSP_SERVER_SIGNING_KEYS, MSP_SERVER_KEKS), not both');
  }
  if ((signingKeys === undefined) !== (keks === undefined)) {
    throw new ConfigError(signingKeys === undefined ? 'MSP_SERVER_SIGNING_KEYS' : 'MSP_SERVER_KEKS', 'inline keys need both MSP_SERVER_SIGNING_KEYS and MSP_SERVER_KEKS');
  }
  return {
    databaseUrl: get('databaseUrl') as string,
    host: get('host') as string,
    port: get('port') as number,
    dataDir: path.resolve((get('dataDir') as string | undefined) ?? defaultDataDir(env)),
    ...(keysFile !== undefined ? { keysFile: path.resolve(keysFile) } : {}),
    ...(signingKeys !== undefined ? { signingKeys } : {}),
    ...(keks !== undefined ? { keks } : {}),
    ...(tlsCert !== undefined && tlsKey !== undefined ? { tls: { certFile: path.resolve(tlsCert), keyFile: path.resolve(tlsKey) } } : {}),
    bodyLimitBytes: get('bodyLimitBytes') as number,
    logLevel: get('logLevel') as string,
    revocationCacheMs: get('revocationCacheMs') as number,
    trustProxy: get('trustProxy') as string[],
  };
}
