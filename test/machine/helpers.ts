// Temp folders and fakes shared by the machine tests: a temp HOME, fake programs on a temp PATH,
// and deps that keep a probe away from this machine's real PATH, /etc and ~/.claude.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CapabilityProbeDeps, SystemInfoSource } from '../../src-main/machine/capabilities.js';
import type { RunCommand } from '../../src-main/machine/probe.js';

export function tempDir(t: { after(fn: () => void): void }, prefix = 'msp-machine-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  t.after(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

/** Writes `files` (relative path -> content) under `root`, creating folders as needed. */
export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(root, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}

/** A folder of executable sh scripts, one per program name, to put on PATH. */
export function fakePrograms(root: string, scripts: Record<string, string>): string {
  const bin = path.join(root, 'bin');
  mkdirSync(bin, { recursive: true });
  for (const [name, body] of Object.entries(scripts)) {
    const file = path.join(bin, name);
    writeFileSync(file, `#!/bin/sh\n${body}\n`);
    chmodSync(file, 0o755);
  }
  return bin;
}

export const hangingRun: RunCommand = () => new Promise(() => {});

export const fakeSystemInfo = (): Promise<SystemInfoSource> =>
  Promise.resolve({
    osInfo: () => Promise.resolve({ distro: 'Debian GNU/Linux', release: '12', kernel: '6.1.0', arch: 'x64' }),
    cpu: () => Promise.resolve({ manufacturer: 'Intel', brand: 'Xeon', cores: 8 }),
    mem: () => Promise.resolve({ total: 16 * 1024 * 1024 * 1024 }),
  });

/** Deps that see nothing of this machine unless a test hands it in. */
export function isolatedDeps(home: string, overrides: CapabilityProbeDeps = {}): CapabilityProbeDeps {
  return {
    platform: 'linux',
    env: { PATH: '' },
    homeDir: home,
    cwd: null,
    run: () => Promise.reject(new Error('no program should run in this test')),
    loadSystemInfo: fakeSystemInfo,
    vpnSources: { folders: [], phonebooks: [] },
    clock: { now: () => 1_700_000_000_000 },
    ...overrides,
  };
}
