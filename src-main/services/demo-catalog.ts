import { createHash } from 'node:crypto';
import { naturalIds, normaliseName, uuidv5 } from '../core/ids.js';
import type { SqliteDatabase } from '../store/database.js';
import {
  CATEGORIES, CLIENTS, FIRST_NAMES, LAST_NAMES, OS, PROJECTS, SERVER_COUNT, SERVER_ROLES, SIZE_WEIGHT, TAGS,
  type ClientProfile, type OsKey, type OsProfile, type ProjectProfile,
} from './demo-data.js';
import type { DemoRandom } from './demo-random.js';
import { demoInsert, insertObject, type SqlValue } from './demo-sql.js';
import { writeClientExtras } from './demo-catalog-extras.js';

/** A device sessions can work on. */
export interface DemoDevice {
  id: string;
  name: string;
  profile: OsProfile;
  ip: string;
  siteId: string;
}

export interface DemoProject {
  id: string;
  clientId: string | null;
  profile: ProjectProfile;
  from: number;
  to: number;
}

export interface DemoClient {
  id: string;
  profile: ClientProfile;
  /** Devices, and null for the Microsoft 365 tenant, with how often each is worked on. */
  targets: (DemoDevice | null)[];
  targetWeights: number[];
  targetTotal: number;
  devices: DemoDevice[];
  users: string[];
  adDomain: string;
  lan: string;
  from: number;
  to: number;
  projects: DemoProject[];
}

export interface DemoCatalog {
  clients: DemoClient[];
  clientWeights: number[];
  clientTotal: number;
  internalProjects: DemoProject[];
  /** Technician machines sessions run on, the given one first. */
  machines: string[];
  categories: Map<string, string>;
  tags: Map<string, string>;
}

/** How often a device of each kind is what a session is about. */
const KIND_WEIGHT: Record<string, number> = { server: 10, hypervisor: 2, nas: 4, firewall: 4, switch: 1.5, printer: 2.5, ups: 0.7 };
const TENANT_WEIGHT = 9;

export interface CatalogOptions {
  seed: number;
  start: number;
  now: number;
  machineId: string;
  technician: string;
  originId: string;
}

export type Insert = (table: string, columns: readonly string[], id: string, at: number, row: Record<string, SqlValue | boolean | undefined>) => void;

/** Writes the clients and everything they own, plus projects, tags, categories and two more technician machines. */
export function writeCatalog(sqlite: SqliteDatabase, random: DemoRandom, options: CatalogOptions): DemoCatalog {
  const statements = new Map<string, ReturnType<typeof demoInsert>>();
  const insert: Insert = (table, columns, id, at, row) => {
    const key = `${table}:${columns.join(',')}`;
    let statement = statements.get(key);
    if (!statement) {
      statement = demoInsert(sqlite, options.originId, table, columns);
      statements.set(key, statement);
    }
    insertObject(statement, columns, id, at, row);
  };
  const span = options.now - options.start;
  const at = (fraction: number) => Math.round(options.start + fraction * span);
  const machines = [options.machineId, ...writeMachines(insert, options)];
  const categories = new Map<string, string>();
  for (const [name, parent, description] of CATEGORIES) {
    const id = naturalIds.category(name);
    categories.set(name, id);
    insert('categories', ['name', 'normalized_name', 'parent_id', 'description'], id, options.start, { name, normalized_name: normaliseName(name), parent_id: parent ? naturalIds.category(parent) : null, description });
  }
  const tags = new Map<string, string>();
  for (const [name, color] of TAGS) {
    const id = naturalIds.tag(name);
    tags.set(name, id);
    insert('tags', ['name', 'normalized_name', 'color'], id, options.start, { name, normalized_name: normaliseName(name), color });
  }
  const clients = CLIENTS.map((profile, index) => writeClient(insert, random, profile, index, at));
  const internalProjects: DemoProject[] = [];
  for (const profile of PROJECTS) {
    const owner = clients.find((c) => c.profile.code === profile.client);
    const clientId = owner?.id ?? null;
    const project: DemoProject = { id: naturalIds.project(clientId, profile.name), clientId, profile, from: at(profile.active[0]), to: at(profile.active[1]) };
    insert('projects', ['client_id', 'name', 'normalized_name', 'status', 'description', 'repository_path'], project.id, project.from, {
      client_id: clientId, name: profile.name, normalized_name: normaliseName(profile.name), status: profile.active[1] < 1 ? 'done' : 'active',
      description: profile.description, repository_path: profile.repository,
    });
    if (owner) owner.projects.push(project);
    else internalProjects.push(project);
  }
  const clientWeights = clients.map((c) => SIZE_WEIGHT[c.profile.size]);
  return { clients, clientWeights, clientTotal: clientWeights.reduce((a, b) => a + b, 0), internalProjects, machines, categories, tags };
}

function writeMachines(insert: Insert, options: CatalogOptions): string[] {
  const columns = ['fingerprint', 'hostname', 'username', 'platform', 'home_dir', 'display_name', 'os_name', 'os_version', 'arch', 'cpu_model', 'cpu_cores', 'memory_mb', 'preferred_shell', 'first_seen_at', 'last_seen_at'];
  const machines: [string, string, string, string, string, string, string, string, number, number, string][] = [
    ['laptop', 'TECH-LAPTOP', 'win32', `C:\\Users\\${options.technician}`, 'Work laptop', 'Windows 11 Pro', '10.0.22631', 'Intel Core i7-1365U', 12, 32768, 'pwsh'],
    ['desktop', 'tech-mac', 'darwin', `/Users/${options.technician}`, 'Office desktop', 'macOS', '14.6.1', 'Apple M2 Pro', 12, 32768, 'zsh'],
  ];
  return machines.map(([name, hostname, platform, home, display, osName, osVersion, cpu, cores, memory, shell]) => {
    const fingerprint = createHash('sha256').update(`msp-mode-demo|${options.seed}|${name}`).digest('hex');
    const id = naturalIds.machine(fingerprint);
    insert('machines', columns, id, options.start, {
      fingerprint, hostname, username: options.technician, platform, home_dir: home, display_name: display, os_name: osName, os_version: osVersion,
      arch: platform === 'darwin' ? 'arm64' : 'x64', cpu_model: cpu, cpu_cores: cores, memory_mb: memory, preferred_shell: shell, first_seen_at: options.start, last_seen_at: options.now,
    });
    return id;
  });
}

const DEVICE_COLUMNS = ['client_id', 'site_id', 'parent_id', 'kind', 'name', 'normalized_name', 'hostname', 'ip_address', 'mac_address', 'os_name', 'os_version', 'powershell_version', 'manufacturer', 'model', 'serial_number', 'role', 'environmental_notes', 'status', 'warranty_expires_at', 'notes'];

function writeClient(insert: Insert, random: DemoRandom, profile: ClientProfile, index: number, at: (fraction: number) => number): DemoClient {
  const id = naturalIds.client(profile.name);
  const from = at(profile.active[0]);
  const code = profile.code;
  const adDomain = `${code.toLowerCase()}.local`;
  const octet = 10 + index;
  insert('clients', ['name', 'normalized_name', 'status', 'hourly_rate_cents', 'currency', 'external_ref', 'notes'], id, from, {
    name: profile.name, normalized_name: normaliseName(profile.name), status: profile.active[1] < 1 ? 'inactive' : 'active', hourly_rate_cents: profile.rateCents,
    currency: 'USD', external_ref: `syncro:${4100 + index * 37}`, notes: `${profile.industry} in ${profile.city}. Line of business: ${profile.lobApp}. AD domain ${adDomain}.`,
  });
  const users = Array.from({ length: random.int(6, 14) }, () => `${random.pick(FIRST_NAMES).charAt(0)}${random.pick(LAST_NAMES)}`.toLowerCase());
  const devices: DemoDevice[] = [];
  const pickOs = (modern: OsKey[], old: OsKey[]): OsKey => (random.chance(profile.legacy * 0.6) ? random.pick(old) : random.pick(modern));
  const addDevice = (siteId: string, slot: string, role: string, key: OsKey, ip: string, parentId: string | null = null): DemoDevice => {
    const device: DemoDevice = { id: uuidv5(`infrastructure:${id}:${normaliseName(`${code}-${slot}`)}`), name: `${code}-${slot}`, profile: OS[key], ip, siteId };
    const windows = device.profile.powershell !== null;
    insert('infrastructure', DEVICE_COLUMNS, device.id, from, {
      client_id: id, site_id: siteId, parent_id: parentId, kind: device.profile.kind, name: device.name, normalized_name: normaliseName(device.name),
      hostname: windows ? `${device.name.toLowerCase()}.${adDomain}` : device.name.toLowerCase(), ip_address: ip,
      mac_address: Array.from({ length: 6 }, () => random.int(0, 255).toString(16).padStart(2, '0')).join(':'),
      os_name: device.profile.osName, os_version: device.profile.osVersion, powershell_version: device.profile.powershell, manufacturer: device.profile.manufacturer,
      model: device.profile.model, serial_number: `${device.profile.manufacturer.slice(0, 2).toUpperCase()}${random.uint32().toString(36).toUpperCase()}`, role,
      environmental_notes: device.profile.notes, status: 'active', warranty_expires_at: at(random.next() * 1.6 - 0.2), notes: null,
    });
    devices.push(device);
    return device;
  };
  const siteIds = profile.sites.map((siteName, siteIndex) => {
    const siteId = uuidv5(`site:${id}:${normaliseName(siteName)}`);
    insert('sites', ['client_id', 'name', 'normalized_name', 'address', 'timezone', 'vpn_profile', 'status', 'notes'], siteId, from, {
      client_id: id, name: siteName, normalized_name: normaliseName(siteName), address: `${random.int(100, 9800)} ${random.pick(STREETS)}, ${profile.city}`,
      timezone: profile.timezone, vpn_profile: siteIndex === 0 ? `${code} VPN` : null, status: 'active', notes: siteIndex === 0 ? 'Server room behind reception; key at the front desk.' : null,
    });
    const lan = `10.${octet}.${siteIndex * 10 + 1}`;
    addDevice(siteId, `FW0${siteIndex + 1}`, 'firewall, VPN endpoint', profile.firewall, `${lan}.1`);
    const switchOs: OsKey = profile.firewall === 'udmpro' || profile.firewall === 'usg' ? 'usw24' : random.chance(profile.legacy) ? 'procurve' : 'sg350';
    addDevice(siteId, `SW0${siteIndex + 1}`, 'core switch', switchOs, `${lan}.2`);
    if (random.chance(0.8)) addDevice(siteId, `PRN0${siteIndex + 1}`, 'multifunction printer', random.pick<OsKey>(['hpm607', 'ricoh', 'brother']), `${lan}.${random.int(50, 60)}`);
    return siteId;
  });
  const main = siteIds[0] ?? '';
  const lan = `10.${octet}.1`;
  const [minServers, maxServers] = SERVER_COUNT[profile.size];
  const host = profile.size === 'large' || (profile.size === 'medium' && random.chance(0.4))
    ? addDevice(main, 'HV01', 'virtualisation host', random.chance(profile.legacy) ? 'esxi67' : random.pick<OsKey>(['esxi70', 'hyperv2019']), `${lan}.9`) : null;
  const roles = SERVER_ROLES.filter(([slot]) => slot !== 'EXCH01' || !profile.m365 || profile.legacy > 0.7);
  roles.slice(0, random.int(minServers, maxServers)).forEach(([slot, role], serverIndex) => {
    const forced: OsKey | undefined = code === 'HDG' && slot === 'DC01' ? 'win2008' : slot === 'EXCH01' ? 'win2012' : undefined;
    addDevice(main, slot, role, forced ?? pickOs(['win2016', 'win2019', 'win2022', 'win2019'], ['win2008', 'win2012', 'win2012']), `${lan}.${10 + serverIndex}`, host?.id ?? null);
  });
  if (profile.firewall === 'udmpro' || profile.firewall === 'usg' || code === 'RPL' || random.chance(0.2)) {
    addDevice(main, 'UBU01', code === 'RPL' ? 'Koha ILS' : 'UniFi Network application, Uptime Kuma', random.pick<OsKey>(['ubuntu1804', 'ubuntu2004', 'ubuntu2204']), `${lan}.30`, host?.id ?? null);
  }
  if (random.chance(0.75)) addDevice(main, 'NAS01', 'file archive, backup target', random.chance(profile.legacy) ? random.pick<OsKey>(['readynas314', 'readynas214']) : random.pick<OsKey>(['dsm62', 'dsm71', 'dsm72']), `${lan}.20`);
  if (profile.size === 'large' || random.chance(0.4)) addDevice(main, 'UPS01', 'UPS for the server rack', 'apcups', `${lan}.8`);
  writeClientExtras(insert, random, { id, profile, devices, siteIds, users, adDomain, octet, from });
  const targets: (DemoDevice | null)[] = [...devices, ...(profile.m365 ? [null] : [])];
  const targetWeights = targets.map((t) => (t ? (KIND_WEIGHT[t.profile.kind] ?? 1) : TENANT_WEIGHT));
  return {
    id, profile, targets, targetWeights, targetTotal: targetWeights.reduce((a, b) => a + b, 0), devices, users, adDomain, lan,
    from, to: at(profile.active[1]), projects: [],
  };
}

const STREETS = ['Oak Street', 'Commercial Way', 'Main Street', 'Riverside Drive', 'Industrial Parkway', 'Cedar Avenue', 'Airport Road', 'Pine Street', 'Willamette Blvd', 'Center Street'];
