/**
 * Package managers on PATH, each with the install command a technician would type, so "install
 * jq" becomes `apt-get install -y jq` on Debian and `choco install jq -y` on Windows.
 */
import type { PackageManager } from '../../src-shared/machine.js';
import { findOnPath, type ProgramProbe } from './path-lookup.js';
import { needsShell, probeVersion, stepTimeout } from './probe.js';

interface KnownPackageManager {
  name: string;
  program: string;
  versionArgs: string[];
  installTemplate: string;
}

const known = (name: string, installTemplate: string, program = name, versionArgs = ['--version']) => ({
  name,
  program,
  versionArgs,
  installTemplate,
});

const NPM = known('npm', 'npm install -g {pkg}');

/**
 * Per platform, in the order `packageInstall` should prefer them. On Windows choco and scoop come
 * before winget because someone installed them on purpose; winget ships with Windows.
 */
export const PACKAGE_MANAGERS: Record<'linux' | 'darwin' | 'win32', KnownPackageManager[]> = {
  linux: [
    known('apt', 'apt-get install -y {pkg}', 'apt-get'),
    known('dnf', 'dnf install -y {pkg}'),
    known('yum', 'yum install -y {pkg}'),
    known('zypper', 'zypper install -y {pkg}'),
    known('pacman', 'pacman -S --noconfirm {pkg}'),
    known('apk', 'apk add {pkg}'),
    known('brew', 'brew install {pkg}'),
    known('snap', 'snap install {pkg}'),
    known('flatpak', 'flatpak install -y {pkg}'),
    NPM,
  ],
  darwin: [
    known('brew', 'brew install {pkg}'),
    // `port` with no known flag starts an interactive prompt; `port version` just prints.
    known('port', 'port install {pkg}', 'port', ['version']),
    NPM,
  ],
  win32: [
    known('choco', 'choco install {pkg} -y'),
    known('scoop', 'scoop install {pkg}'),
    known('winget', 'winget install --id {pkg}'),
    NPM,
  ],
};

/** Language package managers install tools for one runtime, not the system's software. */
export const LANGUAGE_PACKAGE_MANAGERS = new Set(['npm']);

export function knownPackageManagers(platform: NodeJS.Platform): KnownPackageManager[] {
  if (platform === 'win32' || platform === 'darwin') return PACKAGE_MANAGERS[platform];
  return PACKAGE_MANAGERS.linux; // the BSDs and others: the linux list is the closest guess
}

export async function probePackageManagers(probe: ProgramProbe): Promise<PackageManager[]> {
  const versionTimeout = stepTimeout(probe.timeoutMs);
  const found = await Promise.all(
    knownPackageManagers(probe.platform).map(async (manager) => {
      const path = await findOnPath(manager.program, probe);
      if (!path) return null;
      const version = needsShell(path)
        ? null
        : await probeVersion(
            probe.run,
            probe.errors,
            `packageManagers.${manager.name}`,
            path,
            manager.versionArgs,
            versionTimeout,
          );
      return { name: manager.name, version, installTemplate: manager.installTemplate };
    }),
  );
  return found.filter((manager): manager is PackageManager => manager !== null);
}
