import { capabilitiesSchema, type Capabilities } from '../../src-shared/machine.js';
import { detectCapabilities } from '../machine/capabilities.js';
import { commandMap, type CommandMap } from '../machine/command-map.js';
import { machineIdentity, type MachineIdentity } from '../machine/fingerprint.js';
import type { ServiceContext } from './context.js';

export interface MachineProfile {
  identity: MachineIdentity;
  machineId: string;
  /** The last capability probe, or null before the first one has finished. */
  capabilities: Capabilities | null;
  /** The seed's OS-specific commands for this platform and preferred shell. */
  commands: CommandMap;
  firstSeenAt: number;
  lastSeenAt: number;
}

interface MachineRecord {
  capabilities: string | null;
  firstSeenAt: number;
  lastSeenAt: number;
}

function cachedCapabilities(text: string | null): Capabilities | null {
  if (!text) return null;
  const parsed = capabilitiesSchema.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : null;
}

/** This machine as last probed: identity, cached capabilities and the command map. */
export function machineProfile(context: ServiceContext): MachineProfile {
  const identity = machineIdentity();
  const record = context.store.sqlite
    .prepare('SELECT capabilities, first_seen_at AS firstSeenAt, last_seen_at AS lastSeenAt FROM machines WHERE id = ?')
    .get(context.machineId) as MachineRecord;
  const capabilities = cachedCapabilities(record.capabilities);
  return {
    identity,
    machineId: context.machineId,
    capabilities,
    commands: commandMap(identity.platform, capabilities?.preferredShell ?? null, capabilities?.packageManagers ?? []),
    firstSeenAt: record.firstSeenAt,
    lastSeenAt: record.lastSeenAt,
  };
}

/**
 * Probes the machine again when the cached capabilities are older than maxAgeMs (or absent) and
 * stores the result on the machines row. Detection is bounded and never throws.
 */
export async function refreshCapabilities(
  context: ServiceContext,
  options: { maxAgeMs: number; detect?: () => Promise<Capabilities> },
): Promise<Capabilities> {
  const current = machineProfile(context).capabilities;
  const now = context.store.clock.now();
  if (current && now - current.probedAt < options.maxAgeMs) return current;
  const capabilities = await (options.detect ?? (() => detectCapabilities({ cwd: null })))();
  context.store.write((writer) =>
    writer.update('machines', context.machineId, {
      capabilities: JSON.stringify(capabilities),
      capabilitiesProbedAt: capabilities.probedAt,
      osName: capabilities.os.name,
      osVersion: capabilities.os.version,
      arch: capabilities.os.arch,
      cpuModel: capabilities.cpu.model,
      cpuCores: capabilities.cpu.cores,
      memoryMb: capabilities.memoryMb,
      preferredShell: capabilities.preferredShell,
    }),
  );
  return capabilities;
}
