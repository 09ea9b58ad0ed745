import { naturalIds, normaliseName } from '../../core/ids.js';
import type { SeededRandom } from './random.js';
import { CATEGORIES, CLIENT_NAMES, DEVICES, PROJECTS, TAGS, TECHNICIANS, type DeviceTemplate } from './templates.js';
import type { DemoWriter } from './writer.js';

export interface DemoDevice {
  id: string;
  hostname: string;
  template: DeviceTemplate;
  osVersion: string;
}

export interface DemoClient {
  id: string;
  name: string;
  slug: string;
  devices: DemoDevice[];
  projectIds: string[];
  /** How often this client calls, relative to the others. */
  weight: number;
}

export interface DemoCatalog {
  clients: DemoClient[];
  internalProjectIds: string[];
  machines: { id: string; technician: string; platform: string }[];
  categoryIds: Map<string, string>;
  tagIds: string[];
}

const slugOf = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const prefixOf = (name: string) => name.split(' ').map((word) => word[0] ?? '').join('').slice(0, 4).toUpperCase();

const FIREWALLS = DEVICES.filter((d) => d.kind === 'firewall');
const byRole = (role: string): DeviceTemplate => {
  const template = DEVICES.find((d) => d.role === role);
  if (!template) throw new Error(`no demo device with role ${role}`);
  return template;
};

/** Every site has a firewall and a switch; the main office has a DC and, by chance, the rest. */
function devicesForSite(random: SeededRandom, mainOffice: boolean): DeviceTemplate[] {
  const always = [random.pick(FIREWALLS), byRole('core switch')];
  if (!mainOffice) return [...always, byRole('front desk PC')];
  const optional = DEVICES.filter((d) => d.kind !== 'firewall' && d.role !== 'core switch' && d.role !== 'domain controller')
    .filter((d) => random.chance(d.role === 'line-of-business app server' ? 0.35 : 0.6));
  return [...always, byRole('domain controller'), ...optional];
}

const ROLE_CODES: Record<string, string> = {
  'domain controller': 'DC', 'file server': 'FS', 'line-of-business app server': 'APP', 'backup and monitoring': 'BK',
  'backup target': 'NAS', 'file shares': 'NAS', 'edge firewall': 'FW', 'core switch': 'SW', 'front desk PC': 'FD', 'office printer': 'PRN',
};

/** Clients with their sites, devices, networks, tenants, contacts and credential metadata. */
export function writeCatalog(out: DemoWriter, random: SeededRandom, start: number, localMachine: { id: string; technician: string }): DemoCatalog {
  const categoryIds = new Map<string, string>();
  const category = out.table('categories', ['name', 'normalized_name']);
  for (const name of CATEGORIES) {
    const id = naturalIds.category(name);
    category(id, start, { name, normalized_name: name });
    categoryIds.set(name, id);
  }
  const tag = out.table('tags', ['name', 'normalized_name']);
  const tagIds = TAGS.map((name) => { const id = naturalIds.tag(name); tag(id, start, { name, normalized_name: name }); return id; });

  const machine = out.table('machines', ['fingerprint', 'hostname', 'username', 'platform', 'home_dir', 'display_name', 'first_seen_at', 'last_seen_at']);
  const machines = [{ id: localMachine.id, technician: localMachine.technician, platform: process.platform }];
  for (const [host, technician] of TECHNICIANS.slice(0, 3)) {
    const id = random.idAt(start);
    machine(id, start, { fingerprint: `demo-${host}-${technician}`, hostname: `${technician}-${host}`, username: technician, platform: 'win32', home_dir: `C:\\Users\\${technician}`, display_name: `${technician}'s ${host}`, first_seen_at: start, last_seen_at: start });
    machines.push({ id, technician, platform: 'win32' });
  }

  const client = out.table('clients', ['name', 'normalized_name', 'status', 'hourly_rate_cents', 'currency', 'notes']);
  const site = out.table('sites', ['client_id', 'name', 'normalized_name', 'address', 'timezone', 'status']);
  const device = out.table('infrastructure', ['client_id', 'site_id', 'kind', 'name', 'normalized_name', 'hostname', 'ip_address', 'os_name', 'os_version', 'powershell_version', 'manufacturer', 'model', 'role', 'environmental_notes', 'status']);
  const service = out.table('services', ['client_id', 'infrastructure_id', 'name', 'kind', 'port', 'status']);
  const network = out.table('networks', ['client_id', 'site_id', 'name', 'cidr', 'vlan_id', 'gateway', 'purpose']);
  const tenant = out.table('m365_tenants', ['client_id', 'tenant_id', 'primary_domain', 'display_name']);
  const contact = out.table('contacts', ['client_id', 'name', 'role', 'email', 'phone', 'is_primary', 'active']);
  const credential = out.table('credentials', ['client_id', 'infrastructure_id', 'name', 'kind', 'username', 'keychain_ref', 'secret_version', 'status', 'rotation_interval_days', 'last_rotated_at']);
  const project = out.table('projects', ['client_id', 'name', 'normalized_name', 'status']);

  const clients: DemoClient[] = CLIENT_NAMES.map(([name, industry], index) => {
    const id = naturalIds.client(name);
    const slug = slugOf(name);
    const prefix = prefixOf(name);
    client(id, start, { name, normalized_name: normaliseName(name), status: 'active', hourly_rate_cents: random.pick([9500, 12500, 15000]), currency: 'USD', notes: `${industry}; ${random.int(5, 80)} seats` });
    const devices: DemoDevice[] = [];
    const siteCount = random.int(1, 3);
    for (let s = 0; s < siteCount; s++) {
      const siteId = random.idAt(start);
      const siteName = s === 0 ? 'Main office' : `Branch ${s}`;
      site(siteId, start, { client_id: id, name: siteName, normalized_name: normaliseName(siteName), address: `${random.int(100, 9999)} ${random.pick(['Main St', 'Oak Ave', 'Camelback Rd', 'Grant Rd'])}`, timezone: 'America/Phoenix', status: 'active' });
      network(random.idAt(start), start, { client_id: id, site_id: siteId, name: `${siteName} LAN`, cidr: `10.${index}.${s}.0/24`, vlan_id: 10 + s, gateway: `10.${index}.${s}.1`, purpose: 'staff' });
      for (const template of devicesForSite(random, s === 0)) {
        const code = ROLE_CODES[template.role] ?? 'SRV';
        const hostname = `${prefix}-${code}${String(devices.filter((d) => d.hostname.includes(`-${code}`)).length + 1).padStart(2, '0')}`;
        const deviceId = random.idAt(start);
        const osVersion = random.pick(template.osVersions);
        device(deviceId, start, {
          client_id: id, site_id: siteId, kind: template.kind, name: hostname, normalized_name: normaliseName(hostname), hostname,
          ip_address: `10.${index}.${s}.${10 + devices.length}`, os_name: template.osName, os_version: osVersion, powershell_version: template.powershell ?? null,
          manufacturer: template.manufacturer, model: template.model, role: template.role, environmental_notes: template.notes ?? null, status: 'active',
        });
        devices.push({ id: deviceId, hostname, template, osVersion });
        if (template.kind === 'windows-server' || template.kind === 'nas' || template.kind === 'firewall') {
          service(random.idAt(start), start, { client_id: id, infrastructure_id: deviceId, name: template.kind === 'firewall' ? 'SSL-VPN' : template.kind === 'nas' ? 'SMB shares' : 'Active Directory', kind: template.kind === 'firewall' ? 'vpn' : 'directory', port: template.kind === 'firewall' ? 10443 : 445, status: 'active' });
        }
      }
    }
    if (random.chance(0.6)) tenant(random.idAt(start), start, { client_id: id, tenant_id: random.idAt(start), primary_domain: `${slug}.onmicrosoft.com`, display_name: name });
    for (const role of ['office manager', 'owner']) {
      const first = random.pick(['Dana', 'Chris', 'Alex', 'Jordan', 'Sam', 'Pat', 'Taylor', 'Morgan']);
      contact(random.idAt(start), start, { client_id: id, name: `${first} ${random.pick(['Lopez', 'Nguyen', 'Smith', 'Patel', 'Garcia', 'Kim'])}`, role, email: `${first.toLowerCase()}@${slug}.example`, phone: `(520) 555-${String(random.int(0, 9999)).padStart(4, '0')}`, is_primary: role === 'office manager', active: true });
    }
    const admin = devices.find((d) => d.template.kind === 'windows-server') ?? devices[0];
    for (const [credName, kind, username] of [['Domain admin', 'password', 'administrator'], ['Firewall admin', 'password', 'admin'], ['M365 global admin', 'password', `admin@${slug}.onmicrosoft.com`]] as const) {
      const credId = random.idAt(start);
      credential(credId, start, { client_id: id, infrastructure_id: admin?.id ?? null, name: `${credName} (${prefix})`, kind, username, keychain_ref: `msp-mode/demo/${credId}`, secret_version: 1, status: 'active', rotation_interval_days: 180, last_rotated_at: start });
    }
    return { id, name, slug, devices, projectIds: [], weight: 1 / (1 + index * 0.15) };
  });

  const internalProjectIds: string[] = [];
  for (const [name, clientIndex] of PROJECTS) {
    const owner = clientIndex === null ? undefined : clients[clientIndex];
    const id = naturalIds.project(owner?.id ?? null, name);
    project(id, start, { client_id: owner?.id ?? null, name, normalized_name: normaliseName(name), status: 'active' });
    if (owner) owner.projectIds.push(id);
    else internalProjectIds.push(id);
  }
  return { clients, internalProjectIds, machines, categoryIds, tagIds };
}
