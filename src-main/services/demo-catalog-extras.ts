import { uuidv5 } from '../core/ids.js';
import type { DemoDevice, Insert } from './demo-catalog.js';
import { CONTACT_ROLES, FIRST_NAMES, LAST_NAMES, type ClientProfile } from './demo-data.js';
import type { DemoRandom } from './demo-random.js';

/** What a client's services, networks, rules, tenant, contacts and credentials are derived from. */
export interface ClientFacts {
  id: string;
  profile: ClientProfile;
  devices: DemoDevice[];
  siteIds: string[];
  users: string[];
  adDomain: string;
  octet: number;
  from: number;
}

type ServiceRow = [name: string, kind: string, protocol: string | null, port: number | null, vendor: string | null];

/** Services by the device slot they run on (the part of the name after the client code). */
const SERVICES_BY_SLOT: Record<string, ServiceRow[]> = {
  DC01: [['Active Directory', 'directory', 'tcp', 389, 'Microsoft'], ['DNS', 'dns', 'udp', 53, 'Microsoft'], ['DHCP', 'dhcp', 'udp', 67, 'Microsoft']],
  DC02: [['Active Directory', 'directory', 'tcp', 389, 'Microsoft'], ['DNS', 'dns', 'udp', 53, 'Microsoft']],
  FS01: [['File shares', 'file_share', 'smb', 445, 'Microsoft'], ['Print server', 'other', 'tcp', 445, 'Microsoft']],
  APP01: [['SQL Server', 'database', 'tcp', 1433, 'Microsoft']],
  RDS01: [['RD Gateway', 'web', 'https', 443, 'Microsoft'], ['RD Session Host', 'other', 'tcp', 3389, 'Microsoft']],
  EXCH01: [['Exchange Server', 'email', 'https', 443, 'Microsoft']],
  BACKUP01: [['Veeam Backup & Replication', 'backup', 'tcp', 9392, 'Veeam']],
  UBU01: [['UniFi Network application', 'web', 'https', 8443, 'Ubiquiti']],
  NAS01: [['SMB shares', 'file_share', 'smb', 445, null], ['NAS backup task', 'backup', null, null, null]],
  FW01: [['Remote access VPN', 'vpn', 'udp', 1194, null]],
};

/** [name, action, direction, protocol, source, destination, port, reason] */
const RULES: [string, string, string, string, string, string, string, string][] = [
  ['MSP management', 'allow', 'inbound', 'tcp', 'MSP office 198.51.100.10', 'firewall', '8443', 'Remote administration from the MSP office only'],
  ['Block outbound SMB', 'deny', 'outbound', 'tcp', 'LAN', 'any', '445', 'Security baseline: no SMB to the internet'],
  ['Guest isolation', 'deny', 'both', 'any', 'Guest VLAN', 'LAN', 'any', 'Guests must not reach office devices'],
  ['RD Gateway', 'nat', 'inbound', 'tcp', 'any', 'RDS01', '443', 'Remote staff work through the RD Gateway (owner approved)'],
  ['Camera app for the owner', 'nat', 'inbound', 'tcp', "owner's home IP", 'NVR', '37777', 'Owner watches the cameras from home; restricted to one address'],
  ['VoIP to provider', 'allow', 'outbound', 'udp', 'VoIP VLAN', 'SIP provider', '5060-5061', 'Phones register with the hosted PBX'],
];

export function writeClientExtras(insert: Insert, random: DemoRandom, client: ClientFacts): void {
  const { id, profile, from } = client;
  const stamp = (key: string) => uuidv5(`demo:${id}:${key}`);
  const dc = client.devices.find((d) => d.name.endsWith('-DC01'));
  client.siteIds.forEach((siteId, siteIndex) => {
    const networks: [string, number, number | null, string][] = [['LAN', 1, null, 'office LAN'], ['VoIP', 2, 20, 'VoIP phones'], ['Guest Wi-Fi', 9, 99, 'guest Wi-Fi, internet only']];
    networks.slice(0, profile.size === 'small' ? 1 : random.int(2, 3)).forEach(([name, third, vlan, purpose]) => {
      const prefix = `10.${client.octet}.${siteIndex * 10 + third}`;
      insert('networks', ['client_id', 'site_id', 'name', 'cidr', 'vlan_id', 'gateway', 'dns_servers', 'dhcp_server', 'dhcp_range', 'purpose'], stamp(`net:${prefix}`), from, {
        client_id: id, site_id: siteId, name, cidr: `${prefix}.0/24`, vlan_id: vlan, gateway: `${prefix}.1`,
        dns_servers: JSON.stringify(name === 'LAN' && dc ? [dc.ip, '1.1.1.1'] : ['1.1.1.1', '9.9.9.9']),
        dhcp_server: name === 'LAN' && dc && siteIndex === 0 ? `${dc.name} (Windows DHCP)` : 'firewall', dhcp_range: `${prefix}.100-${prefix}.199`, purpose,
      });
    });
  });
  const serviceColumns = ['client_id', 'infrastructure_id', 'name', 'kind', 'protocol', 'port', 'url', 'version', 'vendor', 'status', 'notes'];
  const serviceIds = new Map<string, string>();
  for (const device of client.devices) {
    const slot = device.name.slice(profile.code.length + 1);
    for (const [name, kind, protocol, port, vendor] of SERVICES_BY_SLOT[slot] ?? []) {
      const serviceId = stamp(`service:${device.name}:${name}`);
      serviceIds.set(device.id, serviceId);
      const lob = slot === 'APP01' && kind === 'database';
      insert('services', serviceColumns, serviceId, from, {
        client_id: id, infrastructure_id: device.id, name: lob ? `SQL Server (${profile.lobApp})` : name, kind, protocol, port,
        url: protocol === 'https' ? `https://${device.name.toLowerCase()}.${client.adDomain}${port === 443 ? '' : `:${port}`}` : null,
        version: null, vendor, status: 'running', notes: null,
      });
    }
  }
  const cloud: ServiceRow[] = [['RMM agent', 'rmm', 'https', 443, 'NinjaOne'], ...(profile.m365 ? [['Microsoft 365', 'saas', 'https', 443, 'Microsoft'] as ServiceRow] : [])];
  if (profile.m365 && random.chance(0.5)) cloud.push(['Microsoft 365 backup', 'backup', 'https', 443, 'Datto SaaS Protection']);
  for (const [name, kind, protocol, port, vendor] of cloud) {
    insert('services', serviceColumns, stamp(`service:cloud:${name}`), from, { client_id: id, infrastructure_id: null, name, kind, protocol, port, url: null, version: null, vendor, status: 'running', notes: null });
  }
  for (const firewall of client.devices.filter((d) => d.profile.kind === 'firewall')) {
    RULES.filter(() => random.chance(0.6)).forEach(([name, action, direction, protocol, source, destination, port, reason], order) => {
      insert('firewall_rules', ['infrastructure_id', 'client_id', 'name', 'rule_order', 'action', 'direction', 'protocol', 'source', 'destination', 'port', 'enabled', 'reason', 'external_rule_id'],
        stamp(`rule:${firewall.name}:${name}`), from, {
          infrastructure_id: firewall.id, client_id: id, name, rule_order: (order + 1) * 10, action, direction, protocol, source,
          destination: destination === 'firewall' ? firewall.ip : destination, port, enabled: true, reason, external_rule_id: String(order + 1),
        });
    });
  }
  if (profile.m365) {
    const tenantId = random.guid();
    insert('m365_tenants', ['client_id', 'tenant_id', 'primary_domain', 'display_name', 'other_domains', 'delegated_access', 'license_notes', 'notes'], uuidv5(tenantId), from, {
      client_id: id, tenant_id: tenantId, primary_domain: profile.domain, display_name: profile.name,
      other_domains: JSON.stringify([`${profile.code.toLowerCase()}${random.int(1, 99)}.onmicrosoft.com`]), delegated_access: random.chance(0.8) ? 'gdap' : 'dap',
      license_notes: `${client.users.length + random.int(2, 20)}× Microsoft 365 Business Premium, ${random.int(1, 6)}× Exchange Online (Plan 1); annual renewal`,
      notes: 'Security defaults off, conditional access policies: MFA for all, block legacy auth.',
    });
  }
  const contacts = random.int(2, profile.size === 'large' ? 5 : 3);
  for (let index = 0; index < contacts; index++) {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    insert('contacts', ['client_id', 'site_id', 'name', 'role', 'email', 'phone', 'mobile_phone', 'is_primary', 'active', 'notes'], stamp(`contact:${index}`), from, {
      client_id: id, site_id: client.siteIds[0] ?? null, name: `${first} ${last}`, role: index === 0 ? 'Owner' : random.pick(CONTACT_ROLES),
      email: `${first}.${last}@${profile.domain}`.toLowerCase(), phone: `(541) 555-0${random.int(100, 199)}`,
      mobile_phone: random.chance(0.6) ? `(458) 555-0${random.int(100, 199)}` : null, is_primary: index === 0, active: true,
      notes: index === 0 ? 'Approves anything over 2 hours or any purchase.' : null,
    });
  }
  const credentialColumns = ['client_id', 'site_id', 'infrastructure_id', 'service_id', 'name', 'kind', 'username', 'url', 'notes', 'keychain_ref', 'secret_version', 'status', 'last_rotated_at', 'rotation_interval_days', 'last_used_at'];
  const credentialFor = (device: DemoDevice | null, name: string, username: string, url: string | null) => {
    const credentialId = stamp(`credential:${name}`);
    const version = random.int(1, 4);
    insert('credentials', credentialColumns, credentialId, from, {
      client_id: id, site_id: device?.siteId ?? null, infrastructure_id: device?.id ?? null, service_id: device ? serviceIds.get(device.id) ?? null : null,
      name, kind: 'password', username, url, notes: 'Demo credential: metadata only, no secret is stored.', keychain_ref: `msp-mode/demo/${credentialId}`,
      secret_version: version, status: 'active', last_rotated_at: version > 1 ? from + random.int(30, 300) * 86_400_000 : null,
      rotation_interval_days: random.pick([90, 180, null]), last_used_at: null,
    });
  };
  for (const device of client.devices) {
    const kind = device.profile.kind;
    if (kind === 'server' && !device.name.endsWith('-DC01')) continue;
    const username = kind === 'server' ? `${profile.code}\\mspadmin` : device.profile.family === 'readynas' || kind === 'hypervisor' ? 'root' : kind === 'ups' ? 'apc' : 'admin';
    credentialFor(device, `${device.name} ${kind === 'server' ? 'domain admin' : 'admin'}`, username, kind === 'server' ? null : `https://${device.ip}`);
  }
  if (profile.m365) credentialFor(null, 'Microsoft 365 global admin (break glass)', `breakglass@${profile.domain}`, 'https://admin.microsoft.com');
}
