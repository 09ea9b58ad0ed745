import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../helpers/mariadb.js';
import { PASSWORD, runServerCli } from './helpers.js';

describe('msp-server commands', () => {
  let database: TestDatabase;
  let env: NodeJS.ProcessEnv;
  let dataDir: string;
  before(async () => {
    database = await createTestDatabase();
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'msp-server-cli-'));
    env = { MSP_SERVER_DATABASE_URL: database.url, MSP_SERVER_DATA_DIR: dataDir };
  });
  after(async () => {
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('adds users with a password from stdin, admin or not, and lists them', () => {
    const added = runServerCli(['user', 'add', 'alice', '--admin', '--password-stdin'], env, `${PASSWORD}\n`);
    assert.equal(added.status, 0, added.stderr);
    assert.equal(added.stdout.trim(), 'added user alice (admin)');
    assert.equal(runServerCli(['user', 'add', 'bob', '--password-stdin'], env, PASSWORD).status, 0);
    const list = runServerCli(['user', 'list'], env);
    assert.equal(list.status, 0);
    assert.match(list.stdout, /^alice\s+yes\s+no\s/m);
    assert.match(list.stdout, /^bob\s+no\s+no\s/m);
  });

  it('refuses a password under 12 characters, a duplicate name and a bad name, each in one line', () => {
    const short = runServerCli(['user', 'add', 'carol', '--password-stdin'], env, 'short pass\n');
    assert.equal(short.status, 2);
    assert.match(short.stderr, /^msp-server: the password must be at least 12 characters/);
    const duplicate = runServerCli(['user', 'add', 'alice', '--password-stdin'], env, PASSWORD);
    assert.equal(duplicate.status, 1);
    assert.equal(duplicate.stderr.trim(), 'msp-server: user alice already exists');
    assert.equal(runServerCli(['user', 'add', 'no spaces', '--password-stdin'], env, PASSWORD).status, 2);
  });

  it('asks on a terminal only: without one and without --password-stdin it says what to do', () => {
    const run = runServerCli(['user', 'add', 'dave'], env, '');
    assert.equal(run.status, 2);
    assert.match(run.stderr, /no terminal to ask the password on: give it on stdin with --password-stdin/);
  });

  it('disables a user (and revokes their logins)', async () => {
    const run = runServerCli(['user', 'disable', 'bob'], env);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /disabled user bob/);
    assert.match(runServerCli(['user', 'list'], env).stdout, /^bob\s+no\s+yes\s/m);
    const revocations = await database.query<{ kind: string }>('SELECT kind FROM revocations');
    assert.deepEqual(revocations.map((row) => row.kind), ['user']);
    const missing = runServerCli(['user', 'disable', 'nobody'], env);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /no user named nobody/);
  });

  it('lists keys by id only, never the key material', () => {
    const none = runServerCli(['keys', 'list'], env);
    assert.equal(none.status, 0);
    assert.match(none.stdout, /no keys configured and none generated yet/);
    // A serve that cannot bind still generates the keys first; use the generated file afterwards.
    runServerCli(['serve'], { ...env, MSP_SERVER_HOST: '203.0.113.1' });
    const listed = runServerCli(['keys', 'list'], env);
    assert.equal(listed.status, 0, listed.stderr);
    assert.match(listed.stdout, /signing {2}sig-\d{8}-[0-9a-f]{6} {2}signs new tokens, verifies/);
    assert.match(listed.stdout, /kek {6}kek-\d{8}-[0-9a-f]{6} {2}wraps new secrets/);
    assert.doesNotMatch(listed.stdout + listed.stderr, /PRIVATE KEY|[A-Za-z0-9+/]{43}=/);
  });

  it('exits 2 with one line on a wrong command line, and prints help', () => {
    for (const args of [['frobnicate'], ['user'], ['user', 'add'], ['user', 'add', 'x', '--bogus'], ['keys'], ['migrate', 'now']]) {
      const run = runServerCli(args, env);
      assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.equal(run.stderr.trim().split('\n').length, 1, args.join(' '));
    }
    const help = runServerCli(['--help'], env);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /user add NAME \[--admin\] \[--password-stdin\]/);
  });
});
