/**
 * Detects what this machine can do. Every probe runs in parallel under its own deadline, so the
 * whole detection costs about one timeout at worst; a probe that hangs or fails leaves "unknown"
 * or null plus an entry in probeErrors, and detection itself never throws. It belongs off the
 * hook path (principle 7): the agent runs it in the background and stores the result.
 */
import { createRequire } from 'node:module';
import os from 'node:os';
import { systemClock, type Clock } from '../core/clock.js';
import { UNKNOWN, type Capabilities } from '../../src-shared/machine.js';
import { probeClaudeConfig } from './claude-config.js';
import { probePackageManagers } from './package-managers.js';
import { findOnPath, type Environment, type ProgramProbe } from './path-lookup.js';
import {
  attempt,
  nodeFileAccess,
  parseVersion,
  runCommand,
  stepTimeout,
  type FileAccess,
  type ProbeErrors,
  type RunCommand,
} from './probe.js';
import { preferredShell, probePowerShell, probeShells, withPowerShellVersion } from './shells.js';
import { probeVpnProfiles, vpnSources, type VpnSources } from './vpn-profiles.js';

export type ProbeName = 'os' | 'cpu' | 'memory' | 'docker' | 'powershell' | 'shells' | 'packageManagers' | 'vpn' | 'claude';

/** The part of systeminformation we use; tests can hand in a fake that hangs. */
export interface SystemInfoSource {
  osInfo(): Promise<{ distro: string; release: string; kernel: string; arch: string }>;
  cpu(): Promise<{ manufacturer: string; brand: string; cores: number }>;
  mem(): Promise<{ total: number }>;
}

export interface CapabilityProbeDeps {
  platform?: NodeJS.Platform;
  env?: Environment;
  homeDir?: string;
  /** The project folder whose .mcp.json and local-scope MCP servers count; null for none. */
  cwd?: string | null;
  run?: RunCommand;
  files?: FileAccess;
  loadSystemInfo?: () => Promise<SystemInfoSource>;
  vpnSources?: VpnSources;
  clock?: Clock;
  /** Each probe's deadline (default 2 s) ... */
  timeoutMs?: number;
  /** ... unless set for that probe here ... */
  probeTimeouts?: Partial<Record<ProbeName, number>>;
  /** ... and never more than this for the whole detection (default 5 s). */
  totalTimeoutMs?: number;
}

export const DEFAULT_PROBE_TIMEOUT_MS = 2_000;
export const DEFAULT_TOTAL_TIMEOUT_MS = 5_000;

// Loaded on first detection only: systeminformation is large and stays out of agent start-up.
// require, not import(): the shipped bundles run in a vm.Script with a code cache, where a
// dynamic import() has no loader and fails ("A dynamic import callback was not specified").
const loadSystemInformation = (): Promise<SystemInfoSource> => Promise.resolve(createRequire(import.meta.url)('systeminformation') as SystemInfoSource);

export async function detectCapabilities(deps: CapabilityProbeDeps = {}): Promise<Capabilities> {
  const platform = deps.platform ?? process.platform;
  const env = deps.env ?? process.env;
  const homeDir = deps.homeDir ?? os.homedir();
  const files = deps.files ?? nodeFileAccess;
  const run = deps.run ?? runCommand;
  const probedAt = (deps.clock ?? systemClock).now();
  const errors: ProbeErrors = {};
  const timeoutOf = (name: ProbeName) =>
    Math.min(deps.probeTimeouts?.[name] ?? deps.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS, deps.totalTimeoutMs ?? DEFAULT_TOTAL_TIMEOUT_MS);
  const programProbe = (name: ProbeName): ProgramProbe => ({ platform, env, files, run, errors, timeoutMs: timeoutOf(name) });
  const bounded = <T>(name: ProbeName, work: () => Promise<T>) => attempt(errors, name, timeoutOf(name), work);

  let systemInfo: Promise<SystemInfoSource> | undefined;
  const loadOnce = () => (systemInfo ??= (deps.loadSystemInfo ?? loadSystemInformation)());

  const [osFacts, cpu, memoryMb, docker, powershell, shells, packageManagers, vpnProfiles, claude] = await Promise.all([
    bounded('os', async () => {
      const info = await (await loadOnce()).osInfo();
      return { name: info.distro || UNKNOWN, version: info.release || UNKNOWN, kernel: info.kernel || UNKNOWN, arch: info.arch || UNKNOWN };
    }),
    bounded('cpu', async () => {
      const info = await (await loadOnce()).cpu();
      return { model: `${info.manufacturer} ${info.brand}`.trim() || UNKNOWN, cores: info.cores > 0 ? info.cores : null };
    }),
    bounded('memory', async () => Math.round((await (await loadOnce()).mem()).total / 1024 / 1024)),
    bounded('docker', () => probeDocker(programProbe('docker'))),
    bounded('powershell', () => probePowerShell(programProbe('powershell'))),
    bounded('shells', () => probeShells(programProbe('shells'))),
    bounded('packageManagers', () => probePackageManagers(programProbe('packageManagers'))),
    bounded('vpn', () =>
      probeVpnProfiles({ ...programProbe('vpn'), sources: deps.vpnSources ?? vpnSources(platform, env, homeDir) }),
    ),
    bounded('claude', () =>
      probeClaudeConfig({ platform, homeDir, cwd: deps.cwd === undefined ? process.cwd() : deps.cwd, files, errors }),
    ),
  ]);

  const powershellFound = powershell ?? { version: null, edition: null };
  return {
    os: osFacts ?? { name: UNKNOWN, version: UNKNOWN, kernel: UNKNOWN, arch: UNKNOWN },
    cpu: cpu ?? { model: UNKNOWN, cores: null },
    memoryMb,
    docker: docker ?? { available: null, version: null, serverRunning: null },
    powershell: powershellFound,
    shells: withPowerShellVersion(shells ?? [], powershellFound),
    preferredShell: preferredShell(platform, env, shells),
    packageManagers: packageManagers ?? [],
    vpnProfiles: vpnProfiles ?? [],
    claude: claude ?? { mcpServers: [], skills: [], agents: [], commands: [] },
    probedAt,
    probeErrors: { ...errors },
  };
}

/**
 * Docker installed (client on PATH) and whether its daemon answers: `docker version` prints the
 * client version even when the daemon is down, and asking for the server version fails then.
 */
async function probeDocker(probe: ProgramProbe): Promise<Capabilities['docker']> {
  const docker = await findOnPath('docker', probe);
  if (!docker) return { available: false, version: null };
  const timeoutMs = stepTimeout(probe.timeoutMs);
  const askVersion = (part: 'Client' | 'Server') => () =>
    probe.run(docker, ['version', '--format', `{{.${part}.Version}}`], timeoutMs);
  const [client, server] = await Promise.all([
    attempt(probe.errors, 'docker', timeoutMs, askVersion('Client')),
    attempt(probe.errors, 'docker.server', timeoutMs, askVersion('Server')),
  ]);
  return {
    available: true,
    version: client ? parseVersion(client.stdout) : null,
    serverRunning: server ? server.exitCode === 0 && parseVersion(server.stdout) !== null : null,
  };
}
