import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { checkKeychain, osKeychain } from '../../src-main/vault/keychain.js';
import { createTestDatabase, type TestDatabase } from '../helpers/mariadb.js';
import { mspBin } from '../helpers/processes.js';
import { PASSWORD, runServerCli, spawnServer, type ServerProcess } from '../server/helpers.js';

const CANARY = 'Team-Canary-5b1e!-secret';

/** A technician machine: own HOME (fingerprint), data dir and keychain service (its own keychain). */
function machine(root: string, name: string) {
  const home = path.join(root, name);
  mkdirSync(home, { recursive: true });
  const service = `MSP Mode test ${name} ${process.pid}`;
  const env = { ...process.env, HOME: home, MSP_HOME: path.join(home, 'msp'), MSP_KEYCHAIN_SERVICE: service };
  const msp = (args: string[], input = '') => {
    const result = spawnSync(process.execPath, [mspBin, ...args], { env, input, encoding: 'utf8', timeout: 60_000 });
    return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
  };
  return { msp, keychain: osKeychain(service) };
}

describe('the team vault: a secret stored on one machine is fetched by another, audited on the server', () => {
  let database: TestDatabase;
  let server: ServerProcess;
  let root: string;
  let serverEnv: NodeJS.ProcessEnv;
  before(async () => {
    try {
      checkKeychain(osKeychain());
    } catch (error) {
      assert.fail(`these tests need an OS keychain: run them with npm test (install: apt-get install -y gnome-keyring dbus dbus-x11): ${(error as Error).message}`);
    }
    database = await createTestDatabase();
    root = mkdtempSync(path.join(os.tmpdir(), 'msp-team-vault-'));
    serverEnv = { MSP_SERVER_DATABASE_URL: database.url, MSP_SERVER_DATA_DIR: path.join(root, 'server') };
    server = await spawnServer(serverEnv);
    for (const [user, admin] of [['boss', true], ['temp', false]] as const) {
      assert.equal(runServerCli(['user', 'add', user, ...(admin ? ['--admin'] : []), '--password-stdin'], serverEnv, `${PASSWORD}\n`).status, 0);
    }
  });
  after(async () => {
    await server.stop();
    await database.drop();
    rmSync(root, { recursive: true, force: true });
  });

  it('stores on the laptop, syncs the description, and the desktop fetches the secret into its own keychain', async (t) => {
    const laptop = machine(root, 'laptop');
    const desktop = machine(root, 'desktop');
    for (const m of [laptop, desktop]) assert.equal(m.msp(['login', '--server', server.url, '--user', 'boss', '--password-stdin'], PASSWORD).status, 0);
    assert.equal(laptop.msp(['client', 'add', 'Acme']).status, 0);
    const added = laptop.msp(['cred', 'add', 'ACME-FW01 admin', '--client', 'Acme', '--username', 'admin', '--json'], CANARY);
    assert.equal(added.status, 0, added.stderr);
    const stored = JSON.parse(added.stdout) as { id: string; teamVault: string };
    t.after(() => { laptop.keychain.delete(stored.id); desktop.keychain.delete(stored.id); });
    assert.equal(stored.teamVault, 'stored');
    assert.equal(laptop.msp(['sync']).status, 0);
    assert.equal(desktop.msp(['sync']).status, 0);

    assert.equal(desktop.keychain.get(stored.id), null, 'the desktop does not hold it yet');
    assert.match(desktop.msp(['cred', 'list']).stdout, /ACME-FW01 admin .*\(secret not on this machine\)/);
    const got = desktop.msp(['cred', 'get', 'FW01', '--reason', 'firmware update']);
    assert.equal(got.status, 0, got.stderr);
    assert.equal(got.stdout, `${CANARY}\n`);
    assert.equal(desktop.keychain.get(stored.id), CANARY, 'now in the desktop\'s own keychain');
    // The laptop reveals from its own keychain: its audit row syncs, and who-saw-what includes it.
    assert.equal(laptop.msp(['cred', 'get', 'FW01', '--reason', 'config backup']).status, 0);
    assert.equal(laptop.msp(['sync']).status, 0);
    const audit = runServerCli(['audit', '--credential', stored.id], serverEnv);
    assert.match(audit.stdout, /reveal +vault +success +boss .*firmware update/);
    assert.match(audit.stdout, /reveal +keychain +success +boss .*config backup/);
    assert.match(audit.stdout, /create +keychain +success +boss/);
    assert.ok(!audit.stdout.includes(CANARY));
    const rows = await database.query<{ n: number }>(`SELECT count(*) AS n FROM sync_changes WHERE fields LIKE '%${CANARY}%'`);
    assert.equal(Number(rows[0]?.n), 0, 'the secret never travels through the change log');
  });

  it('a user without a grant gets a clear refusal and nothing is revealed', async (t) => {
    const owner = machine(root, 'owner');
    const other = machine(root, 'other');
    assert.equal(owner.msp(['login', '--server', server.url, '--user', 'boss', '--password-stdin'], PASSWORD).status, 0);
    assert.equal(other.msp(['login', '--server', server.url, '--user', 'temp', '--password-stdin'], PASSWORD).status, 0);
    owner.msp(['client', 'add', 'Beta']);
    const added = owner.msp(['cred', 'add', 'BETA-NAS admin', '--client', 'Beta', '--json'], `${CANARY}-beta`);
    const id = (JSON.parse(added.stdout) as { id: string }).id;
    t.after(() => { owner.keychain.delete(id); other.keychain.delete(id); });
    owner.msp(['sync']);
    other.msp(['sync']);
    const refused = other.msp(['cred', 'get', 'BETA-NAS']);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /^msp: the team vault refused to reveal the secret from it: /);
    assert.ok(!refused.stdout.includes(CANARY) && !refused.stderr.includes(CANARY));
    assert.equal(other.keychain.get(id), null);
    const denied = await database.query<{ outcome: string }>('SELECT outcome FROM vault_audit WHERE credential_id = ? AND action = ?', [id, 'reveal']);
    assert.deepEqual(denied.map((r) => r.outcome), ['denied']);
  });
});
