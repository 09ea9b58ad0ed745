import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { loadConfig } from '../../sync-server/config.js';
import { ConfigError } from '../../sync-server/errors.js';
import { GENERATED_KEYS_FILE, generateKeys, loadKeyring } from '../../sync-server/keys.js';
import { FakeClock, runServerCli } from './helpers.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'msp-server-config-'));
after(() => { rmSync(scratch, { recursive: true, force: true }); });
let fileCount = 0;
const writeJson = (value: unknown) => {
  const file = path.join(scratch, `config-${fileCount++}.json`);
  writeFileSync(file, JSON.stringify(value));
  return file;
};
const configError = (env: NodeJS.ProcessEnv): ConfigError => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('server configuration', () => {
  it('has working defaults with nothing set', () => {
    const config = loadConfig({ HOME: scratch });
    assert.equal(config.databaseUrl, 'mysql://root@127.0.0.1:3306/msp');
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.port, 47480);
    assert.equal(config.dataDir, path.join(scratch, '.local', 'share', 'msp-server'));
    assert.equal(config.tls, undefined);
  });

  it('reads a JSON config file, and the environment wins over it', () => {
    const file = writeJson({ port: 5000, host: '0.0.0.0', databaseUrl: 'mysql://msp:secret@db.internal:3307/jupiter' });
    const fromFile = loadConfig({ MSP_SERVER_CONFIG: file });
    assert.equal(fromFile.port, 5000);
    assert.equal(fromFile.databaseUrl, 'mysql://msp:secret@db.internal:3307/jupiter');
    assert.equal(loadConfig({ MSP_SERVER_CONFIG: file, MSP_SERVER_PORT: '6000' }).port, 6000);
  });

  it('names the setting and the fix for a bad value', () => {
    assert.match(configError({ MSP_SERVER_PORT: 'eighty' }).message, /^MSP_SERVER_PORT: must be a whole number from 0 to 65535/);
    assert.match(configError({ MSP_SERVER_PORT: '70000' }).message, /^MSP_SERVER_PORT: must be 0-65535/);
    assert.match(configError({ MSP_SERVER_DATABASE_URL: 'postgres://x' }).message, /^MSP_SERVER_DATABASE_URL: must look like mysql:\/\//);
    assert.match(configError({ MSP_SERVER_TLS_CERT: '/x.pem' }).message, /^MSP_SERVER_TLS_KEY: HTTPS needs both/);
    assert.match(configError({ MSP_SERVER_SIGNING_KEYS: '[oops' }).message, /^MSP_SERVER_SIGNING_KEYS: is not valid JSON/);
    assert.match(configError({ MSP_SERVER_CONFIG: writeJson({ prot: 1 }) }).message, /key "prot": unknown setting/);
    assert.match(configError({ MSP_SERVER_CONFIG: writeJson({ port: 'x' }) }).message, /key "port": must be a whole number/);
    assert.match(configError({ MSP_SERVER_CONFIG: path.join(scratch, 'missing.json') }).message, /^MSP_SERVER_CONFIG: cannot read/);
    assert.match(configError({ MSP_SERVER_TRUST_PROXY: 'nginx!' }).message, /^MSP_SERVER_TRUST_PROXY: must list proxy addresses/);
  });

  it('stops `msp-server` with one line and a non-zero exit on a bad setting', () => {
    const run = runServerCli(['serve'], { MSP_SERVER_PORT: 'eighty', MSP_SERVER_DATA_DIR: scratch });
    assert.equal(run.status, 1);
    assert.equal(run.stderr.trim().split('\n').length, 1);
    assert.match(run.stderr, /^msp-server: MSP_SERVER_PORT: /);
  });
});

describe('server keys', () => {
  const clock = new FakeClock();
  const warnings: string[] = [];
  const options = { clock, create: true, warn: (line: string) => { warnings.push(line); } };

  it('generates a signing key and a KEK into a 0600 file on first start, warns loudly, and reuses them', () => {
    const dataDir = path.join(scratch, 'data');
    const config = loadConfig({ MSP_SERVER_DATA_DIR: dataDir });
    assert.equal(loadKeyring(config, { ...options, create: false }), undefined, 'read-only commands do not generate keys');
    const first = loadKeyring(config, options);
    assert.ok(first);
    const file = path.join(dataDir, GENERATED_KEYS_FILE);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.match(warnings.join('\n'), /BACK THEM UP/);
    assert.match(first.current.kid, /^sig-\d{8}-[0-9a-f]{6}$/);
    assert.equal(first.keks[0]?.key.length, 32);
    const second = loadKeyring(config, options);
    assert.equal(second?.current.kid, first.current.kid);
    assert.deepEqual(second.keks[0], first.keks[0]);
    assert.equal(readFileSync(file, 'utf8').includes('PRIVATE KEY'), true);
    chmodSync(file, 0o644);
    assert.throws(() => loadKeyring(config, options), /readable by others.*chmod 600/);
  });

  it('uses configured keys: the newest signs, every one verifies', () => {
    const older = generateKeys({ now: () => 1_000 });
    const newer = generateKeys({ now: () => 2_000 });
    const keysFile = path.join(scratch, 'keys.json');
    writeFileSync(keysFile, JSON.stringify({ signingKeys: [...newer.signingKeys, ...older.signingKeys], keks: [...older.keks, ...newer.keks] }), { mode: 0o600 });
    const keyring = loadKeyring(loadConfig({ MSP_SERVER_KEYS_FILE: keysFile }), options);
    assert.ok(keyring);
    assert.equal(keyring.current.kid, newer.signingKeys[0]?.kid);
    assert.equal(keyring.verifying.size, 2);
    assert.equal(keyring.keks[0]?.kid, newer.keks[0]?.kid);
    const inline = loadKeyring(loadConfig({ MSP_SERVER_SIGNING_KEYS: JSON.stringify(older.signingKeys), MSP_SERVER_KEKS: JSON.stringify(older.keks) }), options);
    assert.equal(inline?.current.kid, older.signingKeys[0]?.kid);
  });

  it('refuses a key that is not Ed25519 or a KEK that is not 32 bytes, naming the setting', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const keys = generateKeys(clock);
    const signingKeys = JSON.stringify([{ kid: 'old-rsa', createdAt: 1, privateKey: rsa }]);
    assert.throws(() => loadKeyring(loadConfig({ MSP_SERVER_SIGNING_KEYS: signingKeys, MSP_SERVER_KEKS: JSON.stringify(keys.keks) }), options), /^ConfigError: MSP_SERVER_SIGNING_KEYS: signing key "old-rsa" is rsa, not Ed25519/);
    assert.throws(() => loadConfig({ MSP_SERVER_SIGNING_KEYS: JSON.stringify(keys.signingKeys), MSP_SERVER_KEKS: JSON.stringify([{ kid: 'k', createdAt: 1, key: 'c2hvcnQ=' }]) }), /MSP_SERVER_KEKS: key must be 32 random bytes/);
  });
});
