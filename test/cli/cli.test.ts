import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { runMsp, runMspJson, tempHome } from '../helpers/processes.js';

interface Status { active: boolean; mode: string | null; client: string | null; project: string | null; billable: boolean; elapsedMinutes: number; billableMinutes: number }

describe('msp CLI', () => {
  it('starts, reports, pauses, resumes and ends a session, with --json everywhere', (t) => {
    const home = tempHome(t);
    const started = runMspJson<{ session: { mode: string; client: string; billable: boolean } }>(home, ['start', 'msp', '--client', 'Dataforth', '--project', 'DNS migration']);
    assert.deepEqual([started.session.mode, started.session.client, started.session.billable], ['msp', 'Dataforth', true]);
    const status = runMspJson<Status>(home, ['status']);
    assert.deepEqual({ ...status, elapsedMinutes: 0, billableMinutes: 0 }, { ...status, active: true, mode: 'msp', client: 'Dataforth', project: 'DNS migration', billable: true, elapsedMinutes: 0, billableMinutes: 0 });
    assert.equal(typeof status.elapsedMinutes, 'number');
    assert.equal(runMspJson<{ state: string }>(home, ['pause']).state, 'paused');
    assert.equal(runMspJson<{ state: string }>(home, ['resume']).state, 'active');
    const ended = runMspJson<{ state: string; summary: string }>(home, ['end', '--summary', 'Moved DNS to the UDM; TTL lowered first.']);
    assert.deepEqual([ended.state, ended.summary], ['ended', 'Moved DNS to the UDM; TTL lowered first.']);
    const text = runMsp(home, ['sessions', '--client', 'DATAFORTH']);
    assert.equal(text.status, 0);
    assert.match(text.stdout, /1 session,/);
    assert.match(text.stdout, /Moved DNS to the UDM/);
    assert.equal(runMspJson<Status>(home, ['status']).active, false);
  });

  it('switching mode ends the current session; normal mode clears client and project', (t) => {
    const home = tempHome(t);
    runMspJson(home, ['start', 'msp', '--client', 'ACME']);
    const switched = runMspJson<{ ended: { client: string; endReason: string }; session: { mode: string; client: null; billable: boolean } }>(home, ['start', 'normal']);
    assert.equal(switched.ended.client, 'ACME');
    assert.equal(switched.ended.endReason, 'mode_switch');
    assert.deepEqual([switched.session.mode, switched.session.client, switched.session.billable], ['normal', null, false]);
    const dev = runMspJson<{ session: { billable: boolean; project: string } }>(home, ['start', 'dev', '--project', 'msp-mode']);
    assert.deepEqual([dev.session.billable, dev.session.project], [false, 'msp-mode']);
  });

  it('manages clients, projects and tasks, matching names case-insensitively', (t) => {
    const home = tempHome(t);
    assert.equal(runMspJson<{ created: boolean }>(home, ['client', 'add', 'Valley Wide Plastering']).created, true);
    assert.equal(runMspJson<{ created: boolean }>(home, ['client', 'add', 'valley wide  plastering']).created, false);
    runMspJson(home, ['project', 'add', 'Server migration', '--client', 'VALLEY WIDE PLASTERING']);
    const task = runMspJson<{ shortId: string; client: string }>(home, ['task', 'add', 'Replace NAS disk 3', '--client', 'valley wide plastering']);
    assert.equal(task.client, 'Valley Wide Plastering');
    runMspJson(home, ['task', 'add', 'Renew the SSL certificate']);
    assert.equal(runMspJson<unknown[]>(home, ['task', 'list', '--client', 'Valley Wide Plastering']).length, 1);
    assert.equal(runMspJson<{ status: string }>(home, ['task', 'done', task.shortId]).status, 'done');
    assert.equal(runMspJson<unknown[]>(home, ['task', 'list']).length, 1);
    const clients = runMspJson<{ name: string; openTasks: number }[]>(home, ['client', 'list']);
    assert.deepEqual(clients.map((c) => [c.name, c.openTasks]), [['Valley Wide Plastering', 0]]);
    assert.equal(runMspJson<{ name: string; client: string }[]>(home, ['project', 'list'])[0]?.client, 'Valley Wide Plastering');
  });

  it('answers bad arguments with one clear line and exit code 2', (t) => {
    const home = tempHome(t);
    const cases: [string[], RegExp][] = [
      [['start', 'msp'], /msp mode is client work: name the client with --client NAME/],
      [['start', 'weird'], /mode must be one of msp, dev, normal \(got "weird"\)/],
      [['start', '--bogus'], /unknown option --bogus/],
      [['start', 'msp', '--client'], /--client needs a value|option --client needs a value/],
      [['sessions', '--from', 'yesterday-ish'], /--from "yesterday-ish" is not a time/],
      [['task', 'add'], /missing TEXT/],
      [['task', 'done', 'zz'], /is not a task id/],
      [['frobnicate'], /unknown command "frobnicate"/],
    ];
    for (const [args, message] of cases) {
      const result = runMsp(home, args);
      assert.equal(result.status, 2, `msp ${args.join(' ')} exits 2: ${result.stderr}`);
      assert.match(result.stderr, message);
      assert.equal(result.stderr.trim().split('\n').length, 1, `one line for msp ${args.join(' ')}: ${result.stderr}`);
      assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
    }
    const json = runMsp(home, ['start', 'msp', '--json']);
    assert.equal(json.status, 2);
    assert.deepEqual(JSON.parse(json.stdout), { error: 'msp mode is client work: name the client with --client NAME', code: 'bad_input', field: 'client' });
    const conflict = runMsp(home, ['pause']);
    assert.equal(conflict.status, 1);
    assert.match(conflict.stderr, /no active session/);
  });

  it('rejects a bad config file naming the setting and the fix', (t) => {
    const home = tempHome(t);
    writeFileSync(path.join(home, 'config.json'), JSON.stringify({ sessions: { idleMinutes: 'soon' } }));
    const bad = runMsp(home, ['status']);
    assert.equal(bad.status, 2, bad.stderr);
    assert.match(bad.stderr, /config\.json: sessions\.idleMinutes: .*number.*fix it, or remove the key/);
    writeFileSync(path.join(home, 'config.json'), '{ "agent": ');
    assert.match(runMsp(home, ['status']).stderr, /config\.json is not valid JSON .*fix it or delete it/);
    writeFileSync(path.join(home, 'config.json'), JSON.stringify({ agnet: {} }));
    assert.match(runMsp(home, ['status']).stderr, /agnet|Unrecognized key/);
    const set = runMsp(home, ['config', 'set', 'sessions.idleMinutes', '-5']);
    assert.equal(set.status, 2);
  });

  it('has --help on every command', (t) => {
    const home = tempHome(t);
    const overview = runMsp(home, ['--help']);
    assert.equal(overview.status, 0, overview.stderr);
    const names = [...overview.stdout.matchAll(/^ {2}([a-z]+(?: [a-z]+)?) {2,}/gm)].map((m) => m[1] ?? '');
    assert.ok(names.length >= 15, `commands listed: ${names.join(', ')}`);
    for (const name of names) {
      const help = runMsp(home, [...name.split(' '), '--help']);
      assert.equal(help.status, 0, `msp ${name} --help: ${help.stderr}`);
      assert.match(help.stdout, new RegExp(`^Usage: msp ${name}`), `msp ${name} --help prints its usage`);
    }
  });
});
