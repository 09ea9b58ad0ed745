import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { base32Decode, totp } from '../../src-main/core/totp.js';
import { openServiceContext } from '../../src-main/services/bootstrap.js';
import { markTeamCopy, wipeLocalSecrets } from '../../src-main/vault/credentials.js';
import { checkKeychain, osKeychain } from '../../src-main/vault/keychain.js';
import { mspBin, tempHome } from '../helpers/processes.js';

const KEYCHAIN_HINT = 'these tests need an OS keychain (Secret Service): run them with `npm test`, which starts gnome-keyring on a private D-Bus session; install it with: apt-get install -y gnome-keyring dbus dbus-x11';
const CANARY = 'Canary-7f3b9e!-vault-secret';

function msp(home: string, args: string[], input = '', env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [mspBin, ...args], { env: { ...process.env, MSP_HOME: home, ...env }, input, encoding: 'utf8', timeout: 30_000 });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

function sql<T>(home: string, query: string): T[] {
  const db = new Database(path.join(home, 'msp.db'), { readonly: true });
  try {
    return db.prepare(query).all() as T[];
  } finally {
    db.close();
  }
}

/** Every file of the data dir (database, WAL, config, spool…) as bytes. */
function dataDirHolds(home: string, text: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (readFileSync(file).includes(Buffer.from(text))) found.push(file);
    }
  };
  walk(home);
  return found;
}

describe('credential vault on a technician machine (real OS keychain)', () => {
  before(() => {
    try {
      checkKeychain(osKeychain());
    } catch (error) {
      assert.fail(`${KEYCHAIN_HINT} (${(error as Error).message})`);
    }
  });

  it('stores the secret in the keychain only, reveals it to cred get alone, and audits every access', (t) => {
    const home = tempHome(t);
    assert.equal(msp(home, ['client', 'add', 'Acme']).status, 0);
    const added = msp(home, ['cred', 'add', 'ACME-NAS01 admin', '--client', 'Acme', '--username', 'admin', '--url', 'https://nas.acme.local:5001', '--rotate-days', '90', '--json'], `${CANARY}\n`);
    assert.equal(added.status, 0, added.stderr);
    const view = JSON.parse(added.stdout) as { id: string; onThisMachine: boolean; secretVersion: number };
    t.after(() => { osKeychain().delete(view.id); });
    assert.equal(view.onThisMachine, true);
    assert.equal(osKeychain().get(view.id), CANARY, 'the secret is in the OS keychain under the credential id');

    const listed = msp(home, ['cred', 'list', '--client', 'Acme']);
    assert.match(listed.stdout, /ACME-NAS01 admin \(password, Acme\) user admin •••••••• v1/);
    const got = msp(home, ['cred', 'get', 'nas01', '--reason', 'backup job failing']);
    assert.equal(got.status, 0, got.stderr);
    assert.equal(got.stdout, `${CANARY}\n`, 'cred get prints the value only');
    assert.equal(msp(home, ['cred', 'get', 'nas01', '--field', 'username']).stdout, 'admin\n');

    const audit = sql<{ action: string; outcome: string; reason: string | null; secret_version: number }>(home, 'SELECT action, outcome, reason, secret_version FROM credential_audit_log ORDER BY at, rowid');
    assert.deepEqual(audit.map((a) => [a.action, a.outcome]), [['create', 'success'], ['reveal', 'success'], ['read', 'success']]);
    assert.equal(audit[1]?.reason, 'backup job failing');
    assert.ok((sql<{ n: number }>(home, "SELECT count(*) AS n FROM sync_outbox WHERE table_name = 'credential_audit_log'")[0]?.n ?? 0) >= 3, 'audit rows are queued for the server');

    for (const output of [added.stdout, added.stderr, listed.stdout, listed.stderr]) assert.ok(!output.includes(CANARY));
    assert.deepEqual(dataDirHolds(home, CANARY), [], 'the secret is in no file of the data dir (database, WAL, outbox, config)');

    const rotated = msp(home, ['cred', 'rotate', view.id, '--reason', 'left the company'], 'Second-Secret-2\n');
    assert.equal(rotated.status, 0, rotated.stderr);
    assert.match(rotated.stdout, /now version 2/);
    assert.equal(msp(home, ['cred', 'get', view.id]).stdout, 'Second-Secret-2\n');
  });

  it('an ambiguous name reveals nothing and lists the matches; a missing one says how to list', (t) => {
    const home = tempHome(t);
    const ids: string[] = [];
    t.after(() => { for (const id of ids) osKeychain().delete(id); });
    for (const name of ['Firewall admin', 'NAS admin']) {
      const added = msp(home, ['cred', 'add', name, '--json'], `${CANARY}-${name}`);
      assert.equal(added.status, 0, added.stderr);
      ids.push((JSON.parse(added.stdout) as { id: string }).id);
    }
    const ambiguous = msp(home, ['cred', 'get', 'admin']);
    assert.equal(ambiguous.status, 1);
    assert.match(ambiguous.stderr, /2 credentials match "admin": \[[0-9a-f]{8}\] Firewall admin; \[[0-9a-f]{8}\] NAS admin\. Say which .* nothing was revealed/);
    assert.ok(!ambiguous.stdout.includes(CANARY) && !ambiguous.stderr.includes(CANARY));
    assert.equal(sql<{ n: number }>(home, "SELECT count(*) AS n FROM credential_audit_log WHERE action = 'reveal'")[0]?.n, 0);
    const missing = msp(home, ['cred', 'get', 'router']);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /no credential matches "router": msp cred list shows them/);
  });

  it('gives the current TOTP code of a stored seed, and lists what is due for rotation', (t) => {
    const home = tempHome(t);
    const seed = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    const added = msp(home, ['cred', 'add', 'M365 admin MFA', '--kind', 'totp_seed', '--rotate-days', '30', '--json'], seed);
    assert.equal(added.status, 0, added.stderr);
    const id = (JSON.parse(added.stdout) as { id: string }).id;
    t.after(() => { osKeychain().delete(id); });
    const before = Date.now();
    const code = msp(home, ['cred', 'totp', 'mfa']);
    const expected = [totp(base32Decode(seed), before).code, totp(base32Decode(seed), Date.now()).code];
    assert.equal(code.status, 0, code.stderr);
    assert.ok(expected.includes(code.stdout.split(' ')[0] ?? ''), `${code.stdout} not in ${expected.join(',')}`);
    assert.match(code.stdout, /^\d{6} \(\d+ s left\)\n$/);
    assert.match(msp(home, ['cred', 'rotate-due']).stdout, /Nothing is due/);
    const db = new Database(path.join(home, 'msp.db'));
    db.prepare('UPDATE credentials SET last_rotated_at = ? WHERE id = ?').run(Date.now() - 45 * 86_400_000, id);
    db.close();
    assert.match(msp(home, ['cred', 'rotate-due']).stdout, /M365 admin MFA: due \d{4}-\d\d-\d\d, 15 days overdue \(every 30 days\)/);
    const badSeed = msp(home, ['cred', 'add', 'Bad seed', '--kind', 'totp_seed'], 'not base32!');
    assert.equal(badSeed.status, 2);
    assert.match(badSeed.stderr, /base32/);
  });

  it('a revoked machine wipes the copies of team-vault secrets and keeps secrets only it holds', (t) => {
    const home = tempHome(t);
    const ids = ['Team copy', 'Only here'].map((name) => (JSON.parse(msp(home, ['cred', 'add', name, '--json'], `${CANARY}-${name}`).stdout) as { id: string }).id);
    t.after(() => { for (const id of ids) osKeychain().delete(id); });
    const context = openServiceContext({ env: { MSP_HOME: home } });
    t.after(() => { context.close(); });
    markTeamCopy(context.store, ids[0] ?? '');
    assert.equal(wipeLocalSecrets({ store: context.store, keychain: osKeychain() }), 1);
    assert.equal(osKeychain().get(ids[0] ?? ''), null);
    assert.equal(osKeychain().get(ids[1] ?? ''), `${CANARY}-Only here`);
  });

  it('without a keychain: a clear error naming how to get one, and nothing written', (t) => {
    const home = tempHome(t);
    const result = msp(home, ['cred', 'add', 'Lonely', '--username', 'x'], CANARY, { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /^msp: no OS keychain is available \(.*\): on Linux MSP Mode needs a Secret Service: .*apt-get install -y gnome-keyring dbus-x11/);
    assert.ok(!result.stderr.includes(CANARY));
    assert.equal(sql<{ n: number }>(home, 'SELECT count(*) AS n FROM credentials')[0]?.n, 0);
    const url = msp(home, ['cred', 'add', 'With creds in URL', '--url', 'https://admin:hunter2@nas.local'], CANARY);
    assert.equal(url.status, 2);
    assert.match(url.stderr, /--url must not hold credentials/);
  });
});
