/**
 * The seed's OS-specific command selection: for each everyday task, the command that works on
 * this platform in this shell, so Claude never suggests `ls -la` to cmd or `Get-Process` to bash.
 * `{pkg}`, `{name}` and `{host}` mark where the technician's argument goes.
 */
import type { PackageManager } from '../../src-shared/machine.js';
import { UNKNOWN } from '../../src-shared/machine.js';
import { LANGUAGE_PACKAGE_MANAGERS } from './package-managers.js';

export const COMMAND_TASKS = [
  'listFiles',
  'processList',
  'ipConfig',
  'packageInstall',
  'diskUsage',
  'serviceStatus',
  'networkTest',
  'dnsLookup',
  'whoAmI',
] as const;

export type CommandTask = (typeof COMMAND_TASKS)[number];
export type CommandMap = Record<CommandTask, string>;

/** How a technician would say each task: the labels `msp machine` prints. */
export const TASK_LABELS: Record<CommandTask, string> = {
  listFiles: 'list files',
  processList: 'processes',
  ipConfig: 'IP config',
  packageInstall: 'install',
  diskUsage: 'disk usage',
  serviceStatus: 'service',
  networkTest: 'ping',
  dnsLookup: 'DNS',
  whoAmI: 'who am I',
};

type ShellFamily = 'powershell' | 'cmd' | 'posix';

function shellFamily(shell: string | null): ShellFamily {
  const name = (shell ?? '').toLowerCase().replace(/\.exe$/, '');
  if (name === 'pwsh' || name === 'powershell') return 'powershell';
  if (name === 'cmd') return 'cmd';
  return 'posix';
}

/** Per platform: what the OS itself offers, whichever shell calls it. */
const NATIVE: Record<'win32' | 'darwin' | 'linux', Omit<CommandMap, 'packageInstall'>> = {
  win32: {
    listFiles: 'dir',
    processList: 'tasklist',
    ipConfig: 'ipconfig /all',
    diskUsage: 'dir C:\\',
    serviceStatus: 'sc query {name}',
    networkTest: 'ping -n 4 {host}',
    dnsLookup: 'nslookup {host}',
    whoAmI: 'whoami',
  },
  darwin: {
    listFiles: 'ls -la',
    processList: 'ps aux',
    ipConfig: 'ifconfig',
    diskUsage: 'df -h',
    serviceStatus: 'launchctl list {name}',
    networkTest: 'ping -c 4 {host}',
    dnsLookup: 'dig {host}',
    whoAmI: 'whoami',
  },
  linux: {
    listFiles: 'ls -la',
    processList: 'ps aux',
    ipConfig: 'ip addr',
    diskUsage: 'df -h',
    serviceStatus: 'systemctl status {name}',
    networkTest: 'ping -c 4 {host}',
    // getent resolves the way applications do and exists wherever glibc does (dig often does not).
    dnsLookup: 'getent hosts {host}',
    whoAmI: 'whoami',
  },
};

/** PowerShell's own cmdlets where they beat the native tool; the rest stays native. */
const POWERSHELL_ON_WINDOWS: Partial<CommandMap> = {
  listFiles: 'Get-ChildItem',
  processList: 'Get-Process',
  diskUsage: 'Get-PSDrive -PSProvider FileSystem',
  serviceStatus: 'Get-Service -Name {name}',
  networkTest: 'Test-NetConnection {host}',
  dnsLookup: 'Resolve-DnsName {host}',
};

/** On macOS and Linux, pwsh has the portable cmdlets only; networking stays native. */
const POWERSHELL_ELSEWHERE: Partial<CommandMap> = {
  listFiles: 'Get-ChildItem -Force',
  processList: 'Get-Process',
};

export function commandMap(
  platform: string, // process.platform, or a platform stored for another machine
  shell: string | null,
  packageManagers: PackageManager[],
): CommandMap {
  const os = platform === 'win32' || platform === 'darwin' ? platform : 'linux';
  const family = shellFamily(shell ?? (os === 'win32' ? 'cmd' : 'sh'));
  const overrides = family !== 'powershell' ? {} : os === 'win32' ? POWERSHELL_ON_WINDOWS : POWERSHELL_ELSEWHERE;
  // A unix-like shell on Windows (Git Bash) still lists files the unix way.
  const unixShellOnWindows: Partial<CommandMap> = os === 'win32' && family === 'posix' ? { listFiles: 'ls -la' } : {};
  return { ...NATIVE[os], ...unixShellOnWindows, ...overrides, packageInstall: packageInstallCommand(packageManagers) };
}

/** The first system package manager found; npm installs Node tools, not the machine's software. */
function packageInstallCommand(packageManagers: PackageManager[]): string {
  const system = packageManagers.find((manager) => !LANGUAGE_PACKAGE_MANAGERS.has(manager.name));
  return system?.installTemplate ?? UNKNOWN;
}
