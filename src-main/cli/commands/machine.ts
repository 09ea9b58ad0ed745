import { describeMachine } from '../../machine/describe.js';
import { machineProfile, refreshCapabilities } from '../../services/machine-profile.js';
import { flag, type CommandSpec } from '../args.js';
import { print, withContext } from './with-context.js';

const DAY_MS = 24 * 60 * 60_000;

const machine: CommandSpec = {
  name: 'machine',
  summary: 'This machine: fingerprint, OS, shells, Docker, PowerShell, package managers, VPN profiles, Claude Code MCP servers and skills, OS-specific commands.',
  options: { refresh: { type: 'boolean', description: 'probe again now instead of using the cached result (cached for a day)' } },
  notes: ['A probe that fails or hangs shows "unknown"; probes are bounded (a few seconds at worst).'],
  run: (parsed, io) =>
    withContext(io, async (context) => {
      await refreshCapabilities(context, { maxAgeMs: flag(parsed, 'refresh') ? 0 : DAY_MS });
      const profile = machineProfile(context);
      print(io, parsed.json, profile, () =>
        profile.capabilities ? describeMachine(profile.identity, profile.capabilities, profile.commands) : 'capabilities unknown');
    }),
};

export const machineCommands = [machine];
