/**
 * The fixed facts of the demo MSP: its clients, the operating systems of their devices (with the
 * constraints technicians learn the hard way), projects, categories and tags. Pure data.
 */

/** A command family: which command templates and failures apply to a device. */
export type Family =
  | 'win2008' | 'win2012' | 'win' | 'linux' | 'readynas' | 'synology' | 'unifi' | 'pfsense' | 'fortigate'
  | 'switch' | 'printer' | 'esxi' | 'ups' | 'm365' | 'dev' | 'local';

export interface OsProfile {
  family: Family;
  kind: string;
  osName: string;
  osVersion: string;
  /** The platform failure patterns are keyed on. */
  platform: string;
  powershell: string | null;
  manufacturer: string;
  model: string;
  /** Constraints a technician must read before suggesting commands. */
  notes: string | null;
}

const os = (family: Family, kind: string, osName: string, osVersion: string, platform: string, powershell: string | null, manufacturer: string, model: string, notes: string | null = null): OsProfile =>
  ({ family, kind, osName, osVersion, platform, powershell, manufacturer, model, notes });

export const OS = {
  win2008: os('win2008', 'server', 'Windows Server 2008 R2', '6.1.7601', 'win32', '2.0', 'Dell', 'PowerEdge T310',
    'PowerShell 2.0 only — Get-LocalUser, Get-SmbShare, Invoke-WebRequest unavailable: use WMI (Get-WmiObject Win32_UserAccount) and net share. TLS 1.2 off by default. Out of support since Jan 2020: replacement quoted.'),
  win2012: os('win2012', 'server', 'Windows Server 2012 R2', '6.3.9600', 'win32', '4.0', 'HPE', 'ProLiant ML350 Gen9',
    'PowerShell 4.0 — no Get-LocalUser (use net user) and no Install-Module; WMF 5.1 not installed (Exchange 2013 compatibility). ESU not purchased.'),
  win2016: os('win', 'server', 'Windows Server 2016 Standard', '10.0.14393', 'win32', '5.1', 'Dell', 'PowerEdge T430', 'Cumulative updates take 60+ min and often stall at 0%: run them after hours, reboot twice.'),
  win2019: os('win', 'server', 'Windows Server 2019 Standard', '10.0.17763', 'win32', '5.1', 'Dell', 'PowerEdge T340'),
  win2022: os('win', 'server', 'Windows Server 2022 Standard', '10.0.20348', 'win32', '5.1', 'HPE', 'ProLiant DL20 Gen10 Plus'),
  hyperv2019: os('win', 'hypervisor', 'Hyper-V Server 2019', '10.0.17763', 'win32', '5.1', 'Dell', 'PowerEdge R440', 'Core install: no GUI, manage with sconfig, Hyper-V Manager or PowerShell Direct.'),
  esxi67: os('esxi', 'hypervisor', 'VMware ESXi', '6.7.0 U3', 'esxi', null, 'HPE', 'ProLiant DL360 Gen9', 'Free ESXi licence: no vStorage API, backups run inside the guests. SSH disabled by default: enable TSM-SSH in the host client, disable afterwards.'),
  esxi70: os('esxi', 'hypervisor', 'VMware ESXi', '7.0.3', 'esxi', null, 'Dell', 'PowerEdge R650xs', 'Boot from SD card: scratch moved to datastore1 (VMFS-L warnings otherwise).'),
  ubuntu1804: os('linux', 'server', 'Ubuntu', '18.04.6 LTS', 'linux', null, 'VMware', 'Virtual machine', 'Ubuntu 18.04: standard support ended, security updates only through ESM. python3.6 only.'),
  ubuntu2004: os('linux', 'server', 'Ubuntu', '20.04.6 LTS', 'linux', null, 'Intel', 'NUC 10', 'Hosts the UniFi Network application on port 8443; unattended-upgrades holds the dpkg lock around 06:00.'),
  ubuntu2204: os('linux', 'server', 'Ubuntu', '22.04.4 LTS', 'linux', null, 'Proxmox', 'Virtual machine'),
  readynas314: os('readynas', 'nas', 'ReadyNAS OS', '6.10.8', 'readynas', null, 'Netgear', 'ReadyNAS 314',
    'ReadyNAS OS: SMB1 only — Windows 10/11 need the SMB 1.0 client feature or map by IP. WINS installed manually (wheezy archive .deb). No sudo: SSH as root with the admin password.'),
  readynas214: os('readynas', 'nas', 'ReadyNAS OS', '6.10.3', 'readynas', null, 'Netgear', 'ReadyNAS 214',
    'Firmware update fails from the web UI: upload the .img manually. SMB1 only. Disk 2 replaced in 2022.'),
  dsm62: os('synology', 'nas', 'Synology DSM', '6.2.4-25556', 'synology', null, 'Synology', 'DS918+', 'DSM 6.2: sudo needed for synoshare/synopkg, no apt. Hyper Backup to C2 nightly at 01:00.'),
  dsm71: os('synology', 'nas', 'Synology DSM', '7.1.1-42962', 'synology', null, 'Synology', 'DS920+', 'DSM 7: disks are /dev/sata1…, not /dev/sda. Active Backup for Business backs up the servers.'),
  dsm72: os('synology', 'nas', 'Synology DSM', '7.2.1-69057', 'synology', null, 'Synology', 'RS1221+'),
  udmpro: os('unifi', 'firewall', 'UniFi OS', '3.2.12', 'unifi', null, 'Ubiquiti', 'UDM Pro', 'SSH as root with the device SSH password (Settings › Advanced), not the UI account. Custom rules only from the UI.'),
  usg: os('unifi', 'firewall', 'UniFi USG', '4.4.57', 'unifi', null, 'Ubiquiti', 'USG-3P', 'USG end of life: custom firewall rules need config.gateway.json on the controller, or they vanish at provisioning.'),
  pfsense: os('pfsense', 'firewall', 'pfSense CE', '2.7.2', 'freebsd', null, 'Netgate', '4100', 'FreeBSD shell: ifconfig/sockstat, not ip/ss; services via pfSsh.php. Config backup before every change (Diagnostics › Backup).'),
  fortios70: os('fortigate', 'firewall', 'FortiOS', '7.0.12', 'fortios', null, 'Fortinet', 'FortiGate 60F', 'Admin HTTPS on 8443 and SSH from trusted hosts only (MSP office, SSL-VPN pool). SSL-VPN on 10443.'),
  fortios64: os('fortigate', 'firewall', 'FortiOS', '6.4.9', 'fortios', null, 'Fortinet', 'FortiGate 40F', 'FortiOS 6.4: SSL-VPN web mode disabled; upgrade path 6.4.9 → 7.0.12 → 7.2.x (never skip).'),
  usw24: os('switch', 'switch', 'UniFi Switch', '6.5.59', 'unifi', null, 'Ubiquiti', 'USW-24-PoE'),
  procurve: os('switch', 'switch', 'HPE ProCurve', 'YA.16.11.0012', 'procurve', null, 'HPE', 'ProCurve 2530-24G-PoE+', 'SSH offers only diffie-hellman-group1-sha1: ssh -oKexAlgorithms=+diffie-hellman-group1-sha1 -oHostKeyAlgorithms=+ssh-rsa.'),
  sg350: os('switch', 'switch', 'Cisco Small Business', '2.5.9.54', 'cisco-sb', null, 'Cisco', 'SG350-28P', 'Web UI on HTTP only; no "| include" filter in this CLI.'),
  hpm607: os('printer', 'printer', 'HP FutureSmart', '5.6.0.2', 'printer', null, 'HP', 'LaserJet Enterprise M607'),
  ricoh: os('printer', 'printer', 'Ricoh Smart Operation Panel', '2.10', 'printer', null, 'Ricoh', 'IM C3000', 'Scan to folder uses SMB2 with the svc-scan account: changing its password breaks scanning. SNMP community is not public.'),
  brother: os('printer', 'printer', 'Brother firmware', 'ZC', 'printer', null, 'Brother', 'MFC-L8900CDW', 'Scan to SMB needs NTLMv2 and the share by IP address.'),
  apcups: os('ups', 'ups', 'APC NMC2', '6.9.6', 'apc-nmc', null, 'APC', 'Smart-UPS SMT1500RM2U', 'NMC2 web UI speaks TLS 1.0 only: use SSH/SNMP or update the NMC firmware. Shutdown agent on the hypervisor.'),
} satisfies Record<string, OsProfile>;

export type OsKey = keyof typeof OS;

export interface ClientProfile {
  name: string;
  code: string;
  industry: string;
  domain: string;
  city: string;
  timezone: string;
  size: 'small' | 'medium' | 'large';
  sites: string[];
  /** 0 (modern) to 1 (everything old): the odds of Server 2008/2012, ReadyNAS, ProCurve. */
  legacy: number;
  firewall: 'udmpro' | 'usg' | 'pfsense' | 'fortios70' | 'fortios64';
  m365: boolean;
  rateCents: number;
  /** The share of the period the client was a client: [from, to] in 0..1. */
  active: [number, number];
  lobApp: string;
}

const client = (name: string, code: string, industry: string, domain: string, city: string, timezone: string, size: ClientProfile['size'],
  sites: string[], legacy: number, firewall: ClientProfile['firewall'], m365: boolean, rateCents: number, active: [number, number], lobApp: string): ClientProfile =>
  ({ name, code, industry, domain, city, timezone, size, sites, legacy, firewall, m365, rateCents, active, lobApp });

const LA = 'America/Los_Angeles';
const DEN = 'America/Denver';
const PHX = 'America/Phoenix';
export const CLIENTS: ClientProfile[] = [
  client('Harborview Dental Group', 'HDG', 'dental practice', 'harborviewdental.com', 'Portland, OR', LA, 'large', ['Main Office', 'Eastside Clinic', 'Lake Oswego Clinic'], 0.6, 'fortios64', true, 14500, [0, 1], 'Dentrix G7'),
  client('Keller & Associates CPA', 'KAC', 'accounting firm', 'kellercpa.com', 'Boise, ID', DEN, 'medium', ['Main Office', 'Owner home office'], 0.8, 'usg', true, 13500, [0, 1], 'Lacerte and QuickBooks Desktop'),
  client('Mesa Verde Veterinary Clinic', 'MVV', 'veterinary clinic', 'mesaverdevet.com', 'Tempe, AZ', PHX, 'small', ['Clinic'], 0.9, 'pfsense', false, 12500, [0, 1], 'AVImark'),
  client('Northgate Logistics', 'NGL', 'freight and warehousing', 'northgatelogistics.com', 'Reno, NV', LA, 'large', ['Head Office', 'Sparks Warehouse', 'Fernley Cross-Dock'], 0.4, 'fortios70', true, 15500, [0, 1], 'Sage 100 and a WMS on SQL Server'),
  client('Pinecrest Family Medicine', 'PFM', 'medical practice', 'pinecrestfm.com', 'Salem, OR', LA, 'medium', ['Clinic', 'Billing Office'], 0.5, 'fortios70', true, 15000, [0, 1], 'eClinicalWorks (hosted) and a scanning server'),
  client('Summit Ridge Construction', 'SRC', 'general contractor', 'summitridgebuild.com', 'Bend, OR', LA, 'medium', ['Office', 'Yard'], 0.3, 'udmpro', true, 13500, [0, 1], 'Sage 300 CRE'),
  client('Bluewater Marine Supply', 'BMS', 'retail', 'bluewatermarine.com', 'Newport, OR', LA, 'small', ['Store'], 0.5, 'udmpro', false, 12000, [0.15, 1], 'Lightspeed POS'),
  client('Cedar Hollow Law Group', 'CHL', 'law firm', 'cedarhollowlaw.com', 'Eugene, OR', LA, 'medium', ['Office'], 0.4, 'fortios70', true, 16500, [0, 1], 'PCLaw and Worldox'),
  client('Ironwood Manufacturing', 'IWM', 'machine shop', 'ironwoodmfg.com', 'Nampa, ID', DEN, 'large', ['Plant', 'Sales Office'], 0.7, 'pfsense', false, 14000, [0, 1], 'E2 Shop System on SQL Server'),
  client('Lakeside Property Management', 'LPM', 'property management', 'lakesidepm.com', 'Coeur d\'Alene, ID', LA, 'small', ['Office'], 0.2, 'udmpro', true, 12500, [0, 0.7], 'AppFolio (SaaS)'),
  client('Riverbend Public Library', 'RPL', 'public library', 'riverbendlibrary.org', 'Corvallis, OR', LA, 'medium', ['Main Library', 'North Branch'], 0.6, 'pfsense', false, 9500, [0, 1], 'Koha ILS on Ubuntu'),
  client('Sterling Insurance Agency', 'SIA', 'insurance agency', 'sterlingins.com', 'Meridian, ID', DEN, 'small', ['Office'], 0.3, 'usg', true, 13500, [0, 1], 'Applied Epic (hosted)'),
  client('Copperline Architects', 'CPA', 'architecture studio', 'copperlinearch.com', 'Tucson, AZ', PHX, 'small', ['Studio'], 0.2, 'udmpro', true, 14000, [0.35, 1], 'Revit with a Synology project share'),
  client('Westfield Auto Group', 'WAG', 'car dealership', 'westfieldauto.com', 'Medford, OR', LA, 'medium', ['Showroom', 'Service Center'], 0.5, 'fortios64', true, 13500, [0, 1], 'CDK DMS'),
  client('Greenleaf Organic Foods', 'GOF', 'food distributor', 'greenleaforganic.com', 'Twin Falls, ID', DEN, 'small', ['Warehouse Office'], 0.7, 'pfsense', false, 12000, [0, 0.55], 'Acctivate on SQL Express'),
  client('St. Brendan\'s Parish School', 'SBS', 'private school', 'stbrendans.org', 'Spokane, WA', LA, 'medium', ['School', 'Parish Office'], 0.5, 'usg', true, 9000, [0, 1], 'FACTS SIS (SaaS)'),
  client('Alpine Physical Therapy', 'APT', 'physical therapy', 'alpinept.com', 'Flagstaff, AZ', PHX, 'small', ['Clinic'], 0.3, 'udmpro', true, 13000, [0.6, 1], 'WebPT (SaaS)'),
  client('Tri-County Credit Union', 'TCU', 'credit union', 'tricountycu.org', 'Pendleton, OR', LA, 'medium', ['Main Branch', 'Hermiston Branch'], 0.2, 'fortios70', true, 17500, [0.25, 1], 'Symitar front-end (hosted core)'),
  client('Redrock Engineering', 'RRE', 'civil engineering', 'redrockeng.com', 'St. George, UT', DEN, 'small', ['Office'], 0.4, 'udmpro', true, 14500, [0, 1], 'AutoCAD Civil 3D with a file server'),
  client('Maple Street Bakery Co.', 'MSB', 'bakery and café', 'maplestreetbakery.com', 'Ashland, OR', LA, 'small', ['Bakery'], 0.6, 'usg', false, 11000, [0, 1], 'Square POS'),
];

/** Relative amount of work a client generates, by size. */
export const SIZE_WEIGHT = { small: 1, medium: 2.2, large: 3.5 } as const;

/** Servers per size, in the order they get added. */
export const SERVER_ROLES: [name: string, role: string][] = [
  ['DC01', 'domain controller, DNS, DHCP'],
  ['FS01', 'file server, print server'],
  ['APP01', 'line-of-business application and SQL Server'],
  ['RDS01', 'remote desktop session host, RD Gateway'],
  ['EXCH01', 'Exchange (hybrid, mail relay for scanners)'],
  ['BACKUP01', 'Veeam Backup & Replication'],
  ['DC02', 'second domain controller'],
];

export const SERVER_COUNT = { small: [1, 2], medium: [2, 4], large: [4, 7] } as const;

export const FIRST_NAMES = ['Maria', 'James', 'Linda', 'Robert', 'Patricia', 'Michael', 'Jennifer', 'David', 'Elizabeth', 'Daniel', 'Susan', 'Kevin', 'Karen', 'Brian', 'Nancy', 'Jason', 'Lisa', 'Eric', 'Megan', 'Tom', 'Rachel', 'Carlos', 'Amy', 'Scott', 'Heather', 'Greg', 'Diane', 'Luis', 'Tina', 'Mark'];
export const LAST_NAMES = ['Alvarez', 'Brooks', 'Chen', 'Dawson', 'Ellis', 'Fischer', 'Garcia', 'Hughes', 'Ivanova', 'Jensen', 'Kowalski', 'Larsen', 'Morales', 'Nguyen', 'Olsen', 'Patel', 'Quinn', 'Reyes', 'Schmidt', 'Turner', 'Underwood', 'Vasquez', 'Walsh', 'Young', 'Zimmerman', 'Becker', 'Carter', 'Hoffman'];
export const CONTACT_ROLES = ['Owner', 'Office Manager', 'Practice Administrator', 'Controller', 'Operations Manager', 'Front Desk Lead', 'Billing', 'Managing Partner'];

export interface ProjectProfile {
  name: string;
  /** Client code, or null for an internal (dev mode) project. */
  client: string | null;
  description: string;
  active: [number, number];
  repository: string | null;
}

export const PROJECTS: ProjectProfile[] = [
  { name: 'Server 2008 R2 retirement', client: 'HDG', description: 'Move Dentrix and file shares from HDG-DC01 (2008 R2) to a new 2022 host; decommission the old box.', active: [0.55, 0.8], repository: null },
  { name: 'Exchange 2013 to Microsoft 365 migration', client: 'KAC', description: 'Hybrid migration of 18 mailboxes, then Exchange removal; scanners moved to SMTP relay.', active: [0.2, 0.35], repository: null },
  { name: 'Sparks warehouse network build-out', client: 'NGL', description: 'New VLANs, FortiGate site-to-site VPN, 6 UniFi APs, label printers.', active: [0.4, 0.6], repository: null },
  { name: 'FortiGate replacement of the pfSense firewall', client: 'IWM', description: 'Replace pfSense at the plant; keep the machine-network isolation rules.', active: [0.85, 1], repository: null },
  { name: 'Intune enrolment and Autopilot', client: 'PFM', description: 'Enrol 40 workstations in Intune, compliance policies for HIPAA, Autopilot for new laptops.', active: [0.7, 0.95], repository: null },
  { name: 'Synology backup rollout', client: 'SRC', description: 'Active Backup for Business on a DS920+, Hyper Backup to C2, quarterly restore tests.', active: [0.3, 0.45], repository: null },
  { name: 'msp-scripts', client: null, description: 'The PowerShell toolkit used on every client: onboarding, disk reports, patch checks.', active: [0, 1], repository: '~/src/msp-scripts' },
  { name: 'rmm-alert-bridge', client: null, description: 'Node service forwarding RMM alerts to Syncro tickets and Teams.', active: [0.25, 1], repository: '~/src/rmm-alert-bridge' },
  { name: 'client-docs-site', client: null, description: 'Static site generated from the client documentation repository.', active: [0.5, 0.9], repository: '~/src/client-docs-site' },
  { name: 'backup-report-parser', client: null, description: 'Parses Veeam and Synology backup e-mails into a daily status board.', active: [0.1, 0.65], repository: '~/src/backup-report-parser' },
];

/** [name, parent name or null, description] */
export const CATEGORIES: [string, string | null, string][] = [
  ['Infrastructure', null, 'Servers, storage and the network they sit on'],
  ['Servers', 'Infrastructure', 'Windows and Linux servers, hypervisors'],
  ['Storage', 'Infrastructure', 'NAS, shares, disks, RAID'],
  ['Networking', 'Infrastructure', 'Firewalls, switches, VPN, Wi-Fi, DNS'],
  ['Troubleshooting', null, 'Finding and fixing what broke'],
  ['Configuration', null, 'Planned configuration changes'],
  ['Security', null, 'Accounts, certificates, hardening, incidents'],
  ['Backup & Recovery', null, 'Backup jobs, restores, restore tests'],
  ['Microsoft 365', null, 'Mailboxes, licences, Entra ID, Intune'],
  ['Patching & Updates', null, 'Windows updates, firmware, packages'],
  ['User Management', null, 'Accounts, passwords, groups, onboarding and offboarding'],
  ['Monitoring', null, 'RMM alerts, health checks, reports'],
  ['Printing & Scanning', null, 'Printers, scan to folder, print queues'],
  ['Development', null, 'Internal tools and scripts'],
  ['Documentation', null, 'Client documentation and runbooks'],
  ['Administration', null, 'Vendor calls, renewals, licences, billing'],
];

/** [name, colour] */
export const TAGS: [string, string][] = [
  ['urgent', '#d73a49'], ['after-hours', '#6f42c1'], ['onsite', '#0366d6'], ['remote', '#28a745'], ['follow-up', '#f66a0a'],
  ['eol', '#b08800'], ['server-2008', '#735c0f'], ['smb1', '#735c0f'], ['ssl', '#005cc5'], ['patching', '#22863a'],
  ['backup', '#1b7c83'], ['m365', '#0078d4'], ['vpn', '#5a32a3'], ['firewall', '#cb2431'], ['nas', '#6a737d'],
  ['printer', '#959da5'], ['security', '#d73a49'], ['project-work', '#2188ff'], ['documentation', '#586069'], ['dev', '#24292e'],
  ['warranty', '#e36209'], ['hipaa', '#0366d6'],
];
