import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PROTOCOL_HEADER } from '../../src-shared/sync-api.js';
import { createTestDatabase, type TestDatabase } from '../helpers/mariadb.js';
import { call, login, loginBody, PASSWORD, startInProcess, type InProcessServer } from './helpers.js';

interface AuditRow { method: string; route: string; status: number; actor: string | null; machine_id: string | null; ip: string; duration_ms: number }

describe('sync server HTTP edge', () => {
  let database: TestDatabase;
  let server: InProcessServer;
  before(async () => {
    database = await createTestDatabase();
    server = await startInProcess(database.url, { bodyLimitBytes: 4096 });
    await server.services.users.add('alice', PASSWORD, false);
  });
  after(async () => {
    await server.close();
    await database.drop();
  });

  it('refuses a request without the protocol header (400) or with another version (426), naming both versions', async () => {
    const missing = await call(server.base, 'POST', '/v1/auth/login', { body: loginBody('alice'), protocol: false });
    assert.equal(missing.status, 400);
    assert.equal(missing.body.field, PROTOCOL_HEADER);
    assert.match(String(missing.body.error), /speaks protocol 1/);
    const newer = await call(server.base, 'GET', '/v1/whoami', { headers: { [PROTOCOL_HEADER]: '7' } });
    assert.equal(newer.status, 426);
    assert.match(String(newer.body.error), /client speaks protocol 7 but the server speaks protocol 1: upgrade the sync server/);
    const older = await call(server.base, 'GET', '/v1/whoami', { headers: { [PROTOCOL_HEADER]: '0' } });
    assert.match(String(older.body.error), /upgrade MSP Mode on this machine/);
  });

  it('answers unknown routes with JSON 404', async () => {
    const reply = await call(server.base, 'GET', '/v1/nothing/here');
    assert.equal(reply.status, 404);
    assert.equal(reply.body.code, 'not_found');
  });

  it('names the field of a bad body', async () => {
    const reply = await call(server.base, 'POST', '/v1/auth/login', { body: { ...loginBody('alice'), machine: { fingerprint: 'xyz', hostname: 'h', platform: 'linux' } } });
    assert.equal(reply.status, 400);
    assert.equal(reply.body.field, 'machine.fingerprint');
    assert.match(String(reply.body.error), /64 lowercase hex/);
  });

  it('caps the body size with 413', async () => {
    const reply = await call(server.base, 'POST', '/v1/auth/login', { body: { ...loginBody('alice'), password: 'x'.repeat(8000) } });
    assert.equal(reply.status, 413);
    assert.equal(reply.body.code, 'too_large');
  });

  it('describes every route in OpenAPI, with its scope and the shared schemas', async () => {
    const reply = await call<{ openapi: string; paths: Record<string, Record<string, { 'x-msp-scope': string; requestBody?: unknown }>> }>(server.base, 'GET', '/v1/openapi.json', { protocol: false });
    assert.equal(reply.status, 200);
    assert.equal(reply.body.openapi, '3.1.0');
    for (const route of server.server.routes) {
      const operation = reply.body.paths[route.url.replace(/:([A-Za-z_]+)/g, '{$1}')]?.[route.method.toLowerCase()];
      assert.ok(operation, `${route.method} ${route.url} missing from the OpenAPI description`);
      assert.equal(operation['x-msp-scope'], route.scope);
      assert.equal(operation.requestBody !== undefined, route.body !== undefined);
    }
    const login = JSON.stringify(reply.body.paths['/v1/auth/login']);
    assert.match(login, /"fingerprint"/);
  });

  it('audits every request (user, machine, IP, route pattern, status, duration) and writes the queue on close', async () => {
    const pair = await login(server.base, 'alice');
    await call(server.base, 'GET', '/v1/whoami', { token: pair.accessToken });
    await call(server.base, 'GET', '/v1/admin/users', { token: pair.accessToken });
    await call(server.base, 'GET', '/v1/whoami', { token: 'not-a-token' });
    await call(server.base, 'POST', '/v1/auth/login', { body: loginBody('alice', 'wrong password!!') });
    await server.server.requestLog.flush();
    const rows = await database.query<AuditRow>('SELECT method, route, status, actor, machine_id, ip, duration_ms FROM api_audit_log ORDER BY at, id');
    const find = (route: string, status: number) => rows.find((row) => row.route === route && row.status === status);
    assert.equal(find('/v1/whoami', 200)?.actor, 'alice');
    assert.equal(find('/v1/whoami', 200)?.machine_id, pair.machineId);
    assert.equal(find('/v1/whoami', 200)?.ip, '127.0.0.1');
    assert.equal(find('/v1/admin/users', 403)?.actor, 'alice');
    assert.equal(find('/v1/whoami', 401)?.actor, null);
    assert.equal(find('/v1/auth/login', 401)?.actor, 'alice', 'a failed login names the user it tried');
    assert.ok(rows.every((row) => row.duration_ms >= 0 && !row.route.includes('?')));

    // A separate server whose rows are still queued when it stops: nothing is lost.
    const other = await startInProcess(database.url);
    const before = (await database.query<{ n: number }>('SELECT COUNT(*) AS n FROM api_audit_log'))[0]?.n ?? 0;
    for (let i = 0; i < 50; i += 1) await call(other.base, 'GET', '/v1/whoami');
    await other.close();
    const afterClose = (await database.query<{ n: number }>('SELECT COUNT(*) AS n FROM api_audit_log'))[0]?.n ?? 0;
    assert.equal(afterClose - before, 50);
  });

  it('has no route that updates or deletes audit rows', () => {
    for (const route of server.server.routes) {
      assert.ok(!/audit/i.test(route.url) || route.method === 'GET', `${route.method} ${route.url} could change audit rows`);
    }
  });
});
