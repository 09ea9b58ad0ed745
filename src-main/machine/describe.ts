/**
 * `msp machine`: the machine profile in a dozen dense lines, written for a model to read (principle
 * 8). Facts only, "unknown" where a probe could not tell, and which probes failed at the end.
 */
import type { Capabilities } from '../../src-shared/machine.js';
import type { CommandMap, CommandTask } from './command-map.js';
import { COMMAND_TASKS, TASK_LABELS } from './command-map.js';
import type { MachineIdentity } from './fingerprint.js';

/** Long lists (forty skills) would crowd out the facts that matter; the rest are counted. */
const MAX_LISTED = 10;

export function describeMachine(identity: MachineIdentity, capabilities: Capabilities, commands: CommandMap): string {
  const { os, cpu, memoryMb, docker, powershell, claude, probeErrors } = capabilities;
  const lines = [
    `Machine: ${identity.hostname} (${os.name} ${os.version}, ${identity.platform} ${os.kernel}, ${os.arch}) ` +
      `user ${identity.username} fp ${identity.fingerprint.slice(0, 12)}…`,
    `Hardware: ${cpu.model}, ${cpu.cores ?? 'unknown'} cores, ${memoryMb === null ? 'unknown' : `${memoryMb} MB`} RAM`,
    `Shells: ${describeShells(capabilities)}`,
    `PowerShell: ${powershell.edition === null ? 'none' : `${powershell.version ?? 'unknown version'} (${powershell.edition})`}`,
    `Docker: ${describeDocker(docker)}`,
    `Package managers: ${listOrNone(capabilities.packageManagers.map((pm) => `${withVersion(pm.name, pm.version)} (${pm.installTemplate})`))}`,
    `VPN: ${listOrNone(capabilities.vpnProfiles.map((profile) => `${profile.name} (${profile.kind})`))}`,
    `Claude Code: MCP servers: ${listOrNone(claude.mcpServers.map((server) => `${server.name} (${server.scope}, ${server.transport})`))}` +
      `; skills: ${listOrNone(claude.skills)}; agents: ${listOrNone(claude.agents)}; commands: ${listOrNone(claude.commands)}`,
    `Commands: ${COMMAND_TASKS.map((task: CommandTask) => `${TASK_LABELS[task]} \`${commands[task]}\``).join('; ')}`,
  ];
  const failures = Object.entries(probeErrors).map(([probe, reason]) => `${probe} (${reason})`);
  if (failures.length > 0) lines.push(`Unknown: ${listOrNone(failures)}`);
  lines.push(`Probed: ${new Date(capabilities.probedAt).toISOString()}`);
  return lines.join('\n');
}

function describeShells({ shells, preferredShell }: Capabilities): string {
  const listed = shells.map((shell) => withVersion(shell.name, shell.version) + (shell.name === preferredShell ? ' (preferred)' : ''));
  const preferredMissing = preferredShell !== null && !shells.some((shell) => shell.name === preferredShell);
  return listOrNone(listed) + (preferredMissing ? `; preferred ${preferredShell}` : '');
}

function describeDocker(docker: Capabilities['docker']): string {
  if (docker.available === null) return 'unknown';
  if (!docker.available) return 'unavailable';
  const daemon =
    docker.serverRunning === true ? 'daemon running' : docker.serverRunning === false ? 'daemon not running' : 'daemon unknown';
  return `${docker.version ?? 'unknown version'}, ${daemon}`;
}

function withVersion(name: string, version: string | null): string {
  return version ? `${name} ${version}` : name;
}

function listOrNone(items: string[]): string {
  if (items.length === 0) return 'none';
  const shown = items.slice(0, MAX_LISTED).join(', ');
  return items.length > MAX_LISTED ? `${shown} +${items.length - MAX_LISTED} more` : shown;
}
