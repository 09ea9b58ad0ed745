import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ALL_SCOPES } from '../../src-shared/sync-api.js';
import type { GrantView, VaultAuditEntry } from '../../src-shared/vault-api.js';
import { createTestDatabase, type TestDatabase } from '../helpers/mariadb.js';
import { call, runServerCli, startInProcess, type InProcessServer } from './helpers.js';
import { CLIENT_A, CLIENT_B, newCredentialId, usersWithTokens, vaultClient, type VaultClient } from './vault-helpers.js';

const TEN_MINUTES = 10 * 60 * 1000;

describe('vault routes: store, reveal, delete, grants and the audit of every attempt', () => {
  let database: TestDatabase;
  let server: InProcessServer;
  let vault: VaultClient;
  let token: Record<string, string>;
  const auditOf = (credentialId: string) => database.query<{ action: string; outcome: string; user_name: string | null; machine_id: string | null; ip: string | null; version: number | null; reason: string | null }>(
    'SELECT action, outcome, user_name, machine_id, ip, version, reason FROM vault_audit WHERE credential_id = ? ORDER BY seq', [credentialId]);
  const auditCount = async () => (await database.query<{ n: number }>('SELECT COUNT(*) AS n FROM vault_audit'))[0]?.n ?? -1;

  before(async () => {
    database = await createTestDatabase();
    server = await startInProcess(database.url);
    vault = vaultClient(server.base);
    token = await usersWithTokens(server, ['admin', 'alice', 'rita', 'wendy', 'eve', 'carl', 'moe'], ['admin']);
  });
  after(async () => {
    await server.close();
    await database.drop();
  });

  it('a stored secret reveals as stored; a new store is the next version; a deleted one is gone', async () => {
    const id = newCredentialId();
    const first = await vault.store(token.admin ?? '', id, { clientId: CLIENT_A, secret: 'first password', reason: 'onboarding' });
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.deepEqual(first.body, { credentialId: id, version: 1, storedAt: server.clock.now() });
    assert.deepEqual((await vault.reveal(token.admin ?? '', id, 'ticket 42')).body, { credentialId: id, version: 1, secret: 'first password' });

    const long = `ü🔑${'x'.repeat(65_533)}`.slice(0, 65_536);
    assert.equal((await vault.store(token.admin ?? '', id, { clientId: CLIENT_A, secret: long })).body.version, 2);
    const second = await vault.reveal(token.admin ?? '', id);
    assert.equal(second.body.version, 2);
    assert.equal(second.body.secret, long);
    const rows = await database.query<{ n: number }>('SELECT COUNT(*) AS n FROM vault_secrets WHERE credential_id = ?', [id]);
    assert.equal(rows[0]?.n, 1, 'only the current version is kept');

    assert.deepEqual((await vault.remove(token.admin ?? '', id, 'client left')).body, { credentialId: id, deleted: true });
    const gone = await vault.reveal(token.admin ?? '', id);
    assert.equal(gone.status, 404);
    assert.match(String(gone.body.error), /no secret is stored on the server for credential/);
    assert.equal((await vault.remove(token.admin ?? '', id)).status, 404);

    assert.deepEqual((await auditOf(id)).map((row) => `${row.action} ${row.outcome} v${row.version ?? '-'} ${row.reason ?? ''}`), [
      'store success v1 onboarding', 'reveal success v1 ticket 42', 'store success v2 ', 'reveal success v2 ', 'delete success v2 client left',
      'reveal error v- no secret is stored on the server for credential ' + id + ': store it from a machine that holds it (msp cred add)',
      'delete error v- no secret is stored on the server for credential ' + id + ': store it from a machine that holds it (msp cred add)',
    ]);
  });

  it("the MSP's own credentials (no client) store and reveal by admin or a grant on the credential", async () => {
    const id = newCredentialId();
    assert.equal((await vault.store(token.admin ?? '', id, { clientId: null, secret: 'msp own' })).status, 200);
    assert.equal((await vault.reveal(token.moe ?? '', id)).status, 403);
    await vault.grant(token.admin ?? '', { grantee: 'moe', credentialId: id });
    assert.equal((await vault.reveal(token.moe ?? '', id)).body.secret, 'msp own');
  });

  it('permission matrix: no grant, read-only, write-only, expired, one credential, admin; each attempt audited', async () => {
    const id = newCredentialId();
    const sibling = newCredentialId();
    const auditBefore = await auditCount();
    let attempts = 0;
    const expect = async (reply: Promise<{ status: number; body: Record<string, unknown> }>, status: number, label: string) => {
      attempts += 1;
      const { status: got, body } = await reply;
      assert.equal(got, status, `${label}: ${JSON.stringify(body)}`);
      return body;
    };
    await expect(vault.store(token.admin ?? '', id, { clientId: CLIENT_A, secret: 's3cret A' }), 200, 'admin stores');
    await expect(vault.store(token.admin ?? '', sibling, { clientId: CLIENT_A, secret: 'sibling' }), 200, 'admin stores the sibling');
    await vault.grant(token.admin ?? '', { grantee: 'rita', clientId: CLIENT_A, canRead: true, canWrite: false, reason: 'helpdesk' });
    await vault.grant(token.admin ?? '', { grantee: 'wendy', clientId: CLIENT_A, canRead: false, canWrite: true });
    await vault.grant(token.admin ?? '', { grantee: 'eve', clientId: CLIENT_A, canRead: true, canWrite: true, expiresAt: server.clock.now() - 1 });
    await vault.grant(token.admin ?? '', { grantee: 'carl', credentialId: id, canRead: true });
    await vault.grant(token.admin ?? '', { grantee: 'alice', clientId: CLIENT_B, canRead: true, canWrite: true });

    // alice: rights on another client only.
    const denied = await expect(vault.reveal(token.alice ?? '', id, 'curious'), 403, 'alice reveals');
    assert.match(String(denied.error), /alice may not reveal the secret of credential .*: alice has no current read grant on client .* or credential/);
    await expect(vault.store(token.alice ?? '', id, { clientId: CLIENT_A, secret: 'overwrite' }), 403, 'alice stores');
    await expect(vault.remove(token.alice ?? '', id), 403, 'alice deletes');
    // Moving the secret to a client alice may write needs the right where it is, too.
    await expect(vault.store(token.alice ?? '', id, { clientId: CLIENT_B, secret: 'moved' }), 403, 'alice moves it to her client');

    // rita: read-only on the client.
    assert.equal((await expect(vault.reveal(token.rita ?? '', id), 200, 'rita reveals')).secret, 's3cret A');
    assert.equal((await expect(vault.reveal(token.rita ?? '', sibling), 200, 'rita reveals the sibling')).secret, 'sibling');
    await expect(vault.store(token.rita ?? '', id, { clientId: CLIENT_A, secret: 'x' }), 403, 'rita stores');
    await expect(vault.remove(token.rita ?? '', id), 403, 'rita deletes');

    // wendy: write-only on the client.
    assert.equal((await expect(vault.store(token.wendy ?? '', id, { clientId: CLIENT_A, secret: 'rotated by wendy' }), 200, 'wendy stores')).version, 2);
    await expect(vault.reveal(token.wendy ?? '', id), 403, 'wendy reveals');

    // eve: her grant has expired.
    await expect(vault.reveal(token.eve ?? '', id), 403, 'eve reveals');
    await expect(vault.store(token.eve ?? '', id, { clientId: CLIENT_A, secret: 'x' }), 403, 'eve stores');

    // carl: one credential, not its siblings.
    assert.equal((await expect(vault.reveal(token.carl ?? '', id), 200, 'carl reveals')).secret, 'rotated by wendy');
    await expect(vault.reveal(token.carl ?? '', sibling), 403, 'carl reveals the sibling');

    // A grant expiring later counts until then.
    await vault.grant(token.admin ?? '', { grantee: 'moe', clientId: CLIENT_A, expiresAt: server.clock.now() + TEN_MINUTES });
    await expect(vault.reveal(token.moe ?? '', id), 200, 'moe reveals within his grant');
    server.clock.advance(TEN_MINUTES);
    await expect(vault.reveal(token.moe ?? '', id), 403, 'moe reveals after his grant expired');
    server.clock.advance(-TEN_MINUTES);

    await expect(vault.remove(token.wendy ?? '', sibling), 200, 'wendy deletes');
    await expect(vault.remove(token.admin ?? '', id), 200, 'admin deletes');

    assert.equal(await auditCount() - auditBefore, attempts, 'one audit row per attempt');
    const rows = await auditOf(id);
    const alice = rows.filter((row) => row.user_name === 'alice');
    assert.deepEqual(alice.map((row) => `${row.action} ${row.outcome}`), ['reveal denied', 'store denied', 'delete denied', 'store denied']);
    for (const row of alice) {
      assert.match(row.reason ?? '', /no current (read|write) grant/);
      assert.equal(row.ip, '127.0.0.1');
      assert.match(row.machine_id ?? '', /^[0-9a-f-]{36}$/);
    }
    assert.match(alice[0]?.reason ?? '', /; reason given: curious$/);
    assert.deepEqual(rows.filter((row) => row.user_name === 'eve').map((row) => `${row.action} ${row.outcome}`), ['reveal denied', 'store denied']);
    assert.deepEqual(rows.filter((row) => row.user_name === 'carl').map((row) => `${row.action} ${row.outcome} v${row.version ?? '-'}`), ['reveal success v2']);
  });

  it('a revoked grant stops counting at once; grants are listed and checked', async () => {
    const id = newCredentialId();
    await vault.store(token.admin ?? '', id, { clientId: CLIENT_B, secret: 'b secret' });
    const grant = await vault.grant(token.admin ?? '', { grantee: 'rita', clientId: CLIENT_B });
    assert.equal(grant.grantedBy, 'admin');
    assert.equal(grant.canRead, true);
    assert.equal(grant.canWrite, false);
    assert.equal((await vault.reveal(token.rita ?? '', id)).status, 200);
    const listed = await call<{ grants: GrantView[] }>(server.base, 'GET', '/v1/admin/credential-permissions', { token: token.admin ?? '' });
    assert.ok(listed.body.grants.some((view) => view.id === grant.id));
    const revoked = await call<{ revoked: GrantView }>(server.base, 'DELETE', '/v1/admin/credential-permissions', { token: token.admin ?? '', body: { id: grant.id } });
    assert.equal(revoked.status, 200);
    assert.equal(revoked.body.revoked.id, grant.id);
    assert.equal((await vault.reveal(token.rita ?? '', id)).status, 403);
    assert.equal((await call(server.base, 'DELETE', '/v1/admin/credential-permissions', { token: token.admin ?? '', body: { id: grant.id } })).status, 404);
    const after = await call<{ grants: GrantView[] }>(server.base, 'GET', '/v1/admin/credential-permissions', { token: token.admin ?? '' });
    assert.ok(!after.body.grants.some((view) => view.id === grant.id));

    const nobody = await call(server.base, 'POST', '/v1/admin/credential-permissions', { token: token.admin ?? '', body: { grantee: 'nobody', clientId: CLIENT_A } });
    assert.equal(nobody.status, 404);
    const neither = await call(server.base, 'POST', '/v1/admin/credential-permissions', { token: token.admin ?? '', body: { grantee: 'rita' } });
    assert.equal(neither.status, 400);
    assert.match(String(neither.body.error), /name a clientId or a credentialId/);
    // Not through sync either: the server's admin routes are the only writers.
    assert.equal((await call(server.base, 'POST', '/v1/admin/credential-permissions', { token: token.rita ?? '', body: { grantee: 'rita', clientId: CLIENT_A } })).status, 403);
  });

  it('a token without msp:credentials is refused on every vault route (403), before anything is read or audited', async () => {
    const id = newCredentialId();
    await vault.store(token.admin ?? '', id, { clientId: CLIENT_A, secret: 'scoped' });
    const principal = await server.services.accessTokens.verify(token.admin ?? '');
    const withoutCredentials = (await server.services.accessTokens.issue({ ...principal, scopes: ALL_SCOPES.filter((scope) => scope !== 'msp:credentials') })).token;
    const before = await auditCount();
    for (const reply of [
      await vault.reveal(withoutCredentials, id),
      await vault.store(withoutCredentials, id, { clientId: CLIENT_A, secret: 'x' }),
      await vault.remove(withoutCredentials, id),
    ]) {
      assert.equal(reply.status, 403);
      assert.match(String(reply.body.error), /needs the scope msp:credentials/);
    }
    assert.equal(await auditCount(), before);
  });

  it('a store must name the client the synced metadata gives the credential', async () => {
    const id = newCredentialId();
    const now = server.clock.now();
    await database.query("INSERT INTO credentials (id, client_id, name, kind, created_at, updated_at, origin_id, hlc) VALUES (?, ?, 'NAS admin', 'password', ?, ?, 'origin', 'hlc')", [id, CLIENT_B, now, now]);
    const wrong = await vault.store(token.admin ?? '', id, { clientId: CLIENT_A, secret: 'x' });
    assert.equal(wrong.status, 409);
    assert.match(String(wrong.body.error), new RegExp(`belongs to client ${CLIENT_B} in the synced data`));
    assert.equal((await vault.store(token.admin ?? '', id, { clientId: CLIENT_B, secret: 'right' })).status, 200);
    // wendy may write client A's credentials: that does not let her file client B's under A.
    const wendy = await vault.store(token.wendy ?? '', id, { clientId: CLIENT_A, secret: 'hijack' });
    assert.equal(wendy.status, 403, 'moving it needs write on client B too');
    const fresh = newCredentialId();
    await database.query("INSERT INTO credentials (id, client_id, name, kind, created_at, updated_at, origin_id, hlc) VALUES (?, ?, 'switch', 'password', ?, ?, 'origin', 'hlc')", [fresh, CLIENT_B, now, now]);
    assert.equal((await vault.store(token.wendy ?? '', fresh, { clientId: CLIENT_A, secret: 'hijack' })).status, 409);
    assert.equal((await vault.store(token.alice ?? '', fresh, { clientId: CLIENT_A, secret: 'hijack' })).status, 403, 'no grant: refused before the metadata is consulted');
    // Before any secret is stored, a client grant from the metadata decides the reveal's answer.
    const unstored = newCredentialId();
    await database.query("INSERT INTO credentials (id, client_id, name, kind, created_at, updated_at, origin_id, hlc) VALUES (?, ?, 'router', 'password', ?, ?, 'origin', 'hlc')", [unstored, CLIENT_A, now, now]);
    assert.equal((await vault.reveal(token.rita ?? '', unstored)).status, 404);
    assert.equal((await vault.reveal(token.carl ?? '', unstored)).status, 403);
  });

  it('bad credential ids and bodies are refused naming the field, never audited', async () => {
    const before = await auditCount();
    const badId = await call(server.base, 'POST', '/v1/vault/secrets/not-a-uuid/reveal', { token: token.admin ?? '', body: {} });
    assert.equal(badId.status, 400);
    assert.match(String(badId.body.error), /credentialId: must be a UUID/);
    const empty = await vault.store(token.admin ?? '', newCredentialId(), { clientId: CLIENT_A, secret: '' });
    assert.equal(empty.status, 400);
    assert.match(String(empty.body.error), /secret must not be empty/);
    const tooLong = await vault.store(token.admin ?? '', newCredentialId(), { clientId: CLIENT_A, secret: 'y'.repeat(65_537) });
    assert.equal(tooLong.status, 400);
    assert.ok(!JSON.stringify(tooLong.body).includes('yyyy'));
    assert.equal(await auditCount(), before);
  });

  it('who saw what: the admin report and msp-server audit filter by credential and user', async () => {
    const id = newCredentialId();
    await vault.store(token.admin ?? '', id, { clientId: CLIENT_A, secret: 'report me' });
    await vault.reveal(token.rita ?? '', id, 'printer broke');
    await vault.reveal(token.alice ?? '', id);
    const byCredential = await call<{ entries: VaultAuditEntry[] }>(server.base, 'GET', `/v1/admin/vault/audit?credential=${id}`, { token: token.admin ?? '' });
    assert.deepEqual(byCredential.body.entries.map((entry) => `${entry.user ?? ''} ${entry.action} ${entry.outcome}`), ['alice reveal denied', 'rita reveal success', 'admin store success']);
    const rita = byCredential.body.entries[1];
    assert.deepEqual({ reason: rita?.reason, ip: rita?.ip, version: rita?.version }, { reason: 'printer broke', ip: '127.0.0.1', version: 1 });
    const byUser = await call<{ entries: VaultAuditEntry[] }>(server.base, 'GET', `/v1/admin/vault/audit?user=rita&credential=${id}`, { token: token.admin ?? '' });
    assert.deepEqual(byUser.body.entries.map((entry) => entry.action), ['reveal']);
    assert.equal((await call(server.base, 'GET', '/v1/admin/vault/audit?credential=nope', { token: token.admin ?? '' })).status, 400);
    assert.equal((await call(server.base, 'GET', '/v1/admin/vault/audit', { token: token.rita ?? '' })).status, 403);

    const env = { MSP_SERVER_DATABASE_URL: database.url };
    const cli = runServerCli(['audit', '--credential', id], env);
    assert.equal(cli.status, 0, cli.stderr);
    const lines = cli.stdout.trim().split('\n');
    assert.equal(lines.length, 3);
    assert.match(lines[0] ?? '', /reveal\s+vault\s+denied\s+alice\s+credential .* v1 .*ip 127\.0\.0\.1 .*reason: alice may not reveal/);
    assert.match(lines[1] ?? '', /reveal\s+vault\s+success\s+rita\s+credential .* v1 .*reason: printer broke$/);
    const byUserCli = runServerCli(['audit', '--user', 'rita', '--credential', id], env);
    assert.equal(byUserCli.stdout.trim().split('\n').length, 1);
    const none = runServerCli(['audit', '--user', 'nobody'], env);
    assert.equal(none.stdout.trim(), 'no vault access recorded by nobody');
    const bad = runServerCli(['audit', '--credential', 'x'], env);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--credential: must be a UUID/);
  });

  it('nothing in the server updates or deletes audit rows', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const path = await import('node:path');
    const { repoRoot } = await import('../helpers/processes.js');
    const sources: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) walk(path.join(dir, entry.name));
        else if (entry.name.endsWith('.ts')) sources.push(readFileSync(path.join(dir, entry.name), 'utf8'));
      }
    };
    walk(path.join(repoRoot, 'sync-server'));
    for (const source of sources) assert.doesNotMatch(source, /\.(update|delete)\(vaultAudit\)|(UPDATE|DELETE FROM)\s+`?vault_audit/);
  });
});

describe('vault rate limit', () => {
  let database: TestDatabase;
  let server: InProcessServer;
  before(async () => {
    database = await createTestDatabase();
    server = await startInProcess(database.url, { limits: { default: { requests: 1000, windowMs: 60_000 }, credentials: { requests: 3, windowMs: 60_000 } } });
  });
  after(async () => {
    await server.close();
    await database.drop();
  });

  it('reveals beyond the credentials budget get 429 with Retry-After, and work again after the window', async () => {
    const token = await usersWithTokens(server, ['admin'], ['admin']);
    const vault = vaultClient(server.base);
    const id = newCredentialId();
    assert.equal((await vault.store(token.admin ?? '', id, { clientId: CLIENT_A, secret: 'limited' })).status, 200);
    assert.equal((await vault.reveal(token.admin ?? '', id)).status, 200);
    assert.equal((await vault.reveal(token.admin ?? '', id)).status, 200);
    const limited = await vault.reveal(token.admin ?? '', id);
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '60');
    assert.match(String(limited.body.error), /too many credential requests/);
    // Other routes keep their own, larger budget.
    assert.equal((await call(server.base, 'GET', '/v1/whoami', { token: token.admin ?? '' })).status, 200);
    server.clock.advance(30_000);
    assert.equal((await vault.reveal(token.admin ?? '', id)).headers.get('retry-after'), '30');
    server.clock.advance(30_000);
    assert.equal((await vault.reveal(token.admin ?? '', id)).status, 200);
  });
});
