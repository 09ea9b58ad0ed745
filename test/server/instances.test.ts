import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { TokenPair } from '../../src-shared/sync-api.js';
import { createTestDatabase, type TestDatabase } from '../helpers/mariadb.js';
import { call, fingerprintOf, login, PASSWORD, runServerCli, spawnServer, type ServerProcess } from './helpers.js';

const CACHE_MS = 1000;

describe('two server processes on one database', () => {
  let database: TestDatabase;
  let dir: string;
  let one: ServerProcess;
  let two: ServerProcess;
  let env: NodeJS.ProcessEnv;
  before(async () => {
    database = await createTestDatabase();
    dir = mkdtempSync(path.join(os.tmpdir(), 'msp-server-pair-'));
    // Both share the keys file (as two instances behind nginx share their configured keys).
    env = { MSP_SERVER_DATABASE_URL: database.url, MSP_SERVER_DATA_DIR: dir, MSP_SERVER_REVOCATION_CACHE_MS: String(CACHE_MS) };
    [one, two] = await Promise.all([spawnServer(env), spawnServer(env)]);
  });
  after(async () => {
    await Promise.all([one.stop(), two.stop()]);
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('started together: both migrated and generated (or reused) the same keys', () => {
    assert.notEqual(one.port, two.port);
  });

  it('a user added through one logs in on the other; refresh rotation crosses them; reuse is caught on either', async () => {
    assert.equal(runServerCli(['user', 'add', 'alice', '--admin', '--password-stdin'], env, PASSWORD).status, 0);
    const first = await login(one.url, 'alice');
    assert.equal((await call(two.url, 'GET', '/v1/whoami', { token: first.accessToken })).status, 200);
    const second = await call<TokenPair>(two.url, 'POST', '/v1/auth/refresh', { body: { refreshToken: first.refreshToken } });
    assert.equal(second.status, 200);
    const third = await call<TokenPair>(one.url, 'POST', '/v1/auth/refresh', { body: { refreshToken: second.body.refreshToken } });
    assert.equal(third.status, 200);
    const reuse = await call(two.url, 'POST', '/v1/auth/refresh', { body: { refreshToken: first.refreshToken } });
    assert.equal(reuse.status, 401);
    assert.equal((await call(one.url, 'POST', '/v1/auth/refresh', { body: { refreshToken: third.body.refreshToken } })).status, 401);
  });

  it('a revocation made on one is honoured by the other within the cache window', async () => {
    const admin = await login(one.url, 'alice', { fingerprint: fingerprintOf('9') });
    const victim = await login(two.url, 'alice', { fingerprint: fingerprintOf('7') });
    assert.equal((await call(two.url, 'GET', '/v1/whoami', { token: victim.accessToken })).status, 200);
    const revoked = await call(one.url, 'POST', '/v1/admin/revoke', { token: admin.accessToken, body: { kind: 'machine', subject: victim.machineId, reason: 'laptop stolen' } });
    assert.equal(revoked.status, 200);
    const revokedAt = Date.now();
    let status = 200;
    while (status === 200 && Date.now() - revokedAt < CACHE_MS + 2000) {
      status = (await call(two.url, 'GET', '/v1/whoami', { token: victim.accessToken })).status;
      if (status === 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(status, 401);
    assert.ok(Date.now() - revokedAt <= CACHE_MS + 500, `took ${Date.now() - revokedAt} ms`);
  });

  it('both write their audit rows, and a graceful stop loses none', async () => {
    const pair = await login(two.url, 'alice', { fingerprint: fingerprintOf('5') });
    for (let i = 0; i < 20; i += 1) await call(two.url, 'GET', '/v1/whoami', { token: pair.accessToken });
    assert.equal(await two.stop('SIGTERM'), 0);
    const rows = await database.query<{ n: number }>("SELECT COUNT(*) AS n FROM api_audit_log WHERE route = '/v1/whoami' AND machine_id = ?", [pair.machineId]);
    assert.equal(rows[0]?.n, 20);
  });
});
