// The vocabulary of the synthetic MSP history that `msp demo` writes: clients, devices, the
// commands technicians run on them and the ways those commands fail. Invented, never contacted.

export const CLIENT_NAMES = [
  ['Acme Dental Group', 'healthcare'], ['Brightwater Legal', 'legal'], ['Cactus Valley Plumbing', 'trades'],
  ['Desert Sun Realty', 'real estate'], ['Evergreen Accounting', 'finance'], ['Foothills Veterinary', 'healthcare'],
  ['Granite Peak Builders', 'construction'], ['Harbor Light Church', 'non-profit'], ['Ironwood Manufacturing', 'manufacturing'],
  ['Juniper School District', 'education'], ['Kestrel Logistics', 'logistics'], ['Lumen Architecture', 'design'],
  ['Mesa Family Clinic', 'healthcare'], ['Northstar Insurance', 'finance'], ['Oasis Hotel Group', 'hospitality'],
  ['Pinnacle Engineering', 'engineering'], ['Quail Run HOA', 'non-profit'], ['Redrock Auto Repair', 'trades'],
  ['Saguaro Credit Union', 'finance'], ['Tumbleweed Media', 'design'],
] as const;

export type DeviceKind = 'windows-server' | 'linux-server' | 'nas' | 'firewall' | 'switch' | 'workstation' | 'printer';

export interface DeviceTemplate {
  kind: DeviceKind;
  role: string;
  osName: string;
  osVersions: string[];
  manufacturer: string;
  model: string;
  powershell?: string;
  notes?: string;
}

export const DEVICES: DeviceTemplate[] = [
  { kind: 'windows-server', role: 'domain controller', osName: 'Windows Server', osVersions: ['2016', '2019', '2022'], manufacturer: 'Dell', model: 'PowerEdge R450', powershell: '5.1' },
  { kind: 'windows-server', role: 'file server', osName: 'Windows Server', osVersions: ['2012 R2', '2019'], manufacturer: 'HPE', model: 'ProLiant DL380', powershell: '5.1' },
  { kind: 'windows-server', role: 'line-of-business app server', osName: 'Windows Server', osVersions: ['2008 R2'], manufacturer: 'Dell', model: 'PowerEdge T310', powershell: '2.0', notes: 'PowerShell 2.0 only: Get-LocalUser and Get-NetAdapter unavailable, use WMI (Get-WmiObject); no TLS 1.2 by default' },
  { kind: 'linux-server', role: 'backup and monitoring', osName: 'Ubuntu', osVersions: ['20.04', '22.04', '24.04'], manufacturer: 'Supermicro', model: 'SYS-5019' },
  { kind: 'nas', role: 'backup target', osName: 'ReadyNAS OS', osVersions: ['6.10'], manufacturer: 'Netgear', model: 'ReadyNAS 424', notes: 'SMB1 only for the scanner share; WINS installed by hand (no native service); reboot takes 6 minutes' },
  { kind: 'nas', role: 'file shares', osName: 'Synology DSM', osVersions: ['7.1', '7.2'], manufacturer: 'Synology', model: 'DS920+', notes: 'Hyper Backup to B2 nightly at 01:00; SSH on port 2222' },
  { kind: 'firewall', role: 'edge firewall', osName: 'FortiOS', osVersions: ['7.0', '7.2'], manufacturer: 'Fortinet', model: 'FortiGate 60F', notes: 'SSL-VPN on 10443; admin GUI only from the office VLAN' },
  { kind: 'firewall', role: 'edge firewall', osName: 'UniFi OS', osVersions: ['3.2', '4.0'], manufacturer: 'Ubiquiti', model: 'UDM Pro', notes: 'DNS served by the UDM since the migration; DHCP reservations in the UniFi console' },
  { kind: 'firewall', role: 'edge firewall', osName: 'pfSense', osVersions: ['2.7'], manufacturer: 'Netgate', model: '4100' },
  { kind: 'switch', role: 'core switch', osName: 'UniFi Switch', osVersions: ['6.6'], manufacturer: 'Ubiquiti', model: 'USW-Pro-24-PoE' },
  { kind: 'workstation', role: 'front desk PC', osName: 'Windows 11', osVersions: ['23H2', '24H2'], manufacturer: 'Lenovo', model: 'ThinkCentre M70q', powershell: '5.1' },
  { kind: 'printer', role: 'office printer', osName: 'HP FutureSmart', osVersions: ['5.6'], manufacturer: 'HP', model: 'LaserJet M404' },
];

export interface CommandTemplate {
  command: string;
  stdout?: string;
}

const ps = (command: string, stdout = '') => ({ command, stdout });

export const COMMANDS: Record<DeviceKind, CommandTemplate[]> = {
  'windows-server': [
    ps("Get-Service -ComputerName {host} -Name Spooler,W32Time | Select Name,Status", 'Name    Status\n----    ------\nSpooler Running\nW32Time Running'),
    ps("Get-ADUser -Filter 'Enabled -eq $false' -SearchBase 'OU=Staff,DC=corp,DC=local' | Select Name", 'Name\n----\nformer.employee'),
    ps("Invoke-Command -ComputerName {host} { Get-EventLog -LogName System -Newest 20 -EntryType Error }", 'Index Time   EntryType Source\n----- ----   --------- ------\n88231 Nov 03 Error     Service Control Manager'),
    ps("Get-SmbShare -CimSession {host} | Select Name,Path", 'Name   Path\n----   ----\nShared D:\\Shared'),
    ps("Test-NetConnection {host} -Port 3389", 'TcpTestSucceeded : True'),
    ps("Get-WmiObject Win32_LogicalDisk -ComputerName {host} | Select DeviceID,FreeSpace", 'DeviceID FreeSpace\n-------- ---------\nC:       41234567168'),
    ps("repadmin /replsummary", 'Replication Summary Start Time: ...\nlargest delta  fails/total %%  error'),
    ps("gpupdate /force", 'Computer Policy update has completed successfully.'),
    ps("Restart-Service -Name Spooler -Force"),
    ps("Get-ScheduledTask -TaskPath '\\Backup\\' | Get-ScheduledTaskInfo | Select TaskName,LastTaskResult", 'TaskName     LastTaskResult\n--------     --------------\nNightlyCopy  0'),
  ],
  'linux-server': [
    ps('systemctl status veeam-agent --no-pager | head -n 5', '● veeam-agent.service - Veeam Agent\n   Active: active (running)'),
    ps('df -h /backup', 'Filesystem Size Used Avail Use% Mounted on\n/dev/sdb1  7.3T 5.1T  2.2T  70% /backup'),
    ps('journalctl -u smbd --since today --no-pager | tail -n 20', 'smbd[1184]: connection from 10.0.1.25'),
    ps('sudo apt-get update && sudo apt-get -y upgrade', 'Reading package lists... Done\n0 upgraded, 0 newly installed'),
    ps('rsync -a --delete /srv/shares/ backup@{host}:/volume1/shares/', ''),
    ps('ss -tlnp | grep 445', 'LISTEN 0 50 0.0.0.0:445 users:(("smbd",pid=1184))'),
    ps('tail -n 50 /var/log/syslog', 'Nov  4 08:12:37 host systemd[1]: Started Daily apt upgrade.'),
  ],
  nas: [
    ps('ssh admin@{host} "df -h /volume1"', 'Filesystem Size Used Avail Use% Mounted on\n/dev/md2 21T 14T 7.0T 67% /volume1'),
    ps('ssh admin@{host} "cat /proc/mdstat"', 'md2 : active raid5 sda3[0] sdb3[1] sdc3[2] sdd3[3]\n      [4/4] [UUUU]'),
    ps('smbclient -L //{host} -N', 'Sharename Type Comment\n--------- ---- -------\nscans     Disk'),
    ps('ssh admin@{host} "synopkg list | grep HyperBackup"', 'HyperBackup-4.1.0'),
  ],
  firewall: [
    ps('ssh admin@{host} "get system status"', 'Version: FortiGate-60F v7.2.8\nSerial-Number: FGT60F...'),
    ps('ssh admin@{host} "diagnose vpn tunnel list"', 'list all ipsec tunnel in vd 0\nname=branch ver=2 serial=1'),
    ps('ping -c 4 {host}', '4 packets transmitted, 4 received, 0% packet loss'),
    ps('nslookup portal.example.com {host}', 'Name:    portal.example.com\nAddress: 203.0.113.10'),
  ],
  switch: [
    ps('ssh admin@{host} "show interfaces status"', 'Port  Name  Status  Vlan\nGi1/0/1 uplink connected trunk'),
    ps('ping -c 4 {host}', '4 packets transmitted, 4 received, 0% packet loss'),
  ],
  workstation: [
    ps('Get-Printer -ComputerName {host} | Select Name,PrinterStatus', 'Name          PrinterStatus\n----          -------------\nHP-LJ-M404    Normal'),
    ps('Get-LocalUser | Select Name,Enabled', 'Name          Enabled\n----          -------\nfrontdesk     True'),
    ps('winget upgrade --all --silent', 'No applicable upgrade found.'),
    ps('ipconfig /flushdns', 'Successfully flushed the DNS Resolver Cache.'),
  ],
  printer: [
    ps('ping -c 4 {host}', '4 packets transmitted, 4 received, 0% packet loss'),
    ps('curl -s http://{host}/hp/device/DeviceStatus/Index | head -c 200', '<html><title>Device Status</title>'),
  ],
};

export interface FailureTemplate {
  kinds: DeviceKind[];
  command: string;
  error: string;
  category: string;
  exitCode: number;
  /** What worked instead, when something did. */
  alternative?: string;
  /** Only on devices whose PowerShell is this version. */
  powershell?: string;
}

export const FAILURES: FailureTemplate[] = [
  { kinds: ['windows-server'], powershell: '2.0', command: 'Get-LocalUser | Select Name,Enabled', error: "The term 'Get-LocalUser' is not recognized as the name of a cmdlet, function, script file, or operable program.", category: 'command_not_found', exitCode: 1, alternative: 'Get-WmiObject Win32_UserAccount -Filter "LocalAccount=True"' },
  { kinds: ['windows-server'], powershell: '2.0', command: 'Get-NetAdapter | Select Name,Status', error: "The term 'Get-NetAdapter' is not recognized as the name of a cmdlet.", category: 'version_compatibility', exitCode: 1, alternative: 'Get-WmiObject Win32_NetworkAdapter' },
  { kinds: ['windows-server', 'workstation'], command: 'Invoke-Command -ComputerName {host} { Get-Service }', error: 'Connecting to remote server {host} failed with the following error message : WinRM cannot complete the operation. Verify that the specified computer name is valid, that the computer is accessible over the network.', category: 'network', exitCode: 1, alternative: 'Enable-PSRemoting -Force on the target, then retry' },
  { kinds: ['windows-server'], command: 'Restart-Service -Name Spooler -ComputerName {host}', error: "A parameter cannot be found that matches parameter name 'ComputerName'.", category: 'syntax_error', exitCode: 1, alternative: 'Invoke-Command -ComputerName {host} { Restart-Service Spooler }' },
  { kinds: ['windows-server'], command: 'net use Z: \\\\{host}\\Shared', error: 'System error 53 has occurred.\nThe network path was not found.', category: 'network', exitCode: 2 },
  { kinds: ['windows-server', 'workstation'], command: 'Set-ExecutionPolicy RemoteSigned', error: 'Access to the registry key is denied. To change the execution policy for the default (LocalMachine) scope, start Windows PowerShell with the "Run as administrator" option.', category: 'permission_denied', exitCode: 1, alternative: 'Set-ExecutionPolicy RemoteSigned -Scope CurrentUser' },
  { kinds: ['linux-server'], command: 'systemctl restart smbd', error: 'Failed to restart smbd.service: Access denied', category: 'permission_denied', exitCode: 4, alternative: 'sudo systemctl restart smbd' },
  { kinds: ['linux-server'], command: 'veeamconfig job start --name Nightly', error: 'bash: veeamconfig: command not found', category: 'command_not_found', exitCode: 127, alternative: '/opt/veeam/bin/veeamconfig job start --name Nightly' },
  { kinds: ['nas', 'firewall', 'switch'], command: 'ssh admin@{host}', error: 'ssh: connect to host {host} port 22: Connection timed out', category: 'timeout', exitCode: 255, alternative: 'ssh -p 2222 admin@{host}' },
  { kinds: ['nas', 'firewall'], command: 'ssh admin@{host} "get system status"', error: 'admin@{host}: Permission denied (publickey,password).', category: 'authentication', exitCode: 255 },
  { kinds: ['nas'], command: 'smbclient //{host}/scans -U scanner', error: 'protocol negotiation failed: NT_STATUS_CONNECTION_RESET', category: 'version_compatibility', exitCode: 1, alternative: 'smbclient //{host}/scans -U scanner --option="client min protocol=NT1"' },
  { kinds: ['printer', 'firewall', 'switch'], command: 'ping -c 4 {host}', error: '4 packets transmitted, 0 received, 100% packet loss', category: 'network', exitCode: 1 },
  { kinds: ['linux-server'], command: 'rsync -a /srv/shares/ backup@{host}:/volume1/shares/', error: 'rsync: connection unexpectedly closed (0 bytes received so far) [sender]', category: 'network', exitCode: 12 },
  { kinds: ['workstation'], command: 'winget upgrade --all --silent', error: 'Operation cancelled by user (Ctrl+C)', category: 'interrupted', exitCode: 130 },
];

export const WORK = [
  ['troubleshooting', 'Printer offline at the front desk', 'Restarted the spooler on {host}; cleared stuck jobs; test page printed'],
  ['troubleshooting', 'Users cannot reach the file share', 'Fixed the DNS record for {host}; mapped drives reconnect'],
  ['maintenance', 'Monthly patching', 'Patched {host}; rebooted in the window; services verified'],
  ['backup', 'Backup job failed overnight', 'Freed space on {host}; re-ran the job; verified restore of a sample file'],
  ['security', 'Disabled accounts of former staff', 'Disabled 3 AD accounts; removed VPN access on {host}'],
  ['infrastructure', 'Firewall rule review', 'Removed stale port forwards on {host}; documented the remaining rules'],
  ['m365', 'New hire onboarding', 'Created the M365 account, licence and mailbox; added to the staff group'],
  ['network', 'Slow Wi-Fi in the conference room', 'Moved the AP to channel 36 on {host}; throughput back to 400 Mb/s'],
  ['infrastructure', 'Server migration planning', 'Inventoried roles on {host}; drafted the cut-over plan'],
  ['m365', 'Mailbox over quota', 'Enabled the online archive; moved mail older than 2 years'],
] as const;

export const CATEGORIES = ['troubleshooting', 'maintenance', 'backup', 'security', 'infrastructure', 'm365', 'network', 'development', 'research'];
export const TAGS = ['urgent', 'after-hours', 'onsite', 'remote', 'follow-up', 'warranty', 'printer', 'dns', 'vpn', 'backup'];
export const PROJECTS = [
  ['Server 2008 retirement', 0], ['DNS migration to UDM', 1], ['M365 tenant cleanup', 2], ['Backup overhaul', 3],
  ['Office move', 4], ['Wi-Fi refresh', 5], ['msp-mode', null], ['onboarding scripts', null], ['monitoring dashboards', null], ['PowerShell toolkit', null],
] as const;
export const TECHNICIANS = [['laptop', 'mike'], ['desktop', 'mike'], ['tech-02', 'dana'], ['tech-03', 'ravi']] as const;
