import assert from 'node:assert/strict';
import { test } from 'node:test';
import { COMMAND_TASKS, commandMap } from '../../src-main/machine/command-map.js';
import { PACKAGE_MANAGERS } from '../../src-main/machine/package-managers.js';

const manager = (name: string, installTemplate: string) => ({ name, version: null, installTemplate });
const choco = manager('choco', 'choco install {pkg} -y');
const winget = manager('winget', 'winget install --id {pkg}');
const brew = manager('brew', 'brew install {pkg}');
const apt = manager('apt', 'apt-get install -y {pkg}');
const npm = manager('npm', 'npm install -g {pkg}');

test('Windows PowerShell gets cmdlets and the first detected package manager', () => {
  const commands = commandMap('win32', 'powershell', [choco, winget, npm]);
  assert.equal(commands.listFiles, 'Get-ChildItem');
  assert.equal(commands.processList, 'Get-Process');
  assert.equal(commands.ipConfig, 'ipconfig /all');
  assert.equal(commands.packageInstall, 'choco install {pkg} -y');
  assert.equal(commands.serviceStatus, 'Get-Service -Name {name}');
  assert.deepEqual(commandMap('win32', 'pwsh', [winget]).packageInstall, 'winget install --id {pkg}');
});

test('Windows cmd gets cmd commands, never cmdlets', () => {
  const commands = commandMap('win32', 'cmd', [choco]);
  assert.equal(commands.listFiles, 'dir');
  assert.equal(commands.processList, 'tasklist');
  assert.equal(commands.networkTest, 'ping -n 4 {host}');
  assert.ok(!Object.values(commands).some((command) => /^(Get|Test|Resolve)-/.test(command)));
});

test('macOS with zsh gets ls, ps, ifconfig and brew', () => {
  const commands = commandMap('darwin', 'zsh', [brew, npm]);
  assert.deepEqual(
    [commands.listFiles, commands.processList, commands.ipConfig, commands.packageInstall],
    ['ls -la', 'ps aux', 'ifconfig', 'brew install {pkg}'],
  );
});

test('Linux with bash gets ip addr and apt; pwsh on Linux lists files with cmdlets but keeps ip addr', () => {
  const bash = commandMap('linux', 'bash', [apt, npm]);
  assert.deepEqual(
    [bash.listFiles, bash.processList, bash.ipConfig, bash.packageInstall, bash.serviceStatus],
    ['ls -la', 'ps aux', 'ip addr', 'apt-get install -y {pkg}', 'systemctl status {name}'],
  );
  const pwsh = commandMap('linux', 'pwsh', [apt]);
  assert.equal(pwsh.listFiles, 'Get-ChildItem -Force');
  assert.equal(pwsh.ipConfig, 'ip addr');
});

test('npm alone is not offered for installing system software', () => {
  assert.equal(commandMap('linux', 'bash', [npm]).packageInstall, 'unknown');
  assert.equal(commandMap('linux', 'bash', []).packageInstall, 'unknown');
});

test('every task has a command on every platform and shell', () => {
  const cases: Array<[string, string | null]> = [
    ['win32', 'pwsh'], ['win32', 'powershell'], ['win32', 'cmd'], ['win32', 'bash'], ['win32', null],
    ['darwin', 'zsh'], ['darwin', 'pwsh'], ['linux', 'bash'], ['linux', 'fish'], ['freebsd', 'sh'],
  ];
  for (const [platform, shell] of cases) {
    const managers = platform === 'win32' ? PACKAGE_MANAGERS.win32 : platform === 'darwin' ? PACKAGE_MANAGERS.darwin : PACKAGE_MANAGERS.linux;
    const commands = commandMap(platform, shell, managers.map((known) => manager(known.name, known.installTemplate)));
    for (const task of COMMAND_TASKS) {
      assert.ok(commands[task] && commands[task] !== 'unknown', `${platform}/${shell}: ${task}`);
    }
  }
});
