import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { detectCapabilities } from '../../src-main/machine/capabilities.js';
import { capabilitiesSchema } from '../../src-shared/machine.js';
import { fakePrograms, hangingRun, isolatedDeps, tempDir, writeFiles } from './helpers.js';
import { mspBin } from '../helpers/processes.js';

test('Claude Code MCP servers, skills, agents and commands are read from a temp HOME and project, names only', async (t) => {
  const home = tempDir(t);
  const project = path.join(home, 'work', 'acme');
  writeFiles(home, {
    '.claude.json': JSON.stringify({
      mcpServers: {
        msp: { type: 'stdio', command: 'msp', args: ['mcp'], env: { MSP_TOKEN: 'sk-live-123' } },
        tickets: { type: 'http', url: 'https://tickets.example', headers: { Authorization: 'Bearer abc' } },
        legacy: { command: 'node' },
      },
      projects: {
        [project]: { mcpServers: { 'acme-db': { command: 'db-mcp' } } },
        '/elsewhere': { mcpServers: { 'other-client': { command: 'x' } } },
      },
    }),
    '.claude/skills/x/SKILL.md': '# x',
    '.claude/skills/draft/README.md': 'not a skill: no SKILL.md',
    '.claude/agents/y.md': '# y',
    '.claude/agents/notes.txt': 'not an agent',
    '.claude/commands/msp.md': '# msp',
    'work/acme/.mcp.json': JSON.stringify({ mcpServers: { shared: { type: 'sse', url: 'https://mcp.example' } } }),
    'work/acme/.claude/skills/acme-runbook/SKILL.md': '# runbook',
  });

  const capabilities = await detectCapabilities(isolatedDeps(home, { cwd: project }));

  assert.deepEqual(capabilities.claude.mcpServers, [
    { name: 'msp', scope: 'user', transport: 'stdio' },
    { name: 'tickets', scope: 'user', transport: 'http' },
    { name: 'legacy', scope: 'user', transport: 'stdio' },
    { name: 'shared', scope: 'project', transport: 'sse' },
    { name: 'acme-db', scope: 'local', transport: 'stdio' },
  ]);
  assert.deepEqual(capabilities.claude.skills, ['acme-runbook', 'x']);
  assert.deepEqual(capabilities.claude.agents, ['y']);
  assert.deepEqual(capabilities.claude.commands, ['msp']);
  const stored = JSON.stringify(capabilities);
  assert.ok(!stored.includes('sk-live-123') && !stored.includes('Bearer'), 'MCP secrets must not be kept');
  assert.deepEqual(capabilities.probeErrors, {});
  assert.equal(capabilitiesSchema.parse(capabilities).probedAt, 1_700_000_000_000);
});

test('a broken ~/.claude.json is reported and the project .mcp.json still counts', async (t) => {
  const home = tempDir(t);
  writeFiles(home, {
    '.claude.json': '{"mcpServers": {',
    'proj/.mcp.json': JSON.stringify({ mcpServers: { shared: { command: 'x' } } }),
  });
  const capabilities = await detectCapabilities(isolatedDeps(home, { cwd: path.join(home, 'proj') }));
  assert.deepEqual(capabilities.claude.mcpServers, [{ name: 'shared', scope: 'project', transport: 'stdio' }]);
  assert.match(capabilities.probeErrors['claude.userConfig'] ?? '', /not valid JSON/);
});

test('programs that hang give "timeout" within the probe timeout, keep what was found, and never throw', async (t) => {
  const home = tempDir(t);
  const bin = fakePrograms(home, { docker: '', pwsh: '', bash: '', zsh: '', 'apt-get': '', npm: '' });
  const hangingSystemInfo = () => new Promise<never>(() => {});
  const started = Date.now();
  const capabilities = await detectCapabilities(
    isolatedDeps(home, { env: { PATH: bin, SHELL: '/bin/zsh' }, run: hangingRun, loadSystemInfo: hangingSystemInfo, timeoutMs: 300 }),
  );
  const elapsed = Date.now() - started;

  assert.ok(elapsed < 1_000, `detection took ${elapsed} ms with 300 ms probe timeouts`);
  for (const probe of ['os', 'cpu', 'memory', 'docker', 'docker.server', 'powershell', 'shells.bash', 'packageManagers.apt']) {
    assert.equal(capabilities.probeErrors[probe], 'timeout', `probeErrors.${probe}`);
  }
  assert.deepEqual(capabilities.os, { name: 'unknown', version: 'unknown', kernel: 'unknown', arch: 'unknown' });
  assert.equal(capabilities.memoryMb, null);
  assert.deepEqual(capabilities.docker, { available: true, version: null, serverRunning: null });
  assert.deepEqual(capabilities.powershell, { version: null, edition: 'pwsh' });
  assert.deepEqual(capabilities.shells.map((shell) => [shell.name, shell.version]), [['bash', null], ['zsh', null], ['pwsh', null]]);
  assert.equal(capabilities.preferredShell, 'zsh');
  assert.deepEqual(capabilities.packageManagers.map((pm) => pm.name), ['apt', 'npm']);
  capabilitiesSchema.parse(capabilities);
});

test('a probe that hangs outside any program run is cut off by its own deadline, and the total is bounded', async (t) => {
  const home = tempDir(t);
  const started = Date.now();
  const capabilities = await detectCapabilities(
    isolatedDeps(home, {
      env: { PATH: '/usr/bin' },
      files: {
        readDir: () => new Promise(() => {}),
        readFile: () => new Promise(() => {}),
        isExecutable: () => new Promise(() => {}),
      },
      timeoutMs: 200,
      probeTimeouts: { shells: 60_000 },
      totalTimeoutMs: 400,
    }),
  );
  const elapsed = Date.now() - started;
  assert.ok(elapsed < 1_000, `detection took ${elapsed} ms with a 400 ms total`);
  for (const probe of ['shells', 'docker', 'powershell', 'packageManagers', 'claude']) {
    assert.equal(capabilities.probeErrors[probe], 'timeout', `probeErrors.${probe}`);
  }
  assert.deepEqual(capabilities.shells, []);
  assert.deepEqual(capabilities.docker, { available: null, version: null, serverRunning: null });
  assert.equal(capabilities.os.name, 'Debian GNU/Linux', 'probes that answered keep their facts');
});

test('programs that fail give a short reason and null values, not a throw', async (t) => {
  const home = tempDir(t);
  const bin = fakePrograms(home, { docker: '', bash: '', fish: '' });
  const failingRun = (command: string) =>
    command.endsWith('docker')
      ? Promise.reject(Object.assign(new Error(`spawn ${command} EACCES`), { code: 'EACCES' }))
      : Promise.resolve({ stdout: '', stderr: 'fish: unknown option', exitCode: 127 });
  const capabilities = await detectCapabilities(
    isolatedDeps(home, {
      env: { PATH: bin },
      run: failingRun,
      loadSystemInfo: () => Promise.reject(new Error("Cannot find module 'systeminformation'\nRequire stack: …")),
    }),
  );
  assert.equal(capabilities.probeErrors.docker, 'permission denied');
  assert.equal(capabilities.probeErrors['shells.fish'], 'exit 127');
  assert.equal(capabilities.probeErrors.os, "Cannot find module 'systeminformation'");
  assert.deepEqual(capabilities.docker, { available: true, version: null, serverRunning: null });
  assert.deepEqual(capabilities.shells.map((shell) => shell.version), [null, null]);
  assert.equal(capabilities.preferredShell, 'bash', 'without $SHELL the first shell found');
  assert.deepEqual(capabilities.cpu, { model: 'unknown', cores: null });
});

test('real programs on a temp PATH: versions are parsed and a stopped Docker daemon is reported', async (t) => {
  const home = tempDir(t);
  const bin = fakePrograms(home, {
    docker: 'case "$3" in *Client*) echo 24.0.7; exit 1;; *) echo "Cannot connect to the Docker daemon" >&2; exit 1;; esac',
    zsh: 'echo "zsh 5.9 (x86_64-debian-linux-gnu)"',
    'apt-get': 'echo "apt 2.6.1 (amd64)"',
    pwsh: 'exec sleep 5',
  });
  const capabilities = await detectCapabilities(isolatedDeps(home, { env: { PATH: bin }, run: undefined, timeoutMs: 1_000 }));
  assert.deepEqual(capabilities.docker, { available: true, version: '24.0.7', serverRunning: false });
  assert.deepEqual(capabilities.shells.find((shell) => shell.name === 'zsh')?.version, '5.9');
  assert.deepEqual(capabilities.packageManagers, [{ name: 'apt', version: '2.6.1', installTemplate: 'apt-get install -y {pkg}' }]);
  assert.equal(capabilities.probeErrors.powershell, 'timeout', 'a pwsh that never answers is killed');
  assert.deepEqual(capabilities.memoryMb, 16_384);
  assert.deepEqual(capabilities.cpu, { model: 'Intel Xeon', cores: 8 });
});

test('a finished detection leaves no deadline timers behind to hold the process open', async (t) => {
  const home = tempDir(t);
  const pendingTimers = () => process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;
  const before = pendingTimers();
  await detectCapabilities(isolatedDeps(home, { timeoutMs: 60_000, totalTimeoutMs: 60_000 }));
  assert.ok(pendingTimers() <= before, `timers left behind: ${pendingTimers()} > ${before}`);
});

test('a real detection run on this machine finds the OS, bash and apt, bounded in time', async () => {
  // Generous deadlines: a loaded CI machine must not turn a slow `apt --version` into "unknown".
  const started = Date.now();
  const capabilities = await detectCapabilities({ timeoutMs: 10_000, totalTimeoutMs: 12_000 });
  const elapsed = Date.now() - started;
  assert.ok(elapsed < 15_000, `detection took ${elapsed} ms`);
  assert.ok(capabilities.os.name.length > 0 && capabilities.os.name !== 'unknown', `os name: ${capabilities.os.name}`);
  assert.ok(capabilities.shells.some((shell) => shell.name === 'bash'), 'bash is on PATH here');
  assert.ok(capabilities.packageManagers.some((manager) => manager.name === 'apt'), `package managers: ${JSON.stringify(capabilities.packageManagers)} ${JSON.stringify(capabilities.probeErrors)}`);
  capabilitiesSchema.parse(capabilities);
});

test('the shipped msp machine --refresh finds the OS and hardware too (the bundle loads systeminformation)', (t) => {
  const home = tempDir(t);
  const result = spawnSync(process.execPath, [mspBin, 'machine', '--refresh', '--json'], { env: { ...process.env, MSP_HOME: home }, encoding: 'utf8', timeout: 30_000 });
  assert.equal(result.status, 0, result.stderr);
  const profile = JSON.parse(result.stdout) as { capabilities: { os: { name: string }; cpu: { cores: number | null }; probeErrors: Record<string, string> } };
  assert.notEqual(profile.capabilities.os.name, 'unknown', JSON.stringify(profile.capabilities.probeErrors));
  assert.ok((profile.capabilities.cpu.cores ?? 0) > 0, 'cores known');
});
