import assert from 'node:assert/strict';
import { test } from 'node:test';
import { probePackageManagers } from '../../src-main/machine/package-managers.js';
import { findOnPath } from '../../src-main/machine/path-lookup.js';
import { attempt, parseVersion, ProbeTimeout, runCommand, type FileAccess } from '../../src-main/machine/probe.js';

test('runCommand kills a program that outlives its timeout and says so', async () => {
  const started = Date.now();
  await assert.rejects(runCommand('sleep', ['5'], 200), ProbeTimeout);
  assert.ok(Date.now() - started < 1_500);
});

test('runCommand returns output and a non-zero exit code instead of rejecting', async () => {
  const result = await runCommand('bash', ['-c', 'echo 1.2.3; echo oops >&2; exit 3'], 2_000);
  assert.deepEqual(result, { stdout: '1.2.3\n', stderr: 'oops\n', exitCode: 3 });
});

test('runCommand rejects with ENOENT for a program that does not exist', async () => {
  await assert.rejects(runCommand('no-such-program-msp', [], 2_000), { code: 'ENOENT' });
});

test('attempt records the reason under the probe name and yields null', async () => {
  const errors: Record<string, string> = {};
  assert.equal(await attempt(errors, 'slow', 50, () => new Promise(() => {})), null);
  assert.equal(await attempt(errors, 'broken', 50, () => Promise.reject(new Error('first line\nsecond line'))), null);
  assert.equal(await attempt(errors, 'fine', 50, () => Promise.resolve(42)), 42);
  assert.deepEqual(errors, { slow: 'timeout', broken: 'first line' });
});

test('versions are read from what tools actually print', () => {
  assert.equal(parseVersion('GNU bash, version 5.2.15(1)-release (x86_64-pc-linux-gnu)'), '5.2.15');
  assert.equal(parseVersion('fish, version 3.6.0'), '3.6.0');
  assert.equal(parseVersion('v1.6.3482'), '1.6.3482');
  assert.equal(parseVersion('Homebrew 4.2.0\nHomebrew/homebrew-core (git revision 1)'), '4.2.0');
  assert.equal(parseVersion('sh: 0: Illegal option --'), null);
});

/** A pretend Windows disk: the files that exist, by full win32 path. */
function windowsFiles(existing: string[]): FileAccess {
  const lower = new Set(existing.map((file) => file.toLowerCase()));
  return {
    readDir: () => Promise.resolve([]),
    readFile: () => Promise.resolve(''),
    isExecutable: (file) => Promise.resolve(lower.has(file.toLowerCase())),
  };
}

test('on Windows, PATH lookup honours PATHEXT and a Path variable in any case', async () => {
  const files = windowsFiles(['C:\\ProgramData\\chocolatey\\bin\\choco.exe', 'C:\\Tools\\npm.cmd']);
  const env = { Path: 'C:\\Windows;C:\\ProgramData\\chocolatey\\bin;"C:\\Tools"', PATHEXT: '.COM;.EXE;.BAT;.CMD' };
  assert.equal(await findOnPath('choco', { platform: 'win32', env, files }), 'C:\\ProgramData\\chocolatey\\bin\\choco.exe');
  assert.equal(await findOnPath('npm', { platform: 'win32', env, files }), 'C:\\Tools\\npm.cmd');
  assert.equal(await findOnPath('winget', { platform: 'win32', env, files }), null);
});

test('on Windows, choco comes before winget, and .cmd shims are found without being spawned', async () => {
  const files = windowsFiles([
    'C:\\Users\\me\\AppData\\Local\\Microsoft\\WindowsApps\\winget.exe',
    'C:\\ProgramData\\chocolatey\\bin\\choco.exe',
    'C:\\Program Files\\nodejs\\npm.cmd',
  ]);
  const env = {
    PATH: 'C:\\Users\\me\\AppData\\Local\\Microsoft\\WindowsApps;C:\\ProgramData\\chocolatey\\bin;C:\\Program Files\\nodejs',
  };
  const spawned: string[] = [];
  const run = (command: string) => {
    spawned.push(command);
    return Promise.resolve({ stdout: command.includes('winget') ? 'v1.7.10861\n' : '2.2.2\n', stderr: '', exitCode: 0 });
  };
  const errors: Record<string, string> = {};
  const managers = await probePackageManagers({ platform: 'win32', env, files, run, errors, timeoutMs: 500 });
  assert.deepEqual(managers, [
    { name: 'choco', version: '2.2.2', installTemplate: 'choco install {pkg} -y' },
    { name: 'winget', version: '1.7.10861', installTemplate: 'winget install --id {pkg}' },
    { name: 'npm', version: null, installTemplate: 'npm install -g {pkg}' },
  ]);
  assert.ok(!spawned.some((command) => command.endsWith('.cmd')), `spawned: ${spawned.join(', ')}`);
  assert.deepEqual(errors, {});
});
