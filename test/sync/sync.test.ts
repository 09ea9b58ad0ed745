import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { manualClock } from '../../src-main/core/clock.js';
import { uuidv7Source } from '../../src-main/core/ids.js';
import { Store } from '../../src-main/store/store.js';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../src-shared/sync-api.js';
import { createTestDatabase, type TestDatabase } from '../helpers/mariadb.js';
import { mspBin } from '../helpers/processes.js';
import { PASSWORD, runServerCli, spawnServer, type ServerProcess } from '../server/helpers.js';

/** A technician machine: its own HOME (so its own fingerprint) and data dir. */
interface Machine { home: string; msp(args: string[], input?: string): { status: number; stdout: string; stderr: string }; json<T>(args: string[]): T }

function machine(root: string, name: string): Machine {
  const home = path.join(root, name);
  const env = { ...process.env, HOME: home, MSP_HOME: path.join(home, 'msp') };
  const msp = (args: string[], input?: string) => {
    const result = spawnSync(process.execPath, [mspBin, ...args], { env, input, encoding: 'utf8', timeout: 60_000 });
    return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
  };
  return {
    home: path.join(home, 'msp'),
    msp,
    json: <T>(args: string[]) => {
      const result = msp([...args, '--json']);
      assert.equal(result.status, 0, `msp ${args.join(' ')}: ${result.stderr}${result.stdout}`);
      return JSON.parse(result.stdout) as T;
    },
  };
}

const rows = <T>(m: Machine, sql: string) => {
  const db = new Database(path.join(m.home, 'msp.db'), { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
};

describe('sync through the real msp-server on MariaDB', () => {
  let database: TestDatabase;
  let server: ServerProcess;
  let root: string;
  let a: Machine;
  let b: Machine;

  before(async () => {
    database = await createTestDatabase();
    root = mkdtempSync(path.join(os.tmpdir(), 'msp-sync-'));
    const env = { MSP_SERVER_DATABASE_URL: database.url, MSP_SERVER_DATA_DIR: path.join(root, 'server') };
    server = await spawnServer(env);
    const added = runServerCli(['user', 'add', 'ann', '--password-stdin'], env, `${PASSWORD}\n`);
    assert.equal(added.status, 0, added.stderr);
    a = machine(root, 'laptop');
    b = machine(root, 'desktop');
  });
  after(async () => {
    await server.stop();
    await database.drop();
    rmSync(root, { recursive: true, force: true });
  });

  it('logs in each machine (0600 login file), and a wrong password is one clear line', () => {
    const wrong = a.msp(['login', '--server', server.url, '--user', 'ann', '--password-stdin'], 'not the password\n');
    assert.equal(wrong.status, 1);
    assert.match(wrong.stderr, /^msp: login refused: .+\n$/);
    for (const m of [a, b]) {
      const result = m.msp(['login', '--server', server.url, '--user', 'ann', '--password-stdin'], `${PASSWORD}\n`);
      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stdout, /Logged in to http:\/\/127\.0\.0\.1:\d+ as ann/);
      assert.equal(statSync(path.join(m.home, 'sync-login.json')).mode & 0o777, 0o600);
    }
    const noStdin = a.msp(['login', '--server', server.url, '--user', 'ann']);
    assert.equal(noStdin.status, 2);
    assert.match(noStdin.stderr, /--password-stdin/);
  });

  it('work done offline on two machines ends up on both, and verify proves they equal the server', () => {
    a.json(['start', 'msp', '--client', 'Acme']);
    a.json(['task', 'add', 'Renew the NAS warranty', '--client', 'Acme']);
    a.json(['end', '--summary', 'Replaced the failed disk in ACME-NAS01']);
    b.json(['client', 'add', 'Beta Dental']);
    b.json(['start', 'dev', '--project', 'Scripts']);

    const first = a.json<{ pushed: number; pulled: number }>(['sync']);
    assert.ok(first.pushed > 0);
    const second = b.json<{ pushed: number; pulled: number; applied: number }>(['sync']);
    assert.equal(second.pulled, first.pushed, 'B pulls exactly what A pushed');
    a.json(['sync']);

    for (const m of [a, b]) {
      assert.deepEqual(rows<{ name: string }>(m, 'SELECT name FROM clients ORDER BY name').map((r) => r.name), ['Acme', 'Beta Dental']);
      assert.deepEqual(rows<{ summary: string | null }>(m, 'SELECT summary FROM sessions WHERE summary IS NOT NULL').map((r) => r.summary), ['Replaced the failed disk in ACME-NAS01']);
      const verified = m.msp(['sync', 'verify']);
      assert.equal(verified.status, 0, verified.stdout + verified.stderr);
      assert.match(verified.stdout, /^Equal/);
    }
    const status = a.json<{ pending: number; lastSuccess: number; lastError: unknown }>(['sync', 'status']);
    assert.equal(status.pending, 0);
    assert.ok(status.lastSuccess > 0);
  });

  it('an outbox far larger than the server takes in one request goes in size-capped batches', () => {
    const clock = manualClock(Date.now());
    const store = Store.open({ file: path.join(a.home, 'msp.db'), clock, ids: uuidv7Source(() => clock.now()) });
    try {
      store.write((w) => {
        for (let i = 0; i < 3000; i++) {
          w.insert('commands_run', { command: `robocopy \\\\fs01\\share${i} D:\\backup /MIR`, shell: 'cmd', success: false, exitCode: 8, stderrTail: `ERROR 5 (0x00000005) Accessing Source Directory ${'x'.repeat(2400)}`, startedAt: i, finishedAt: i + 1, source: 'capture' });
        }
      });
    } finally {
      store.close();
    }
    const pushed = a.json<{ pushed: number }>(['sync']);
    assert.ok(pushed.pushed >= 3000, `pushed ${pushed.pushed}`);
    assert.equal(a.json<{ pending: number }>(['sync', 'status']).pending, 0);
    b.json(['sync']);
    assert.equal(rows<{ n: number }>(b, "SELECT count(*) AS n FROM commands_run WHERE command LIKE 'robocopy%'")[0]?.n, 3000);
  });

  it('the same client created offline on both machines converges on one row (natural-key id)', () => {
    a.json(['client', 'add', 'Gamma Law']);
    b.json(['client', 'add', 'gamma law']);
    a.json(['sync']);
    b.json(['sync']);
    a.json(['sync']);
    for (const m of [a, b]) assert.equal(rows<{ n: number }>(m, "SELECT count(*) AS n FROM clients WHERE normalized_name = 'gamma law'")[0]?.n, 1);
    assert.equal(a.msp(['sync', 'verify']).status, 0);
    assert.equal(b.msp(['sync', 'verify']).status, 0);
  });

  it('a replayed batch is acknowledged and not applied twice; bad changes are quarantined and do not block the rest', async () => {
    const login = JSON.parse(a.msp(['sync', 'status', '--json']).stdout) as { server: string };
    const saved = JSON.parse(readFileSync(path.join(a.home, 'sync-login.json'), 'utf8')) as { accessToken: string };
    const post = async (route: string, body: unknown) => {
      const response = await fetch(new URL(route, login.server), { method: 'POST', headers: { authorization: `Bearer ${saved.accessToken}`, 'content-type': 'application/json', [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) }, body: JSON.stringify(body) });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const origin = '0190f5e0-0000-7000-8000-0000000000ff';
    const hlc = (n: number) => `${String(Date.now()).padStart(13, '0')}-${String(n).padStart(5, '0')}-${origin}`;
    const batch = {
      origin,
      changes: [
        { counter: 1, table: 'credential_permissions', rowId: '0190f5e0-0000-7000-8000-000000000101', hlc: hlc(1), kind: 'upsert', fields: { created_at: 1 } },
        { counter: 2, table: 'clients', rowId: '0190f5e0-0000-7000-8000-000000000102', hlc: hlc(2), kind: 'upsert', fields: { created_at: 1, name: 'X', no_such_column: 1 } },
        { counter: 3, table: 'clients', rowId: '0190f5e0-0000-7000-8000-000000000103', hlc: hlc(3), kind: 'upsert', fields: { created_at: 1, name: 'Delta Freight', normalized_name: 'delta freight', status: 'active' } },
      ],
    };
    const pushed = await post('/v1/sync/push', batch);
    assert.equal(pushed.status, 200, JSON.stringify(pushed.body));
    assert.equal(pushed.body.acknowledged, 3);
    assert.deepEqual((pushed.body.rejected as { counter: number; reason: string }[]).map((r) => r.counter), [1, 2]);
    assert.match(JSON.stringify(pushed.body.rejected), /managed by the server's admin routes.*has no column no_such_column/);
    const replay = await post('/v1/sync/push', batch);
    assert.deepEqual([replay.body.acknowledged, replay.body.duplicates, replay.body.applied], [3, 3, 0]);
    const quarantined = await database.query<{ n: number }>('SELECT count(*) AS n FROM sync_quarantine');
    assert.equal(Number(quarantined[0]?.n), 2);
    const gap = await post('/v1/sync/push', { origin, changes: [{ ...batch.changes[2], counter: 9 }] });
    assert.equal(gap.status, 409);
    assert.match(String(gap.body.error), /holds origin .* up to change 3, the batch starts at 9/);
    const ahead = await post('/v1/sync/push', { origin, changes: [{ ...batch.changes[2], counter: 4, hlc: `${Date.now() + 10 * 60_000}-00000-${origin}` }] });
    assert.equal(ahead.status, 400);
    assert.match(String(ahead.body.error), /ahead of the server's clock .* set this machine's clock right/);
    b.json(['sync']);
    assert.equal(rows<{ n: number }>(b, "SELECT count(*) AS n FROM clients WHERE name = 'Delta Freight'")[0]?.n, 1, 'the good change behind the bad ones arrived');
  });

  it('verify names the rows that differ: changed here, only here, only on the server; exit 1', async () => {
    b.json(['sync']);
    const db = new Database(path.join(b.home, 'msp.db'));
    const acme = db.prepare("SELECT id FROM clients WHERE name = 'Acme'").get() as { id: string };
    db.prepare("UPDATE clients SET notes = 'edited behind sync' WHERE id = ?").run(acme.id);
    db.prepare("INSERT INTO clients (id, name, normalized_name, status, created_at, updated_at, origin_id, hlc, deleted) VALUES ('0190f5e0-0000-7000-8000-0000000000aa', 'Stray', 'stray', 'active', 1, 1, 'x', 'x', 0)").run();
    db.close();
    const gamma = await database.query<{ id: string }>("SELECT id FROM clients WHERE normalized_name = 'gamma law'");
    await database.query('DELETE FROM clients WHERE id = ?', [gamma[0]?.id]);
    await database.query("INSERT INTO clients (id, name, normalized_name, status, created_at, updated_at, origin_id, hlc, deleted) VALUES ('0190f5e0-0000-7000-8000-0000000000bb', 'Ghost', 'ghost', 'active', 1, 1, 'x', 'x', 0)");
    const result = b.msp(['sync', 'verify']);
    assert.equal(result.status, 1, result.stdout + result.stderr);
    assert.match(result.stdout, /^Different:\n- clients: here \d+ rows/);
    const line = (label: string) => new RegExp(`^ +${label}: (.+)$`, 'm').exec(result.stdout)?.[1]?.split(', ') ?? [];
    assert.deepEqual(line('only here').sort(), ['0190f5e0-0000-7000-8000-0000000000aa', gamma[0]?.id].sort(), result.stdout);
    assert.deepEqual(line('different'), [acme.id]);
    assert.deepEqual(line('only on the server'), ['0190f5e0-0000-7000-8000-0000000000bb']);
  });

  it('an expired access token is refreshed once, under a lock, and the rotated pair is saved (0600)', () => {
    const file = path.join(a.home, 'sync-login.json');
    const before = JSON.parse(readFileSync(file, 'utf8')) as { refreshToken: string; accessToken: string };
    writeFileSync(file, JSON.stringify({ ...before, accessExpiresAt: 0 }), { mode: 0o600 });
    assert.equal(a.msp(['sync']).status, 0);
    const after = JSON.parse(readFileSync(file, 'utf8')) as { refreshToken: string; accessToken: string; accessExpiresAt: number };
    assert.notEqual(after.refreshToken, before.refreshToken, 'the refresh token rotated');
    assert.notEqual(after.accessToken, before.accessToken);
    assert.ok(after.accessExpiresAt > Date.now() + 50 * 60_000);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.equal(a.msp(['sync']).status, 0, 'the new pair works');
  });

  it('an unreachable server is one line and a non-zero exit; the work waits in the outbox', () => {
    const offline = machine(root, 'offline');
    offline.msp(['login', '--server', server.url, '--user', 'ann', '--password-stdin'], `${PASSWORD}\n`);
    offline.json(['client', 'add', 'Epsilon']);
    const config = JSON.parse(offline.msp(['config', 'show', '--json']).stdout) as { files: { syncLogin: string } };
    const saved = JSON.parse(readFileSync(config.files.syncLogin, 'utf8')) as Record<string, unknown>;
    writeFileSync(config.files.syncLogin, JSON.stringify({ ...saved, server: 'http://127.0.0.1:9' }), { mode: 0o600 });
    const result = offline.msp(['sync']);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /^msp: cannot reach the sync server at http:\/\/127\.0\.0\.1:9: connection refused/);
    assert.equal(result.stderr.trim().split('\n').length, 1);
    const status = offline.json<{ pending: number; lastError: { message: string } }>(['sync', 'status']);
    assert.ok(status.pending > 0);
    assert.match(status.lastError.message, /cannot reach/);
  });
});
