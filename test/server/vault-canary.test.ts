import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, MARIADB_HOST, MARIADB_PORT, type TestDatabase } from '../helpers/mariadb.js';
import { call, login, PASSWORD, runServerCli, spawnServer, type CallOptions, type ServerProcess } from './helpers.js';
import { CLIENT_A, newCredentialId } from './vault-helpers.js';

const CANARY = `canary-${randomBytes(12).toString('hex')}`;
/** The canary as text, hex and base64: a secret merely encoded is still leaked. */
const leaksOf = (text: string) => [CANARY, Buffer.from(CANARY).toString('hex'), Buffer.from(CANARY).toString('base64')].filter((form) => text.toLowerCase().includes(form.toLowerCase()));

describe('a canary secret stored and revealed through every path leaks nowhere but the reveal', () => {
  let database: TestDatabase;
  let dataDir: string;
  let server: ServerProcess;
  let env: NodeJS.ProcessEnv;
  const replies: { label: string; text: string }[] = [];

  const send = async (label: string, method: string, route: string, options: CallOptions) => {
    const reply = await call(server.url, method, route, options);
    replies.push({ label: `${label} (${reply.status})`, text: JSON.stringify(reply.body) });
    return reply;
  };

  before(async () => {
    database = await createTestDatabase();
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'msp-vault-canary-'));
    env = { MSP_SERVER_DATABASE_URL: database.url, MSP_SERVER_DATA_DIR: dataDir, MSP_SERVER_LOG_LEVEL: 'trace', MSP_SERVER_BODY_LIMIT: '4096', MSP_SERVER_KEYS_FILE: '', MSP_SERVER_KEKS: '', MSP_SERVER_SIGNING_KEYS: '', MSP_SERVER_CONFIG: '' };
    for (const [name, admin] of [['admin', true], ['rita', false]] as const) {
      const added = runServerCli(['user', 'add', name, ...(admin ? ['--admin'] : []), '--password-stdin'], env, PASSWORD);
      assert.equal(added.status, 0, added.stderr);
    }
    server = await spawnServer(env);
  });
  after(async () => {
    await server.stop();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is absent from responses, error bodies, server output and a mysqldump', async () => {
    // Two logins of the admin: each has its own budget of 10 credential requests a minute, and this test makes 14.
    const adminLogins = [(await login(server.url, 'admin')).accessToken, (await login(server.url, 'admin', { fingerprint: 'c'.repeat(64) })).accessToken];
    let used = 0;
    const adminToken = () => adminLogins[used++ % adminLogins.length] ?? '';
    const rita = (await login(server.url, 'rita', { fingerprint: 'b'.repeat(64) })).accessToken;
    const id = newCredentialId();
    const secretRoute = `/v1/vault/secrets/${id}`;

    assert.equal((await send('store', 'PUT', secretRoute, { token: adminToken(), body: { clientId: CLIENT_A, secret: CANARY, reason: 'canary test' } })).status, 200);
    const revealed = await call(server.url, 'POST', `${secretRoute}/reveal`, { token: adminToken(), body: { reason: 'canary test' } });
    assert.equal(revealed.body.secret, CANARY, 'the reveal is the one place the secret appears');

    // Refused and failed requests that carry the canary.
    const refused: [string, string, string, CallOptions, number][] = [
      ['store without a grant', 'PUT', secretRoute, { token: rita, body: { clientId: CLIENT_A, secret: CANARY } }, 403],
      ['reveal without a grant', 'POST', `${secretRoute}/reveal`, { token: rita, body: {} }, 403],
      ['store with an unknown field', 'PUT', secretRoute, { token: adminToken(), body: { clientId: CLIENT_A, secret: CANARY, note: CANARY } }, 400],
      ['store with a bad client', 'PUT', secretRoute, { token: adminToken(), body: { clientId: CANARY, secret: CANARY } }, 400],
      ['store with a bad credential id', 'PUT', '/v1/vault/secrets/not-an-id', { token: adminToken(), body: { clientId: CLIENT_A, secret: CANARY } }, 400],
      ['store with the secret as a number', 'PUT', secretRoute, { token: adminToken(), body: { clientId: CLIENT_A, secret: [CANARY] } }, 400],
      ['broken JSON', 'PUT', secretRoute, { token: adminToken(), rawBody: `{"clientId":null,"secret":"${CANARY}"` }, 400],
      ['not JSON', 'PUT', secretRoute, { token: adminToken(), rawBody: CANARY, headers: { 'content-type': 'text/plain' } }, 400],
      ['too large', 'PUT', secretRoute, { token: adminToken(), body: { clientId: CLIENT_A, secret: `${CANARY}${'z'.repeat(5000)}` } }, 413],
      ['bad token', 'PUT', secretRoute, { token: `${adminToken()}x`, body: { clientId: CLIENT_A, secret: CANARY } }, 401],
      ['no protocol header', 'PUT', secretRoute, { token: adminToken(), protocol: false, body: { clientId: CLIENT_A, secret: CANARY } }, 400],
    ];
    for (const [label, method, route, options, status] of refused) assert.equal((await send(label, method, route, options)).status, status, label);

    // A damaged row: the reveal's error names the problem, not the secret.
    await database.query('UPDATE vault_secrets SET tag = UNHEX(REPEAT(\'00\', 16)) WHERE credential_id = ?', [id]);
    assert.equal((await send('reveal of a damaged row', 'POST', `${secretRoute}/reveal`, { token: adminToken(), body: {} })).status, 503);
    assert.equal((await send('store again', 'PUT', secretRoute, { token: adminToken(), body: { clientId: CLIENT_A, secret: CANARY } })).status, 200);
    await send('audit report', 'GET', `/v1/admin/vault/audit?credential=${id}`, { token: adminToken() });
    await send('grants', 'GET', '/v1/admin/credential-permissions', { token: adminToken() });
    await send('sync verify', 'GET', '/v1/sync/verify', { token: adminToken() });
    await send('openapi', 'GET', '/v1/openapi.json', { protocol: false });
    assert.equal((await send('delete', 'DELETE', secretRoute, { token: adminToken(), body: { reason: 'done' } })).status, 200);

    const cli = runServerCli(['audit', '--credential', id], env);
    assert.equal(cli.status, 0, cli.stderr);
    assert.deepEqual(leaksOf(cli.stdout + cli.stderr), [], 'msp-server audit output');

    // Store it again so the dump has a live ciphertext to be checked, then stop (the request log is written on stop).
    assert.equal((await send('store for the dump', 'PUT', secretRoute, { token: adminToken(), body: { clientId: CLIENT_A, secret: CANARY } })).status, 200);
    assert.equal(await server.stop(), 0);

    for (const reply of replies) assert.deepEqual(leaksOf(reply.text), [], `response of ${reply.label}: ${reply.text}`);
    assert.ok(server.output().length > 0);
    assert.deepEqual(leaksOf(server.output()), [], 'server stdout/stderr');

    const dump = execFileSync('mysqldump', [`-h${MARIADB_HOST}`, `-P${String(MARIADB_PORT)}`, '-uroot', database.name], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    assert.match(dump, /INSERT INTO `vault_secrets`/);
    assert.match(dump, /INSERT INTO `vault_audit`/);
    assert.deepEqual(leaksOf(dump), [], 'mysqldump of the database');
    const hexDump = execFileSync('mysqldump', [`-h${MARIADB_HOST}`, `-P${String(MARIADB_PORT)}`, '-uroot', '--hex-blob', database.name], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    assert.deepEqual(leaksOf(hexDump), [], 'mysqldump --hex-blob of the database');
    // Nor is the key that would open it: KEKs live in the keys file only.
    const keys = JSON.parse(readFileSync(path.join(dataDir, 'server-keys.json'), 'utf8')) as { keks: { key: string }[] };
    for (const kek of keys.keks) {
      assert.ok(!dump.includes(kek.key) && !hexDump.toLowerCase().includes(Buffer.from(kek.key, 'base64').toString('hex')), 'a KEK is in the dump');
      assert.ok(!server.output().includes(kek.key), 'a KEK is in the server output');
    }
  });
});
