import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { openServiceContext } from '../../src-main/services/bootstrap.js';
import { ingestHook } from '../../src-main/services/capture/ingest.js';
import { endSession, startSession } from '../../src-main/services/sessions.js';
import { addTask } from '../../src-main/services/tasks.js';
import { mspBin, repoRoot, runMsp, tempHome } from '../helpers/processes.js';

// Looks like nothing the redaction rules know: it gets through capture, as a real leak would.
const SECRET = 'Zq7-ochre-lantern-41';
const fixture = (name: string) => JSON.parse(readFileSync(path.join(repoRoot, '..', 'shared', 'fixtures', 'claude-code', name), 'utf8')) as Record<string, unknown>;

function forget(home: string, input: string, args: string[] = []) {
  const result = spawnSync(process.execPath, [mspBin, 'forget', '--stdin', ...args], { env: { ...process.env, MSP_HOME: home }, input, encoding: 'utf8', timeout: 30_000 });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Captures the secret into commands, prompts, output, a summary, a task and a spooled payload. */
function leak(home: string): void {
  const context = openServiceContext({ env: { MSP_HOME: home } });
  try {
    startSession(context, { mode: 'msp', client: 'Acme' });
    const bash = fixture('post-tool-use-bash.json');
    ingestHook(context, { ...bash, tool_use_id: 'leak-1', tool_input: { command: `grep -r ${SECRET} /srv/notes` }, tool_response: { stdout: `connected with ${SECRET}\nok`, stderr: '' } });
    ingestHook(context, { ...fixture('user-prompt-submit.json'), prompt: `the NAS account uses ${SECRET} since Monday` });
    addTask(context, { title: `rotate ${SECRET} on the NAS`, client: 'Acme' });
    endSession(context, `Mapped the backup share with ${SECRET}; works.`);
  } finally {
    context.close();
  }
  mkdirSync(path.join(home, 'spool'), { recursive: true, mode: 0o700 });
  writeFileSync(path.join(home, 'spool', '0001-leak.json'), JSON.stringify({ ...fixture('post-tool-use-bash.json'), tool_use_id: 'leak-2', tool_input: { command: `echo "${SECRET}"` } }), { mode: 0o600 });
}

const fileHolds = (file: string, text: string) => existsSync(file) && readFileSync(file).includes(Buffer.from(text));

describe('msp forget', () => {
  it('scrubs the text from every captured row, pending sync change, spooled event and the database files themselves', (t) => {
    const home = tempHome(t);
    leak(home);
    assert.ok(fileHolds(path.join(home, 'msp.db'), SECRET) || fileHolds(path.join(home, 'msp.db-wal'), SECRET), 'the leak is on disk before');

    const result = forget(home, `${SECRET}\n`, ['--json']);
    assert.equal(result.status, 0, result.stderr);
    const report = JSON.parse(result.stdout) as { rows: number; tables: Record<string, number>; outbox: number; spoolFiles: number };
    assert.deepEqual(report.tables, { sessions: 1, work_items: 1, pending_tasks: 1, commands_run: 1 });
    assert.ok(report.outbox >= 3, `pending sync changes scrubbed: ${report.outbox}`);
    assert.equal(report.spoolFiles, 1);
    assert.ok(!result.stdout.includes(SECRET) && !result.stderr.includes(SECRET), 'the text is never printed');

    for (const file of ['msp.db', 'msp.db-wal', 'spool/0001-leak.json']) assert.ok(!fileHolds(path.join(home, file), SECRET), `${file} still holds the secret`);
    const spooled = JSON.parse(readFileSync(path.join(home, 'spool', '0001-leak.json'), 'utf8')) as { tool_input: { command: string } };
    assert.equal(spooled.tool_input.command, 'echo "[REDACTED:forgotten]"', 'the spooled payload stays valid JSON');

    const context = openServiceContext({ env: { MSP_HOME: home } });
    t.after(() => { context.close(); });
    const command = context.store.sqlite.prepare('SELECT id, command, stdout_tail AS stdout FROM commands_run').get() as { id: string; command: string; stdout: string };
    assert.equal(command.command, 'grep -r [REDACTED:forgotten] /srv/notes');
    assert.equal(command.stdout, 'connected with [REDACTED:forgotten]\nok');
    // The append-only row's rewrite is queued for sync with its new values.
    const rewrite = context.store.sqlite.prepare("SELECT fields FROM sync_outbox WHERE table_name = 'commands_run' AND row_id = ? AND fields IS NOT NULL").get(command.id) as { fields: string } | undefined;
    assert.deepEqual(JSON.parse(rewrite?.fields ?? '{}'), { command: command.command, stdout_tail: command.stdout });
    assert.equal(context.store.sqlite.pragma('integrity_check', { simple: true }), 'ok');

    const again = forget(home, SECRET);
    assert.equal(again.status, 0);
    assert.match(again.stdout, /Nothing held that text/);
  });

  it('refuses text too short to forget safely, and an argument together with --stdin', (t) => {
    const home = tempHome(t);
    const short = runMsp(home, ['forget', 'abc']);
    assert.equal(short.status, 2);
    assert.match(short.stderr, /at least 6 characters/);
    const both = forget(home, 'something-long', ['also-an-argument']);
    assert.equal(both.status, 2);
    assert.match(both.stderr, /either as an argument or with --stdin/);
    const none = runMsp(home, ['forget']);
    assert.equal(none.status, 2);
    assert.match(none.stderr, /msp forget --stdin/);
  });
});
