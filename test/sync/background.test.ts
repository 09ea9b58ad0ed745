import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { manualClock } from '../../src-main/core/clock.js';
import { uuidv7Source } from '../../src-main/core/ids.js';
import { Store } from '../../src-main/store/store.js';
import { BackgroundSync } from '../../src-main/sync/background.js';
import { osKeychain } from '../../src-main/vault/keychain.js';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../src-shared/sync-api.js';
import { createTestDatabase, type TestDatabase } from '../helpers/mariadb.js';
import { mspBin, startAgent, tempHome, type RunningAgent } from '../helpers/processes.js';
import { PASSWORD, login, runServerCli, spawnServer, type ServerProcess } from '../server/helpers.js';

async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

describe('background sync: backoff', () => {
  it('retries a server that cannot be reached with exponential backoff and jitter, and stops cleanly', async (t) => {
    const dir = tempHome(t);
    const clock = manualClock(Date.now());
    const store = Store.open({ file: path.join(dir, 'msp.db'), clock, ids: uuidv7Source(() => clock.now()) });
    t.after(() => { store.close(); });
    const loginFile = path.join(dir, 'sync-login.json');
    writeFileSync(loginFile, JSON.stringify({ server: 'http://127.0.0.1:9', user: 'ann', machineId: 'm', refreshToken: 'r', accessToken: 'a', accessExpiresAt: Date.now() + 3_600_000 }), { mode: 0o600 });
    const problems: string[] = [];
    const started = Date.now();
    const sync = new BackgroundSync(store, loginFile, { afterChangeMs: 1, backoffMs: 40, maxBackoffMs: 160, random: () => 1, onProblem: (m) => problems.push(`${Date.now() - started} ${m}`) });
    sync.start();
    await waitFor('five failures', () => (problems.length >= 5 ? true : undefined), 10_000);
    await sync.stop();
    const times = problems.slice(0, 5).map((line) => Number(line.split(' ')[0]));
    const gaps = times.slice(1).map((time, i) => time - (times[i] ?? 0));
    // 40, 80, 160, 160 ms, each times 1.2 (the top of the ±20 % jitter with random() = 1).
    for (const [i, expected] of [48, 96, 192, 192].entries()) assert.ok((gaps[i] ?? 0) >= expected - 5 && (gaps[i] ?? 0) < expected + 150, `gap ${i}: ${gaps[i]} ms, expected about ${expected}`);
    assert.match(problems[0] ?? '', /cannot reach the sync server at http:\/\/127\.0\.0\.1:9/);
  });
});

describe('background sync in the agent, against the real msp-server', () => {
  let database: TestDatabase;
  let server: ServerProcess;
  let root: string;
  let serverEnv: NodeJS.ProcessEnv;

  before(async () => {
    database = await createTestDatabase();
    root = mkdtempSync(path.join(os.tmpdir(), 'msp-bgsync-'));
    serverEnv = { MSP_SERVER_DATABASE_URL: database.url, MSP_SERVER_DATA_DIR: path.join(root, 'server') };
    server = await spawnServer(serverEnv);
    for (const [user, admin] of [['ann', false], ['boss', true]] as const) {
      const added = runServerCli(['user', 'add', user, ...(admin ? ['--admin'] : []), '--password-stdin'], serverEnv, `${PASSWORD}\n`);
      assert.equal(added.status, 0, added.stderr);
    }
  });
  after(async () => {
    await server.stop();
    await database.drop();
    rmSync(root, { recursive: true, force: true });
  });

  it('pushes new work within seconds, and stops for good when the machine is revoked', async (t) => {
    const home = path.join(root, 'laptop');
    mkdirSync(home, { recursive: true });
    const msp = (args: string[], input?: string) => spawnSync(process.execPath, [mspBin, ...args], { env: { ...process.env, HOME: home, MSP_HOME: path.join(home, 'msp') }, input, encoding: 'utf8', timeout: 30_000 });
    // An admin, so the secret below also goes into the team vault: what a revoked machine wipes are such copies.
    assert.equal(msp(['login', '--server', server.url, '--user', 'boss', '--password-stdin'], PASSWORD).status, 0);
    assert.equal(msp(['config', 'set', 'sync.intervalSeconds', '5']).status, 0);
    const agent: RunningAgent = await startAgent(path.join(home, 'msp'));
    t.after(() => agent.stop());
    assert.equal(msp(['client', 'add', 'Acme Background']).status, 0);
    await waitFor('the client on the server', async () => {
      const rows = await database.query<{ name: string }>("SELECT name FROM clients WHERE name = 'Acme Background'");
      return rows.length === 1 ? true : undefined;
    });

    // A secret this machine cached in its keychain: a revoked machine must wipe it.
    const cached = msp(['cred', 'add', 'Laptop cached secret', '--json'], 'Cached-On-Laptop-1');
    assert.equal(cached.status, 0, `${cached.stderr} (run the tests with npm test: it starts a keychain)`);
    const cachedId = (JSON.parse(cached.stdout) as { id: string }).id;
    t.after(() => { osKeychain().delete(cachedId); });
    assert.equal(osKeychain().get(cachedId), 'Cached-On-Laptop-1');
    const machineId = (JSON.parse(readFileSync(path.join(home, 'msp', 'sync-login.json'), 'utf8')) as { machineId: string }).machineId;
    assert.equal((JSON.parse(cached.stdout) as { teamVault: string }).teamVault, 'stored');
    const boss = await login(server.url, 'boss', { fingerprint: 'b'.repeat(64) });
    const revoked = await fetch(new URL('/v1/admin/revoke', server.url), {
      method: 'POST',
      headers: { authorization: `Bearer ${boss.accessToken}`, 'content-type': 'application/json', [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) },
      body: JSON.stringify({ kind: 'machine', subject: machineId, reason: 'laptop stolen' }),
    });
    assert.equal(revoked.status, 200, await revoked.text());
    assert.equal(msp(['client', 'add', 'After Revocation']).status, 0);
    const stopped = await waitFor('the agent to be told', () => {
      const state = JSON.parse(msp(['sync', 'status', '--json']).stdout) as { refused: string | null };
      return state.refused ?? undefined;
    });
    assert.match(stopped, /refused this machine|log in again/);
    assert.match(msp(['sync', 'status']).stdout, /STOPPED: +the server refused this machine/);
    await waitFor('the agent to log it', () => (/sync stopped: /.test(agent.output()) ? true : undefined), 5000);
    await waitFor('the cached secret to be wiped', () => (osKeychain().get(cachedId) === null ? true : undefined), 5000);
    await waitFor('the wipe to be logged', () => (/revoked by the sync server: [1-9]\d* cached secrets removed/.test(agent.output()) ? true : undefined), 5000);
    const rows = await database.query<{ n: number }>("SELECT count(*) AS n FROM clients WHERE name = 'After Revocation'");
    assert.equal(Number(rows[0]?.n), 0, 'nothing more reaches the server from a revoked machine');
  });
});
