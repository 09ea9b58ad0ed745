/**
 * Shells and PowerShell: which are installed, their versions, and which one the technician works
 * in, so suggested commands use the right syntax (and PowerShell 5.1 vs 7 cmdlets).
 */
import type { Capabilities, Shell } from '../../src-shared/machine.js';
import { envValue, findOnPath, pathFor, type ProgramProbe } from './path-lookup.js';
import { attempt, needsShell, parseVersion, probeVersion, stepTimeout } from './probe.js';

const UNIX_SHELLS = ['bash', 'zsh', 'fish', 'sh', 'pwsh'];
const WINDOWS_SHELLS = ['pwsh', 'powershell', 'cmd', 'bash'];

/** PowerShell reports its own version only from inside; `--version` is pwsh-only. */
const POWERSHELL_VERSION_ARGS = ['-NoProfile', '-NonInteractive', '-Command', '$PSVersionTable.PSVersion.ToString()'];

/** Shells that print no version on request (sh is often dash) or that are PowerShell (asked separately). */
const NO_VERSION_FLAG = new Set(['sh', 'cmd', 'pwsh', 'powershell']);

export async function probeShells(probe: ProgramProbe): Promise<Shell[]> {
  const names = probe.platform === 'win32' ? WINDOWS_SHELLS : UNIX_SHELLS;
  const found = await Promise.all(
    names.map(async (name) => ({ name, path: await findOnPath(name, probe) })),
  );
  // A hanging `fish --version` costs fish its version, not the whole list.
  const versionTimeout = stepTimeout(probe.timeoutMs);
  return Promise.all(
    found
      .filter((shell): shell is { name: string; path: string } => shell.path !== null)
      .map(async ({ name, path }) => ({
        name,
        path,
        version:
          NO_VERSION_FLAG.has(name) || needsShell(path)
            ? null
            : await probeVersion(probe.run, probe.errors, `shells.${name}`, path, ['--version'], versionTimeout),
      })),
  );
}

/** pwsh (PowerShell 7+) is preferred over Windows PowerShell 5.1 when both are installed. */
export async function probePowerShell(probe: ProgramProbe): Promise<Capabilities['powershell']> {
  const editions = [
    { program: 'pwsh', edition: 'pwsh' as const },
    ...(probe.platform === 'win32' ? [{ program: 'powershell', edition: 'windows-powershell' as const }] : []),
  ];
  for (const { program, edition } of editions) {
    const path = await findOnPath(program, probe);
    if (!path) continue;
    const timeoutMs = stepTimeout(probe.timeoutMs);
    const result = await attempt(probe.errors, 'powershell', timeoutMs, () =>
      probe.run(path, POWERSHELL_VERSION_ARGS, timeoutMs),
    );
    const version = result ? parseVersion(result.stdout) : null;
    return { version, edition };
  }
  return { version: null, edition: null };
}

/** Puts the PowerShell probe's version on the pwsh/powershell shell rows instead of spawning twice. */
export function withPowerShellVersion(shells: Shell[], powershell: Capabilities['powershell']): Shell[] {
  const editionShell = powershell.edition === 'windows-powershell' ? 'powershell' : powershell.edition;
  return shells.map((shell) =>
    shell.name === editionShell && shell.version === null ? { ...shell, version: powershell.version } : shell,
  );
}

/**
 * The shell commands should be written for: $SHELL on unix (the login shell), and on Windows
 * the best PowerShell present, else cmd, which every Windows has.
 */
export function preferredShell(
  platform: NodeJS.Platform,
  env: Record<string, string | undefined>,
  shells: Shell[] | null,
): string | null {
  if (platform === 'win32') {
    const names = new Set((shells ?? []).map((shell) => shell.name));
    if (names.has('pwsh')) return 'pwsh';
    if (names.has('powershell')) return 'powershell';
    return shells ? 'cmd' : null;
  }
  const loginShell = envValue(env, 'SHELL', platform);
  if (loginShell) return pathFor(platform).basename(loginShell);
  return shells?.[0]?.name ?? null;
}
