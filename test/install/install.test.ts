import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot, tempHome } from '../helpers/processes.js';

describe('installation', () => {
  it('a global install puts msp and msp-server on PATH, and msp runs from there', (t) => {
    const prefix = tempHome(t, 'msp-prefix-');
    const install = spawnSync('npm', ['install', '--global', '--prefix', prefix, '--no-audit', '--no-fund', '--ignore-scripts', repoRoot], { encoding: 'utf8', timeout: 120_000 });
    assert.equal(install.status, 0, install.stderr);
    const binDir = path.join(prefix, 'bin');
    assert.ok(existsSync(path.join(binDir, 'msp')), 'msp is on PATH');
    assert.ok(existsSync(path.join(binDir, 'msp-server')), 'msp-server is on PATH');
    const help = spawnSync('msp', ['--help'], { encoding: 'utf8', env: { ...process.env, PATH: `${binDir}:${process.env.PATH ?? ''}`, MSP_HOME: tempHome(t) } });
    assert.equal(help.status, 0, help.stderr);
    assert.match(help.stdout, /Usage: msp COMMAND/);
  });

  it('npx msp --help works inside the checkout', () => {
    const result = spawnSync('npx', ['--no-install', 'msp', '--help'], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^ +start +Start a session/m);
  });

  it('npm start runs the agent headless when no Electron runtime is installed, and says so', async (t) => {
    const home = tempHome(t);
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'msp-start.cjs'), '--port', '0'], { env: { ...process.env, MSP_HOME: home } });
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => { reject(new Error(`no ready line: ${output}`)); }, 15_000);
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (/ready on http:\/\/127\.0\.0\.1:\d+/.test(output)) { clearTimeout(timer); resolve(); }
      });
    });
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    assert.match(output, /^msp: no Electron runtime installed, running the agent headless \(tray unavailable\)\n/);
  });
});
