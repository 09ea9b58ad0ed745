import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { repoRoot, runMsp, runMspJson, startAgent, tempHome } from '../helpers/processes.js';

const fixtures = path.join(repoRoot, '..', 'shared', 'fixtures', 'claude-code');
const fixture = (name: string) => readFileSync(path.join(fixtures, name), 'utf8');
const SESSION = ['session-start.json', 'user-prompt-submit.json', 'pre-tool-use-bash.json', 'post-tool-use-bash.json', 'post-tool-use-bash-failure.json', 'post-tool-use-edit.json', 'post-tool-use-write.json', 'post-tool-use-failure-powershell-windows.json', 'stop.json', 'session-end.json'];

/** Runs the installed hook command exactly as Claude Code does: payload on stdin. */
function hook(home: string, payload: string): { status: number; stdout: string; ms: number } {
  const started = process.hrtime.bigint();
  const result = spawnSync('bash', [path.join(home, 'hook.sh')], { input: payload, encoding: 'utf8', timeout: 10_000 });
  return { status: result.status ?? -1, stdout: result.stdout, ms: Number(process.hrtime.bigint() - started) / 1e6 };
}

function rows<T>(home: string, sql: string): T[] {
  const db = new Database(path.join(home, 'msp.db'), { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

describe('Claude Code capture through the hook script', () => {
  it('records a whole fixture session, attributed to the mapped client, and injects context at start', async (t) => {
    const home = tempHome(t);
    runMspJson(home, ['map', '/home/tech/clients/acme', '--client', 'Acme']);
    const agent = await startAgent(home);
    t.after(() => agent.stop());
    const answers = SESSION.map((name) => hook(home, fixture(name)));
    for (const answer of answers) assert.equal(answer.status, 0);
    const context = JSON.parse(answers[0]?.stdout ?? '{}') as { hookSpecificOutput: { hookEventName: string; additionalContext: string } };
    assert.equal(context.hookSpecificOutput.hookEventName, 'SessionStart');
    assert.match(context.hookSpecificOutput.additionalContext, /client Acme, billable/);
    assert.ok(context.hookSpecificOutput.additionalContext.split(/\s+/).length <= 300);

    const status = runMspJson<{ mode: string; client: string; billable: boolean }>(home, ['status']);
    assert.deepEqual([status.mode, status.client, status.billable], ['msp', 'Acme', true]);
    const commands = rows<{ command: string; success: number; exit_code: number; failure_category: string | null; shell: string; duration_ms: number; stdout_tail: string | null; error_message: string | null }>(home, 'SELECT * FROM commands_run ORDER BY finished_at, rowid');
    assert.equal(commands.length, 3);
    assert.deepEqual(commands.map((c) => [c.success, c.exit_code, c.shell]), [[1, 0, 'bash'], [0, 1, 'bash'], [0, 1, 'powershell']]);
    assert.equal(commands[0]?.duration_ms, 143);
    assert.match(commands[0].stdout_tail ?? '', /cups.service - CUPS Scheduler/);
    assert.equal(commands[1]?.failure_category, 'command_not_found');
    assert.match(commands[1].error_message ?? '', /^Get-LocalUser: The term 'Get-LocalUser' is not recognized/);
    const files = rows<{ path: string; change_kind: string; lines_added: number; lines_removed: number }>(home, 'SELECT path, change_kind, lines_added, lines_removed FROM file_changes ORDER BY changed_at, rowid');
    assert.deepEqual(files, [
      { path: '/home/tech/clients/acme/configs/smb.conf', change_kind: 'update', lines_added: 2, lines_removed: 0 },
      { path: '/home/tech/clients/acme/notes/2025-11-04-printer-outage.md', change_kind: 'create', lines_added: 6, lines_removed: 0 },
    ]);
    const prompts = rows<{ title: string }>(home, "SELECT title FROM work_items WHERE source = 'capture'");
    assert.match(prompts[0]?.title ?? '', /front-desk PC \(ACME-FD01\)/);
    const claude = rows<{ stops: number; end_reason: string }>(home, "SELECT stops, end_reason FROM claude_sessions WHERE claude_session_id = '7f3c2a91-4b6e-4d2a-9c1f-0e8b5d3a6c27'");
    assert.deepEqual(claude, [{ stops: 1, end_reason: 'prompt_input_exit' }]);
    assert.equal(runMspJson<{ active: boolean }>(home, ['status']).active, true, 'SessionEnd leaves the MSP session open');

    for (const name of SESSION) hook(home, fixture(name));
    assert.equal(rows<{ n: number }>(home, 'SELECT count(*) AS n FROM commands_run')[0]?.n, 3, 'a replayed session is stored once');
    assert.equal(rows<{ n: number }>(home, 'SELECT count(*) AS n FROM file_changes')[0]?.n, 2);
  });

  it('spools events while the agent is down and ingests each once when it is back', async (t) => {
    const home = tempHome(t);
    const first = await startAgent(home);
    await first.stop('SIGKILL');
    // The dead agent's port file is left behind and another program now listens there: the hook
    // must not send it anything (the token least of all).
    let connections = 0;
    const squatter = net.createServer((socket) => { connections++; socket.destroy(); });
    await new Promise<void>((resolve) => { squatter.listen(first.port, '127.0.0.1', resolve); });
    t.after(() => { squatter.close(); });
    const down = ['session-start.json', 'post-tool-use-bash.json', 'post-tool-use-bash-failure.json', 'post-tool-use-bash.json'].map((name) => hook(home, fixture(name)));
    assert.equal(connections, 0, 'nothing was sent to the dead agent\'s port');
    for (const result of down) assert.equal(result.status, 0, 'the hook exits 0 with the agent down');
    const spooled = readdirSync(path.join(home, 'spool')).filter((name) => name.endsWith('.json'));
    assert.equal(spooled.length, 4);
    for (const name of spooled) assert.equal(statSync(path.join(home, 'spool', name)).mode & 0o777, 0o600);
    const again = await startAgent(home);
    t.after(() => again.stop());
    assert.deepEqual(readdirSync(path.join(home, 'spool')).filter((name) => name.endsWith('.json')), [], 'the spool is emptied');
    const commands = rows<{ success: number }>(home, 'SELECT success FROM commands_run ORDER BY finished_at, rowid');
    assert.deepEqual(commands.map((c) => c.success), [1, 0], 'the duplicate PostToolUse is stored once');
  });

  it('redacts secrets in prompts, commands and output before anything is written', async (t) => {
    const home = tempHome(t);
    const agent = await startAgent(home);
    t.after(() => agent.stop());
    const prompt = JSON.parse(fixture('user-prompt-submit.json')) as Record<string, unknown>;
    prompt.prompt = 'Log in to ACME-DC01 as admin, the password is Tr0ub4dor&3, and reset jdoe';
    prompt.prompt_id = 'prompt-with-secret';
    const command = JSON.parse(fixture('post-tool-use-bash.json')) as Record<string, unknown>;
    command.tool_use_id = 'toolu_secret';
    command.tool_input = { command: 'mysql -u root -pS3cretPass! -e "show databases"' };
    command.tool_response = { stdout: 'token: ghp_abcdefghijklmnopqrstuvwxyz0123456789', stderr: '', interrupted: false, isImage: false };
    for (const payload of [prompt, command]) assert.equal(hook(home, JSON.stringify(payload)).status, 0);
    const stored = JSON.stringify([...rows(home, 'SELECT * FROM work_items'), ...rows(home, 'SELECT * FROM commands_run'), ...rows(home, 'SELECT * FROM sync_outbox')]);
    for (const secret of ['Tr0ub4dor&3', 'S3cretPass!', 'ghp_abcdefghijklmnopqrstuvwxyz0123456789']) assert.ok(!stored.includes(secret), `${secret} was stored`);
    assert.match(stored, /\[REDACTED:password\]/);
    assert.match(stored, /reset jdoe/);
  });

  it('stores nothing while the session is paused, and counts what it skipped', async (t) => {
    const home = tempHome(t);
    runMspJson(home, ['start', 'msp', '--client', 'Acme']);
    runMspJson(home, ['pause']);
    const agent = await startAgent(home);
    t.after(() => agent.stop());
    assert.equal(hook(home, fixture('post-tool-use-bash.json')).status, 0);
    assert.equal(hook(home, fixture('user-prompt-submit.json')).status, 0);
    assert.equal(rows<{ n: number }>(home, 'SELECT count(*) AS n FROM commands_run')[0]?.n, 0);
    assert.deepEqual(rows<{ value: string }>(home, "SELECT value FROM sync_state WHERE key = 'capture.skipped_while_paused'"), [{ value: '2' }]);
  });

  it('answers a malformed known event with 400 and ignores events it does not know', async (t) => {
    const home = tempHome(t);
    const agent = await startAgent(home);
    t.after(() => agent.stop());
    const post = (body: unknown) => fetch(`${agent.base}/v1/hooks`, { method: 'POST', headers: { authorization: `Bearer ${agent.token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const bad = await post({ hook_event_name: 'PostToolUse', session_id: 's', tool_name: 42 });
    assert.equal(bad.status, 400);
    assert.match(((await bad.json()) as { error: string }).error, /PostToolUse hook: tool_name/);
    assert.equal((await post({ hook_event_name: 'Notification', session_id: 's', message: 'hi' })).status, 204);
    assert.equal((await post({ nothing: true })).status, 400);
    assert.equal(runMsp(home, ['status', '--json']).status, 0);
  });
});
