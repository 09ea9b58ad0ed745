// Pushes from several machines at once, inserting rows side by side (UUIDv7 ids land in the same
// index gaps) and editing the same natural-key rows: MariaDB resolves the gap-lock races between
// their transactions by killing one (deadlock). Found by test/sync/convergence.test.ts, where
// such a push answered 500 "SAVEPOINT … does not exist".
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { uuidv7Source } from '../../src-main/core/ids.js';
import { pushResponse, type SyncChange } from '../../src-shared/sync-protocol.js';
import { createTestDatabase, type TestDatabase } from '../helpers/mariadb.js';
import { PASSWORD, call, fingerprintOf, login, startInProcess, type InProcessServer } from '../server/helpers.js';

const MACHINES = 4;
const ROUNDS = 6;
const ROWS = 40;

describe('concurrent pushes that race for the same index gaps', () => {
  let database: TestDatabase;
  let server: InProcessServer;

  before(async () => {
    database = await createTestDatabase();
    server = await startInProcess(database.url);
    await server.services.users.add('ann', PASSWORD, false);
  });
  after(async () => {
    await server.close();
    await database.drop();
  });

  it('are all applied: a push that loses a lock race is run again, never answered 500 or quarantined', async () => {
    const ids = uuidv7Source(() => server.clock.now());
    const machines = await Promise.all(Array.from({ length: MACHINES }, async (_, index) => ({
      token: (await login(server.base, 'ann', { fingerprint: fingerprintOf(String(index + 1)) })).accessToken,
      origin: ids.newId(),
      counter: 0,
    })));
    const shared = Array.from({ length: 5 }, () => ids.newId());
    const statuses: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      await Promise.all(machines.map(async (machine, index) => {
        const hlc = (n: number) => `${String(server.clock.now()).padStart(13, '0')}-${String(round * 1000 + n).padStart(5, '0')}-${machine.origin}`;
        const changes: SyncChange[] = [];
        for (let n = 0; n < ROWS; n++) {
          const rowId = n < shared.length ? (shared[n] ?? '') : ids.newId();
          const fields: SyncChange['fields'] = n < shared.length && round > 0 ? { notes: `edit ${round} by ${index}` } : { created_at: server.clock.now(), name: `Client ${rowId}`, normalized_name: `client ${rowId}`, status: 'active' };
          changes.push({ counter: ++machine.counter, table: 'clients', rowId, hlc: hlc(n), kind: 'upsert', fields });
        }
        const reply = await call(server.base, 'POST', '/v1/sync/push', { token: machine.token, body: { origin: machine.origin, changes } });
        statuses.push(reply.status === 200 ? `200 rejected ${pushResponse.parse(reply.body).rejected.length}` : `${reply.status} ${JSON.stringify(reply.body)}`);
        if (reply.status !== 200) machine.counter -= changes.length;
      }));
    }
    assert.deepEqual(statuses.filter((status) => status !== '200 rejected 0'), []);
    const quarantined = await database.query<{ n: number }>('SELECT count(*) AS n FROM sync_quarantine');
    assert.equal(Number(quarantined[0]?.n), 0);
    const rows = await database.query<{ n: number }>('SELECT count(*) AS n FROM clients');
    assert.equal(Number(rows[0]?.n), shared.length + MACHINES * ROUNDS * (ROWS - shared.length));
  });
});
