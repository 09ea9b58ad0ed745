// A row with a natural key (a client, a project) created on two machines while offline: both
// inserts carry the same id. The machine that inserted second (by clock) stamps its whole new row,
// the columns it did not set included (their defaults); every replica must end with that row.
// Found by test/sync/convergence.test.ts: the server and the other machines kept the first
// machine's edits of those columns (or its tombstone), the second machine did not, and they
// never converged.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { manualClock } from '../../src-main/core/clock.js';
import { naturalIds, normaliseName, uuidv7Source } from '../../src-main/core/ids.js';
import { Store } from '../../src-main/store/store.js';
import { saveTokens } from '../../src-main/sync/auth.js';
import { localDigests, syncOnce } from '../../src-main/sync/engine.js';
import { verifyResponse } from '../../src-shared/sync-protocol.js';
import { createTestDatabase, type TestDatabase } from '../helpers/mariadb.js';
import { PASSWORD, call, fingerprintOf, login, startInProcess, type InProcessServer } from '../server/helpers.js';

interface Machine { store: Store; clock: ReturnType<typeof manualClock>; loginFile: string; token: string }

describe('a natural-key row created on two machines', () => {
  let database: TestDatabase;
  let server: InProcessServer;
  let root: string;

  before(async () => {
    database = await createTestDatabase();
    server = await startInProcess(database.url);
    await server.services.users.add('ann', PASSWORD, false);
    root = mkdtempSync(path.join(os.tmpdir(), 'msp-natural-'));
  });
  after(async () => {
    await server.close();
    await database.drop();
    rmSync(root, { recursive: true, force: true });
  });

  async function machine(name: string, skewMs: number): Promise<Machine> {
    const clock = manualClock(server.clock.now() + skewMs);
    const store = Store.open({ file: path.join(root, `${name}.db`), clock, ids: uuidv7Source(() => clock.now()) });
    const pair = await login(server.base, 'ann', { fingerprint: fingerprintOf(name) });
    const loginFile = path.join(root, `${name}.login.json`);
    saveTokens(loginFile, { server: server.base, user: 'ann' }, pair, clock.now());
    return { store, clock, loginFile, token: pair.accessToken };
  }

  it('ends as the newer insert made it on every machine and the server, edits and tombstones made before it included', async () => {
    const first = await machine('a', 0);
    const second = await machine('b', 60_000);
    const project = naturalIds.project(null, 'Onboarding');
    const client = naturalIds.client('Acme');
    const create = (m: Machine) => {
      m.store.write((w) => {
        w.insertIfMissing('projects', { id: project, clientId: null, name: 'Onboarding', normalizedName: normaliseName('Onboarding'), status: 'active' });
        w.insertIfMissing('clients', { id: client, name: 'Acme', normalizedName: 'acme', status: 'active' });
      });
    };
    // The first machine creates both, then edits the project and deletes the client.
    create(first);
    first.clock.advance(1000);
    first.store.write((w) => w.update('projects', project, { description: 'VPN, then the new file server', repositoryPath: '/srv/git/onboarding' }));
    first.store.write((w) => w.update('clients', client, { deleted: true }));
    await syncOnce(first.store, first.loginFile);
    // The second machine, whose clock is a minute ahead, creates both without having synced.
    create(second);
    await syncOnce(second.store, second.loginFile);
    await syncOnce(first.store, first.loginFile);

    const answer = await call(server.base, 'GET', '/v1/sync/verify', { token: first.token });
    const onServer = verifyResponse.parse(answer.body).tables;
    for (const [name, m] of [['first', first], ['second', second]] as const) {
      const digests = localDigests(m.store);
      for (const table of ['projects', 'clients']) assert.deepEqual(digests[table], onServer[table], `${name} machine, ${table}`);
      assert.deepEqual(m.store.sqlite.prepare('SELECT description, repository_path AS path FROM projects WHERE id = ?').get(project), { description: null, path: null });
      assert.deepEqual(m.store.sqlite.prepare('SELECT deleted FROM clients WHERE id = ?').get(client), { deleted: 0 });
    }
    first.store.close();
    second.store.close();
  });

  it('ends the same on a machine that only pulls it: a pulled insert keeps its whole-row clock, so an edit stamped before it loses there too', async () => {
    const ahead = await machine('c', 60_000);
    const behind = await machine('d', 0);
    const third = await machine('e', 0);
    const client = naturalIds.client('Beta Dental');
    for (const m of [ahead, behind]) m.store.write((w) => w.insertIfMissing('clients', { id: client, name: 'Beta Dental', normalizedName: 'beta dental', status: 'active' }));
    // Stamped after its own insert but before the other machine's.
    behind.clock.advance(1000);
    behind.store.write((w) => w.update('clients', client, { notes: 'front desk PC is slow' }));
    await syncOnce(ahead.store, ahead.loginFile);
    await syncOnce(behind.store, behind.loginFile);
    await syncOnce(ahead.store, ahead.loginFile);
    await syncOnce(third.store, third.loginFile);

    const answer = await call(server.base, 'GET', '/v1/sync/verify', { token: third.token });
    const onServer = verifyResponse.parse(answer.body).tables;
    for (const [name, m] of [['ahead', ahead], ['behind', behind], ['pulling only', third]] as const) {
      assert.deepEqual(localDigests(m.store).clients, onServer.clients, `${name} machine`);
      assert.deepEqual(m.store.sqlite.prepare('SELECT notes FROM clients WHERE id = ?').get(client), { notes: null }, `${name} machine`);
      m.store.close();
    }
  });
});
