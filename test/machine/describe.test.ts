import assert from 'node:assert/strict';
import { test } from 'node:test';
import { commandMap } from '../../src-main/machine/command-map.js';
import { describeMachine } from '../../src-main/machine/describe.js';
import { machineIdentity } from '../../src-main/machine/fingerprint.js';
import type { Capabilities } from '../../src-shared/machine.js';

const identity = machineIdentity({ hostname: 'tech-laptop', username: 'mike', platform: 'linux', homeDir: '/home/mike' });

const capabilities: Capabilities = {
  os: { name: 'Debian GNU/Linux', version: '12', kernel: '6.1.0', arch: 'x64' },
  cpu: { model: 'Intel Xeon', cores: 8 },
  memoryMb: 16_384,
  docker: { available: null, version: null, serverRunning: null },
  powershell: { version: null, edition: null },
  shells: [
    { name: 'bash', path: '/usr/bin/bash', version: '5.2.15' },
    { name: 'sh', path: '/usr/bin/sh', version: null },
  ],
  preferredShell: 'bash',
  packageManagers: [
    { name: 'apt', version: '2.6.1', installTemplate: 'apt-get install -y {pkg}' },
    { name: 'npm', version: null, installTemplate: 'npm install -g {pkg}' },
  ],
  vpnProfiles: [{ kind: 'wireguard', name: 'wg0' }],
  claude: { mcpServers: [{ name: 'msp', scope: 'user', transport: 'stdio' }], skills: ['pdf'], agents: ['y'], commands: [] },
  probedAt: Date.UTC(2026, 10, 25, 9, 30),
  probeErrors: { docker: 'timeout' },
};

test('the machine summary carries the key facts in under 25 lines', () => {
  const text = describeMachine(identity, capabilities, commandMap('linux', 'bash', capabilities.packageManagers));
  const lines = text.split('\n');
  assert.ok(lines.length <= 25, `${lines.length} lines`);
  assert.match(lines[0] ?? '', /^Machine: tech-laptop \(Debian GNU\/Linux 12, linux 6\.1\.0, x64\) user mike fp [0-9a-f]{12}…$/);
  assert.ok(text.startsWith(`Machine: tech-laptop`) && text.includes(identity.fingerprint.slice(0, 12)));
  for (const fact of [
    'Hardware: Intel Xeon, 8 cores, 16384 MB RAM',
    'Shells: bash 5.2.15 (preferred), sh',
    'PowerShell: none',
    'Docker: unknown',
    'Package managers: apt 2.6.1 (apt-get install -y {pkg}), npm (npm install -g {pkg})',
    'VPN: wg0 (wireguard)',
    'Claude Code: MCP servers: msp (user, stdio); skills: pdf; agents: y; commands: none',
    'list files `ls -la`',
    'install `apt-get install -y {pkg}`',
    'Unknown: docker (timeout)',
    'Probed: 2026-11-25T09:30:00.000Z',
  ]) {
    assert.ok(text.includes(fact), `missing "${fact}" in:\n${text}`);
  }
});

test('Docker and PowerShell states read as a technician would say them', () => {
  const describe = (changes: Partial<Capabilities>) =>
    describeMachine(identity, { ...capabilities, ...changes }, commandMap('linux', 'bash', []));
  assert.match(describe({ docker: { available: false, version: null } }), /^Docker: unavailable$/m);
  assert.match(describe({ docker: { available: true, version: '24.0.7', serverRunning: false } }), /^Docker: 24\.0\.7, daemon not running$/m);
  assert.match(describe({ powershell: { version: '7.4.1', edition: 'pwsh' } }), /^PowerShell: 7\.4\.1 \(pwsh\)$/m);
  assert.ok(!describe({ probeErrors: {} }).includes('Unknown:'));
});

test('long lists are cut with a count so the summary stays short', () => {
  const skills = Array.from({ length: 40 }, (_, index) => `skill-${index}`);
  const text = describeMachine(identity, { ...capabilities, claude: { ...capabilities.claude, skills } }, commandMap('linux', 'bash', []));
  assert.ok(text.includes('skill-9 +30 more'));
  assert.ok(!text.includes('skill-10'));
  assert.ok(text.split('\n').length <= 25);
});
