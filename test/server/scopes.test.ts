import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ALL_SCOPES, type Scope } from '../../src-shared/sync-api.js';
import { createTestDatabase, type TestDatabase } from '../helpers/mariadb.js';
import { call, login, PASSWORD, startInProcess, type InProcessServer } from './helpers.js';

/** Every subset of the scopes: 16 token kinds, from none to all. */
const scopeSets: Scope[][] = Array.from({ length: 2 ** ALL_SCOPES.length }, (_, mask) => ALL_SCOPES.filter((_, bit) => (mask & (1 << bit)) !== 0));

describe('route × scope matrix (built from the registered routes)', () => {
  let database: TestDatabase;
  let server: InProcessServer;
  before(async () => {
    database = await createTestDatabase();
    server = await startInProcess(database.url);
    await server.services.users.add('alice', PASSWORD, true);
  });
  after(async () => {
    await server.close();
    await database.drop();
  });

  it('every route declares a scope, and the app serves exactly the declared routes', () => {
    const declared = server.server.routes.map((route) => `${route.method} ${route.url}`).sort();
    for (const route of server.server.routes) {
      assert.ok(route.scope === 'public' || ALL_SCOPES.includes(route.scope), `${route.method} ${route.url} states no valid scope`);
      // hasRoute, not the printed route tree: nested paths (/verify and /verify/rows) print as branches.
      assert.ok(server.server.app.hasRoute({ method: route.method, url: route.url }), `${route.method} ${route.url} is declared but not served`);
    }
    assert.ok(declared.length >= 8);
  });

  it('each route answers 401 without a token, 403 without its scope and neither with it', async () => {
    const pair = await login(server.base, 'alice');
    const principal = await server.services.accessTokens.verify(pair.accessToken);
    let checked = 0;
    for (const route of server.server.routes) {
      if (route.scope === 'public') {
        const reply = await call(server.base, route.method, route.url, route.method === 'GET' ? {} : { body: {} });
        assert.ok(reply.status !== 401 && reply.status !== 403, `${route.method} ${route.url} is public but answered ${reply.status}`);
        continue;
      }
      const anonymous = await call(server.base, route.method, route.url, route.method === 'GET' ? {} : { body: {} });
      assert.equal(anonymous.status, 401, `${route.method} ${route.url} without a token`);
      for (const scopes of scopeSets) {
        const token = (await server.services.accessTokens.issue({ ...principal, scopes })).token;
        const reply = await call(server.base, route.method, route.url, { token, ...(route.method === 'GET' ? {} : { body: {} }) });
        const label = `${route.method} ${route.url} with [${scopes.join(' ')}] answered ${reply.status} ${JSON.stringify(reply.body)}`;
        if (scopes.includes(route.scope)) assert.ok(reply.status !== 401 && reply.status !== 403, label);
        else {
          assert.equal(reply.status, 403, label);
          assert.match(String(reply.body.error), new RegExp(`needs the scope ${route.scope}`));
        }
        checked += 1;
      }
    }
    assert.ok(checked >= 4 * scopeSets.length);
  });
});
