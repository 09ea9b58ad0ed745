/**
 * VPN profiles by NAME only, so "needs the Dataforth VPN" can be checked before suggesting access.
 * Profile files hold private keys and passwords: this module lists folders and never reads a
 * profile's contents (the one file it reads, a Windows phonebook, yields section names only).
 */
import type { VpnKind, VpnProfile } from '../../src-shared/machine.js';
import { envValue, findOnPath, pathFor, type ProgramProbe } from './path-lookup.js';
import { attempt, shortReason, stepTimeout } from './probe.js';

/** A folder whose entries with one of `extensions` are profiles, searched `depth` levels down. */
export interface VpnFolder {
  kind: VpnKind;
  dir: string;
  extensions: string[];
  depth: number;
}

export interface VpnSources {
  folders: VpnFolder[];
  /** Windows RAS phonebooks (rasphone.pbk): each [section] is a built-in VPN connection. */
  phonebooks: string[];
}

export function vpnSources(platform: NodeJS.Platform, env: Record<string, string | undefined>, homeDir: string): VpnSources {
  const paths = pathFor(platform);
  const home = (...parts: string[]) => paths.join(homeDir, ...parts);
  const openvpn = ['.ovpn', '.conf'];
  if (platform === 'win32') {
    const programFiles = envValue(env, 'ProgramFiles', platform) ?? 'C:\\Program Files';
    const appData = envValue(env, 'APPDATA', platform) ?? home('AppData', 'Roaming');
    const programData = envValue(env, 'ProgramData', platform) ?? 'C:\\ProgramData';
    return {
      folders: [
        // WireGuard for Windows keeps DPAPI-encrypted copies; only SYSTEM and admins may list them.
        { kind: 'wireguard', dir: paths.join(programFiles, 'WireGuard', 'Data', 'Configurations'), extensions: ['.conf.dpapi', '.conf'], depth: 0 },
        { kind: 'openvpn', dir: home('OpenVPN', 'config'), extensions: openvpn, depth: 1 },
        { kind: 'openvpn', dir: paths.join(programFiles, 'OpenVPN', 'config'), extensions: openvpn, depth: 1 },
      ],
      phonebooks: [
        paths.join(appData, 'Microsoft', 'Network', 'Connections', 'Pbk', 'rasphone.pbk'),
        paths.join(programData, 'Microsoft', 'Network', 'Connections', 'Pbk', 'rasphone.pbk'),
      ],
    };
  }
  const folders: VpnFolder[] = [
    { kind: 'wireguard', dir: '/etc/wireguard', extensions: ['.conf'], depth: 0 },
    { kind: 'openvpn', dir: '/etc/openvpn', extensions: openvpn, depth: 2 },
    { kind: 'openvpn', dir: home('.openvpn'), extensions: openvpn, depth: 1 },
  ];
  if (platform === 'darwin') {
    folders.push(
      { kind: 'wireguard', dir: '/usr/local/etc/wireguard', extensions: ['.conf'], depth: 0 },
      { kind: 'wireguard', dir: '/opt/homebrew/etc/wireguard', extensions: ['.conf'], depth: 0 },
      // Tunnelblick (OpenVPN for macOS) keeps each profile as a NAME.tblk bundle.
      { kind: 'openvpn', dir: home('Library', 'Application Support', 'Tunnelblick', 'Configurations'), extensions: ['.tblk'], depth: 0 },
      { kind: 'openvpn', dir: '/Library/Application Support/Tunnelblick/Shared', extensions: ['.tblk'], depth: 0 },
    );
  }
  return { folders, phonebooks: [] };
}

export interface VpnProbe extends ProgramProbe {
  sources: VpnSources;
}

export async function probeVpnProfiles(probe: VpnProbe): Promise<VpnProfile[]> {
  const lists = await Promise.all([
    ...probe.sources.folders.map((folder) => profilesInFolder(probe, folder, folder.dir, folder.depth)),
    ...probe.sources.phonebooks.map((phonebook) => phonebookEntries(probe, phonebook)),
    networkManagerProfiles(probe),
  ]);
  const seen = new Set<string>();
  return lists.flat().filter((profile) => {
    const key = `${profile.kind}\u0000${profile.name}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

async function profilesInFolder(probe: VpnProbe, folder: VpnFolder, dir: string, depth: number): Promise<VpnProfile[]> {
  let entries: string[];
  try {
    entries = await probe.files.readDir(dir);
  } catch (error) {
    noteUnreadable(probe, folder.kind, dir, error);
    return [];
  }
  const profiles: VpnProfile[] = [];
  const subfolders: string[] = [];
  for (const entry of entries.sort()) {
    const extension = folder.extensions.find((candidate) => entry.toLowerCase().endsWith(candidate));
    if (extension) profiles.push({ kind: folder.kind, name: entry.slice(0, -extension.length) });
    else if (depth > 0) subfolders.push(pathFor(probe.platform).join(dir, entry));
  }
  const nested = await Promise.all(subfolders.map((sub) => profilesInFolder(probe, folder, sub, depth - 1)));
  return profiles.concat(...nested);
}

/** A missing folder is the normal case; an unreadable one is worth telling (names need admin). */
function noteUnreadable(probe: VpnProbe, kind: VpnKind, dir: string, error: unknown): void {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return;
  probe.errors[`vpn.${kind}`] = `${shortReason(error)} (${dir})`;
}

async function phonebookEntries(probe: VpnProbe, phonebook: string): Promise<VpnProfile[]> {
  let text: string;
  try {
    text = await probe.files.readFile(phonebook);
  } catch (error) {
    noteUnreadable(probe, 'other', phonebook, error);
    return [];
  }
  return [...text.matchAll(/^\[([^\]\r\n]+)\]\s*$/gm)].map((match) => ({ kind: 'other' as const, name: match[1] ?? '' }));
}

/**
 * NetworkManager rows of type vpn or wireguard. Kind "networkmanager" says how to bring the
 * profile up (`nmcli connection up NAME`), whatever protocol it speaks.
 */
async function networkManagerProfiles(probe: VpnProbe): Promise<VpnProfile[]> {
  if (probe.platform !== 'linux') return [];
  const nmcli = await findOnPath('nmcli', probe);
  if (!nmcli) return [];
  const args = ['-t', '-f', 'NAME,TYPE', 'connection', 'show'];
  const timeoutMs = stepTimeout(probe.timeoutMs);
  const result = await attempt(probe.errors, 'vpn.networkmanager', timeoutMs, () => probe.run(nmcli, args, timeoutMs));
  if (!result) return [];
  if (result.exitCode !== 0) {
    probe.errors['vpn.networkmanager'] = `exit ${result.exitCode}`;
    return [];
  }
  return parseNmcliConnections(result.stdout);
}

/** `nmcli -t` separates fields with ':' and escapes a ':' or '\' inside a value with '\'. */
export function parseNmcliConnections(output: string): VpnProfile[] {
  const profiles: VpnProfile[] = [];
  for (const line of output.split(/\r?\n/)) {
    const match = /^((?:[^\\:]|\\.)*):(.*)$/.exec(line);
    if (!match) continue;
    const [, escapedName = '', type = ''] = match;
    if (type.trim() !== 'vpn' && type.trim() !== 'wireguard') continue;
    profiles.push({ kind: 'networkmanager', name: escapedName.replace(/\\(.)/g, '$1') });
  }
  return profiles;
}
