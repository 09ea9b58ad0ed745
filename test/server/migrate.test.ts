import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openDatabase } from '../../sync-server/db/connection.js';
import { defaultMigrationsFolder, migrateDatabase } from '../../sync-server/db/migrate.js';
import { createTestDatabase, unusedDatabaseName, type TestDatabase } from '../helpers/mariadb.js';
import { runServerCli } from './helpers.js';

const journalLength = () => (JSON.parse(readFileSync(path.join(defaultMigrationsFolder(), 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] }).entries.length;

describe('server migrations', () => {
  let database: TestDatabase;
  before(async () => { database = await createTestDatabase(); });
  after(async () => { await database.drop(); });

  it('creates the database when it is missing, then applies every migration once', async () => {
    const fresh = unusedDatabaseName();
    try {
      const first = runServerCli(['migrate'], { MSP_SERVER_DATABASE_URL: fresh.url });
      assert.equal(first.status, 0, first.stderr);
      assert.match(first.stdout, new RegExp(`applied ${journalLength()} migration\\(s\\)`));
      const second = runServerCli(['migrate'], { MSP_SERVER_DATABASE_URL: fresh.url });
      assert.equal(second.status, 0, second.stderr);
      assert.match(second.stdout, /already current/);
    } finally {
      await fresh.drop();
    }
  });

  it('two servers migrating one database at the same moment take turns (GET_LOCK); the schema ends complete', async () => {
    const handles = await Promise.all([1, 2, 3].map(() => openDatabase(database.url)));
    try {
      const results = await Promise.all(handles.map((handle) => migrateDatabase(handle)));
      assert.deepEqual(results.map((result) => result.applied).sort(), [0, 0, journalLength()]);
      const tables = await database.query<{ TABLE_NAME: string }>('SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?', [database.name]);
      const names = tables.map((row) => row.TABLE_NAME);
      for (const table of ['users', 'registered_machines', 'refresh_tokens', 'revocations', 'api_audit_log', 'machines', 'clients']) assert.ok(names.includes(table), table);
      const applied = await database.query<{ n: number }>('SELECT COUNT(*) AS n FROM __drizzle_migrations');
      assert.equal(applied[0]?.n, journalLength());
    } finally {
      await Promise.all(handles.map((handle) => handle.close()));
    }
  });

  it('two `msp-server migrate` processes at once both succeed', async () => {
    const fresh = unusedDatabaseName();
    try {
      const { spawn } = await import('node:child_process');
      const { serverBin } = await import('./helpers.js');
      const codes = await Promise.all([1, 2].map(() => new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, [serverBin, 'migrate'], { env: { ...process.env, MSP_SERVER_DATABASE_URL: fresh.url }, stdio: 'ignore' });
        child.once('exit', resolve);
      })));
      assert.deepEqual(codes, [0, 0]);
    } finally {
      await fresh.drop();
    }
  });

  it('says how to start MariaDB when it refuses the connection', () => {
    const run = runServerCli(['migrate'], { MSP_SERVER_DATABASE_URL: 'mysql://root@127.0.0.1:1/msp' });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /^msp-server: MariaDB refused the connection at 127\.0\.0\.1:1: is it running\?/);
  });
});
