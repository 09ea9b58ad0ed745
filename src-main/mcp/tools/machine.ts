import { normaliseName } from '../../core/ids.js';
import { describeMachine } from '../../machine/describe.js';
import { requireClient } from '../../services/clients.js';
import { machineProfile, refreshCapabilities } from '../../services/machine-profile.js';
import { environmentWarnings } from '../../services/knowledge/environment.js';
import { client, text } from '../arguments.js';
import { defineTool } from '../tool.js';

const DAY_MS = 24 * 60 * 60_000;

const env = defineTool({
  name: 'env',
  description: "This machine in about a dozen dense lines: OS and version, hardware, shells (preferred one), PowerShell, Docker, package managers, VPN profiles, Claude Code MCP servers/skills, and the right OS-specific commands; probes that failed show as unknown. With client (and infra): whether a VPN profile for that client is here, then up to 150 words of that client's or device's constraints: OS and PowerShell, environment notes, learned insights, commands known to fail there and what works instead.",
  input: {
    client: client().optional().describe('also say whether this machine has a VPN profile named for this client, and the client\'s constraints'),
    infra: text('a device name', 200).optional().describe('one device of the client: its constraints and known failures'),
  },
  run: async (context, args) => {
    // Probed at most once a day (bounded, never throws), like `msp machine`.
    await refreshCapabilities(context, { maxAgeMs: DAY_MS });
    const profile = machineProfile(context);
    const lines = [profile.capabilities
      ? describeMachine(profile.identity, profile.capabilities, profile.commands)
      : `Machine: ${profile.identity.hostname} (${profile.identity.platform}); capabilities unknown (the probe has not finished)`];
    if (args.client) {
      const known = requireClient(context.store, args.client);
      const words = normaliseName(known.name).split(' ');
      const vpns = (profile.capabilities?.vpnProfiles ?? []).filter((vpn) => words.some((word) => word.length > 2 && normaliseName(vpn.name).includes(word)));
      lines.push(vpns.length > 0
        ? `VPN for ${known.name}: ${vpns.map((vpn) => `${vpn.name} (${vpn.kind})`).join(', ')}`
        : `VPN for ${known.name}: no VPN profile on this machine is named for this client`);
    }
    if (args.client !== undefined || args.infra !== undefined) {
      lines.push(environmentWarnings(context, {
        ...(args.client !== undefined ? { clientId: requireClient(context.store, args.client).id } : {}),
        ...(args.infra !== undefined ? { infra: args.infra } : {}),
      }));
    }
    return lines.join('\n');
  },
});

export const machineTools = [env];
