import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { z } from 'zod';
import { defineRoute } from '../../sync-server/http/route.js';
import { DEFAULT_LIMITS } from '../../sync-server/http/rate-limit.js';
import { createTestDatabase, type TestDatabase } from '../helpers/mariadb.js';
import { call, fingerprintOf, login, loginBody, PASSWORD, startInProcess, type InProcessServer } from './helpers.js';

describe('rate limits (the default table)', () => {
  let database: TestDatabase;
  let server: InProcessServer;
  before(async () => {
    database = await createTestDatabase();
    server = await startInProcess(database.url, {
      limits: DEFAULT_LIMITS,
      // Credential routes arrive with the vault; a stand-in marked 'credentials' proves the limit now.
      extraRoutes: () => [defineRoute({
        method: 'GET', url: '/v1/test/credential', scope: 'msp:credentials', limit: 'credentials',
        summary: 'test stand-in for a credential route', reply: z.object({ ok: z.boolean() }),
        handler: () => Promise.resolve({ ok: true }),
      })],
    });
    for (const name of ['alice', 'bob', 'carol', 'dave']) await server.services.users.add(name, PASSWORD, false);
  });
  after(async () => {
    await server.close();
    await database.drop();
  });

  it('allows 100 requests a minute per login, then 429 with Retry-After until the window ends', async () => {
    const pair = await login(server.base, 'alice');
    for (let i = 0; i < 100; i += 1) assert.equal((await call(server.base, 'GET', '/v1/whoami', { token: pair.accessToken })).status, 200, `request ${i + 1}`);
    server.clock.advance(20_000);
    const limited = await call(server.base, 'GET', '/v1/whoami', { token: pair.accessToken });
    assert.equal(limited.status, 429);
    assert.equal(limited.body.code, 'rate_limited');
    assert.equal(limited.headers.get('retry-after'), '40');
    // Another login is counted apart.
    assert.equal((await call(server.base, 'GET', '/v1/whoami', { token: (await login(server.base, 'bob')).accessToken })).status, 200);
    server.clock.advance(40_000);
    assert.equal((await call(server.base, 'GET', '/v1/whoami', { token: pair.accessToken })).status, 200);
  });

  it('allows 10 requests a minute on credential routes', async () => {
    const pair = await login(server.base, 'carol');
    for (let i = 0; i < 10; i += 1) assert.equal((await call(server.base, 'GET', '/v1/test/credential', { token: pair.accessToken })).status, 200);
    const limited = await call(server.base, 'GET', '/v1/test/credential', { token: pair.accessToken });
    assert.equal(limited.status, 429);
    assert.ok(Number(limited.headers.get('retry-after')) >= 1);
    assert.equal((await call(server.base, 'GET', '/v1/whoami', { token: pair.accessToken })).status, 200, 'other routes keep their own budget');
  });

  it('locks a user name for 15 minutes after 5 failed logins, even with the right password', async () => {
    server.clock.advance(60_000);
    for (let i = 0; i < 5; i += 1) {
      assert.equal((await call(server.base, 'POST', '/v1/auth/login', { body: loginBody('dave', 'wrong password number') })).status, 401);
    }
    const locked = await call(server.base, 'POST', '/v1/auth/login', { body: loginBody('dave') });
    assert.equal(locked.status, 429);
    assert.ok(Number(locked.headers.get('retry-after')) > 14 * 60);
    server.clock.advance(15 * 60_000);
    assert.equal((await call(server.base, 'POST', '/v1/auth/login', { body: loginBody('dave') })).status, 200);
  });

  it('allows 10 login attempts a minute per IP', async () => {
    server.clock.advance(60_000);
    const replies = [];
    for (let i = 0; i < 11; i += 1) replies.push((await call(server.base, 'POST', '/v1/auth/login', { body: loginBody(`nobody${i}`) })).status);
    assert.deepEqual(replies.slice(0, 10), Array(10).fill(401));
    assert.equal(replies[10], 429);
    server.clock.advance(60_000);
    assert.equal((await call(server.base, 'POST', '/v1/auth/login', { body: loginBody('bob', PASSWORD, fingerprintOf('e')) })).status, 200);
  });

  it('limits requests without a valid token per IP', async () => {
    server.clock.advance(60_000);
    let status = 0;
    for (let i = 0; i < 101 && status !== 429; i += 1) status = (await call(server.base, 'GET', '/v1/whoami', { token: 'guess' })).status;
    assert.equal(status, 429);
  });
});
