import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, it } from 'node:test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { SessionView } from '../../src-shared/api.js';
import { MspError } from '../../src-main/core/errors.js';
import { callTool } from '../../src-main/mcp/server.js';
import { defineTool } from '../../src-main/mcp/tool.js';
import type { ServiceContext } from '../../src-main/services/context.js';
import { mspBin, runMsp, runMspJson, tempHome } from '../helpers/processes.js';

const TOOLS = [
  'context', 'credential_lookup', 'env', 'log_work_item', 'problems', 'report', 'search', 'session_end', 'session_pause', 'session_resume', 'session_show', 'session_start',
  'session_status', 'sessions_list', 'task_add', 'task_done', 'task_list',
];

interface Answer { text: string; isError: boolean }

/** Starts `msp mcp` on a temp MSP_HOME the way Claude Code does, through the SDK's stdio client. */
async function connect(t: { after(fn: () => Promise<void>): void }, home: string) {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [mspBin, 'mcp'],
    env: { ...process.env, MSP_HOME: home },
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  const client = new Client({ name: 'msp-mode-test', version: '1.0.0' });
  await client.connect(transport);
  t.after(() => client.close());
  const call = async (name: string, args: Record<string, unknown> = {}): Promise<Answer> => {
    const result = await client.callTool({ name, arguments: args });
    const content = result.content as { type: string; text: string }[];
    assert.equal(content.length, 1, `${name} answers one text block`);
    return { text: content[0]?.text ?? '', isError: result.isError === true };
  };
  /** A call that must succeed: its text. */
  const ok = async (name: string, args: Record<string, unknown> = {}): Promise<string> => {
    const answer = await call(name, args);
    assert.equal(answer.isError, false, `${name} ${JSON.stringify(args)} failed: ${answer.text}`);
    return answer.text;
  };
  /** A call that must fail: its message. */
  const refused = async (name: string, args: Record<string, unknown>): Promise<string> => {
    const answer = await call(name, args);
    assert.equal(answer.isError, true, `${name} ${JSON.stringify(args)} should fail, answered: ${answer.text}`);
    return answer.text;
  };
  return { client, call, ok, refused, stderr: () => stderr };
}

const shortIdIn = (text: string) => /\[([0-9a-f]{8})\]/.exec(text)?.[1] ?? assert.fail(`no [short id] in: ${text}`);
const day = (ms: number) => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

describe('msp mcp: the MCP server', () => {
  it('msp mcp --help prints its usage on stdout and exits 0; msp --help lists it', (t) => {
    const home = tempHome(t);
    const help = runMsp(home, ['mcp', '--help']);
    assert.equal(help.status, 0, help.stderr);
    assert.match(help.stdout, /^Usage: msp mcp\n/);
    for (const name of TOOLS) assert.ok(help.stdout.includes(name), `help names ${name}`);
    assert.match(runMsp(home, ['--help']).stdout, /^ {2}mcp +run the MCP server on stdio/m);
  });

  it('lists every tool with a description and its arguments', async (t) => {
    const server = await connect(t, tempHome(t));
    const { tools } = await server.client.listTools();
    assert.deepEqual(tools.map((tool) => tool.name).sort(), TOOLS);
    for (const tool of tools) assert.ok((tool.description ?? '').length > 40, `${tool.name} says what it returns`);
    const start = tools.find((tool) => tool.name === 'session_start') ?? assert.fail('session_start is listed');
    assert.deepEqual(start.inputSchema.required, ['mode']);
    assert.deepEqual((start.inputSchema.properties?.mode as { enum?: string[] } | undefined)?.enum, ['msp', 'dev', 'normal']);
  });

  it('sessions, work items and tasks through the tools are the data the CLI sees; context, report and env describe them', async (t) => {
    const home = tempHome(t);
    const { ok } = await connect(t, home);
    assert.equal(await ok('session_status'), 'No active session (session_start starts one).');

    const started = await ok('session_start', { mode: 'msp', client: 'Dataforth', project: 'DNS migration' });
    assert.match(started, /^Started \[[0-9a-f]{8}\] msp client Dataforth, project DNS migration: since .* \(active\), 0m worked, 0m billable$/);
    const sessionId = shortIdIn(started);
    const cliStatus = runMspJson<SessionView & { active: boolean }>(home, ['status']);
    assert.equal(cliStatus.shortId, sessionId, 'the CLI sees the session the tool started');
    assert.equal(cliStatus.client, 'Dataforth');
    assert.match(await ok('session_status'), new RegExp(`^\\[${sessionId}\\] msp client Dataforth`));

    const context = await ok('context', { client: 'dataforth' });
    assert.equal(context, runMsp(home, ['context', '--client', 'Dataforth']).stdout.trim(), 'the same text as msp context');
    assert.ok(context.includes(sessionId) && context.includes('Dataforth'), `context names the session and the client: ${context}`);

    const logged = await ok('log_work_item', { text: 'Renewed the SSL certificate on web01\nadmin password=Hunter2!x used for the portal', kind: 'maintenance' });
    assert.match(logged, new RegExp(`^Logged \\[[0-9a-f]{8}\\] maintenance: Renewed the SSL certificate on web01 in session \\[${sessionId}\\] \\(Dataforth / DNS migration, billable; 1 secret redacted\\)$`));
    const shown = await ok('session_show', { id: sessionId });
    assert.match(shown, /work items \(1\):\n- \[[0-9a-f]{8}\] \d\d:\d\d maintenance: Renewed the SSL certificate on web01$/);
    assert.ok(!shown.includes('Hunter2'), 'the secret was redacted before it was stored');

    const added = await ok('task_add', { title: 'Replace the UPS battery in the server room' });
    assert.match(added, /^Added \[[0-9a-f]{8}\] open: Replace the UPS battery in the server room \(Dataforth\) - noted \d{4}-\d\d-\d\d$/);
    const taskId = shortIdIn(added);
    assert.match(await ok('task_list', { client: 'Dataforth' }), new RegExp(`^page 1 of 1 \\(1 task\\)\\n\\[${taskId}\\] open: Replace the UPS battery`));
    assert.match(await ok('context'), new RegExp(`\\[${taskId}\\] Replace the UPS battery`), 'context (default: the active client) shows the open task');
    assert.match(await ok('task_done', { id: taskId }), new RegExp(`^Done \\[${taskId}\\] done: Replace the UPS battery .*, done \\d{4}-`));
    assert.equal(await ok('task_list'), 'No open tasks.');
    assert.match(await ok('task_list', { include_done: true }), new RegExp(`\\[${taskId}\\] done:`));

    assert.match(await ok('session_pause'), new RegExp(`^Paused \\[${sessionId}\\] .*\\(paused\\).*; PAUSED$`));
    assert.match(await ok('session_resume'), new RegExp(`^Resumed \\[${sessionId}\\] .*\\(active\\)`));
    assert.match(await ok('session_end', { summary: 'Moved the zone to the new DNS servers.' }), new RegExp(`^Ended \\[${sessionId}\\] .*\\(ended\\)`));
    assert.equal(await ok('session_status'), 'No active session (session_start starts one).');

    // Two hours of client work: the session's start is moved back with the CLI, as a technician would.
    const ended = runMspJson<SessionView>(home, ['show', sessionId]);
    // Half a minute more than two hours: the pause above took a few milliseconds off the worked time.
    const startedAt = (ended.endedAt ?? 0) - 120.5 * 60_000;
    runMspJson(home, ['edit', sessionId, '--start', new Date(startedAt).toISOString()]);
    const report = await ok('report', { from: day(startedAt), to: day(Date.now()) });
    assert.match(report, /^Billable report \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d: 2h00m billable of 2h00m worked, 1 session$/m);
    assert.match(report, /^Dataforth: 2h00m billable of 2h00m worked, 1 session$/m);
    assert.match(report, /^ {2}DNS migration: 2h00m billable of 2h00m worked, 1 session$/m);
    assert.match(await ok('report', { from: '2001-01-01', to: '2001-01-31' }), /^Billable report 2001-01-01 to 2001-01-31: no sessions started in this period\.$/);

    const listed = await ok('sessions_list', { client: 'Dataforth' });
    assert.match(listed, /^page 1 of 1 \(1 session\); 2h00m billable in all\n/);
    assert.match(listed, new RegExp(`\\[${sessionId}\\] msp client Dataforth, project DNS migration: .*2h00m worked, 2h00m billable\\n {4}Moved the zone to the new DNS servers\\.$`));

    const env = await ok('env', { client: 'Dataforth' });
    assert.ok(env.startsWith(`Machine: ${os.hostname()} (`), env);
    assert.ok(env.includes(`, ${process.platform} `), `env names the platform: ${env}`);
    assert.match(env, /^Shells: /m);
    assert.match(env, /^VPN for Dataforth: /m);
  });

  it('credential_lookup describes one credential (never its secret), refuses ambiguity, and is audited', async (t) => {
    const home = tempHome(t);
    const secret = 'Mcp-Canary-Secret-42';
    const ids: string[] = [];
    t.after(async () => {
      const { osKeychain } = await import('../../src-main/vault/keychain.js');
      for (const id of ids) osKeychain().delete(id);
    });
    runMsp(home, ['client', 'add', 'Acme']);
    for (const name of ['ACME-NAS01 admin', 'ACME-FW01 admin']) {
      const added = spawnSync(process.execPath, [mspBin, 'cred', 'add', name, '--client', 'Acme', '--username', 'admin', '--json'], { env: { ...process.env, MSP_HOME: home }, input: secret, encoding: 'utf8' });
      assert.equal(added.status, 0, `${added.stderr} (the keychain comes with npm test)`);
      ids.push((JSON.parse(added.stdout) as { id: string }).id);
    }
    const { ok, refused } = await connect(t, home);
    const found = await ok('credential_lookup', { name: 'nas01', reason: 'backup failing' });
    assert.match(found, /^\[[0-9a-f]{8}\] ACME-NAS01 admin: password, client Acme, user admin\.\nSecret v1 \(secret in this machine's keychain\); .* Reveal: msp cred get [0-9a-f]{8}$/);
    assert.ok(!found.includes(secret), 'the model never gets the secret');
    const ambiguous = await refused('credential_lookup', { name: 'admin' });
    assert.match(ambiguous, /2 credentials match "admin"/);
    assert.ok(!ambiguous.includes(secret));
    const db = new Database(path.join(home, 'msp.db'), { readonly: true });
    const audit = db.prepare("SELECT action, reason, outcome FROM credential_audit_log WHERE action = 'read'").all();
    db.close();
    assert.deepEqual(audit, [{ action: 'read', reason: 'backup failing', outcome: 'success' }]);
  });

  it('search and problems answer from the recorded history in dense text, and refuse a query with no words', async (t) => {
    const home = tempHome(t);
    runMsp(home, ['start', 'msp', '--client', 'Acme']);
    runMsp(home, ['end', '--summary', 'Restarted the print spooler on ACME-PRN02; 14 stuck jobs cleared']);
    runMsp(home, ['client', 'add', 'Beta']);
    runMsp(home, ['problem', 'add', '--client', 'Beta', '--problem', 'Scanner cannot save to the NAS', '--error', 'protocol negotiation failed: NT_STATUS_CONNECTION_RESET', '--solution', 'Allowed SMB1 for the scanner share only']);
    const { ok, refused } = await connect(t, home);
    assert.match(await ok('search', { query: 'spooler' }), /^Found 1 matches in 1 places .*\n- \d{4}-\d\d-\d\d \[[0-9a-f]{8}\] Acme, \d+ min: Restarted the print spooler on ACME-PRN02/);
    assert.match(await ok('search', { query: 'spooler', client: 'Beta' }), /^Found nothing/);
    assert.match(await ok('problems', { error: 'smbclient: protocol negotiation failed: NT_STATUS_CONNECTION_RESET on BETA-NAS07' }), /^Similar problems \(1\):\n1\. \[[0-9a-f]{8}\] Scanner cannot save to the NAS — fix: Allowed SMB1 for the scanner share only\n {3}worked 1×, last \d{4}-\d\d-\d\d for Beta/);
    assert.match(await refused('search', { query: '*** ""' }), /no words to look for/);
    assert.match(await refused('search', { query: 'x', kind: 'everything' }), /kind/);
  });

  it('report counts every session of a year of demo history, far more than one listSessions answer', async (t) => {
    const home = tempHome(t);
    const demo = runMsp(home, ['demo', '--years', '1']);
    assert.equal(demo.status, 0, demo.stderr);
    const { ok } = await connect(t, home);
    const report = await ok('report', { from: '2000-01-01', to: day(Date.now()) });
    assert.match(report, /^Billable report 2000-01-01 to \d{4}-\d\d-\d\d: \d+h\d\dm billable of \d+h\d\dm worked, 10000 sessions/);
    const perClient = [...report.matchAll(/^[^ ].*: .* worked, (\d+) sessions?/gm)].slice(1).reduce((total, match) => total + Number(match[1]), 0);
    assert.equal(perClient, 10000, 'the clients add up to the total');
  });

  it('pages long lists and says "page N of M"', async (t) => {
    const { ok, refused } = await connect(t, tempHome(t));
    for (let n = 1; n <= 27; n += 1) await ok('task_add', { title: `Check backup job ${n}`, client: 'Acme' });
    const first = await ok('task_list');
    assert.match(first, /^page 1 of 2 \(27 tasks\); ask for page 2 for more\n/);
    assert.equal(first.split('\n').length, 1 + 25);
    const second = await ok('task_list', { page: 2 });
    assert.match(second, /^page 2 of 2 \(27 tasks\)\n.*Check backup job 26 .*\n.*Check backup job 27 /);
    assert.match(await refused('task_list', { page: 3 }), /^page 3 does not exist: there are 2 pages of 27 tasks$/);
  });

  it('bad arguments and service errors are tool errors naming the argument and the fix; the server keeps answering', async (t) => {
    const { ok, refused, call, stderr } = await connect(t, tempHome(t));
    assert.match(await refused('session_show', { id: 42 }), /expected the session id as text: the 8 characters in brackets shown by sessions_list or session_status, e\.g\. "3f9a2b1c" .*got 42 at id/);
    assert.match(await refused('session_show', {}), /missing: expected the session id as text.* at id/);
    assert.match(await refused('session_show', { id: 'deadbeef' }), /^no session with id ending in deadbeef$/);
    assert.match(await refused('session_show', { id: 'not an id' }), /"not an id" is not a session id/);
    assert.match(await refused('session_start', { mode: 'client' }), /expected msp \(client work\), dev \(project work\) or normal, got "client" at mode/);
    assert.match(await refused('session_start', { mode: 'msp' }), /msp mode is client work: name the client/);
    assert.match(await refused('session_start', { mode: 'msp', client: 'Acme', billable: 'yes' }), /expected true or false .*got "yes" at billable/);
    assert.match(await refused('task_list', { page: 'two' }), /expected a page number: 1, 2, … .*got "two" at page/);
    assert.match(await refused('task_add', { title: '   ' }), /expected what is left to do .*got "" at title/);
    assert.match(await refused('sessions_list', { from: 'last tuesday' }), /expected the first day or moment as 2026-11-25, .*got "last tuesday" at from/);
    assert.match(await refused('sessions_list', { from: '2026-02-30' }), /from "2026-02-30" is not a calendar day/);
    assert.match(await refused('context', { client: 'Nobody Inc' }), /no client named "Nobody Inc"/);
    assert.match(await refused('log_work_item', { text: 'Rebooted the firewall' }), /no active session to log work in: .*session_start/);
    assert.match(await refused('session_pause', {}), /no active session/);
    assert.match(await refused('task_done', { id: '0000ffff' }), /no task with id ending in 0000ffff/);
    const unknown = await call('no_such_tool', {});
    assert.equal(unknown.isError, true);
    assert.match(unknown.text, /no_such_tool not found/);
    assert.equal(await ok('session_status'), 'No active session (session_start starts one).', 'still answering');
    assert.ok(!/\n\s+at /.test(stderr()), `no stack trace for known errors: ${stderr()}`);
  });

  it('an unexpected failure is a short tool error; its stack goes to the log only', async () => {
    const logged: string[] = [];
    const broken = defineTool({ name: 'broken', description: 'fails', input: {}, run: () => { throw new TypeError('cannot read properties of undefined'); } });
    const refused = defineTool({ name: 'refused', description: 'refuses', input: {}, run: () => { throw new MspError('conflict', 'the session is not paused'); } });
    const context = {} as ServiceContext;
    const answer = await callTool(broken, context, {}, (line) => logged.push(line));
    assert.equal(answer.isError, true);
    assert.deepEqual(answer.content, [{ type: 'text', text: "broken failed unexpectedly (cannot read properties of undefined); details are in the MSP Mode server's log (stderr). The call can be retried." }]);
    assert.match(logged.join('\n'), /TypeError: cannot read properties of undefined\n\s+at /);
    assert.deepEqual(await callTool(refused, context, {}, (line) => logged.push(line)), { content: [{ type: 'text', text: 'the session is not paused' }], isError: true });
    assert.equal(logged.length, 1, 'a known error is not logged');
  });

  it('writes nothing but protocol on stdout and survives a line that is not JSON', async (t) => {
    const child = spawn(process.execPath, [mspBin, 'mcp'], { env: { ...process.env, MSP_HOME: tempHome(t) }, stdio: ['pipe', 'pipe', 'pipe'] });
    t.after(() => { child.kill(); });
    let stdout = '';
    const answered = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => { reject(new Error(`no answer: ${stdout}`)); }, 20_000);
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('"id":2')) { clearTimeout(timer); resolve(); }
      });
    });
    const send = (message: unknown) => child.stdin.write(`${JSON.stringify(message)}\n`);
    child.stdin.write('this is not json\n');
    send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } });
    send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    send({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'session_status', arguments: {} } });
    await answered;
    const lines = stdout.trim().split('\n');
    for (const line of lines) assert.equal((JSON.parse(line) as { jsonrpc: string }).jsonrpc, '2.0', `protocol only on stdout: ${line}`);
    assert.match(lines.at(-1) ?? '', /No active session/);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.stdin.end();
    assert.equal(await exited, 0, 'the server ends cleanly when its client closes stdin');
  });
});
