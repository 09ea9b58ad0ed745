import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { mergeMspServer, removeMspServer } from '../../src-main/services/install/mcp.js';
import { mspBin, runMsp, tempHome } from '../helpers/processes.js';

const otherServer = { command: 'npx', args: ['-y', 'other-mcp-server'], env: { OTHER_TOKEN: 'x' } };
const withOther = { mcpServers: { other: otherServer }, note: 'kept' };
const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

/** A project folder (with .mcp.json holding `content`, if given), a data dir and a home with no Claude Code in it. */
function setup(t: { after(fn: () => void): void }, content?: string) {
  const project = tempHome(t, 'msp-mcp-project-');
  const data = tempHome(t, 'msp-mcp-data-');
  const home = tempHome(t, 'msp-mcp-home-');
  const mcpFile = path.join(project, '.mcp.json');
  if (content !== undefined) writeFileSync(mcpFile, content);
  // An empty PATH folder: no `claude` is found unless a test puts one there.
  const bin = path.join(home, 'bin');
  mkdirSync(bin);
  const env = { HOME: home, USERPROFILE: home, PATH: bin };
  return { project, data, home, bin, env, mcpFile };
}

const ourEntry = (data: string) => ({ command: process.execPath, args: [mspBin, 'mcp'], env: { MSP_HOME: data } });

/** A `claude` on PATH that records each call's arguments (one JSON line) and answers like `exit` says. */
function fakeClaude(bin: string, log: string, behaviour = ''): void {
  const script = path.join(bin, 'claude');
  writeFileSync(script, `#!${process.execPath}\nrequire('node:fs').appendFileSync(${JSON.stringify(log)}, JSON.stringify(process.argv.slice(2)) + '\\n');\n${behaviour}\n`);
  chmodSync(script, 0o755);
}

const callsIn = (log: string): string[][] => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as string[]) : []);

describe('msp install: the MCP server registration', () => {
  it('merges mcpServers.msp next to other servers and keys, idempotently; removing it gives the original back', () => {
    const entry = { command: '/usr/bin/node', args: ['/opt/msp/bin/msp.cjs', 'mcp'] };
    const once = mergeMspServer(withOther, entry);
    assert.equal(once.changed, true);
    assert.deepEqual(once.config, { mcpServers: { other: otherServer, msp: entry }, note: 'kept' });
    assert.deepEqual(Object.keys(once.config), ['mcpServers', 'note'], 'keys keep their places');
    assert.equal(mergeMspServer(once.config, entry).changed, false);
    const moved = mergeMspServer(once.config, { ...entry, args: ['/srv/msp/bin/msp.cjs', 'mcp'] });
    assert.equal(moved.changed, true);
    assert.equal(moved.replaced, true);
    assert.deepEqual(removeMspServer(once.config, { dropEmptyServers: true }).config, withOther);
    assert.deepEqual(removeMspServer(mergeMspServer({}, entry).config, { dropEmptyServers: true }).config, {});
    assert.deepEqual(removeMspServer(mergeMspServer({ mcpServers: {} }, entry).config, { dropEmptyServers: false }).config, { mcpServers: {} });
    assert.equal(removeMspServer(withOther, { dropEmptyServers: true }).changed, false);
  });

  it('--project: .mcp.json gains the msp server (absolute node, msp.cjs, MSP_HOME) and keeps the other one; uninstall restores it byte for byte', (t) => {
    const original = `${JSON.stringify(withOther, null, 2)}\n`;
    const { project, data, env, mcpFile } = setup(t, original);
    const installed = runMsp(data, ['install', '--project', project], env);
    assert.equal(installed.status, 0, installed.stderr);
    assert.match(installed.stdout, new RegExp(`MCP server msp added in ${mcpFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    assert.deepEqual(readJson(mcpFile), { mcpServers: { other: otherServer, msp: ourEntry(data) }, note: 'kept' });
    const afterFirst = readFileSync(mcpFile, 'utf8');
    const again = runMsp(data, ['install', '--project', project], env);
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, /MCP server msp already in /);
    assert.equal(readFileSync(mcpFile, 'utf8'), afterFirst, 'installing twice is installing once');
    const removed = runMsp(data, ['uninstall', '--project', project], env);
    assert.equal(removed.status, 0, removed.stderr);
    assert.match(removed.stdout, /MCP server msp removed from /);
    assert.equal(readFileSync(mcpFile, 'utf8'), original);
  });

  it('--project without .mcp.json: install creates it, uninstall deletes it again', (t) => {
    const { project, data, env, mcpFile } = setup(t);
    assert.equal(runMsp(data, ['install', '--project', project], env).status, 0);
    assert.deepEqual(readJson(mcpFile), { mcpServers: { msp: ourEntry(data) } });
    const removed = runMsp(data, ['uninstall', '--project', project], env);
    assert.equal(removed.status, 0, removed.stderr);
    assert.match(removed.stdout, /\.mcp\.json deleted \(MSP Mode had created it\)/);
    assert.ok(!existsSync(mcpFile));
  });

  it('--project refuses an invalid .mcp.json and writes nothing at all', (t) => {
    for (const content of ['{"mcpServers": {', '[1]', JSON.stringify({ mcpServers: ['msp'] })]) {
      const { project, data, env, mcpFile } = setup(t, content);
      const result = runMsp(data, ['install', '--project', project], env);
      assert.equal(result.status, 2, `${content}: ${result.stdout}`);
      assert.ok(result.stderr.includes(mcpFile), result.stderr);
      assert.match(result.stderr, /nothing was changed/);
      assert.equal(readFileSync(mcpFile, 'utf8'), content);
      assert.ok(!existsSync(path.join(project, '.claude')), 'no hooks either');
      assert.equal(runMsp(data, ['uninstall', '--project', project], env).status, 2);
      assert.equal(readFileSync(mcpFile, 'utf8'), content);
    }
  });

  it('--user runs `claude mcp add --scope user msp` with the absolute paths, and `claude mcp remove` on uninstall', (t) => {
    const { data, bin, env, home } = setup(t);
    const log = path.join(home, 'claude-calls.log');
    fakeClaude(bin, log);
    const installed = runMsp(data, ['install', '--user'], env);
    assert.equal(installed.status, 0, installed.stderr);
    assert.deepEqual(callsIn(log), [['mcp', 'add', '--scope', 'user', 'msp', '-e', `MSP_HOME=${data}`, '--', process.execPath, mspBin, 'mcp']]);
    assert.match(installed.stdout, /MCP server msp registered for all your projects/);
    assert.ok(existsSync(path.join(home, '.claude', 'settings.json')), 'the hooks are installed too');
    const removed = runMsp(data, ['uninstall', '--user'], env);
    assert.equal(removed.status, 0, removed.stderr);
    assert.deepEqual(callsIn(log)[1], ['mcp', 'remove', '--scope', 'user', 'msp']);
    assert.match(removed.stdout, /MCP server msp unregistered/);
  });

  it('--user replaces an earlier registration, and reports a failing claude without failing the install', (t) => {
    const { data, bin, env, home } = setup(t);
    const log = path.join(home, 'claude-calls.log');
    // The first add finds msp registered (as Claude Code says it), the second succeeds.
    fakeClaude(bin, log, `const fs = require('node:fs'); const calls = fs.readFileSync(${JSON.stringify(log)}, 'utf8').trim().split('\\n').length;
if (calls === 1) { process.stderr.write('MCP server msp already exists in user config\\n'); process.exit(1); }`);
    const replaced = runMsp(data, ['install', '--user'], env);
    assert.equal(replaced.status, 0, replaced.stderr);
    assert.deepEqual(callsIn(log).map((args) => args.slice(0, 2).join(' ')), ['mcp add', 'mcp remove', 'mcp add']);
    assert.match(replaced.stdout, /MCP server msp registered/);

    fakeClaude(bin, log, "process.stderr.write('Error: config is locked\\n'); process.exit(3);");
    const failed = runMsp(data, ['install', '--user'], env);
    assert.equal(failed.status, 0, 'the hooks and commands are installed all the same');
    assert.match(failed.stdout, /Could not register the MCP server for all your projects \(exit 3: Error: config is locked\); the rest is done\. Run it yourself:\n {2}claude mcp add --scope user msp /);
    assert.ok(existsSync(path.join(home, '.claude', 'settings.json')));
  });

  it('--user without claude on PATH prints the command to run', (t) => {
    const { data, env } = setup(t);
    const installed = runMsp(data, ['install', '--user'], env);
    assert.equal(installed.status, 0, installed.stderr);
    assert.ok(installed.stdout.includes(`claude is not on PATH: to register the MCP server for all your projects, run\n  claude mcp add --scope user msp -e MSP_HOME=${data} -- ${process.execPath} ${mspBin} mcp`), installed.stdout);
    const removed = runMsp(data, ['uninstall', '--user'], env);
    assert.ok(removed.stdout.includes('claude is not on PATH: to unregister the MCP server, run\n  claude mcp remove --scope user msp'), removed.stdout);
  });
});
