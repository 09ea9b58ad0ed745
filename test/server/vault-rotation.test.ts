import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../sync-server/config.js';
import { generateKeys, loadKeyring, type Keyring } from '../../sync-server/keys.js';
import { addKekToGeneratedFile } from '../../sync-server/vault/keys-file.js';
import { createTestDatabase, type TestDatabase } from '../helpers/mariadb.js';
import { FakeClock, runServerCli, serverBin, startInProcess, type CliRun, type InProcessServer } from './helpers.js';
import { CLIENT_A, newCredentialId, usersWithTokens, vaultClient, type VaultClient } from './vault-helpers.js';

const SECRETS = 150;

/** `msp-server ARGS` as its own process, without blocking this one (the in-process server keeps answering). */
function runServerCliAsync(args: string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  const child = spawn(process.execPath, [serverBin, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  return new Promise((resolve) => { child.once('close', (code) => { resolve({ status: code ?? -1, stdout, stderr }); }); });
}

async function storeMany(vault: VaultClient, admin: string, count: number): Promise<Map<string, string>> {
  const secrets = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    const id = newCredentialId();
    const secret = `secret number ${i} ${id.slice(0, 8)}`;
    const reply = await vault.store(admin, id, { clientId: CLIENT_A, secret });
    assert.equal(reply.status, 200);
    secrets.set(id, secret);
  }
  return secrets;
}

async function assertAllReadable(vault: VaultClient, token: string, secrets: Map<string, string>): Promise<void> {
  for (const [id, secret] of secrets) {
    const reply = await vault.reveal(token, id);
    assert.equal(reply.body.secret, secret, `${id}: ${JSON.stringify(reply.body)}`);
  }
}

const kekIdsInUse = async (database: TestDatabase) => (await database.query<{ kek_id: string; n: number }>('SELECT kek_id, COUNT(*) AS n FROM vault_secrets GROUP BY kek_id ORDER BY kek_id')).map((row) => `${row.kek_id}:${row.n}`);

describe('KEK rotation with generated keys, while another client reveals in a loop', () => {
  let database: TestDatabase;
  let dataDir: string;
  let server: InProcessServer;
  let keyring: Keyring;
  let vault: VaultClient;
  let tokens: Record<string, string>;
  let secrets: Map<string, string>;
  let env: NodeJS.ProcessEnv;
  let firstKid: string;
  let secondKid: string;

  before(async () => {
    database = await createTestDatabase();
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'msp-vault-rotation-'));
    env = { MSP_SERVER_DATABASE_URL: database.url, MSP_SERVER_DATA_DIR: dataDir, MSP_SERVER_KEYS_FILE: '', MSP_SERVER_KEKS: '', MSP_SERVER_SIGNING_KEYS: '', MSP_SERVER_CONFIG: '' };
    const clock = new FakeClock();
    const loaded = loadKeyring(loadConfig(env), { clock, create: true, warn: () => undefined });
    assert.ok(loaded);
    keyring = loaded;
    server = await startInProcess(database.url, { clock, keyring });
    vault = vaultClient(server.base);
    tokens = await usersWithTokens(server, ['admin', 'rita'], ['admin']);
    await vault.grant(tokens.admin ?? '', { grantee: 'rita', clientId: CLIENT_A });
    secrets = await storeMany(vault, tokens.admin ?? '', SECRETS);
    firstKid = keyring.keks[0]?.kid ?? '';
  });
  after(async () => {
    await server.close();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('the only KEK cannot be retired', () => {
    const refused = runServerCli(['keys', 'retire', firstKid], env);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /is the newest: it wraps every new secret. Rotate first/);
  });

  it('keys rotate re-wraps every data key while every reveal keeps succeeding', async (t) => {
    const ids = [...secrets.keys()];
    let rotating = true;
    let revealed = 0;
    let revealedDuringRotation = 0;
    const failures: string[] = [];
    const revealer = async (offset: number) => {
      for (let i = offset; rotating || i < offset + 40; i += 4) {
        const id = ids[i % ids.length] ?? '';
        const reply = await vault.reveal(tokens.rita ?? '', id, 'loop');
        revealed += 1;
        if (rotating) revealedDuringRotation += 1;
        if (reply.body.secret !== secrets.get(id)) failures.push(`${id}: ${reply.status} ${JSON.stringify(reply.body)}`);
      }
    };
    const loops = [0, 1, 2, 3].map((offset) => revealer(offset));
    const rotation = await runServerCliAsync(['keys', 'rotate'], env);
    rotating = false;
    await Promise.all(loops);
    assert.equal(rotation.status, 0, rotation.stderr);
    assert.deepEqual(failures, []);
    assert.ok(revealedDuringRotation > 20, `only ${revealedDuringRotation} reveals overlapped the rotation`);
    assert.ok(revealed > revealedDuringRotation);
    t.diagnostic(`${revealedDuringRotation} reveals during the rotation, ${revealed} in all, none failed`);

    secondKid = /added KEK (\S+) to /.exec(rotation.stdout)?.[1] ?? '';
    assert.match(secondKid, /^kek-\d{8}-[0-9a-f]{6}$/);
    assert.match(rotation.stdout, new RegExp(`re-wrapped ${SECRETS} secret\\(s\\) under ${secondKid}; 0 still under an older KEK`));
    assert.match(rotation.stdout, new RegExp(`no secret uses ${firstKid} any more`));
    assert.deepEqual(await kekIdsInUse(database), [`${secondKid}:${SECRETS}`]);
    const file = JSON.parse(readFileSync(path.join(dataDir, 'server-keys.json'), 'utf8')) as { keks: { kid: string }[] };
    assert.deepEqual(file.keks.map((kek) => kek.kid), [secondKid, firstKid]);

    const [rewraps] = await database.query<{ n: number; users: string }>("SELECT COUNT(*) AS n, GROUP_CONCAT(DISTINCT user_name) AS users FROM vault_audit WHERE action = 'rewrap' AND outcome = 'success'");
    assert.ok(rewraps);
    assert.equal(rewraps.n, SECRETS);
    assert.match(rewraps.users, /^msp-server keys rotate \(/);
    await assertAllReadable(vault, tokens.rita ?? '', secrets);

    // The running server read the new KEK from the file: new secrets are wrapped under it.
    const fresh = await storeMany(vault, tokens.admin ?? '', 1);
    for (const [id, secret] of fresh) secrets.set(id, secret);
    assert.deepEqual(await kekIdsInUse(database), [`${secondKid}:${SECRETS + 1}`]);
    const listed = runServerCli(['keys', 'list'], env);
    assert.match(listed.stdout, new RegExp(`kek\\s+${secondKid}\\s+wraps new secrets`));
    assert.match(listed.stdout, new RegExp(`kek\\s+${firstKid}\\s+unwraps only`));
  });

  it('an old KEK is retired only once no secret uses it', async () => {
    // A third KEK added without re-wrapping: every secret still uses the second.
    const thirdKid = addKekToGeneratedFile(path.join(dataDir, 'server-keys.json'), new FakeClock(Date.now()));
    const refused = runServerCli(['keys', 'retire', secondKid], env);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, new RegExp(`${SECRETS + 1} secret\\(s\\) still use KEK ${secondKid}: run msp-server vault rewrap first`));

    const retired = runServerCli(['keys', 'retire', firstKid], env);
    assert.equal(retired.status, 0, retired.stderr);
    assert.match(retired.stdout, new RegExp(`retired KEK ${firstKid}: removed from`));

    const rewrap = runServerCli(['vault', 'rewrap'], env);
    assert.equal(rewrap.status, 0, rewrap.stderr);
    assert.match(rewrap.stdout, new RegExp(`re-wrapped ${SECRETS + 1} secret\\(s\\) under ${thirdKid}`));
    assert.equal(runServerCli(['keys', 'retire', secondKid], env).status, 0);
    const file = JSON.parse(readFileSync(path.join(dataDir, 'server-keys.json'), 'utf8')) as { keks: { kid: string }[] };
    assert.deepEqual(file.keks.map((kek) => kek.kid), [thirdKid]);
    assert.equal(runServerCli(['keys', 'retire', 'kek-nope'], env).status, 1);
    await assertAllReadable(vault, tokens.admin ?? '', secrets);
  });
});

describe('KEK rotation with an admin-configured keys file', () => {
  let database: TestDatabase;
  let dir: string;
  let keysFile: string;
  let server: InProcessServer;
  let env: NodeJS.ProcessEnv;

  before(async () => {
    database = await createTestDatabase();
    dir = mkdtempSync(path.join(os.tmpdir(), 'msp-vault-keysfile-'));
    keysFile = path.join(dir, 'keys.json');
    writeFileSync(keysFile, JSON.stringify(generateKeys(new FakeClock())), { mode: 0o600 });
    env = { MSP_SERVER_DATABASE_URL: database.url, MSP_SERVER_KEYS_FILE: keysFile, MSP_SERVER_DATA_DIR: dir, MSP_SERVER_KEKS: '', MSP_SERVER_SIGNING_KEYS: '', MSP_SERVER_CONFIG: '' };
    const clock = new FakeClock();
    const keyring = loadKeyring(loadConfig(env), { clock, create: false, warn: () => undefined });
    assert.ok(keyring);
    server = await startInProcess(database.url, { clock, keyring });
  });
  after(async () => {
    await server.close();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keys rotate explains the steps; after the admin adds a KEK, vault rewrap moves every secret and the server keeps reading them', async () => {
    const vault = vaultClient(server.base);
    const admin = (await usersWithTokens(server, ['admin'], ['admin'])).admin ?? '';
    const secrets = await storeMany(vault, admin, 20);
    const oldKid = server.keyring.keks[0]?.kid ?? '';

    const rotate = runServerCli(['keys', 'rotate'], env);
    assert.equal(rotate.status, 1);
    assert.match(rotate.stderr, /MSP_SERVER_KEYS_FILE: keys come from your configuration, which msp-server does not edit. Add the new KEK there first .*then run: msp-server vault rewrap/);

    const keys = JSON.parse(readFileSync(keysFile, 'utf8')) as ReturnType<typeof generateKeys>;
    const added = generateKeys(new FakeClock(Date.now())).keks[0];
    assert.ok(added);
    writeFileSync(keysFile, JSON.stringify({ ...keys, keks: [{ ...added, kid: 'kek-admin-2' }, ...keys.keks] }), { mode: 0o600 });
    const rewrap = runServerCli(['vault', 'rewrap'], env);
    assert.equal(rewrap.status, 0, rewrap.stderr);
    assert.match(rewrap.stdout, /re-wrapped 20 secret\(s\) under kek-admin-2; 0 still under an older KEK/);
    assert.deepEqual(await kekIdsInUse(database), ['kek-admin-2:20']);
    await assertAllReadable(vault, admin, secrets);

    const retire = runServerCli(['keys', 'retire', oldKid], env);
    assert.equal(retire.status, 0, retire.stderr);
    assert.match(retire.stdout, new RegExp(`no secret uses KEK ${oldKid}: remove it from MSP_SERVER_KEYS_FILE \\(${keysFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\) on every msp-server`));
    assert.equal((JSON.parse(readFileSync(keysFile, 'utf8')) as { keks: unknown[] }).keks.length, 2, 'configured keys are the admin\'s to edit');
  });
});
