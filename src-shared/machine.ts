/**
 * What a technician machine can do, as the capability probe found it. Stored as the `capabilities`
 * JSON of the machines table and read by the CLI, the API and the dashboard, so it is typed once here.
 * Anything a probe could not determine is the string "unknown" or null (never a guess); the reason
 * sits in `probeErrors` under the probe's name.
 */
import { z } from 'zod';

export const UNKNOWN = 'unknown';

export const operatingSystemSchema = z.object({
  name: z.string(), // "Debian GNU/Linux", "Microsoft Windows 11 Pro", "macOS"
  version: z.string(),
  kernel: z.string(),
  arch: z.string(),
});

export const shellSchema = z.object({
  name: z.string(), // bash, zsh, fish, sh, pwsh, powershell, cmd
  path: z.string(),
  version: z.string().nullable(),
});

export const packageManagerSchema = z.object({
  name: z.string(),
  version: z.string().nullable(),
  /** The install command with `{pkg}` where the package name goes: "apt-get install -y {pkg}". */
  installTemplate: z.string(),
});

export const vpnKindSchema = z.enum(['wireguard', 'openvpn', 'networkmanager', 'other']);

/** A VPN profile by name only: its contents hold keys and never leave the machine. */
export const vpnProfileSchema = z.object({ kind: vpnKindSchema, name: z.string() });

export const mcpServerSchema = z.object({
  name: z.string(),
  scope: z.enum(['user', 'project', 'local']),
  transport: z.string(), // stdio, http, sse, or "unknown"
});

export const capabilitiesSchema = z.object({
  os: operatingSystemSchema,
  cpu: z.object({ model: z.string(), cores: z.number().int().nonnegative().nullable() }),
  memoryMb: z.number().int().nonnegative().nullable(),
  docker: z.object({
    /** null: the probe could not tell (it timed out or failed). */
    available: z.boolean().nullable(),
    version: z.string().nullable(),
    /** Absent when Docker is not installed; null when the daemon could not be asked. */
    serverRunning: z.boolean().nullable().optional(),
  }),
  powershell: z.object({
    version: z.string().nullable(),
    edition: z.enum(['pwsh', 'windows-powershell']).nullable(),
  }),
  shells: z.array(shellSchema),
  preferredShell: z.string().nullable(),
  /** Found on PATH, the platform's usual choice first (the one `packageInstall` suggests). */
  packageManagers: z.array(packageManagerSchema),
  vpnProfiles: z.array(vpnProfileSchema),
  claude: z.object({
    mcpServers: z.array(mcpServerSchema),
    skills: z.array(z.string()),
    agents: z.array(z.string()),
    commands: z.array(z.string()),
  }),
  probedAt: z.number().int(),
  /** Probe name (e.g. "docker", "shells.zsh") -> "timeout" or a short reason. */
  probeErrors: z.record(z.string(), z.string()),
});

export type OperatingSystem = z.infer<typeof operatingSystemSchema>;
export type Shell = z.infer<typeof shellSchema>;
export type PackageManager = z.infer<typeof packageManagerSchema>;
export type VpnKind = z.infer<typeof vpnKindSchema>;
export type VpnProfile = z.infer<typeof vpnProfileSchema>;
export type McpServer = z.infer<typeof mcpServerSchema>;
export type Capabilities = z.infer<typeof capabilitiesSchema>;
