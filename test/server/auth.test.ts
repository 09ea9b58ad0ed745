import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ServerErrorBody, TokenPair, WhoamiResponse } from '../../src-shared/sync-api.js';
import { naturalIds } from '../../src-main/core/ids.js';
import { generateKeys, keyringOf } from '../../sync-server/keys.js';
import { createTestDatabase, type TestDatabase } from '../helpers/mariadb.js';
import { call, fingerprintOf, login, loginBody, PASSWORD, startInProcess, type InProcessServer } from './helpers.js';

describe('sync server authentication', () => {
  let database: TestDatabase;
  let server: InProcessServer;
  before(async () => {
    database = await createTestDatabase();
    server = await startInProcess(database.url);
    await server.services.users.add('alice', PASSWORD, false);
    await server.services.users.add('root-admin', PASSWORD, true);
    await server.services.users.add('mallory', PASSWORD, false);
  });
  after(async () => {
    await server.close();
    await database.drop();
  });

  const whoami = (token: string) => call<WhoamiResponse & Partial<ServerErrorBody>>(server.base, 'GET', '/v1/whoami', { token });

  it('logs in with the right password and gives a 1-hour EdDSA token naming user, machine and scopes', async () => {
    const pair = await login(server.base, 'alice');
    assert.equal(pair.expiresIn, 3600);
    assert.match(pair.refreshToken, /^[A-Za-z0-9_-]{43}$/);
    const header = JSON.parse(Buffer.from(pair.accessToken.split('.')[0] ?? '', 'base64url').toString()) as { alg: string; kid: string };
    assert.equal(header.alg, 'EdDSA');
    assert.equal(header.kid, server.keyring.current.kid);
    const me = await whoami(pair.accessToken);
    assert.equal(me.status, 200);
    assert.equal(me.body.user, 'alice');
    assert.deepEqual(me.body.scopes, ['msp:read', 'msp:write', 'msp:credentials']);
    assert.equal(me.body.machineId, pair.machineId);
    assert.equal(me.body.expiresAt, server.clock.now() - (server.clock.now() % 1000) + 3600 * 1000);
  });

  it('gives the machine the id the agent gives it (UUIDv5 of the fingerprint)', async () => {
    const fingerprint = fingerprintOf('b');
    const pair = await login(server.base, 'alice', { fingerprint });
    assert.equal(pair.machineId, naturalIds.machine(fingerprint));
  });

  it('stores only an argon2id hash of the password and only a SHA-256 of refresh tokens', async () => {
    const pair = await login(server.base, 'alice');
    const [user] = await database.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE name = ?', ['alice']);
    assert.match(user?.password_hash ?? '', /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const tokens = await database.query<{ token_hash: string }>('SELECT token_hash FROM refresh_tokens');
    assert.ok(tokens.every((row) => /^[0-9a-f]{64}$/.test(row.token_hash) && row.token_hash !== pair.refreshToken));
  });

  it('refuses a wrong password and an unknown user with the same answer', async () => {
    const wrong = await call(server.base, 'POST', '/v1/auth/login', { body: loginBody('alice', 'not the password at all') });
    const unknown = await call(server.base, 'POST', '/v1/auth/login', { body: loginBody('nobody', PASSWORD) });
    assert.equal(wrong.status, 401);
    assert.deepEqual(wrong.body, unknown.body);
    assert.equal(wrong.body.error, 'wrong user name or password');
  });

  it('admins also get msp:admin', async () => {
    const pair = await login(server.base, 'root-admin');
    assert.deepEqual(pair.scopes, ['msp:read', 'msp:write', 'msp:credentials', 'msp:admin']);
  });

  it('expires access tokens after one hour of the injected clock', async () => {
    const pair = await login(server.base, 'alice');
    server.clock.advance(3599_000);
    assert.equal((await whoami(pair.accessToken)).status, 200);
    server.clock.advance(1000);
    const expired = await whoami(pair.accessToken);
    assert.equal(expired.status, 401);
    assert.match(String(expired.body.error), /expired: refresh it/);
  });

  it('rotates refresh tokens: each is single-use, the new pair works', async () => {
    const first = await login(server.base, 'alice');
    const second = await call<TokenPair>(server.base, 'POST', '/v1/auth/refresh', { body: { refreshToken: first.refreshToken } });
    assert.equal(second.status, 200);
    assert.notEqual(second.body.refreshToken, first.refreshToken);
    assert.equal((await whoami(second.body.accessToken)).status, 200);
    const third = await call<TokenPair>(server.base, 'POST', '/v1/auth/refresh', { body: { refreshToken: second.body.refreshToken } });
    assert.equal(third.status, 200);
  });

  it('a spent refresh token presented again revokes the whole family, with a clear 401, and is recorded', async () => {
    const first = await login(server.base, 'alice');
    const second = await call<TokenPair>(server.base, 'POST', '/v1/auth/refresh', { body: { refreshToken: first.refreshToken } });
    const reuse = await call(server.base, 'POST', '/v1/auth/refresh', { body: { refreshToken: first.refreshToken } });
    assert.equal(reuse.status, 401);
    assert.match(String(reuse.body.error), /already used.*revoked/);
    // The thief's copy and the legitimate holder's newer tokens are all dead now.
    const afterReuse = await call(server.base, 'POST', '/v1/auth/refresh', { body: { refreshToken: second.body.refreshToken } });
    assert.equal(afterReuse.status, 401);
    assert.equal((await whoami(second.body.accessToken)).status, 401);
    assert.equal((await whoami(first.accessToken)).status, 401);
    const recorded = await database.query<{ reason: string }>("SELECT reason FROM revocations WHERE kind = 'family'");
    assert.ok(recorded.some((row) => row.reason === 'reuse of a spent refresh token'));
    // Other logins of the same user are untouched.
    assert.equal((await whoami((await login(server.base, 'alice')).accessToken)).status, 200);
  });

  it('two refreshes racing on one token: exactly one wins, the other counts as reuse', async () => {
    const pair = await login(server.base, 'alice');
    const replies = await Promise.all([1, 2].map(() => call(server.base, 'POST', '/v1/auth/refresh', { body: { refreshToken: pair.refreshToken } })));
    assert.deepEqual(replies.map((reply) => reply.status).sort(), [200, 401]);
  });

  it('refresh tokens expire after 30 days unused', async () => {
    const pair = await login(server.base, 'alice');
    server.clock.advance(30 * 24 * 3600 * 1000);
    const reply = await call(server.base, 'POST', '/v1/auth/refresh', { body: { refreshToken: pair.refreshToken } });
    assert.equal(reply.status, 401);
    assert.match(String(reply.body.error), /expired/);
  });

  it('logout ends the login: its refresh token and access token stop working', async () => {
    const pair = await login(server.base, 'alice');
    assert.equal((await call(server.base, 'POST', '/v1/auth/logout', { body: { refreshToken: pair.refreshToken } })).status, 200);
    assert.equal((await whoami(pair.accessToken)).status, 401);
    assert.equal((await call(server.base, 'POST', '/v1/auth/refresh', { body: { refreshToken: pair.refreshToken } })).status, 401);
  });

  it('revokes by token id, by machine and by user; a later login works again', async () => {
    const admin = await login(server.base, 'root-admin', { fingerprint: fingerprintOf('f') });
    const revoke = (kind: string, subject: string) => call(server.base, 'POST', '/v1/admin/revoke', { token: admin.accessToken, body: { kind, subject, reason: 'test' } });

    const one = await login(server.base, 'mallory', { fingerprint: fingerprintOf('c') });
    const sibling = await login(server.base, 'mallory', { fingerprint: fingerprintOf('c') });
    const tokenId = (await whoami(one.accessToken)).body.tokenId;
    assert.equal((await revoke('token', tokenId)).status, 200);
    assert.equal((await whoami(one.accessToken)).status, 401);
    assert.equal((await whoami(sibling.accessToken)).status, 200, 'a token revocation ends that token only');

    const elsewhere = await login(server.base, 'mallory', { fingerprint: fingerprintOf('d') });
    server.clock.advance(1);
    const byMachine = await revoke('machine', sibling.machineId);
    assert.equal(byMachine.body.refreshFamiliesRevoked, 2);
    const refused = await whoami(sibling.accessToken);
    assert.equal(refused.status, 401);
    assert.match(String(refused.body.error), /machine was revoked/);
    assert.equal((await call(server.base, 'POST', '/v1/auth/refresh', { body: { refreshToken: sibling.refreshToken } })).status, 401);
    assert.equal((await whoami(elsewhere.accessToken)).status, 200, 'other machines of the user keep working');
    const machines = await call<{ machines: { machineId: string; revoked: boolean }[] }>(server.base, 'GET', '/v1/admin/machines', { token: admin.accessToken });
    assert.equal(machines.body.machines.find((machine) => machine.machineId === sibling.machineId)?.revoked, true);

    server.clock.advance(1);
    const users = await call<{ users: { id: string; name: string }[] }>(server.base, 'GET', '/v1/admin/users', { token: admin.accessToken });
    const mallory = users.body.users.find((user) => user.name === 'mallory');
    assert.ok(mallory);
    await revoke('user', mallory.id);
    assert.equal((await whoami(elsewhere.accessToken)).status, 401);
    assert.equal((await call(server.base, 'POST', '/v1/auth/refresh', { body: { refreshToken: elsewhere.refreshToken } })).status, 401);

    server.clock.advance(1);
    const again = await login(server.base, 'mallory', { fingerprint: fingerprintOf('c') });
    assert.equal((await whoami(again.accessToken)).status, 200, 'the password proves the user again after a revocation');
  });

  it('refuses a disabled user at login, on every request and on refresh', async () => {
    await server.services.users.add('leaver', PASSWORD, false);
    const pair = await login(server.base, 'leaver');
    await server.services.users.disable('leaver');
    const request = await whoami(pair.accessToken);
    assert.equal(request.status, 401);
    assert.match(String(request.body.error), /disabled/);
    const again = await call(server.base, 'POST', '/v1/auth/login', { body: loginBody('leaver') });
    assert.equal(again.status, 403);
    assert.match(String(again.body.error), /disabled/);
    assert.equal((await call(server.base, 'POST', '/v1/auth/refresh', { body: { refreshToken: pair.refreshToken } })).status, 403);
  });

  it('refuses tokens signed by an unknown key and tampered tokens', async () => {
    const pair = await login(server.base, 'alice');
    const [head, payload, signature] = pair.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<string, unknown>;
    const forged = `${head}.${Buffer.from(JSON.stringify({ ...claims, scope: 'msp:read msp:admin' })).toString('base64url')}.${signature}`;
    assert.equal((await whoami(forged)).status, 401);
    const stranger = await startInProcess(database.url, { clock: server.clock });
    try {
      const foreign = await login(stranger.base, 'alice');
      const refused = await whoami(foreign.accessToken);
      assert.equal(refused.status, 401);
      assert.match(String(refused.body.error), /key this server does not know/);
    } finally {
      await stranger.close();
    }
  });

  it('rotates signing keys without logging anyone out: the newest signs, older ones still verify', async () => {
    const oldKeys = generateKeys(server.clock);
    const oldServer = await startInProcess(database.url, { clock: server.clock, keyring: keyringOf(oldKeys, 'test', { kind: 'inline' }) });
    const oldToken = (await login(oldServer.base, 'alice')).accessToken;
    await oldServer.close();
    server.clock.advance(1000);
    const newKeys = generateKeys(server.clock);
    const rotated = keyringOf({ signingKeys: [...oldKeys.signingKeys, ...newKeys.signingKeys], keks: newKeys.keks }, 'test', { kind: 'inline' });
    const newServer = await startInProcess(database.url, { clock: server.clock, keyring: rotated });
    try {
      assert.equal((await call(newServer.base, 'GET', '/v1/whoami', { token: oldToken })).status, 200);
      const fresh = await login(newServer.base, 'alice');
      const kid = (JSON.parse(Buffer.from(fresh.accessToken.split('.')[0] ?? '', 'base64url').toString()) as { kid: string }).kid;
      assert.equal(kid, newKeys.signingKeys[0]?.kid);
    } finally {
      await newServer.close();
    }
  });
});
